"""The twenty-ninth session, helper res29 (docs/results.md): a name set in a font command whose
brace closes after its short form ("\\textbf{Quiet Tree Distillation (QTD)}") loses the command,
not only the brace. (The LaTeX-arrow value rules tried in this pass were not kept: their tests
are in the branch's history, commit 6b6402e.)"""

from __future__ import annotations

from paperkg.core.records import Paper
from paperkg.extractors.canonical import canonical_key, strip_latex
from paperkg.extractors.pipeline import extract


def test_a_font_command_left_open_goes_with_its_brace():
    assert strip_latex("\\textbf{Quiet Tree Distillation") == "Quiet Tree Distillation"
    assert strip_latex("\\emph{KiteNet}") == "KiteNet"
    assert canonical_key("\\textbf{Quiet Tree Distillation") == \
        canonical_key("Quiet Tree Distillation")


def test_a_name_in_an_unclosed_font_command_is_extracted_without_it(rules_nlp):
    (ex,) = extract([Paper(id="p", title="Private Distillation",
                           abstract="We propose \\textbf{Quiet Tree Distillation (QTD)}, a "
                                    "framework for private students. QTD reaches a perplexity "
                                    "of 41.68 on FooCorpus.")], nlp=rules_nlp)
    names = {e.name for e in ex.entities}
    assert "Quiet Tree Distillation" in names
    assert not any("textbf" in n for n in names)
    assert {r.value: r.system for r in ex.results}.get("41.68") == "Quiet Tree Distillation"
