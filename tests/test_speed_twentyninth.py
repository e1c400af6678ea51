"""Twenty-ninth pass (speed): the registry's counts of a fresh build made where the results are
(the workers' tally of each chunk) instead of by decoding every result's JSON in the main
process, with the same counts in the same key order."""

from __future__ import annotations

import json

import pytest

from paperkg.extractors import pipeline as xp
from paperkg.extractors.registry import tally
from paperkg.graph import pipeline as gp
from paperkg.graph.registry_store import Counts

TEXTS = [
    "QuillNet: Feathered Networks\nWe propose QuillNet and evaluate it on MNIST and CIFAR-10 "
    "with 93.1% accuracy. Code: https://github.com/acme/quill.",
    "Routing Tokens\nWe compare Slot Attention Routing (SAR) with QuillNet on ImageNet and "
    "the Pebble Reading Benchmark (PRB).",
    "",
    "Sparse Pebbles\nSlot Attention Routing (SAR) beats Dense Pebble Networks (DPN) on PRB, "
    "a benchmark we introduce; SAR and DPN are compared on MNIST.",
]


@pytest.fixture
def fast_worker():
    """This process set up as a pool worker running the rules-only pipeline."""
    xp._worker_init(("cache", "fast"))
    yield
    xp._WORKER_NLP = None


def _decoded_counts(rows: list[str]) -> Counts:
    """The counts as the main process made them: each JSON decoded and added in order."""
    counts = Counts()
    for x in rows:
        counts.add(json.loads(x)[0])
    return counts


def _same(a: Counts, b: Counts) -> bool:
    """The same counts, keys in the same order."""
    return list(a.votes.items()) == list(b.votes.items()) and \
        list(a.longs.items()) == list(b.longs.items())


def test_tally_merged_is_counting_each_paper_in_order(fast_worker):
    rows = xp._worker_run(TEXTS, as_json=True)
    plain = [json.loads(x)[0] for x in rows]
    assert any(plain) and tally(plain)[0]  # entities and a defined long form were found
    merged = Counts()
    merged.merge(*tally(plain[:2]))  # two chunks, merged one after the other
    merged.merge(*tally(plain[2:]))
    assert _same(merged, _decoded_counts(rows))


def test_worker_counts_its_chunk(fast_worker):
    rows = xp._worker_run(TEXTS, as_json=True)
    out, longs, votes = xp._worker_run(TEXTS, as_json=True, counted=True)
    assert out == rows
    counts = Counts()
    counts.merge(longs, votes)
    assert _same(counts, _decoded_counts(rows))


def test_raw_extractions_hand_the_tally_before_each_result(fast_worker):
    rows = list(xp.raw_extractions(TEXTS, fast=True, as_json=True))
    counts = Counts()
    seen = []

    def merge(longs, votes):
        seen.append(sum(votes.values()))
        counts.merge(longs, votes)

    got = []
    for x in xp.raw_extractions(TEXTS, fast=True, as_json=True, counts=merge):
        got.append(x)
        assert len(seen) == len(got)  # this result was counted before it came
    assert got == rows
    assert _same(counts, _decoded_counts(rows))


def test_fresh_extraction_does_not_decode_its_results(fast_worker, tmp_path, monkeypatch):
    from paperkg.core.records import Paper

    papers = [Paper(id=f"p{i}", title=t.split("\n")[0], abstract=t.split("\n", 1)[-1])
              for i, t in enumerate(TEXTS) if t]

    def refused(x):
        raise AssertionError("a fresh result decoded in the main process")

    counts = Counts()
    monkeypatch.setattr(gp, "_entities_json", refused)
    made, spool, n = gp.extract_all(papers, fast=True, store=tmp_path / "s.lbug", counts=counts,
                                   packed=False)
    try:
        rows = [x for _, _, x in _spool_rows(spool.path)]
    finally:
        spool.remove()
    assert n == len(papers) and len(rows) == len(papers)
    assert _same(counts, _decoded_counts(rows))


def _spool_rows(path) -> list[tuple[str, str, str]]:
    """The rows of a state spool file."""
    import pyarrow.parquet as pq

    t = pq.read_table(path)
    return list(zip(*(t.column(i).to_pylist() for i in range(3)), strict=True))
