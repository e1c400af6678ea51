"""Family: roles: which names this paper introduces. Intro cues before a name ("we propose X",
"our approach, X", "an algorithm, called X", "two new benchmarks, A and B", "the framework
includes a X"), a title "Name: subtitle" and a title "... via Name"."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from paperkg.extractors.canonical import canonical_key, fold, is_acronym, strip_latex
from paperkg.extractors.rules.base import (
    CITED,
    LIST_SEP,
    Cand,
    Context,
    family_phrase,
    head_alternation,
    head_type,
    heads,
    positions,
    word_kind,
    word_set,
    words,
)
from paperkg.extractors.rules.naming import naming_by_paper, older_named
from paperkg.extractors.words import alternation, head_forms

_NAMING_VERB = re.compile(r"(?:called|named|dubbed|termed|coined|coin|denoted)\b")
_LOWER_WORD_AFTER = re.compile(r"[\s\-]+[a-z]{3,}\b(?!\s+(?:by|to|the|a|an|of|on|in)\b)")
_WORD_AFTER_HEAD = re.compile(r"[\s\-]+([a-z]+)\b")
_HEAD_THEN_SHORT = re.compile(r"[\s\-]+[a-z]+\s*\(")
_OBJECT_END = re.compile(r"\s*(?:[,.;:(]|$)")
# the paper's intro verb (and "by constructing X", ", creating the X family": a means clause that
# builds the name; not "typically developing", "a building block", "building on X")
# (The word boundary that opens all but the "," branch is tested once, before them: each branch
# that opens with it was a separate try at every offset of the search.)
_MEANS_VERB = (r"\s+(?:develop|design|build|construct|curat|creat)ing\b"
               r"(?!\s+(?:on|upon)\b)")
_INTRO = re.compile(
    r"(?:\b(?:(?:we|We|paper|work|study|report)\s+(?:\w+\s+){0,2}?(?:propose|introduce|present|"
    r"release|develop|design|build|construct|curate|create|devise|contribute|open-source|establish|"
    r"call|name|term|dub)(?:s|d|ed)?\b|(?:called|named|dubbed|termed|coined|"
    r"coin|denoted)\b|(?:introduc|propos|present)(?:e|es|ed|ing)\b|(?:by|with)" + _MEANS_VERB
    + r"|(?:the|our)\s+proposed)|," + _MEANS_VERB + r")([^.;!?]*)$"
)
_OUR_MODS = (r"(?:(?:newly|new|novel|proposed|own|first|carefully|large-scale|overall|final|full|"
             r"complete|resulting|(?!(?:re-?implemented|reproduced|replicated|retrained)\s)"
             r"[a-z]+ed)\s+){0,3}")  # "our reproduced FixMatch" is somebody else's
_OUR = re.compile(
    rf"\b[Oo]ur\s+{_OUR_MODS}$|\b[Oo]ur\s+{_OUR_MODS}"
    rf"(?:[\w\-]+\s+)?(?:{head_alternation('our')})\s*(?:is|,|:)?\s*(?:the\s+|a\s+|an\s+)?$"
)
# "Our models, SDNet for image SOD and ...", "our smaller models, EXAONE Deep 2.4B and 7.8B"
_OUR_PLURAL = re.compile(
    rf"\b[Oo]ur\s+(?:[\w\-]+\s+)?(?:{'|'.join(h.plural for h in heads() if 'our' in h.contexts)})"
    r"\s*,\s*$"
)
_INTRO_GAP_BLOCK = re.compile(
    r"\b(?:on|of|to|with|in|by|that|which|results?|using|from|over|between|than|against|"
    r"and|both|across|under|into|via|where|when|it|its|their|these|those|for|combining|utili[sz]ing|"
    r"leveraging|including|involving|integrating|incorporating|employing|exploiting|adopting|"
    r"applying|achieves|outperforms|delivers|improves|yields|reduces|surpasses|attains|obtains|"
    r"exhibits|boosts|maintains)\b",  # "the proposed framework delivers superior X": X is
    re.IGNORECASE,                   # what the paper's system does, not what it proposes
)
# the same for lower-cased ASCII text (its literals are lower case: the same matches there)
_INTRO_GAP_BLOCK_LOW = re.compile(_INTRO_GAP_BLOCK.pattern)


def _gap_blocked(gap: str, end: int | None = None) -> bool:
    """Whether _INTRO_GAP_BLOCK is found in gap (before end); an ASCII gap in lower case."""
    if end is None:
        end = len(gap)
    if gap.isascii():
        return _INTRO_GAP_BLOCK_LOW.search(gap.lower(), 0, end) is not None
    return _INTRO_GAP_BLOCK.search(gap, 0, end) is not None
# at most eight words between the intro verb and the name
_INTRO_GAP_OK = re.compile(r"^[\s,:(\"'“]*(?:\(?\w\)\s*)?(?:[\w\-]+[\s,]+){0,8}[\"'“]?$")
# "the recently proposed X", "X, previously introduced by ...": somebody else's
_NOT_OURS_BEFORE = re.compile(
    r"\b(?:recently|previously|originally|widely|commonly|initially|already|been|was|were|"
    r"is|are|popular|prior|existing|earlier|first)[\s\-]+$",  # also "recently-proposed"
    re.IGNORECASE,
)
# "we develop a family of algorithms, X", "a new class of models, X"
_FAMILY_GAP = re.compile(
    r"^\s*(?:a|an)\s+(?:new\s+|novel\s+)?(?:family|class|suite|set|series|collection)\s+of\s+"
    r"(?:[\w\-]+\s+){0,3}[\w\-]+\s*,\s*$"
)
# "we propose a new exact minibatch MH method, TunaMH", "a new actor architecture for KGRL,
# KIAN (...)", "a self-play algorithm---VI-ULCB": the name set beside the noun phrase the
# intro verb governs; what stands inside that phrase (MH, KGRL) only describes it
_APPOSITIVE_GAP = re.compile(
    r"^\s*(?:a|an|the)\s+(?:[\w\-()/]+\s+){0,6}?"
    rf"({'|'.join(h.word for h in heads() if 'appositive' in h.contexts and h.type != '-')})"
    r"(?:\s+(?:for|of|on)\s+(?:[\w\-()/]+\s+){0,4}?[\w\-()/]+)?"
    r"\s*(?:,|--+|\u2014|:|,?\s+(?:called|named|dubbed|termed)(?:\s+as)?)\s*[\"'\u201c]?$"
)
_SET_BESIDE = re.compile(r",|--|\u2014|\b(?:called|named|dubbed|termed)\b")
# "we develop two attack methods: A (A-A) and B (B-B)": a counted list of the paper's things
_COUNTED_LIST = re.compile(
    r"(?:\b(?:propose|introduce|develop|design|devise|build|construct|create|release|"
    r"contribute|curate|define)s?\s+(?:\w+\s+)?(?:two|three|four|five|several)\s+"
    r"|\b(?:two|three|four|five|several)\s+(?:[\w\-]+\s+)?(?:new|novel)\s+)"
    r"(?:[\w\-]+\s+){0,3}?"
    rf"(?:{'|'.join(h.plural for h in heads() if 'new_list' in h.plural_contexts)})"
    r"\s*:\s*(?:\(?(?:1|i|a)\)\s*)?$"
)
# "we introduce two metrics, Decision Margin and Option Frequency": measures the paper counts,
# listed after a comma (other counted heads after a comma reach the intro verb's own rule; it
# leaves measures alone)
_COUNTED_MEASURES_COMMA = re.compile(
    r"\b(?:propose|introduce|present|develop|design|devise|construct|create|contribute|"
    r"define)s?\s+(?:\w+\s+)?(?:two|three|four|five|six|several)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:metrics|measures|scores|indices|indicators)\s*,\s*$"
)
_WE_BEFORE = re.compile(r"\b[Ww]e\s+(?:\w+\s+)?$")  # "we (further) define two ..."
_WE_MEASURES = re.compile(r"\b[Ww]e\s+(?:\w+\s+){1,2}?(?:two|three|four|five|six|several)\s+"
                          r"(?:[\w\-]+\s+){0,3}?(?:metrics|measures|scores|indices|indicators)"
                          r"\s*:\s*$")
_MEASURE_LIST = re.compile(r"\b(?:metrics|measures|indices|scores)\s*:")
# "We introduce the first set of web-scale Time-Continual (TiC) benchmarks for training
# vision-language models: TiC-DataComp, ...": the intro verb's plural object, then its list
# (not "a comprehensive evaluation of five detection models: ...")
_INTRO_PLURAL_LIST = re.compile(
    r"\b(?:introduce|propose|present|release|develop|construct|curate|build|create|design|"
    r"contribute)s?\s+(?:(?:set|suite|family|collection|series)\s+of\s+|"
    r"(?!(?:on|of|with|across|using|from|to|in|by|over|against|via|and)\b)[\w\-()]+\s+){0,10}?"
    rf"(?:{'|'.join(h.plural for h in heads() if 'new_list' in h.plural_contexts)}|techniques|"
    r"strategies|modules|variants|measures|tools|agents)"
    r"(?:\s+(?:for|of)\s+[^:;,.]{0,60})?\s*:\s*$"
)
# "MomentMix employs two augmentation strategies: ForegroundMix and BackgroundMix", "our
# framework consists of three modules: (1) ...": the counted parts of the paper's own system
_PARTS_LIST = re.compile(
    r"\b(?:employs|uses|adopts|comprises|consists\s+of|contains|includes|features|integrates|"
    r"incorporates|introduces|has)\s+(?:\w+\s+)?(two|three|four|five|several|the\s+following)"
    r"\s+(?:[\w\-]+\s+){0,3}?(?:components|modules|stages|techniques|innovations|"
    rf"{'|'.join(h.plural for h in heads() if 'new_list' in h.plural_contexts)})"
    r"\s*(?::|,)\s*(?:\(?(?:1|i|a)\)\s*)?(?:(?:a|an|the)\s+)?$"
)  # "PvNeXt consists of two key modules, the Motion Imitator and the ...": a comma as a colon
# "a framework that enables ... through two key innovations: an Interleaved Think-Act
# architecture that ..., and a ...", "RDBP unites two complementary mechanisms: ReLUDown, a ...":
# the counted parts whatever the verb, when the clause is the paper's own ("the KG from two
# study modules: ..." counts where something comes from)
_COUNTED_PARTS = re.compile(
    r"(?<!from\s)(?<!of\s)(?<!in\s)(?<!on\s)(?<!across\s)(?<!between\s)(?<!among\s)"
    r"\b(two|three|four|five|several)\s+(?:[\w\-]+\s+){0,3}?(?:components|modules|stages|"
    r"innovations|mechanisms|parts|variants)\s*(?::|,)\s*(?:\(?(?:1|i|a)\)\s*)?"
    r"(?:(?:a|an|the)\s+)?$"
)
_COUNT_KEYS = ("two", "three", "four", "five", "several")  # a cheap test before it
# "The framework introduces two lightweight agents: ...": a sentence opening on the paper's
# system, named by its kind alone
_THE_SYSTEM_OPENS = re.compile(r"\s*(?:[Tt]he|[Tt]his)\s+(?:overall\s+|whole\s+|full\s+)?"
                               r"(?:framework|method|approach|model|system|pipeline|architecture|"
                               r"algorithm)\b(?!\s+(?:of|by|in)\b)")
_OURS_SUBJECT = re.compile(r"\b(?:[Oo]ur|[Tt]he\s+proposed|[Tt]his\s+(?:framework|method|approach|"
                           r"model|system|pipeline|architecture|algorithm))\b")
# "drift through three safeguards: (i) the Goal Drift Index (GDI), a learned detector ...; (ii)
# ...", "two key innovations: (1) Residual Slim ViT (Reslim), ...; and (2) TILES, ...": the
# enumerated items of a counted list, whatever stands between them
_ENUM_BEFORE = re.compile(r"(?:\(\s*|(?<=[\s,;:]))(?:[ivx]+|\d|[a-e])\s*\)\s*"
                          r"(?:(?:[Aa]|[Aa]n|[Tt]he)\s+)?"
                          r"(?:[a-z][\w\-]*\s+){0,2}$")
# an enumerated item past the first opening its sentence: "(2) ", "(iii) The "
_ENUM_OPENS = re.compile(
    r"\s*\(\s*(?:[2-9]|ii|iii|iv|v|vi|vii|[b-e])\s*\)\s*(?:(?:[Aa]n?|[Tt]he)\s+)?")
# emphasis (or a LaTeX "~" space) between an enumeration mark and its item's name: "(1)~\textbf{",
# "(2) \textit{", "(3) **"
_ITEM_MARKUP = re.compile(
    r"(?<=\))\s*(?:~\s*)?(?:\\(?:textbf|textit|emph|textsc)\s*\{|\*{1,2})\s*$|(?<=\))\s*~\s*$")


def _item_start(text: str, lo: int, start: int) -> int:
    """Where the enumerated item of a name at start begins: right after its mark's ")" when
    only emphasis stands between them, else start."""
    m = _ITEM_MARKUP.search(text, max(lo, start - 16), start)
    return m.start() if m else start


_OVERVIEW_TITLE = re.compile(r"\b(?:[Ss]urvey|[Rr]eview|[Oo]verview|[Tt]utorial|[Pp]rimer)\b")
_COUNTED_COLON = re.compile(r"\b(?:two|three|four|five|six|several)\s+(?:[\w\-]+\s+){0,3}"
                            r"[a-z][\w\-]*s(?:\s+(?:in|of|for)\s+[\w\-]+)?\s*:")
# between two items of a list, past the first one's short form: " (BAL-A) and ", ", (2) "
_ITEM_SEP = re.compile(
    r"(?:\s*\([^()]{1,24}\))?\s*(?:,\s*(?:and\s+|or\s+)?|;\s*(?:and\s+)?|\s+(?:and|or|&)\s+)"
    r"(?:\(?(?:\d|[ivx]+|[a-e])\)\s*)?$"
)
# "The proposed method is evaluated on three public datasets, namely A, B and C": what the
# paper's system is tested on, named after "namely", is somebody else's (unless new: "and a
# newly collected dataset, namely X")
_EVALUATED_ON_BEFORE = re.compile(
    r"\b(?:evaluated|tested|validated|benchmarked|assessed|experimented)\s+(?:on|using|with|"
    r"across|over)\b(?![^.;]*\b(?:new|newly|novel|our|own)\b)")
# "namely X", "namely, X" (a comma after it too), "i.e., X"
_NAMELY_BEFORE = re.compile(r"(?:,\s*|\s+)(?:namely|i\.e\.),?\s*$")
_EMPHASIS_OPEN = re.compile(
    r"\\(?:textbf|textit|emph|textsc|texttt|mathbf|mathrm|underline|em|bf|it|sc)\b\s*\{?|[{*`]+")
_MODIFIER_THEN_HEAD = re.compile(
    rf"[\w\s\-]*\b(?:{head_alternation('intro')})\s*,?\s*$"
)
_INTRO_HEAD = re.compile(rf"\b({head_alternation('intro')})\b")
_NEW_WORDS = re.compile(r"\b(?:new|novel|first|our)\b")
_CALLED_BEFORE = re.compile(
    r"(?<!so-)(?<!so )\b(?:called|named|dubbed|termed|coined|(?:we|We)\s+(?:call|name|term|dub))"
    r"(?:\s+as)?\s*[\"'“]?\s*$"
)
# "The simulator, called ARCANA", "an instance of this approach, called CYANEA", "and name it
# ProteinINR", "denoted as AMServ": a capitalised name given here with no we/our/new in the
# clause is still the paper's own, unless the sentence cites or says it is older
_NAMED_HERE = re.compile(
    r"(?<!so-)(?<!so )(?<!here )(?<!often )(?<!also )(?<!sometimes )(?<!commonly )"
    r"\b(?:called|named|dubbed|termed|denoted\s+(?:as|by)|referred\s+to\s+as|"
    r"(?:name|call|term|dub)\s+it)\s+(?:the\s+)?[\"'“]?\s*$"
)
_NAMED_HERE_END = re.compile(r"[\"'”]?(?:\s*[,.;:(]|\s+(?:is|are|was|has|to|that|which|for|and|"
                             r"with)\b)")
# "a principle called Occam's razor", "a phenomenon termed attention stealing": an idea named,
# not a thing the paper builds
_IDEA_BEFORE = re.compile(
    r"\b(?:principle|phenomen(?:on|a)|effect|law|theorem|conjecture|hypothesis|paradox|problem|"
    r"property|condition|notion|concept|practice|fact|quantity|parameter|coefficient|assumption|"
    r"regime|issue|bias|setting|challenge|task)s?\s*,?\s*(?:here\s+|often\s+|also\s+)?"
    r"(?:called|named|dubbed|termed|denoted|referred)\b")
_OLDER = re.compile(r"\b(?:previously|recently|originally|widely|commonly|known|popular|prior|"
                    r"existing|earlier|classical|standard|conventional|well-known)\b",
                    re.IGNORECASE)


# "a dynamic domain generator (DDG) module is proposed to ...", "the Hybrid Atomic-Least-Squares
# (HALS) algorithm is designed", "A and B are further proposed": a name the passive introduces;
# not "is introduced into the backbone", "was proposed by Smith", "is designed for static graphs"
_PASSIVE_INTRO = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:\s+(?:"
    + alternation({*word_set("part_heads"), *head_forms("intro")})
    + r"))?\s+(?:is|are)\s+(?:(?:further|then|also|first|"
    r"additionally|newly|thus|hence|therefore|subsequently)\s+)?(?:proposed|introduced|designed|"
    r"devised|developed|presented|constructed)\b(?!\s+(?:in|by|into|for|as|with|on|using|from)\b)"
)
# the name opens its clause: after an article (not "of the"; a few modifiers, not "a modified
# X": X is older), a sentence start, a comma or an "and" joining it to the one before
_PASSIVE_SUBJECT = re.compile(
    r"(?:^|[.;:!?]\s*|,\s*|\band\s+|(?<!of )(?<!on )(?<!in )(?<!to )(?<!by )(?<!for )(?<!with )"
    r"(?<!from )(?<!using )(?<!than )\b(?:[Aa]n?|[Tt]he)\s+"
    r"(?:(?!(?:of|on|with|for|in|from|by|to|based|using|and|or|than|modified|improved|enhanced|"
    r"extended|adapted|customi[sz]ed|revised)\s)[\w\-]+\s+){0,3}?)$"
)


# "The first stage, TR-Engine, synthesizes ...", "The first module, the Nodule Spotter, ...",
# "The second stage is a frame-wise Gaussian Rendering Range Control (RCC)": a part of the
# paper's system, set out by its place among the parts
_ORDINAL_PART = re.compile(
    r"(?:^|[.;:]\s*)[Tt]he\s+(?:first|second|third|fourth|fifth|final|last|former|latter)\s+"
    r"(?:[\w\-]+\s+)?(?:stage|module|component|step|phase|branch|block|part|network|"
    r"mechanism|model|strategy|technique|contribution|innovation|unit|layer|loss|approach)"
    r"\s*(?:,\s*|\s+is\s+|-{2,3}\s*|\u2014\s*)(?:an?\s+|the\s+)?(?:[a-z][\w\-]*\s+){0,2}?$"
)


_ORDINAL_KEYS = ("first ", "second ", "third ", "fourth ", "fifth ", "final ", "last ", "former ",
                 "latter ")  # a cheap test before it
# the name ends its phrase: punctuation, a relative or a verb in -s ("TR-Engine synthesizes"),
# not a noun it modifies ("a dual-branch HNSW structure")
_PART_NAME_END = re.compile(r"\s*(?:[,.;:(]|-{2,3}|\u2014)|\s+(?:that|which|is|are|to|for|with|at|"
                            r"via|in|on|by|and|[a-z]+s)\b")


def _passive_subject_ok(ctx: Context, c: Cand) -> bool:
    """Whether a candidate may be a name a passive introduces: not a known name, a task or a
    measure, and capitalised or set out with its acronym."""
    return c.type not in ("TASK", "METRIC") and "gazetteer" not in c.rule and \
        c.gaz_canon is None and not c.org and (
            c.surface[:1].isupper() or ctx.text.startswith(" (", c.end)) and not (
            ctx.gaz is not None and canonical_key(c.name) in ctx.gaz.canonical)


def _passive_intro(ctx: Context, c: Cand, s0: int, before: str) -> bool:
    """Whether the name opens a clause whose verb introduces it ("the X (XA) algorithm is
    designed to ...")."""
    after = ctx.text[c.end:c.end + 80]
    if not (" is " in after or " are " in after):
        return False
    if not _passive_subject_ok(ctx, c) or _PASSIVE_INTRO.match(ctx.text, c.end) is None or \
            _PASSIVE_SUBJECT.search(before[-70:]) is None:
        return False
    _, s1 = ctx.sentence(c.start)
    return not CITED.search(ctx.text, s0, s1)


def _system_head_after(text: str, at: int) -> bool:
    """Whether the word after `at` is the head noun of a thing a paper builds ("method")."""
    m = _WORD_AFTER_HEAD.match(text, at)
    return m is not None and (m.group(1) in word_set("system_heads") or
                              m.group(1).rstrip("s") in word_set("system_heads"))


def _named_here(ctx: Context, c: Cand, s0: int, before: str) -> bool:
    """Whether a capitalised, unknown name right after a naming word is named by this paper
    though its clause has no we/our/new ("The simulator, called ARCANA, ...")."""
    text = ctx.text
    if not c.surface[:1].isupper() or "gazetteer" in c.rule or c.gaz_canon is not None or \
            c.org or c.type in ("TASK", "METRIC") or not _NAMED_HERE.search(before[-40:]):
        return False
    if ctx.gaz is not None and (canonical_key(c.name) in ctx.gaz.canonical or (
            c.alias and canonical_key(c.alias) in ctx.gaz.canonical)):
        return False  # "a tool called the Singular Value Decomposition (SVD)"
    _, s1 = ctx.sentence(c.start)
    return _NAMED_HERE_END.match(text, c.end) is not None and not CITED.search(
        text, s0, s1) and not _OLDER.search(text, max(s0, c.start - 80), c.start) and \
        not _IDEA_BEFORE.search(text, max(s0, c.start - 60), c.start) and \
        not older_named(text, s0, c.start)


# "a phenomenon we term attention stealing", "which we refer to as function-space empirical
# Bayes", "We define Pragmatic Context Sensitivity (PCS) as ...", "a challenge we define as X":
# the paper's own word for what it found or built, whatever kind of thing it is
_WE_NAME_IT = re.compile(
    r"\b(?:we|We)\s+(?:(?:term|call|dub|coin|define|denote)(?:\s+(?:it|this|them|these))?"
    r"(?:\s+as)?|refer\s+to\s+(?:[\w\-]+\s+){0,5}?as)\s*(?:the\s+|an?\s+)?[\"'\u201c]?\s*$"
)

# the name ends there ("we refer to it as an inductive bias probe": the name is longer)
_NAME_GIVEN_END = re.compile(r"[\"'\u201d}*`]*(?:\s*[,.;:()]|\s*-{2,3}|\s*\u2014|\s*$|\s+(?:as|"
                             r"in|to|which|that|for|and|with|where|when|is|are|was|has)\b)")


# "dubbed as group-class Balanced Greedy Sampling": lower-case modifiers before the name
_CALLED_MODIFIER = re.compile(
    r"(?<!so-)(?<!so )\b(?:called|named|dubbed|termed)(?:\s+as)?\s+(?:[a-z][\w\-]*\s+){1,2}$"
)
_HEAD_BEFORE_CALLED = re.compile(
    rf"\b({head_alternation('called')})\s*,?\s*"
    r"(?:called|named|dubbed|termed|coined|we\s+call)(?:\s+as)?\s*[\"'“]?\s*$"
)
_NEW_LIST_BEFORE = re.compile(
    rf"\b(?:new|novel)\s+(?:[\w\-]+\s+){{0,2}}?({head_alternation('new_list')})"
    r"\s*(?:,|:|\(|namely)\s*(?:namely\s+)?$"
)
_INCLUDES = re.compile(
    rf"\b(?:{head_alternation('includes')})\s+(?:includes|comprises|"
    r"consists\s+of|contains|incorporates|features)\b"
)
_SUBTITLE_HEAD = re.compile(
    r"\s*(?:A|An)\s+(?:(?!(?:in|for|of|to|with|on|from|by|and)\b)[\w\-]+,?\s+){0,6}?"
    rf"({head_alternation('subtitle')})\b(?!-)(?!\s+(?:for\s+)?(?:Evaluation|Training|"
    r"Compression|Selection))",
    re.IGNORECASE,
)
# "EconEvals: Benchmarks and Litmus Tests for ...": a plural head opening the subtitle
_SUBTITLE_PLURAL = re.compile(
    r"\s*(" + "|".join(re.escape(h.plural) for h in heads() if "subtitle" in h.plural_contexts)
    + r")\b", re.IGNORECASE)
# "ScienceBoard: Evaluating Multimodal Agents ...", "TripScore: Benchmarking ...": a name that
# evaluates or benchmarks is a benchmark
_SUBTITLE_EVALUATING = re.compile(r"\s*(?:Evaluating|Benchmarking)\b")


def _subtitle_type(text: str, colon: int, title_end: int) -> tuple[str, bool] | None:
    """The type the subtitle after a title's colon gives the name before it, and whether it
    is only a default (a name already typed keeps its type: "Feature Likelihood Score:
    Evaluating ..." is a measure); None when it gives none."""
    sm = _SUBTITLE_HEAD.match(text, colon + 1, title_end) or _SUBTITLE_PLURAL.match(
        text, colon + 1, title_end)
    if sm:
        t = head_type(sm.group(1))
        return (t, False) if t else None
    if _SUBTITLE_EVALUATING.match(text, colon + 1, title_end):
        return "BENCHMARK", True
    return None


# "... via Noise-Aware Sampling", also before the next title piece ("... via Conditional
# Chain Mapping for Mixture Signals", "... via Noise-Aware Sampling with Normalizing Flows")
_TITLE_VIA = re.compile(
    r"\s(?:via)\s+((?:[A-Z][\w\-]*\s+){1,4}[A-Z][\w\-]*)"
    r"(?=$|\s*:|\s+(?:for|with|on)\s)"
)


# "Our key contribution is a Sliding Window Mamba (SWM) memory module", "Our core technique,
# Noise Transplantation and Cultivation (NTC), ...", "Our approach leverages a novel DyMeshVAE
# architecture": what the paper's own system is built around
_OUR_PART = re.compile(
    r"(?:\b[Oo]ur\s+(?:(?:key|core|main|central|first|second|third|primary|technical)\s+)?"
    r"(?:contribution|innovation|technique|component)s?\s*(?:is|are|,|:)\s*"
    r"(?:(?:a|an|the)\s+)?(?:(?:new|novel)\s+)?"
    r"|\b(?:[Oo]ur|[Tt]he\s+proposed)\s+(?:proposed\s+)?(?:method|approach|framework|model|system|"
    r"pipeline|architecture|algorithm)\s+(?:\w+\s+){0,2}?(?:leverages|introduces|employs|uses|"
    r"adopts|features|incorporates|integrates|utilizes|builds\s+on|relies\s+on|proposes|"
    r"designs|develops)\s+(?:a|an)\s+(?:novel|new)\s+)$"
)
# "Experiments demonstrate that SE-MLP achieves superior accuracy", "we show that A2MAML
# consistently outperforms ...": what the paper's findings credit is the paper's own system
_SHOWN_BEFORE = re.compile(r"\b(?:demonstrate|show|indicate|reveal|confirm|verify)s?\s+that\s+"
                           r"(?:the\s+proposed\s+|our\s+)?$")
_SHOWN_AFTER = re.compile(
    r"\s+(?:(?:consistently|significantly|substantially|also|further|still)\s+)?(?:achieves|"
    r"outperforms|improves|enhances|yields|surpasses|attains|delivers|reaches|generalizes|"
    r"exceeds|matches|reduces|can|is|works|performs|leads|sets|beats)\b")

_MEASURING_TITLE = re.compile(r"\b(?:[Bb]enchmark|[Dd]ataset|[Ee]valuat|[Ss]urvey|[Ss]tudy|"
                              r"[Aa]nalysis|[Cc]omparison|[Ll]eaderboard)")
_COINED_ONE = re.compile(r"[A-Z][\w\-]*[A-Z0-9][\w\-]*$")  # SE-MLP, A2MAML, CogNVS


def _shown_to_work(ctx: Context, c: Cand, s0: int, before: str) -> bool:
    """Whether a coined, unknown name is the subject of the paper's finding that it
    works ("results show that X outperforms ...")."""
    if not _COINED_ONE.match(c.surface) or c.rule == "gazetteer" or c.gaz_canon is not None or \
            c.type in ("TASK", "METRIC") or not _SHOWN_BEFORE.search(before[-60:]) or \
            _SHOWN_AFTER.match(ctx.text, c.end) is None:
        return False
    if _MEASURING_TITLE.search(ctx.text, 0, ctx.title_end):
        return False  # a benchmark or a study reports how other systems do
    if any(lf.alias == c.surface and (lf.surface[:1].islower() or lf.type == "TASK")
           for lf in ctx.cands):
        return False  # "sparse autoencoders (SAEs)": a kind of thing, spelled out lower case
    _, s1 = ctx.sentence(c.start)
    return not CITED.search(ctx.text, s0, s1)


def _counted_by_paper(ctx: Context, cands: list[Cand], i: int, s0: int, at: int,
                      earlier: bool = False) -> bool:
    """Whether the sentence before cands[i] counts things of the paper's own ("we introduce
    three safeguards:", "ORBIT-2 incorporates two key innovations:" in a paper titled
    "ORBIT-2: ..."), or, for an item opening its sentence ("(2) B assigns ..."), a sentence
    before it; not "the old pipeline comprises three components:". The item starts at `at`
    (before any emphasis around its name)."""
    text = ctx.text
    lo = s0
    if _ENUM_OPENS.fullmatch(text, s0, at):
        # "We design three modules in X: (1) A generates .... (2) B assigns ...": an item that
        # opens its sentence continues the counted list of a sentence before
        lo = max(ctx.title_end, s0 - 600)
    starts = [m.start() for m in _COUNTED_COLON.finditer(text, lo, at)]
    if not starts:
        return False
    at = starts[-1]
    s_at = ctx.sentence(at)[0] if at < s0 else s0
    return naming_by_paper(text, s_at, at) or _ours_before(ctx, cands, i, s_at, at, earlier)


# the first mark of an enumeration in a sentence: "(1) ", "(i) ", "1) ", "i) ", "(1)~"
_FIRST_ENUM = re.compile(r"(?:\(\s*|(?<=[\s:,]))(?:1|i|a)\s*\)[\s~]")
_ENUM_RIGHT_BEFORE = re.compile(r"\)\s*(?:(?:[Aa]n?|[Tt]he)\s+)?$")
# a lower-case noun after a name (past its short form), which the name then modifies
_NOUN_AFTER = re.compile(
    r"(?:\s*\([^()]{1,24}\))?[\s\-]+(?!(?:which|that|to|for|with|and|or|at|in|on|of|by|is|are|"
    r"was|were|where|whose|the|an?|via|from|into|as|then|first|also)\b)([a-z]{3,})\b")
# a leading clause that reports what was found or tested, not what the paper builds
_FINDINGS_LEAD = re.compile(r"\b(?:[Ee]xperiments?|evaluat\w*|validat\w*|results?|findings?|"
                            r"shows?|demonstrat\w*|observ\w*|reveal\w*|tasks|datasets|"
                            r"benchmarks|applications|settings)\b")


def _enumerated_by_paper(ctx: Context, cands: list[Cand], i: int, s0: int, at: int,
                         earlier: bool = False) -> bool:
    """Whether cands[i], its item starting at `at`, is an item of an enumeration ("X integrates
    (i) A to ..., (ii) B ...") whose leading clause names the paper's own system or says we /
    our / new."""
    text = ctx.text
    c = cands[i]
    if _ENUM_OPENS.fullmatch(text, s0, at):
        # "... framework: (1) A (AA) at first stage employs .... (2) B (BB) at second stage
        # generates ...": an item opening its sentence continues an enumeration before it
        ms = list(_FIRST_ENUM.finditer(text, max(ctx.title_end, s0 - 600), s0))
        m = ms[-1] if ms else None
        if m is not None:
            s0 = ctx.sentence(m.start())[0]
    else:
        m = _FIRST_ENUM.search(text, s0, c.start)
    if m is None or not _ENUM_RIGHT_BEFORE.search(text, max(s0, at - 16), at):
        return False  # "(a) between MVC, ...": no item's name
    nm = _NOUN_AFTER.match(text, c.end)
    if nm and nm.group(1).rstrip("s") not in word_set("system_heads") and \
            nm.group(1).rstrip("s") not in word_set("part_heads"):
        return False  # "(ii) the VHDL code", "(i) a Concept Erasure (CE) reward": a modifier
    at = m.start()
    if _FINDINGS_LEAD.search(text, s0, at):
        return False  # "Experiments on three tasks validate our theory: (1) Parity ..."
    lead_end = at
    while lead_end > s0 and text[lead_end - 1] in " :":
        lead_end -= 1  # "we introduce a two-stage framework ...: (1) A": naming_by_paper
        # reads only past a colon, so the clause is read up to it
    return naming_by_paper(text, s0, lead_end) or _ours_before(ctx, cands, i, s0, at, earlier)


def _ours_before(ctx: Context, cands: list[Cand], i: int, s0: int, at: int,
                 earlier: bool = False) -> bool:
    """Whether the sentence from s0 to at names the paper's own system: our / the proposed /
    this framework, a name introduced before in it, or the title's "Name:" (or its short
    form); with earlier, also a name introduced in a sentence before or an opening "The
    framework"."""
    text = ctx.text
    if _OURS_SUBJECT.search(text, s0, at) or any(
            cc.intro and s0 <= cc.start < at for cc in cands[:i]):
        return True
    if earlier and _system_named_before(ctx, cands, i, s0, at):
        return True
    colon = text.find(":", 0, ctx.title_end)
    prefix = text[:colon].strip() if 0 < colon < 60 else ""
    if not prefix:
        return False
    # "Embodied Tree of Thoughts: ..." and "EToT formulates ... through two mechanisms:"
    return any(text.find(form, s0, at) >= 0 for form in (
        prefix, *(acr for acr, lf in ctx.defined.items() if lf == prefix)))


def _system_named_before(ctx: Context, cands: list[Cand], i: int, s0: int, at: int) -> bool:
    """Whether the sentence from s0 to at opens on "The framework" (the paper's system named by
    its kind alone) or holds a name the paper introduced in a sentence before ("We propose
    REdit, .... REdit integrates three components: (i) ...")."""
    text = ctx.text
    if _THE_SYSTEM_OPENS.match(text, s0, at):
        return True
    return any(cc.intro and ctx.title_end < cc.start < s0 and len(cc.surface) > 2 and
               _stands_in(text[s0:at], cc.surface) for cc in cands[:i])


def _modifies_after(text: str, end: int) -> bool:
    """Whether a name ending at end only modifies the noun after it ("(3) DWSIM based
    simulator", "a three-field SIMP solver"), not a part word ("the X module") or a verb."""
    nm = _NOUN_AFTER.match(text, end)
    if nm is None:
        return False
    w = nm.group(1)
    return w not in word_set("part_heads") and not (w.endswith("s") and not w.endswith("ss"))


def _set_apart(surface: str) -> bool:
    """Whether a listed part's name is more than a plain description: three words or more, a
    hyphenated word or a coined one ("Dual-Level Protection", not "Data Scoring")."""
    return surface.count(" ") >= 2 or "-" in surface or bool(_COINED_ONE.match(surface))


def _list_after(ctx: Context, i: int) -> list[int]:
    """Indices of the candidates listed from cands[i] on ("A (AA) and B (BB)", "A, B and C",
    "A; (2) B"), past each item's short form in brackets."""
    text, cands = ctx.text, ctx.cands
    out = [i]
    j = i
    while True:
        for k in (j + 1, j + 2):
            if k < len(cands) and 0 < cands[k].start - cands[j].end <= 40 and \
                    _ITEM_SEP.match(text, cands[j].end, cands[k].start):
                out.append(k)
                j = k
                break
        else:
            return out


# "two components: BiasInject, which injects ..., and BiasScope, which ...": the next item
# after the first one's clause
_NEXT_ITEM = re.compile(r"(?:;\s*(?:and\s+)?|,\s*and\s+)(?:\(?(?:\d|[ivx]+|[a-e])\)\s*)?"
                        r"(?:(?:the|an?)\s+)?$")
# "the Motion Imitator and the Single-Step Motion Encoder": an article before the next item
_AND_THE = re.compile(r"(?:\s*\([^()]{1,24}\))?\s*,?\s+and\s+(?:the|an?)\s+")
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
_COUNT_WORD = re.compile(r"\b(two|three|four|five)\b")


def _items_past_clauses(ctx: Context, i: int, count: str) -> list[int]:
    """Indices of the items of a counted parts list past the first, each after a clause that
    describes the one before ("A, which ..., and B"), up to the count and the sentence end."""
    text, cands = ctx.text, ctx.cands
    listed = _list_after(ctx, i)
    want = _COUNTS.get(count, 5) - len(listed)
    _, s1 = ctx.sentence(cands[i].start)
    out: list[int] = []
    j = listed[-1]
    k = j + 1
    while want > 0 and k < len(cands) and cands[k].start < s1:
        if (cands[k].start - cands[j].end <= 250 and _NEXT_ITEM.search(
                text, cands[j].end, cands[k].start)) or _AND_THE.fullmatch(
                text, cands[j].end, cands[k].start):
            out.append(k)
            want -= 1
            j = k
        k += 1
    return out


def _intro_listed(ctx: Context, i: int) -> None:
    """Mark the names listed right after cands[i], which a naming word made the paper's own
    ("variants of SVGD, namely VP-SVGD and GB-SVGD"), as its own too: coined or multi-word,
    not known, no task or measure."""
    for j in _list_after(ctx, i)[1:]:
        cj = ctx.cands[j]
        if cj.type not in ("TASK", "METRIC") and "gazetteer" not in cj.rule and \
                cj.gaz_canon is None and (" " in cj.surface or _COINED_ONE.match(cj.surface)):
            cj.intro = True
            cj.conf = max(cj.conf, 0.7)


def _emphasis_free(gap: str) -> str:
    """The gap without emphasis marks ("\\textbf{", "``")."""
    return _EMPHASIS_OPEN.sub("", gap) if ("\\" in gap or "{" in gap or "*" in gap or
                                           "`" in gap) else gap


def _appositive(gap: str) -> bool:
    """Whether the gap after an intro verb is a noun phrase the name is set beside."""
    m = _APPOSITIVE_GAP.match(gap)
    return m is not None and not _gap_blocked(gap, m.start(1))


# "X (XD), a novel metric that ...": the kind of what the intro verb names, set after it
_MEASURE_AFTER = re.compile(r"(?:\s*\([^()]{1,20}\))?,\s+(?:a|an)\s+(?:[\w\-]+\s+){0,4}?"
                            r"(?:metric|measure|score|index|indicator)s?\b")
_BARE_GAP = re.compile(r"^\s*(?:(?:the|a|an|new|novel)\s+)*$")


def _measure_set_out(ctx: Context, c: Cand, before: str) -> bool:
    """Whether c is the whole object of the paper's intro verb ("we propose the X (XD), a
    metric ..."), with nothing but an article or new / novel between them."""
    im = _INTRO.search(before)
    if im is None or c.rule == "gazetteer" or c.gaz_canon is not None or \
            _NAMING_VERB.match(im.group()) or \
            _NOT_OURS_BEFORE.search(before, max(0, im.start() - 25), im.start()):
        return False
    s0, _ = ctx.sentence(c.start)
    return _BARE_GAP.match(_emphasis_free(im.group(1))) is not None and \
        naming_by_paper(ctx.text, s0, c.start) and not CITED.search(ctx.text, s0, c.start)


@cache
def _made_re() -> re.Pattern:
    """"we compile ", "to train ", "we then generate the ": the paper (or its infinitive)
    making what follows, with a verb of making (data)."""
    verbs = "|".join(re.escape(v) for v in words("intro_make_verbs"))
    return re.compile(rf"\b(?:[Ww]e|to)\s+(?:[a-z]+ly\s+|then\s+|also\s+|further\s+)?"
                      rf"(?:{verbs})(?:s|d|ed)?\s+(?:the\s+)?$")


# "X, a curated dataset of ...", "X - a new benchmark", "X (XX), a series of SVA generation
# models": the name set beside a noun phrase whose head says what it is
_MADE_BESIDE = re.compile(
    r"(?:\s*\([^()]{1,20}\))?\s*(?:,|\s-{1,3}|\u2014)\s*(?:a|an)\s+"
    r"(?:[\w\-]+,?\s+){0,6}?"
    rf"({head_alternation('appositive')})\b(?!-)"
)


def _made_and_described(ctx: Context, c: Cand, s0: int, before: str) -> bool:
    """Whether the paper makes an unknown name with a verb of making and sets it beside what it
    is ("we compile PACD, a curated dataset", "to train UGround, a strong grounding model")."""
    if "gazetteer" in c.rule or c.gaz_canon is not None or c.type in ("TASK", "METRIC") or \
            c.org or not c.surface[:1].isupper() or _MADE_BESIDE.match(ctx.text, c.end) is None \
            or _made_re().search(before[-50:]) is None or _INTRO.search(before) is not None:
        return False  # an intro verb's own rule reads "we develop X, a ..." (and types X)
    if ctx.gaz is not None and canonical_key(c.name) in ctx.gaz.canonical:
        return False
    _, s1 = ctx.sentence(c.start)
    return not CITED.search(ctx.text, s0, s1) and \
        not _OLDER.search(ctx.text, max(s0, c.start - 80), c.start)


@cache
def _second_verb_re() -> re.Pattern:
    """" and analyze ", " and empirically evaluate ": a verb joined to the intro verb by "and"
    (data/words/intro_second_verbs.txt) that leaves the intro verb's object the paper's own."""
    verbs = alternation(words("intro_second_verbs"), r"\s+")
    return re.compile(rf"\s+and\s+(?:[a-z]+ly\s+)?(?:{verbs})(?:s|es|d|ed)?\b")


@cache
def _coordinated_re() -> re.Pattern:
    """A second new thing joined to the intro verb's object, up to the name: ", and a ",
    " alongside a ", " with an " (the joining words are data), a few lower-case words after."""
    joins = alternation(words("intro_coordinators"), r"\s+")
    return re.compile(rf"(?:,\s*|\s+)(?:{joins})\s+(?:a|an)\s+(?:[a-z][\w\-]*\s+){{0,2}}$")


# the object's clause says what is done with something else, not what the paper builds: "a
# method to learn ... approximated with a X (XX)", "alternating between A (AA) and a B (BB)"
_COORDINATED_BLOCK = re.compile(r"\b(?:to|between|from|than|versus|vs)\b|[:;]")


def _coordinated_new(ctx: Context, c: Cand, im: re.Match, gap: str) -> bool:
    """Whether c is a second new thing the paper's own intro verb builds, joined to its object
    and set out with its acronym ("we propose an X (XX) module for ..., and an Image-Text
    Converter (ITC) that ...", "we propose X with a Mask-guided Visual Encoder (MVE)")."""
    if c.alias is None or " " not in c.surface or not c.surface[:1].isupper() or \
            c.type in ("TASK", "METRIC") or "gazetteer" in c.rule or c.gaz_canon is not None or \
            not im.group().startswith(("we ", "We ", "paper ", "work ", "study ")):
        return False
    m = _coordinated_re().search(gap)
    if m is None or _COORDINATED_BLOCK.search(gap, 0, m.start()):
        return False
    if ctx.gaz is not None and canonical_key(c.name) in ctx.gaz.canonical:
        return False  # "... with a Gated Recurrent Unit (GRU) layer": a known building block
    s0, s1 = ctx.sentence(c.start)
    return not CITED.search(ctx.text, s0, s1)


def intro_cues(ctx: Context) -> None:
    """Mark names introduced by a cue before them in their sentence."""
    text, cands = ctx.text, ctx.cands
    n = len(cands)
    cue_pos = positions(text, words("intro_cue_stems"))
    for i, c in enumerate(cands):
        if c.start <= ctx.title_end:
            continue
        s0, _ = ctx.sentence(c.start)
        before = text[max(s0, c.start - 120):c.start]
        # "an algorithm, called TRPO", "a method we call X", "dubbed X": explicit naming in a
        # sentence whose subject is the paper (we/our/this paper); never "so-called X"
        tail = before[-40:]
        called = ("call" in tail or "name" in tail or "dub" in tail or "term" in tail
                  or "coin" in tail) and bool(_CALLED_BEFORE.search(tail)
                                              or _CALLED_MODIFIER.search(tail))
        if called and not c.strong_type and c.type not in ("TASK", "METRIC"):
            # "a synthetic dataset, called X", "a benchmark named X": the data head before the
            # naming word types X, whoever made it
            hm = _HEAD_BEFORE_CALLED.search(before[-60:])
            if hm and head_type(hm.group(1)) in ("DATASET", "BENCHMARK"):
                c.type = head_type(hm.group(1))
        if called and c.type not in ("TASK", "METRIC") and \
                text[c.end:c.end + 1] not in ("*", "+", "-", "'") and \
                naming_by_paper(text, s0, c.start):
            c.intro = True
            c.conf = max(c.conf, 0.75)
            hm = _HEAD_BEFORE_CALLED.search(before[-60:])
            if hm and not c.strong_type:
                c.type = head_type(hm.group(1))
            _intro_listed(ctx, i)  # "algorithms called A, B and C"
            continue
        if ("we " in before or "We " in before) and c.rule != "gazetteer" and \
                c.gaz_canon is None and _WE_NAME_IT.search(_emphasis_free(tail)) and \
                _NAME_GIVEN_END.match(text, c.end) and not CITED.search(text, s0, c.start):
            c.intro = True  # "a phenomenon we term attention stealing"
            c.conf = max(c.conf, 0.7)
            if c.type == "TASK":
                c.stated = "TASK"  # a phenomenon or problem named is no method for being new
            continue
        if ("call" in tail or "name" in tail or "dub" in tail or "term" in tail or "denot" in tail
                or "refer" in tail) and _named_here(ctx, c, s0, before):
            c.intro = True
            c.conf = max(c.conf, 0.7)
            continue
        if any(w in before for w in _ORDINAL_KEYS) and _ORDINAL_PART.search(before[-110:]) and \
                _passive_subject_ok(ctx, c) and (" " in c.surface or _COINED_ONE.match(c.surface)) \
                and _PART_NAME_END.match(text, c.end) \
                and not CITED.search(text, s0, ctx.sentence(c.start)[1]):
            c.intro = True
            c.conf = max(c.conf, 0.7)
            continue
        if _passive_intro(ctx, c, s0, before):
            c.intro = True
            c.conf = max(c.conf, 0.7)
            if i > 0 and text[cands[i - 1].end:c.start] == " and " and \
                    _passive_subject_ok(ctx, cands[i - 1]):
                cands[i - 1].intro = True  # "A and B are further proposed"
                cands[i - 1].conf = max(cands[i - 1].conf, 0.7)
            continue
        # "we propose a generic GNN applicable to both ... graphs, namely Low-Rank Graph Neural
        # Network (LRGNN)": what the paper's clause builds, named after "namely"
        if ("namely" in tail or "i.e." in tail) and _NAMELY_BEFORE.search(tail) and \
                c.type not in ("TASK", "METRIC") and "gazetteer" not in c.rule and \
                c.gaz_canon is None and c.surface[:1].isupper() and \
                naming_by_paper(text, s0, c.start) and \
                not _EVALUATED_ON_BEFORE.search(text, s0, c.start):
            c.intro = True
            c.conf = max(c.conf, 0.7)
            _intro_listed(ctx, i)  # "namely VP-SVGD and GB-SVGD"
            continue
        # "on two new benchmarks, MBPP and MathQA-Python": a list after "new <head>s,"
        tail = before[-80:]
        nl = _NEW_LIST_BEFORE.search(tail) if ("new " in tail or "novel " in tail) else None
        if nl and c.type not in ("TASK", "METRIC"):
            j = i
            htype = head_type(nl.group(1))
            while True:
                if not cands[j].strong_type and htype != "METHOD":
                    cands[j].type = htype
                cands[j].intro = True
                cands[j].conf = max(cands[j].conf, 0.75)
                if j + 1 < n and LIST_SEP.match(text[cands[j].end:cands[j + 1].start]):
                    j += 1
                    continue
                break
            # "two new parallelism strategies: A (SPP) to reduce ..., and B (KVP) to lower ...":
            # the counted items past the first one's clause
            cm = _COUNT_WORD.search(tail, max(0, nl.start() - 16), nl.start())
            for k in _items_past_clauses(ctx, i, cm.group(1)) if cm else ():
                ck = cands[k]
                if ck.type not in ("TASK", "METRIC") and "gazetteer" not in ck.rule and \
                        ck.gaz_canon is None:
                    ck.intro = True
                    ck.conf = max(ck.conf, 0.7)
            continue
        if c.rule != "gazetteer" and before.endswith(("a ", "an ")) and _INCLUDES.search(before):
            c.intro = True
            c.conf = max(c.conf, 0.7)
            continue
        if ":" in tail and c.type != "TASK" and c.rule != "gazetteer" and c.gaz_canon is None:
            lm = _COUNTED_LIST.search(tail) or _INTRO_PLURAL_LIST.search(before)
            # "we define two complementary metrics: A and B": measures the paper counts are new
            skip = ("TASK",) if lm and _MEASURE_LIST.search(lm.group()) else ("TASK", "METRIC")
            if lm and c.type not in skip and (
                    naming_by_paper(text, s0, text.rfind(":", s0, c.start)) or
                    lm.group().startswith("define") and _WE_BEFORE.search(tail, 0, lm.start())
            ) and not CITED.search(text, s0, c.start):
                # "two new parallelism strategies: A (SPP) to reduce ..., and B (KVP) to ...":
                # the items past the first one's clause, up to the count
                cm = _COUNT_WORD.search(lm.group())
                past = _items_past_clauses(ctx, i, cm.group(1)) if cm else []
                for j in _list_after(ctx, i) + past:
                    if cands[j].type not in skip and cands[j].rule != "gazetteer" and (
                            j not in past or cands[j].gaz_canon is None):
                        cands[j].intro = True
                        cands[j].conf = max(cands[j].conf, 0.75)
                continue
        if "," in tail and c.type != "TASK" and c.rule != "gazetteer" and c.gaz_canon is None and \
                any(w in tail for w in _COUNT_KEYS) and _COUNTED_MEASURES_COMMA.search(tail) and \
                naming_by_paper(text, s0, c.start) and not CITED.search(text, s0, c.start):
            # "we introduce two metrics, A and B": the listed names are the paper's measures
            for j in _list_after(ctx, i):
                cj = cands[j]
                if cj.type != "TASK" and cj.rule != "gazetteer" and cj.gaz_canon is None:
                    cj.intro = True
                    cj.conf = max(cj.conf, 0.75)
                    if not cj.strong_type:
                        cj.type = "METRIC"
            continue
        if ":" in tail and c.type != "TASK" and c.rule != "gazetteer" and \
                c.gaz_canon is None and _COINED_ONE.match(c.surface) and \
                _WE_MEASURES.search(tail) and not CITED.search(text, s0, c.start):
            # "We investigate four attention-derived metrics: AUDIORATIO, AUDIOENTROPY, ...":
            # coined, unknown measures the paper counts are its own
            for j in _list_after(ctx, i):
                cj = cands[j]
                if cj.type != "TASK" and cj.rule != "gazetteer" and cj.gaz_canon is None and \
                        _COINED_ONE.match(cj.surface):
                    cj.intro = True
                    cj.conf = max(cj.conf, 0.7)
            continue
        if (":" in tail or "," in tail) and c.type not in ("TASK", "METRIC") and \
                c.rule != "gazetteer" and c.gaz_canon is None:
            pm = _PARTS_LIST.search(tail)
            if pm and not CITED.search(text, s0, c.start):
                verb_at = c.start - len(tail) + pm.start()
                own = _ours_before(ctx, cands, i, s0, verb_at)
                # only parts set apart when the system was named in a sentence before
                weak = not own and _system_named_before(ctx, cands, i, s0, verb_at)
                if own or weak:
                    for j in _list_after(ctx, i) + _items_past_clauses(ctx, i, pm.group(1)):
                        if cands[j].type not in ("TASK", "METRIC") and \
                                cands[j].rule != "gazetteer" and (
                                    " " in cands[j].surface or
                                    _COINED_ONE.match(cands[j].surface)) and not (weak and (
                                        cands[j].gaz_canon is not None or
                                        _modifies_after(text, cands[j].end) or
                                        not _set_apart(cands[j].surface))):
                            # "(1) Profiling, a module ...": a plain word heads a section
                            cands[j].intro = True
                            cands[j].conf = max(cands[j].conf, 0.75)
                    continue
            pm = _COUNTED_PARTS.search(_emphasis_free(tail)) if pm is None and any(
                w in tail for w in _COUNT_KEYS) else None
            if pm and (" " in c.surface or _COINED_ONE.match(c.surface)) and \
                    not CITED.search(text, s0, c.start):
                at = text.rfind(pm.group(1), s0, c.start)
                own = naming_by_paper(text, s0, at) or _ours_before(ctx, cands, i, s0, at)
                weak = not own and _system_named_before(ctx, cands, i, s0, at)
                if own or weak:
                    for j in _list_after(ctx, i) + _items_past_clauses(ctx, i, pm.group(1)):
                        cj = cands[j]
                        if cj.type not in ("TASK", "METRIC") and cj.rule != "gazetteer" and \
                                cj.gaz_canon is None and (
                                    " " in cj.surface or _COINED_ONE.match(cj.surface)) and \
                                not (weak and (_modifies_after(text, cj.end) or
                                               not _set_apart(cj.surface))):
                            cj.intro = True
                            cj.conf = max(cj.conf, 0.7)
                    continue
        if ("ur " in tail or "proposed " in tail) and c.type not in ("TASK", "METRIC") and \
                c.rule != "gazetteer" and c.gaz_canon is None and \
                _OUR_PART.search(_emphasis_free(before[-90:])):
            c.intro = True  # "Our key contribution is a Sliding Window Mamba (SWM) module"
            c.conf = max(c.conf, 0.75)
            continue
        at = _item_start(text, s0, c.start) if ")" in tail else c.start
        if ")" in tail and c.type not in ("TASK", "METRIC") and c.rule != "gazetteer" and \
                c.gaz_canon is None and c.conf >= 0.5 and (
                    " " in c.surface or _COINED_ONE.match(c.surface)) and \
                _ENUM_BEFORE.search(text, max(s0, at - 80), at) and \
                not CITED.search(text, s0, c.start) and \
                not _OVERVIEW_TITLE.search(text, 0, ctx.title_end) and not (
                    ctx.gaz is not None and canonical_key(c.name) in ctx.gaz.canonical) and \
                (_counted_by_paper(ctx, cands, i, s0, at) or
                 _enumerated_by_paper(ctx, cands, i, s0, at) or (
                     _set_apart(c.surface) and not _modifies_after(text, c.end) and (
                         _counted_by_paper(ctx, cands, i, s0, at, True) or
                         _enumerated_by_paper(ctx, cands, i, s0, at, True)))):
            c.intro = True  # "three safeguards: (i) the Goal Drift Index (GDI), a ..."
            c.conf = max(c.conf, 0.75)
            continue
        if (" we " in before or "We " in before or " to " in before) and \
                _made_and_described(ctx, c, s0, before):
            c.intro = True  # "we compile PACD, a curated dataset of ..."
            c.conf = max(c.conf, 0.7)
            if not c.strong_type:
                c.type = head_type(_MADE_BESIDE.match(text, c.end).group(1).lower(), c.type)
            continue
        if "that" in tail and _shown_to_work(ctx, c, s0, before):
            c.intro = True
            c.conf = max(c.conf, 0.7)
            continue
        lo = max(s0, c.start - 120)
        k = bisect_right(cue_pos, c.start - 1) - 1
        if k < 0 or cue_pos[k] < lo:
            continue  # no cue stem (propose, introduce, our, ...) before it in the sentence
        if c.type in ("TASK", "METRIC"):
            if c.type == "METRIC" and _MEASURE_AFTER.match(text, c.end) and \
                    _measure_set_out(ctx, c, before):
                c.intro = True  # "we propose the Quorb Divergence (QD), a metric that ..."
                c.conf = max(c.conf, 0.75)
            continue  # "we propose X for human-like manipulation": tasks and measures are new
            # only when the text says so ("a new task, X"; "a new metric, called X": above)
        if cue_pos[k] >= c.start - 60 and c.rule != "gazetteer" and (
                _OUR.search(_emphasis_free(before[-60:])) or _OUR_PLURAL.search(before[-60:])):
            c.intro = True
            c.conf = max(c.conf, 0.7)
            continue
        im = _INTRO.search(before)
        if im is None:
            continue
        raw_gap = im.group(1)
        # "we propose \textbf{SkyAnchor}", "a novel method, \emph{DP-PMLF}", "we build
        # ``WhyShift``": emphasis around the name is no word between the verb and it
        gap = _emphasis_free(raw_gap)
        if gap.startswith(" and "):
            sv = _second_verb_re().match(gap)
            if sv is not None:
                gap = gap[sv.end():]  # "we design and analyze X": the second verb is no gap word
        if _NAMING_VERB.match(im.group()) and \
                not naming_by_paper(text, s0, c.start):
            continue  # "a principle called Occam's razor": naming something known
        if _NOT_OURS_BEFORE.search(before, max(0, im.start() - 25), im.start()):
            continue  # "the recently proposed X", "methods previously introduced": not ours
        if ("," in gap or "-" in gap or ":" in gap) and _appositive(gap) and \
                c.rule != "gazetteer" and c.gaz_canon is None:
            c.intro = True  # "a new actor architecture for KGRL, KIAN": beside the phrase
            c.conf = max(c.conf, 0.75)
            if not c.strong_type:
                c.type = head_type(_APPOSITIVE_GAP.match(gap).group(1))
            continue
        if " a" in gap and _coordinated_new(ctx, c, im, gap):
            c.intro = True  # "we propose an X module for ..., and a Y (YY) that ..."
            c.conf = max(c.conf, 0.7)
            continue
        if _gap_blocked(gap) and not re.search(
            r"\b(?:called|named|dubbed|termed|coined)\s*[\"'“]?\s*$", gap
        ) and not _FAMILY_GAP.match(gap):
            continue
        if not _INTRO_GAP_OK.match(gap):
            continue
        # no other candidate between cue and this one, unless it only modifies a head noun
        # right before this one ("the largest AGTH quality assessment dataset THQA-10K")
        cue_end = c.start - len(raw_gap)
        if i > 0 and cands[i - 1].end > cue_end and cands[i - 1].start >= cue_end - 1 and \
                not _MODIFIER_THEN_HEAD.match(text, cands[i - 1].end, c.start):
            continue
        if any(cands[k].start - c.end < 60 and _SET_BESIDE.search(text, c.end, cands[k].start)
               and _appositive(_emphasis_free(text[cue_end:cands[k].start]))
                for k in range(i + 1, min(n, i + 4))):
            continue  # "a new exact minibatch MH method, TunaMH": MH describes the method
        if i + 1 < n and 0 < cands[i + 1].start - c.end < 40 and \
                _MODIFIER_THEN_HEAD.match(text, c.end, cands[i + 1].start):
            continue  # "a per-instance personalization FL algorithm Flow": FL describes Flow
        whole_object = _OBJECT_END.match(text[c.end:c.end + 3]) is not None
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
        if is_acronym(c.surface) and c.surface in ctx.defined and \
                0 <= text.find(c.surface, ctx.title_end) < c.start and \
                _LOWER_WORD_AFTER.match(text, c.end) and not _system_head_after(text, c.end):
            continue  # "Model Context Protocol (MCP) ... This paper introduces an MCP server":
            # a short form defined before, now a modifier of what the paper builds (but "we
            # propose the DRE-SLCL method" names it)
        c.intro = True
        c.conf = max(c.conf, 0.75)
        gm = _INTRO_HEAD.search(gap)
        if gm and not c.strong_type:
            c.type = head_type(gm.group(1))
        # "we propose Hard Sample Selection and Denoised Patch Mixing": the names listed with it
        for j in _list_after(ctx, i)[1:]:
            if cands[j].type not in ("TASK", "METRIC") and cands[j].rule != "gazetteer" and \
                    cands[j].gaz_canon is None:
                cands[j].intro = True
                cands[j].conf = max(cands[j].conf, 0.7)


# what follows an object of the intro verb, past its short form: an appositive (", a ..."), a
# purpose ("to perturb ...") or a use ("for allocation ...")
_OBJECT_TAIL = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:(\s*,\s*(?:a|an)\s)|(\s+to\s+[a-z])|"
                          r"(\s+for\s+[a-z]))")
# the join right before the next object: "..., and ", " and the "
_AND_NEXT = re.compile(r"(?:,\s*|\s+)and\s+(?:(?:the|an?)\s+)?$")
# a name joined by a bare "and" to the name right before it ("uses B and C"): not the intro
# verb's object ("a variant of GRPO, and B, a ..." is: the comma closes the description)
_AND_RIGHT_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?\s+and\s+(?:(?:the|an?)\s+)?$")
_WE_INTRO = ("we ", "We ", "paper ", "work ", "study ")


def _tail_kind(text: str, at: int) -> int:
    """Which tail follows an object ending at `at`: 1 appositive, 2 purpose, 3 use; 0 none."""
    m = _OBJECT_TAIL.match(text, at)
    return 0 if m is None else m.lastindex or 0


def coordinated_objects(ctx: Context) -> None:
    """A second name the paper's intro verb introduces, joined by "and" and described as the
    first one is ("We introduce A, a ..., and B, a ...", "we introduce A (AA) to ..., and B (BB)
    to ...", "we build A for ... and B for ..."): introduced too, when unknown."""
    text, cands = ctx.text, ctx.cands
    n = len(cands)
    for i in range(n):
        c = cands[i]
        if not c.intro or c.start <= ctx.title_end:
            continue
        kind = _tail_kind(text, c.end)
        if not kind:
            continue
        s0, s1 = ctx.sentence(c.start)
        im = _INTRO.search(text, max(s0, c.start - 120), c.start)
        if im is None or not im.group().startswith(_WE_INTRO) or CITED.search(text, s0, s1):
            continue
        prev = c
        for k in range(i + 1, n):
            ck = cands[k]
            if ck.start >= s1 or ck.start - prev.end > 250:
                break
            if ck.start < prev.end or ck.intro or not _AND_NEXT.search(text, prev.end, ck.start):
                continue
            between = text[prev.end:ck.start]
            if ";" in between or ":" in between or any(
                    prev.end <= cands[j].start and cands[j].end <= ck.start and
                    _AND_RIGHT_AFTER.fullmatch(text, cands[j].end, ck.start)
                    for j in range(i + 1, k)):
                continue  # "A, a method that uses B and C, a ...": C is joined to B
            if _tail_kind(text, ck.end) != kind or ck.type == "TASK" or \
                    "gazetteer" in ck.rule or ck.gaz_canon is not None or ck.org or not (
                        ck.surface[:1].isupper() or _COINED_ONE.match(ck.surface)) or (
                    ctx.gaz is not None and canonical_key(ck.name) in ctx.gaz.canonical):
                continue
            ck.intro = True
            ck.conf = max(ck.conf, 0.7)
            hm = _MADE_BESIDE.match(text, ck.end) if kind == 1 else None
            if hm and not ck.strong_type:
                ck.type = head_type(hm.group(1).lower(), ck.type)
            prev = ck


# a subtitle that says the paper surveys or compares: "A Survey of ...", "A Comparative Analysis
# Between ...", "Challenges and Open Problems", "A Systematic Review"
_SURVEY_SUBTITLE = re.compile(
    r"\s*(?:(?:A|An)\s+(?:[\w\-]+\s+){0,2}?(?:Survey|Review|Overview|Tutorial|Primer|"
    r"Comparative\s+(?:Study|Analysis|Evaluation))\b|Challenges\s+and\s+(?:Open\s+Problems|"
    r"Opportunities)\b|(?:Opportunities|Open\s+Problems)\s+and\s+Challenges\b)",
    re.IGNORECASE,
)


# one word that can only be a name: a capitalised word ("Thinker", "Decepticons"), a lower-case
# word joined by hyphens ("grapheme-kit", "emb-diversity") or a word led by a number
# ("4Real-Video-V2"); capitalised words joined by hyphens may be an ordinary compound
# ("Zero-Shot: ...", "Fine-Tuning: ..."), and a plain lower-case word is a topic
_ONE_WORD_NAME = re.compile(r"[A-Z][a-z]{3,}|[a-z][a-z0-9]*(?:-[a-z0-9]+)+|\d+[A-Za-z][\w\-]*")


# a coined word with a capital after a lower-case letter ("MoGU", "HuBERT")
_MIXED_CASE = re.compile(r"[A-Za-z0-9\-]*[a-z][A-Z][\w\-]*")


# the name and the dash after it in a title with no colon: "PANDA - Patch And ...", "X -- Y"
_TITLE_DASH = re.compile(r"[^\n:]{1,60}?(\s+(?:-{1,3}|\u2014|\u2013)\s+)\S")


def _kept_title_name(pwords: list[str], abstract_low: str) -> bool:
    """Whether a several-word title name stays one: a benchmark or data set, or written again."""
    # written again whole, by its first two words ("Negative Imaginary Neural ODEs" and "a
    # negative imaginary neural ordinary differential equation"), or by a coined word of it
    # ("MoGU V2: ..." and "the MoGU framework")
    last = pwords[-1].lower()
    if " ".join(pwords).lower() in abstract_low or last.endswith("bench") or head_type(
            last, "") in ("BENCHMARK", "DATASET"):
        return True  # "InfoOps Bench: ...", "X Dataset: ...": what the paper releases
    first, second = pwords[0].lower(), pwords[1].lower()
    if f"{first} {second}" in abstract_low or f"{first}-{second}" in abstract_low:
        return True
    return any(_MIXED_CASE.fullmatch(w) and w.lower() in abstract_low for w in pwords)


@cache
def _cue_re() -> re.Pattern:
    """Any intro or naming cue stem at a word start."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w.strip()) for w in words("intro_cue_stems"))
                      + ")")


def _cued_in_abstract(ctx: Context, part: str) -> bool:
    """Whether the abstract writes a title name with its capitals, in emphasis or code, or after
    an intro or naming cue in the same sentence (within 60 characters)."""
    text, title_end = ctx.text, ctx.title_end
    if text.find(part, title_end) >= 0:
        return True
    low, key = ctx.low, part.lower()
    k = low.find(key, title_end)
    while k >= 0:
        if text[k - 1] in "{*":
            return True  # "\\texttt{torch-choice}", "*plonk gating*": set out as a name (not
            # quoted: "to achieve \"reasoning while recommending\"" is a phrase)
        s0, _ = ctx.sentence(k)
        if _cue_re().search(text, max(s0, title_end, k - 60), k):
            return True
        k = low.find(key, k + 1)
    return False


def title_colon(ctx: Context) -> None:
    """A title "Name: subtitle" introduces Name (when coined or named in the abstract)."""
    text, title_end, gaz, cands = ctx.text, ctx.title_end, ctx.gaz, ctx.cands
    generic, orgs = ctx.generic, ctx.orgs
    colon = text.find(":", 0, title_end)
    cut, dashed = colon, False
    if colon < 0:
        # "CARE-RAG - Clinical Assessment and Reasoning in RAG", "PGLearn -- An Open-Source
        # Toolkit for ...": a dash sets the name apart as a colon does
        dm = _TITLE_DASH.match(text, 0, title_end)
        if dm:
            colon, cut, dashed = dm.end(1) - 1, dm.start(1), True
    if not 0 < colon < 80:
        return
    prefix = strip_latex(text[:cut]).strip()
    pw0 = prefix.split()
    if dashed and len(pw0) > 1 and not any(word_kind(w, generic) == "coined" for w in pw0):
        return  # "The Reasoning Trap -- Logical Reasoning as ...": a phrase, not a name
    first = pw0[0] if pw0 else ""
    if len(pw0) > 1 and word_kind(first, generic) == "plain" and (
        first.endswith("ing") or first in word_set("title_verbs")
    ) and any(
        word_kind(w, generic) == "coined" or (
            gaz is not None and canonical_key(w) in gaz.canonical
        ) for w in pw0[1:]
    ):
        return  # "Unpacking DPO and PPO: ...", "Revisiting MATH: ...": the object of study
    if not prefix or fold(prefix) in word_set("title_generic") or len(prefix.split()) > 6:
        return
    # "NaijaNLP: A Survey of ...", "X: Challenges and Open Problems": the field or the systems
    # surveyed, a name but not the paper's own
    survey = _SURVEY_SUBTITLE.match(text, colon + 1, title_end) is not None
    parts = re.split(r"\s+(?:and|&)\s+|,\s*", prefix)
    abstract_low = text[title_end:].lower()
    intro_keys = {canonical_key(cc.gaz_canon or cc.name) for cc in cands if cc.intro}
    for part in parts:
        part = part.strip()
        pws = part.split()
        while len(pws) > 1 and fold(pws[0]) in orgs:
            pws.pop(0)  # "Tencent Hunyuan3D-1.0": the maker is not part of the name
        if len(pws) > 1 and pws[0] in ("The", "A", "An") and not (
                gaz is not None and canonical_key(" ".join(pws)) in gaz.canonical):
            pws.pop(0)  # "The Laplacian Keyboard: ...": the article is no part of the name
            # (a listed name keeps it: "The Pile", "The Cancer Genome Atlas")
        part = " ".join(pws)
        if not part or fold(part) in generic or fold(part) in orgs:
            continue
        known = gaz.canonical.get(canonical_key(part)) if gaz is not None else None
        if known and not (
            canonical_key(known[1]) in intro_keys or (
                len(parts) == 1 and _subtitle_type(text, colon, title_end)
            )
        ):
            continue  # a well-known name in the title needs an explicit introduction
        pwords = part.split()
        coined = any(word_kind(w, generic) == "coined" for w in pwords)
        # "Thinker: Learning to ...", "grapheme-kit: ...", "D-Convexity: ...": a title that
        # opens on one word and a colon names its system by it, whatever the word's shape
        single = len(parts) == 1 and len(pwords) == 1 and _ONE_WORD_NAME.fullmatch(part) is not None
        if len(pwords) > 4 or not single and any(
            w[0].islower() and word_kind(w, generic) != "coined" for w in pwords
        ):
            continue
        if not (coined or single or part.lower() in abstract_low):
            continue
        if len(pwords) > 1 and not survey and not _kept_title_name(pwords, abstract_low):
            continue  # "XR Reality Check: ...", "In Good GRACEs: ...": several words the
            # abstract never writes again are the title's hook, not its system's name
        if len(parts) > 1 and not coined:
            continue  # "Scan, Materialize, Simulate: ...", "Brittleness and Promise: ...":
            # a title's list of plain words names no system
        pkey = canonical_key(part)
        if not survey and (coined or single or _cued_in_abstract(ctx, part)):
            # not "Prompt Sentiment: ..." and "the influence of prompt sentiment, a ...": a
            # phrase the abstract writes only in lower case, and never after an intro or naming
            # cue, is the topic the paper studies (it stays a candidate)
            ctx.title_intro_keys.add(pkey)
        off, written = text.find(part), part
        if off < 0:
            raw = text[:cut].strip()  # "O$^2$DENet: ...": the name as the title writes it
            off, written = (text.find(raw), raw) if strip_latex(raw).strip() == part else (0, "")
            written = written or text[:len(part)]
        if not any(cc.start == off and cc.end == off + len(written) for cc in cands):
            cands.append(Cand(off, off + len(written), text[off:off + len(written)], part, "",
                              0.8, "title_name"))
        # "PRISM: A Multi-Modal Generative Foundation Model": the subtitle's head
        sub = _subtitle_type(text, colon, title_end) if len(parts) == 1 else None
        if sub:
            htype, default = sub
            same = [cc for cc in cands if canonical_key(cc.name) == pkey]
            last = pwords[-1].lower()
            if default and (any(cc.type for cc in same) or head_type(last, "")
                            or last in word_set("metric_heads")):
                continue  # "Feature Likelihood Score: Evaluating ...": its head says a measure
            for cc in same:
                if not (cc.strong_type and cc.rule == "gazetteer"):
                    cc.type, cc.strong_type = htype, True


_VARIANT_OK = re.compile(r"[\w\-]+(?:\s+[\w\-]+){0,5}")


def _stands_in(surface: str, name: str) -> bool:
    """Whether name is written in surface as a word of its own: no word character, "." or
    "-" right before it, no word character or "." right after it (what the pattern
    r"(?<![\\w.\\-])NAME(?![\\w.])" finds, found without compiling one a title)."""
    i = surface.find(name)
    while i >= 0:
        j = i + len(name)
        if not (i and (_word_char(surface[i - 1]) or surface[i - 1] in ".-")) and not (
                j < len(surface) and (_word_char(surface[j]) or surface[j] == ".")):
            return True
        i = surface.find(name, i + 1)
    return False


def _word_char(ch: str) -> bool:
    """Whether ch is a word character as the regex engine's \\w has it (str.isalnum or "_")."""
    return ch.isalnum() or ch == "_"


def title_name_variants(ctx: Context) -> None:
    """Names in the abstract built on the title's own one-word name ("RadGame: ..." and "In
    RadGame Localize, players ...", "the KRONE Log Abstraction Model") are the paper's parts or
    variants: introduced too (not a web address or file, a task, a measure or a known name)."""
    text, title_end = ctx.text, ctx.title_end
    colon = text.find(":", 0, title_end)
    if not 3 < colon < 40:
        return
    name = strip_latex(text[:colon]).strip()
    if " " in name or len(name) < 4 or canonical_key(name) not in ctx.title_intro_keys:
        return
    for cc in ctx.cands:
        if cc.start <= title_end or cc.intro or cc.surface == name or name not in cc.surface or \
                cc.type in ("TASK", "METRIC") or "gazetteer" in cc.rule or \
                cc.gaz_canon is not None or not _VARIANT_OK.fullmatch(cc.surface):
            continue
        if not _stands_in(cc.surface, name):
            continue
        cc.intro = True
        cc.conf = max(cc.conf, 0.7)


def _spells(short: str, words_: list[str]) -> bool:
    """Whether the short name holds the first letters of the words in order ("SpeCache" and
    "Speed-Aware Caching")."""
    low, at = short.lower(), 0
    for piece in (p for w in words_ for p in w.split("-") if p):
        at = low.find(piece[0].lower(), at)
        if at < 0:
            return False
        at += 1
    return True


def title_via(ctx: Context) -> None:
    """A title "... via Multistage Data Filtering" names the paper's own method."""
    vm = _TITLE_VIA.search(ctx.text, 0, ctx.title_end)
    if not vm:
        return
    phrase = vm.group(1)
    pw = phrase.split()
    if ctx.gaz is not None and canonical_key(phrase) in ctx.gaz.canonical:
        return  # "... via Flow Matching": a well-known method the paper uses
    colon = ctx.text.find(":", 0, vm.start())
    if (ctx.title_intro_keys or any(cc.intro for cc in ctx.cands)) and \
            phrase.lower() not in ctx.text[ctx.title_end:].lower() and \
            not (colon > 0 and _spells(ctx.text[:colon], pw)):
        return  # "DICE: ... via Conditional Redundancy Adversarial Estimation", never written
        # again: the paper's own name is elsewhere; the phrase says how it works
    describes = False
    if ctx.title_intro_keys or any(cc.intro for cc in ctx.cands):
        at = ctx.low.find(phrase.lower(), ctx.title_end)
        # "ResMimic: ... via Residual Learning" and "a two-stage residual learning framework":
        # the phrase describes the system the paper names otherwise (not "a Geometric
        # Consistent Ray Diffusion model (GCRayDiffusion)", which names it)
        describes = at >= 0 and _system_head_after(ctx.text, at + len(phrase)) and \
            not _HEAD_THEN_SHORT.match(ctx.text, at + len(phrase))
    if (fold(phrase) not in ctx.generic and not any(fold(w) in ctx.generic for w in pw)
            and pw[0] not in ctx.not_names and not family_phrase(phrase)):
        if not describes:
            ctx.title_intro_keys.add(canonical_key(phrase))
        off = vm.start(1)
        if not any(cc.start == off for cc in ctx.cands):
            ctx.cands.append(Cand(off, off + len(phrase), phrase, phrase, "", 0.55,
                                  "title_method"))
        if describes:
            for cc in ctx.cands:
                if cc.start == off and cc.type == "TASK":
                    cc.stated = "METHOD"  # the means the paper's system works by, no task


_TITLE_PIECES = re.compile(
    r"\s*:\s*|\s+(?:for|via|with|using|in|on|towards?|through|from|by|under|beyond)\s+",
    re.IGNORECASE,
)
_INTRO_BEFORE = re.compile(
    r"\b(?:propos\w*|introduc\w*|present\w*|develop\w*|design\w*|devis\w*|call|name|term|"
    r"dub|coin)\w*\s+(?:(?:a|an|the|our|new|novel|simple|general|unified)\s+){0,3}$",
    re.IGNORECASE,
)


_DESCRIPTIVE_HEADS = frozenset({"method", "methods", "approach", "approaches", "framework",
                                "frameworks", "study", "analysis", "perspective", "view"})


_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")


def _before_system_head(ctx: Context, a: int, b: int) -> bool:
    """Whether the phrase at a..b is a task written right before the head noun of the thing
    the paper builds ("a paired image generation method"): it says what the thing is for."""
    m = _WORD_AFTER.match(ctx.text, b)
    if m is None or m.group(1) not in word_set("system_heads") and \
            m.group(1).rstrip("s") not in word_set("system_heads"):
        return False
    return any(cc.type == "TASK" and cc.start <= a and b <= cc.end for cc in ctx.cands)


def title_phrase_introduced(ctx: Context) -> None:
    """A title piece written again, in lower case, right after an intro verb in the abstract
    ("Restoration based Generative Models" ... "we propose restoration based generative
    models") names this paper's method."""
    text, title_end = ctx.text, ctx.title_end
    title = text[:title_end]
    abstract_low = text[title_end:].lower()
    pos = 0
    for piece in _TITLE_PIECES.split(title):
        start = title.find(piece, pos)
        pos = max(pos, start + len(piece))
        piece = piece.strip()
        ws = piece.split()
        if not 2 <= len(ws) <= 7 or fold(piece) in ctx.generic or family_phrase(piece):
            continue
        if not all(w[0].isupper() or w.lower() in ("and", "of", "based") for w in ws):
            continue
        if ws[0] in ("A", "An", "The") or ws[-1].lower() in _DESCRIPTIVE_HEADS:
            continue  # "A Novel Data Augmentation Method": a description, not a name
        if any(cc.start <= start and start + len(piece) <= cc.end
               and cc.end - cc.start > len(piece) for cc in ctx.cands):
            continue  # part of a longer name in the title ("X with Counterfactual Credit")
        k = abstract_low.find(piece.lower())
        while k >= 0:
            a = title_end + k
            s0, _ = ctx.sentence(a)
            if _INTRO_BEFORE.search(text, max(s0, a - 60), a):
                break
            k = abstract_low.find(piece.lower(), k + 1)
        if k < 0:
            continue
        a = title_end + k
        if any(cc.start <= a and a + len(piece) <= cc.end and cc.end - cc.start > len(piece)
               for cc in ctx.cands):
            continue  # written as part of a longer name in the abstract too
        if _before_system_head(ctx, a, a + len(piece)):
            continue  # "we propose a novel HOI detection framework": what it is for
        ctx.title_intro_keys.add(canonical_key(piece))
        if not any(cc.start == start for cc in ctx.cands):
            ctx.cands.append(Cand(start, start + len(piece), piece, piece, "METHOD", 0.7,
                                  "title_phrase"))
        ctx.cands.append(Cand(a, a + len(piece), text[a:a + len(piece)], piece, "METHOD", 0.7,
                              "title_phrase"))


_WHOLE_TITLE_SKIP = frozenset({"how", "why", "what", "when", "where", "which", "who", "towards",
                               "toward", "on", "a", "an", "the", "is", "are", "do", "does",
                               "can", "beyond", "rethinking"})
# a finite verb makes a title a claim, not a name ("Actor-Critics Can Achieve ...")
_TITLE_VERBS = frozenset({"can", "could", "may", "might", "will", "would", "should", "must",
                          "is", "are", "was", "were", "be", "do", "does", "did", "has", "have",
                          "matters", "helps", "works", "meets", "beats", "makes"})
# a preposition or linking word joins a name to what it is for or done with ("Transfer
# Learning Across Fixed-Income Product Classes", "Vision Transformer Based User Equipment
# Positioning"): a description, whose names are found inside it ("of" and "to" stay: "Theory
# of Mind")
_TITLE_LINKS = frozenset({"across", "using", "based", "via", "with", "for", "from", "over",
                          "under", "through", "into", "without", "within", "against", "between",
                          "among", "by", "in", "on", "at", "beyond", "towards", "toward"})


def title_whole_name(ctx: Context) -> None:
    """A title that is nothing but a short Title Case noun phrase ("Continuous Surface
    Embeddings", "Label-free Concept Bottleneck Models") names the paper's own method."""
    title = ctx.text[:ctx.title_end].strip().rstrip(".")
    ws = title.split()
    if not 2 <= len(ws) <= 6 or any(ch in title for ch in ":?!,;()[]$\\\"“"):
        return
    if not all(w[0].isupper() or w[0].isdigit() or w == "and" for w in ws) or "and" in (
            ws[0], ws[-1]):
        return
    first, last = ws[0].lower(), ws[-1].lower()
    if first.endswith("ly") or _TITLE_LINKS.intersection(w.lower() for w in ws[1:-1]):
        return  # "Provably Learning ...", "Transfer Learning Across ...", "X Based Y": a
        # clause or a phrase with its complement, not a bare name
    if first in _WHOLE_TITLE_SKIP or first.endswith("ing") or _TITLE_VERBS.intersection(
            w.lower() for w in ws[1:]) or \
            last in word_set("task_pattern_heads") or last in _DESCRIPTIVE_HEADS:
        return  # a question, a verb phrase ("Revisiting X"), a task or a description
    if fold(title) in ctx.generic or family_phrase(title) or any(
            cc.start <= 0 and len(title) <= cc.end for cc in ctx.cands) or any(
            cc.intro for cc in ctx.cands):
        return  # a known name or one candidate already; or the abstract names the paper's own
        # ("Adversarial AutoMixup" ... "we propose AdAutomixup": one entity written two ways)
    start = ctx.text.find(title)
    ctx.title_intro_keys.add(canonical_key(title))
    ctx.cands.append(Cand(start, start + len(title), title, title, "", 0.6, "title_whole"))


# "using a novel Edge-Aware Normalization (EA Norm)", "a new Cross-Talk Error (CTE) metric": a
# name the text itself calls new, where no intro verb stands before it
_NEW_BEFORE = re.compile(r"\b(?:[Aa]n?|[Oo]ur)\s+(?:novel|new)\s+$")
_NEW_AFTER = re.compile(
    r"\s*(?:[(,.;:]|$|(?:that|which|to|as|based|for|with|is|are|was|were)\b|"
    rf"({head_alternation('intro')})\b)")


def new_named(ctx: Context) -> None:
    """A capitalised name right after "a novel" / "a new" ("a novel Continuous Mixing State
    as ...", "using a novel Edge-Aware Normalization (EA Norm)") is the paper's own; not an
    acronym before a head ("a novel SFDA framework": the field), not a task or a known name."""
    text = ctx.text
    tasks = {(cc.start, cc.end) for cc in ctx.cands if cc.type == "TASK"}
    for c in ctx.cands:
        if c.intro or c.start < ctx.title_end or c.gaz_canon or "gazetteer" in c.rule or \
                c.rule in ("capitalised_word", "metric_compound") or c.type == "TASK" or \
                (c.start, c.end) in tasks or not c.surface[:1].isupper():
            continue
        if not _NEW_BEFORE.search(text, max(0, c.start - 20), c.start):
            continue
        m = _NEW_AFTER.match(text, c.end)
        if m is None or m.group(1) and is_acronym(c.surface):
            continue
        c.intro = True


_OPENING_FOR = re.compile(r"\s+for\s+\S")


def title_opening_method(ctx: Context) -> None:
    """A title opening with a technique phrase before "for" ("Behavior Contrastive Learning for
    Unsupervised Skill Discovery") names the paper's own method, when the paper names nothing
    else as its own and the abstract never writes the phrase again (a field it works in, or a
    known technique it applies, would be written there: "Bilevel Optimization for NAS")."""
    if ctx.title_intro_keys or any(cc.intro for cc in ctx.cands):
        return
    text, title_end = ctx.text, ctx.title_end
    for cc in ctx.cands:
        if cc.rule != "title_task" or text[:cc.start].strip() or \
                not _OPENING_FOR.match(text, cc.end, title_end):
            continue
        ws = cc.name.split()
        if len(ws) < 2 or ws[0].lower().endswith("ing") or \
                text.lower().find(cc.name.lower(), title_end) >= 0:
            return  # "Learning Omnidirectional Locomotion for ...": what the paper does
        ctx.title_intro_keys.add(canonical_key(cc.name))
        return


STAGES = [(70, intro_cues), (70.5, coordinated_objects), (80, title_colon),
          (80.2, title_name_variants), (85, title_via),
          (86, title_phrase_introduced), (86.5, title_whole_name), (96.8, new_named),
          (97, title_opening_method)]
