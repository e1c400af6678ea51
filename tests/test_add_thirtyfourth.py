"""Thirty-fourth pass (add34): spaCy is imported without its command-line package once paperkg
is (the workers' fork server imports the pipeline on an add's critical path), and what spaCy
offers from that package still works."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the folder holding the package


def _run(code: str) -> str:
    """The output of code run in a fresh interpreter that imports this tree's paperkg."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_pipeline_imports_no_cli_and_a_blank_pipeline_still_works():
    """One interpreter: the pipeline's import leaves spaCy's command-line package out, and a
    blank pipeline made after it (paperkg's import in place) still works."""
    out = _run("""
        import sys
        import paperkg.extractors.pipeline
        print(sorted(m for m in sys.modules if m.startswith(("spacy.cli", "typer", "weasel"))))
        print("spacy" in sys.modules)
        import spacy
        nlp = spacy.blank("en")
        print([t.text for t in nlp("Zorblat beats Quillnet.")])
    """)
    assert out.splitlines() == ["[]", "True", "['Zorblat', 'beats', 'Quillnet', '.']"]


def test_cli_and_info_on_first_use():
    out = _run("""
        import sys
        import paperkg
        import spacy
        print("spacy.cli" in sys.modules)
        print(callable(spacy.cli.download), "spacy.cli" in sys.modules)
        import spacy.cli.info
        print(sys.modules["spacy.cli.info"].info is spacy.cli.info)
        print(isinstance(spacy.info(silent=True), dict))
    """)
    assert out.splitlines() == ["False", "True True", "True", "True"]


def test_spacy_imported_first_is_left_alone():
    out = _run("""
        import sys
        import spacy
        import paperkg
        print("spacy.cli" in sys.modules, spacy.info.__module__)
    """)
    assert out == "True spacy.cli.info"


def test_the_ahead_worker_imports_no_graph_code(tmp_path):
    """An add's extraction worker imports what it runs, not graph/pipeline.py's modules
    (networkx, the stores), and its results are those made in the asking process."""
    (tmp_path / "probe34.py").write_text(
        "import sys\n\n\ndef modules():\n    return sorted(sys.modules)\n")
    code = textwrap.dedent("""
        import sys
        sys.path.insert(0, sys.argv[1])
        import probe34
        from paperkg.core.records import Paper
        from paperkg.extractors.pipeline import raw_extractions
        from paperkg.graph.citations.cache import paper_features
        from paperkg.graph.pipeline import Ahead

        papers = [Paper(id="p1", title="Quillnet: Zorbing Graphs",
                        abstract="We propose Quillnet and evaluate it on ZorbBench."),
                  Paper(id="p2", title="On Blarg", abstract="We use Quillnet for Blarg.")]
        ahead = Ahead(papers, True)
        ahead._thread.join()
        seen = ahead._pool.submit(probe34.modules).result()
        print("networkx" in seen, "paperkg.graph.pipeline" in seen,
              "paperkg.extractors.pipeline" in seen)
        got = ahead.raws(papers, fast=True)
        here = list(raw_extractions([p.text for p in papers], as_json=True, fast=True,
                                    extra=paper_features,
                                    extra_args=[(p.title, p.abstract) for p in papers]))
        print(got == here)
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(tmp_path), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "True", "True"]
