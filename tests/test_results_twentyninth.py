"""Results rules of the twenty-ninth session, helper res29 (docs/results.md): values written
on either side of a LaTeX arrow, an arrow read as "from A to B", and a name in an unclosed
font command."""

from __future__ import annotations

from paperkg.extractors.canonical import canonical_key, strip_latex
from tests.extracting import results_by_value as _found


def test_a_value_right_after_a_latex_arrow_is_read():
    text = ("Sparse Retrieval\nKiteNet lifts faithfulness on FooQA (0.71$\\rightarrow$0.83) "
            "and on BarQA ($0.52 \\rightarrow 0.64$).")
    got = _found(text, ("KiteNet", "METHOD", "introduced"), ("FooQA", "BENCHMARK"),
                 ("BarQA", "BENCHMARK"))
    assert set(got) == {"0.71", "0.83", "0.52", "0.64"}  # no "$" kept on either side
    assert got["0.83"]["system"] == got["0.64"]["system"] == "KiteNet"
    assert got["0.83"]["benchmark"] == "FooQA"
    assert got["0.64"]["benchmark"] == "BarQA"


def test_an_arrow_between_values_is_a_change_from_a_baselines_value():
    for arrow in ("$\\rightarrow$", "$\\to$", "->", "→"):
        text = (f"Sparse Retrieval\nKiteNet raises accuracy on FooQA (61.2% {arrow} 66.8%).")
        got = _found(text, ("KiteNet", "METHOD", "introduced"), ("FooQA", "BENCHMARK"),
                     ("accuracy", "METRIC"))
        assert got["66.8%"]["system"] == "KiteNet", arrow
        assert got["61.2%"]["system"] is None, arrow  # the value it goes from, as "from A to B"
        assert got["61.2%"]["metric"] == got["66.8%"]["metric"] == "accuracy"


def test_a_value_after_an_up_arrow_is_read():
    text = ("Memory for Agents\nKiteNet achieves gains of up to $\\uparrow6.15\\%$ in success "
            "rate and $\\uparrow$3.2\\% in resolve rate.")
    got = _found(text, ("KiteNet", "METHOD", "introduced"), ("success rate", "METRIC"))
    assert {"6.15\\%", "3.2\\%"} <= set(got)
    assert got["6.15\\%"]["system"] == "KiteNet"


def test_a_font_command_left_open_goes_with_its_brace():
    assert strip_latex("\\textbf{Quiet Tree Distillation") == "Quiet Tree Distillation"
    assert strip_latex("\\emph{KiteNet}") == "KiteNet"
    assert canonical_key("\\textbf{Quiet Tree Distillation") == \
        canonical_key("Quiet Tree Distillation")
