"""Thirty-third pass (speed): the passive intro pattern searched only where its verb phrase is, and
a chunk of letters alone not split by the pieces pattern; each checked against the form it
replaced on invented and random texts."""

from __future__ import annotations

import random
from re import _compiler, _parser

import pytest

from paperkg.extractors import components
from paperkg.extractors.rules import intro_objects as io
from tests.extracting import CountingPieces

_PASSIVE_TEXTS = [
    "",
    "A Title\nA novel fairness loss is proposed to balance the groups.",
    "A Title\nThe isolation loss (IL) is further introduced, and a new module are designed.",
    "A Title\nThe method was proposed by Smith; we designed a loss that is introduced in [3].",
    "A Title is proposed\nNothing here.",
    "T\nA gate  \n is\tnewly   developed\nand a strategy are presented",
    "T\nThis  is presentedness, not a verb; is proposed_x; are devisedX.",
]
_PASSIVE_PIECES = ["is", "are", " ", "  ", "\t", "\n", "(", ")", "(XY)", "a", "the", "loss",
                   "proposed", "introduced", "designed", "devised", "developed", "presented",
                   "further", "then", "by", "in", "[3]", "x", ".", ",", "\u00a0"]


def _random_texts(pieces: list[str], n: int, seed: int, longest: int) -> list[str]:
    """n texts of 0 to longest random pieces each, the same for the same seed."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest)))
            for _ in range(n)]


def _opens_with_a_set(pattern) -> bool:
    """Whether re searches the compiled pattern by skipping to a literal or a character set."""
    code = _compiler._code(_parser.parse(pattern.pattern, pattern.flags), pattern.flags)
    return code[0] == _compiler.INFO and bool(code[2] & (1 | 4))


def test_passive_verb_opens_with_a_character_set():
    assert _opens_with_a_set(io._PASSIVE_VERB)
    assert not _opens_with_a_set(io._PASSIVE)  # why the gate pays


def test_every_passive_match_holds_the_verb_phrase():
    for text in _PASSIVE_TEXTS + _random_texts(_PASSIVE_PIECES, 20_000, 33, 14):
        for start in {0, len(text) // 3, len(text) // 2}:
            if io._PASSIVE.search(text, start) is not None:
                assert io._PASSIVE_VERB.search(text, start) is not None, (text, start)


class _CountingFinditer:
    """A pattern that records the texts it is asked to search with finditer."""

    def __init__(self, pattern):
        self.pattern, self.searched = pattern, []

    def finditer(self, text, *args):
        self.searched.append(text)
        return self.pattern.finditer(text, *args)

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)


def _passive_names(nlp, text: str) -> list[tuple[str, str, str]]:
    """(name, role, extractor) of the entities the rules find in text."""
    ents = nlp(text).user_data.get("pk_ents", [])
    return sorted((e["name"], e["role"], e["extractor"]) for e in ents)


@pytest.mark.parametrize("text", _PASSIVE_TEXTS[1:])
def test_passive_objects_searched_only_with_the_verb_phrase(rules_nlp, monkeypatch, text):
    found = _passive_names(rules_nlp, text)
    counting = _CountingFinditer(io._PASSIVE)
    monkeypatch.setattr(io, "_PASSIVE", counting)
    assert _passive_names(rules_nlp, text) == found
    title_end = text.find("\n") + 1
    searched = io._PASSIVE_VERB.search(text, title_end) is not None and any(
        k in text for k in io._PASSIVE_KEYS)
    assert bool(counting.searched) == searched


def test_a_passive_object_is_still_found(rules_nlp):
    names = _passive_names(rules_nlp, "A Title\nDuring training, an adaptive margin contrastive "
                                      "loss is further introduced.")
    assert ("adaptive margin contrastive loss", "introduced", "passive_object") in names



_CHUNK_PIECES = ["Stable", "Diffusion", "naive", "BAYES", "GPT", "-", "4o", "(", ")", ",", ".",
                 "x86", "Adam", "/", "the", "on", "ImageNet", "1K", "\u00e9", "Bert", "a", "I"]


def test_letter_chunks_get_the_entries_of_their_pieces(rules_nlp, monkeypatch):
    gaz = rules_nlp.get_pipe("paperkg_gazetteer")
    texts = _random_texts(_CHUNK_PIECES + [" "] * 6, 400, 7, 30)
    monkeypatch.setattr(gaz, "_chunks", {"": gaz._chunks[""]})
    new = [gaz.text_hits(t) for t in texts]
    entries = dict(gaz._chunks)
    counting = CountingPieces(components._PIECES)
    monkeypatch.setattr(gaz, "_chunks", {"": gaz._chunks[""]})
    monkeypatch.setattr(components, "_PIECES", counting)
    assert [gaz.text_hits(t) for t in texts] == new
    assert dict(gaz._chunks) == entries
    letters = {c for t in texts for c in t.split() if c.isascii() and c.isalpha()}
    assert letters and not letters & set(counting.split)  # never split, the same entries
    for chunk in letters:
        e = entries[chunk]
        if e != components._UNTOKENIZED:
            assert components._AT_PIECES.fullmatch(chunk)
            assert e == gaz._pieces_entry(chunk, components._PIECES.findall(chunk),
                                          chunk.lower())
    for hits, text in zip(new, texts, strict=True):
        assert sorted(hits) == sorted(gaz._doc_hits(rules_nlp.tokenizer.inner(text)))
