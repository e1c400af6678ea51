"""An update's papers extracted ahead in two processes of a fork server that loaded the pipeline
once, before it forked them (graph/warm.py, pipeline.Ahead): each
process starts with the pipeline loaded, and the results are the ones this process makes, in
the papers' order, however they are parted. Real fork server, real processes."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import pytest

from paperkg.core.records import Paper

TEXTS = [
    ("ZorbNet: Segmenting Cells", "We propose ZorbNet, a new method for cell segmentation. "
     "ZorbNet improves accuracy on CellBench by 3.1 points over U-Net."),
    ("Yodel Models", "We introduce YodelLM, a speech model trained on PTB and evaluated with "
     "word error rate."),
    ("On Cell Counting", "We build on ZorbNet for cell counting with YodelLM and report F1."),
    ("Quiet Graphs", "We study QuietGNN, a graph network, on the Cora and PubMed datasets."),
    ("Fast Sorting", "We present FlipSort, which sorts faster than quicksort on random arrays."),
]


def _papers() -> list[Paper]:
    return [Paper(id=f"2401.{i:05d}", title=t, abstract=a) for i, (t, a) in enumerate(TEXTS)]


def _cached_pipelines() -> list[str]:
    """In a worker: the pipelines load_pipeline has in its cache before any is asked for."""
    from paperkg.extractors import pipeline

    return sorted(pipeline._CACHE)


@pytest.fixture
def own_fork_server():
    """No fork server running before the test (one is started by it), none left after it."""
    from paperkg.extractors.workers import stop_fork_server, worker_context

    if worker_context().get_start_method() != "forkserver":
        pytest.skip("no fork server here")
    stop_fork_server()
    yield
    stop_fork_server()


def test_a_fork_server_started_for_a_pipeline_forks_workers_with_it_loaded(own_fork_server):
    """warm.start(fast=True) has the server load the rules-only pipeline: a worker forked from
    it finds it in load_pipeline's cache without loading it."""
    from paperkg.extractors.workers import worker_context
    from paperkg.graph.warm import start

    start(fast=True)
    with ProcessPoolExecutor(1, mp_context=worker_context()) as pool:
        assert pool.submit(_cached_pipelines).result(timeout=300) == ["fast"]


def test_a_plain_fork_server_forks_workers_without_a_pipeline(own_fork_server):
    """The workers' own fork server imports the pipeline's code only."""
    from paperkg.extractors.workers import start_fork_server, worker_context

    start_fork_server()
    with ProcessPoolExecutor(1, mp_context=worker_context()) as pool:
        assert pool.submit(_cached_pipelines).result(timeout=300) == []


def test_papers_extracted_ahead_in_two_processes_give_this_process_results(own_fork_server):
    """Ahead with two processes parts the papers between two workers; raws gives each paper's
    JSON as raw_extractions makes it here, in order (a paper whose text is not the one sent
    extracted here)."""
    import dataclasses

    from paperkg.extractors.pipeline import raw_extractions
    from paperkg.graph.citations.cache import paper_features
    from paperkg.graph.pipeline import Ahead
    from paperkg.graph.warm import start

    start(fast=True)
    papers = _papers()
    ahead = Ahead(papers, fast=True, procs=2)
    ahead._thread.join()
    assert len(ahead._futures) == 2
    for f in ahead._futures:
        f.result(timeout=300)
    assert len({p.pid for p in ahead._pool._processes.values()}) == 2
    other = dataclasses.replace(papers[1], abstract=papers[1].abstract + " It uses BERT.")
    todo = [papers[4], other, *papers[:1], papers[3]]
    got = ahead.raws(todo)
    assert got == list(raw_extractions([p.text for p in todo], as_json=True, fast=True,
                                       extra=paper_features,
                                       extra_args=[(p.title, p.abstract) for p in todo]))
