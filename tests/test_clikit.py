"""Shared CLI pieces: --param typing and how engine values are shown."""

from __future__ import annotations

import json

import pytest

from paperkg.cli.kit import jsonable, parse_params
from paperkg.core.errors import UserError


def test_param_typing():
    got = parse_params(["id=2401.00010", "limit=5", "t:=0.5", "ids=[\"a\",\"b\"]", "flag=true",
                        "name=HumanEval+", "zip=007", "empty=", "neg=-3", "s:=\"x y\""])
    assert got == {"id": "2401.00010", "limit": 5, "t": 0.5, "ids": ["a", "b"], "flag": True,
                   "name": "HumanEval+", "zip": "007", "empty": "", "neg": -3, "s": "x y"}


@pytest.mark.parametrize("bad", ["novalue", "=5", "x:=not json"])
def test_bad_params(bad):
    with pytest.raises(UserError):
        parse_params([bad])


def test_engine_values_keep_label_and_drop_internal_ids():
    node = {"_ID": {"offset": 0, "table": 0}, "_LABEL": "Paper", "id": "p1", "title": "T"}
    rel = {"_SRC": {"offset": 0}, "_DST": {"offset": 1}, "_LABEL": "USES", "_ID": {},
           "evidence": "We use X."}
    path = {"_NODES": [node], "_RELS": [rel]}
    assert jsonable(node) == {"_label": "Paper", "id": "p1", "title": "T"}
    assert jsonable(path) == {"nodes": [{"_label": "Paper", "id": "p1", "title": "T"}],
                              "rels": [{"_label": "USES", "evidence": "We use X."}]}


def test_query_prints_nodes_and_paths_as_json(cli, examples_built):
    db = examples_built  # read only
    r = cli("query", "MATCH (p:Paper)-[r:INTRODUCES]->(b:Benchmark) RETURN p, r, b",
            "--db", str(db), "--format", "json")
    (row,) = json.loads(r.stdout)
    assert row["p"]["_label"] == "Paper" and row["p"]["id"] == "10.5555/paperkg.example.1"
    assert row["r"]["_label"] == "INTRODUCES" and "LoopBench" in row["r"]["evidence"]
    assert row["b"] == {**row["b"], "_label": "Benchmark", "name": "LoopBench"}
    r = cli("query", "MATCH p = (a:Paper)-[:CITES]->(b:Paper) RETURN p", "--db", str(db),
            "--format", "json")
    paths = [row["p"] for row in json.loads(r.stdout)]
    assert paths and all(len(p["nodes"]) == 2 and p["rels"][0]["_label"] == "CITES"
                         for p in paths)


def test_untyped_params_stay_text_unless_given_as_json():
    assert parse_params(["id=2401.00010", "limit=5", "n:=3"], typed=False) == {
        "id": "2401.00010", "limit": "5", "n": 3}
