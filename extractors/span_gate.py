"""`paperkg_span_gate`: run the trained `ner` on the sentences that may name something new.

The span model costs several times the rules when it reads every token, and what it adds
beyond the rules is a paper's own names. The gate picks the title and, with gate "cue", only the
sentences holding a cue of introduction or naming (`CUE`), tokenizes those alone with a private
tokenizer (the rules' pipeline keeps skipping the Doc's tokens) and runs the `ner` (a disabled
pipe of the same pipeline) on them. The spans go to doc.user_data["pk_ner"] as (start, end,
label) character offsets of the text, where `paperkg_learned` reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from paperkg.core.text import sentence_starts

#: Gates: every sentence, or the title and the sentences with a cue (CUE).
GATES = ("all", "cue")
#: A word that introduces or names something in a sentence (case-insensitive).
CUE = re.compile(r"\b(?:we|our|propos\w*|introduc\w*|present\w*|call(?:ed)?|named|dubbed"
                 r"|novel|new|termed)\b", re.IGNORECASE)


@Language.factory("paperkg_span_gate", default_config={"gate": "cue"})
def make_span_gate(nlp: Language, name: str, gate: str):
    """Run the pipeline's disabled `ner` on the gated sentences of each text."""
    return SpanGate(nlp, name, gate)


class SpanGate:
    """Run the `ner` on the title and the gated sentences; spans into user_data["pk_ner"]."""

    def __init__(self, nlp: Language, name: str, gate: str):
        if gate not in GATES:
            raise ValueError(f"gate must be one of {GATES}, not {gate!r}")
        from paperkg.extractors.pipeline import make_tokenizer

        self.nlp = nlp
        self.name = name
        self.gate = gate
        # a private vocabulary with every lexical attribute the model reads (the rules'
        # text-only pipeline trims its vocabulary's attribute getters)
        blank = spacy.blank("en")
        self.tokenizer = make_tokenizer()(blank).inner

    def pieces(self, text: str, starts: list[int] | None = None) -> list[tuple[int, int]]:
        """(start, end) of the parts of text the model reads: the title and the gated
        sentences, neighbours joined."""
        starts = starts or sentence_starts(text)
        out: list[tuple[int, int]] = []
        for i, a in enumerate(starts):
            b = starts[i + 1] if i + 1 < len(starts) else len(text)
            if self.gate == "cue" and i and not CUE.search(text, a, b):
                continue
            if out and out[-1][1] == a:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """The docs with their spans, the model run over the pieces of batch_size docs at once."""
        ner = self.nlp.get_pipe("ner")
        strings = self.tokenizer.vocab.strings
        for label in ner.labels:  # the model's spans are labelled in the private vocabulary
            strings.add(label)
        for batch in minibatch(docs, batch_size):
            jobs = []
            for doc in batch:
                text = doc.user_data.get("pk_text") or doc.text
                doc.user_data["pk_ner"] = []
                jobs.extend((doc, a, text[a:b])
                            for a, b in self.pieces(text, doc.user_data.get("pk_sents")))
            subs = ner.pipe((self.tokenizer(t) for _d, _a, t in jobs), batch_size=256)
            for (doc, a, _t), sub in zip(jobs, subs, strict=True):
                doc.user_data["pk_ner"].extend(
                    (a + e.start_char, a + e.end_char, e.label_) for e in sub.ents)
            yield from batch
