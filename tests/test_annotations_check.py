"""The annotators' checker (extractors/training/annotations/check.py) on small invented files."""

from __future__ import annotations

import json

from paperkg.extractors.training.annotations.check import main

POOL = {"id": "x0000000001", "title": "WidgetNet: Fast Widget Detection",
        "abstract": "We propose WidgetNet for widget detection. It reaches 91.2% accuracy on "
                    "WidgetBench. Code: https://github.com/acme/widgetnet"}
GOOD = {"id": "x0000000001", "title": POOL["title"],
        "entities": [
            {"name": "WidgetNet", "aliases": [], "type": "METHOD", "alt_types": ["MODEL"],
             "role": "introduced"},
            {"name": "widget detection", "aliases": ["Widget Detection"], "type": "TASK",
             "alt_types": [], "role": "used"},
            {"name": "accuracy", "aliases": [], "type": "METRIC", "alt_types": [], "role": "used"},
            {"name": "WidgetBench", "aliases": [], "type": "BENCHMARK", "alt_types": ["DATASET"],
             "role": "used"}],
        "repos": ["https://github.com/acme/widgetnet"], "links": [],
        "results": [{"system": "WidgetNet", "benchmark": "WidgetBench", "metric": "accuracy",
                     "value": "91.2%", "kind": "score"}]}


def _run(tmp_path, records, capsys):
    pool = tmp_path / "pool.jsonl"
    pool.write_text(json.dumps(POOL) + "\n", encoding="utf-8")
    ann = tmp_path / "ann.jsonl"
    ann.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code = main([str(pool), str(ann)])
    return code, capsys.readouterr().out


def test_a_faithful_record_passes(tmp_path, capsys):
    code, out = _run(tmp_path, [GOOD], capsys)
    assert code == 0
    assert "1 records, 0 problems" in out and "entities 4.00" in out


def test_each_kind_of_slip_is_reported(tmp_path, capsys):
    bad = json.loads(json.dumps(GOOD))
    bad["entities"][0]["aliases"] = ["Widgetnet"]          # not written so in the text
    bad["entities"][1]["type"] = "PROBLEM"                   # not one of the six types
    bad["entities"] += [{"name": w, "aliases": [], "type": "TASK", "alt_types": [], "role": "used"}
                        for w in ("Fast", "Detection", "Code", "reaches", "propose")]
    bad["results"][0]["metric"] = "top-1 accuracy"           # no entity of the record
    bad["results"].append({"system": None, "benchmark": None, "metric": None,
                           "value": "93%", "kind": "gain"})
    code, out = _run(tmp_path, [bad], capsys)
    assert code == 1
    for expected in ("not verbatim in text: 'Widgetnet'", "bad type PROBLEM", "5 TASKs",
                     "result metric not an entity name: 'top-1 accuracy'",
                     "result value not verbatim: '93%'", "bad kind gain"):
        assert expected in out


def test_a_record_out_of_pool_order_is_reported(tmp_path, capsys):
    other = dict(GOOD, id="x0000000002")
    code, out = _run(tmp_path, [other], capsys)
    assert code == 1 and "is not the pool's record 0" in out


def test_a_wrong_argument_count_gets_the_usage_line(capsys):
    assert main(["only-one.jsonl"]) == 2
    assert capsys.readouterr().out.strip() == "usage: check.py POOL.jsonl ANN.jsonl"
