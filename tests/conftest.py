"""Shared test set-up: paths to the real seed files, temp stores, and the external services.

Fixtures that start real services live in their own plugin modules (listed below) so that each
area owns its set-up: tests/neo4j_server.py (Neo4j 5 over Bolt), tests/browser.py (Chromium),
tests/rdf_tools.py (raptor2 `rapper`), tests/serving.py (the explorer on uvicorn).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "dev.gold.jsonl"
EXAMPLES = ROOT / "examples"

pytest_plugins = [p for p in ("tests.neo4j_server", "tests.browser", "tests.rdf_tools",
                                "tests.serving")
                  if (ROOT / (p.replace(".", "/") + ".py")).exists()]


@contextmanager
def machine_lock(name: str = "install") -> Iterator[None]:
    """Hold a lock that every test process on this machine shares (the workers of `pytest -n`,
    two runs at once) while one of them installs or builds something for all of them."""
    import fcntl

    with open(Path(tempfile.gettempdir()) / f"paperkg-tests-{name}.lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@pytest.fixture(autouse=True)
def results_rules_alone(request: pytest.FixtureRequest) -> Iterator[None]:
    """The tests of the results rule families (tests/test_results*.py) read the rules' own
    output: the learned judge of values (extractors/results/judge.py), which drops some of
    their invented values, is off for them, except in its own tests (test_results_slots45)."""
    name = request.module.__name__.rpartition(".")[2]
    if not name.startswith("test_results") or name == "test_results_slots45":
        yield
        return
    from paperkg.extractors.results import judge

    old, judge.JUDGE = judge.JUDGE, False
    try:
        yield
    finally:
        judge.JUDGE = old


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The real listing files shared with the project."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> Path:
    """The dev gold annotations."""
    if not GOLD.is_file():
        pytest.skip("../shared/gold/dev.gold.jsonl is not beside this checkout")
    return GOLD


@pytest.fixture(scope="session")
def examples() -> Path:
    """The listing shipped in examples/."""
    return EXAMPLES


@dataclass
class Ran:
    """What a `paperkg` run printed and returned (the fields of subprocess.CompletedProcess)."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None,
            input: str | None = None, process: bool = False) -> Ran:
    """Run `paperkg ARGS` and capture its output: in this process through click's CliRunner
    (the same group, error handling and exit codes as the real command), or as a real
    `python -m paperkg` process when process=True or env sets a PYTHON* variable (those are
    read only when an interpreter starts)."""
    args = [str(a) for a in args]
    if process or any(k.startswith("PYTHON") for k in env or {}):
        return run_cli_process(*args, cwd=cwd, env=env, input=input)
    from click.testing import CliRunner

    from paperkg.cli import cli

    here = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        r = CliRunner().invoke(cli, args, input=input, env={"PAPERKG_DEBUG": None, **(env or {})},
                               prog_name="paperkg", catch_exceptions=False)
    finally:
        os.chdir(here)
    return Ran(args, r.exit_code, r.stdout, r.stderr)


def run_cli_process(*args: str, cwd: Path | None = None, env: dict | None = None,
                    input: str | None = None) -> subprocess.CompletedProcess:
    """Run the real `paperkg` command (as `python -m paperkg`) in its own process."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("PAPERKG_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "paperkg", *map(str, args)],
        cwd=cwd, env=full_env, input=input, capture_output=True, text=True, timeout=900,
    )


def made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder that make(folder) fills, made once per run: under `pytest -n N` by the first
    worker that asks, in the temp folder the run's workers share (the others wait for it, then
    read it); without workers in this session's own temp folder. Read it only, or copy."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    import fcntl
    import shutil

    root = tmp_path_factory.getbasetemp().parent  # this run's, beside each worker's own
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)  # a worker that failed to make it
                folder.mkdir()
                make(folder)
                done.touch()
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
    return folder


@pytest.fixture(scope="session")
def seeds_built(seeds, tmp_path_factory) -> tuple[Path, dict]:
    """The seeds built once per run by the real `paperkg build --json`: (store, report), the
    store a copy of this worker's own. Read it only; a test that changes a store copies it
    first."""
    import json
    import shutil

    def make(folder: Path) -> None:
        r = run_cli("build", str(seeds), "--db", str(folder / "seeds.lbug"), "--json")
        assert r.returncode == 0, r.stderr
        (folder / "report.json").write_text(r.stdout, encoding="utf-8")

    made = made_once(tmp_path_factory, "seeds-built-once", make)
    db = tmp_path_factory.mktemp("seeds-built") / "seeds.lbug"
    shutil.copyfile(made / "seeds.lbug", db)  # the workers never open the same store
    return db, json.loads((made / "report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def examples_built(examples, tmp_path_factory) -> Path:
    """The examples built once per session by the real `paperkg build` (the store file).
    Read it only; a test that changes a store, or needs it elsewhere, copies the file."""
    db = tmp_path_factory.mktemp("examples-built") / "kg.lbug"
    r = run_cli("build", str(examples), "--db", str(db), "--quiet")
    assert r.returncode == 0, r.stderr
    return db


@pytest.fixture(scope="session")
def nlp():
    """The default extraction pipeline, loaded once."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def rules_nlp():
    """The rules alone (`--fast`), loaded once."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


@pytest.fixture()
def cli():
    """The run_cli helper (in process) as a fixture."""
    return run_cli


@pytest.fixture()
def cli_process():
    """run_cli_process (a real `python -m paperkg`) as a fixture, for the smoke tests."""
    return run_cli_process
