"""The `paperkg` command end to end on real files: build, query, stats, help, bad input."""

from __future__ import annotations

import json
import shutil

import pytest

from paperkg import __version__
from paperkg.cli import COMMANDS


def test_version_and_help_on_every_command(cli):
    r = cli("--version")
    assert r.returncode == 0 and __version__ in r.stdout
    r = cli("--help")
    assert r.returncode == 0 and all(name in r.stdout for name in COMMANDS)
    for name in COMMANDS:
        r = cli(name, "--help")
        assert r.returncode == 0, (name, r.stderr)
        assert "Usage: paperkg " + name in r.stdout


def test_build_examples_query_stats(cli, examples, tmp_path):
    """The build takes its store from PAPERKG_DB (no --db; the queries pass --db)."""
    db = tmp_path / "env.lbug"
    r = cli("build", str(examples), env={"PAPERKG_DB": str(db)})
    assert r.returncode == 0, r.stderr
    assert db.exists()
    assert ("read 2 files: 6 records, 1 merged duplicates -> 5 papers (5 new, 5 in store)"
            in r.stdout)
    assert "Paper" in r.stdout and "LISTED_IN" in r.stdout
    r = cli("query", "MATCH (p:Paper) RETURN count(p) AS papers", "--db", str(db),
            "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == [{"papers": 5}]
    r = cli("query", "MATCH (p:Paper) WHERE p.authors >= $n RETURN p.title ORDER BY p.title",
            "--param", "n=5", "--db", str(db), "--format", "csv")
    assert r.stdout.splitlines() == [
        "p.title", "A Note on Evaluating Retrieval for Scientific Question Answering",
        "Teaching Small Code Models to Prove: Fine-Tuning on LoopBench"]
    r = cli("stats", "--db", str(db), "--format", "json")
    counts = {row["type"]: row["count"] for row in json.loads(r.stdout)}
    assert counts["Paper"] == 5 and counts["Source"] == 2 and counts["LISTED_IN"] == 6


@pytest.fixture(scope="module")
def seed_store(seeds_built):
    return seeds_built


@pytest.fixture(scope="module")
def examples_store(examples_built):
    """The session's examples store; tests that use it work on a copy."""
    return examples_built


def test_seeds_build_pins_unique_papers(cli, seed_store):
    db, report = seed_store
    assert report["read"] == {**report["read"], "files": 5, "records": 503, "papers": 471,
                              "merged": 32, "skipped": 0, "no_abstract": 0, "bad_records": 0}
    r = cli("query", "MATCH (p:Paper) RETURN count(p)", "--db", str(db), "--format", "csv")
    assert r.stdout.splitlines()[1] == "471"


def test_rebuild_changes_no_counts(cli, seed_store, seeds, tmp_path):
    db, first = seed_store
    copy = tmp_path / "again.lbug"
    shutil.copy(db, copy)
    r = cli("build", str(seeds), "--db", str(copy), "--json")
    again = json.loads(r.stdout)
    assert again["mode"] == "upsert" and again["new_papers"] == 0
    assert again["nodes"] == first["nodes"]
    assert again["relationships"] == first["relationships"]
    # and the store itself, results included (folded in from test_results.py)
    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_store import stats

    counted = stats(copy)
    assert counted == stats(db)
    assert counted["nodes"][S.RESULT] == counted["relationships"][S.REPORTS_RESULT] > 0


def test_overlapping_build_adds_only_new_papers(cli, examples, seeds, seed_store, tmp_path):
    """A build over the seeds store of one seed file (its 14 papers all there) and the examples
    (5 new): only the 5 are new. (Overlapping from this side reuses the session's seeds build
    instead of extracting 452 papers again; the overlap is the same 14 papers.)"""
    db = tmp_path / "kg.lbug"
    shutil.copy(seed_store[0], db)
    one = sorted(seeds.iterdir())[0]
    r = cli("build", str(one), str(examples), "--db", str(db), "--json")
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["read"]["papers"] == 14 + 5
    assert rep["total_papers"] == 471 + 5
    assert rep["new_papers"] == 471 + 5 - 471
    assert rep["relationships"]["LISTED_IN"] == 503 + 6


BAD = {
    "empty.txt": b"",
    "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00\x00" * 50,
    "truncated.json": b'[{"title": "A", "abstract": "B"}, {"title": "C", "abs',
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_one_line_nonzero_and_store_untouched(cli, tmp_path, examples_store, name):
    db = tmp_path / "kg.lbug"
    shutil.copy(examples_store, db)
    before = db.read_bytes()
    bad = tmp_path / name
    bad.write_bytes(BAD[name])
    r = cli("build", str(bad), "--db", str(db))
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith("paperkg: error: nothing to read: ")
    assert db.read_bytes() == before


def test_missing_path_and_empty_folder(cli, tmp_path):
    r = cli("build", str(tmp_path / "missing"), "--db", str(tmp_path / "kg.lbug"))
    assert r.returncode != 0 and r.stderr.strip() == (
        f"paperkg: error: no such file or folder: {tmp_path / 'missing'}")
    (tmp_path / "empty").mkdir()
    r = cli("build", str(tmp_path / "empty"), "--db", str(tmp_path / "kg.lbug"))
    assert r.returncode != 0 and "no listing files" in r.stderr
    assert not (tmp_path / "kg.lbug").exists()


def test_query_errors_are_one_line(cli, tmp_path, examples_store):
    r = cli("query", "MATCH (n) RETURN n", "--db", str(tmp_path / "none.lbug"))
    assert r.returncode != 0 and "no store at" in r.stderr and "Traceback" not in r.stderr
    db = tmp_path / "kg.lbug"
    shutil.copy(examples_store, db)  # a copy: the refused DETACH DELETE must not reach others
    r = cli("query", "MATCH (n:Nope RETURN n", "--db", str(db))
    assert r.returncode != 0 and r.stderr.startswith("paperkg: error: query failed:")
    r = cli("query", "MATCH (p:Paper) DETACH DELETE p", "--db", str(db))
    assert r.returncode != 0  # read-only unless --write
    r = cli("query", "RETURN 1", "--param", "oops", "--db", str(db))
    assert r.returncode != 0 and "--param takes K=V" in r.stderr


def test_title_only_and_huge_abstract_build(cli, tmp_path):
    f = tmp_path / "odd.jsonl"  # the abstract: 1.01M characters, just over spaCy's max_length
    f.write_text(json.dumps({"title": "Only A Title"}) + "\n" + json.dumps(
        {"title": "Huge Abstract", "abstract": "We propose HugeNet. " * 50_500}) + "\n")
    r = cli("build", str(f), "--db", str(tmp_path / "kg.lbug"), "--json")
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["total_papers"] == 2 and rep["read"]["no_abstract"] == 1


def test_real_processes_smoke(cli_process, examples, tmp_path):
    """A handful of runs as real processes: the entry point, a build, a query, an error."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("paperkg")
    if script.exists():  # the console script of pyproject's [project.scripts]
        r = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                           timeout=120)
        assert r.returncode == 0 and __version__ in r.stdout
    db = tmp_path / "kg.lbug"
    r = cli_process("build", str(examples), "--db", str(db), "--quiet")
    assert r.returncode == 0 and "5 papers" in r.stdout, r.stderr
    r = cli_process("query", "MATCH (p:Paper) RETURN count(p) AS n", "--db", str(db),
                    "--format", "csv")
    assert r.returncode == 0 and r.stdout.splitlines() == ["n", "5"]
    r = cli_process("query", "MATCH (n:Nope RETURN n", "--db", str(db))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("paperkg: error: query failed:") and r.stderr.count("\n") == 1
