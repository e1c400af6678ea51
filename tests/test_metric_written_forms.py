"""A known measure written with its short form in brackets inside it
(rules/metric_bracketed.py), with a subscript or with a cut-off (rules/metric_subscripts.py):
the written form is the measure's name, on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import measures, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract, name, alias", [
    ("We bound the error of the harbour sampler in Kullback-Leibler (KL) divergence with the "
     "best known rate.", "Kullback-Leibler (KL) divergence", "KL divergence"),
    ("The dock method uses the Jensen-Shannon (JS) divergence to evaluate the quay histograms.",
     "Jensen-Shannon (JS) divergence", "Jensen-Shannon divergence"),
])
def test_a_measure_with_its_short_form_inside_is_one_measure(nlp, abstract, name, alias):
    ents = run(nlp, abstract)
    got = measures(ents)
    assert name in got, sorted(got)
    assert alias in got[name].aliases, got[name].aliases


def test_a_measure_before_based_names_a_part(nlp):
    ents = run(nlp, "We design an adaptive Kullback-Leibler (KL) divergence-based distillation "
                    "regularization for the dock model.")
    assert not any("(KL)" in m for m in measures(ents)), sorted(measures(ents))


@pytest.mark.parametrize("abstract, names", [
    ("EventRadar achieves 0.990 mAP$_{.3}$ and 0.949 F1$_{.3}$ on the quay scans.",
     ["mAP$_{.3}$", "F1$_{.3}$"]),
    ("Routing improves full-input $\\text{mAP}_{50}$ by 0.5 points on the dock scans.",
     ["$\\text{mAP}_{50}$"]),
    ("The harbour detector improves AP_S by 4.1 points and AUROC_2 by 0.03.",
     ["AP_S", "AUROC_2"]),
    ("QuayNet achieves 55.3% mAP@50 and 35.6% mAP@50-95 on the harbour set.",
     ["mAP@50", "mAP@50-95"]),
    ("The dock ranker is compared by Mean Reciprocal Rank and Hits@$k$ on the quay graphs.",
     ["Hits@$k$"]),
    ("The dock model achieves a 37.04% improvement in offline Hit Rate@100 and raises Branch "
     "Recall@5 from 0.73 to 0.93.", ["Hit Rate@100", "Branch Recall@5"]),
    ("We show consistent improvements in hit rate @10 and normalized discounted cumulative "
     "gain @10 over the dock baselines.",
     ["hit rate @10", "normalized discounted cumulative gain @10"]),
])
def test_a_measure_with_a_subscript_or_cut_off_keeps_it(nlp, abstract, names):
    got = measures(run(nlp, abstract))
    forms = {f for n, e in got.items() for f in (n, *e.aliases)}
    for name in names:
        assert name in forms, sorted(forms)


def test_a_cut_off_word_alone_is_no_second_measure(nlp):
    got = measures(run(nlp, "The dock model raises Branch Recall@5 from 0.73 to 0.93."))
    assert "Recall@5" not in got and "Branch Recall" not in got, sorted(got)


def test_an_unknown_name_with_a_subscript_is_left_alone(nlp):
    got = measures(run(nlp, "The quay solver keeps x_t close to the berth state at 0.3 error."))
    assert not any("_" in n for n in got), sorted(got)


def test_a_bracket_that_spells_no_lead_makes_no_measure(nlp):
    got = measures(run(nlp, "We bound the Marginally-augmented Sliced Wasserstein (MSW) distance "
                            "of the quay samples."))
    assert not any("(MSW)" in n for n in got), sorted(got)


@pytest.mark.parametrize("abstract, wrong", [
    ("UNION reaches 62.1 Sketchy mAP@200 on the harbour sketches.", "Sketchy mAP@200"),
])
def test_a_name_ending_in_an_acronym_takes_no_cut_off(nlp, abstract, wrong):
    got = measures(run(nlp, abstract))
    assert wrong not in got, sorted(got)


@pytest.mark.parametrize("text", [
    "the Kullback-Leibler (KL) divergence and Jensen-Shannon (JS) divergence (JSD) score",
    "a (b) c (d) e f (g) h",
    "x-ray's mean (MSE) error, (A) b (C) d",
    "word " * 120 + "Kullback-Leibler (KL) divergence",
    "(KL) divergence at the start, then Earth (E) Mover (M) distance",
    "no bracket here at all",
    "tabs\tand\nnew lines (NL) split words, 3D (three) dims",
])
def test_bracketed_matches_as_the_pattern_tried_at_every_offset(text):
    from paperkg.extractors.rules import metric_bracketed as mb
    every = [(m.span(), m.groups()) for m in mb._BRACKETED.finditer(text)]
    assert [(m.span(), m.groups()) for m in mb.bracketed(text)] == every
