"""INTRODUCES, fortieth pass: the names that open the items of a counted or announced list of
the paper's own parts or new things ("X consists of two key components, namely A and B", "It is
realized by four components (A, B, C)", "we introduce quantitative metrics including A and B")
are the paper's own (rules/part_lists.py). On papers written for these tests (the rules alone,
as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


_TITLE = "QuorbNet: Plonk Detection with Structured Parts"


@pytest.mark.parametrize(("abstract", "title", "names"), [
    ("We propose QuorbNet for plonk detection. QuorbNet consists of two key components, namely "
     "Structure Plonking and Semantic Quorbing.", _TITLE,
     ["Structure Plonking", "Semantic Quorbing"]),
    ("We propose QuorbNet for plonk detection. It is realized by four components (Structural "
     "Plonk Transform, Moral Quorb Interface, Value Plonk Channel), which compute plonks.", _TITLE,
     ["Structural Plonk Transform", "Moral Quorb Interface", "Value Plonk Channel"]),
    ("To assess faithfulness, we introduce quantitative metrics including plonk necessity and "
     "quorb sufficiency.", "Faithful Plonk Explanations",
     ["plonk necessity", "quorb sufficiency"]),
    ("This article introduces two new measures for quorb attribution - Rank-Plonk Delta and "
     "Jensen-Quorb Delta - which generalise older ones.", "Quorb Attribution Revisited",
     ["Rank-Plonk Delta", "Jensen-Quorb Delta"]),
])
def test_list_items_are_introduced(nlp, abstract, title, names):
    ents = run(nlp, abstract, title=title)
    for name in names:
        e = find(ents, name)
        assert e is not None and e.role == "introduced", name


@pytest.mark.parametrize(("abstract", "names"), [
    ("We present QuorbAlchemy, a framework that turns plonk code into data through 5 "
     "strategies: QuorbEnhance (rewriting), PlonkQA (problems), and QuorbTrace (traces).",
     ["QuorbEnhance", "PlonkQA", "QuorbTrace"]),
    ("To address this, we introduce and empirically evaluate two novel adaptive thresholding "
     "frameworks: Segmented Plonk Sequences (SPS) and Multi-Scale Quorb Segments (MQS).",
     ["Segmented Plonk Sequences", "Multi-Scale Quorb Segments"]),
    ("We propose PlonkNet for quorbs. Its effectiveness arises from three innovative "
     "components: Multi-branch Plonk Integration Aggregator (MPIA), which extracts features, "
     "and Quorb Fusion Head (QFH).",
     ["Multi-branch Plonk Integration Aggregator", "Quorb Fusion Head"]),
])
def test_counted_list_items_are_introduced(nlp, abstract, names):
    ents = run(nlp, abstract, title="Plonks and Quorbs")
    for name in names:
        e = find(ents, name)
        assert e is not None and e.role == "introduced", name


def test_counted_list_the_paper_compares_stays_used(nlp):
    ents = run(nlp, "We compare three frameworks: QuorbChain, PlonkIndex and QuorbFlow.",
               title="Plonks and Quorbs")
    for name in ("QuorbChain", "PlonkIndex", "QuorbFlow"):
        e = find(ents, name)
        assert e is None or e.role == "used", name


def test_name_inside_an_item_stays_used(nlp):
    # "a Segmenter based on SAMURAI": the item opens on the part; what it is built on is not new
    ents = run(nlp, "We propose QuorbNet for plonk detection. QuorbNet integrates three key "
                    "components: a Plonk Segmenter based on SAMURAI for segmentation, and a "
                    "Temporal Quorb Analyzer.", title=_TITLE)
    e = find(ents, "SAMURAI")
    assert e is not None and e.role == "used"


def test_known_models_after_a_plain_subject_stay_used(nlp):
    # the subject is no system of the paper's and the items are known models
    ents = run(nlp, "The framework integrates four pre-trained sub-models, Swin-MLP, CoAtNet, "
                    "EfficientNetV2, and DaViT, which are fine-tuned on plonks.")
    for name in ("CoAtNet", "DaViT"):
        e = find(ents, name)
        assert e is None or e.role == "used", name


def test_list_after_others_verb_stays_used(nlp):
    # the subject of the intro verb is somebody else
    ents = run(nlp, "Prior work introduced two measures: Rank-Plonk Delta and Jensen-Quorb "
                    "Delta. We study their quorb bias.", title="On Quorb Bias")
    e = find(ents, "Rank-Plonk Delta")
    assert e is None or e.role == "used"


def test_cited_sentence_stays_used(nlp):
    ents = run(nlp, "We propose QuorbNet for plonk detection. QuorbNet consists of two key "
                    "components, namely Structure Plonking [12] and Semantic Quorbing [13].",
               title=_TITLE)
    e = find(ents, "Semantic Quorbing")
    assert e is None or e.role == "used"


def test_counted_topics_of_an_analysis_stay_used(nlp):
    # a paper that introduces nothing structures its discussion: the items are topics
    ents = run(nlp, "This paper investigates the gap between PlonkSeg and QuorbSeg. We structure "
                    "this analysis through five core components: (1) Quorb-Based Segmentation "
                    "Differences, contrasting the two; (2) Architectural Plonk Divergence, "
                    "detailing designs.", title="The PlonkSeg-to-QuorbSeg Gap")
    e = find(ents, "Architectural Plonk Divergence")
    assert e is None or e.role == "used"


def test_name_inside_a_numbered_item_stays_used(nlp):
    # items numbered (1), (2), (3) open only at their numbers, not at every "and"
    ents = run(nlp, "We propose Quorbmoe for plonk inference. We incorporate three key "
                    "techniques: (1) a Similar Plonk Searching (SPS) algorithm to predict plonks; "
                    "and (2) a joint quorb optimization framework leveraging duality and the "
                    "Longest Plonking Time (LPT) algorithm.",
               title="Quorbmoe: Cheap Plonk Inference")
    e = find(ents, "Similar Plonk Searching")
    assert e is not None and e.role == "introduced"
    e = find(ents, "Longest Plonking Time")
    assert e is None or e.role == "used"


def test_counted_stages_of_a_task_stay_used(nlp):
    # a benchmark paper counts the stages of the task it tests: plain phrases, no new parts
    ents = run(nlp, "We introduce PlonkEval, the first benchmark for evaluating LLMs across six "
                    "decomposed quorb testing stages: Information Plonking, Weakness Quorbing, "
                    "and Exploit Plonking.", title="PlonkEval: Benchmarking Quorb Testing")
    e = find(ents, "Weakness Quorbing")
    assert e is None or e.role == "used"
