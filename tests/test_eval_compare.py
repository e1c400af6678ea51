"""compare_gold: one annotation scored against another by the rows of `paperkg eval`."""

import copy

from paperkg.extractors.evaluate import compare_gold, read_gold


def _rows(report: dict) -> dict:
    return {r["row"]: r for r in report["rows"]}


def test_gold_agrees_with_itself(gold):
    """The dev gold compared with itself scores 1.0 on every row it has."""
    recs = read_gold(gold)
    report = compare_gold(recs, copy.deepcopy(recs))
    assert report["matched_papers"] == report["papers"] == len(recs)
    rows = _rows(report)
    assert rows["named-typed"]["gold"] > 0 and rows["results-full"]["gold"] > 0
    assert all(r["f1"] == 1.0 for r in report["rows"])


PAPER = {
    "id": "p1", "title": "FooNet for Bar Detection",
    "entities": [
        {"name": "FooNet", "aliases": [], "type": "METHOD", "alt_types": ["MODEL"],
         "role": "introduced"},
        {"name": "bar detection", "aliases": ["Bar Detection"], "type": "TASK", "alt_types": [],
         "role": "used"},
        {"name": "BazBench", "aliases": [], "type": "BENCHMARK", "alt_types": [], "role": "used"},
        {"name": "accuracy", "aliases": [], "type": "METRIC", "alt_types": [], "role": "used"},
    ],
    "repos": ["https://github.com/foo/foonet"], "links": [],
    "results": [{"system": "FooNet", "benchmark": "BazBench", "metric": "accuracy",
                 "value": "91.2%", "kind": "score"}],
}


def test_disagreements_are_counted_by_row():
    """A second annotation that retypes, drops and adds entities and misattributes a result."""
    other = copy.deepcopy(PAPER)
    other["entities"][0].update(type="MODEL", alt_types=[], role="used")  # alt type: still typed
    other["entities"][1]["name"] = "Bar Detection"  # a surface form of the same task
    other["entities"][2]["type"] = "DATASET"  # wrong type, no alt
    del other["entities"][3]
    other["entities"].append({"name": "Qux", "aliases": [], "type": "METHOD", "alt_types": [],
                              "role": "used"})
    other["results"][0]["metric"] = None
    report = compare_gold([PAPER, {"title": "Missing Paper", "entities": []}], [other])
    assert report["missing"] == ["Missing Paper"] and report["matched_papers"] == 1
    rows = _rows(report)
    assert (rows["named-untyped"]["tp"], rows["named-untyped"]["fp"],
            rows["named-untyped"]["fn"]) == (2, 1, 0)
    assert (rows["named-typed"]["tp"], rows["named-typed"]["fp"],
            rows["named-typed"]["fn"]) == (1, 2, 1)
    assert rows["TASK"]["f1"] == 1.0 and rows["METRIC"]["recall"] == 0.0
    assert rows["INTRODUCES"]["fn"] == 1 and rows["repos"]["tp"] == 1
    assert rows["results-value"]["tp"] == 1 and rows["results-full"]["tp"] == 0
