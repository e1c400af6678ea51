"""Results rules of the sixth session's seventh pass (docs/results.md): value shapes and
attribution checked on invented sentences of the shapes, with entities given as the entity
component leaves them (no pipeline: fast)."""

from __future__ import annotations

from paperkg.extractors.results import find_results, read_number


def _ent(text: str, name: str, typ: str, role: str = "used") -> dict:
    """An entity dict with every mention of its name in text."""
    at, mentions = 0, []
    while (i := text.find(name, at)) >= 0:
        mentions.append((name, i, i + len(name), ""))
        at = i + len(name)
    return {"name": name, "type": typ, "role": role, "aliases": [], "mentions": mentions}


def _found(text: str, *ents: tuple) -> dict:
    return {r["value"]: r for r in find_results(text, [_ent(text, *e) for e in ents])}


def test_plus_minus_written_with_a_slash_and_inside_latex_dollars():
    text = ("FooNet: Things\nWe propose FooNet. FooNet achieves 98.98+/-0.12% accuracy on steps "
            "and 95.94+/-0.21% on whole tasks, and a quality score of $92.8 \\pm 4.1$.")
    got = _found(text, ("FooNet", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert set(got) == {"98.98+/-0.12%", "95.94+/-0.21%", "$92.8 \\pm 4.1$"}
    assert read_number("98.98+/-0.12%") == 98.98 and read_number("$92.8 \\pm 4.1$") == 92.8
    assert got["95.94+/-0.21%"]["system"] == "FooNet"
    assert got["95.94+/-0.21%"]["metric"] == "accuracy"


def test_a_latex_range_of_factors_and_a_rating_out_of_five_point_zero():
    text = ("ReMix: Faster Decoding\nWe propose ReMix. ReMix achieves a $2-8 \\times$ inference "
            "speedup. Users rate its answers 4.89/5.0 on average.")
    got = _found(text, ("ReMix", "METHOD", "introduced"))
    assert got["$2-8 \\times$"]["kind"] == "ratio"
    assert got["$2-8 \\times$"]["number"] == 2.0
    assert "4.89/5.0" in got and "5.0" not in got


def test_the_audit_counts_the_misses_of_results_full_by_what_is_wrong(nlp, tmp_path):
    import json

    from paperkg.extractors.results_audit import audit

    gold = {"title": "FooNet: Faster Things",
            "abstract": "We propose FooNet. It reaches 81.0% top-5 hit quality on ImageNet, "
                        "and 12.5 points of gain.",
            "entities": [{"name": "FooNet", "type": "METHOD", "role": "introduced"},
                         {"name": "ImageNet", "type": "DATASET", "role": "used"},
                         {"name": "top-5 hit quality", "type": "METRIC", "role": "used"}],
            "results": [{"system": "FooNet", "benchmark": "ImageNet",
                         "metric": "top-5 hit quality", "value": "81.0%", "kind": "score"},
                        {"system": "FooNet", "benchmark": None, "metric": None,
                         "value": "7.5", "kind": "score"}]}
    path = tmp_path / "g.gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    misses = audit(path, nlp=nlp)["misses"]
    assert misses["value not found"] == 1
    assert misses["metric: null (gold name not extracted, in the sentence)"] == 1
