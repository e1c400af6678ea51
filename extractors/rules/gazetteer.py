"""Family: well-known names from the gazetteer, extended to the longer name they start."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context
from paperkg.extractors.rules.names import SLASH_SIZE, SUFFIX_ONLY, VALUE_TAIL
from paperkg.extractors.words import word_set, words

# A known name followed by a version, size or suffix is a longer name ("Llama 3.1", "GPT-4o-mini",
# "Claude Sonnet 4.0", "Whisper Large v3", "DeepSeek R1"); a number before a slash is a split
# ratio, not a version ("Pascal VOC 1/8"); a size is read before a dotted version, so that
# "OPT 2.7B" keeps its unit.
_GAZ_EXT = re.compile(
    r"(?:-[A-Za-z0-9.]+)+(?![\w])|(?: v\d[\w.]*| \d+(?:\.\d+)?[KMBkmb]\b| \d+(?:\.\d+)+"
    r"| \d+(?![\w.%/])| \d+x\d+(?:\.\d+)?[BMbm]\b"
    r"| [A-Z][a-z]+-?\d[\w.]*| [A-Z][a-z]+ v?\d+(?:\.\d+)*(?![\w%])| [A-Z]\d{1,2}(?![\w.%]))"
    r"(?:-[A-Za-z0-9.]+)*"
)
# a tier word joined to the name ("-mini", " Scout"), or another size or version after a slash
# ("CIFAR-10/100", "Apertus-70B/8B-Instruct", "QWen2.5/3-VL")
_TIER = re.compile(r"([- ])([A-Za-z]+)(?![\w-])")
# "space": after a space too, when a model's name so far ends in a version or size ("GPT-5
# mini", "Mixtral 8x7B Instruct"); "Space": capitalised after a space, after any known model
# ("GPT-2 Small"); "Space any": so after a known data set or benchmark too ("GPQA Diamond")
_TIERS = {w.split()[0]: (w.split() + [""])[1] for w in words("model_tiers")}
_TIER_ANY = {w.split()[0] for w in words("model_tiers") if w.endswith(" any")}
_ENDS_VERSION = re.compile(r"(?:\d|\d[BMbm])$")
# a size after a model's version ("Qwen 2.5 3B", "Qwen 3.5 35B-A3B"), a second part number
# written in Roman numerals ("Argoverse II", "StarCraft II")
_SIZE_AFTER = re.compile(r" \d+(?:\.\d+)?[BM](?:-A\d+(?:\.\d+)?[BM])?(?![\w.%])")
_ROMAN_AFTER = re.compile(r" (?:II|III|IV)(?![\w\-])")

# a software product named after the model it runs ("Claude Code", "Gemini CLI", "Claude Desktop")
_PRODUCT = re.compile(r" (CLI|API|Desktop|Code)(?![\w\-])")


def _tail(text: str, end: int, type_: str) -> int:
    """Where a known name of a model or data set ends once its tier word, part number or
    slashed alternative size is added (end itself when there is none)."""
    if type_ not in ("MODEL", "DATASET", "BENCHMARK"):
        return end
    m = SLASH_SIZE.match(text, end)
    if m:
        end = m.end()
    m = _ROMAN_AFTER.match(text, end)
    if m:
        return m.end()
    if type_ == "MODEL" and text[end - 1].isdigit():
        m = _SIZE_AFTER.match(text, end)
        if m:
            end = m.end()
    m = _TIER.match(text, end)
    if m:
        word = m.group(2)
        space = _TIERS.get(word.lower())
        versioned = _ENDS_VERSION.search(text, max(0, end - 2), end) is not None
        if space is not None and (m.group(1) == "-" or (
                space == "space" and type_ == "MODEL" and versioned) or (
                space == "Space" and word[0].isupper() and (
                    type_ == "MODEL" or word.lower() in _TIER_ANY))):
            end = m.end()
    return end


# a dimension written before a known name of several words or parts, not all in lower case
# ("3D U-Net", "3D Fourier Neural Operator", "2D Gaussian Splatting"), names a variant of it;
# before an acronym ("3D NeRF", "2D RoPE") or a lower-case phrase ("3D signed distance
# function") the gold keeps the known name alone as often as not
_DIMENSION_BEFORE = re.compile(r"(?<![\w\-.])[2-4]D $")
_SEVERAL_PARTS = re.compile(r"[ \-]")

# a hyphen and a lower-case word right after a name: the name modifies that word
_LOWER_AFTER_HYPHEN = re.compile(r"-[a-z]")


def gazetteer_names(ctx: Context) -> None:
    """A candidate per gazetteer hit; a hit that is only part of a longer name becomes it."""
    text = ctx.text
    for a, b, type_, canon in ctx.gaz_hits:
        if a >= 2 and text[a - 1] == "-" and text[a - 2].isalnum():
            continue  # "...-DPO": part of a coined word the run rule finds
        if type_ == "METRIC" and _LOWER_AFTER_HYPHEN.match(text, b) and text[a:b].isupper() \
                and fold(canon) in word_set("ambiguous_metrics"):
            continue  # "AP-weighted ensemble": a common acronym modifies, names no measure here
        ext = _GAZ_EXT.match(text, b)
        b2 = b
        if ext:
            part = ext.group()
            while SUFFIX_ONLY.search(part):
                part = part[:part.rfind("-")]  # "Qwen3-0.6B-style": the name is Qwen3-0.6B
            if part:
                b2 = b + len(part)
            else:
                ext = None  # "Transformer-Driven": a modifier, not a longer name
        if ext and type_ in ("METRIC", "TASK") and ext.group()[0] == " ":
            ext = None  # "FID 18.9": a measure and its value
        elif ext and ext.group()[0] == " " and VALUE_TAIL.match(ext.group()[1:]):
            ext = None  # "SVHN 0.96", "MMLU 71.20": a data set and its score, no version
        if not (ext and any(ch.isdigit() or ch.isupper() for ch in text[b:b2])):
            b2 = b
        while b2 > b and text[b2 - 1] in ".-":
            b2 -= 1
        b2 = _tail(text, b2, type_)
        a0 = a
        if type_ not in ("TASK", "METRIC") and _DIMENSION_BEFORE.search(text, max(0, a - 4), a) \
                and _SEVERAL_PARTS.search(text, a, b) and not text[a:b].islower():
            a -= 3  # "3D U-Net": a variant of the known name
        pm = _PRODUCT.match(text, b2) if type_ == "MODEL" else None
        if pm:  # "Claude Code", "Codex CLI", "GPT-4 Vision API": a tool built on the model
            surface = text[a:pm.end()]
            c = Cand(a, pm.end(), surface, surface,
                     "MODEL" if pm.group(1) == "API" else "METHOD", 0.75, "gazetteer_variant")
            c.strong_type = True
            ctx.cands.append(c)
            continue
        if b2 > b or a < a0:
            surface = text[a:b2]
            c = Cand(a, b2, surface, surface,
                     type_ if type_ in ("MODEL", "DATASET", "BENCHMARK") else "",
                     0.75, "gazetteer_variant")
            c.strong_type = bool(c.type)
            ctx.cands.append(c)
            continue
        surface = text[a:b]
        c = Cand(a, b, surface, surface, type_, 0.9, "gazetteer")
        c.gaz_canon = canon
        c.strong_type = True
        ctx.cands.append(c)
    ctx.set_gazetteer_spans()


STAGES = [(10, gazetteer_names)]
