"""Shared test set-up: paths to the real seed files, temp stores, and the external services.

Fixtures that start real services live in their own plugin modules (listed below) so that each
area owns its set-up: tests/neo4j_server.py (Neo4j 5 over Bolt), tests/browser.py (Chromium),
tests/rdf_tools.py (raptor2 `rapper`), tests/serving.py (the explorer on uvicorn).
"""

from __future__ import annotations

import os
import subprocess
import sys
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


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None,
            input: str | None = None) -> subprocess.CompletedProcess:
    """Run the real `paperkg` command (as `python -m paperkg`) and capture its output."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("PAPERKG_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "paperkg", *args],
        cwd=cwd, env=full_env, input=input, capture_output=True, text=True, timeout=900,
    )


@pytest.fixture(scope="session")
def nlp():
    """The default extraction pipeline, loaded once."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture()
def cli():
    """The run_cli helper as a fixture."""
    return run_cli
