"""Twenty-seventh pass (speed): two window patterns rewritten, each against the form it replaced
(kept here as the reference), and the gazetteer's new chunks split into pieces once."""

from __future__ import annotations

import random
import re

import pytest

from paperkg.extractors.results import benchmarks as B
from paperkg.graph.citations import claims as C
from tests.extracting import CountingPieces

#: claims._ACRONYM_OPEN before this pass.
_GREEDY = re.compile(r"([A-Za-z][\w-]*(?:\s+[\w-]+){0,9})\s*\(\s*$")

_TEXTS = [
    "we call Reinforcement Learning with Verifiable Rewards (",
    "a model, named Deep Kernel Shaping  (  ",
    "one two three four five six seven eight nine ten eleven twelve (",
    "_under score-word x_1 (\n",
    "3D Gaussian Splatting (\n\n",
    "Tülu-style Über Modell (",
    "no parenthesis here",
    "ends with ( but text ) after",
    "a--b -c- ( (",
]


_ACRONYM_PIECES = [*"aZ_-09 \t\n(),.;", "ü", "\u00a0", "\u2003", "word ", "Word-Two ", " (", "( "]


def _random_texts(n: int, seed: int, pieces: list[str], longest: int) -> list[str]:
    """n texts of 1 to longest random pieces each, the same for the same seed."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, longest))) for _ in range(n)]


def test_acronym_open_matches_as_the_greedy_form():
    for text in _TEXTS + _random_texts(3000, 27, _ACRONYM_PIECES, 60):
        for pos in range(len(text) + 1):
            a, b = _GREEDY.search(text, pos), C._ACRONYM_OPEN.search(text, pos)
            assert (b and (b.span(), b.group(1))) == (a and (a.span(), a.group(1))), (text, pos)


def test_acronym_open_is_possessive():
    assert "*+" in C._ACRONYM_OPEN.pattern and "{0,9}+" in C._ACRONYM_OPEN.pattern


def test_expansion_before():
    assert C._expansion_before("we call Reinforcement Learning with Verifiable Rewards (") == \
        "we call Reinforcement Learning with Verifiable Rewards"
    assert C._expansion_before("scores, Deep Kernel Shaping (") == "Deep Kernel Shaping"
    assert C._expansion_before("no parenthesis") == ""


#: benchmarks._DATA_PHRASE before this pass (its opening word boundary first).
_DATA_PHRASE_BEFORE = re.compile(
    r"\b(?:on|with|using)\s+the\s+(?:(?:public|publicly\s+available|open|real-world|"
    r"large-scale|widely\s+used|standard)\s+)?"
    r"((?:[A-Z][\w\-+./]*|\d[\w\-+./]*)(?:\s+(?!(?:and|or|of|for|with|on|in|to|the)\b)"
    r"[\w\-+./]+){0,4}?)(\s+\([A-Za-z0-9\-]{2,10}\))?\s+"
    r"(dataset|data\s+set|test\s+set|benchmark|corpus)\b(?!s)")

_DATA_TEXTS = [
    "Evaluated on the public Kermany pneumonia test set and with the VCTK+DEMAND dataset.",
    "Results on the Multi-Session Chat (MSC) dataset; upon the X dataset; won the Y corpus.",
    "on the A benchmark\non the B benchmark, using the 3DMatch benchmark (using the C dataset)",
    "xon the A dataset _on the B dataset éon the C dataset on the\nD dataset",
]


_DATA_PIECES = [*"aZ_0 \n-.é", "on ", "with ", "using ", "the ", "The ", "Alpha ", "dataset",
                "data set", "benchmark", "corpus", " (MSC)", "x", "on", "w", "u"]


def test_data_phrase_matches_as_before():
    for text in _DATA_TEXTS + _random_texts(3000, 27, _DATA_PIECES, 40):
        old = [(m.span(), m.groups()) for m in _DATA_PHRASE_BEFORE.finditer(text)]
        assert [(m.span(), m.groups()) for m in B._DATA_PHRASE.finditer(text)] == old, text
        for pos in range(0, len(text) + 1, 3):
            a, b = _DATA_PHRASE_BEFORE.search(text, pos), B._DATA_PHRASE.search(text, pos)
            assert (b and (b.span(), b.groups())) == (a and (a.span(), a.groups())), (text, pos)


def test_data_phrase_opens_with_a_letter():
    assert B._DATA_PHRASE.pattern.startswith("(?:o(?<!")
    assert [m.group(1) for m in B._DATA_PHRASE.finditer(_DATA_TEXTS[0])] == [
        "Kermany pneumonia", "VCTK+DEMAND"]



_CHUNK_TEXTS = [
    "We fine-tune Stable Diffusion and NAIVE BAYES on ImageNet-1K (v2.0), x86 and GPT-4o.",
    "Naive Bayes, naive bayes and Naive-Bayes; Deep Neural Networks 3D CNN... ok?",
    "Über Modell und Stable\u00a0Diffusion, e.g. Adam/AdamW at 1e-4.",
]


@pytest.mark.parametrize("text", _CHUNK_TEXTS)
def test_new_chunks_split_once(rules_nlp, monkeypatch, text):
    from paperkg.extractors import components

    gaz = rules_nlp.get_pipe("paperkg_gazetteer")
    counting = CountingPieces(components._PIECES)
    monkeypatch.setattr(components, "_PIECES", counting)
    monkeypatch.setattr(gaz, "_chunks", {"": gaz._chunks[""]})  # every chunk new
    hits = gaz.text_hits(text)
    assert sorted(hits) == sorted(gaz._doc_hits(rules_nlp.tokenizer.inner(text)))
    chunks = {c for c in text.split() if c.isascii()}
    assert counting.split and set(counting.split) <= chunks | {c.lower() for c in chunks}
    # each ASCII chunk is split once: its lower case is never split on its own
    assert not [s for s in counting.split if s not in chunks]
