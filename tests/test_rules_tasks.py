"""Task rule changes of the sixth session (tuned on train split a, checked on split b and the
annotators' corpus papers), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def tasks(ents: dict) -> set[str]:
    """Names of the TASK entities, case-folded."""
    return {e.name.casefold() for e in ents.values() if e.type == "TASK"}


@pytest.mark.parametrize("sentence", [
    "These findings matter for our understanding of transformers.",
    "Transfer in policies requires learning from many agents.",
])
def test_a_task_phrase_stops_at_possessives_quantifiers_and_verbs(nlp, sentence):
    found = tasks(run(nlp, sentence))
    assert not {"our understanding", "policies requires learning"} & found


def test_a_task_phrase_after_for_is_still_found(nlp):
    assert "time-series forecasting" in tasks(run(
        nlp, "We release a toolkit for time-series forecasting and evaluate it on 9 datasets."))


# Thirteenth pass (task13): heads added to words/task_pattern_heads.txt, chosen on train and
# the annotators' 2,400 papers (each right more often than the F1 / 2 at which an addition pays).
@pytest.mark.parametrize("sentence, task", [
    ("We give a solver for the glacier portfolio optimization problem with delays.",
     "glacier portfolio optimization"),
    ("The method is robust in glacier label shift and beyond.", "glacier label shift"),
    ("We test it on tasks such as robot glacier grasping and planning.", "robot glacier grasping"),
    ("A model for glacier cell annotation is trained on atlases.", "glacier cell annotation"),
    ("It is designed for glacier rule mining in logs.", "glacier rule mining"),
    ("We release a toolkit for adversarial glacier attacks on detectors.",
     "adversarial glacier attacks"),
])
def test_added_task_heads(nlp, sentence, task):
    assert task in tasks(run(nlp, sentence))


def test_added_heads_keep_the_adjective_and_verb_checks(nlp):
    found = tasks(run(nlp, "This is useful for implementing optimization at scale."))
    assert not {"implementing optimization", "optimization"} & found


@pytest.mark.parametrize("sentence, task", [
    ("It sets a new bar for current glacier image registration at scale.",
     "glacier image registration"),
    ("A solver for the contemporary glacier portfolio optimization problem is given.",
     "glacier portfolio optimization"),
])
def test_added_leading_adjectives_stay_out_of_the_task(nlp, sentence, task):
    found = tasks(run(nlp, sentence))
    assert task in found and not any(t.startswith(("current", "contemporary")) for t in found)


def test_a_repeated_task_phrase_whose_other_writing_is_in_a_longer_name_is_no_task(nlp):
    ents = run(nlp, "Masked Image Modeling (MIM) is a strong pre-training strategy. Our proposed "
                    "Random Orthogonal Projection Image Modeling (ROPIM) reduces token information "
                    "and outperforms MIM on three benchmarks.",
               title="Pre-training with Random Orthogonal Projection Image Modeling")
    assert find(ents, "Projection Image Modeling") is None
    e = find(ents, "ROPIM")
    assert e is not None and e.type != "TASK"


def test_a_task_phrase_written_twice_stays_a_task(nlp):
    ents = run(nlp, "Change detection finds what changed between two images. We show that change "
                    "detection improves with our priors.",
               title="Priors for Change Detection")
    e = find(ents, "change detection", ignore_case=True)
    assert e is not None and e.type == "TASK"


def test_a_letter_to_letter_abbreviation_written_alone_is_no_task(nlp):
    ents = run(nlp, "The city model supports T2V and I2V use, and V2X links feed it live data.",
               title="Stepping Into a City via Spatially-Grounded Video Generation")
    assert not {"T2V", "I2V", "V2X"} & set(ents)


def test_the_papers_own_or_titled_letter_to_letter_name_is_kept(nlp):
    assert find(run(nlp, "We propose a T2V model. T2V is hard."), "T2V") is not None
    e = find(run(nlp, "We study T2V with small models.", title="Fast T2V with Small Models"), "T2V")
    assert e is not None and e.type == "TASK"


# Sixteenth pass (task16): "the X problem(s)" is another surface form of the task X.
@pytest.mark.parametrize("title, abstract, task, form", [
    ("Learned Codecs for Glacier Bit Allocation",
     "This gives a neat formulation of the glacier bit allocation problem as a convex program.",
     "Glacier Bit Allocation", "glacier bit allocation problem"),
    ("A study of things",
     "We study glacier vehicle routing. Glacier vehicle routing problems are solved fast.",
     "glacier vehicle routing", "Glacier vehicle routing problems"),
])
def test_the_task_written_with_problem_is_an_alias(nlp, title, abstract, task, form):
    ents = run(nlp, abstract, title=title)
    e = find(ents, task)
    assert e is not None and e.type == "TASK"
    assert form in e.aliases


def test_problem_after_a_longer_word_is_no_alias(nlp):
    ents = run(nlp, "We study glacier image segmentation. The glacier image segmentations-problem "
               "and the subglacier image segmentation problem remain.")
    e = find(ents, "glacier image segmentation")
    assert e is not None and not [a for a in e.aliases if "problem" in a]


# Sixteenth pass (task16): a sentence-opening phrase that the copula calls a task or problem.
@pytest.mark.parametrize("abstract, task", [
    ("Glacier inversion is a challenging inverse problem in geophysics. We propose a solver.",
     "glacier inversion"),
    ("Glacier form filling remains a hard task for agents. We release a model.",
     "glacier form filling"),
])
def test_a_phrase_the_copula_calls_a_problem_is_a_task(nlp, abstract, task):
    assert task in tasks(run(nlp, abstract))


@pytest.mark.parametrize("abstract", [
    "Efficient glacier exploration remains a challenge. We propose a solver.",
    "Generating glacier videos is a hard task. We propose a solver.",
    "Glacier data in the wild is a hard problem. We propose a solver.",
])
def test_evaluative_gerund_or_clause_subjects_are_no_copula_task(nlp, abstract):
    assert not {"efficient glacier exploration", "glacier exploration", "generating glacier videos",
                "glacier data", "glacier data in the wild"} & tasks(run(nlp, abstract))


# Sixteenth pass (task16): more heads in words/task_pattern_heads.txt (chosen on train and the
# annotators' 2,400 papers, as the thirteenth pass's).
@pytest.mark.parametrize("sentence, task", [
    ("We give a model for glacier object counting in the wild.", "glacier object counting"),
    ("It is designed for glacier climate downscaling at scale.", "glacier climate downscaling"),
    ("We release a toolkit for glacier artifact removal in scans.", "glacier artifact removal"),
    ("A method for glacier coreference resolution is trained on news.",
     "glacier coreference resolution"),
    ("Tools for glacier knowledge drift and beyond are compared.", "glacier knowledge drift"),
])
def test_sixteenth_pass_task_heads(nlp, sentence, task):
    assert task in tasks(run(nlp, sentence))


# Sixteenth pass (task16): "to <verb> X" in a title: the verb leads no task; "unlike" ends one.
def test_a_verb_after_to_in_a_title_leads_no_task(nlp):
    found = tasks(run(nlp, "We study decoding. It works well on data.",
                      title="A Network To Unify Glacier Modality Alignment and More"))
    assert "glacier modality alignment" in found
    assert "unify glacier modality alignment" not in found


def test_unlike_opens_no_task_phrase(nlp):
    found = tasks(run(nlp, "Unlike glacier prompt injection, poisoning corrupts graphs. We "
                           "study it."))
    assert "unlike glacier prompt injection" not in found


# Seventeenth pass (task17): problem names added to the task gazetteer (data/tasks.txt) and
# the hyphenated spelling of novel view synthesis (`spurious correlations` a task only when the
# title writes it since task37: tests/test_task_thirtyseventh.py).
@pytest.mark.parametrize("sentence, task", [
    ("Eligibility traces help credit assignment over long horizons.", "credit assignment"),
    ("Neural solvers for partial differential equations are slow to train.",
     "partial differential equations"),
    ("Sparse inputs make novel-view synthesis hard to learn.",
     "novel-view synthesis"),
    ("Wide transformers show double descent as the glacier data grows.", "double descent"),
    ("Surrogate models make black-box optimization cheap on glacier designs.",
     "black-box optimization"),
])
def test_seventeenth_pass_gazetteer_tasks(nlp, sentence, task):
    assert task in tasks(run(nlp, sentence))


# Seventeenth pass (task17): a name of several words that nothing else typed, written before
# "task(s)" or after "the task of", is a task; a coined word is not typed by it.
@pytest.mark.parametrize("sentence, task", [
    ("We study the Glacier Signal Control (GSC) task in four cities.", "Glacier Signal Control"),
    ("We address the task of Multilingual Glacier Entity Linking with a retriever.",
     "Multilingual Glacier Entity Linking"),
])
def test_a_name_before_task_or_after_the_task_of_is_a_task(nlp, sentence, task):
    e = find(run(nlp, sentence), task)
    assert e is not None and e.type == "TASK"


def test_a_coined_word_before_task_is_not_typed_a_task(nlp):
    e = find(run(nlp, "We also report the GlacierTopoOOD task results on graphs."),
             "GlacierTopoOOD")
    assert e is None or e.type != "TASK"


# Seventeenth pass (task17): a task written only after a means word (with, via, under, ...;
# words/task_means_before.txt), never in the title, is no task of the paper.
def test_a_task_written_only_after_a_means_word_is_no_task(nlp):
    found = tasks(run(nlp, "We distil the glacier planner with in-context learning. It runs "
                           "fast on edge devices."))
    assert "in-context learning" not in found


def test_a_task_written_after_a_means_word_and_elsewhere_stays(nlp):
    found = tasks(run(nlp, "Few methods handle in-context learning well. We improve it with "
                           "in-context learning demonstrations."))
    assert "in-context learning" in found


# Eighteenth pass (task18): "for X of Y" names the process applied to an object, no task;
# a supervision paradigm (supervised, unsupervised, self-supervised learning) that a task
# pattern finds is how a model learns, no task.
def test_a_for_phrase_followed_by_of_is_no_task(nlp):
    found = tasks(run(nlp, "We give a sampler for glacier front estimation of calving rates."))
    assert "glacier front estimation" not in found


def test_a_for_phrase_not_followed_by_of_stays_a_task(nlp):
    found = tasks(run(nlp, "We give a sampler for glacier front estimation in polar regions."))
    assert "glacier front estimation" in found


@pytest.mark.parametrize("sentence, paradigm", [
    ("Labels are scarce in supervised learning, so we use glacier images.",
     "supervised learning"),
    ("We study unsupervised learning problems on glacier images.", "unsupervised learning"),
    ("The encoder is pretrained for self-supervised learning, then frozen.",
     "self-supervised learning"),
])
def test_a_supervision_paradigm_is_no_task(nlp, sentence, paradigm):
    assert paradigm not in tasks(run(nlp, sentence))


# Eighteenth pass (task18): the verbs help, guide, mitigate and include end a task phrase
# before their object, as solve and improve do ("How Can Objects Help Video-Language
# Understanding?").
def test_a_task_phrase_starts_after_help_guide_mitigate_or_include(nlp):
    found = tasks(run(nlp, "Glacier maps carry cues for video-language understanding of clips.",
                      title="How Can Glacier Maps Help Video-Language Understanding?"))
    assert "help video-language understanding" not in found
    assert "video-language understanding" in found


# Eighteenth pass (task18): evaluative and discourse words (precise, specialized, conventional,
# powerful, appropriate, further, either) lead no task phrase.
@pytest.mark.parametrize("sentence, not_task", [
    ("The maps are used for precise glacier segmentation.", "precise glacier segmentation"),
    ("Prior work on conventional glacier recognition is slow.",
     "conventional glacier recognition"),
    ("It lags behind on specialized glacier prediction tasks.", "specialized glacier prediction"),
])
def test_an_evaluative_word_leads_no_task_phrase(nlp, sentence, not_task):
    assert not_task not in tasks(run(nlp, sentence))


# Eighteenth pass (task18): a title piece right after the coined name before the colon that
# spells the name out ("GLARE: Glacier Retrieval using ...") names the system, not its task.
def test_a_title_piece_spelling_the_coined_name_is_no_task(nlp):
    found = tasks(run(nlp, "We map ice fronts with adaptive routing.",
                      title="GLARE: Glacier Label Retrieval using Adaptive Routing Experts"))
    assert "glacier label retrieval" not in found


def test_a_title_piece_after_another_coined_name_stays_a_task(nlp):
    found = tasks(run(nlp, "We map ice fronts with adaptive routing.",
                      title="MOSAIC: Glacier Label Retrieval using Adaptive Routing Experts"))
    assert "glacier label retrieval" in found
