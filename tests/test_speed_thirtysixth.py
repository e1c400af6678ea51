"""Thirty-sixth pass (fast36): a build whose extraction runs in a pool hands the texts to the
workers without importing spaCy and the rules into its own process (workers.pooled_results),
and gives the same results as the pipeline module's path."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the folder holding the package

_PAPERS = [
    ("2501.00001", "Flurbo: Counting Sheep with Graphs",
     "We propose Flurbo, a new method for sheep counting. Flurbo improves accuracy on the "
     "PastureSet benchmark by 4.2 points over GrazeNet."),
    ("2501.00002", "Quillon Models for Hat Detection",
     "We introduce QuillonLM, a vision model for hat detection. On HatBench it reaches an F1 "
     "of 81.5, and we release the code at https://github.com/example/quillon."),
    ("2501.00003", "On Teapot Segmentation",
     "Teapot segmentation is hard. We build on Flurbo and evaluate on PastureSet and "
     "HatBench, where our TeaSeg model outperforms QuillonLM."),
    ("2501.00004", "Umbrella Forecasting with Zephyr",
     "We present Zephyr, a transformer for umbrella forecasting trained on the RainyDays "
     "corpus (RD). Zephyr achieves a MAE of 0.31 on RD."),
    ("2501.00005", "", ""),
    ("2501.00006", "A Study of Mitten Retrieval",
     "Mitten retrieval, the task of finding mittens, is studied with MittenBERT and a new "
     "dataset, MitSet, of 12,000 pairs."),
]


def _write(path: Path) -> Path:
    """The invented papers as a JSON Lines listing."""
    path.write_text("".join(json.dumps({"id": i, "title": t, "abstract": a}) + "\n"
                            for i, t, a in _PAPERS), encoding="utf-8")
    return path


def _run(code: str) -> str:
    """The output of code run in a fresh interpreter that imports this tree's paperkg."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _forkserver() -> None:
    from paperkg.extractors.workers import worker_context

    if worker_context().get_start_method() != "forkserver":
        pytest.skip("no fork server here")


def test_a_pooled_build_imports_no_spacy_into_its_own_process(tmp_path):
    """A fresh build of at least POOL_FROM papers with two workers (the threshold lowered to
    the sample) extracts in the pool, while its own process never imports spaCy or the rule
    modules; the store holds what a one-process build's does."""
    _forkserver()
    listing = _write(tmp_path / "p.jsonl")
    out = _run(f"""
        import sys
        from paperkg.extractors import workers
        from paperkg.graph.pipeline import build
        workers.POOL_FROM = 2
        r = build([{str(listing)!r}], db={str(tmp_path / "two.lbug")!r}, workers=2, fast=True)
        print(r.extracted, "spacy" in sys.modules,
              any(m.startswith("paperkg.extractors.rules") for m in sys.modules),
              "paperkg.extractors.pipeline" in sys.modules)
        print(sorted(r.nodes.items()), sorted(r.relationships.items()))
    """)
    first, counts = out.splitlines()
    from paperkg.graph.pipeline import build

    one = build([listing], db=tmp_path / "one.lbug", fast=True)
    assert first == f"{one.extracted} False False False"
    assert one.extracted >= 4
    assert counts == f"{sorted(one.nodes.items())} {sorted(one.relationships.items())}"


def test_pooled_results_are_the_pipeline_modules_results(monkeypatch):
    """workers.pooled_results gives, in order, the JSON rows and tallies that raw_extractions
    makes in this process (extra results included), each text cut at 1,000,000 characters."""
    _forkserver()
    from collections import Counter

    from paperkg.extractors import pipeline, workers
    from paperkg.graph.citations.cache import paper_features

    texts = [f"{t}\n{a}" if a else t for _, t, a in _PAPERS] * 2
    args = [(t, a) for _, t, a in _PAPERS] * 2
    mine: list[Counter] = [Counter(), Counter()]
    theirs: list[Counter] = [Counter(), Counter()]

    def into(c):
        def add(longs, votes):
            c[0].update(longs)
            c[1].update(votes)
        return add

    here = list(pipeline.raw_extractions(texts, fast=True, as_json=True, extra=paper_features,
                                         extra_args=args, counts=into(theirs)))
    monkeypatch.setattr(workers, "POOL_FROM", 2)
    seen = []
    pooled = list(workers.pooled_results(texts, 2, fast=True, progress=seen.append,
                                         as_json=True, extra=paper_features, extra_args=args,
                                         counts=into(mine)))
    assert pooled == here
    assert seen == [1] * len(texts)
    assert mine == theirs
    with pytest.raises(ValueError):
        list(workers.pooled_results(texts, 2, fast=True, extra=paper_features,
                                    extra_args=args[:-1]))
    cut = workers._Cut(["x" * 1_000_005, None], 1_000_000)
    assert [len(t) for t in cut[0:2]] == [1_000_000, 0]


def test_the_state_writer_child_imports_no_networkx():
    """The state's writer child (ladybug_store._start_child's `python -c`) imports the store
    module only: networkx, which that module names only in annotations, stays out of it."""
    out = _run("""
        import sys
        from paperkg.graph.ladybug_store import _state_child
        print("networkx" in sys.modules, callable(_state_child))
    """)
    assert out == "False True"
