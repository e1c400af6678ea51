"""Forty-third pass (speed): the task scorer's phrases found from their head words, with the
words before each read back from it, instead of a list of every word of the abstract; checked
against the whole-list version it stands in for on sentences, the train gold's texts and
random strings."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from paperkg.extractors.rules import scored_phrases, task_scored
from paperkg.extractors.rules.base import word_set, word_union

GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold" / "train.gold.jsonl"


class _Ctx:
    """The fields _phrases reads of a rule context (scratch: where the head words are kept)."""

    def __init__(self, text: str, title_end: int):
        self.text, self.title_end = text, title_end
        self.scratch: dict = {}


def _old_phrases(text: str, title_end: int) -> list[tuple[int, int, list[str], bool]]:
    """_phrases as it was: every word of the abstract listed, heads looked up in the list."""
    listed = word_set("task_pattern_heads")
    heads = word_union("task_pattern_heads", "task_scored_heads")
    stop, lead = word_set("task_stop"), word_union("task_adjectives", "quantity_words")
    nouns = word_set("task_compound_openers")
    toks = [(m.start(), m.end(), m.group()) for m in scored_phrases._WORD.finditer(text, title_end)]
    out = []
    for k, (_a, b, w) in enumerate(toks):
        if w not in heads:
            continue
        ws = [k]
        j = k - 1
        while j >= 0 and len(ws) <= scored_phrases._MAX_MODIFIERS:
            a2, b2, w2 = toks[j]
            gap = text[b2:toks[j + 1][0]]
            capital = w2[0].isupper() and not (w2.isupper() or any(c.isdigit() for c in w2))
            if gap != " " or w2.lower() in stop or capital or \
                    text[a2 - 1:a2] in scored_phrases._APOSTROPHES:
                break
            ws.insert(0, j)
            j -= 1
        while len(ws) > 1 and toks[ws[0]][2].lower() in lead:
            ws.pop(0)
        while len(ws) > 1 and (first := toks[ws[0]][2].lower()) not in nouns and (
                first.endswith("ing") and first not in listed or first.endswith("ly")):
            ws.pop(0)
        for i in range(len(ws) - 1):
            sub = ws[i:]
            out.append((toks[sub[0]][0], b, [toks[x][2] for x in sub], i == 0))
    return out


def _same(text: str, title_end: int) -> bool:
    return task_scored._phrases(_Ctx(text, title_end)) == _old_phrases(text, title_end)


SENTENCES = [
    ("A title", "We study open-domain question answering and visual question answering."),
    ("", "robust object detection, semantic segmentation and multi-label classification"),
    ("Title", "x-detection; a-/detection; re-identification of people; virtual try-on"),
    ("T", "The model's anomaly detection is fast. Quickly growing time series forecasting."),
    ("T", "3D object detection-based tracking, detections and detection/segmentation."),
    ("T", "Large Language Model code generation and zero-shot text classification."),
    ("", "detection"),
    ("detection", ""),
]


@pytest.mark.parametrize(("title", "abstract"), SENTENCES)
def test_phrases_as_before(title, abstract):
    text = f"{title}\n{abstract}" if abstract else title
    assert _same(text, len(title))
    for title_end in range(len(text) + 1):  # any start, a word cut by it included
        assert _same(text, title_end)


def test_phrases_found_where_expected():
    text = "T\nWe study open-domain question answering."
    got = task_scored._phrases(_Ctx(text, 1))
    assert [(text[a:b], longest) for a, b, _ws, longest in got] == [
        ("open-domain question answering", True), ("question answering", False)]


def test_phrases_as_before_on_gold_and_random_strings():
    if not GOLD.exists():
        pytest.skip("no shared gold here")
    rows = [(r.get("title") or "", r.get("abstract") or "")
            for r in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())]
    found = 0
    for title, abstract in rows:
        text = f"{title}\n{abstract}" if abstract else title
        assert _same(text, len(title))
        found += bool(_old_phrases(text, len(title)))
    assert found > len(rows) // 4  # the texts hold phrases to compare
    rnd = random.Random(43)
    pieces = [*" -/'\u2019.,aAbB1", "detection", "object", "Object", "the", "answering",
              "question", "deep", "coding", "decoding", "x-y", "(", "\n", "\u00e9", "try-on",
              "question-answering", "-answering", "re-identification", "attacks", "LLM",
              "3D", "quickly", "learning", "  "]
    hits = 0
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        title_end = rnd.randint(0, min(6, len(text)))
        assert _same(text, title_end), (text, title_end)
        hits += bool(_old_phrases(text, title_end))
    assert hits > 100


def test_head_words_match_whole_words_only():
    text = "T\nsub-detection detections detection-based detection- (detection) x/detection"
    spans = scored_phrases._head_words(text, 1, word_union("task_pattern_heads",
                                                        "task_scored_heads"))
    assert [text[a:b] for a, b in spans] == ["detection", "detection"]
    assert [a for a, _ in spans] == [text.index("detection- "), text.index("(detection") + 1]
