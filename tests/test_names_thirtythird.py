"""Names found and left out, thirty-third pass (helper names33); on sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form", [
    ("While CNNs read local texture well, they miss the layout of a page.", "CNNs"),
    ("Older RNNs forget the start of a long receipt.", "RNNs"),
    ("We compare against GNNs that pass messages along the table's rows.", "GNNs"),
    ("Unlike recurrent neural networks, the reader sees the whole page at once.",
     "recurrent neural networks"),
])
def test_a_known_architecture_in_the_plural_is_a_name(nlp, sentence, form):
    ents = run(nlp, "We present a reader for scanned receipts. " + sentence)
    e = find(ents, form)
    assert e is not None and e.type == "METHOD"


@pytest.mark.parametrize("sentence, form", [
    ("Knowledge Graphs (KGs) store facts about pantry items as triples.", "Knowledge Graphs"),
    ("Knowledge Graphs (KGs) store facts about pantry items as triples.", "KGs"),
    ("The planner queries a Knowledge Graph of pantry items before it answers.",
     "Knowledge Graph"),
])
def test_a_knowledge_graph_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We build a helper that plans meals. " + sentence,
               title="Meal Planning over Knowledge Graphs")
    assert find(ents, form) is None


def test_a_named_graph_and_a_graph_task_stay(nlp):
    ents = run(nlp, "Knowledge graphs are sparse. We evaluate knowledge graph completion on "
               "FB15k-237 and learn knowledge graph embeddings.")
    assert find(ents, "FB15k-237") is not None
    assert find(ents, "knowledge graph completion").type == "TASK"
