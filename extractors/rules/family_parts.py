"""A coined name built on a known model family's name, or written with a patch size, is a model."""

from __future__ import annotations

import re
from functools import cache

# "ViT-G/14", "SoViT-400m/14", "MPTs-1/32": a size letter or count and a patch size
_PATCH_SIZE = re.compile(r"^[A-Za-z][\w\-]*-(?:\d+(?:\.\d+)?[mMbBkK]?|[A-Z][a-z]?)/\d{2}$")
# a version or size written after the family's name: "-18", "101", "V2", "2", "-v1.5"
_AFTER = r"(?:[\-\s]?[vV]?\d+(?:\.\d+)*[a-zA-Z]?)?"


def _coined_family(family: str) -> bool:
    """Whether a family's name is coined (two capitals: "CLIP", "ResNet"), not a word ("Phi")."""
    return sum(ch.isupper() for ch in family) >= 2


@cache
def _patterns(families: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """(a name whose last part is a family's name, a family's name in another case and a size)."""
    fams = sorted((f for f in families if _coined_family(f) and " " not in f), key=len,
                  reverse=True)
    alt = "|".join(re.escape(f) for f in fams)
    # "FSC-CLIP", "GroupNL-ResNet-18", "TSMS-SAM2", "Structured-MobileNetV2", "SE-ResNeXt101",
    # "Spiking Underwater YOLO": parts joined by "-", "+" or a space, the family's name last
    last = re.compile(rf"^[A-Z0-9][\w+]*(?:[\-+\s][A-Z0-9][\w+]*)*[\-+\s](?:{alt}){_AFTER}$")
    # "Resnet18", "Resnet-50": a family's name in another case, with its size
    sized = re.compile(rf"^(?i:{alt})-?\d+$")
    return last, sized


def family_part_type(name: str, families: tuple[str, ...], own: bool = False) -> str | None:
    """MODEL when name carries a patch size ("ViT-G/14") or, unless it is the paper's own
    (own: "PiN-CLIP" is mostly a method applied to CLIP), is a coined variant of a listed model
    family ("FSC-CLIP", "GroupNL-ResNet-18", "Resnet18"); else None."""
    if _PATCH_SIZE.match(name):
        return "MODEL"
    if own or not families:
        return None
    last, sized = _patterns(families)
    if last.match(name) or sized.match(name):
        return "MODEL"
    return None
