"""Thirty-fifth pass (add35): the gazetteer's PhraseMatchers are made only when asked for, and
its tries are made without a Doc for forms of letters and simple punctuation (a worker's
pipeline load sits on an add's critical path); the tries and hits stay what the matchers give."""

from __future__ import annotations

import pytest
from spacy.matcher import PhraseMatcher

from paperkg.extractors.pipeline import build_pipeline

LEXICON = {
    # three keys whose lower-case patterns end on the same two tokens, one exact pattern,
    # forms split into pieces without the tokenizer and forms the tokenizer splits
    "typed": {
        "MODEL": [["Zorblax Net"], ["Quib-9000"], ["Trelvo v2.1"]],
        "METHOD": [["Zorblax net"], ["Plomf-Attention", "plomf attention"]],
        "TASK": [["zorblax net"], ["yarrow tagging"]],
        "DATASET": [["GLIMMERSET"], ["(Varn) Corpus"]],
        "BENCHMARK": [],
        "METRIC": [["Snib@5"]],
    },
    "generic": ["model"],
    "families": ["Quib"],
    "not_names": [],
    "orgs": [],
}
TEXTS = [
    "the zorblax net works",
    "Zorblax Net, Zorblax net and zorblax net.",
    "We run Quib-9000 and Trelvo v2.1 with Plomf-Attention (plomf attention) on GLIMMERSET.",
    "yarrow tagging on (Varn) Corpus: Snib@5 of 3.",
]


@pytest.fixture(scope="module")
def gazetteer():
    gaz = build_pipeline().get_pipe("paperkg_gazetteer")
    gaz.lexicon = LEXICON
    gaz._build()
    return gaz


def _full_matchers(gaz) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Both matchers made as before this pass: every pattern added at once, by key."""
    out = []
    for pats, attr in zip(gaz._patterns, ("ORTH", "LOWER"), strict=True):
        m = PhraseMatcher(gaz.nlp.vocab, attr=attr)
        for key, forms in pats.items():
            m.add(key, [gaz.nlp.tokenizer.inner(f) for f in forms])
        out.append(m)
    return out[0], out[1]


def test_the_matchers_are_made_when_first_asked_for(gazetteer):
    gaz = build_pipeline().get_pipe("paperkg_gazetteer")
    assert gaz._matchers is None
    gaz.text_hits(TEXTS[2])
    assert gaz._matchers is None  # text_hits reads the tries
    assert isinstance(gaz.exact, PhraseMatcher) and gaz._matchers is not None
    assert gaz.lower is gaz._matchers[1]


def test_the_matchers_made_late_in_a_rules_only_pipeline_match():
    """Made once the pipeline makes text-only Docs, the matchers still hold the patterns."""
    from paperkg.extractors.pipeline import load_pipeline

    nlp = load_pipeline(fast=True)
    assert nlp.tokenizer.text_only
    gaz = nlp.get_pipe("paperkg_gazetteer")
    text = "We fine-tune BERT on ImageNet."
    hits = gaz._doc_hits(nlp.tokenizer.inner(text))
    assert {h[3] for h in hits} >= {"BERT", "ImageNet"}
    assert sorted(hits) == sorted(gaz.text_hits(text))


def test_the_form_tokens_are_the_tokenizers(gazetteer):
    tok = gazetteer.nlp.tokenizer.inner
    forms = ["Zorblax Net", "Plomf-Attention", "(Varn) Corpus", "Quib-9000", "Trelvo v2.1",
             "Snib@5", "ABC.", "x-ray,", "Ab-Cd) x", "Über Net"]
    for form in forms:
        doc = tok(form)
        assert gazetteer._form_tokens(form) == [(t.orth, t.lower) for t in doc], form
    assert gazetteer._form_tokens("Zorblax  Net") is None  # a whitespace token


def test_one_spans_keys_keep_the_matchers_order(gazetteer):
    """The lower-case trie's node for "zorblax net" holds three keys, ordered as the full
    matcher reports them; every text's hits are the full matchers', and so is what is kept of
    them (the first of one span's hits)."""
    node = gazetteer.tries[1]
    for h in (gazetteer.nlp.vocab.strings["zorblax"], gazetteer.nlp.vocab.strings["net"]):
        node = node[h]
    assert len(node[None]) == 3
    exact, lower = _full_matchers(gazetteer)
    doc = gazetteer.nlp.tokenizer.inner("zorblax net")
    strings = gazetteer.nlp.vocab.strings
    order = [tuple(strings[m].split("\t")) for m, i, j in lower(doc)]
    assert [(t, c, str(int(cased))) for t, c, cased in node[None]] == order
    for text in TEXTS:
        doc = gazetteer.nlp.tokenizer.inner(text)
        full = [h for m in (exact, lower) for h in _hits(gazetteer, m, doc, m is exact)]
        assert gazetteer._doc_hits(doc) == full, text
        assert sorted(gazetteer.text_hits(text)) == sorted(full), text
        assert gazetteer._keep(gazetteer.text_hits(text)) == gazetteer._keep(full), text
    # written all lower case: the first of the keys whose form is not cased
    first = next(k for k in order if k[2] == "0")
    assert gazetteer._keep(gazetteer.text_hits(TEXTS[0])) == [(4, 15, *first[:2])]


def _hits(gaz, matcher, doc, cased: bool) -> list[tuple]:
    """What _doc_hits makes of one matcher's matches."""
    strings = doc.vocab.strings
    out = []
    for m, start, end in matcher(doc):
        a, last = doc[start].idx, doc[end - 1]
        b = last.idx + len(last)
        typ, canon, form_cased = strings[m].split("\t")
        if not cased and form_cased == "1" and not any(ch.isupper() for ch in doc.text[a:b]):
            continue
        out.append((a, b, typ, canon))
    return out
