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
it is done, so that a Doc sent back from a worker process carries only the results.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from paperkg.core.text import sentence_of, sentence_starts
from paperkg.extractors.canonical import canonical_key, fold, is_acronym, strip_latex
from paperkg.extractors.urls import find_urls
from paperkg.graph.schema import NAMED_TYPES

DATA = Path(__file__).resolve().parent / "data"
TYPE_FILES = {
    "MODEL": "models.txt", "METHOD": "methods.txt", "DATASET": "datasets.txt",
    "BENCHMARK": "benchmarks.txt", "METRIC": "metrics.txt", "TASK": "tasks.txt",
}
NAMED = NAMED_TYPES


def read_list(path: Path) -> list[list[str]]:
    """Groups of one gazetteer file: [canonical, alias, ...] per line, comments dropped."""
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        forms = [f.strip() for f in line.split("|") if f.strip()]
        if forms:
            groups.append(forms)
    return groups


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
# Sentences (the splitter itself is paperkg.core.text.sentence_starts)


def evidence(text: str, starts: list[int], a: int, b: int, limit: int = 400) -> str:
    """The sentence around text[a:b], clipped to about limit characters around the mention."""
    s0, s1 = sentence_of(text, starts, a)
    if s1 - s0 > limit:
        s0 = max(s0, a - limit // 2)
        s1 = min(s1, max(b, a) + limit // 2)
    return text[s0:s1].strip()


def doc_text(doc: Doc) -> str:
    """The text of a doc: kept by the tokenizer (doc.text rebuilds it token by token, slowly)."""
    text = doc.user_data.get("pk_text")
    if text is None:
        text = doc.text
        doc.user_data["pk_text"] = text
    return text


class TextKeepingTokenizer:
    """A spaCy tokenizer wrapper that keeps the input string in doc.user_data['pk_text']."""

    def __init__(self, inner):
        self.inner = inner
        self.vocab = inner.vocab

    def __call__(self, text: str) -> Doc:
        doc = self.inner(text)
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


@Language.factory("paperkg_gazetteer", default_config={"data_dir": None})
def make_gazetteer(nlp: Language, name: str, data_dir: str | None):
    """Well-known names from the data lists, matched with spaCy PhraseMatchers."""
    return Gazetteer(nlp, name, Path(data_dir) if data_dir else DATA)


class Gazetteer:
    """PhraseMatcher over the gazetteer lists: exact case for one-word names, any case else."""

    def __init__(self, nlp: Language, name: str, data_dir: Path = DATA):
        self.nlp = nlp
        self.name = name
        self.lexicon = load_lexicon(data_dir)
        self._build()

    def _build(self) -> None:
        """(Re)build the matchers from self.lexicon."""
        vocab = self.nlp.vocab
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.entries: list[tuple[str, str]] = []  # match id -> (type, canonical)
        exact_pats: dict[str, list] = {}
        lower_pats: dict[str, list] = {}
        self.canonical: dict[str, tuple[str, str]] = {}
        for type_, groups in self.lexicon["typed"].items():
            for group in groups:
                canon = group[0]
                for form in group:
                    self.canonical.setdefault(canonical_key(form), (type_, canon))
                    cased = form != form.lower()
                    key = f"{type_}\t{canon}\t{int(cased)}"
                    if cased and (" " not in form or form.isupper()):
                        exact_pats.setdefault(key, []).append(form)
                    else:
                        lower_pats.setdefault(key, []).append(form)
        for key, forms in exact_pats.items():
            self.exact.add(key, [self.nlp.make_doc(f) for f in forms])
        for key, forms in lower_pats.items():
            self.lower.add(key, [self.nlp.make_doc(f) for f in forms])
        self.generic = {fold(g) for g in self.lexicon["generic"]}
        self.generic_keys = {canonical_key(g) for g in self.lexicon["generic"]}
        self.families = sorted({f for f in self.lexicon["families"]}, key=len, reverse=True)
        self.family_re = re.compile(
            "(?:" + "|".join(re.escape(f) for f in self.families) + r")[ \-]?(?=[vV]?\d)"
        )
        self.not_names = set(self.lexicon["not_names"])
        self.orgs = {fold(o) for o in self.lexicon.get("orgs", [])}

    def __call__(self, doc: Doc) -> Doc:
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
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept, last_end = [], -1
        for h in hits:
            if h[0] >= last_end:
                kept.append(h)
                last_end = h[1]
        doc.user_data["pk_gaz"] = kept
        return doc

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


@Language.factory(
    "paperkg_entities",
    default_config={"min_confidence": 0.5, "max_tasks": 4, "max_text": 200_000},
)
def make_entities(nlp: Language, name: str, min_confidence: float, max_tasks: int,
                  max_text: int):
    """The rule families that find, type, merge and role-tag named entities."""
    return EntityRules(nlp, min_confidence, max_tasks, max_text)


# ---------------------------------------------------------------------------------------------
# Rules

# A "name word": starts upper case or with a digit, or is lower case with a capital/digit inside.
_WORD = r"(?:[A-Z0-9\u00C0-\u00DE][\w'’+.\-]*|[a-z][a-z]*[A-Z0-9][\w'’+.\-]*)"
# The first character is a plain character class (no look-behind before it) so that the regex
# engine can skip to candidate positions quickly; runs that start inside a lower-case word
# ("text8", "alignMEnt") are extended backwards in _runs().
_RUN = re.compile(
    r"[A-Z0-9\u00C0-\u00DE](?<![@/\\.\-].)[\w'’+.\-]*"
    rf"(?:(?: |- (?=\d))(?:{_WORD}|v\d[\w.]*))*"
)
_LATEX_NAME = re.compile(
    r"\$\\math[a-z]+\{(\w+)\}\$(-?[A-Za-z][\w\-]*)|\\([A-Z][A-Za-z]+[A-Z]\w*)\{\}"
)
_ACRONYM_CHARS = re.compile(r"[A-Za-z0-9][\w\-+.&]*$")
_BAD_NAME = re.compile(r"[|{}^_=\\<>\[\]]|\(|\)|['’]\d")
_LIST_HEAD_BEFORE = re.compile(
    r"\b(datasets?|benchmarks?|corpora|suites?|environments?)\s*(?:,|:|such\s+as|including|"
    r"like|e\.g\.,?|namely)\s*(?:the\s+)?$"
)
_NAME_VERSION = re.compile(r"[A-Z][\w\-]*[a-z][\w\-]* \d{1,2}(?:\.\d)?$")
_SUBTITLE_HEAD = re.compile(
    r"\s*(?:A|An)\s+(?:(?!(?:in|for|of|to|with|on|from|by|and)\b)[\w\-]+\s+){0,6}?"
    r"(Benchmark|Dataset|Corpus|(?:Language\s+)?Model|Framework|Algorithm|Method|Suite|"
    r"Environment)s?\b(?!\s+(?:for\s+)?(?:Evaluation|Training|Compression|Selection))",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r" (?:19|20)\d\d\b")
_SUFFIX_ONLY = re.compile(
    r"-(?:based|free|style|like|aware|driven|guided|specific|level|time|only|wise|generated)$",
    re.IGNORECASE,
)
_HEAD_WORDS_AFTER = (" benchmark", " dataset", " corpus")
_ON_BEFORE = re.compile(r"\b(?:on|across)\s+(?:the\s+)?$")
_GAZ_EXT = re.compile(
    r"(?:-[A-Za-z0-9.]+)+(?![\w])|(?: v\d[\w.]*| \d+(?:\.\d+)+| \d+(?![\w.%])"
    r"| \d+(?:\.\d+)?[KMBkmb]\b"
    r"| [A-Z][a-z]+-?\d[\w.]*)(?:-[A-Za-z0-9.]+)*"
)
_PAREN = re.compile(r"\(([^()\n]{1,80})\)")
_METRIC_AT = re.compile(r"(?<![\w@])([A-Za-z][\w\-]*@\d+|[Pp]ass@[kK\d]+)(?![\w@])")
_NUMBERISH = re.compile(
    r"^(?:\d+(?:[.,]\d+)*(?:[kKmMbBtTxX%]|st|nd|rd|th|D|d|s)?|[IVX]+|\d+[A-Za-z]?-\w+)$"
)
_SIZE = re.compile(r"(?:^|[-_ ])(\d+(?:\.\d+)?[BMKbm])(?:$|[-_ ])")
_VERSION_TAIL = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BMKbmk])$")
_HEAD_AFTER = re.compile(
    r"^[\s\-]*(benchmarks?|datasets?|corpus|corpora|suite|leaderboard|environments?|"
    r"models?|LLMs?|algorithms?|methods?|framework|architecture|approach|technique|"
    r"optimizer|metric|score)\b",
    re.IGNORECASE,
)
_HEAD_TYPE = {
    "benchmark": "BENCHMARK", "suite": "BENCHMARK", "leaderboard": "BENCHMARK",
    "environment": "BENCHMARK", "dataset": "DATASET", "corpus": "DATASET", "corpora": "DATASET",
    "model": "MODEL", "llm": "MODEL", "algorithm": "METHOD", "method": "METHOD",
    "framework": "METHOD", "architecture": "METHOD", "approach": "METHOD",
    "technique": "METHOD", "optimizer": "METHOD", "metric": "METRIC", "score": "METRIC",
}
_INTRO = re.compile(
    r"(?:\b(?:we|We|paper|work|study|report)\s+(?:\w+\s+){0,2}?(?:propose|introduce|present|"
    r"release|develop|design|build|construct|curate|create|devise|contribute|open-source|"
    r"call|name|term|dub)(?:s|d|ed)?\b|\b(?:called|named|dubbed|termed|coined|"
    r"coin|denoted)\b|\b(?:introduc|propos|present)(?:e|es|ed|ing)\b|\b(?:the|our)\s+proposed)"
    r"([^.;!?]*)$"
)
_CUE_STEMS = ("propos", "introduc", "present", "releas", "develop", "design", "build",
              "construct", "curat", "creat", "devis", "contribut", "open-source", "call", "nam",
              "term", "dub", "coin", "denot", "our ", "Our ")


_LIST_HEAD_STEMS = ("dataset", "benchmark", "corpora", "suite", "environment")


def _near(positions: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted list of offsets has one in [lo, hi)."""
    k = bisect_right(positions, hi - 1) - 1
    return k >= 0 and positions[k] >= lo


def _cue_positions(text: str) -> list[int]:
    """Sorted offsets of intro cue stems (str.find is much faster here than a regex)."""
    return _positions(text, _CUE_STEMS)


def _positions(text: str, stems) -> list[int]:
    """Sorted offsets of every occurrence of each stem in text."""
    out = []
    for stem in stems:
        i = text.find(stem)
        while i >= 0:
            out.append(i)
            i = text.find(stem, i + 1)
    out.sort()
    return out


_OUR = re.compile(
    r"\b[Oo]ur\s+(?:(?:new|novel|proposed|own)\s+)?$|\b[Oo]ur\s+(?:new\s+|novel\s+|proposed\s+)?"
    r"(?:\w+\s+)?(?:proposal|method|approach|framework|model|algorithm|benchmark|dataset|"
    r"system)\s*(?:is|,|:)\s*(?:the\s+|a\s+|an\s+)?$"
)
_TITLE_VIA = re.compile(r"\s(?:via)\s+((?:[A-Z][\w\-]*\s+){1,4}[A-Z][\w\-]*)$")
_TITLE_FOR = re.compile(
    r"\s(?:for|in|[Ii]mproves?|[Hh]elps?|[Ee]nables?|[Bb]oosts?)\s+((?:[A-Za-z][\w\-]*\s+){0,4}[A-Za-z][\w\-]*)(?=\s*(?::|$|\s(?:via|with|using|by|through)\s))"
)
_INTRO_GAP_BLOCK = re.compile(
    r"\b(?:on|of|to|with|in|by|that|which|results?|using|from|over|between|than|against|"
    r"and|both|across|under|into|via|where|when|it|its|their|these|those)\b",
    re.IGNORECASE,
)
_INTRO_GAP_OK = re.compile(
    r"^[\s,:(\"'“]*(?:\(?\w\)\s*)?(?:(?:a|an|the|our|new|novel|simple|effective|first|general|unified|"
    r"two|three|several|family|of|large|scale|large-scale|open|open-source|comprehensive|"
    r"challenging|method|approach|framework|model|models|algorithm|benchmark|dataset|"
    r"suite|system|technique|called|named|dubbed|termed|coined|as|here|yet|lightweight|"
    r"([\w\-]+))[\s,]+){0,8}[\"'“]?$",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?,\s*(?:a|an)\s+((?:[\w\-]+,?\s+){0,5}?)"
    r"(benchmark|dataset|corpus|model|framework|method|algorithm|suite|agent|system|"
    r"approach|technique|architecture|family|collection)s?\b"
)
_NEW_WORDS = re.compile(r"\b(?:new|novel|first|our)\b")
_CALLED_BEFORE = re.compile(
    r"(?<!so-)(?<!so )\b(?:called|named|dubbed|termed|coined|(?:we|We)\s+(?:call|name|term|dub))"
    r"\s*[\"'“]?\s*$"
)
_LICENCE = re.compile(
    r"^(?:CC[- ]?BY(?:[- ](?:SA|NC|ND))*(?:[- ]\d(?:\.\d)?)?|CC0|Apache(?:[- ]v?2(?:\.0)?)?|"
    r"L?A?GPL(?:-?v?\d(?:\.\d)?)?|BSD(?:-\d-Clause)?|MIT|OpenRAIL(?:-[A-Z]+)?|RAIL(?:-[A-Z]+)?)$"
)
_ORG_AFTER = re.compile(
    r"\s+(?:team|project|community|consortium|initiative|foundation|organi[sz]ation|labs?|"
    r"laboratory|institute|university|inc\b|corp\b|corporation|company|licen[cs]es?|"
    r"licen[cs]ed)\b",
    re.IGNORECASE,
)
_ORG_BEFORE = re.compile(
    r"(?:(?:developed|released|created|maintained|funded|supported|hosted|sponsored|organi[sz]ed|"
    r"led)\s+by|(?:partnership|collaboration|cooperation)\s+with|licen[cs]ed\s+under|"
    r"researchers\s+(?:at|from)|team\s+(?:at|from))\s+(?:the\s+)?$"
)
_AMBIGUOUS_METRICS = {"recall", "precision", "cross-entropy", "latency",
                      "throughput"}
_METRIC_NUMBER_OR_WORD = re.compile(
    r"\d|%|\b(?:higher|lower|better|worse|improv\w*|outperform\w*|achiev\w*|gains?|reduc\w*|"
    r"increas\w*|decreas\w*|drops?|degrad\w*|scores?|measured|metrics?|in\s+terms\s+of|"
    r"state-of-the-art|trade-?offs?|comparable|faster|slower|report\w*|F1|AUC|BLEU|precision|"
    r"recall|accuracy)\b"
)
_METRIC_NOT_AFTER = re.compile(r"[\s\-]+(?:loss|losses|objective|gap|term|minimi[sz]ation)\b")
_METRIC_NOT_BEFORE = re.compile(
    r"\b(?:to|cannot|can|could|not|information|associative|memory|temporal)\s+$"
)


def _metric_context(text: str, c) -> bool:
    """Whether an ambiguous metric word is used as an evaluation measure here."""
    if _METRIC_NOT_AFTER.match(text, c.end, c.end + 20):
        return False
    if c.name.lower() == "recall" and _METRIC_NOT_BEFORE.search(text, max(0, c.start - 25),
                                                                 c.start):
        return False
    lo = text.rfind("\n", max(0, c.start - 80), c.start) + 1 or max(0, c.start - 80)
    lo = max(lo, c.start - 80)
    hi = text.find("\n", c.end, c.end + 80)
    hi = c.end + 80 if hi < 0 else hi
    return _METRIC_NUMBER_OR_WORD.search(text, lo, c.start) is not None or \
        _METRIC_NUMBER_OR_WORD.search(text, c.end, hi) is not None


_NAMING_CUE = re.compile(
    r"\b(?:[Oo]ur|new|novel|proposed|enhanced|improved|resulting|variant|propos\w*|"
    r"introduc\w*|present|presents|develop\w*|design\w*|build|builds|creat\w*|devis\w*|"
    r"deriv\w*|construct\w*|curat\w*|releas\w*|[Ww]e\s+(?:call|name|term|dub))\b"
)


def _naming_by_paper(text: str, s0: int, pos: int) -> bool:
    """Whether "called/named X" at pos names something of this paper: the clause before it
    (back to a colon or semicolon in the sentence) has we/our/new/... ("we develop an algorithm,
    called X", "a new metric, called X"), unlike "a principle called Occam's razor"."""
    lo = max(s0, pos - 250)
    cut = max(text.rfind(":", lo, pos), text.rfind(";", lo, pos))
    return _NAMING_CUE.search(text, max(lo, cut + 1), pos) is not None
_HEAD_BEFORE_CALLED = re.compile(
    r"\b(benchmark|dataset|corpus|model|framework|method|algorithm|suite)s?\s*,?\s*"
    r"(?:called|named|dubbed|termed|coined|we\s+call)\s*[\"'“]?\s*$"
)
_NEW_LIST_BEFORE = re.compile(
    r"\b(?:new|novel)\s+(?:[\w\-]+\s+){0,2}?(?:benchmark|dataset|corpus|corpora|suite|"
    r"method|model|algorithm|task|environment)s?\s*(?:,|:|\(|namely)\s*(?:namely\s+)?$"
)
_INCLUDES = re.compile(
    r"\b(?:framework|approach|method|system|pipeline|architecture)\s+(?:includes|comprises|"
    r"consists\s+of|contains|incorporates|features)\b"
)
_EVAL_CONTEXT = re.compile(
    r"\b(?:on|across|evaluat\w*|experiments?|benchmarks?|results?|tested|outperform\w*|"
    r"achiev\w*|score\w*|accuracy|surpass\w*)\b",
    re.IGNORECASE,
)
_LIST_SEP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_TASK_HEADS = ("learning", "detection", "recognition", "generation", "classification",
               "prediction", "translation", "segmentation", "reasoning", "retrieval",
               "answering", "summarization", "completion", "forecasting", "estimation problem",
               "alignment", "captioning", "synthesis", "planning", "inference", "regression")
_TASK_PATTERN_HEADS = frozenset({
    "detection", "recognition", "generation", "classification", "prediction", "translation",
    "segmentation", "reasoning", "retrieval", "answering", "summarization", "completion",
    "forecasting", "alignment", "captioning", "synthesis", "planning", "inference",
    "regression", "identification", "decision-making", "unlearning", "explanation",
    "explanations", "attribution", "problem-solving", "fairness", "discovery", "localization",
    "tracking", "parsing", "tagging", "labeling", "labelling", "imputation", "clustering",
    "editing", "verification", "repair", "understanding", "modeling", "modelling", "control",
    "learning", "estimation", "hacking", "extraction", "matching", "ranking", "recommendation",
    "simplification", "transcription", "compression", "paraphrasing",
})
_TASK_STOP = frozenset({
    "the", "a", "an", "in", "on", "for", "with", "from", "to", "and", "or", "of", "by", "via",
    "is", "are", "was", "be", "that", "which", "using", "under", "over", "when", "where", "as",
    "at", "into", "between", "given", "while", "whose", "its", "their", "this", "these", "such",
    "without", "through", "across", "we", "it", "can", "has", "have", "but", "than", "so",
})
_TASK_ADJ = frozenset({
    "same", "general", "underlying", "following", "above", "original", "main", "key", "central",
    "fundamental", "important", "challenging", "difficult", "open", "hard", "resulting",
    "related", "corresponding", "specific", "particular", "classical", "standard", "new", "novel",
    "downstream", "various", "several", "many", "different", "complex", "real-world", "simple",
    "common", "existing", "relaxed", "well-known", "long-standing", "notorious", "critical",
})
_QUANTITY_WORDS = frozenset({
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "all",
    "multiple", "some", "most", "each", "every", "other", "more", "few", "numerous", "diverse",
})
_NAMING_WORDS = ("called ", "named ", "dubbed ", "termed ", "coined ")
_CALLED_LOWER = re.compile(
    r"(?:called|named|dubbed|termed|coined)\s+[\"'“]?([a-z][a-z0-9\-]*"
    r"(?:\s+[a-z][a-z0-9\-]*){0,4})"
)
_LOWER_WORD = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
_TASK_OF = re.compile(
    r"(?:task|problem)s?\s+(?:of|called|known\s+as|named|termed)\s+"
    rf"((?:{_LOWER_WORD}\s+){{0,5}}{_LOWER_WORD})"
)
_FOR_X_BEFORE_TASKS = re.compile(
    rf"\b(?:for|on|in)\s+((?:{_LOWER_WORD}\s+){{0,3}}{_LOWER_WORD})\s+$"
)
_THE_X_BEFORE_PROBLEM = re.compile(
    rf"\b(?:the|a|an)\s+((?:{_LOWER_WORD}\s+){{0,3}}{_LOWER_WORD})\s+$"
)
_WE_STUDY = re.compile(
    r"(?:study|studies|address|addresses|tackle|tackles|consider|"
    rf"considers)\s+((?:{_LOWER_WORD}\s+){{0,3}}{_LOWER_WORD})(?=\s*[,.;:(]|\s+(?:in|on|for|"
    r"with|under|from|by|via|and|where|when|which|that|using)\b)"
)
_DEFINED_BEFORE = re.compile(
    r"([A-Z][a-z]+(?:[ \-][a-z][a-z0-9\-]*){0,3})(?:\s+\([A-Za-z0-9\-]{2,10}\))?\s+"
    r"(?:is|refers\s+to)\s+(?:the\s+|an?\s+(?:\w+\s+){0,2}?)$"
)
_DEFINED_AFTER = re.compile(r"(?:task|problem)\s+(?:of|that|where|in\s+which)\b")


def _task_cue_matches(text: str, tp: list[int]):
    """(pattern, phrase, offset) for "task/problem of|called X" (1), "for X tasks" (2) and
    "we study X" (3); regexes run only at the offsets of their key words (tp: offsets of
    "task" and "problem")."""
    for pos in tp:
        if pos > 0 and text[pos - 1].isalnum():
            continue
        m = _TASK_OF.match(text, pos)
        if m:
            yield 1, m.group(1), m.start(1)
        if text.startswith("task", pos):
            m = _FOR_X_BEFORE_TASKS.search(text, max(0, pos - 90), pos)
            if m and m.end() == pos:
                yield 2, m.group(1), m.start(1)
        elif text.startswith("problem", pos):  # "the conditional text generation problem"
            m = _THE_X_BEFORE_PROBLEM.search(text, max(0, pos - 90), pos)
            if m and m.end() == pos:
                yield 2, m.group(1), m.start(1)
    for pos in _positions(text, ("study ", "studies ", "address", "tackle", "consider")):
        if not text.endswith(("we ", "We ", "paper ", "work "), 0, pos):
            continue
        m = _WE_STUDY.match(text, pos)
        if m:
            yield 3, m.group(1), m.start(1)


def _task_defined_matches(text: str, tp: list[int]):
    """(start, end) of X in "X is the task of ...", "X (ACR) is a hard problem where ..."."""
    for pos in tp:
        if not _DEFINED_AFTER.match(text, pos):
            continue
        m = _DEFINED_BEFORE.search(text, max(0, pos - 100), pos)
        if m and m.end() == pos:
            yield m.start(1), m.end(1)


def _task_phrase(raw: str, generic, require_head: bool = True) -> str | None:
    """The task name at the start of raw: cut at a function word, leading adjectives dropped,
    ending in a task head word; None when it is not a task name."""
    words = []
    for w in raw.split():
        if w in _TASK_STOP:
            break
        words.append(w)
    while words and (words[0] in _TASK_ADJ or words[0] in _QUANTITY_WORDS):
        words.pop(0)  # "three text generation tasks", "both classification and ..."
    if len(words) < 2 or len(words) > 4:
        return None  # one word ("reasoning", "generation") is too general to name a task
    last = words[-1]
    if require_head and last not in _TASK_PATTERN_HEADS:
        return None
    if len(words) == 1 and last in ("learning", "control", "estimation", "modeling",
                                   "modelling", "inference", "understanding", "matching"):
        return None  # too general alone
    if words[0].endswith("ing") and len(words) > 1 and words[0] not in _TASK_PATTERN_HEADS \
            and words[1] not in _TASK_PATTERN_HEADS and not words[0].endswith("-ing"):
        # "learning a policy ..." is cut above; "optimizing test-time compute" has no head;
        # a gerund object phrase is a task only when it is a compound (reward hacking)
        if words[-1] != "hacking":
            return None
    phrase = " ".join(words)
    if fold(phrase) in generic:
        return None
    return phrase


_METHOD_HEADS = ("search", "optimization", "optimisation", "tuning", "fine-tuning",
                 "finetuning", "decoding", "sampling", "attention", "distillation", "descent",
                 "iteration", "algorithm", "training", "prompting", "filtering", "scaling",
                 "regularization", "method", "network", "networks", "transformer", "encoder",
                 "decoder", "policy", "agent", "embedding", "embeddings", "pruning",
                 "quantization", "adaptation", "augmentation", "ensemble", "boosting", "based",
                 "free", "model", "models", "estimator", "estimation", "programming", "loss",
                 "objective", "tree", "mechanism", "architecture", "framework", "pipeline",
                 "approach", "technique", "strategy")
_HEADISH = {"Task", "Tasks", "Method", "Methods", "Model", "Models", "Dataset", "Datasets",
            "Benchmark", "Benchmarks", "Framework", "Approach", "Algorithm", "Algorithms",
            "Problem", "Problems", "Study", "Analysis", "Survey", "Review", "Experiment"}
_TITLE_VERBS = {"Towards", "Toward", "On", "Beyond", "Revisit", "Rethink", "Understand",
                "Improve", "Make", "Let", "Do", "Does", "Can", "Is", "Are", "When", "Why", "How",
                "What", "Which", "Where", "Should", "Unpack", "Evaluate", "Explain", "Fix",
                "Scale", "Teach", "Train", "Learn", "Boost", "Tame", "Demystify", "Demystifying",
                "Benchmark", "Compare", "Analyze", "Analyse", "Probe", "Stop", "Beat", "Break"}
_TITLE_GENERIC = {"technical report", "a survey", "survey", "review", "a review", "position",
                  "tutorial", "case study", "short paper", "extended abstract", "overview",
                  "perspective", "commentary", "editorial", "report"}
_BENCH_SHAPE = re.compile(
    r"(?:Bench|bench|BENCH|Eval|EVAL|Arena|Leaderboard|Challenge|Gym)(?:[-+\s]|$)|-E(?:[-+]|$)"
)
_DATA_SHAPE = re.compile(r"(?:QA|Set|Corpus|Data|DB|-\d+[KkMm]|\d+[KkMm])$")
_MODEL_SUFFIX = re.compile(
    r"(?:-|\s)(?:Instruct|Chat|Base|it|Coder|Turbo|mini|Sonnet|Opus|Haiku|Pro|Flash|Ultra|"
    r"Large|Small|XL|Medium)\b|\d+(?:\.\d+)?[BM]\b|^GPT|LLM$|-LM$|LM\d|Coder\d?$|GPT\d?$"
)


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
            for key in ("pk_text", "pk_sents", "pk_gaz", "pk_urls"):
                data.pop(key, None)
        return doc


class _Cand:
    """One candidate mention before merging."""

    __slots__ = ("start", "end", "surface", "name", "type", "conf", "rule", "intro", "alias",
                 "evaluated", "strong_type", "long_form", "gaz_canon", "extra", "org")

    def __init__(self, start, end, surface, name, type_, conf, rule):
        self.start, self.end, self.surface, self.name = start, end, surface, name
        self.type, self.conf, self.rule = type_, conf, rule
        self.intro = False
        self.alias: str | None = None  # an acronym this long form defines
        self.evaluated = False
        self.strong_type = False
        self.long_form = False
        self.gaz_canon: str | None = None
        self.extra: list[str] = []
        self.org = False  # an organisation, project or licence (dropped with its group)


def _part_coined(part: str) -> bool:
    """Whether one hyphen-free part of a word is coined (inner capitals, letters with digits)."""
    core = part.replace("'", "").replace(".", "").rstrip("+")
    if len(core) < 2:
        return False
    if any(c.isupper() for c in core[1:]):
        return True
    return any(c.isdigit() for c in core) and any(c.isalpha() for c in core)


_KIND_CACHE: dict[tuple[str, int], str] = {}


def _word_kind(word: str, generic: set | frozenset = frozenset()) -> str:
    """'coined', 'plain' (Capitalised), 'number' or 'lower' for one word of a run (cached)."""
    key = (word, id(generic))
    kind = _KIND_CACHE.get(key)
    if kind is None:
        if len(_KIND_CACHE) > 500_000:
            _KIND_CACHE.clear()
        kind = _KIND_CACHE[key] = _word_kind_uncached(word, generic)
    return kind


def _word_kind_uncached(word: str, generic) -> str:
    """_word_kind without the cache."""
    if not word or word[0].isdigit() or _NUMBERISH.match(word):
        return "number"
    if "+" in word.rstrip("+"):
        return "lower"
    parts = [p for p in word.split("-") if p]
    if not parts:
        return "lower"
    coined = [p for p in parts if _part_coined(p)]
    if coined:
        if len(parts) > 1 and all(p.lower() in generic or p.rstrip("s").lower() in generic
                                  for p in coined) and len(coined) < len(parts):
            return "plain"  # LLM-Generated
        return "coined"
    if len(parts) > 1 and any(len(p) == 1 and p.isupper() for p in parts[1:]):
        return "coined"  # KTO-S style suffix
    if word[0].isupper():
        return "plain"
    return "lower"


def _runs(text: str):
    """(start, surface) of each run, split where a word ends a sentence ("RL. Besides")."""
    for m in _RUN.finditer(text):
        surface = m.group()
        a = m.start()
        if a > 0 and text[a - 1].isalnum():
            b0 = a
            while a > 0 and text[a - 1].isalnum():
                a -= 1
            if a > 0 and text[a - 1] in "@/\\.-_":
                continue
            surface = text[a:b0] + surface
        if ". " not in surface:
            yield a, surface
            continue
        pos = 0
        for piece in surface.split(". "):
            yield a + pos, piece + "." if pos + len(piece) < len(surface) else piece
            pos += len(piece) + 2


# Words of model/method families: a phrase made only of them is a family, not a name
# ("Large Reasoning Models", "Multimodal Language Model Agents", "Diffusion Models").
_FAMILY_WORDS = {
    "large", "small", "multimodal", "multi-modal", "language", "languages", "vision", "visual",
    "reasoning", "foundation", "generative", "pretrained", "pre-trained", "neural", "network",
    "networks", "model", "models", "deep", "learning", "machine", "reinforcement", "diffusion",
    "agent", "agents", "ai", "artificial", "intelligence", "general", "recurrent",
    "convolutional", "autoregressive", "auto-regressive", "based", "text", "image", "video",
    "speech", "audio", "code", "embedding", "embeddings", "method", "methods", "systems",
    "system", "algorithms", "algorithm", "techniques", "approaches", "llm", "llms", "lm", "lms",
}


def _family_phrase(phrase: str) -> bool:
    """Whether every word of a phrase is a family word (so it names no single thing)."""
    words = [p for w in phrase.lower().split() for p in w.split("-") if p]
    return bool(words) and len(words) >= 2 and all(w in _FAMILY_WORDS for w in words)


_CONNECT = {"of", "for", "with", "and", "in", "on", "to", "via", "the", "a", "by"}


def _by_initials(acr: str, words: list[str]) -> str | None:
    """The words before an acronym whose initials spell it ("Proximal Policy Optimization")."""
    letters = [c.lower() for c in acr if c.isalpha()]
    if len(letters) < 2 or len(letters) != sum(1 for c in acr if c.isalnum()):
        return None
    picked: list[str] = []
    i = len(words) - 1
    li = len(letters) - 1
    while i >= 0 and li >= 0:
        w = words[i].strip("\"'“”,;:")
        parts = [p for p in w.split("-") if p]
        if not parts:
            return None
        if w.lower() in _CONNECT and picked:
            picked.append(w)
            i -= 1
            continue
        initials = [p[0].lower() for p in parts]
        if len(initials) > 1 and li + 1 >= len(initials) and \
                letters[li - len(initials) + 1:li + 1] == initials:
            li -= len(initials)
        elif initials[0] == letters[li]:
            li -= 1
        else:
            return None
        picked.append(w)
        i -= 1
    if li >= 0 or not picked or picked[-1].lower() in _CONNECT:
        return None
    return " ".join(reversed(picked))


def _schwartz_hearst(short: str, long: str) -> str | None:
    """The shortest tail of long whose letters spell the acronym short (Schwartz & Hearst)."""
    s = len(short) - 1
    li = len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while li >= 0 and (long[li].lower() != c or (
            s == 0 and li > 0 and long[li - 1].isalnum() and not long[li].isupper()
        )):
            li -= 1
        if li < 0:
            return None
        li -= 1
        s -= 1
    start = long.rfind(" ", 0, li + 1) + 1
    return long[start:]


def _named_lower(phrase: str, gaz: Gazetteer | None) -> bool:
    """Whether a lower-case long form names a method or task (known, or by its head word)."""
    if gaz is not None and canonical_key(phrase) in gaz.canonical:
        return True
    last = phrase.split()[-1].split("-")[-1]
    if last in _METHOD_HEADS or last.rstrip("s") in _METHOD_HEADS:
        return True
    return any(phrase.endswith(h) for h in _TASK_HEADS)


def _type_by_shape(name: str, gaz: Gazetteer | None) -> str | None:
    """Type suggested by the form of a name alone, if any."""
    if _BENCH_SHAPE.search(name):
        return "BENCHMARK"
    if _MODEL_SUFFIX.search(name):
        return "MODEL"
    if gaz is not None and gaz.family_re.match(name):
        return "MODEL"
    if _DATA_SHAPE.search(name):
        return "DATASET"
    if _NAME_VERSION.match(name):
        return "MODEL"
    return None


def _head_type(head: str) -> str:
    """Type of an entity from the head noun written after it."""
    h = head.lower().rstrip("s") if head.lower() not in ("corpus",) else "corpus"
    return _HEAD_TYPE.get(h, _HEAD_TYPE.get(head.lower(), "METHOD"))


def extract_entities(text: str, sents: list[int], gaz_hits, urls, gaz: Gazetteer | None,
                     min_conf: float = 0.5, max_tasks: int = 4) -> list[dict]:
    """All entities of one paper's text (title, newline, abstract) as plain dicts."""
    if not text.strip():
        return []
    title_end = text.find("\n")
    if title_end < 0:
        title_end = len(text)
    generic = gaz.generic if gaz else set()
    not_names = gaz.not_names if gaz else set()
    orgs = gaz.orgs if gaz is not None else set()
    blocked = sorted((a, b) for a, b, _ in urls)
    blocked_starts = [a for a, _ in blocked]
    cands: list[_Cand] = []
    sent_starts = set(sents)

    def in_url(pos: int) -> bool:
        i = bisect_right(blocked_starts, pos) - 1
        return i >= 0 and blocked[i][0] <= pos < blocked[i][1]

    # 1. Gazetteer hits (a hit that is only part of a longer name becomes that name).
    for a, b, type_, canon in gaz_hits:
        if a >= 2 and text[a - 1] == "-" and text[a - 2].isalnum():
            continue  # "...-DPO": part of a coined word the run rule finds
        ext = _GAZ_EXT.match(text, b)
        if ext and any(ch.isdigit() or ch.isupper() for ch in ext.group()):
            b2 = ext.end()
            while b2 > b and text[b2 - 1] in ".-":
                b2 -= 1
            surface = text[a:b2]
            c = _Cand(a, b2, surface, surface, type_ if type_ in ("MODEL", "DATASET",
                                                                 "BENCHMARK") else "",
                      0.75, "gazetteer_variant")
            c.strong_type = bool(c.type)
            cands.append(c)
            continue
        surface = text[a:b]
        c = _Cand(a, b, surface, surface, type_, 0.9, "gazetteer")
        c.gaz_canon = canon
        c.strong_type = True
        cands.append(c)
    gaz_spans = sorted((c.start, c.end) for c in cands)
    gaz_starts = [x for x, _ in gaz_spans]

    def covered(a: int, b: int) -> bool:
        i = bisect_right(gaz_starts, a) - 1
        return i >= 0 and gaz_spans[i][0] <= a and b <= gaz_spans[i][1]

    # 2. Acronyms defined in the text: "Long Form (LF)" and "LF (Long Form)".
    defined: dict[str, str] = {}  # acronym -> long form
    generic_acr: set[str] = set()
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        a = m.start()
        if in_url(a):
            continue
        s0, _ = sentence_of(text, sents, a)
        if " " not in inner and 2 <= len(inner) <= 12 and _ACRONYM_CHARS.match(inner) and \
                is_acronym(inner.rstrip("s")):
            acr = inner
            before = text[s0:a].rstrip()
            words = before.split()
            n = min(len(acr) + 5, 2 * len(acr))
            window = " ".join(words[-n:])
            core = acr.rstrip("s") if acr.endswith("s") else acr
            lf = _by_initials(core, words) or _schwartz_hearst(core, window)
            if lf is None or len(lf) <= len(acr) or lf.startswith(("(", "[")):
                continue
            lf = lf.strip(" ,;:\"'“”")
            lf_words = lf.split()
            while lf_words and lf_words[0].lower() in ("the", "a", "an", "our", "and", "of"):
                lf_words.pop(0)
            if not lf_words:
                continue
            lf = " ".join(lf_words)
            lf_start = before.rfind(lf)
            if lf_start < 0:
                continue
            lf_start += s0
            if fold(lf) in generic or fold(acr) in generic or fold(acr.rstrip("s")) in generic or \
                    _family_phrase(lf) or (
                lf == lf.lower() and not _named_lower(lf, gaz)
            ):
                generic_acr.add(acr)
                generic_acr.add(acr.rstrip("s"))
                continue
            defined[acr] = lf
            c = _Cand(lf_start, lf_start + len(lf), lf, lf, "", 0.8, "acronym_definition")
            c.alias = acr
            c.long_form = True
            cands.append(c)
            a0 = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
            ca = _Cand(a0, a0 + len(acr), acr, acr, "", 0.8, "acronym_definition")
            cands.append(ca)
        elif " " in inner and 0 < a and not inner[0].islower():
            # "ACR (Long Form)": the word before the bracket is the acronym.
            pm = re.search(r"([A-Za-z][\w\-]{1,11})\s*$", text[s0:a])
            if pm and is_acronym(pm.group(1)):
                acr = pm.group(1)
                lf = _schwartz_hearst(acr, inner)
                if lf and lf == inner.strip() and fold(lf) not in generic:
                    defined[acr] = lf
                    ls = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
                    c = _Cand(ls, ls + len(inner), inner, inner, "", 0.8, "acronym_definition")
                    c.alias = acr
                    c.long_form = True
                    cands.append(c)

    # 3. LaTeX residue names: $\mathcal{B}$-Coder, \GitChameleon{}.
    if "\\" in text:
        for m in _LATEX_NAME.finditer(text):
            name = (m.group(1) + m.group(2)) if m.group(1) else m.group(3)
            c = _Cand(m.start(), m.end(), m.group(), name, "", 0.75, "latex_name")
            cands.append(c)

    # 4. Runs of capitalised / coined words.
    for a, surface in _runs(text):
        if surface in not_names and not text.startswith(_HEAD_WORDS_AFTER, a + len(surface)):
            continue  # a lone non-name word, unless "our Singlish benchmark"
        b = a + len(surface)
        # trim trailing punctuation inside the run
        stripped = surface.rstrip(".'’-+") if not surface.endswith("+") else surface
        if surface.endswith("+"):
            stripped = surface.rstrip(".'’-")
        if stripped.endswith(("'s", "’s")):
            stripped = stripped[:-2]
        b = a + len(stripped)
        if b <= a or in_url(a):
            continue
        words = stripped.split(" ")
        offs = []
        pos = a
        for w in words:
            offs.append(pos)
            pos += len(w) + 1
        in_title = a < title_end
        if fold(stripped) in generic or _YEAR_AFTER.match(text, b) or (
            len(words) > 1 and _YEAR_AFTER.match(" " + words[-1])
        ):
            continue  # a generic phrase (Markov Decision Process) or a venue (ICALP 2018)
        if len(words) == 1 and _SUFFIX_ONLY.search(words[0]):
            continue  # "GD-based", "SL-based"
        if len(words) == 1 and not in_title and _word_kind(words[0], generic) == "plain" or (
            len(words) == 1 and len(words[0]) == 1 and words[0].isupper()
        ):
            hm = _HEAD_AFTER.match(text[b:b + 40])
            at_start = a in sent_starts
            if hm and not at_start and _head_type(hm.group(1)) in ("BENCHMARK", "DATASET"):
                full = text[a:b + hm.end()].strip()
                c = _Cand(a, a + len(full), full, full, _head_type(hm.group(1)), 0.6,
                          "named_by_head")
                c.strong_type = True
                if len(words[0]) >= 3 and words[0] not in not_names:
                    c.extra = [words[0]]
                cands.append(c)
                continue
        # drop leading function/non-name words
        while words and (words[0] in not_names or fold(words[0]) in generic) and not covered(
            offs[0], offs[0] + len(words[0])
        ):
            words.pop(0)
            offs.pop(0)
        # drop trailing generic words (Code LLMs) and trailing bare numbers not versions
        while words and (fold(words[-1]) in generic or (words[-1] in not_names
                                                         and words[-1] not in _HEADISH)):
            words.pop()
            offs.pop()
        if not words:
            continue
        if len(words) > 1 and offs[0] in sent_starts and words[0].endswith(("ing", "ed")) and \
                _word_kind(words[0], generic) == "plain":
            words.pop(0)
            offs.pop(0)
        a = offs[0]
        b = offs[-1] + len(words[-1])
        kinds = [_word_kind(w, generic) for w in words]
        while kinds and kinds[0] == "number":
            words.pop(0)
            offs.pop(0)
            kinds.pop(0)
        if not words:
            continue
        a = offs[0]
        if covered(a, b):
            continue
        at_sent_start = a in sent_starts or (a > 0 and text[a - 1] in "\n")
        has_coined = "coined" in kinds
        if in_title:
            # In a title every word is capitalised: keep only coined words (with versions).
            if not has_coined:
                continue
            i = 0
            while i < len(words):
                if kinds[i] != "coined":
                    i += 1
                    continue
                j = i + 1
                while j < len(words) and (kinds[j] == "number" and _VERSION_TAIL.match(words[j])):
                    j += 1
                w_surface = text[offs[i]:offs[j - 1] + len(words[j - 1])].rstrip("'’.,")
                if fold(w_surface) not in generic and w_surface not in not_names and not (
                    w_surface.endswith("s") and fold(w_surface[:-1]) in generic
                ):
                    cands.append(_Cand(offs[i], offs[i] + len(w_surface), w_surface, w_surface,
                                       "", 0.7, "coined_name"))
                i = j
            continue
        if len(words) == 1:
            w = words[0]
            kind = kinds[0]
            if kind == "coined":
                if w in generic_acr or fold(w) in generic or len(w) < 2 or (
                    w[-1] == "s" and fold(w[:-1]) in generic
                ):
                    continue
                if _SIZE.fullmatch(w) or re.fullmatch(r"\d+[A-Za-z]{0,2}", w):
                    continue
                # a bare two-letter acronym (TL, DR, SA) is weak evidence on its own
                conf = 0.45 if len(w) <= 2 and w.isupper() else 0.7
                cands.append(_Cand(a, b, w, w, "", conf, "coined_name"))
            elif kind == "plain":
                hm = _HEAD_AFTER.match(text[b:b + 40])
                if hm and not at_sent_start and _head_type(hm.group(1)) in ("BENCHMARK",
                                                                            "DATASET"):
                    full = text[a:b + hm.end()].strip()
                    c = _Cand(a, a + len(full), full, full, _head_type(hm.group(1)), 0.6,
                              "named_by_head")
                    c.strong_type = True
                    cands.append(c)
                    continue
                if at_sent_start or w in not_names or len(w) < 2:
                    continue
                if "-" in w and any(fold(x) in generic or fold(x.rstrip("s")) in generic
                                    for x in w.split("-")):
                    continue
                if w.isupper() and len(w) == 1:
                    continue
                c = _Cand(a, b, w, w, "", 0.35, "capitalised_word")
                cands.append(c)
            continue
        # multi-word run
        if at_sent_start and kinds[0] == "plain" and len(words) == 2 and kinds[1] == "plain":
            # "Dynamic Evaluation improves": two capitalised words at a sentence start.
            conf = 0.45
        else:
            conf = 0.65 if has_coined else 0.55
        if kinds[-1] == "number" and not _VERSION_TAIL.match(words[-1]):
            words = words[:-1]
            if not words:
                continue
            b = offs[len(words) - 1] + len(words[-1])
        surface = text[a:b]
        if fold(surface) in generic or (not has_coined and _family_phrase(surface)):
            continue
        rule = "coined_name" if has_coined else "title_case_phrase"
        # Split runs of several coined names ("GPT-4 Llama-2") into single names.
        if has_coined and all(k == "coined" for k in kinds) and len(words) > 1:
            for w, o in zip(words, offs, strict=False):
                if fold(w) not in generic:
                    cands.append(_Cand(o, o + len(w), w, w, "", 0.7, "coined_name"))
            continue
        cands.append(_Cand(a, b, surface, surface, "", conf, rule))

    # 5b. Tasks named by a pattern: "the task of X", "the problem of X", "a problem called X",
    # "for X tasks", "we study X", "X is the problem of ..." (X a short lower-case noun phrase
    # ending in a task head word, so "the problem of learning a policy" is not a task).
    # Linear: regexes are tried only at the offsets of their literal key words.
    tp = _positions(text, ("task", "problem"))
    for g, raw, a in _task_cue_matches(text, tp):
        if in_url(a):
            continue
        if g == 2:  # "for value prediction for downstream tasks": the words before "tasks"
            ws = raw.split()
            k = max((i for i, w in enumerate(ws) if w in _TASK_STOP), default=-1)
            if k >= 0:
                cut = " ".join(ws[k + 1:])
                a += len(raw) - len(cut)
                raw = cut
        phrase = _task_phrase(raw, generic, require_head=True)
        if phrase is None:
            continue
        a += raw.find(phrase)
        c = _Cand(a, a + len(phrase), phrase, phrase, "TASK", 0.6, "task_pattern")
        c.strong_type = True
        cands.append(c)
    for a, b in _task_defined_matches(text, tp):
        phrase = text[a:b]
        if fold(phrase) in generic or len(phrase.split()) > 4:
            continue
        if not (a in sent_starts or a == title_end + 1):
            continue
        c = _Cand(a, b, phrase, phrase, "TASK", 0.6, "task_pattern")
        c.strong_type = True
        cands.append(c)

    # 5c. Lower-case names after explicit naming: "a technique called prequential coding",
    # "a phenomenon termed reward hacking" (a method, or a task by its head word).
    for pos in _positions(text, _NAMING_WORDS):
        if pos > 0 and (text[pos - 1].isalnum() or text.endswith(("so-", "so "), 0, pos)):
            continue
        m = _CALLED_LOWER.match(text, pos)
        if m is not None:
            words = []
            for w in m.group(1).split():
                if w in _TASK_STOP:
                    break
                words.append(w)
            if not words or len(words) > 4 or words[0] in _TASK_ADJ or \
                    words[0] in _QUANTITY_WORDS:
                continue
            phrase = " ".join(words)
            if fold(phrase) in generic or (len(words) == 1 and len(phrase) < 5) or \
                    _family_phrase(phrase):
                continue
            if not re.match(r"\s*(?:[,.;:(]|$)", text[m.start(1) + len(phrase):
                                                         m.start(1) + len(phrase) + 2]):
                continue  # "called greedy search over trees": the name may go on
            a = m.start(1)
            last = words[-1]
            type_ = "TASK" if last in _TASK_PATTERN_HEADS and last not in (
                "learning", "estimation", "control", "compression") and len(words) > 1 \
                else "METHOD"
            if re.search(r"\b(?:problem|task|phenomenon|setting|challenge)s?\s*,?\s*$",
                         text[max(0, m.start() - 25):m.start()]):
                type_ = "TASK"  # "a problem called set disjointness"
            c = _Cand(a, a + len(phrase), phrase, phrase, type_, 0.6, "called_lower")
            c.strong_type = type_ == "TASK"
            cands.append(c)

    # 5. Metrics written as name@k.
    if "@" in text:
        for m in _METRIC_AT.finditer(text):
            if in_url(m.start()):
                continue
            c = _Cand(m.start(1), m.end(1), m.group(1), m.group(1), "METRIC", 0.9, "metric_at_k")
            c.strong_type = True
            cands.append(c)

    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    # Drop candidates nested inside a longer accepted one at the same position (keep gazetteer
    # hits and long forms, which carry their own evidence).
    kept: list[_Cand] = []
    for c in cands:
        if kept:
            p = kept[-1]
            if c.start < p.end:
                if c.end <= p.end and not (c.long_form or c.rule == "acronym_definition"):
                    if p.rule == "gazetteer" or c.rule != "gazetteer":
                        continue
                    if p.start < c.start and not p.long_form:
                        continue  # "Diverse Beam Search": a longer name around a known one
                if c.rule == "gazetteer" and p.rule != "gazetteer" and not p.long_form:
                    kept[-1] = c
                    continue
                if p.long_form and c.start >= p.start and c.end <= p.end:
                    continue
        kept.append(c)
    cands = kept

    # 6. Context: head nouns after, lists, intro cues, evaluation context.
    head_pos = _positions(text, _LIST_HEAD_STEMS)
    n = len(cands)
    for i, c in enumerate(cands):
        after = text[c.end:c.end + 40]
        hm = _HEAD_AFTER.match(after)
        if hm:
            head = hm.group(1)
            htype = _head_type(head)
            if htype in ("BENCHMARK", "DATASET"):
                if not c.strong_type or c.type in ("DATASET", "BENCHMARK"):
                    c.type = htype
                    c.strong_type = True
                c.conf = max(c.conf, 0.75)
                # "our Singlish benchmark": a plain word becomes a name only with its head
                if c.rule == "capitalised_word" or len(c.name) <= 2:
                    c.name = text[c.start:c.end + hm.end()].strip()
                    c.surface = c.name
                    c.end = c.start + len(c.name)
                c.evaluated = htype == "BENCHMARK" or c.evaluated
                # Apply to the list before: "on GSM8K, MathQA, and SVAMP datasets".
                j = i - 1
                while j >= 0:
                    gap = text[cands[j].end:cands[j + 1].start]
                    if not _LIST_SEP.match(gap):
                        break
                    p = cands[j]
                    if not p.strong_type:
                        p.type = htype
                        p.strong_type = True
                    p.conf = max(p.conf, 0.75)
                    j -= 1
            elif htype == "MODEL" and c.rule != "gazetteer" and not c.strong_type:
                if c.rule in ("coined_name", "latex_name", "capitalised_word"):
                    c.type = "MODEL"
                    c.conf = max(c.conf, 0.6)
            elif htype == "METHOD" and not c.strong_type:
                c.type = "METHOD"
                c.conf = max(c.conf, 0.6)
        # "the datasets, SCAN, COGS, and GeoQuery": a head noun before a list
        if not c.strong_type and _near(head_pos, c.start - 40, c.start):
            lb = _LIST_HEAD_BEFORE.search(text, max(0, c.start - 40), c.start)
            if lb and lb.group(0).rstrip().endswith(",") and not (
                i + 1 < n and _LIST_SEP.match(text[c.end:cands[i + 1].start])
            ):
                lb = None  # "On the Atari benchmarks, SRSCC improves": not a list
            if lb:
                htype = _head_type(lb.group(1))
                c.type, c.strong_type = htype, True
                c.conf = max(c.conf, 0.7)
                j = i + 1
                while j < n and _LIST_SEP.match(text[cands[j - 1].end:cands[j].start]):
                    if not cands[j].strong_type:
                        cands[j].type, cands[j].strong_type = htype, True
                        cands[j].conf = max(cands[j].conf, 0.7)
                    j += 1
        # appositive: "X, a new benchmark ..."
        ap = _APPOSITIVE.match(text, c.end, c.end + 90) if "," in after[:25] else None
        if ap:
            head = ap.group(2)
            if not c.strong_type and head not in ("family", "collection"):
                c.type = _head_type(head)
            if c.start > title_end and _NEW_WORDS.search(ap.group(1)):
                c.intro = True
                c.conf = max(c.conf, 0.7)

    # lists around a known dataset/benchmark: "on CIFAR-100, miniImageNet and CUB-200"
    for i in range(n - 1):
        a_, b_ = cands[i], cands[i + 1]
        if not _LIST_SEP.match(text[a_.end:b_.start]):
            continue
        for src, dst in ((a_, b_), (b_, a_)):
            if (src.strong_type and src.type in ("DATASET", "BENCHMARK") and not dst.strong_type
                    and not dst.type and dst.rule in ("coined_name", "gazetteer_variant")
                    and _type_by_shape(dst.name, gaz) is None):
                dst.type = src.type
    # "evaluated on X": an untyped coined name after "on" in an evaluation sentence
    for c in cands:
        if c.type or c.strong_type or c.rule != "coined_name" or c.start <= title_end:
            continue
        if _ON_BEFORE.search(text, max(0, c.start - 12), c.start) and \
                _type_by_shape(c.name, gaz) is None:
            s0, s1 = sentence_of(text, sents, c.start)
            if _EVAL_CONTEXT.search(text, s0, s1):
                c.type = "DATASET"

    # intro cues: the first candidate after a cue in the same sentence
    cue_pos = _cue_positions(text)
    for i, c in enumerate(cands):
        if c.start <= title_end:
            continue
        s0, _ = sentence_of(text, sents, c.start)
        before = text[max(s0, c.start - 120):c.start]
        # "an algorithm, called TRPO", "a method we call X", "dubbed X": explicit naming in a
        # sentence whose subject is the paper (we/our/this paper); never "so-called X"
        tail = before[-40:]
        if ("call" in tail or "name" in tail or "dub" in tail or "term" in tail or "coin" in tail
                ) and _CALLED_BEFORE.search(tail) and c.type not in ("TASK", "METRIC") and \
                text[c.end:c.end + 1] not in ("*", "+", "-", "'") and \
                _naming_by_paper(text, s0, c.start):
            c.intro = True
            c.conf = max(c.conf, 0.75)
            hm = _HEAD_BEFORE_CALLED.search(before[-60:])
            if hm and not c.strong_type:
                c.type = _head_type(hm.group(1))
            continue
        # "on two new benchmarks, MBPP and MathQA-Python": a list after "new <head>s,"
        tail = before[-80:]
        nl = _NEW_LIST_BEFORE.search(tail) if ("new " in tail or "novel " in tail) else None
        if nl and c.type not in ("TASK", "METRIC"):
            j = i
            htype = _head_type(re.search(r"(\w+?)s?\s*(?:,|:|\(|namely)", nl.group()).group(1))
            while True:
                if not cands[j].strong_type and htype != "METHOD":
                    cands[j].type = htype
                cands[j].intro = True
                cands[j].conf = max(cands[j].conf, 0.75)
                if j + 1 < n and _LIST_SEP.match(text[cands[j].end:cands[j + 1].start]):
                    j += 1
                    continue
                break
            continue
        if c.rule != "gazetteer" and before.endswith(("a ", "an ")) and _INCLUDES.search(before):
            c.intro = True
            c.conf = max(c.conf, 0.7)
            continue
        lo = max(s0, c.start - 120)
        k = bisect_right(cue_pos, c.start - 1) - 1
        if k < 0 or cue_pos[k] < lo:
            continue  # no cue stem (propose, introduce, our, ...) before it in the sentence
        if cue_pos[k] >= c.start - 60 and _OUR.search(before[-60:]) and c.rule != "gazetteer":
            c.intro = True
            c.conf = max(c.conf, 0.7)
            continue
        im = _INTRO.search(before)
        if im is None:
            continue
        gap = im.group(1)
        if re.match(r"(?:called|named|dubbed|termed|coined|coin|denoted)\b", im.group()) and \
                not _naming_by_paper(text, s0, c.start):
            continue  # "a principle called Occam's razor": naming something known
        if _INTRO_GAP_BLOCK.search(gap) and not re.search(
            r"\b(?:called|named|dubbed|termed|coined)\s*[\"'“]?\s*$", gap
        ):
            continue
        if not _INTRO_GAP_OK.match(gap):
            continue
        # no other candidate between cue and this one
        cue_end = c.start - len(gap)
        if i > 0 and cands[i - 1].end > cue_end and cands[i - 1].start >= cue_end - 1:
            continue
        whole_object = re.match(r"\s*(?:[,.;:(]|$)", text[c.end:c.end + 3]) is not None
        if c.rule == "gazetteer" and not (
            # "introduces StarCoder2.": the name alone is the object of the intro verb
            not gap.strip() and whole_object and c.type not in ("TASK", "METRIC")
            and re.search(r"\b(?:introduces?|presents?|releases?|proposes?)\s*$", before)
        ) and not (
            c.type in ("DATASET", "BENCHMARK") and (
                _NEW_WORDS.search(gap) or (
                    not gap.strip(" \"'“") or gap.strip().lower() in ("the", "a", "an")
                ) and re.match(r"\s*(?:,\s*an?\b|\(|:)", text[c.end:c.end + 6])
            )
        ):
            # a well-known name after "we propose" is usually a building block or a modifier
            # ("we present an official BEIR leaderboard"): only "a new X" / "X, a ..." count
            continue
        if c.rule == "capitalised_word" and not re.match(r"\s*[,;:(.]", text[c.end:c.end + 3]):
            continue  # "a new Leetcode style dataset": a modifier, not the name
        c.intro = True
        c.conf = max(c.conf, 0.75)
        gm = re.search(r"\b(benchmark|dataset|corpus|model|framework|method|algorithm|suite)s?\b",
                       gap)
        if gm and not c.strong_type:
            c.type = _head_type(gm.group(1))

    # title: "Name: subtitle" introduces Name
    colon = text.find(":", 0, title_end)
    title_intro_keys: set[str] = set()
    if 0 < colon < 80:
        prefix = strip_latex(text[:colon]).strip()
        pw0 = prefix.split()
        first = pw0[0] if pw0 else ""
        if len(pw0) > 1 and _word_kind(first, generic) == "plain" and (
            first.endswith("ing") or first in _TITLE_VERBS
        ) and any(
            _word_kind(w, generic) == "coined" or (
                gaz is not None and canonical_key(w) in gaz.canonical
            ) for w in pw0[1:]
        ):
            prefix = ""  # "Unpacking DPO and PPO: ...", "Revisiting MATH: ...": the object of study
        if prefix and fold(prefix) not in _TITLE_GENERIC and len(prefix.split()) <= 6:
            parts = re.split(r"\s+(?:and|&)\s+|,\s*", prefix)
            abstract_low = text[title_end:].lower()
            intro_keys = set()
            for cc in cands:
                if cc.intro:
                    intro_keys.add(canonical_key(cc.gaz_canon or cc.name))
            for part in parts:
                part = part.strip()
                pws = part.split()
                while len(pws) > 1 and fold(pws[0]) in orgs:
                    pws.pop(0)  # "Tencent Hunyuan3D-1.0": the maker is not part of the name
                part = " ".join(pws)
                if not part or fold(part) in generic or fold(part) in orgs:
                    continue
                known = gaz.canonical.get(canonical_key(part)) if gaz is not None else None
                if known and not (
                    canonical_key(known[1]) in intro_keys or (
                        len(parts) == 1 and _SUBTITLE_HEAD.match(text, colon + 1, title_end)
                    )
                ):
                    continue  # a well-known name in the title needs an explicit introduction
                pwords = part.split()
                coined = any(_word_kind(w, generic) == "coined" for w in pwords)
                if len(pwords) > 4 or any(
                    w[0].islower() and _word_kind(w, generic) != "coined" for w in pwords
                ):
                    continue
                if coined or part.lower() in abstract_low:
                    pkey = canonical_key(part)
                    title_intro_keys.add(pkey)
                    off = text.find(part)
                    if off < 0:
                        off = 0
                    if not any(cc.start == off and cc.end == off + len(part) for cc in cands):
                        c = _Cand(off, off + len(part), text[off:off + len(part)], part, "",
                                  0.8, "title_name")
                        cands.append(c)
                    # "PRISM: A Multi-Modal Generative Foundation Model": the subtitle's head
                    sm = _SUBTITLE_HEAD.match(text, colon + 1, title_end)
                    if sm and len(parts) == 1:
                        htype = _head_type(sm.group(1).split()[-1])
                        for cc in cands:
                            if not (cc.strong_type and cc.rule == "gazetteer") and \
                                    canonical_key(cc.name) == pkey:
                                cc.type, cc.strong_type = htype, True

    # title: "... via Multistage Data Filtering" names the paper's own method
    vm = _TITLE_VIA.search(text, 0, title_end)
    if vm:
        phrase = vm.group(1)
        pw = phrase.split()
        if (fold(phrase) not in generic and not any(fold(w) in generic for w in pw)
                and pw[0] not in not_names):
            key = canonical_key(phrase)
            title_intro_keys.add(key)
            off = vm.start(1)
            if not any(cc.start == off for cc in cands):
                cands.append(_Cand(off, off + len(phrase), phrase, phrase, "", 0.55,
                                   "title_method"))

    # title: "... for LLM-Generated Text Detection" names the task the paper addresses
    fm = _TITLE_FOR.search(text, 0, title_end)
    if fm:
        phrase = fm.group(1).strip()
        low = phrase.lower()
        pw = phrase.split()
        if (2 <= len(pw) <= 5 and fold(phrase) not in generic and pw[0] not in not_names
                and (any(low.endswith(h) or low.endswith(h + "s") for h in _TASK_HEADS)
                     or low.split()[-1] in _TASK_PATTERN_HEADS)
                and not _TASK_STOP & set(low.split())):
            off = fm.start(1)
            c = _Cand(off, off + len(phrase), phrase, phrase, "TASK", 0.6, "title_task")
            c.strong_type = True
            cands.append(c)

    # organisations, projects and licences: "the BigCode project", "an OpenRAIL license",
    # "in partnership with Software Heritage", a listed organisation or a licence shape
    for c in cands:
        if c.rule == "gazetteer" or c.rule == "metric_at_k":
            continue
        near = text[max(0, c.start - 12):c.start]
        nxt = text[c.end + 1:c.end + 2]
        if fold(c.name) in orgs or (c.name[0] in "CAGLBMOR" and _LICENCE.match(c.name)) or (
                    nxt and nxt in "tpcifoluTPCIFOLU" and _ORG_AFTER.match(text, c.end, c.end + 30)
                ) or (
                    ("by " in near or "with " in near or "at " in near or "from " in near)
                    and _ORG_BEFORE.search(text, max(0, c.start - 45), c.start)):
            c.org = True

    # metrics: "pass@1 accuracy" is one metric; "1.19 bits/char" is a unit; a common word that
    # is also a metric (recall, precision, cross-entropy, latency, throughput) counts
    # only near a number or an evaluative word ("cannot recall", "the average cross-entropy of B
    # and A", "a cross-entropy loss" are not evaluation measures)
    drop_metric = set()
    for i, c in enumerate(cands):
        if c.rule != "gazetteer" or c.type != "METRIC":
            continue
        if i > 0 and cands[i - 1].rule == "metric_at_k" and \
                text[cands[i - 1].end:c.start] in (" ", "-"):
            drop_metric.add(i)
        elif "/" in c.surface and re.search(r"\d\s*$", text[max(0, c.start - 8):c.start]):
            drop_metric.add(i)
        elif fold(c.gaz_canon or c.name) in _AMBIGUOUS_METRICS and not _metric_context(text, c):
            drop_metric.add(i)
    if drop_metric:
        cands = [c for i, c in enumerate(cands) if i not in drop_metric]

    # evaluation context for datasets/benchmarks
    eval_sent: dict[int, bool] = {}
    for c in cands:
        s0, s1 = sentence_of(text, sents, c.start)
        ev = eval_sent.get(s0)
        if ev is None:
            ev = eval_sent[s0] = bool(_EVAL_CONTEXT.search(text, s0, s1))
        if ev:
            c.evaluated = True

    return _merge(text, sents, cands, defined, title_intro_keys, gaz, min_conf, max_tasks)


def _finish_type(name: str, surface_forms: list[str], typed: dict, gaz: Gazetteer | None,
                 long_form: str | None, evaluated_ctx: bool) -> str:
    """Choose the type of a merged entity from its evidence."""
    for t in ("METRIC", "BENCHMARK", "DATASET", "MODEL", "TASK", "METHOD"):
        if typed.get(t):
            return t
    for form in [name, *surface_forms]:
        t = _type_by_shape(form, gaz)
        if t:
            return t
    low = (long_form or name).lower()
    if long_form:
        last = low.split()[-1]
        if any(low.endswith(h) for h in _TASK_HEADS) and not any(
            low.endswith(h) for h in ("fine-tuning", "tuning", "training")
        ):
            return "TASK"
        if last in ("metric", "metrics", "score", "distance", "error", "rate", "comparison"):
            return "METRIC"
        if last in ("benchmark", "benchmarks"):
            return "BENCHMARK"
        if last in ("dataset", "datasets", "corpus"):
            return "DATASET"
    return "METHOD"


def _merge(text, sents, cands, defined, title_intro_keys, gaz, min_conf, max_tasks):
    """Group candidates into entities (aliases, acronyms, variants) and decide type and role."""
    gaz_canon_key: dict[str, str] = {}
    for c in cands:
        if c.gaz_canon:
            gaz_canon_key[canonical_key(c.surface)] = canonical_key(c.gaz_canon)
    acr_to_long = {}
    for acr, lf in defined.items():
        k = canonical_key(lf)
        acr_to_long[acr] = gaz_canon_key.get(k, k)
    for acr in list(acr_to_long):
        acr_to_long.setdefault(acr.rstrip("s"), acr_to_long[acr])
    groups: dict[str, dict] = {}
    order: list[str] = []
    org_keys = {canonical_key(c.name) for c in cands if c.org}
    org_keys |= {canonical_key(c.alias) for c in cands if c.org and c.alias}
    for c in cands:
        name = strip_latex(c.name).strip()
        if not c.gaz_canon and (c.org or (org_keys and canonical_key(name) in org_keys)):
            continue
        if len(name) < 2 and not c.long_form:
            continue
        if _BAD_NAME.search(name):
            continue
        key = canonical_key(name)
        if not key:
            continue
        if c.gaz_canon:
            key = canonical_key(c.gaz_canon)
        elif c.surface in acr_to_long and not c.long_form:
            key = acr_to_long[c.surface]
        elif key in gaz_canon_key:
            key = gaz_canon_key[key]
        elif gaz is not None and key in gaz.canonical:
            key = canonical_key(gaz.canonical[key][1])
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"forms": [], "mentions": [], "types": {}, "conf": 0.0,
                               "rules": [], "intro": False, "evaluated": False,
                               "long_form": None, "gaz": None, "acr": None}
            order.append(key)
        if name not in g["forms"]:
            g["forms"].append(name)
        if c.surface != name and c.surface not in g["forms"]:
            g["forms"].append(c.surface)
        for f in c.extra:
            if f not in g["forms"]:
                g["forms"].append(f)
        g["mentions"].append((c.surface, c.start, c.end))
        if c.type:
            weight = 2 if c.strong_type else 1
            g["types"][c.type] = g["types"].get(c.type, 0) + weight
        g["conf"] = max(g["conf"], c.conf)
        if c.rule not in g["rules"]:
            g["rules"].append(c.rule)
        g["intro"] = g["intro"] or c.intro or key in title_intro_keys
        g["evaluated"] = g["evaluated"] or c.evaluated
        if c.long_form:
            g["long_form"] = name
            if c.alias:
                g["acr"] = c.alias
        if c.gaz_canon:
            g["gaz"] = c.gaz_canon
    # an undefined acronym spelled by the capitals of another name here: FA2 <- FlashAttention-2
    caps: dict[str, str] = {}
    for key, g in groups.items():
        name = g["forms"][0]
        if not is_acronym(name) and " " not in name:
            spelled = "".join(ch for ch in name if ch.isupper() or ch.isdigit())
            if len(spelled) >= 2:
                caps.setdefault(spelled, key)
    for key, g in list(groups.items()):
        name = g["forms"][0]
        if g["long_form"] or g["gaz"] or not is_acronym(name) or name not in caps:
            continue
        if caps[name] != key:
            acr_to_long.setdefault(name, caps[name])
    # an acronym whose own candidate landed in another group: fold it into the long form
    for acr, lkey in acr_to_long.items():
        akey = canonical_key(acr)
        if akey != lkey and akey in groups and lkey in groups:
            src, dst = groups.pop(akey), groups[lkey]
            order.remove(akey)
            for f in src["forms"]:
                if f not in dst["forms"]:
                    dst["forms"].append(f)
            dst["mentions"].extend(src["mentions"])
            for t, w in src["types"].items():
                dst["types"][t] = dst["types"].get(t, 0) + w
            dst["conf"] = max(dst["conf"], src["conf"])
            dst["intro"] = dst["intro"] or src["intro"]
            dst["evaluated"] = dst["evaluated"] or src["evaluated"]
            dst["rules"].extend(r for r in src["rules"] if r not in dst["rules"])
            for k in ("long_form", "acr", "gaz"):
                dst[k] = dst[k] or src[k]
    out = []
    for key in order:
        g = groups.get(key)
        if g is None:
            continue
        forms = g["forms"]
        name = g["long_form"] or g["gaz"] if (g["long_form"] or g["gaz"]) else forms[0]
        if g["gaz"] and g["long_form"]:
            name = g["long_form"]
        if g["gaz"] and not g["long_form"]:
            # prefer what the text wrote over the gazetteer spelling
            name = forms[0]
        typed = {}
        if g["types"]:
            best = max(g["types"].items(), key=lambda kv: kv[1])[0]
            typed[best] = True
        type_ = _finish_type(name, forms, typed, gaz, g["long_form"], g["evaluated"])
        conf = g["conf"]
        n_m = len(g["mentions"])
        if n_m > 1 and g["rules"] != ["capitalised_word"]:
            conf = min(1.0, conf + 0.1 * min(n_m - 1, 3))
        if g["intro"]:
            conf = max(conf, 0.75)
        if g["long_form"] and g["acr"]:
            conf = max(conf, 0.8)
        if conf < min_conf:
            continue
        aliases = [f for f in forms if f != name]
        mentions = []
        seen = set()
        for surface, a, b in sorted(g["mentions"], key=lambda m: m[1]):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            mentions.append((surface, a, b, evidence(text, sents, a, b)))
        out.append({
            "name": name, "type": type_, "role": "introduced" if g["intro"] else "used",
            "aliases": aliases, "mentions": mentions, "confidence": round(conf, 3),
            "extractor": "+".join(g["rules"]), "evaluated": bool(g["evaluated"]),
            "key": key, "acronym": g["acr"], "long_form": bool(g["long_form"]),
        })
    task_ix = [i for i, e in enumerate(out) if e["type"] == "TASK"]
    if len(task_ix) > max_tasks:
        # keep the tasks the paper is about: named in the title first, then most mentioned
        title_end = text.find("\n") if "\n" in text else len(text)
        rank = sorted(task_ix, key=lambda i: (
            -any(m[1] < title_end for m in out[i]["mentions"]), -len(out[i]["mentions"]), i))
        drop = set(rank[max_tasks:])
        out = [e for i, e in enumerate(out) if i not in drop]
    return out
