"""Family helper: whether a run of several coined words outside the title names one thing.

"MVTec AD", "Pix2Pix GAN", "TVM TIR", "iZotope RX", "OmniSapiens-7B SFT": a coined word followed
by another coined word is most often one name (a product with its maker, a data set with its
part, a model with its training stage). The run rule used to split every such run into single
names. It still does where the words stand for several things: a measure or task written after
a data set or model ("ImageNet FID", "FLEURS WER", "CIRCO mAP@50"), names that each carry a
number ("GPT-4 Llama-2"), a kind of system in the plural ("VITAL-Series LMMs"), a modifier
joined by "-based" or a participle ("ReLU-based RNN", "TD-trained PRMs"), a possessive ("LLMs'
CQ"), a word the list `run_join_openers` says only qualifies ("E2E ASR"), words each of
which the text also writes on its own ("3DGS SLAM" beside "3DGS" and "SLAM"), or a word of
`not_names` such as an accelerator ("Qwen3-8B H800 MetaMathQA"). An organisation does not split
a run: the gold names "NVIDIA OptiX", "AWS SageMaker", "NASA IMS" whole.
Read by rules/names.py (the run rule, order 40); no stage of its own.
"""

from __future__ import annotations

import re

from paperkg.core.text import fold
from paperkg.extractors.rules.base import Context, word_set

# a plural acronym or a coined word ending in one: a kind of system ("LMMs", "ViTs", "FD-SLMs")
_PLURAL_KIND = re.compile(r"(?:^|-)[A-Z]{2,}s$")
# a modifier joined to a coined word: "ReLU-based", "ASR-adapted", "DINOv3-initialized"
_MODIFIER = re.compile(r"-(?:based|like|style|[a-z]{2,}ed)$|based$")
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_BREAK_TYPES = frozenset({"METRIC", "TASK"})
_DIGIT = re.compile(r"\d")


def _known_measure_or_task(ctx: Context, a: int) -> bool:
    """Whether a gazetteer hit of a measure or a task starts at offset a ("FID", "mAP@50")."""
    return any(h[0] == a and h[2] in _BREAK_TYPES for h in ctx.gaz_hits)


def _written_alone(text: str, word: str, a: int, b: int) -> bool:
    """Whether the text writes word somewhere outside the run text[a:b]."""
    pat = re.compile(r"(?<![\w\-])" + re.escape(word) + r"(?![\w\-])")
    return any(not (a <= m.start() < b) for m in pat.finditer(text))


def _no_name_alone(ctx: Context, word: str) -> bool:
    """Whether word is a listed not-name other than an organisation ("H800", "CUDA", "English");
    a maker stays with its product ("NVIDIA OptiX", "AWS SageMaker": the gold names them whole)."""
    return word in ctx.not_names and fold(word) not in ctx.orgs


def one_name(ctx: Context, words: list[str], offs: list[int]) -> bool:
    """Whether the coined words (at offsets offs, a run outside the title) name one thing."""
    if len(words) < 2:
        return True
    first = words[0]
    if _MODIFIER.search(first) or _POSSESSIVE.search(first) or \
            first.lower() in word_set("run_join_openers"):
        return False
    if _PLURAL_KIND.search(words[-1]) or all(_DIGIT.search(w) for w in words):
        return False  # "VITAL-Series LMMs"; "GPT-4 Llama-2": two releases, each numbered
    if any(_known_measure_or_task(ctx, o) for o in offs[1:]) or \
            ctx.text.startswith("@", offs[-1] + len(words[-1])):
        return False  # "ImageNet FID", "CIRCO mAP@50": a measure after a data set
    if any(_no_name_alone(ctx, w) for w in words):
        return False  # "Qwen3-8B H800 MetaMathQA": a device between two names
    a, b = offs[0], offs[-1] + len(words[-1])
    return not all(_written_alone(ctx.text, w, a, b) for w in words)
