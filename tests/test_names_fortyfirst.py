"""Names, forty-first pass (helper names41): the organisation word after a name is read on its
own line only (a title's closing name is no organisation because the abstract opens with
"Foundation models"); a bare two-letter acronym needs three mentions or a voucher; list
entries the gold names in few of the papers that write them are out of the lists, and two
acronyms of problems are tasks. On sentences written for these tests, beside invented names."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("opening", ["Foundation models are large", "Team play needs plans",
                                     "Project plans are large"])
def test_a_title_closing_name_is_no_organisation_of_the_abstract_opening(nlp, opening):
    # the title's last words read with the abstract's first word ("... Learning\nFoundation")
    # were an organisation, and its defined acronym was left alone
    ents = run(nlp, opening + ". Quarnby Graph Learning (QGL) trains them on clients, and QGL "
                    "keeps data local. The results hold across seeds.",
               title="Tuning Foundation Models in Quarnby Graph Learning")
    e = find(ents, "QGL")
    assert e is not None and e.name == "Quarnby Graph Learning"


def test_an_organisation_word_on_the_same_line_still_flags(nlp):
    ents = run(nlp, "The QuillMoE Foundation funds ZorbNet, which routes tokens sparsely. "
                    "The results hold across seeds.")
    assert find(ents, "QuillMoE") is None
    assert find(ents, "ZorbNet") is not None


def test_a_bare_two_letter_acronym_written_twice_is_no_name(nlp):
    ents = run(nlp, "We compare ZorbNet with QX on the graphs. QX is slow on large graphs. "
                    "The results hold across seeds.")
    assert find(ents, "QX") is None
    assert find(ents, "ZorbNet") is not None


def test_a_bare_two_letter_acronym_written_three_times_is_kept(nlp):
    ents = run(nlp, "We compare ZorbNet with QX on the graphs. QX is slow on large graphs, "
                    "and QX needs more memory. The results hold across seeds.")
    assert find(ents, "QX") is not None


def test_a_two_letter_measure_written_twice_is_kept(nlp):
    ents = run(nlp, "ZorbNet reaches an EM of 45.2 on QuillQA, and its EM rises with model size. "
                    "The results hold across seeds.")
    assert find(ents, "EM") is not None


def test_a_two_letter_measure_with_its_value_is_kept(nlp):
    ents = run(nlp, "ZorbNet beats earlier speech models, achieving QW 80.7% and QU 81.3%. The "
                    "results hold across seeds.")
    assert find(ents, "QW") is not None and find(ents, "QU") is not None


def test_a_defined_two_letter_acronym_is_kept(nlp):
    ents = run(nlp, "We propose Quarnby Exchange (QX), a message scheme for graphs; QX beats "
                    "ZorbNet. The results hold across seeds.")
    assert find(ents, "QX") is not None or find(ents, "Quarnby Exchange") is not None


@pytest.mark.parametrize("form", ["dropout", "optical flow", "Twitter", "self-distillation",
                                  "word embeddings", "ReLU networks", "Koopman operator"])
def test_background_entries_out_of_the_lists_are_no_names(nlp, form):
    ents = run(nlp, f"We train ZorbNet on the data with {form} as in earlier work. The results "
                    "hold across seeds.")
    e = find(ents, form, ignore_case=True)
    assert e is None or e.type not in {"METHOD", "MODEL", "DATASET", "BENCHMARK"}
    assert find(ents, "ZorbNet") is not None


@pytest.mark.parametrize("sentence, acr", [
    ("We study visual question answering (VQA) with ZorbNet, which reads charts.", "VQA"),
    ("We study simultaneous localization and mapping (SLAM) with ZorbNet on drones.", "SLAM"),
])
def test_two_problem_acronyms_are_tasks(nlp, sentence, acr):
    ents = run(nlp, sentence + " The results hold across seeds.")
    e = find(ents, acr)
    assert e is None or e.type == "TASK"


def test_the_sinkhorn_algorithm_is_still_a_name(nlp):
    ents = run(nlp, "We solve the transport plan with the Sinkhorn algorithm and compare with "
                    "ZorbNet. The results hold across seeds.")
    e = find(ents, "Sinkhorn algorithm", ignore_case=True)
    assert e is not None and e.type == "METHOD"


@pytest.mark.parametrize("phrase", [
    "English dataset", "German benchmarks", "Chinese-language dataset",
    "Turkish-dominant corpus", "Multilingual benchmark"])
def test_a_language_before_a_data_head_is_no_name(nlp, phrase):
    ents = run(nlp, f"We test ZorbNet on a {phrase} of news stories and on QuillBench. The results "
                    "hold across seeds.")
    assert find(ents, phrase) is None
    assert find(ents, "ZorbNet") is not None


def test_a_coined_language_before_a_data_head_stays_a_name(nlp):
    ents = run(nlp, "We test ZorbNet on the Quarnish benchmark of news stories. The results hold "
                    "across seeds.")
    assert find(ents, "Quarnish benchmark") is not None
