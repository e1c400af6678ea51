"""Quality-pass rule families: explicit naming, title leads, well-known names, organisations and
licences, tasks and metrics. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run

# --- roles: explicit naming --------------------------------------------------------------------


@pytest.mark.parametrize("sentence, name", [
    ("We derive a practical solver, called Gradient Path Balancing (GPB), for the problem.",
     "Gradient Path Balancing"),
    ("We train a new sampler that we call QuickWalk on graphs.", "QuickWalk"),
    ("In this work we design a planner, dubbed TreeHop, that searches over plans.", "TreeHop"),
    ("We build a compact encoder named LiteEnc and a loss termed HingeMix for retrieval.",
     "HingeMix"),
])
def test_called_named_dubbed_termed_introduce(nlp, sentence, name):
    e = find(run(nlp, sentence + " It works well."), name)
    assert e is not None and e.role == "introduced"


def test_well_known_name_after_called_is_introduced(rules_nlp):
    # a gazetteer name is introduced when the paper explicitly names it (the rule family, on
    # the rules alone: on this one-sentence text the retrained role classifier demotes it, the
    # known weakness in docs/extraction.md)
    ents = run(rules_nlp, "We develop a practical algorithm, called Proximal Policy Optimization "
                          "(PPO), for control.", title="A new policy method")
    assert find(ents, "PPO").role == "introduced"


def test_so_called_and_observations_are_not_introductions(nlp):
    ents = run(nlp, "In practice we observe that small models generalize best: a principle "
                    "called Occam Razorwise. The so-called Transformer is used by QuickNet.")
    assert find(ents, "Transformer").role == "used"
    e = find(ents, "Occam Razorwise")
    assert e is None or e.role == "used"


def test_called_takes_the_head_noun_type(nlp):
    ents = run(nlp, "This paper proposes a safety benchmark named Torchlight for chat models.")
    e = find(ents, "Torchlight")
    assert e is not None and e.role == "introduced" and e.type == "BENCHMARK"


@pytest.fixture(scope="module")
def rules_nlp():
    """The rules alone: on some one-sentence texts the shipped role classifier demotes the
    rules' introduction (P < 0.1; docs/extraction.md, the learned component)."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


def test_list_after_new_head_noun_is_introduced(rules_nlp):
    nlp = rules_nlp
    ents = run(nlp, "We evaluate code models on two new benchmarks, ParsePuzzles and "
                    "LoopQA-Java, in several regimes.")
    for name in ("ParsePuzzles", "LoopQA-Java"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced", name
        assert e.type in ("BENCHMARK", "DATASET")


def test_new_dataset_in_brackets_is_introduced(nlp):
    ents = run(nlp, "Our contributions include a new dataset (TableTalk) for dialogue.")
    e = find(ents, "TableTalk")
    assert e is not None and e.role == "introduced" and e.type == "DATASET"


def test_prior_work_introducing_a_known_name_is_not_ours(nlp):
    ents = run(nlp, "Recent work has introduced Monte Carlo Tree Search (MCTS) to planning. "
                    "We study its limits.")
    assert find(ents, "MCTS").role == "used"


def test_known_name_as_sole_object_of_introduces(rules_nlp):
    nlp = rules_nlp
    ents = run(nlp, "The OpenCode project introduces StarCoder2. It is trained on code.")
    assert find(ents, "StarCoder2").role == "introduced"


# --- roles: title leads and well-known names ---------------------------------------------------


@pytest.mark.parametrize("title", [
    "Revisiting DPO and PPO: Lessons for Preference Learning",
    "Understanding PPO: Clipping in Practice",
    "Brewing GLUE: Reference Models for Classification",
])
def test_title_lead_with_verb_and_known_name_is_object_of_study(nlp, title):
    ents = run(nlp, "We study DPO, PPO and GLUE on many tasks.", title=title)
    for e in ents.values():
        assert e.role == "used", e.name
        assert not e.name.startswith(("Revisiting", "Understanding", "Brewing")), e.name


def test_known_benchmark_as_modifier_is_not_introduced(nlp):
    ents = run(nlp, "GLUE is widely used. We present an official public GLUE leaderboard "
                    "for fair comparisons.")
    assert find(ents, "GLUE").role == "used"


def test_coined_title_lead_still_introduced(nlp):
    ents = run(nlp, "We study ZetaRank for ranking.", title="ZetaRank: Fast Listwise Ranking")
    assert find(ents, "ZetaRank").role == "introduced"


def test_adjective_title_lead_still_introduced(nlp):
    ents = run(nlp, "We study bounded lattice search for planning.",
               title="Bounded Lattice Search: A Planner for Robots")
    e = find(ents, "Bounded Lattice Search")
    assert e is not None and e.role == "introduced"


# --- organisations, projects and licences ------------------------------------------------------


def test_organisations_projects_and_licences_are_not_entities(nlp):
    ents = run(nlp, "The OpenLoom project, an open collaboration, introduces WeaveLM. In "
                    "partnership with Code Vault (CV), we build the ThreadSet corpus. We release "
                    "the weights under an OpenRAIL-M license and the data as CC-BY-SA. The model "
                    "was developed by NorthStarAI and hosted on Hugging Face.")
    for bad in ("OpenLoom", "Code Vault", "CV", "OpenRAIL-M", "CC-BY-SA", "NorthStarAI",
                "Hugging Face"):
        assert find(ents, bad) is None, bad
    assert find(ents, "WeaveLM").role == "introduced"
    assert find(ents, "ThreadSet") is not None


def test_maker_before_a_title_name_is_dropped(nlp):
    ents = run(nlp, "We present Hunyuan9X, a model for 3D generation.",
               title="Tencent Hunyuan9X: A Framework for 3D Generation")
    assert find(ents, "Tencent Hunyuan9X") is None
    assert find(ents, "Hunyuan9X").role == "introduced"


def test_method_named_after_by_is_kept(nlp):
    ents = run(nlp, "The policy is trained by FlowPPO and optimised by AdamW.")
    assert find(ents, "FlowPPO") is not None and find(ents, "AdamW") is not None


# --- metrics -----------------------------------------------------------------------------------


def test_metric_at_k_with_head_word_is_one_metric(nlp):
    ents = run(nlp, "Our solver reaches 61.5 pass@1 accuracy on the puzzles.")
    assert find(ents, "pass@1") is not None
    assert find(ents, "accuracy") is None


def test_unit_after_a_number_is_not_a_metric(nlp):
    ents = run(nlp, "The model reaches 1.21 bits/char on the archive corpus.")
    assert find(ents, "bits/char") is None


@pytest.mark.parametrize("sentence, word", [
    ("Recurrent networks cannot recall facts seen long ago.", "recall"),
    ("We study the hardness of information recall in streaming models.", "recall"),
    ("The loss converges to the average cross-entropy of the two sources.", "cross-entropy"),
    ("We train the classifier with a cross-entropy loss on text.", "cross-entropy"),
    ("Such tools matter for precision medicine in hospitals.", "precision"),
    ("Both low-accuracy and high-accuracy sensors are used, with 3 cameras.", "accuracy"),
    ("Quantizing to 4-bit precision and mixed-precision schemes cut memory by 2x.", "precision"),
    ("We discuss latency-accuracy trade-offs of 5 systems.", "latency"),
    ("Recall that a bipartite graph with 2 parts has a full spectrum.", "recall"),
])
def test_common_words_that_are_not_used_as_metrics(nlp, sentence, word):
    assert find(run(nlp, sentence), word) is None


@pytest.mark.parametrize("sentence, word", [
    ("Our retriever improves recall by 4 points over dense baselines.", "recall"),
    ("The method gives 2.1 times higher throughput than the baseline kernel.", "throughput"),
    ("We report precision and recall of the detector.", "precision"),
    ("Accuracy stays high under the shift.", "accuracy"),
])
def test_common_metric_words_in_an_evaluation_are_metrics(nlp, sentence, word):
    e = find(run(nlp, sentence), word)
    assert e is not None and e.type == "METRIC"


@pytest.mark.parametrize("sentence, metric", [
    ("The detector reaches 41.2 mAP@0.5 on the crops.", "mAP@0.5"),
    ("It reaches 30.1 mAP@0.5:0.95 on the crops.", "mAP@0.5:0.95"),
    ("Our sampler lowers the Kullback-Leibler divergence to the target by 12%.",
     "Kullback-Leibler divergence"),
    ("It improves F1 scores by 3 points.", "F1 scores"),
    ("The parser runs at 40 frames per second (FPS).", "frames per second"),
    ("It reaches a ROC AUC of 0.91 on the held-out cohort.", "ROC AUC"),
    ("Exact-match rises from 40% to 52%.", "exact-match"),
])
def test_standard_measures_are_metrics(nlp, sentence, metric):
    e = find(run(nlp, sentence), metric)
    assert e is not None and e.type == "METRIC"


@pytest.mark.parametrize("sentence, metrics", [
    ("It beats ensembles on various metrics, including accuracy, calibration, and robustness.",
     {"accuracy", "calibration", "robustness"}),
    ("Scores improve across metrics such as IoD and glacier fidelity, demonstrating better "
     "relevance.", {"IoD", "glacier fidelity"}),
])
def test_measures_listed_after_a_metric_head(nlp, sentence, metrics):
    ents = run(nlp, sentence)
    assert {e.name for e in ents.values() if e.type == "METRIC"} == metrics


def test_a_measure_head_inside_a_longer_title_case_name_is_no_measure(nlp):
    ents = run(nlp, "We name this method Glacier Score Distillation (GSD); it lowers FID by 2.")
    assert find(ents, "Glacier Score") is None and find(ents, "method Glacier Score") is None


def test_mean_belongs_only_to_measures_named_with_it(nlp):
    ents = run(nlp, "It reaches a mean ROC AUC of 0.81 and 71.3 mean IoU on the scans.")
    names = {e.name for e in ents.values()}
    # metric34: "mean ROC AUC" is ROC AUC's alias (the same measure), never a name of its own
    assert find(ents, "ROC AUC").name == "ROC AUC" and "mean ROC AUC" not in names
    assert find(ents, "mean ROC AUC") is find(ents, "ROC AUC")
    assert find(ents, "mean IoU") is not None


def test_names_listed_between_two_measures_are_measures(nlp):
    ents = run(nlp, "We report the Dice score, Precision, Glacierity, Icefulness, and mean average "
                    "precision of 3 models.")
    assert {find(ents, n).type for n in ("Glacierity", "Icefulness")} == {"METRIC"}
    ents = run(nlp, "We report the Dice score, as in Kestrel studies, and mean average precision.")
    assert find(ents, "as in Kestrel studies") is None


# --- tasks named by a pattern ------------------------------------------------------------------


@pytest.mark.parametrize("sentence, task", [
    ("We study the problem of sparse graph matching under noise.", "sparse graph matching"),
    ("We consider the task of table question answering in finance.", "table question answering"),
    ("The hardness reduces to a problem called lattice path counting, which is known.",
     "lattice path counting"),  # named as a problem (see the lower-case naming rule)
    ("The hardness reduces to lattice path counting, which is known.", None),
    ("We evaluate on three sentence simplification tasks and report results.",
     "sentence simplification"),
    ("Protein contact prediction is the task of inferring which residues touch.",
     "Protein contact prediction"),
    ("In this paper we address multi-hop claim verification, a hard setting.",
     "multi-hop claim verification"),
    # task40: the form a work gives its task is no task (the gold's 16 in 86 over 27 sets)
    ("We cast decoding as a constrained sequence labeling problem with budgets.", None),
    ("This is the same optimization problem as before.", None),
])
def test_task_patterns(nlp, sentence, task):
    ents = run(nlp, sentence)
    tasks = {e.name for e in ents.values() if e.type == "TASK"}
    if task is None:
        assert not tasks
    else:
        assert task in tasks


@pytest.mark.parametrize("sentence", [
    "We study the problem of learning a policy from logged data.",
    "We study the problem of optimizing test-time compute for agents.",
    "The model is tested on the general problem of reasoning.",
    "We report results of value prediction for downstream tasks.",
    "Results on many tasks and on generation tasks are shown.",
])
def test_task_patterns_need_a_named_task(nlp, sentence):
    ents = run(nlp, sentence)
    assert not [e.name for e in ents.values() if e.type == "TASK"]


def test_at_most_four_tasks(nlp):
    ents = run(nlp, "We study the task of graph link prediction. We also consider the problem of "
                    "node label classification, the task of edge weight regression, the task of "
                    "subgraph count estimation and the task of motif frequency forecasting.")
    assert len([e for e in ents.values() if e.type == "TASK"]) <= 4


def test_title_for_phrase_with_a_task_head_is_a_task(nlp):
    ents = run(nlp, "We propose a method.", title="Sparse Probes for Concept-Level Text Editing")
    e = find(ents, "Concept-Level Text Editing")
    assert e is not None and e.type == "TASK"
    ents = run(nlp, "We propose a method.", title="Delusions in Agents for Search and Control")
    assert not [e for e in ents.values() if e.type == "TASK"]


@pytest.mark.parametrize("title, abstract, task", [
    ("K-CAL: Explicit Calibration for Glacier Survival Analysis",
     "Glacier survival analysis models the time until a glacier retreats.",
     "Glacier survival analysis"),
    ("A Vector Representation in Ice Sheet Segmentation",
     "In ice sheet segmentation, point-based methods dominate.", "ice sheet segmentation"),
    ("Pruning Sparse Glacier Transformers", "Sparse glacier transformers are popular.", None),
])
def test_abstract_opening_with_a_title_phrase_names_the_task(nlp, title, abstract, task):
    ents = run(nlp, abstract, title=title)
    tasks = {e.name.lower() for e in ents.values() if e.type == "TASK"}
    assert (task.lower() in tasks) if task else not tasks


def test_title_piece_after_against_is_the_task_without_it(nlp):
    ents = run(nlp, "Glacier poisoning corrupts ice models.",
               title="Robust Training against Glacier Poisoning")
    assert find(ents, "against Glacier Poisoning") is None


@pytest.mark.parametrize("title, task", [
    ("Kestrel Insights for Scalable Glacier Oversight", "Glacier Oversight"),
    ("Less Is More for Alignment", "Alignment"),
    ("Text World Models for LLM-based Agents", None),  # a kind of system
    ("A Benchmark for Evaluating Glacier Models", None),  # a verb phrase
])
def test_title_for_phrase_is_the_task_when_nothing_else_is(nlp, title, task):
    ents = run(nlp, "We report results on ice.", title=title)
    tasks = {e.name for e in ents.values() if e.type == "TASK"}
    assert tasks == ({task} if task else set())


def test_title_for_phrase_drops_its_leading_adjectives(nlp):
    ents = run(nlp, "We propose a method.", title="Kestrel Nets for Scalable Glacier Boundary "
                                                  "Detection")
    e = find(ents, "Glacier Boundary Detection")
    assert e is not None and e.type == "TASK" and e.name == "Glacier Boundary Detection"
    # the written form is kept as an alias only (task38's task_kind_adjectives), never as a name
    assert not any(x.name == "Scalable Glacier Boundary Detection" for x in ents.values())


# --- lower-case names after explicit naming ----------------------------------------------------


def test_lower_case_name_after_called_is_a_method(nlp):
    ents = run(nlp, "The loss is equivalent to a compression scheme called sequential hashing, "
                    "which we analyse.")
    e = find(ents, "sequential hashing")
    assert e is not None and e.type == "METHOD" and e.role == "used"


def test_lower_case_name_after_called_by_this_paper_is_introduced(nlp):
    ents = run(nlp, "We propose an extension of guidance, called step-aware guidance (SAG), "
                    "for any sampler.")
    e = find(ents, "step-aware guidance")
    assert e is not None and e.type == "METHOD" and e.role == "introduced"


def test_lower_case_problem_called_is_a_task(nlp):
    ents = run(nlp, "Hardness follows from a problem called set intersection counting, "
                    "a classic in complexity.")
    e = find(ents, "set intersection counting")
    assert e is not None and e.type == "TASK"


@pytest.mark.parametrize("sentence", [
    "The so-called deep networks are used here.",
    "A method called several times per step is slow.",
])
def test_lower_case_after_called_needs_a_name(nlp, sentence):
    ents = run(nlp, sentence)
    assert find(ents, "deep networks") is None and find(ents, "several times") is None


@pytest.mark.parametrize("title, task", [
    ("Sparse Adapters Help Dialogue State Tracking", "Dialogue State Tracking"),
    ("Can Data Pruning Improve Speech Translation", "Speech Translation"),
    ("Tree Search Boosts Planning via Learned Critics", None),
    ("Graph Priors Improve Search For Code Generation", None),
])
def test_title_verb_object_task(nlp, title, task):
    ents = run(nlp, "We run experiments.", title=title)
    tasks = {e.name for e in ents.values() if e.type == "TASK"}
    if task:
        assert task in tasks
    # never a phrase across a preposition ("Search For Code Generation", "Planning via ...")
    assert not [t for t in tasks if {"for", "via"} & set(t.lower().split())], tasks
