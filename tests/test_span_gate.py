"""The span gate (the `ner` on the title and cue sentences) and the merge's case admission."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from paperkg.extractors.learned import LearnedMerge
from paperkg.extractors.span_gate import SpanGate

TEXT = ("Sparse Routing for Tables\nTables are common. We propose gated row routing, "
        "a sparse method. It beats TabNet on three sets.")


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


class _FirstToken:
    """A stand-in `ner` that labels the first token of every doc it reads."""

    labels = ("METHOD",)

    def __init__(self):
        self.read: list[str] = []

    def pipe(self, docs, batch_size=256):
        for doc in docs:
            self.read.append(doc.text)
            doc.ents = [Span(doc, 0, 1, "METHOD")]
            yield doc


class _Owner:
    """The pipeline the gate asks for its disabled `ner`."""

    def __init__(self, ner):
        self.ner = ner

    def get_pipe(self, name):
        assert name == "ner"
        return self.ner


def test_cue_gate_reads_the_title_and_cue_sentences_only():
    """The model reads the title and the sentence with "propose", not the others, and its
    spans come back as offsets of the whole text."""
    ner = _FirstToken()
    gate = SpanGate(_Owner(ner), "paperkg_span_gate", "cue")
    doc = gate(spacy.blank("en").make_doc(TEXT))
    assert len(ner.read) == 2
    assert ner.read[0].startswith("Sparse Routing") and "Tables are" not in ner.read[0]
    assert ner.read[1].startswith("We propose") and "TabNet" not in ner.read[1]
    assert [TEXT[a:b] for a, b, _label in doc.user_data["pk_ner"]] == ["Sparse", "We"]


def test_all_gate_reads_every_sentence():
    ner = _FirstToken()
    gate = SpanGate(_Owner(ner), "paperkg_span_gate", "all")
    assert gate.pieces(TEXT) == [(0, len(TEXT))]
    with pytest.raises(ValueError):
        SpanGate(_Owner(ner), "g", "some")


MERGE_TEXT = ("Notes on Tables\nWe compare row routing with Gated Flow on tables. "
              "It beats TabNet on three sets.")


@pytest.mark.parametrize("case, added", [("any", {"row routing", "Notes"}),
                                          ("lower", {"row routing"}),
                                          ("upper", {"Notes"})])
def test_merge_admits_model_spans_by_case(nlp, case, added):
    """ner_case lower keeps only the model's spans without a capital (the names the rules
    have no shape for), upper only the others; spans under a rule mention never count."""
    doc = nlp(MERGE_TEXT)
    assert {e["name"] for e in doc.user_data["pk_ents"]} == {"Gated Flow", "TabNet"}
    a = MERGE_TEXT.index("row")
    t = MERGE_TEXT.index("TabNet")
    doc.user_data["pk_ner"] = [(a, a + len("row routing"), "METHOD"), (0, 5, "METHOD"),
                               (t, t + 6, "METHOD")]
    LearnedMerge("paperkg_learned", True, ["METHOD"], "rules", 4, 2, ner_case=case)(doc)
    got = {e["name"] for e in doc.user_data["pk_ents"] if e["extractor"] == "ner"}
    assert got == added
