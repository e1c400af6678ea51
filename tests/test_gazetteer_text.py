"""The rules-only pipeline's text-only gazetteer: the same hits as the PhraseMatchers over the
tokenizer's Doc, on texts whose whitespace, case and punctuation decide what matches."""

from __future__ import annotations

import pytest

from paperkg.extractors.learned import add_learned
from paperkg.extractors.pipeline import _text_only, build_pipeline, load_pipeline

TEXTS = [
    "",
    " ",
    "BERT",
    " BERT ",
    "BERT \n",
    "We fine-tune BERT, RoBERTa and GPT-4 on ImageNet.",
    "Stable Diffusion, stable diffusion and STABLE DIFFUSION.",
    "Stable\nDiffusion and Stable  Diffusion and Stable \tDiffusion",
    # every gap one character (text_hits' common case): a match runs on over " " alone
    "Stable\nDiffusion or Stable\tDiffusion, Naive\u00a0Bayes and Naive Bayes beat Stable"
    " Diffusion",
    "ResNet-50 (ResNet - 50) on ImageNet,ImageNet-1k (ImageNet).",
    "A title about BLEU\nWe report BLEU-4, F1 score and top-1 accuracy on SQuAD v2.0.",
    "\u0130stanbul BERT\u00a0GPT-4 \u2009 ResNet-50. Na\u00efve Bayes on CIFAR-10/CIFAR-100;",
    "image classification, object detection and machine translation at 50km/h for $5.",
]


@pytest.fixture(scope="module")
def gazetteer():
    return build_pipeline().get_pipe("paperkg_gazetteer")


@pytest.mark.parametrize("text", TEXTS)
def test_text_hits_are_the_matchers_hits(gazetteer, text):
    doc = gazetteer.nlp.tokenizer.inner(text)
    assert sorted(gazetteer.text_hits(text)) == sorted(gazetteer._doc_hits(doc))
    assert gazetteer._keep(gazetteer.text_hits(text)) == gazetteer._keep(gazetteer._doc_hits(doc))


def test_the_rules_only_pipeline_makes_no_tokens_and_finds_the_same():
    fast = load_pipeline(fast=True)
    assert fast.tokenizer.text_only
    text = TEXTS[5]
    doc = fast(text)
    assert len(doc) == 0 and doc.user_data["pk_ents"]
    full = build_pipeline()(text)
    assert len(full) > 0 and full.user_data["pk_ents"] == doc.user_data["pk_ents"]


def test_the_default_pipeline_makes_no_tokens_unless_a_component_reads_them():
    """The shipped classifiers read the rules' entities and the text: the default pipeline
    skips the tokens and finds what the same pipeline with tokens finds; a trained `ner`
    reads tokens, so a pipeline holding one keeps them."""
    default = load_pipeline()
    assert default.tokenizer.text_only and "paperkg_learned" in default.pipe_names
    tokens = build_pipeline()
    add_learned(tokens)
    assert not tokens.tokenizer.text_only
    for text in TEXTS[5:]:
        doc, full = default(text), tokens(text)
        assert len(doc) == 0 < len(full)
        assert doc.user_data["pk_ents"] == full.user_data["pk_ents"]
        assert doc.user_data.get("pk_results") == full.user_data.get("pk_results")
    with_ner = build_pipeline()
    with_ner.add_pipe("ner")
    assert not _text_only(with_ner) and not with_ner.tokenizer.text_only


TRICKY_CHUNKS = ["10km/h", "US$5", "5US$", "John's", "e.g.,", "state-of-the-art", "...",
                 "3DGS", "(ResNet-50),", "70B-parameter", "x2+y2", "a:b=c", "word.Word",
                 "50%", "'quoted'", "RoBERTa's", "v2.0)", "#1", "BLEU-4/ROUGE-L"]


@pytest.mark.parametrize("chunk", TRICKY_CHUNKS)
def test_the_tokenizer_splits_an_ascii_chunk_only_between_its_pieces(gazetteer, chunk):
    """What lets text_hits skip a chunk untokenized: each token is a run of whole pieces."""
    from paperkg.extractors.components import _PIECES

    bounds = {0, *(m.end() for m in _PIECES.finditer(chunk))}
    for t in gazetteer.nlp.tokenizer.inner(chunk):
        assert t.idx in bounds and t.idx + len(t) in bounds


def test_chunks_no_match_can_reach_are_not_tokenized(gazetteer):
    from paperkg.extractors.components import _UNTOKENIZED

    text = "Remarkably, image classification and question answering with BERT improved."
    doc = gazetteer.nlp.tokenizer.inner(text)
    assert sorted(gazetteer.text_hits(text)) == sorted(gazetteer._doc_hits(doc))
    assert gazetteer._chunks["Remarkably,"] is _UNTOKENIZED
    assert gazetteer._chunks["improved."] is _UNTOKENIZED
    assert gazetteer._chunks["BERT"] is not _UNTOKENIZED


def test_hits_are_the_same_after_the_chunk_cache_is_emptied(gazetteer, monkeypatch):
    import paperkg.extractors.components as components

    first = [gazetteer.text_hits(t) for t in TEXTS]
    monkeypatch.setattr(components, "_CHUNKS_MAX", 3)  # emptied before nearly every text
    assert [gazetteer.text_hits(t) for t in TEXTS] == first
    assert len(gazetteer._chunks) <= 3 + max(len(t.split()) for t in TEXTS) + 1


def test_a_worker_empties_its_folding_and_key_caches_past_their_bound(monkeypatch):
    from paperkg.core.text import fold
    from paperkg.extractors import pipeline
    from paperkg.extractors.canonical import canonical_key

    monkeypatch.setattr(pipeline, "_WORKER_CACHE_MAX", 5)
    for fn in (fold, canonical_key):
        fn.cache_clear()
        for i in range(5):
            fn(f"Name {i}")
    pipeline._bound_caches()  # at the bound: kept
    assert fold.cache_info().currsize == canonical_key.cache_info().currsize == 5
    fold("One more")
    canonical_key("One more")
    pipeline._bound_caches()
    assert fold.cache_info().currsize == canonical_key.cache_info().currsize == 0
    assert fold("Name 1") == "name 1" and canonical_key("Name 1") == canonical_key("name 1")


# chunks of every _AT_PIECES form (words joined by hyphens, "(", ")" and the suffixes), some of
# whose words are spaCy symbols ("ADP", "agent": a small number, not a hash), and chunks just
# outside it ("ViT." and "R." keep their period; digits and apostrophes go to the tokenizer)
PIECE_CHUNKS = ["BERT", "bert", "Stable", "ADP", "agent", "(A-CC),", "(Agent-I)",
                "large-scale", "Self-Supervised,", "x-ray;", "(BERT).", "CNN.", "networks.",
                "LLMs:", "(ResNet", "GPT)", "e-mail", "Agent-As-Tool", "ViT.", "R.", "ESM-C.",
                "GPT-4", "model's", "3D", "(ResNet-50),", "a-", "--"]


def test_chunks_made_of_their_pieces_get_the_tokenizers_entries(gazetteer, monkeypatch):
    """_AT_PIECES chunks skip the tokenizer; their cache entries are those it would give."""
    import re

    import paperkg.extractors.components as components

    at_pieces = [c for c in PIECE_CHUNKS if components._AT_PIECES.fullmatch(c)]
    assert "(A-CC)," in at_pieces and "ViT." not in at_pieces and "GPT-4" not in at_pieces
    for chunk in at_pieces:
        tokens = [t.text for t in gazetteer.nlp.tokenizer.inner(chunk)]
        assert tokens == components._PIECES.findall(chunk)
    gazetteer._chunks.clear()
    gazetteer._tokenize_chunks(PIECE_CHUNKS)
    fast = {c: gazetteer._chunks[c] for c in PIECE_CHUNKS}
    gazetteer._chunks.clear()
    monkeypatch.setattr(components, "_AT_PIECES", re.compile(r"(?!)"))  # all to the tokenizer
    gazetteer._tokenize_chunks(PIECE_CHUNKS)
    assert fast == {c: gazetteer._chunks[c] for c in PIECE_CHUNKS}
    assert any(e is not components._UNTOKENIZED for c, e in fast.items() if c in at_pieces)
