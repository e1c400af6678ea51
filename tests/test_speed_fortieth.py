"""Fortieth pass (speed): the gazetteer's chunk cache keeps more chunks before it is emptied,
and what it finds does not depend on when that happens."""

from __future__ import annotations

import pytest

from paperkg.extractors import components
from paperkg.extractors.pipeline import build_pipeline

TEXTS = [
    "We fine-tune BERT, RoBERTa and GPT-4 on ImageNet.",
    "Stable Diffusion, stable diffusion and STABLE DIFFUSION at 7.5$\\times$ speed.",
    "ResNet-50 (ResNet - 50) on ImageNet,ImageNet-1k (ImageNet) with 1-bit weights.",
    "A title about BLEU\nWe report BLEU-4, F1 score and top-1 accuracy on SQuAD v2.0.",
]


@pytest.fixture()
def gazetteer():
    return build_pipeline().get_pipe("paperkg_gazetteer")


def test_the_chunk_cache_is_kept_past_the_old_bound(gazetteer):
    """A worker's cache is not emptied at 100,000 chunks any more (the chunks that come back
    after an emptying were a third of a worker's new chunks), only past _CHUNKS_MAX."""
    first = [gazetteer.text_hits(t) for t in TEXTS]
    cache = gazetteer._chunks
    for i in range(150_000):
        cache[f"filler{i}"] = components._UNTOKENIZED
    assert [gazetteer.text_hits(t) for t in TEXTS] == first
    assert "filler0" in cache and "BERT," in cache
    for i in range(150_000, components._CHUNKS_MAX + 1):
        cache[f"filler{i}"] = components._UNTOKENIZED
    assert [gazetteer.text_hits(t) for t in TEXTS] == first  # emptied, then made again
    assert "filler0" not in cache and "BERT," in cache
    assert len(cache) < 1_000


def test_hits_do_not_depend_on_what_the_cache_held(gazetteer, monkeypatch):
    """The same hits from a cache emptied before every text, one never emptied, and the
    tokenizer's Doc."""
    kept = [gazetteer.text_hits(t) for t in TEXTS]
    monkeypatch.setattr(components, "_CHUNKS_MAX", 1)
    emptied = [gazetteer.text_hits(t) for t in TEXTS]
    assert emptied == kept
    for t, hits in zip(TEXTS, kept, strict=True):
        doc = gazetteer.nlp.tokenizer.inner(t)
        assert sorted(hits) == sorted(gazetteer._doc_hits(doc))
