"""spaCy components of the paperkg pipeline: gazetteer, URL finder and the entity rules.

Every component works on the text of a Doc in linear time (compiled regular expressions and a
PhraseMatcher) and leaves plain data in `doc.user_data`, which survives `nlp.pipe(n_process=N)`:

- "pk_sents": sentence start offsets;
- "pk_gaz": gazetteer hits (start, end, type, canonical name);
- "pk_urls": URLs (start, end, url);
- "pk_ents": entities, each a dict (name, type, role, aliases, mentions, confidence, extractor,
  evaluated), mentions as (text, start, end, sentence);
- "pk_refs": URLs with their evidence sentence (start, end, url, sentence).

The entity component removes the scratch entries (text, sentences, gazetteer hits, URLs) when
it is done, so that a Doc sent back from a worker process carries only the results; the text
stays while the results component after it reads it (paperkg's own workers send back only the
plain results, never the Doc).
"""

from __future__ import annotations

import itertools
import json
import operator
import re
from pathlib import Path

from spacy.attrs import IDX, LENGTH, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

from paperkg.core.text import sentence_starts
from paperkg.extractors.canonical import canonical_key, fold
from paperkg.extractors.results import ResultRules
from paperkg.extractors.rules import extract_entities
from paperkg.extractors.rules.base import evidence
from paperkg.extractors.urls import find_urls
from paperkg.extractors.words import TYPE_FILES, read_list, word_set
from paperkg.graph.schema import NAMED_TYPES

DATA = Path(__file__).resolve().parent / "data"
NAMED = NAMED_TYPES


def load_lexicon(data_dir: Path = DATA) -> dict:
    """All gazetteers as plain data (what the components save with the pipeline)."""
    typed = {t: read_list(data_dir / f) for t, f in TYPE_FILES.items()}
    flat = lambda name: [f for g in read_list(data_dir / name) for f in g]  # noqa: E731
    return {
        "typed": typed,
        "generic": flat("generic.txt"),
        "families": flat("model_families.txt"),
        "not_names": flat("not_names.txt"),
        "orgs": flat("organizations.txt"),
    }


# ---------------------------------------------------------------------------------------------
# Text (the sentence splitter itself is paperkg.core.text.sentence_starts)


def doc_text(doc: Doc) -> str:
    """The text of a doc: kept by the tokenizer (doc.text rebuilds it token by token, slowly)."""
    text = doc.user_data.get("pk_text")
    if text is None:
        text = doc.text
        doc.user_data["pk_text"] = text
    return text


class TextKeepingTokenizer:
    """A spaCy tokenizer wrapper that keeps the input string in doc.user_data['pk_text'].

    With text_only set (the rules-only pipeline, whose components read the text and never the
    tokens), it makes an empty Doc instead: the gazetteer then tokenizes only what it matches
    on (`Gazetteer.text_hits`), with the same tokens and hits."""

    def __init__(self, inner):
        self.inner = inner
        self.vocab = inner.vocab
        self.text_only = False

    def __call__(self, text: str) -> Doc:
        doc = Doc(self.vocab) if self.text_only and text else self.inner(text)
        doc.user_data["pk_text"] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def to_disk(self, path, **kwargs):
        return self.inner.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.inner.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs):
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):
        self.inner.from_bytes(data, **kwargs)
        return self


_SPACE = re.compile(r"(\s+)")  # \s is str.isspace, the tokenizer's test
_STARTS = operator.itemgetter(6)  # of a chunk's tokens: whether one starts a pattern
# Chunks whose tokens a gazetteer keeps (cleared when passed). About 0.8 KB each with the
# vocabulary entries they added when every chunk was tokenized (at 400,000 each worker of a
# 1,000,000-paper build grew to 582 MB); now that most are not (_UNTOKENIZED, _pieces_entry),
# about 0.3 KB. At 100,000 a worker's cache emptied about every 7,000 papers and the chunks
# that come back were made again: over a worker's 49,836 papers of a 100,000-paper build,
# 13.85 new chunks a paper at 100,000, 9.45 at 250,000 (+41 MB peak a worker), 7.76 unbounded.
_CHUNKS_MAX = 250_000


class _OneCharGaps:
    """The gaps of a text whose chunks are one whitespace character apart, read when asked for
    (text_hits reads a gap only where a match runs on past a chunk's end)."""

    __slots__ = ("text", "offsets")

    def __init__(self, text: str, offsets: list[int]):
        self.text, self.offsets = text, offsets

    def __getitem__(self, k: int) -> str:
        return self.text[self.offsets[k + 1] - 1]


# The pieces of an ASCII chunk: letter runs, digit runs, single other characters. The
# tokenizer's affix and infix rules split an ASCII chunk only between pieces (at punctuation,
# or between digits and a unit or currency), so each of its tokens is a run of whole pieces
# (checked on all 635,363 distinct ASCII chunks of the 100,000-paper corpus).
_PIECES = re.compile(r"[A-Za-z]+|[0-9]+|[^A-Za-z0-9]")
# The entry of a chunk that no match can start in or run into, its tokens not made (about half
# of the distinct chunks): its one token, hash 0 (the empty string's), is in no pattern.
_UNTOKENIZED = ((0,), (0,), (0,), (0,), (), (), False)
# ASCII chunks whose tokens are their pieces: words joined by single hyphens (an infix between
# letters), perhaps after "(" (a prefix) and before ")", then ",", ";" or ":" (suffixes), or
# ending in a period the suffix rules split off (after ")", a lower-case letter or two capitals;
# "ViT." stays one token). Checked against the tokenizer on all 461,083 distinct such chunks of
# the 100,000-paper corpus; about half the chunks a paper gives the tokenizer.
_AT_PIECES = re.compile(
    r"\(?[A-Za-z]+(?:-[A-Za-z]+)*(?:\)?[,;:]?|\)\.|(?<=[a-z])\.|(?<=[A-Z][A-Z])\.)"
)


# ---------------------------------------------------------------------------------------------
# Factories


@Language.factory("paperkg_sentences")
def make_sentences(nlp: Language, name: str):
    """Sentence boundaries by rule (no parser): offsets in doc.user_data['pk_sents']."""
    return SentenceSplitter()


class SentenceSplitter:
    """Store sentence start offsets (cheap, linear)."""

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data["pk_sents"] = sentence_starts(doc_text(doc))
        return doc


@Language.factory("paperkg_urls")
def make_urls(nlp: Language, name: str):
    """Find URLs (repos and links) in the text."""
    return UrlFinder()


class UrlFinder:
    """Store (start, end, url) of every URL in doc.user_data['pk_urls']."""

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data["pk_urls"] = find_urls(doc_text(doc))
        return doc


# a gap between two lower-case words of a name: a space or a hyphen
_NAME_GAP = re.compile(r"(?<=[a-z])[ -](?=[a-z])")
# the British spelling of an -ize / -yze word ("normalizing" / "normalising", "optimization" /
# "optimisation", "analyzer" / "analyser"); two letters before it at least ("size" stays)
_UK_SPELLING = re.compile(r"(?<=[a-z]{2})([iy])z(?=(?:e|es|ed|er|ers|ing|ation|ations)\b)")
_MAX_GAPS = 3


def spelling_variants(form: str) -> list[str]:
    """Other spellings of a known lower-case name: each gap between two of its words a space
    or a hyphen (score matching / score-matching, retrieval-augmented / retrieval augmented),
    unless a word beside it is a function word (squeeze-and-excitation), a prefix of
    words/joined_prefixes.txt joined or hyphenated (co-training / cotraining), the British
    spelling of an -ize word (batch normalization / batch normalisation), and the plural
    of a name of two or more words ending in a head of words/plural_heads.txt (graph attention
    network / graph attention networks)."""
    if form != form.lower():
        return []
    prefixes = word_set("joined_prefixes")
    function_words = word_set("connectives")
    spellings = {form}
    for m in re.finditer(r"\b([a-z]+)(-?)([a-z]{4,})\b", form):
        pre, hyphen, rest = m.groups()
        if pre in prefixes:
            other = pre + rest if hyphen else pre + "-" + rest
            spellings.add(form[: m.start()] + other + form[m.end():])
    for s in list(spellings):
        gaps = [m.start() for m in _NAME_GAP.finditer(s)
                if not {re.split(r"[ -]", s[: m.start()])[-1],
                        re.split(r"[ -]", s[m.end():])[0]} & function_words]
        if not gaps or len(gaps) > _MAX_GAPS:
            continue
        for seps in itertools.product(" -", repeat=len(gaps)):
            chars = list(s)
            for at, sep in zip(gaps, seps, strict=True):
                chars[at] = sep
            spellings.add("".join(chars))
    for s in list(spellings):
        spellings.add(_UK_SPELLING.sub(lambda m: m.group(1) + "s", s))
    heads = word_set("plural_heads")
    for s in list(spellings):
        last = re.split(r"[ -]", s)[-1]
        if " " in s and last in heads:
            spellings.add(s + ("es" if last.endswith(("s", "sh", "ch", "x")) else "s"))
    spellings.discard(form)
    return sorted(spellings)


def _span_order(doc: Doc, keys: list[str], attr: str) -> list[str]:
    """The keys whose patterns end at the whole of doc, in the order a PhraseMatcher (by attr)
    holding them all reports them for it: a matcher of those keys alone, added in the same
    order, gives the same order (it keeps a span's keys in a hash map filled in that order)."""
    matcher = PhraseMatcher(doc.vocab, attr=attr)
    for key in keys:
        matcher.add(key, [doc])
    strings = doc.vocab.strings
    return [strings[m] for m, i, j in matcher(doc) if (i, j) == (0, len(doc))]


@Language.factory("paperkg_gazetteer", default_config={"data_dir": None})
def make_gazetteer(nlp: Language, name: str, data_dir: str | None):
    """Well-known names from the data lists, matched with spaCy PhraseMatchers."""
    return Gazetteer(nlp, name, Path(data_dir) if data_dir else DATA)


# a one-word model name with a version number, of five characters or more ("GPT-4o",
# "Qwen2.5", "Llama-3"; not "T5")
_VERSIONED = re.compile(r"(?=.{5})[A-Za-z][A-Za-z\-]*\d[\w.\-]*$")


class Gazetteer:
    """PhraseMatcher over the gazetteer lists: exact case for one-word names, any case else."""

    def __init__(self, nlp: Language, name: str, data_dir: Path = DATA):
        self.nlp = nlp
        self.name = name
        self.lexicon = load_lexicon(data_dir)
        self._build()

    def _build(self) -> None:
        """(Re)build the matchers from self.lexicon."""
        self._matchers: tuple[PhraseMatcher, PhraseMatcher] | None = None
        self.entries: list[tuple[str, str]] = []  # match id -> (type, canonical)
        exact_pats: dict[str, list] = {}
        lower_pats: dict[str, list] = {}
        self.canonical: dict[str, tuple[str, str]] = {}
        variants: list[tuple[str, str]] = []  # (form, matcher key) of the named types
        # canonical name -> its forms of several words, lower case ("SAM" -> segment anything model)
        self.long_forms: dict[str, set[str]] = {}
        for type_, groups in self.lexicon["typed"].items():
            for group in groups:
                canon = group[0]
                for form in group:
                    self.canonical.setdefault(canonical_key(form), (type_, canon))
                    if " " in form.strip():
                        self.long_forms.setdefault(canon, set()).add(form.lower())
                    cased = form != form.lower()
                    key = f"{type_}\t{canon}\t{int(cased)}"
                    if cased and (" " not in form or form.isupper()):
                        exact_pats.setdefault(key, []).append(form)
                        if type_ == "MODEL" and _VERSIONED.match(form):
                            # "gpt-4o", "qwen2.5-7b": a model's name with its version is no
                            # word in any case
                            lower_pats.setdefault(f"{type_}\t{canon}\t0", []).append(form)
                    else:
                        lower_pats.setdefault(key, []).append(form)
                    if type_ in NAMED:
                        variants.append((form, key))
        self.generic = {fold(g) for g in self.lexicon["generic"]}
        self._add_variants(variants, lower_pats)
        self._patterns = (exact_pats, lower_pats)
        self._build_tries(exact_pats, lower_pats)
        self.generic_keys = {canonical_key(g) for g in self.lexicon["generic"]}
        self.families = sorted({f for f in self.lexicon["families"]}, key=len, reverse=True)
        self.family_set = frozenset(self.families)  # `in` on the sorted list was a scan
        self.family_re = re.compile(
            "(?:" + "|".join(re.escape(f) for f in self.families) + r")[ \-]?(?=[vVrRkK]?\d)"
        )
        self.not_names = set(self.lexicon["not_names"])
        self.orgs = {fold(o) for o in self.lexicon.get("orgs", [])}
        # rules.base.type_by_shape's answers, which read family_re and family_set
        self.shape_cache: dict[str, str | None] = {}

    @property
    def exact(self) -> PhraseMatcher:
        """The PhraseMatcher of the cased patterns (by ORTH), made when first asked for."""
        return self._matcher_pair()[0]

    @property
    def lower(self) -> PhraseMatcher:
        """The PhraseMatcher of the patterns of any case (by LOWER), made when first asked for."""
        return self._matcher_pair()[1]

    def _matcher_pair(self) -> tuple[PhraseMatcher, PhraseMatcher]:
        """The two PhraseMatchers, made once: only _doc_hits reads them (text_hits reads the
        tries), and their patterns' lexemes and docs took about half of a worker's pipeline
        load (0.25 of 0.55 CPU s) on an update's critical path."""
        if self._matchers is None:
            made = []
            for pats, attr in zip(self._patterns, ("ORTH", "LOWER"), strict=True):
                matcher = PhraseMatcher(self.nlp.vocab, attr=attr)
                for key, forms in pats.items():
                    # (not make_doc: a rules-only pipeline's makes text-only Docs)
                    matcher.add(key, [self._tokenize(f) for f in forms])
                made.append(matcher)
            self._matchers = (made[0], made[1])
        return self._matchers

    def _add_variants(self, variants: list[tuple[str, str]], lower_pats: dict[str, list]) -> None:
        """The other spellings of the named types' forms (spelling_variants), as patterns of
        any case, unless the spelling is written in a list itself, generic, or its key belongs
        to another entry."""
        written = {f.lower() for forms in lower_pats.values() for f in forms}
        for form, key in variants:
            type_, canon, _ = key.split("\t")
            for v in spelling_variants(form):
                low = v.lower()
                if low in written or fold(v) in self.generic:
                    continue
                if self.canonical.get(canonical_key(v), (type_, canon)) != (type_, canon):
                    continue
                written.add(low)
                lower_pats.setdefault(key, []).append(v)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get("pk_text")
        if text and not len(doc):  # a text-only Doc (TextKeepingTokenizer.text_only)
            doc.user_data["pk_gaz"] = self._keep(self.text_hits(text))
        else:
            doc.user_data["pk_gaz"] = self._keep(self._doc_hits(doc))
        return doc

    def _doc_hits(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """The matchers' hits on the tokens of doc: (start, end, type, canonical name)."""
        strings = doc.vocab.strings
        hits = []
        for matcher, cased in ((self.exact, True), (self.lower, False)):
            for match_id, start, end in matcher(doc):
                a = doc[start].idx
                last = doc[end - 1]
                b = last.idx + len(last)
                type_, canon, form_cased = strings[match_id].split("\t")
                if not cased and form_cased == "1" and not any(
                    ch.isupper() for ch in doc_text(doc)[a:b]
                ):
                    continue  # "Stable Diffusion" written all lower case is a phrase, not a name
                hits.append((a, b, type_, canon))
        return hits

    @staticmethod
    def _keep(hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """The hits kept: leftmost first, the longest of those starting together, no overlap
        (the sort is stable: of equal spans, the one found first)."""
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept, last_end = [], -1
        for h in hits:
            if h[0] >= last_end:
                kept.append(h)
                last_end = h[1]
        return kept

    def _build_tries(self, exact_pats: dict[str, list], lower_pats: dict[str, list]) -> None:
        """The matchers' patterns as tries over token hashes (ORTH for the exact matcher, LOWER
        for the other; the key None of a node holds the (type, canonical, cased form) of the
        patterns ending there, in the order the PhraseMatcher reports them) for text_hits."""
        self.tries: list[dict] | None = []
        self._chunks: dict[str, tuple] = {"": ((), (), (), (), (), (), False)}
        # per trie: the first pieces of the ASCII tokens that start a pattern, and of those
        # that continue one
        self._first_pieces: tuple[set[str], set[str]] = (set(), set())
        self._next_pieces: tuple[set[str], set[str]] = (set(), set())
        for pats, attr in ((exact_pats, "orth"), (lower_pats, "lower")):
            root: dict = {}
            ends: dict[int, tuple[str, list]] = {}
            at = 0 if attr == "orth" else 1
            for key, forms in pats.items():
                for form in forms:
                    tokens = self._form_tokens(form)
                    if tokens is None:
                        self.tries = None  # "A  B": text_hits cannot skip whitespace tokens
                        return
                    if not tokens:
                        continue
                    node = root
                    for t in tokens:
                        node = node.setdefault(t[at], {})
                    keys = node.setdefault(None, [])
                    if key not in keys:
                        keys.append(key)
                        ends.setdefault(id(keys), (form, keys))
            for form, keys in ends.values():
                if len(keys) > 1:  # the order the matcher gives one span's keys in
                    order = _span_order(self._tokenize(form), keys, attr.upper())
                    keys.sort(key=order.index)
                keys[:] = [(typ, canon, cased == "1")
                           for typ, canon, cased in (k.split("\t") for k in keys)]
            self.tries.append(root)
            # the first piece of each ASCII token that starts a pattern or continues one
            # (ORTH, or LOWER: an ASCII token's lower case has the same pieces, lower-cased)
            strings = self.nlp.vocab.strings
            first = self._first_pieces[len(self.tries) - 1]
            nexts = self._next_pieces[len(self.tries) - 1]
            stack = [(root, first)]
            while stack:
                node, into = stack.pop()
                for h, child in node.items():
                    if h is not None:
                        if strings[h].isascii():
                            into.add(_PIECES.match(strings[h]).group())
                        stack.append((child, nexts))

    def _tokenize(self, text: str) -> Doc:
        """The tokenizer's Doc of text (never a text-only one)."""
        tok = self.nlp.tokenizer
        return getattr(tok, "inner", tok)(text)

    def _form_tokens(self, form: str) -> list[tuple[int, int]] | None:
        """(ORTH, LOWER) of each token of a pattern's form, None when one is whitespace. A form
        whose chunks (split at single spaces) are ASCII letters or _AT_PIECES shapes is split
        into their pieces, as text_hits splits such chunks of a text, with no Doc and no new
        lexemes (the tokenizer made 3,496 for 4,811 forms, a third of a pipeline's load); its
        strings go into the string store, as the tokenizer's would."""
        chunks = form.split(" ")
        if all(c and c.isascii() and (c.isalpha() or _AT_PIECES.fullmatch(c)) for c in chunks):
            add = self.nlp.vocab.strings.add
            return [(add(p), add(p.lower())) for c in chunks
                    for p in ([c] if c.isalpha() else _PIECES.findall(c))]
        doc = self._tokenize(form)
        if any(t.is_space for t in doc):
            return None
        return [(t.orth, t.lower) for t in doc]

    def text_hits(self, text: str) -> list[tuple[int, int, str, str]]:
        """The matchers' hits on the tokens of text, found without a Doc.

        spaCy's tokenizer splits the text at whitespace and tokenizes each chunk between on its
        own (its tokens never depend on the neighbours); a single space between two chunks
        makes no token, any other whitespace does, and no pattern holds one. So each distinct
        chunk is tokenized once per process (kept in `_chunks`, with which of its tokens start a
        pattern), and a match is followed from such a token across chunks one space apart."""
        tok = self.nlp.tokenizer
        if self.tries is None:
            return self._doc_hits(getattr(tok, "inner", tok)(text))
        chunks = text.split()
        if chunks and len(chunks) - 1 + sum(map(len, chunks)) == len(text):
            gaps = None  # one whitespace character between chunks, none at the ends: most texts
        else:  # str.split and \s split at the same characters (str.isspace)
            parts = _SPACE.split(text)
            chunks = parts[::2]
            gaps = parts[1::2]
        cache = self._chunks
        if len(cache) > _CHUNKS_MAX:
            cache.clear()
            cache[""] = ((), (), (), (), (), (), False)
        ents = list(map(cache.get, chunks))
        if None in ents:  # only the new chunks looked up again, once tokenized
            new = list(itertools.compress(range(len(ents)), map(operator.is_, ents,
                                                                itertools.repeat(None))))
            self._tokenize_chunks([chunks[k] for k in new])
            for k in new:
                ents[k] = cache[chunks[k]]
        starts = list(itertools.compress(range(len(ents)), map(_STARTS, ents)))
        if not starts:
            return []
        if gaps is None:  # chunk k starts here; gap k is the one character before chunk k + 1
            # the lengths of the chunks before chunk k, plus one a gap (no Python call a chunk)
            offsets = list(map(operator.add, itertools.accumulate(map(len, chunks[:-1]), initial=0),
                               itertools.count()))
            gaps = _OneCharGaps(text, offsets)
        else:
            offsets = [0, *itertools.accumulate(map(len, parts))][::2]
        last = len(ents) - 1
        hits: list[tuple[int, int, str, str]] = []
        tries = ((self.tries[0], 0, 4, True), (self.tries[1], 1, 5, False))
        for k in starts:
            entry = ents[k]
            for root, attr, first, cased in tries:
                for j in entry[first]:
                    node = root[entry[attr][j]]
                    kk, jj, e = k, j, entry
                    while True:
                        found = node.get(None)
                        if found is not None:
                            a = offsets[k] + entry[2][j]
                            b = offsets[kk] + e[3][jj]
                            for type_, canon, form_cased in found:
                                if not cased and form_cased and not any(
                                        ch.isupper() for ch in text[a:b]):
                                    continue  # a cased name written all lower case
                                hits.append((a, b, type_, canon))
                        jj += 1
                        if jj == len(e[0]):  # on into the next chunk, one space away
                            if kk == last or not ents[kk + 1][0]:
                                break
                            # the pattern's next token first: the gap is read (a Python
                            # call) only where the match could go on
                            node = node.get(ents[kk + 1][attr][0])
                            if node is None or gaps[kk] != " ":
                                break
                            kk += 1
                            e = ents[kk]
                            jj = 0
                            continue
                        node = node.get(e[attr][jj])
                        if node is None:
                            break
        return hits

    def _tokenize_chunks(self, chunks: list[str]) -> None:
        """Put each chunk's tokens into the chunk cache: (ORTH hashes, LOWER hashes, starts,
        ends, tokens that start an exact pattern, tokens that start a lower-case one, whether
        any does). One tokenizer call for all of them, joined by single spaces; an
        _AT_PIECES chunk's tokens are its pieces, made here without the tokenizer.

        An ASCII chunk is not tokenized when none of its pieces is the first piece of a token
        that starts a pattern and its first piece is not that of a token that continues one:
        no token of it can start a match, and a match from the chunk before cannot run into
        its first token, so its tokens are never read (it gets _UNTOKENIZED)."""
        chunks = list(dict.fromkeys(chunks))
        cache = self._chunks
        (exact0, lower0), (exact1, lower1) = self._first_pieces, self._next_pieces
        todo = []
        for chunk in chunks:
            if chunk.isascii():
                # a word of letters alone (most chunks) is its one piece, and _AT_PIECES
                # matches it whole
                alpha = chunk.isalpha()
                pieces = [chunk] if alpha else _PIECES.findall(chunk)
                low = chunk.lower()
                # the pieces of low are the pieces lower-cased (ASCII lower-casing maps letters
                # to letters and leaves the rest), so the chunk is not split again
                if (pieces[0] not in exact1 and low[:len(pieces[0])] not in lower1
                        and exact0.isdisjoint(pieces)
                        and lower0.isdisjoint(map(str.lower, pieces))):
                    cache[chunk] = _UNTOKENIZED
                    continue
                if alpha or _AT_PIECES.fullmatch(chunk):  # its tokens without the tokenizer
                    cache[chunk] = self._pieces_entry(chunk, pieces, low)
                    continue
            todo.append(chunk)
        if not todo:
            return
        chunks = todo
        tok = self.nlp.tokenizer
        joined = " ".join(chunks)
        rows = getattr(tok, "inner", tok)(joined).to_array([ORTH, LOWER, IDX, LENGTH]).tolist()
        rows.append([0, 0, len(joined) + 1, 0])  # a sentinel past the last chunk
        exact, lower = self.tries
        i = pos = 0
        for chunk in chunks:
            end = pos + len(chunk)
            orth, low = rows[i][:2]
            if rows[i + 1][2] >= end:  # one token, the whole chunk (most chunks)
                e = (0,) if orth in exact else ()
                lo = (0,) if low in lower else ()
                cache[chunk] = ((orth,), (low,), (0,), (len(chunk),), e, lo, bool(e or lo))
                i += 1
            else:
                j = i + 1
                while rows[j][2] < end:
                    j += 1
                mine = rows[i:j]
                orths = tuple([r[0] for r in mine])
                lows = tuple([r[1] for r in mine])
                e = tuple([x for x, o in enumerate(orths) if o in exact])
                lo = tuple([x for x, o in enumerate(lows) if o in lower])
                cache[chunk] = (orths, lows, tuple([r[2] - pos for r in mine]),
                                tuple([r[2] + r[3] - pos for r in mine]), e, lo, bool(e or lo))
                i = j
            pos = end + 1

    def _pieces_entry(self, chunk: str, pieces: list[str], low: str) -> tuple:
        """The chunk cache's entry of an _AT_PIECES chunk (its pieces, its lower case low):
        what _tokenize_chunks makes of the tokenizer's tokens: each token's ORTH and LOWER are
        the string ids of its text and of its lower case (a hash, or the number of one of
        spaCy's symbols: "ADP", "agent"), as a new lexeme's are. The chunk is ASCII, so the
        pieces of low are its pieces lower-cased."""
        orths = tuple(map(get_string_id, pieces))
        lows = orths if low == chunk else tuple(map(get_string_id, map(str.lower, pieces)))
        ends = tuple(itertools.accumulate(map(len, pieces)))
        exact, lower = self.tries
        e = tuple([x for x, o in enumerate(orths) if o in exact])
        lo = tuple([x for x, o in enumerate(lows) if o in lower])
        return orths, lows, (0, *ends[:-1]), ends, e, lo, bool(e or lo)

    def to_disk(self, path, exclude=tuple()) -> None:
        """Save the lists with the pipeline."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "lexicon.json").write_text(json.dumps(self.lexicon, ensure_ascii=False, indent=0),
                                           encoding="utf-8")

    def from_disk(self, path, exclude=tuple()):
        """Load the lists saved with the pipeline."""
        self.lexicon = json.loads((Path(path) / "lexicon.json").read_text(encoding="utf-8"))
        self._build()
        return self


@Language.factory("paperkg_results")
def make_results(nlp: Language, name: str):
    """Results (value, kind, system, benchmark, metric) from the paper's text and entities
    (extractors/results/, which does not import spaCy)."""
    return ResultRules()


@Language.factory(
    "paperkg_entities",
    default_config={"min_confidence": 0.5, "max_tasks": 4, "max_text": 200_000},
)
def make_entities(nlp: Language, name: str, min_confidence: float, max_tasks: int,
                  max_text: int):
    """The rule families (paperkg.extractors.rules) that find, type, merge and role-tag named
    entities."""
    return EntityRules(nlp, min_confidence, max_tasks, max_text)


class EntityRules:
    """Find candidate names with rule families, then type, role-tag and merge them per paper."""

    def __init__(self, nlp: Language, min_confidence: float = 0.5, max_tasks: int = 4,
                 max_text: int = 200_000):
        self.nlp = nlp
        self.min_confidence = min_confidence
        self.max_tasks = max_tasks
        self.max_text = max_text
        self._gaz: Gazetteer | None = None
        self.keep_scratch = False
        self._read_later: tuple[tuple, bool] | None = None

    def _lexicon(self) -> Gazetteer | None:
        """The gazetteer component of the same pipeline (for its lists)."""
        if self._gaz is None and "paperkg_gazetteer" in self.nlp.pipe_names:
            self._gaz = self.nlp.get_pipe("paperkg_gazetteer")
        return self._gaz

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if len(text) > self.max_text:
            text = text[: self.max_text]
        data = doc.user_data
        sents = data.get("pk_sents") or sentence_starts(text)
        urls = data.get("pk_urls", [])
        gaz_hits = data.get("pk_gaz", [])
        if len(text) < len(doc_text(doc)):  # cut: keep only what lies inside the cut
            n = len(text)
            sents = [s for s in sents if s < n]
            urls = [u for u in urls if u[1] <= n]
            gaz_hits = [h for h in gaz_hits if h[1] <= n]
        data["pk_ents"] = extract_entities(
            text, sents, gaz_hits, urls, self._lexicon(), self.min_confidence, self.max_tasks,
        )
        # URL evidence, then drop the scratch data so that docs travel light between processes
        data["pk_refs"] = [(a, b, url, evidence(text, sents, a, b)) for a, b, url in urls]
        if not self.keep_scratch:
            # the text and its sentences stay while a later component reads them (the results
            # rules): rebuilding the text with doc.text costs about 2 ms an abstract, a tenth
            # of the rules-only time, and splitting it again a tenth of the results rules' own
            for key in ("pk_gaz", "pk_urls") if self._text_read_later() else (
                    "pk_text", "pk_sents", "pk_gaz", "pk_urls"):
                data.pop(key, None)
        return doc

    def _text_read_later(self) -> bool:
        """Whether a component after this one reads doc.user_data['pk_text'] and 'pk_sents'
        (worked out again only when the pipeline's components or the disabled ones change:
        spaCy's `pipe_names` costs about 30 microseconds a call)."""
        key = (tuple([n for n, _ in self.nlp._components]), frozenset(self.nlp._disabled))
        if self._read_later is None or self._read_later[0] != key:
            names = self.nlp.pipe_names
            own = names.index("paperkg_entities") if "paperkg_entities" in names else len(names)
            self._read_later = (key, "paperkg_results" in names[own + 1:])
        return self._read_later[1]
