"""Thirty-fourth pass (speed): stems that share a prefix found with one scan, and three rule
stages that test what is cheap and usually false first; each checked against the form it
replaced (copied here) on invented and random texts."""

from __future__ import annotations

import random

from paperkg.core.text import sentence_starts
from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules import appositions, base, initials, parts
from paperkg.extractors.rules.base import Cand, Context


def _positions_before(text: str, stems) -> list[int]:
    """positions() as it was: one str.find loop a stem."""
    out = []
    for stem in stems:
        i = text.find(stem)
        while i >= 0:
            out.append(i)
            i = text.find(stem, i + 1)
    out.sort()
    return out


_STEM_SETS = [
    ("we propose ", "we introduce ", "We propose ", "We introduce ", "A ", "An ", "proposes "),
    ("propose", "introduce", "present", "develop", "design", "devise"),
    ("aa", "a", "aaa"),
    ("", "x"),
    ("task", "task", "tasks"),
    ["we ", "we w", "We"],
    ("Wx", "Wxy", "Wx"),
    ("\u017ft", "\u017f", "K", "\u212a"),
    ("\\emph{", "\\textit{", "\\textbf{", "``", '"', "\u201c"),
    (" for ", " in ", " including ", "\nin ", "\nfor "),
]
_PIECES = ["we ", "We ", "A ", "An", "n ", "e ", "w", "W", " ", "aa", "a", "\n", "\u201c", "\u017f",
           "K", "\u212a", "k", "propose", "pro", "task", "tas", "\\emph{", "\\text", "x", " in",
           "cluding ", "for "]


def test_positions_as_before():
    texts = ["", "A Title\nWe propose A and An approach; we introduce we propose tasks.",
             "aaaa", "Wxy Wx Wxy", "x\u017ft\u212aK \\emph{A} ``B'' \u201cC\u201d",
             "methods for  tasks in\nin the wild including ours"]
    rnd = random.Random(34)
    texts += ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 30)))
              for _ in range(5_000)]
    for text in texts:
        for stems in _STEM_SETS:
            assert base.positions(text, stems) == _positions_before(text, stems), (text, stems)


def test_stems_sharing_a_prefix_are_scanned_once():
    plan = base._stem_searches(("we propose ", "we introduce ", "we present ", "A ", "task"))
    assert [(prefix, group) for prefix, _, group in plan] == [
        ("we ", ("we propose ", "we introduce ", "we present ")), ("A ", None), ("task", None)]
    # a prefix opening with a rare character is searched by re, a common one by str.find
    assert plan[0][1] is not None and plan[1][1] is not None and plan[2][1] is None


def _ctx(text: str, cands: list[Cand]) -> Context:
    """A context without a gazetteer holding the given candidates."""
    ctx = Context(text, sentence_starts(text), [], [], None)
    ctx.cands = cands
    return ctx


def _cand(text: str, name: str, type_: str, rule: str = "coined_name", nth: int = 0) -> Cand:
    """A candidate for the nth occurrence of name in text (after the title)."""
    a = text.index("\n")
    for _ in range(nth + 1):
        a = text.index(name, a + 1)
    return Cand(a, a + len(name), name, name, type_, 0.6, rule)


def _state(ctx: Context) -> list[tuple]:
    """What a stage may change in a context."""
    return [(c.start, c.end, c.name, c.type, c.stated, c.intro, c.conf) for c in ctx.cands] + [
        tuple(sorted(ctx.defined.items()))]


def _apposed_method_before(ctx: Context) -> None:
    """apposed_method() as it was: every candidate's key grouped first."""
    text = ctx.text
    by_key: dict[str, list] = {}
    for c in ctx.cands:
        by_key.setdefault(canonical_key(c.name), []).append(c)
    for c in ctx.cands:
        if c.start <= ctx.title_end or c.stated or appositions._DATA_NAME.search(c.name):
            continue
        same = by_key.get(canonical_key(c.name), [])
        if not any(o.type in appositions._DATA_TYPES for o in same) or any(
                o.type == "MODEL" for o in same):
            continue
        m = appositions._METHOD_APPOSED.match(text, c.end, c.end + 110)
        if m and not appositions._EVALUATING.search(text, m.end(), m.end() + 40):
            c.stated = "METHOD"


_APPOSED_TEXT = ("Benchmarking Foo and Qux\nWe use Foo, an open-source library that trains "
                 "models, and Qux, a toolkit for parsing. Bar, a framework for ranking models, "
                 "and Foo, a method for search. Baz, a library for graphs.")


def _apposed_cases() -> list[list[tuple]]:
    """Candidate sets (name, type, nth occurrence) over _APPOSED_TEXT."""
    return [
        [("Foo", "DATASET", 0), ("Qux", "", 0), ("Bar", "BENCHMARK", 0), ("Foo", "", 1)],
        [("Foo", "DATASET", 0), ("Foo", "MODEL", 1), ("Qux", "BENCHMARK", 0)],
        [("Foo", "METHOD", 0), ("Qux", "", 0), ("Baz", "TASK", 0)],
        [("Baz", "DATASET", 0), ("Bar", "DATASET", 0)],
        [],
    ]


def test_apposed_method_as_before():
    for case in _apposed_cases():
        got = _ctx(_APPOSED_TEXT, [_cand(_APPOSED_TEXT, n, t, nth=k) for n, t, k in case])
        want = _ctx(_APPOSED_TEXT, [_cand(_APPOSED_TEXT, n, t, nth=k) for n, t, k in case])
        appositions.apposed_method(got)
        _apposed_method_before(want)
        assert _state(got) == _state(want), case
    ctx = _ctx(_APPOSED_TEXT, [_cand(_APPOSED_TEXT, "Foo", "DATASET"),
                               _cand(_APPOSED_TEXT, "Qux", "")])
    appositions.apposed_method(ctx)
    assert ctx.cands[0].stated == "METHOD"  # "Foo, an open-source library"


def test_apposed_method_reads_no_key_without_a_data_candidate(monkeypatch):
    keys = []
    monkeypatch.setattr(appositions, "canonical_key", lambda s: keys.append(s) or s.lower())
    ctx = _ctx(_APPOSED_TEXT, [_cand(_APPOSED_TEXT, "Foo", "METHOD"),
                               _cand(_APPOSED_TEXT, "Bar", "")])
    appositions.apposed_method(ctx)
    assert keys == []
    assert [c.stated for c in ctx.cands] == ["", ""]


def _part_names_before(ctx: Context) -> None:
    """part_names() as it was: the list look-ups before the part head."""
    heads = parts.word_set("part_heads")
    text = ctx.text
    for c in ctx.cands:
        if c.intro or c.start <= ctx.title_end or c.type not in ("METHOD", "") or \
                "gazetteer" in c.rule or c.gaz_canon is not None or c.org:
            continue
        ws = c.name.split()
        if not c.name[:1].isupper() or ctx.is_generic(c.name) or parts.family_phrase(c.name):
            continue
        if ctx.gaz is not None and canonical_key(c.name) in ctx.gaz.canonical:
            continue
        m = parts._AFTER.match(text, c.end)
        last_is_head = len(ws) >= 2 and ws[-1].lower() in heads and ws[-1][:1].isupper()
        head_after = m is not None and m.group(1) in heads and (len(ws) >= 2 or c.name.isupper())
        if not (last_is_head or head_after):
            continue
        s0, s1 = ctx.sentence(c.start)
        if base.CITED.search(text, s0, s1) or parts._PLUGGED_IN.match(text[c.end:s1]) or \
                parts._OUTSIDE.search(text, max(s0, c.start - 40), c.start):
            continue
        c.intro = True
        c.conf = max(c.conf, 0.7)


_PARTS_TEXT = ("A Title\nAn Adaptive Fusion Module fuses the maps. The Dynamic Kernel (DK) "
               "mechanism then weights them. The DK module is plugged in. Deep Models help. "
               "An existing Gated Block Module (Lee et al.) is reused. XYZ layer is new.")


def test_part_names_as_before():
    names = [("Adaptive Fusion Module", "METHOD"), ("Dynamic Kernel", ""), ("DK", "METHOD"),
             ("Deep Models", ""), ("Gated Block Module", "METHOD"), ("XYZ", ""),
             ("fuses", "TASK")]
    for k in range(len(names) + 1):
        case = names[k:] + names[:k]
        got = _ctx(_PARTS_TEXT, [_cand(_PARTS_TEXT, n, t) for n, t in case])
        want = _ctx(_PARTS_TEXT, [_cand(_PARTS_TEXT, n, t) for n, t in case])
        parts.part_names(got)
        _part_names_before(want)
        assert _state(got) == _state(want)
    assert [c.intro for c in got.cands if c.name == "Adaptive Fusion Module"] == [True]


def test_part_names_looks_up_lists_only_for_a_part_head(monkeypatch):
    looked = []
    monkeypatch.setattr(parts, "family_phrase", lambda s: looked.append(s) or False)
    ctx = _ctx(_PARTS_TEXT, [_cand(_PARTS_TEXT, "Deep Models", ""),
                             _cand(_PARTS_TEXT, "Adaptive Fusion Module", "METHOD")])
    parts.part_names(ctx)
    assert looked == ["Adaptive Fusion Module"]


def _spelled_apart_before(ctx: Context) -> None:
    """spelled_apart() as it was: every long form's initials made first."""
    shorts: set[str] = set()
    longs: dict[str, set[str]] = {}
    for c in ctx.cands:
        if c.org or c.gaz_canon or c.type in ("TASK", "METRIC"):
            continue
        name = initials.strip_latex(c.name).strip()
        if initials.is_acronym(name) and name.isalpha() and name.isupper() and \
                2 <= len(name) <= 6:
            shorts.add(name)
        elif not c.alias and initials._long(name):
            for spelled in initials.initials(name):
                longs.setdefault(spelled, set()).add(name)
    taken = set(ctx.defined.values())
    for short in sorted(shorts):
        if short in ctx.defined or short in ctx.generic_acr or short.lower() in ctx.generic:
            continue
        forms = longs.get(short, set()) - taken
        if len({f.casefold() for f in forms}) == 1:
            ctx.defined[short] = min(forms)


_SPELLED_TEXT = ("A Title\nGraph Attention Network and Graph Neural Model. We run GAT and GNM, "
                 "GAN, then RL and Random Label with the Graph Attention Networks. GANs too.")


def test_spelled_apart_as_before():
    names = [("Graph Attention Network", "METHOD"), ("Graph Neural Model", ""), ("GAT", ""),
             ("GNM", "MODEL"), ("GAN", ""), ("RL", ""), ("Random Label", "TASK"),
             ("Graph Attention Networks", ""), ("GANs", "")]
    for k in range(len(names) + 1):
        for defined in ({}, {"GAT": "Graph Attention Network"}, {"RL": "Reinforcement Learning"},
                        {"GAT": "x", "GNM": "y", "RL": "z"}):
            case = names[k:] + names[:k]
            got = _ctx(_SPELLED_TEXT, [_cand(_SPELLED_TEXT, n, t) for n, t in case])
            want = _ctx(_SPELLED_TEXT, [_cand(_SPELLED_TEXT, n, t) for n, t in case])
            got.defined, want.defined = dict(defined), dict(defined)
            initials.spelled_apart(got)
            _spelled_apart_before(want)
            assert _state(got) == _state(want), (case, defined)


def test_spelled_apart_makes_no_initials_when_every_acronym_is_defined(monkeypatch):
    made = []
    real = initials.initials
    monkeypatch.setattr(initials, "initials", lambda name: made.append(name) or real(name))
    ctx = _ctx(_SPELLED_TEXT, [_cand(_SPELLED_TEXT, "Graph Attention Network", ""),
                               _cand(_SPELLED_TEXT, "GAN", "")])
    ctx.defined = {"GAN": "Graph Attention Network"}
    initials.spelled_apart(ctx)
    assert made == []
    ctx.defined = {}
    initials.spelled_apart(ctx)
    assert made == ["Graph Attention Network"]
    assert ctx.defined == {"GAN": "Graph Attention Network"}
