"""An update writes in two transactions (ladybug_delta.EarlyWrite): the first, with most of the
checkpoint, is committed and folded on its own thread while the citations are made; a store
left between the two is told apart by its missing stamp and made whole by the next build."""

from __future__ import annotations

import shutil
import threading

import pytest

from tests.test_incremental import _tiny, assert_same, registry_rows, snapshot


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A store of `_tiny`'s old papers, the two listings, and a fresh build of both."""
    from paperkg.graph.pipeline import build

    root = tmp_path_factory.mktemp("tiny36")
    a, b = _tiny(root)
    build([a], db=root / "kg.lbug", fast=True)
    build([a, b], db=root / "fresh.lbug", fast=True)
    return root / "kg.lbug", a, b, root / "fresh.lbug"


def test_the_first_transactions_checkpoint_runs_on_the_early_write_thread(tiny, tmp_path,
                                                                           monkeypatch):
    """Two checkpoints: the first on the thread that wrote the rows no citation changes,
    the second (the citations' rows) on the caller's; the store is a fresh build's."""
    from paperkg.graph import ladybug_delta
    from paperkg.graph.pipeline import build

    db = tmp_path / "kg.lbug"
    shutil.copy(tiny[0], db)
    threads: list[str] = []
    real = ladybug_delta._checkpoint_now

    def noted(conn) -> None:
        threads.append(threading.current_thread().name)
        real(conn)

    monkeypatch.setattr(ladybug_delta, "_checkpoint_now", noted)
    report = build([tiny[2]], db=db, fast=True)
    assert report.mode == "upsert" and report.extracted == 2
    assert threads == ["paperkg-early-write", "MainThread"]
    assert_same(snapshot(tiny[3]), snapshot(db))
    assert registry_rows(db) == registry_rows(tiny[3])


def test_a_store_left_between_the_two_transactions_is_made_whole_by_the_next_build(
        tiny, tmp_path, monkeypatch):
    """The second transaction fails: the error says what the store holds, the store has no
    PaperState stamp, and the next build of the same listings (whole path) gives a fresh
    build's store and registry."""
    from paperkg.core.errors import UserError
    from paperkg.graph import registry_store
    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_store import connect
    from paperkg.graph.pipeline import build

    db = tmp_path / "kg.lbug"
    shutil.copy(tiny[0], db)
    real = registry_store._write_registry

    def failing(conn, changes):
        real(conn, changes)
        if changes.get(S.REGISTRY_STAMP, ([], []))[1]:  # the second transaction's
            raise RuntimeError("No space left on device")

    monkeypatch.setattr(registry_store, "_write_registry", failing)
    with pytest.raises(UserError, match="without their citations, and the next build"):
        build([tiny[2]], db=db, fast=True)
    monkeypatch.setattr(registry_store, "_write_registry", real)
    with connect(db) as conn:
        assert registry_store.read_stamp(conn) is None
    build([tiny[1], tiny[2]], db=db, fast=True)
    assert_same(snapshot(tiny[3]), snapshot(db))
    assert registry_rows(db) == registry_rows(tiny[3])
