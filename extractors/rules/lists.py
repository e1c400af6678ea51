"""Family: coordination. A single capitalised word is weak evidence of a name on its own
("Lean", "Fuyu", "Bitfit"), but one listed with names ("such as LoRA, AdaLoRA, DyLoRA, and
Bitfit", "two encoder-free VLMs, Gemma4 and Fuyu", "Vicuna-, Qwen2.5- and Mistral-based") is one
of them: it takes their confidence and, when they agree on one, their type."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, heads, type_by_shape, word_set

# what may stand between two items of a list; a suspended hyphen before a comma too ("Vicuna-,
# Qwen2.5-"), not before "and" ("Inter- and Intra-image", "Transformer- and CNN-based": parts
# of one compound)
_SEP = re.compile(r"^(?:-?,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
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


STAGES = [(66.5, listed_words)]
