"""Which long form a bare acronym is keyed to across papers (extractors/registry.py): one some
paper defines as a name it uses, never one a paper defines only as its own new name, and never
for a paper's own introduced acronym."""

import pytest

from paperkg.core.records import Paper
from paperkg.extractors.registry import OWN, long_of


@pytest.fixture(scope="module")
def nlp():
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


def _keys(nlp, texts: list[tuple[str, str]]) -> list[dict[str, str]]:
    """Per paper (title, abstract): entity name -> canonical key after the step across papers."""
    from paperkg.extractors.pipeline import extract

    papers = [Paper(id=str(i), title=t, abstract=a) for i, (t, a) in enumerate(texts)]
    return [{e.name: e.key for e in ex.entities} for ex in extract(papers, nlp=nlp)]


USER = ("Gated Memory", "We build on Hierarchical Gated Memory (HGM), a recurrent model. "
        "HGM outperforms LSTM on PTB.")
OWNER = ("Ranking Fast", "In this paper we present Quorbic Rank Fusion (QRF). QRF outperforms "
         "BM25 on MS MARCO.")


def test_a_bare_acronym_takes_a_long_form_another_paper_uses(nlp):
    keys = _keys(nlp, [USER, ("Yodel Models", "We train HGM models on speech.")])
    assert keys[1]["HGM"] == keys[0]["Hierarchical Gated Memory"] == "hierarchicalgatedmemory"


def test_a_bare_acronym_keeps_its_key_against_another_papers_new_name(nlp):
    keys = _keys(nlp, [OWNER, ("Other Ranking", "We compare QRF with BM25 on retrieval.")])
    assert keys[0]["Quorbic Rank Fusion"] == "quorbicrankfusion"
    assert keys[1]["QRF"] == "qrf"


def test_the_papers_own_acronym_keeps_its_key(nlp):
    keys = _keys(nlp, [USER, ("HGM: Gated Heads for Graphs", "We propose HGM, a new graph "
                              "network. HGM outperforms GCN on Cora.")])
    assert keys[1]["HGM"] == "hgm"


def test_long_of():
    assert long_of({"contrastivepretraining"}) == "contrastivepretraining"
    assert long_of({"contrastivepretraining", OWN + "contrastivepretraining"}) == (
        "contrastivepretraining")
    assert long_of({OWN + "quorbicrankfusion"}) is None
    assert long_of({"videoanomalydetection", OWN + "voronoiassisteddiffusion"}) is None
    assert long_of({"a", "b"}) is None and long_of(None) is None and long_of(set()) is None
