"""`paperkg build --engine dask`: extraction on a real Dask cluster (distributed.LocalCluster,
2 worker processes) gives the same plain results and the same store as the local engine."""

from __future__ import annotations

import gzip
import itertools

import pytest

from paperkg.core.errors import UserError
from tests.conftest import SHARED, run_cli
from tests.test_incremental import assert_same, snapshot


@pytest.fixture(scope="module")
def distributed():
    """The distributed package, imported by the tests that run (not at collection: the other
    worker of `pytest -n 2` never needs its 0.5 CPU s import); the tests skip without it."""
    return pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster(distributed):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def listing(tmp_path_factory):
    """60 corpus papers as a JSON Lines file (enough for five shards of 12)."""
    corpus = SHARED / "corpus" / "papers-01.jsonl.gz"
    if not corpus.is_file():
        pytest.skip("../shared/corpus is not beside this checkout")
    path = tmp_path_factory.mktemp("dask") / "papers.jsonl"
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        path.write_text("".join(itertools.islice(fh, 60)), encoding="utf-8")
    return path


def test_dask_results_equal_local_ones(cluster, listing):
    from paperkg.extractors.dask_engine import dask_results
    from paperkg.extractors.pipeline import raw_extractions
    from paperkg.readers import read_listings

    texts = [p.text for p in read_listings([listing]).papers]
    local = list(raw_extractions(texts, fast=True))
    remote = list(dask_results(texts, scheduler=cluster.scheduler_address, fast=True, shard=12))
    assert len(remote) == len(texts)  # five shards, back in input order
    assert remote == local


def test_build_on_the_cluster_is_the_local_build(cluster, listing, tmp_path):
    local, remote = tmp_path / "local.lbug", tmp_path / "dask.lbug"
    assert run_cli("build", listing, "--db", local, "--fast", "-q").returncode == 0
    ran = run_cli("build", listing, "--db", remote, "--fast", "-q", "--engine", "dask",
                  "--scheduler", cluster.scheduler_address)
    assert ran.returncode == 0, ran.stderr
    assert_same(snapshot(local), snapshot(remote))


def test_unreachable_scheduler_is_one_line(distributed):
    from paperkg.extractors.dask_engine import client_for

    with pytest.raises(UserError, match="cannot reach the Dask scheduler"):
        # port 9 never answers, so a short wait gives the same error (the default waits 20 s)
        client_for("tcp://127.0.0.1:9", timeout="0.3s")
