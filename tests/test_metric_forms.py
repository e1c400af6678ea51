"""A measure's longer written forms kept as aliases (extractors/rules/metric_forms.py): one or
two words before a mention of its name that say what is measured or how it is aggregated, a
measure head or a measure word after it, a word glued to it by a hyphen; never a judging word,
a verb, a unit, another measure's word or a listed measure of another line."""

import pytest

from paperkg.core.records import Paper


@pytest.fixture(scope="module")
def nlp():
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


def _measures(nlp, abstract: str) -> dict[str, list[str]]:
    """Measure name -> aliases of one invented paper."""
    from paperkg.extractors.pipeline import extract

    ex = extract([Paper(id="z", title="Zarnet", abstract=abstract)], nlp=nlp)[0]
    return {e.name: e.aliases for e in ex.entities if e.type == "METRIC"}


def test_a_word_before_the_measure_gives_its_longer_form(nlp):
    got = _measures(nlp, "We evaluate Zarnet on the Quibble benchmark. Zarnet improves the "
                         "overall accuracy from 71.2% to 75.0%.")
    assert "overall accuracy" in got["accuracy"]


def test_a_word_in_ing_after_an_article_names_what_is_measured(nlp):
    got = _measures(nlp, "Zarnet reaches a decoding throughput of 120 tokens/s on one GPU, "
                         "against 80 tokens/s for Quarnet.")
    assert got["throughput"] == ["decoding throughput"]


def test_a_measure_head_after_the_measure_gives_its_longer_form(nlp):
    got = _measures(nlp, "On Quibble, Zarnet reaches 64.1 exact match accuracy and 70.2 F1.")
    assert "exact match accuracy" in got["exact match"]
    assert "match accuracy" not in got.get("accuracy", [])  # another measure's word


def test_verbs_judging_words_and_units_give_no_form(nlp):
    got = _measures(nlp, "Zarnet prunes 40% of the weights while degrading accuracy by only "
                         "0.3% on Quibble, and reaches the desired accuracy of 90% and 31.2 dB "
                         "PSNR.")
    assert not [a for a in got["accuracy"] if " accuracy" in a]
    assert "dB PSNR" not in got["PSNR"]


def test_a_listed_measure_of_another_line_is_no_alias(nlp):
    got = _measures(nlp, "Zarnet improves the mean Average Precision (mAP) by 3.1 points on "
                         "Quibble.")
    assert got["mean Average Precision"] == ["mAP"]


def test_an_aggregate_word_opening_a_listed_measure_gives_the_measure(nlp):
    got = _measures(nlp, "Zarnet reaches an average accuracy of 81.3% on Quibble.")
    assert {"accuracy", "average accuracies"} <= set(got["average accuracy"])


@pytest.mark.parametrize(("text", "form"), [
    # after a hyphenated adjective
    ("Zarnet keeps the end-to-end decoding throughput at 120 tokens/s.", "decoding throughput"),
    # after a verb of change
    ("Zarnet improves training throughput by 1.3 times on Quibble.", "training throughput"),
])
def test_a_word_in_ing_before_a_measure_names_what_is_measured(nlp, text, form):
    assert form in _measures(nlp, text)["throughput"]


def test_a_measure_without_its_opening_word_is_an_alias(nlp):
    got = _measures(nlp, "Zarnet raises the relative accuracy of Quarnet by 4.2% and cuts the "
                         "total inference latency to 31 ms on Quibble.")
    assert "accuracy" in got["relative accuracy"]
    assert "inference latency" in got["total inference latency"]


def test_two_words_before_and_a_scope_word_give_longer_forms(nlp):
    got = _measures(nlp, "Zarnet keeps 93% of the object detection accuracy on Quibble while "
                         "halving the cost.")
    assert {"detection accuracy", "object detection accuracy"} <= set(got["accuracy"])
    got = _measures(nlp, "Zarnet reaches a 91% human acceptance rate on Quibble.")
    assert "human acceptance rate" in got["acceptance rate"]


def test_a_glued_word_and_a_measure_word_after_give_longer_forms(nlp):
    got = _measures(nlp, "On Quibble, Zarnet reaches an F1-max of 87.0, a 24.6 percent gain in "
                         "F1-max score, and we bound the Wasserstein-1 metric of its output.")
    assert {"F1-max", "F1-max score"} <= set(got["F1"])
    assert "Wasserstein-1 metric" in got["Wasserstein-1"]


def test_a_bare_head_word_a_function_word_or_a_fixed_name_gives_no_shorter_form():
    from paperkg.extractors.rules.metric_forms import _not_kinds, head_form

    stop = _not_kinds()
    assert head_form("test character error rates", stop) == "character error rates"
    assert head_form("real-world grasp success rate", stop) == "grasp success rate"
    assert head_form("mean test accuracy", stop) == "test accuracy"
    assert head_form("QA accuracy", stop) == "accuracy"  # an acronym says of what
    assert head_form("error rate", stop) is None  # "rate" names no measure alone
    assert head_form("BLEU score", stop) is None
    assert head_form("training time", stop) is None
    assert head_form("number of function evaluations", stop) is None
    assert head_form("recall at 10", stop) is None
    assert head_form("frames per second", stop) is None
    assert head_form("mean squared error", stop) is None  # a listed measure: a fixed name
    assert head_form("Differential Entropy", stop) is None  # a Title Case name of its own
    assert head_form("Cohen's kappa", stop) is None
    assert head_form("Recall-Oriented Understudy for Gisting Evaluation", stop) is None
    assert head_form("accuracy", stop) is None
