"""The task heads written twice found by a trie search instead of listing every word
(tasks._heads_written): the same heads, in the same order, as the word listing gave."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from paperkg.extractors.rules import tasks as T
from paperkg.extractors.words import word_set

HEADS = word_set("task_pattern_heads")
GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "train.gold.jsonl"


def _listed(low: str) -> list[str]:
    """What _head_phrases took before: every _ALL_WORDS match, kept when it is a head."""
    return [w for w in T._ALL_WORDS.findall(low) if w in HEADS]


@pytest.mark.parametrize("low", [
    "detection", "object detection and detection", "3detection x3detection 3-detection",
    "a-detection a--detection --detection -detection", "detections detection-based detection-",
    "detection- detection-1 detection--x", "é detection\ndetection(detection)detection.",
    "attack attacks attacksx xattack", "1-2-detection a-1-detection 1a-detection", "",
])
def test_heads_written_as_the_word_listing_gave_them(low):
    """Words glued by hyphens or digits, at the text's ends, plural and prefix heads."""
    assert T._heads_written(low, HEADS) == _listed(low)


def test_heads_written_on_the_train_texts():
    """The train gold's texts (skipped where ../shared is not beside the checkout)."""
    if not GOLD.exists():
        pytest.skip("no shared gold here")
    lows = [f"{r.get('title') or ''}\n{r.get('abstract') or ''}".lower()
            for r in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())]
    assert len(lows) >= 400
    found = 0
    for low in lows:
        got = T._heads_written(low, HEADS)
        assert got == _listed(low)
        found += len(got)
    assert found > 1000


def test_heads_written_on_random_strings():
    """20,000 strings of heads and the characters that decide where a word starts and ends."""
    rnd, heads = random.Random(46), sorted(HEADS)
    for _ in range(20_000):
        low = "".join(rnd.choice(heads) if rnd.random() < 0.45 else
                      "".join(rnd.choice("ab1-- xé\n3s") for _ in range(rnd.randint(0, 3)))
                      for _ in range(rnd.randint(1, 6)))
        assert T._heads_written(low, HEADS) == _listed(low), low


def test_the_head_search_opens_with_a_set():
    """re skips along to a character other than a letter before trying the heads."""
    assert T._head_trie(HEADS).pattern.startswith("[^a-z]")
