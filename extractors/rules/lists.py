"""Family: coordination. A single capitalised word is weak evidence of a name on its own
("Lean", "Fuyu", "Bitfit"), but one listed with names ("such as LoRA, AdaLoRA, DyLoRA, and
Bitfit", "two encoder-free VLMs, Gemma4 and Fuyu", "Vicuna-, Qwen2.5- and Mistral-based") is one
of them: it takes their confidence and, when they agree on one, their type."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, heads, type_by_shape, word_set
from paperkg.extractors.rules.heads import evaluation_sentence

# what may stand between two items of a list; a suspended hyphen before a comma too ("Vicuna-,
# Qwen2.5-"), not before "and" ("Inter- and Intra-image", "Transformer- and CNN-based": parts
# of one compound)
_SEP = re.compile(r"^(?:-?,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
# one bracketed token right after an item, read past when items are joined: its acronym or
# its value ("Relative Volume Difference (RVD), ...", "ImageNet-A (+5.2%), ImageNet-C (+8.3%)");
# not a phrase ("On OLMo-3 (7B to 32B), SEAD achieves")
_BRACKETED = re.compile(r"^\s*\(\s*[+\-−]?[\w.%\\]{1,12}\s*\)")
# a listed word ends its item: "Bregman divergences" is a modifier and a noun, not a name (a
# lower-case word after it must be a function word or a verb: "Bitfit while ...")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_HEADS = frozenset(f for h in heads() for f in (h.word, h.plural)) | {"bench"}
# rules whose names are strong enough to vouch for a listed neighbour
_STRONG = frozenset({"gazetteer", "coined_name", "gazetteer_variant", "acronym_definition"})


def listed_words(ctx: Context) -> None:
    """Raise a capitalised word listed right beside a confident name (or beside another
    capitalised word next to one) to a name of the list's type."""
    cands = ctx.cands
    if len(cands) < 2:
        return
    text = ctx.text
    stop = word_set("task_stop")
    items = sorted((c for c in cands if c.start >= ctx.title_end), key=lambda c: c.start)
    weak = [i for i, c in enumerate(items) if c.rule == "capitalised_word"]
    if not weak:
        return
    linked = [False] * len(items)  # items[i] is listed with items[i + 1]
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        linked[i] = a.end <= b.start and _SEP.match(text[a.end:b.start]) is not None
    # runs of linked items: each run is one list
    i = 0
    while i < len(items):
        j = i
        while j < len(items) - 1 and linked[j]:
            j += 1
        run = items[i:j + 1]
        i = j + 1
        if len(run) < 2:
            continue
        strong = [c for c in run if c.rule in _STRONG and c.conf >= 0.5 and not c.org]
        if not strong or len(strong) * 2 < len(run) - 1:
            continue  # mostly weak words: a list of plain capitalised words, not of names
        types = {c.type or type_by_shape(c.name, ctx.gaz) for c in strong}
        for c in run:
            nxt = _NEXT_WORD.match(text, c.end)
            if c.rule != "capitalised_word" or c.name.lower() in _HEADS or (
                    nxt is not None and nxt.group(1) not in stop):
                continue  # "Bregman divergences"; "V* Bench": a head word alone
            c.conf = max(c.conf, 0.6)
            c.rule = "listed_word"
            if len(types) == 1 and None not in types and not c.type:
                c.type = next(iter(types))





_LIST_TYPES = ("DATASET", "BENCHMARK", "MODEL", "METRIC")
_CONSENSUS_RULES = frozenset({"coined_name", "capitalised_word", "listed_word",
                              "title_case_phrase", "gazetteer_variant"})


def list_types(ctx: Context) -> None:
    """Names listed together are of one kind: an untyped coined name in a list whose typed
    members all have one type of data or model ("on PVRBench, UrbanVideo, and VisBench",
    "(e.g., InternVideo, VAST, UMT-L)") takes it, in a sentence about evaluation."""
    cands = ctx.cands
    if len(cands) < 2:
        return
    text = ctx.text
    # a long form and its bracketed acronym are one item
    short = {id(c) for c in cands if c.rule == "acronym_definition" and not c.long_form}
    items = sorted((c for c in cands if c.start >= ctx.title_end and id(c) not in short),
                   key=lambda c: c.start)
    i = 0
    while i < len(items):
        j = i
        while j < len(items) - 1 and items[j].end <= items[j + 1].start and \
                _SEP.match(_BRACKETED.sub("", text[items[j].end:items[j + 1].start], 1)):
            j += 1
            if re.search(r"\b(?:and|or)\b|&", text[items[j - 1].end:items[j].start]):
                break  # "A, B, and C, where accuracy ...": the item after "and" ends the list
        run = items[i:j + 1]
        i = j + 1
        if len(run) < 2:
            continue
        kinds = {}
        for c in run:
            t = c.type if c.strong_type else (c.type or type_by_shape(c.name, ctx.gaz))
            if t:
                kinds[id(c)] = t
        types = set(kinds.values())
        if len(types) != 1 or not types <= set(_LIST_TYPES):
            continue
        open_ = [c for c in run if id(c) not in kinds and c.rule in _CONSENSUS_RULES]
        if not open_ or len(open_) > len(kinds) + 1:
            continue  # mostly untyped: no consensus to follow
        s0, s1 = ctx.sentence(run[0].start)
        if not evaluation_sentence(ctx, s0, s1):
            continue
        t = next(iter(types))
        if t == "METRIC" and len(run) < 3:
            continue  # "84.2% top-1 accuracy and KVT-H-B 85.2%": two clauses, not a list
        for c in open_:
            c.type = t
STAGES = [(66.5, listed_words), (67.2, list_types)]
