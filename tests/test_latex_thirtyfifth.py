"""Names written with LaTeX, thirty-fifth pass (helper latex35): a coined name with a raised
digit or sign comes out as written ("Q$^2$Mixer"), maths debris does not; on sentences written
for these tests."""

from __future__ import annotations

import pytest

from paperkg.extractors.canonical import strip_latex
from paperkg.extractors.rules.latex import raised_name
from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract, form, role", [
    ("We introduce Z$^2$PlanNet, a network for warehouse routing.", "Z$^2$PlanNet", "introduced"),
    ("We propose QuillBox$^+$, a new method for parsing invoices.", "QuillBox$^+$", "introduced"),
    ("We present KV$^{3}$-Route, a router for sparse experts.", "KV$^{3}$-Route", "introduced"),
    ("We compare against the TorvaL$2$ baseline on clinic notes.", "TorvaL$2$", "used"),
])
def test_a_name_with_a_raised_digit_is_written_as_such(nlp, abstract, form, role):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.role == role


def test_a_title_name_with_a_raised_digit_keeps_its_written_form(nlp):
    ents = run(nlp, "We present Z$^2$PlanNet for warehouse routing.",
               title="Z$^2$PlanNet: Routing Parcels in Warehouses")
    e = find(ents, "Z$^2$PlanNet")
    assert e is not None and e.role == "introduced"


def test_a_title_name_in_maths_is_not_cut(nlp):
    ents = run(nlp, "We present $Ω$-PlanKit for ranking parcels.",
               title="$Ω$-PlanKit: Ranking Parcels in Warehouses")
    assert find(ents, "$Ω$-PlanKit") is not None
    assert find(ents, "$Ω$-Plan") is None


@pytest.mark.parametrize("surface", ["R$^2$", "cm$^2$", "CO$_2$", "$x^2$", "Z$^2$-", "m$^2$Net"])
def test_maths_and_units_are_no_raised_names(surface):
    assert not raised_name(surface)


@pytest.mark.parametrize("abstract, form", [
    ("The loss is $x^2$ and the error falls as O(n$^2$) in km$^2$ units.", "n$^2$"),
    ("Emissions of CO$_2$ and H$^+$ ions were logged at each site.", "H$^+$"),
])
def test_maths_debris_gives_no_name(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert not any("$" in f for e in ents.values() for f in (e.name, *e.aliases)), ents
    assert find(ents, form) is None


@pytest.mark.parametrize("abstract, long_form, short", [
    ("We introduce Quiet Query Routing (Q$^2$R), a new method for port logistics.",
     "Quiet Query Routing", "Q$^2$R"),
    ("We propose Crate and Container-aware Mixture Of Routers (C$^2$MOR) for shipping.",
     "Crate and Container-aware Mixture Of Routers", "C$^2$MOR"),
])
def test_a_raised_short_form_is_the_alias_of_its_long_form(nlp, abstract, long_form, short):
    e = find(run(nlp, abstract), short)
    assert e is not None and long_form in (e.name, *e.aliases)


def test_a_greek_letter_as_macro_or_as_letter_is_one_name(nlp):
    ents = run(nlp, "We propose $\\lambda$-PlanKit, a new method that ranks parcels.",
               title="$λ$-PlanKit: Ranking Parcels with Learnable Weights")
    e = find(ents, "$\\lambda$-PlanKit")
    assert e is not None and "$λ$-PlanKit" in (e.name, *e.aliases)
    assert sum("PlanKit" in e.name for e in ents.values()) == 1


def test_strip_latex_writes_a_greek_macro_as_its_letter():
    assert strip_latex("$\\lambda$-GRPO") == "λ-GRPO"
    assert strip_latex("$\\Delta$-Tune and \\lambdax") == "Δ-Tune and lambdax"


@pytest.mark.parametrize("abstract, written, name", [
    ("We report the R$^2$ of each regressor on the held-out farms.", "R$^2$", "R^2"),
    ("Each regressor reaches an $R^2$ of 0.91 on the held-out farms.", "$R^2$", "R^2"),
    ("The planner is scored by its $F_1$ on the held-out farms.", "$F_1$", "F1"),
])
def test_a_listed_name_written_with_maths_keeps_its_written_form(nlp, abstract, written, name):
    e = find(run(nlp, abstract), written)
    assert e is not None and e.name == name


@pytest.mark.parametrize("abstract", [
    "Our learner errs by at most $\\text{opt}$ plus a small term on the farms.",
    "We define $\\BNN$ as a barycentric network over the farms.",
    "The planner is compared with $k$-means on the held-out farms.",
    "The map $f_1$ sends each farm to its yield under $l_2$-regularization.",
])
def test_a_word_in_a_font_or_a_macro_is_no_listed_name(nlp, abstract):
    assert not any("$" in f for e in run(nlp, abstract).values() for f in (e.name, *e.aliases))
