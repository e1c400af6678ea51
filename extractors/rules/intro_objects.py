"""Family: lower-case techniques a paper introduces, read from the clause: the object of an
intro verb ("we propose a timestep-weighted rendering loss", "it introduces modulus
transformation", "an isolation loss is further introduced") ending in a technique head noun, and the
phrases listed after it ("... loss and
a frequency-aware sampling schedule"). Broad heads (strategy, network, framework) are left out
even after a hyphenated modifier: "a multi-task neural network", "a two-stage matching
strategy" are descriptions (docs/extraction.md, sixth pass)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import Cand, Context, family_phrase, heads, positions, word_set
from paperkg.extractors.words import alternation

_VERBS = ("propose", "introduce", "present", "develop", "design", "devise")
# the verb in the present (we propose, it introduces), then an optional determiner
_OBJECT_START = re.compile(
    r"(?:propose|introduce|present|develop|design|devise)s?\s+"
    r"(?:(?:a|an|the|two|three|several)\s+)?"
)
# one word of the phrase: lower case (hyphens, digits) or an acronym inside it (MoE, PSID)
_WORD = re.compile(r"(?:[a-z][a-z0-9]*(?:-[A-Za-z0-9]+)*|[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9\-]*)"
                   r"(?=[\s,.;:()]|$)")
_GAP = re.compile(r"[ \t]+")
# words that may follow the head inside the clause (besides task_stop.txt's function words)
_FOLLOW = frozenset({"during", "within", "inside", "utilizing", "utilising", "leveraging",
                     "exploiting", "designed", "tailored", "built", "based", "applied"})
_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:a|an|the)\s+)?")
# somebody else's: "prior work proposes", "they introduce", "was proposed"
_NOT_OURS = re.compile(r"\b(?:prior|previous|existing|earlier|recent|they|authors|et al\.?|"
                       r"researchers|studies|works|methods|approaches)\s+(?:\w+\s+)?$",
                       re.IGNORECASE)


_NAME_FOLLOWS = re.compile(r"\s*,?\s*(?:named|called|termed|dubbed|coined|namely|"
                           r"(?:that|which)\s+we\s+(?:call|name|term|dub))\b")
_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|this|our|its|novel|new)\s+$", re.IGNORECASE)
# the same for lower-cased ASCII text (its literals are lower case: the same matches there)
_NOUN_BEFORE_LOW = re.compile(_NOUN_BEFORE.pattern)


@cache
def _lists() -> tuple[frozenset, frozenset, frozenset]:
    """The words that end a phrase, the words dropped before it, and the technique heads."""
    drop = word_set("task_adjectives") | word_set("quantity_words") | word_set(
        "intro_adjectives")
    return word_set("task_stop"), drop, word_set("intro_object_heads")


@cache
def _heads_re() -> re.Pattern:
    """Any technique head word (a cheap check before reading the phrase word by word)."""
    return re.compile(r"\b(?:" + alternation(word_set("intro_object_heads")) + r")\b")


def _phrase(ctx: Context, pos: int, stop: frozenset, drop: frozenset,
            heads: frozenset) -> tuple[int, int, list[str]] | None:
    """(start, end, words) of a technique phrase starting at pos, or None."""
    text = ctx.text
    ws: list[tuple[int, int, str]] = []
    i = pos
    while len(ws) < 7:
        m = _WORD.match(text, i)
        if m is None:
            break
        w = m.group()
        if w in stop:
            break
        ws.append((m.start(), m.end(), w))
        g = _GAP.match(text, m.end())
        if g is None:
            break
        i = g.end()
    while ws and (ws[0][2] in drop or ws[0][2].endswith("ly") and "-" not in ws[0][2]):
        ws.pop(0)  # "a straightforward target-only rigging strategy", "a carefully designed X"
    if not ws or not ws[0][2][0].islower():
        return None
    for k in range(1, len(ws)):
        w = ws[k][2]
        if w not in heads:
            continue
        if k + 1 < len(ws) and ws[k + 1][2] not in _FOLLOW:
            continue  # the phrase goes on ("gating network"): not its end
        return ws[0][0], ws[k][1], [x[2] for x in ws[:k + 1]]
    return None


def _verb_positions(ctx: Context) -> list[int]:
    """positions(ctx.text, _VERBS), found once a paper: intro_objects and known_variants both
    read them (the text does not change between the stages)."""
    got = ctx.scratch.get("intro_verb_positions")
    if got is None:
        got = ctx.scratch["intro_verb_positions"] = positions(ctx.text, _VERBS)
    return got


def intro_objects(ctx: Context) -> None:
    """Lower-case technique phrases that are the object of an intro verb, as introduced
    METHOD candidates, with the phrases listed right after them."""
    text = ctx.text
    noun, where = (_NOUN_BEFORE_LOW, ctx.low) if text.isascii() else (_NOUN_BEFORE, text)
    stop, drop, heads = _lists()
    spans: set[tuple[int, int]] | None = None
    for pos in _verb_positions(ctx):
        if pos < ctx.title_end or (pos > 0 and text[pos - 1].isalnum()):
            continue
        if noun.search(where, max(0, pos - 12), pos):
            continue  # "this novel design yields embeddings": the word is a noun here
        m = _OBJECT_START.match(text, pos)
        if m is None or not _heads_re().search(text, m.end(), m.end() + 100):
            continue  # no technique head word close enough to end a phrase
        start = m.end()
        checked = False
        while True:
            found = _phrase(ctx, start, stop, drop, heads)
            if found is None:
                break
            if not checked:  # whose the verb is: only asked when it has a technique object
                s0, _ = ctx.sentence(pos)
                if _NOT_OURS.search(text, max(s0, pos - 40), pos):
                    break
                checked = True
            a, b, ws = found
            if _NAME_FOLLOWS.match(text, b):
                break  # "a new fine-tuning objective, called LACoS": the name comes next
            if spans is None:
                spans = {(c.start, c.end) for c in ctx.cands}
            phrase = text[a:b]
            mods = " ".join(ws[:-1])
            if not (ctx.is_generic(phrase) or ctx.is_generic(mods) or family_phrase(phrase)
                    or ws[-2] == "learning" or (ctx.gaz is not None and (
                        canonical_key(mods) in ctx.gaz.canonical
                        or canonical_key(phrase) in ctx.gaz.canonical))
                    or (a, b) in spans or ctx.in_url(a)):
                c = Cand(a, b, phrase, phrase, "METHOD", 0.6, "intro_object")
                c.intro = True
                ctx.cands.append(c)
                spans.add((a, b))
            nm = _LIST_NEXT.match(text, b)
            if nm is None:
                break
            start = nm.end()


# "a X loss is (further) proposed", "the X (XX) strategy is designed to ...": a passive intro verb
# (not "is proposed by", "is introduced in [3]")
_PASSIVE = re.compile(
    r"(?:\s*\([^()]{1,20}\))?\s+(?:is|are)\s+(?:(?:further|then|also|first|additionally|newly|"
    r"subsequently)\s+)?(?:proposed|introduced|designed|devised|developed|presented)\b"
    r"(?!\s+(?:by|in\s+(?:\[|\(|\d)))")
# the article opening the passive's subject, which opens its clause: the sentence start, a comma,
# a colon or "and" before it ("During training, a ...", "Then an ...")
_PASSIVE_ARTICLE = re.compile(r"(?:^|(?<=[.;:,])\s*|\s+and\s+)(?:[Aa]n?|[Tt]he)\s+")
_PASSIVE_KEYS = (" proposed", " introduced", " designed", " devised", " developed", " presented")
# the verb phrase every _PASSIVE match holds, opening with a letter: searched by skipping to the
# next "i" or "a" (_PASSIVE opens with an optional group, so it is tried at every offset); where
# it is not found, _PASSIVE cannot match
_PASSIVE_VERB = re.compile(
    r"(?:is|are)\s+(?:(?:further|then|also|first|additionally|newly|subsequently)\s+)?"
    r"(?:proposed|introduced|designed|devised|developed|presented)\b")


def passive_objects(ctx: Context) -> None:
    """Lower-case technique phrases a passive intro verb introduces ("a novel group-balanced
    fairness loss is proposed to ...", "an isolation loss is further introduced"), ending in a
    technique or part head (loss, strategy, mechanism, module, ...), as introduced METHODs."""
    text = ctx.text
    if not any(k in text for k in _PASSIVE_KEYS) or \
            _PASSIVE_VERB.search(text, ctx.title_end) is None:
        return
    stop, drop, heads = _lists()
    heads = heads | word_set("part_heads")
    spans: set[tuple[int, int]] | None = None
    for m in _PASSIVE.finditer(text, ctx.title_end):
        end = m.start()
        s0, _ = ctx.sentence(end)
        arts = list(_PASSIVE_ARTICLE.finditer(text, max(s0, end - 100), end))
        if not arts:
            continue
        a0 = arts[-1].end()
        found = _phrase(ctx, a0, stop, drop, heads)
        if found is None or found[1] != end:
            continue  # the phrase does not end right before the verb (or its short form)
        a, b, ws = found
        if len(ws) < 3 and "-" not in ws[0]:
            continue  # "a staking mechanism is introduced", "an identification module is
            # presented": one plain word before the head describes, it names nothing
        phrase = text[a:b]
        mods = " ".join(ws[:-1])
        if spans is None:
            spans = {(c.start, c.end) for c in ctx.cands}
        if ctx.is_generic(phrase) or ctx.is_generic(mods) or family_phrase(phrase) or \
                ws[-2] == "learning" or ctx.in_url(a) or (
                    ctx.gaz is not None and (canonical_key(mods) in ctx.gaz.canonical or
                                             canonical_key(phrase) in ctx.gaz.canonical)):
            continue
        if (a, b) in spans:  # "a contrastive edge loss (CELoss) is developed": found already
            for cc in ctx.cands:
                if (cc.start, cc.end) == (a, b) and "gazetteer" not in cc.rule and \
                        cc.gaz_canon is None and cc.type not in ("TASK", "METRIC"):
                    cc.intro = True
            continue
        c = Cand(a, b, phrase, phrase, "METHOD", 0.6, "passive_object")
        c.intro = True
        ctx.cands.append(c)
        spans.add((a, b))


# what may follow the object of the intro verb: its end ("we propose bidirectional self-predictive
# learning, a ...", "... MoE by combining ...", "... Transformer for ...")
_OBJECT_DONE = re.compile(r"\s*(?:[,.;:]|$|\s(?:to|for|that|which|by|with|in|on|and|where|"
                          r"via|through|as|based)\b)")


@cache
def _head_nouns() -> frozenset[str]:
    """Head nouns and naming words: a word of these ends a modifier run before a name."""
    return frozenset({f for h in heads() for f in (h.word, h.plural)} | {
        "called", "named", "termed", "dubbed", "namely"})


# the name the phrase describes comes later in its clause: "... network for X called ME-GAN"
_NAMED_LATER = re.compile(r"[^.;:]{0,80}?\b(?:called|named|termed|dubbed|coined)\b")


def known_variants(ctx: Context) -> None:
    """"we propose bidirectional self-predictive learning, a ...", "we develop a progressive
    URE": lower-case modifiers set before a known name as the whole object of an intro verb
    name the paper's own variant of it; the known name stays a used candidate."""
    text = ctx.text
    noun, where = (_NOUN_BEFORE_LOW, ctx.low) if text.isascii() else (_NOUN_BEFORE, text)
    stop, drop, _ = _lists()
    nouns = _head_nouns()
    by_start: dict[int, Cand] | None = None
    for pos in _verb_positions(ctx):
        if pos < ctx.title_end or (pos > 0 and text[pos - 1].isalnum()):
            continue
        if noun.search(where, max(0, pos - 12), pos):
            continue
        m = _OBJECT_START.match(text, pos)
        if m is None:
            continue
        ws: list[tuple[int, int, str]] = []
        i = m.end()
        if by_start is None:
            by_start = {}
            for c in ctx.cands:
                if not c.intro and c.type in ("METHOD", "MODEL") and (
                        c.rule.startswith("gazetteer") or c.gaz_canon is not None or
                        0 <= text.find(f"({c.surface})", ctx.title_end) < c.start):
                    by_start.setdefault(c.start, c)  # known, or a short form defined before
        known = None
        while len(ws) < 4:
            known = by_start.get(i)
            if known is not None:
                break
            w = _WORD.match(text, i)
            if w is None or w.group() in stop or not w.group()[0].islower() or \
                    w.group() in nouns or w.group().endswith("ing") and "-" not in w.group():
                break  # "a framework called X", "an approach combining X": not a modifier
            ws.append((w.start(), w.end(), w.group()))
            g = _GAP.match(text, w.end())
            if g is None:
                break
            i = g.end()
        if known is None:
            continue
        while ws and ws[0][2] in drop:
            ws.pop(0)  # "a novel lightweight CNN": nothing of the paper's own
        if not ws or not _OBJECT_DONE.match(text, known.end):
            continue
        s0, _ = ctx.sentence(pos)
        if _NOT_OURS.search(text, max(s0, pos - 40), pos) or _NAME_FOLLOWS.match(text, known.end) \
                or _NAMED_LATER.match(text, known.end):
            continue  # "a novel disease-aware GAN for ECG synthesis called ME-GAN": the name
        a, b = ws[0][0], known.end
        mods = " ".join(w for _, _, w in ws)
        if ctx.is_generic(mods) or ctx.in_url(a) or any(
                c.start <= a and b <= c.end and (c.start, c.end) != (known.start, known.end)
                for c in ctx.cands):
            continue  # already inside a longer candidate
        phrase = text[a:b]
        type_ = known.type if known.type in ("METHOD", "MODEL") else "METHOD"
        c = Cand(a, b, phrase, phrase, type_, 0.6, "known_variant")
        c.intro = True
        ctx.cands.append(c)


STAGES = [(57.5, intro_objects), (57.6, passive_objects), (60.5, known_variants)]
