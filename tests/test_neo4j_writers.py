"""How the UNWIND loader hands batches to its writers (no server: a stand-in driver)."""

from __future__ import annotations

import threading

import pytest

from paperkg.graph.neo4j_store import LoadReport, Neo4jSettings, _run_batches


class _Counters:
    nodes_created = 0
    relationships_created = 1
    properties_set = 2


class _Driver:
    """Sessions that log each batch's query; the first `hold` batches wait for each other, so
    that many writers hold a batch at once."""

    def __init__(self, hold: int) -> None:
        self.log: list[str] = []
        self.held: list[str] = []
        self.lock = threading.Lock()
        self.barrier = threading.Barrier(hold, timeout=10) if hold > 1 else None

    def session(self, database=None):
        return _Session(self)


class _Session:
    def __init__(self, driver: _Driver) -> None:
        self.driver = driver

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def execute_write(self, fn, query, batch):
        d = self.driver
        with d.lock:
            d.log.append(query)
            first = d.barrier is not None and len(d.held) < d.barrier.parties
            if first:
                d.held.append(query)
        if first:
            d.barrier.wait()
        return _Counters()


def _jobs(sizes: dict[str, int]) -> list[list]:
    return [[(name, lambda: [[0]]) for _ in range(n)] for name, n in sizes.items()]


def test_writers_start_on_different_relationship_types():
    driver = _Driver(hold=2)
    report = LoadReport(uri="bolt://x", database=None)
    _run_batches(driver, Neo4jSettings("bolt://x", "u", "p", None),
                 _jobs({"USES": 3, "CITES": 3}), 2, report, lambda n: None)
    assert sorted(driver.held) == ["CITES", "USES"]
    assert sorted(driver.log) == ["CITES"] * 3 + ["USES"] * 3
    assert (report.relationships_created, report.properties_set) == (6, 12)


def test_one_writer_keeps_the_jobs_in_order():
    driver = _Driver(hold=1)
    report = LoadReport(uri="bolt://x", database=None)
    _run_batches(driver, Neo4jSettings("bolt://x", "u", "p", None),
                 _jobs({"Paper": 2, "Method": 1, "Task": 2}), 1, report, lambda n: None)
    assert driver.log == ["Paper", "Paper", "Method", "Task", "Task"]


def test_an_error_stops_the_writers_and_is_raised():
    class Failing(_Driver):
        def session(self, database=None):
            session = _Session(self)

            def boom(fn, query, batch):
                self.log.append(query)
                raise RuntimeError("refused")
            session.execute_write = boom
            return session

    driver = Failing(hold=1)
    with pytest.raises(RuntimeError, match="refused"):
        _run_batches(driver, Neo4jSettings("bolt://x", "u", "p", None),
                     _jobs({"USES": 5, "CITES": 5}), 2, LoadReport(uri="bolt://x", database=None),
                     lambda n: None)
    assert len(driver.log) <= 2
