"""Thirty-fourth pass (add34): spaCy is imported without its command-line package once paperkg
is (the workers' fork server imports the pipeline on an add's critical path), and what spaCy
offers from that package still works."""

from __future__ import annotations

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


def test_the_pipeline_imports_no_cli():
    out = _run("""
        import sys
        import paperkg.extractors.pipeline
        print(sorted(m for m in sys.modules if m.startswith(("spacy.cli", "typer", "weasel"))))
        print("spacy" in sys.modules)
    """)
    assert out.splitlines() == ["[]", "True"]


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


def test_a_blank_pipeline_still_works():
    out = _run("""
        import paperkg
        import spacy
        nlp = spacy.blank("en")
        print([t.text for t in nlp("Zorblat beats Quillnet.")])
    """)
    assert out == "['Zorblat', 'beats', 'Quillnet', '.']"


def test_spacy_imported_first_is_left_alone():
    out = _run("""
        import sys
        import spacy
        import paperkg
        print("spacy.cli" in sys.modules, spacy.info.__module__)
    """)
    assert out == "True spacy.cli.info"
