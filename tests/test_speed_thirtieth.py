"""Thirtieth pass (speed): patterns built per name or phrase (a regex compile each time one is
new to re's cache) run only where the text holds what they must match, or are replaced by a
str.find loop, each checked against the pattern-only form on invented and random texts; and a
worker's result rows written by orjson where its text is json's, checked on awkward rows."""

from __future__ import annotations

import random
import re

import pytest

from paperkg.extractors import pipeline as xp
from paperkg.extractors.results import metrics as RM
from paperkg.extractors.results import systems as S
from paperkg.extractors.rules import roles

_PIECES = [*"aZ_-09 \t\n(),.;:", " at ", " at 10", "at\u00a05", " at 3,", " a ", " an ", ", a ",
           ",  an ", " A ", "\u212a", "k", "K", "s", "ſ", "é", "\u0661", "NDCG", "nDCG",
           "Recall", "recall", "Prec", "Precision", " score", " from", " of", "Roo", "RooNet",
           "RooNet-2", "_Roo", ".Roo", "Roo.", "-Roo", "Roo-", "Fast Diffusion Sampler", "FDS",
           "fds", "FD sampler", "Fast", " framework", " method", " model", ", a new method",
           " is", " outperforms", "{", "\u00e9Roo"]


def _random_texts(n: int, seed: int, longest: int) -> list[str]:
    """n texts of 1 to longest random pieces each, the same for the same seed."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, longest))) for _ in range(n)]


def _at_cutoff_before(text: str, s0: int, pos: int, name: str | None) -> str | None:
    """results.metrics._at_cutoff as it was before this pass (its pattern on every call)."""
    if not name or not RM._RANK_HEAD.search(name):
        return name
    hit = None
    for m in re.finditer(re.escape(name) + r"\s+at\s+\d{1,3}(?=\s*[,;:)]|\.(?!\d)|\s+(?:scores?|"
                                                 r"from|of|on|in|and|is|was|were|to|by|for|with|"
                                                 r"over)\b)",
                         text[s0:pos]):
        hit = m
    return hit.group(0) if hit else name


def test_at_cutoff_as_before():
    names = ["Recall", "recall", "NDCG", "nDCG", "Precision", "MAP", "Hit Rate", "accuracy",
             "BLEU", None, ""]
    texts = ["We report Recall at 10 of 0.8 and nDCG at 5, and Precision at\u00a03 score 0.5.",
             "NDCG at 100 from 0.2 to 0.3", "MAP at 1.5 and accuracy at 7.", "Recall at \u0661)",
             *_random_texts(1500, 30, 14)]
    for text in texts:
        for name in names:
            for s0, pos in ((0, len(text)), (2, len(text) - 1), (0, len(text) // 2)):
                assert RM._at_cutoff(text, s0, pos, name) == \
                    _at_cutoff_before(text, s0, pos, name), (text, name)


def _called_before(text: str, name: str) -> bool:
    """systems._called_a_method as it was before this pass (its pattern on every call)."""
    heads = S.cues()["heads"]
    for m in re.finditer(rf"{re.escape(name)}\W{{0,3}},\s+an?\s+([^.;:()]{{1,80}})", text):
        words = re.split(r"\s+(?:for|to|that|which|with|of|in|on|aimed|designed)\b", m.group(1))[0]
        if any(w.casefold() in heads for w in words.replace(",", " ").split()):
            return True
    return False


def test_called_a_method_as_before():
    texts = ["RooNet, a new method for graphs", "RooNet), an efficient framework to sort",
             "RooNet ,  a model", "RooNet)), a framework", "RooNet :), a method",
             "RooNet and more, a framework", *_random_texts(2000, 31, 12)]
    for text in texts:
        for name in ("RooNet", "Roo", "FDS", "K"):
            assert S._called_a_method(text, name) == _called_before(text, name), (text, name)
            if re.search(rf"{re.escape(name)}\W{{0,3}},\s+an?\s", text):
                assert S._comma_after(text, name)


def _used_before(phrase: str, body: str) -> bool:
    """systems._used_in_body as it was before this pass (its patterns on every call)."""
    if phrase.casefold() in body.casefold():
        return True
    words = phrase.split()
    forms = {"".join(w[0] for w in words),
             "".join(p[0] for w in words for p in w.split("-") if p)}
    if any(re.search(rf"\b{re.escape(f.upper())}s?\b", body) for f in forms if len(f) >= 2):
        return True
    short = "".join(w[0] for w in words[:-1]).upper()
    if len(words) > 1 and re.search(rf"\b{re.escape(short)}\s+{re.escape(words[-1])}\b", body,
                                    re.I):
        return True
    first = re.escape(words[0])
    return any(S._SUBJECT_AFTER.match(body, m.end()) or
               re.search(r"[a-z{,]\s*$", body[max(0, m.start() - 3):m.start()])
               for m in re.finditer(rf"(?<![\w\-]){first}(?![\w\-])", body))


def test_used_in_body_as_before():
    phrases = ["Fast Diffusion Sampler", "Fast-Diffusion Sampler", "Roo", "Kelvin Sampler",
               "\u212aelvin Sampler", "\u017fmall Sampler", "Échelle Net", "Fast"]
    bodies = ["We show FDS is fast.", "the FDs are", "an fd sampler here", "the FD   Sampler",
              "\u212a sampler", "K sampler", "s sampler", "ſ sampler", "Fast outperforms",
              "a sampler, Fast is", "É net", "é net", *_random_texts(1500, 32, 10)]
    for body in bodies:
        for phrase in phrases:
            assert S._used_in_body(phrase, body) == _used_before(phrase, body), (phrase, body)


def test_stands_in_as_the_pattern():
    names = ["Roo", "RooNet", "K", "\u00e9Roo"]
    surfaces = ["Roo Net", "RooNet-2", "_Roo", ".Roo", "Roo.", "-Roo x", "Roo-", "xRoo Roo",
                "Roo\u0661", "\u00e9Roo", "Roo_", *_random_texts(3000, 33, 8)]
    for surface in surfaces:
        for name in names:
            pattern = re.compile(rf"(?<![\w.\-]){re.escape(name)}(?![\w.])")
            assert roles._stands_in(surface, name) == bool(pattern.search(surface)), \
                (surface, name)


def _compiled_by(fn) -> int:
    """How many patterns fn() puts into re's cache (compiled for the call)."""
    re.purge()
    fn()
    return len(re._cache)  # noqa: SLF001 (what the change saves is exactly these)


def test_no_pattern_made_where_none_can_match():
    text = "We report Recall of 0.8 and nDCG of 0.5 on the test set."
    assert _compiled_by(lambda: RM._at_cutoff(text, 0, len(text), "Recall")) == 0
    assert _compiled_by(lambda: S._used_in_body("Fast Diffusion Sampler", text)) == 0
    assert _compiled_by(lambda: S._called_a_method("RooNet is good, a method.", "RooNet")) == 0
    # where the text holds what the pattern needs, it is still made and run
    assert _compiled_by(lambda: RM._at_cutoff("Recall at 10, and", 0, 17, "Recall")) == 1


# --- a worker's result rows: orjson's text where it is _COMPACT's ---------------------------

_ROW_TEXTS = [
    "QuillNet: Feathered Networks\nWe propose QuillNet, a framework for sorting, and evaluate "
    "it on MNIST with 93.1% accuracy and a Recall at 10 of 0.8 (lr 1e-05, 2.5e-7 decay). "
    "Code: https://github.com/acme/quill.",
    "Caf\u00e9 Routing\nWe compare Slot Attention Routing (SAR) with QuillNet on ImageNet "
    "and the Pebble Reading Benchmark (PRB), reaching 0.00003 error and 45.2 BLEU.",
    "",
    "Sparse Pebbles\nSAR beats Dense Pebble Networks (DPN) on PRB by 1e-9 points.",
]


def _floats_at(x, path: tuple, out: set) -> set:
    """The paths (part, then '[]' for a list or tuple item, '{}' for a dict value) of the
    floats in x."""
    if type(x) is float:
        out.add(path)
    elif isinstance(x, dict):
        for v in x.values():
            _floats_at(v, (*path, "{}"), out)
    elif isinstance(x, (list, tuple)):
        for v in x:
            _floats_at(v, (*path, "[]"), out)
    return out


@pytest.mark.parametrize("fast", [True, False])
def test_rows_floats_only_where_floats_alike_looks(fast):
    """_floats_alike reads the values of the entity and result dicts: a row holds no other
    float (rules only and the learned pipeline)."""
    from paperkg.graph.citations.cache import paper_features

    xp._worker_init(("cache", "fast" if fast else "default"))
    try:
        texts = [*_ROW_TEXTS, *_ROW_TEXTS]
        args = [tuple(t.split("\n", 1)) if "\n" in t else (t, "") for t in texts]
        rows = xp._worker_run(texts, False, paper_features, args)
    finally:
        xp._WORKER_NLP = None
    places: set = set()
    for row in rows:
        for i, part in enumerate(row):
            _floats_at(part, (i,), places)
    assert places <= {(0, "[]", "{}"), (2, "[]", "{}")}, places
    assert (0, "[]", "{}") in places  # confidences
    for row in rows:
        assert xp._json(row) == xp._COMPACT.encode(row)


_AWKWARD = [
    ([{"confidence": 1e-05}], [], []), ([{"confidence": 2.5e-7}], [], []),
    ([], [], [{"number": float("nan")}]), ([], [], [{"number": float("inf")}]),
    ([], [], [{"number": -1e-4}]), ([], [], [{"number": -0.0}]), ([], [], [{"number": 1e16}]),
    ([{"name": "del\x7f"}], [], []), ([{"name": "caf\u00e9"}], [], []),
    ([{"name": "lone \ud800"}], [], []), ([{"n": 2 ** 70}], [], []), ([{1: "x"}], [], []),
    ([{"name": "ctl \x01\n\t\b\f\"\\ /"}], [(1, 2, "u", "s")], [], {"k": [[0, 3]]}),
    ([("not", "a dict")], [], []), ([{"a": None, "b": True, "c": [1.5, "x"]}], [], []),
]


def test_json_is_compact_for_awkward_rows():
    for row in _AWKWARD:
        assert xp._json(row) == xp._COMPACT.encode(row), row
    assert not xp._floats_alike(([{"confidence": float("nan")}], [], []))
    assert xp._floats_alike(([{"confidence": 0.55}], [], [{"number": 0.0}]))


def test_json_takes_orjson_text(monkeypatch):
    """Where it can, _json returns orjson's text (_COMPACT is not called)."""
    calls = []
    monkeypatch.setattr(xp, "_COMPACT", type("Spy", (), {
        "encode": staticmethod(lambda r: calls.append(r) or "spy")})())
    assert xp._json(([{"name": "QuillNet", "confidence": 0.7}], [], [])) == \
        '[[{"name":"QuillNet","confidence":0.7}],[],[]]'
    assert calls == []
    assert xp._json(([{"name": "caf\u00e9"}], [], [])) == "spy"


def test_json_keeps_compact_when_orjson_writes_otherwise(monkeypatch):
    """An orjson that wrote the probe row another way is not used at all."""
    assert xp._ORJSON_ALIKE  # this orjson writes the probe as _COMPACT does
    monkeypatch.setattr(xp, "_ORJSON_ALIKE", False)
    calls = []
    monkeypatch.setattr(xp, "_COMPACT", type("Spy", (), {
        "encode": staticmethod(lambda r: calls.append(r) or "spy")})())
    assert xp._json(([{"name": "QuillNet", "confidence": 0.7}], [], [])) == "spy"
