"""CLI rough edges of issue 14, in process through click's CliRunner on a real examples store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from paperkg.cli import cli


def run(*args: str, input: str | None = None):
    """Run `paperkg ARGS` in this process (the same error handling as the real command)."""
    return CliRunner().invoke(cli, list(args), input=input, prog_name="paperkg")


@pytest.fixture(scope="module")
def store(tmp_path_factory, examples_built):
    """A copy of the session's examples store (built by the real `paperkg build`)."""
    import shutil

    db = tmp_path_factory.mktemp("edges") / "kg.lbug"
    shutil.copy(examples_built, db)
    return str(db)


def test_missing_parameter_is_named(store):
    r = run("query", "MATCH (p:Paper) WHERE p.title CONTAINS $w AND p.id <> $x RETURN p.title",
            "--param", "x=1", "--db", store)
    assert r.exit_code == 1
    assert r.stderr == ("paperkg: error: the query uses $w but no value was given "
                        "(--param w=VALUE)\n")
    # '$w' inside a string literal is text, not a parameter
    r = run("query", "RETURN '$w' AS s", "--db", store, "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == [{"s": "$w"}]


def test_unaliased_columns_are_named_as_written(store):
    r = run("query", "MATCH (p:Paper)-[r]->(n) RETURN label(n), count(p) AS uses, count(*) "
            "ORDER BY label(n) LIMIT 1", "--db", store, "--format", "csv")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == "label(n),uses,count(*)"


def test_write_without_write_names_the_flag(store):
    r = run("query", "MATCH (p:Paper) SET p.title = 'x'", "--db", store)
    assert r.exit_code == 2 and "--write" in r.stderr and len(r.stderr.splitlines()) == 1


def test_export_to_a_closed_pipe_exits_zero(store, tmp_path):
    import subprocess
    import sys

    cmd = (f"{sys.executable} -m paperkg export --format turtle -o - --db {store} | head -c 10"
           "; exit ${PIPESTATUS[0]}")
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_csv_export_is_a_zip_by_name(store, tmp_path):
    r = run("export", "--format", "csv", "-o", str(tmp_path / "kg.csv"), "--db", store)
    assert r.exit_code == 1 and r.stderr == (
        "paperkg: error: --format csv writes a zip of one CSV file per node and relationship "
        "type: name the output *.zip, not 'kg.csv'\n")
    assert list(tmp_path.iterdir()) == []
    r = run("export", "--format", "csv", "-o", str(tmp_path / "kg.zip"), "--db", store)
    assert r.exit_code == 0, r.output
    import zipfile

    with zipfile.ZipFile(tmp_path / "kg.zip") as zf:
        assert "nodes/Paper.csv" in zf.namelist()


def test_ask_takes_a_paper_title_where_it_takes_an_id(store):
    by_id = run("ask", "paper_introduces", "--param", "paper=10.5555/paperkg.example.1",
                "--db", store, "--format", "json")
    title = "loopbench: A BENCHMARK for Loop Invariant Synthesis with Language Models"
    by_title = run("ask", "paper_introduces", "--param", f"paper={title}", "--db", store,
                   "--format", "json")
    assert by_id.exit_code == by_title.exit_code == 0, by_title.output
    assert json.loads(by_title.stdout) == json.loads(by_id.stdout) != []
    none = run("ask", "paper_introduces", "--param", "paper=No Such Paper", "--db", store,
               "--format", "json")
    assert none.exit_code == 0 and json.loads(none.stdout) == []
