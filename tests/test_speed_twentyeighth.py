"""Twenty-eighth pass (speed): two case-insensitive window patterns matched in the lower case of
ASCII text, each against the pattern as written at every offset of invented and random texts."""

from __future__ import annotations

import random

from paperkg.extractors.rules import base
from paperkg.extractors.rules import heads as H

_WINDOWS = [
    " benchmark shows", "-Dataset of", "  MODELS are", " Benchmarks", " datasetS", " corpus,",
    " Corpora and", "- - suite", " llms", " LLM-based", " benchmarking", " data set", " modelling",
    " \u212aelvin benchmark", " benchmar\u212a", " ſuite", " Suite\u00a0x", "\tframework", "",
    " über-model", " model\u0301",
]

_PIECES = [*"aZ_-09 \t\n(),.", " on", " The", " novel", " its", " using", " Which", "k", "K",
           "s", "S", "\u212a", "ſ", "é", " benchmark", " Benchmarks", " DATASET", " model",
           " Models", " suite", " corpus", " framework", "-", " data set", " propose ",
           " Introduces ", " DEVELOP ", " here ", " build", "s "]


def _random_texts(n: int, seed: int, longest: int) -> list[str]:
    """n texts of 1 to longest random pieces each, the same for the same seed."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, longest))) for _ in range(n)]


def _seen(m) -> tuple | None:
    """What the callers read of a head match: its spans and its head word in lower case."""
    return m and (m.span(), m.span(1), m.group(1).lower())


def test_head_after_matches_as_head_after():
    assert base.HEAD_AFTER.pattern == base.HEAD_AFTER.pattern.lower()  # lower-case literals only
    for text in _WINDOWS + _random_texts(3000, 28, 12):
        for pos in range(len(text) + 1):
            window = text[pos:pos + 40]
            assert _seen(base.head_after(window)) == _seen(base.HEAD_AFTER.match(window)), window


def test_intro_verb_before_matches_in_lower_case():
    assert H._INTRO_VERB_BEFORE.pattern == H._INTRO_VERB_BEFORE.pattern.lower()
    for text in _random_texts(2000, 29, 10):
        if not text.isascii():
            continue
        low = text.lower()
        for end in range(len(text) + 1):
            start = max(0, end - 30)
            a = H._INTRO_VERB_BEFORE.search(text, start, end)
            b = H._INTRO_VERB_BEFORE_LOW.search(low, start, end)
            assert (b and b.span()) == (a and a.span()), (text, end)


def test_noun_before_and_gap_block_match_in_lower_case():
    from paperkg.extractors.rules import intro_objects as IO
    from paperkg.extractors.rules import roles as R

    for anycase, low in ((IO._NOUN_BEFORE, IO._NOUN_BEFORE_LOW),
                         (R._INTRO_GAP_BLOCK, R._INTRO_GAP_BLOCK_LOW)):
        assert anycase.pattern == low.pattern == low.pattern.lower()
    texts = [" a Novel ", "The new ", " Using THE ", "which, Combining ", "x its ",
             " ON the ", "ſ its ", "\u212a the "] + _random_texts(2000, 30, 10)
    for text in texts:
        for end in range(len(text) + 1):
            start = max(0, end - 12)
            a = IO._NOUN_BEFORE.search(text, start, end)
            if text.isascii():
                b = IO._NOUN_BEFORE_LOW.search(text.lower(), start, end)
                assert (b and b.span()) == (a and a.span()), (text, end)
            blocked = R._INTRO_GAP_BLOCK.search(text, 0, end) is not None
            assert R._gap_blocked(text, end) == blocked, (text, end)
        assert R._gap_blocked(text) == (R._INTRO_GAP_BLOCK.search(text) is not None)


def test_head_words_taken_off_as_by_sub():
    from paperkg.extractors import canonical as K

    assert K._HEAD_WORDS.pattern == K._HEAD_WORDS_LOW.pattern == K._HEAD_WORDS_LOW.pattern.lower()
    texts = ["Alpha Benchmark", "beta-DATASET", "Gamma  Corpora\n", "Delta benchmark suite",
             "Suite", " benchmark", "x -Framework\n", "ſuite x suite", "\u212a benchmark"]
    texts += _random_texts(3000, 31, 8)
    for text in texts:
        assert K._without_head(text) == K._HEAD_WORDS.sub("", text), text


def test_url_found_in_lower_case_as_written():
    from paperkg.extractors import urls as U

    assert U._URL.pattern == U._URL_LOW.pattern == U._URL_LOW.pattern.lower()
    pieces = [*"aZ/.:@ \n\"<", "HTTPS://", "http://", "WWW.", "www.", "GitHub.com/", "github.com/",
              "HuggingFace.co/", "x.", "Repo", "-name", "@", "./"]
    rnd = random.Random(32)
    texts = ["Code: https://GitHub.com/Owner/Repo.", "see WWW.Example.ORG/x and github.com/a/b"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        low = text.lower()
        for pos in range(len(text) + 1):
            a, b = U._URL.search(text, pos), U._URL_LOW.search(low, pos)
            assert (b and b.span()) == (a and a.span()), (text, pos)
    assert U.find_urls("Code: https://GitHub.com/Owner/Repo.") == [
        (6, 35, "https://GitHub.com/Owner/Repo")]
