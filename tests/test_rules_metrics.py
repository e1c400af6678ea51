"""Metric rule changes of the sixth session (tuned on train split a, checked on split b and the
annotators' corpus papers), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, metric", [
    ("It lowers the relative L2 reconstruction error by 12%.", "relative L2 reconstruction error"),
    ("The median delay spread error drops to 4 ns.", "median delay spread error"),
])
def test_a_compound_measure_takes_up_to_three_modifier_words(nlp, sentence, metric):
    e = find(run(nlp, sentence), metric, ignore_case=True)
    assert e is not None and e.type == "METRIC"


def test_three_modifier_words_still_stop_at_a_verb_or_determiner(nlp):
    ents = run(nlp, "Our method improves the detection accuracy by 3 points.")
    assert find(ents, "detection accuracy") is not None
    assert find(ents, "improves the detection accuracy") is None


@pytest.mark.parametrize("sentence, not_metric", [
    ("It delivers up to +7.6 pp accuracy over the prior baseline.", "pp accuracy"),
    ("Traditional metrics like accuracy and F1 miss the benefit of such models.",
     "like accuracy"),
    ("The classifier achieved an exceptional accuracy of 83.7% on the test set.",
     "exceptional accuracy"),
    ("We study how similarity scores of 0.8 relate across models.", "study how similarity"),
])
def test_units_evaluative_words_and_verbs_do_not_start_a_measure(nlp, sentence, not_metric):
    assert find(run(nlp, sentence), not_metric, ignore_case=True) is None


# twelfth pass: latency and throughput (words/cost_metrics.txt) are measures only beside a
# number, another measure or an evaluation phrase; a cost word alone names no measurement


@pytest.mark.parametrize("sentence", [
    "The agent answers at 900 ms latency on a single GPU.",
    "We analyze energy consumption, latency, and accuracy of every configuration.",
    "It cuts latency by 82% on the serving cluster.",
    "Throughput is measured on four nodes.",
])
def test_a_cost_measure_beside_a_number_or_a_measure(nlp, sentence):
    name = "throughput" if "hroughput" in sentence else "latency"
    e = find(run(nlp, sentence), name, ignore_case=True)
    assert e is not None and e.type == "METRIC"


@pytest.mark.parametrize("sentence", [
    "Caching at the edge is crucial for reducing latency and network congestion.",
    "Long reasoning chains suffer from high computational overhead and latency.",
    "Retrieval over large stores leads to high latency in practice.",
    "Batching raises throughput but complicates scheduling.",
])
def test_a_cost_word_alone_is_no_measure(nlp, sentence):
    name = "throughput" if "hroughput" in sentence else "latency"
    assert find(run(nlp, sentence), name, ignore_case=True) is None


def test_consumption_is_the_head_of_a_compound_measure(nlp):
    ents = run(nlp, "It reduces energy consumption by 40% on the edge devices.")
    e = find(ents, "energy consumption")
    assert e is not None and e.type == "METRIC"


@pytest.mark.parametrize("sentence, not_metric", [
    ("Training in full precision doubles the accuracy gap to 3%.", "full precision"),
    ("Solvers lose numerical precision at 10 digits.", "numerical precision"),
])
def test_a_number_format_before_precision_is_no_compound_measure(nlp, sentence, not_metric):
    ents = run(nlp, sentence)
    assert find(ents, not_metric) is None
    assert find(ents, "precision", ignore_case=True) is None


@pytest.mark.parametrize("sentence", [
    "We characterise the trade-off between accuracy and robustness in supervised learning.",
    "The detector strikes a good balance between speed and accuracy on aerial scenes.",
    "Mesh representations allow favorable trade-offs between accuracy and efficiency.",
    "The design exposes accuracy and efficiency trade-offs to the user.",
])
def test_two_qualities_weighed_name_no_measure(nlp, sentence):
    assert find(run(nlp, sentence), "accuracy", ignore_case=True) is None


def test_a_weighed_quality_with_a_number_stays_a_measure(nlp):
    ents = run(nlp, "It improves the trade-off between accuracy and latency: 91.2% at 8 ms.")
    e = find(ents, "accuracy")
    assert e is not None and e.type == "METRIC"


@pytest.mark.parametrize("sentence, metric", [
    ("The classifier reaches a balanced accuracy of 90.1% on held-out files.", "balanced accuracy"),
    ("Models are ranked by their weighted score over 12 task groups.", "weighted score"),
])
def test_balanced_and_weighted_begin_a_measure(nlp, sentence, metric):
    e = find(run(nlp, sentence), metric)
    assert e is not None and e.type == "METRIC"


def test_balance_as_a_verb_begins_no_measure(nlp):
    ents = run(nlp, "The method helps balance accuracy and efficiency, improving F1 by 2 points.")
    assert find(ents, "balance accuracy", ignore_case=True) is None


@pytest.mark.parametrize("sentence", [
    "It achieves low RMSE (0.68), MSE (0.51) and MAE (0.31) on the test set.",
    "We obtain a test MAE of 12.23 on the held-out wafers.",
    "The regressor reduces MAE by up to 55% overall.",
])
def test_a_shared_acronym_beside_a_value_or_an_error_measure_is_the_measure(nlp, sentence):
    e = find(run(nlp, sentence), "MAE")
    assert e is not None and e.type == "METRIC"


@pytest.mark.parametrize("sentence", [
    "We fine-tune MAE on video and outperform it.",
    "A standard MSE or MAE loss function is used for depth completion.",
])
def test_a_shared_acronym_elsewhere_is_no_measure(nlp, sentence):
    e = find(run(nlp, sentence), "MAE")
    assert e is None or e.type != "METRIC"


# fifteenth pass: a Title Case name or a spelled-out acronym ending in a measure's head word
# (words/metric_name_heads.txt) is a measure, not a method


@pytest.mark.parametrize("sentence, metric", [
    ("We report the Kernel Stein Discrepancy between the particles and the target.",
     "Kernel Stein Discrepancy"),
    ("Tracts are compared by their Largest Lyapunov Exponent and their Sample Entropy.",
     "Sample Entropy"),
    ("The fractal quality is read from the Hausdorff Dimension (HD) of the samples.",
     "Hausdorff Dimension"),
    ("A new Belief Conflict Index measures how far the model contradicts itself.",
     "Belief Conflict Index"),
])
def test_a_title_case_name_ending_in_a_measure_word_is_a_measure(nlp, sentence, metric):
    e = find(run(nlp, sentence), metric)
    assert e is not None and e.type == "METRIC"


# twenty-ninth pass (metric29): measure, metrics, scale, complexity, utilization, parity
@pytest.mark.parametrize("sentence, metric", [
    ("Walkers are graded on the Harbour Gait Rating Scale before and after training.",
     "Harbour Gait Rating Scale"),
    ("We score every reply with the Lantern Coherence Measure and report its mean.",
     "Lantern Coherence Measure"),
    ("Outputs are judged with Multilevel Fluency Metrics by three raters.",
     "Multilevel Fluency Metrics"),
    ("The curves are compared by their Apparent Folding Complexity on each task.",
     "Apparent Folding Complexity"),
    ("The scheduler lifts Buffer Utilization on every cluster we tried.", "Buffer Utilization"),
    ("Fair models are compared by their Group Outcome Parity on the loan data.",
     "Group Outcome Parity"),
])
def test_a_title_case_name_ending_in_a_new_measure_word_is_a_measure(nlp, sentence, metric):
    e = find(run(nlp, sentence), metric)
    assert e is not None and e.type == "METRIC"


# twenty-ninth pass (metric29): a hyphenated word opened by "near-" opens no measure
@pytest.mark.parametrize("sentence, metric, not_metric", [
    ("The pruned planner keeps near-lossless accuracy of 97.1% on every split.", "accuracy",
     "near-lossless accuracy"),
    ("The cleaned model shows near-zero attack success rates of 0.4% after tuning.",
     "attack success rates", "near-zero attack success rates"),
])
def test_a_near_prefix_opens_no_measure(nlp, sentence, metric, not_metric):
    ents = run(nlp, sentence)
    assert find(ents, not_metric, ignore_case=True) is None
    e = find(ents, metric)
    assert e is not None and e.type == "METRIC"


# twenty-ninth pass (metric29): AP is average precision near a value; "AP-weighted" is no measure
def test_ap_beside_a_value_is_a_measure(nlp):
    e = find(run(nlp, "The detector lifts box AP from 41.2 to 44.0 on the harbour images."), "AP")
    assert e is not None and e.type == "METRIC"


def test_ap_before_a_hyphenated_word_leaves_the_coined_name(nlp):
    ents = run(nlp, "We propose AP-weighting, a scheme that weights each model by its held-out "
                    "score. The AP-weighted ensemble reaches 71.3 on the test split.")
    e = find(ents, "AP-weighting")
    assert e is not None and e.type == "METHOD"
    assert not any(e.type == "METRIC" and e.name == "AP" for e in ents.values())


def test_a_lower_case_index_word_makes_no_measure(nlp):
    ents = run(nlp, "We build an inverted index over the corpus for fast retrieval.")
    assert not any(e.type == "METRIC" for e in ents.values())


@pytest.mark.parametrize("sentence, not_metric", [
    ("We find accuracy drops of 9.8 points when switching the prompt language.", "find accuracy"),
    ("Backups often compromise latency by 40 ms on edge devices.", "often compromise latency"),
    ("Pruning costs a negligible accuracy loss of 0.3% on the test set.", "negligible accuracy"),
])
def test_a_verb_adverb_or_evaluative_word_starts_no_measure(nlp, sentence, not_metric):
    assert find(run(nlp, sentence), not_metric, ignore_case=True) is None


# Sixteenth pass (task16): the plural "accuracies" and the hyphenated "mean-squared error" are
# spellings of the known measures.
@pytest.mark.parametrize("sentence, metric", [
    ("The probes reach accuracies of 91.2% and 88.0% on the two splits.", "accuracies"),
    ("We analyze the asymptotic mean-squared error of each of these estimators.",
     "mean-squared error"),
])
def test_known_measures_in_another_spelling(nlp, sentence, metric):
    e = find(run(nlp, sentence), metric, ignore_case=True)
    assert e is not None and e.type == "METRIC"


# Seventeenth pass (task17): a lower-case compound ending in a word of metric_value_heads
# (similarity, distance, divergence, correlation, coefficient, score, precision, recall) is a
# measure only beside a number; a Title Case eponym ("Hellinger distance") stays a measure.
@pytest.mark.parametrize("sentence, not_metric", [
    ("The encoder improves semantic similarity between captions and retrieved images.",
     "semantic similarity"),
    ("We lower the distribution divergence between the two domains during adaptation.",
     "distribution divergence"),
    ("Each token receives a confidence score from the verifier before decoding.",
     "confidence score"),
])
def test_a_relation_compound_without_a_value_is_no_measure(nlp, sentence, not_metric):
    e = find(run(nlp, sentence), not_metric, ignore_case=True)
    assert e is None or e.type != "METRIC"


@pytest.mark.parametrize("sentence, metric", [
    ("The model reaches a semantic similarity of 0.82 with the reference answers.",
     "semantic similarity"),
    ("It improves the Hellinger distance between the two posteriors.", "Hellinger distance"),
])
def test_a_relation_compound_with_a_value_or_an_eponym_is_a_measure(nlp, sentence, metric):
    e = find(run(nlp, sentence), metric, ignore_case=True)
    assert e is not None and e.type == "METRIC"


# Eighteenth pass (task18): an ambiguous metric word joined to a quality of the method
# (metric_qualities: efficiency, robustness, speed, ...) with no number near and no evaluation
# phrase before names what the method has, not a measure it reports.
@pytest.mark.parametrize("sentence", [
    "The new sampler improves both the efficiency and accuracy of symbolic regression.",
    "Our planner outperforms earlier planners in speed and accuracy on cluttered scenes.",
    "The framework gains accuracy, robustness, and controllability over its backbone.",
])
def test_a_metric_word_named_beside_qualities_is_no_measure(nlp, sentence):
    e = find(run(nlp, sentence), "accuracy")
    assert e is None or e.type != "METRIC"


@pytest.mark.parametrize("sentence", [
    "It improves both the efficiency and accuracy, reaching 91.2% on the test split.",
    "The detectors are evaluated in terms of speed and accuracy on the street scenes.",
])
def test_a_metric_word_beside_qualities_with_a_value_or_evaluation_is_a_measure(nlp, sentence):
    e = find(run(nlp, sentence), "accuracy")
    assert e is not None and e.type == "METRIC"
