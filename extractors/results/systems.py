"""Sentence subjects and systems: the paper's own system (from its title and its "we" sentences)
and the system a value is stated for."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from paperkg.extractors.result_names import (
    BENCH_TYPES,
    SYSTEM_TYPES,
    THIS_PAPER,
)
from paperkg.extractors.results.baselines import named_baseline
from paperkg.extractors.results.conditions import (
    _CUE_BEFORE,
    _NOT_SYSTEMS,
    VS_BRACKET,
    _name_at,
    _vs_bracket,
)
from paperkg.extractors.results.cues import cues, may_hold_group
from paperkg.extractors.results.guards import _STAT_NAMES, NAME_AT
from paperkg.extractors.results.ownloose import for_unnamed, own_over_loose
from paperkg.extractors.results.ownname import (
    measuring_name,
    our_name,
    own_named,
    subtitle_phrase,
)
from paperkg.extractors.results.trace import _tag
from paperkg.extractors.words import read_list

_DATA = Path(__file__).resolve().parent.parent / "data"

# A clause break. ("while" and "whereas" open with their "w" and then test the word boundary
# before it, `(?<!\w.)`: every branch opening with a character, the search skips to the next
# ";", ",", ":" or "w" instead of trying each offset.)
_CLAUSE = re.compile(r";|,\s+(?:while|whereas|but|and|which)\b|w(?<!\w.)(?:hile|hereas)\b|:\s")
_BASELINE_NEAR = re.compile(
    r"\bbaseline(?:'s|s')\s+(?:\w+\s+)?$|\bbaselines?\s+(?:only\s+)?(?:achieve|reach|score|"
    r"obtain|get|attain)s?\s+(?:only\s+|up\s+to\s+|about\s+)?(?:an?\s+)?(?:[\w\-@]+\s+)?"
    r"(?:of\s+)?$")
_PAREN_CMP = re.compile(r"\b(?:compared\s+(?:to|with)|than|versus|vs\.?|over|baselines?)\b"
                        r"[^()]{0,40}\([^()]*$")
CMP_VERB_BRACKET = True
# a value in brackets right after a verb of comparison and an object no entity holds
# ("surpassing the 300M-parameter teacher model (73.84%)", "though it underperformed both
# physicians (F1=0.94 and 0.91)"): the unnamed other system's, null; not past a preposition
# ("outperforms prior methods on FooBench (85.1%)": the subject's on that data)
_CMP_VERB_BRACKET = re.compile(
    r"\b(?:surpass|outperform|exceed|beat|underperform)\w*\s+"
    r"(?:(?!(?:on|in|across|at|by|with|for|under|over|while|and|its|their|our)\b)[^\s()]+\s+)"
    r"{1,5}$")
CMP_OF_VALUE = True
# the same for "the/a NOUN ... of" and the value after a word of comparison ("compared to a
# baseline encoder-only score of 32.83%", "surpassing the human ground truth of 1.98%"); not
# past "by" ("outperforms text-based baselines by an average of 24.2%": the subject's gain)
_CMP_OF_VALUE = re.compile(
    r"\b(?:compared\s+(?:to|with)|surpass\w*|outperform\w*|exceed\w*|beat\w*|than|over|"
    r"versus)\s+(?:the|a|an)\s+(?:(?!(?:by|on|in|for|across|with|while|and)\b)[\w\-]+\s+){1,4}"
    r"of\s+(?:only\s+|about\s+|just\s+)?$")
# A value in brackets after a word of comparison is the compared system's (`_PAREN_CMP`), but
# not the first of "(A vs. B)", which `_vs_bracket` already gave the subject ("CognitiveAttack
# achieves a higher rate than PAP (60.1% vs. 31.6%)"), nor a gain written with "+", which is
# the subject's over the compared one ("above the baselines (+3.7% over vanilla GR)")
FIRST_NOT_COMPARED = True
GAIN_NOT_COMPARED = True
_PAIR_NEXT = re.compile(r"[^()]{0,12}?(?:\bvs\b|\bv\.s\.|\bversus\b)")  # "(52.6 v.s. 49.1)"
MORE_VERBS = True
_DATA_AFTER = re.compile(r"\s+(?:dataset|benchmark|test\s+set|data|signals|corpus)\b", re.I)
_SUBJECT_AFTER = re.compile(
    r"(?:\s+\([^()]{0,40}\))?(?:[\s\-]+(?:model|method|framework|approach|system|classifier|"
    r"variant|agent|pipeline|network|architecture|policy|detector|retriever|stage|module|"
    r"component)s?)?"
    r"(?:,[^,;]{0,80},|,?\s+(?:which|that)\b[^,;.]{0,80}?\band)?(?:,\s+(?!\w+ing\b)|\s+)"
    r"(?:\w+ly\s+)?"
    r"(?:also\s+|further\s+|still\s+|then\s+|can\s+|could\s+)?"
    r"(?:achiev|reach|obtain|attain|scor|yield|improv|outperform|surpass|boost|reduc|increas|"
    r"lead|lifts\b|gets\b|deliver|performs\b|performed\b|show|demonstrat|exhibit|records\b|"
    r"recorded\b|sets\b|hits\b|enabl|allow|"
    r"sustain|retain|maintain|beat|exceed|cuts\b|lowers\b|rais|multipl|requir|runs\b|is\b|"
    r"are\b|was\b|were\b|has\b|have\b|enhanc|speeds?\s+up|accelerat|rival|solv|resolv|"
    r"establish|produc|provid|offer|mitigat|narrow|clos|attain|wins\b|contribut" + (
        r"|collaps|eliminat|restor|halv|doubl|tripl|shrink|decreas|lower|drops\b|trim|minimi|"
        r"maximi|recover|preserv|slash|brings\b|dominat|outscor|gives\b|returns\b"
        if MORE_VERBS else "") + r")", re.I)
_ACTS = re.compile(r"\s+(?:\w+ly\s+)?(?:achiev|outperform|surpass|beat|shows\s+(?:\w+\s+)?gains|"
                   r"improves\s+(?:over|upon)\b)",  # also "CAPS improves over AgentOCR"
                   re.I)  # "DA360 shows substantial gains": a system whatever its entity type
_ENHANCED = re.compile(r"\b(?:integrated|enhanced|augmented|equipped|combined|coupled)\s+"
                       r"(?:with|by)\s+(?:the\s+|our\s+)?$", re.I)  # "X integrated with GraphRAG"
# "with GPT-2 achieving the lowest perplexity (8.21)": the name after "with" is the subject of
# its own -ing result verb, not a system compared with.
WITH_ACTING = True
LOOSE_NOT_OBJECT = True
# a name after "on", "in", "across" (a few words between) is where or in what a value was
# measured, not the system a clause without a verb speaks of ("... on 1.5B alphaNLI")
_LOOSE_OBJECT = re.compile(r"\b(?:on|in|across)\s+(?:the\s+)?(?:[\w\-.]+\s+){0,2}$", re.I)
EXAMPLE_SUBJECT = True
# "even a state-of-the-art model like GPT-4o achieves only 27.32%": the example named after a
# group noun is the subject when its own verb follows
_EXAMPLE_BEFORE = re.compile(r"\b(?:models?|LLMs?|systems?|methods?|agents?)\s+"
                             r"(?:like|such\s+as)\s+$")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$", re.I)
_ACTING = re.compile(r"\s+(?:\w+ly\s+)?(?:achiev|reach|scor|attain|obtain|record|deliver)ing\b",
                     re.I)
_DONE_BY = re.compile(r"[^.;:()]{0,40}?\b(?:achieved|obtained|attained|reached|reported|"
                      r"scored|set|held)\s+by\s+(?:the\s+|a\s+)?")
# "a reduction of up to 32% in CNOT gate count", "2x for MAE fine-tuning": the name after
# "for/in" modifies the noun after it (what is measured), so it is not the value's system
NAME_MODIFIES = True
# "low RMSE (0.6829), MSE (0.5102), MAE (0.3147)", "(MAE: 1.72 points)": a metric's name the
# entity rules typed as a method (MAE, the masked autoencoder) is the metric there, not a system
METRIC_NOT_SYSTEM = True
_MODIFIES = re.compile(r"(?:\s+\([^()]{0,20}\))?\s+(?!(?:and|or|with|while|which|when|on|at|in|"
                       r"for|to|than|compared|models?|respectively|but|as|across|under|over|"
                       r"after|before|by|using|is|are|was|were|the|a|an|achiev\w*|reach\w*|"
                       r"obtain\w*|outperform\w*|variants?|backbones?)\b)[a-z][\w\-]*")
_VERSUS = re.compile(r"\b(?:vs\.?|versus)\s*$")
# "a 68% improvement compared to 17% with traditional methods", "against 0.000 for greedy": a
# value right after a comparison word is the compared system's
VERSUS_WIDE = True
_VERSUS_WIDE = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:to|with)|against|relative\s+to)\s*$",
                          re.I)
_BASELINE_AFTER = re.compile(r"[^()]{0,12}\([^()]*\bbaseline")
_COINED = re.compile(r"(?<![\w\-$\\])(?:[A-Z][a-z]*[A-Z0-9][\w\-]*|[A-Z]{2,}(?:-[\w]+)*|"
                     r"[A-Z][a-z]+(?:-[A-Z][a-z\d]*){2,})"  # "Drop-Stable-Rampup"
                     r"(?![\w\-])")
# "compared to 69.58% for the untuned GPT-4": a word saying which state of the model
_FOR_SYSTEM = re.compile(r"\s+(?:for|in)\s+(?:the\s+)?(?:(?:untuned|fine-tuned|original|base|"
                         r"vanilla|standard|pretrained|pre-trained)\s+)?(?:(?:state-of-the-art|"
                         r"strongest|best|previous|prior|competing|leading)\s+(?:model|method|"
                         r"baseline|system)\s+)?")
_ON_BEFORE = re.compile(r"\b(?:on|over|for|across|in|of)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$")
FROM_SPLIT = True
_FROM_TO = re.compile(r"(?<!range)(?<!ranges)(?<!ranging)\s+from\s+(?:(?:around|about|"
                      r"approximately|roughly|nearly|over|more\s+than|less\s+than|"
                      r"as\s+(?:high|low|much)\s+as|just|only)\s+)?$"
                      if FROM_SPLIT else r"(?<!range)(?<!ranges)(?<!ranging)\s+from\s+$")


def _base_model(text: str, mentions, s0: int, a: int, skip: tuple, c: dict) -> str | None:
    """The model named up to 100 characters before a baseline's value "from A to B" ("a model
    trained on Gemma-2-9b-it ... increasing accuracy from 80.61% to 84.15%"), not one of
    skip (the value's system, the paper's own), nor a metric or a "Model-driven" modifier."""
    if CHANGED_OBJECT:  # "boost ... RetinaNet from 36.5% to 42.0%", "For CheXOne-3B, ...
        # increased F1 from 0.8528 to 0.8666": the name whose score changes holds both values
        for x in mentions:
            if x[0] >= a:
                break
            if x[3] in SYSTEM_TYPES and x[2] not in _NOT_SYSTEMS and x[2] not in skip[1:] and \
                    not c["metric"].fullmatch(x[2]) and (
                        _FROM_TO.fullmatch(text, x[1], a) or
                        x[0] >= s0 and _FOR_OPEN.fullmatch(text, s0, x[0]) and
                        _FOR_CLOSE.match(text, x[1])):
                return x[2]
    return next((x[2] for x in reversed(mentions) if max(s0, a - 100) <= x[0] and x[1] <= a
                 and x[3] == "MODEL" and x[2] not in skip and x[2] not in _NOT_SYSTEMS and
                 not c["metric"].fullmatch(x[2]) and not text.startswith("-", x[1])), None)


CHANGED_OBJECT = True
_FOR_OPEN = re.compile(r"\s*(?:For|On|With)\s+(?:the\s+)?")
_FOR_CLOSE = re.compile(r"(?:\s+(?:model|backbone))?\s*,")
BRACKETED = True
OF_NAME = True
_OF_NAME = re.compile(r"\b(?:value|score|performance|accuracy|result)s?\s+of\s+(?:the\s+)?$",
                      re.I)


_VS_CUE = re.compile(r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|than|over|vs\.?|versus|"
                     r"compared\s+(?:to|with)|relative\s+to|against)\s+"
                     r"(?:(?!(?:in|of|on|for|at|and|or|with|by|to)\b)[^\s,;:()]+\s+){0,3}$", re.I)


def _clause_start(text: str, s0: int, pos: int) -> int:
    """Start offset of the clause holding pos, inside the sentence starting at s0."""
    start = s0
    for m in _CLAUSE.finditer(text, s0, pos):
        start = m.end()
    return start


# a participle joined to a mention: "4 TEG-specialized data sets", "CTC-trained ASR models"
_JOINED_PARTICIPLE = re.compile(r"-[a-z]{2,}ed\b")


def _mentions(ents: list[dict], text: str = "") -> list[tuple[int, int, str, str, str]]:
    """(start, end, name, type, role) of every entity mention, by offset (a mention that only
    modifies what follows, "TEG-specialized data", typed STYLE: it is not a system there)."""
    out = []
    for e in ents:
        typ = e["type"]
        if typ in SYSTEM_TYPES and _NOT_A_SYSTEM_HEAD.search(e["name"]):
            typ = "ACTIVITY"  # "LLM Evaluation", "Ablation Study": not a system
        elif e.get("extractor") == "styled_name":
            typ = "STYLE"  # only "a DLRM-style ranker": a model of the system, not the system
        for mm in e.get("mentions", []):
            joined = text and typ in SYSTEM_TYPES and _JOINED_PARTICIPLE.match(text, mm[2])
            out.append((mm[1], mm[2], e["name"], "STYLE" if joined else typ,
                        e.get("role", "used")))
    out.sort()
    return out


_NOT_A_SYSTEM_HEAD = re.compile(r"\s(?:evaluations?|assessments?|analys[ie]s|stud(?:y|ies)|"
                                r"experiments?|benchmarks?)$", re.I)


# an introduced method found only as a lower-case described part ("a band selection strategy",
# "an adversarial reward scheme", "a recursive uncertainty projection mechanism") is no name of
# the paper's own system: the annotators write THIS_PAPER for it (11 values against 2 named so
# over the 28 tuning sets)
DESCRIBED_OWN = True
# a name only the role judge made introduced (rules/role_judge.py) and that the title does not
# write is no evidence of the paper's own system ("We train a Resenc L network", "a method
# based on the pivotal sampling algorithm"): the choice goes on as if it were `used`
JUDGED_OWN = True


def _in_title_any_case(ent: dict, title: str) -> bool:
    """Whether the title writes the entity's name or an alias in any case ("A Proposed Hybrid
    Recommender System ..." for "hybrid recommender system")."""
    folded = title.casefold()
    return any(f and f.casefold() in folded for f in (ent["name"], *ent.get("aliases", ())))


def _judged_only(ent: dict) -> bool:
    """Whether only the role judge made the entity introduced and neither an acronym the
    abstract defines for it ("forward-inverse cycle consistency (FICC)") nor its own shape
    ("DoAug") marks it as a coined name."""
    return JUDGED_OWN and bool(ent.get("judged")) and \
        "acronym_definition" not in (ent.get("extractor") or "") and \
        not _COINED.fullmatch(ent["name"])


def own_system(ents: list[dict], title_end: int, title: str = "", text: str = "") -> str | None:
    """The name of the paper's own system: its introduced method/model named in the title,
    else the name the title leads with ("MobRFFI: ..."), else an introduced method/model, else
    None for a benchmark or dataset paper, else an introduced name typed as a task or dataset
    that the text calls a method or whose head is a method head and that the title writes,
    else the coined name "we propose NAME, a ..." gives, else a method phrase of the title,
    else THIS_PAPER."""
    best = None
    for e in ents:
        if e.get("role") != "introduced" or e["type"] not in SYSTEM_TYPES or \
                _plural_head(e["name"]) or e.get("extractor") == "passive_object" or \
                measuring_name(e["name"]) or DESCRIBED_OWN and e.get("extractor") == "lower_part":
            continue  # "a novel fairness loss is proposed": a part of the system, not the system
            # ("we propose relay evaluation, which ...": a way of measuring systems)
        first = min((mm[1] for mm in e.get("mentions", [])), default=10 ** 9)
        in_title = first < title_end
        if not in_title and _judged_only(e) and not _in_title_any_case(e, title):
            continue  # "We train a Resenc L network": the judge's abstract-only promotion
        rank = (0 if in_title else 1, first)
        if best is None or rank < best[0]:
            best = (rank, e["name"])
    if best and best[0][0] == 0:
        if MEANS_TITLE and _TITLE_MEANS.search(title, 0, best[0][1]):
            # "Tethered Reasoning ... via Manifold Steering" with "we propose HELIX, ...": the
            # title names the means, the abstract the system it builds
            other = _introduced_after_we(ents, text, title_end)
            if other:
                return other
        return best[1]
    lead = title_lead(title, ents, text)
    if lead:
        return lead
    if best:
        return best[1]
    if _DATA_TITLE.search(title):
        return None  # a benchmark or dataset paper: its results are the systems it evaluates
    if INTRO_OTHER:
        heads = cues()["heads"]
        for e in ents:
            if e.get("role") == "introduced" and e["type"] in ("TASK", "DATASET") \
                    and (_called_a_method(text, e["name"]) or
                         e["name"].split()[-1].casefold() in heads and e["name"] in title):
                return e["name"]
    if WE_NAMED:
        named = _named_by_we(text, title_end)
        if named:
            return named
    named = own_named(ents, text, title_end, _called_a_method)
    if named:
        return named  # "we propose a novel Feedback-Driven Iterative Framework", "gisting, which"
    phrase = title_system(title)
    if phrase and TITLE_TASK and any(
            e["type"] == "TASK" and e["name"].casefold() == phrase.casefold() for e in ents):
        phrase = None  # "Few-Shot Adaptation of Grounding DINO ...": the entities call it a task
    if phrase and TITLE_KNOWN and phrase.casefold() in known_techniques():
        phrase = None  # "Adapting Reinforcement Learning with ...", "Data Augmentation for ...":
        # a known technique the paper applies, not its system's name
    if phrase and TITLE_IN_BODY and phrase.split()[-1].casefold() not in _GENERIC_HEADS and \
            not _used_in_body(phrase, text[title_end:]):
        phrase = None  # "Multi-Dimensional Matching in Market Design", never named again
    return phrase or THIS_PAPER


# A title phrase that is a known technique (a generic term of extractors/data/generic.txt or a
# method of the gazetteer methods.txt: "Reinforcement Learning", "Deep Learning", "Speculative
# Decoding") names the means the paper applies, not its own system: the annotators write
# THIS_PAPER. Method-phrase titles the gazetteers do not hold ("Staged Training", "Restart
# Sampling") keep their name.
TITLE_KNOWN = True


@cache
def known_techniques() -> frozenset[str]:
    """The forms of generic.txt and methods.txt, case-folded."""
    return frozenset(f.casefold() for name in ("generic.txt", "methods.txt")
                     for g in read_list(_DATA / name) for f in g)


# A title phrase the abstract never uses again (written out, by its initials, or by its first
# word as a name) is the paper's topic, not its system's name: the paper's own system is then
# THIS_PAPER. Not a phrase headed by a generic system noun ("Transformer-Based Model for ..."),
# which the annotators write as the name whether or not the abstract repeats it.
TITLE_IN_BODY = True
# a title phrase the entity rules typed as a task names the problem, not the paper's system
TITLE_TASK = True
_GENERIC_HEADS = frozenset({"model", "system", "framework", "approach", "method", "algorithm",
                            "pipeline", "scheme", "strategy", "architecture", "network"})


def _used_in_body(phrase: str, body: str) -> bool:
    """Whether the abstract uses a title phrase as a name: written out, by its initials
    ("SSVRL"), by the initials of all but its head ("BV compensation"), or by its first word
    as a name ("a sampler called \\textit{Restart}", "Restart outperforms ...")."""
    if phrase.casefold() in body.casefold():
        return True
    words = phrase.split()
    forms = {"".join(w[0] for w in words),
             "".join(p[0] for w in words for p in w.split("-") if p)}
    # each pattern below is built for the phrase (a compile when new to re's cache): it runs
    # only when the body holds the literal it must match (its upper-case initials, the short
    # form in any case where both are ASCII, the first word)
    if any(re.search(rf"\b{re.escape(f.upper())}s?\b", body) for f in forms
           if len(f) >= 2 and f.upper() in body):
        return True
    short = "".join(w[0] for w in words[:-1]).upper()
    if len(words) > 1 and (not (body.isascii() and short.isascii())
                           or short.lower() in body.lower()) and re.search(
            rf"\b{re.escape(short)}\s+{re.escape(words[-1])}\b", body, re.I):
        return True
    if words[0] not in body:
        return False
    first = re.escape(words[0])
    return any(_SUBJECT_AFTER.match(body, m.end()) or
               re.search(r"[a-z{,]\s*$", body[max(0, m.start() - 3):m.start()])
               for m in re.finditer(rf"(?<![\w\-]){first}(?![\w\-])", body))


WE_NAMED = True
# the verb first, then "we" / "this paper" before it (a scan for the verbs alone is the cheap one)
_WE_NAMES = re.compile(r"(?:present|propose|introduce|develop|design)\w*\s+")
_WE_BEFORE = re.compile(r"(?:\b[Ww]e|\b[Tt]his\s+(?:paper|work))\s+"
                        r"(?:(?:also|further|then|first)\s+)?$")


def _named_by_we(text: str, title_end: int) -> str | None:
    """The coined name the abstract's first "we propose NAME, a ..." gives its own system
    ("We introduce \\textbf{CAPS}, a two-stage ... framework", "we propose DuSAR (...) - a
    demonstration-free framework"), for a paper with no introduced method or model entity;
    not a name of data or what the words after it call a benchmark, tool, task or study."""
    for m in _WE_NAMES.finditer(text, title_end):
        if not _WE_BEFORE.search(text, max(title_end, m.start() - 24), m.start()):
            continue
        name = _INTRO_NAME.match(text, m.end())
        if not name or not _COINED_WORD.search(name.group(1)) or \
                name.group(1) in _NOT_SYSTEMS or _DATA_NAME.search(name.group(1)):
            continue
        stop = text.find(". ", name.end())
        stop = name.end() + 100 if stop < 0 else min(stop, name.end() + 100)
        if not _NOT_A_METHOD.search(text, name.end(), stop):
            return name.group(1)
    return None


# what a name the abstract presents is when it is no method: data, a benchmark, a study, a task
_NOT_A_METHOD = re.compile(
    r"\b(?:benchmarks?|datasets?|data\s?sets?|corpus|corpora|suite|arena|leaderboard|testbed|"
    r"library|platform|archive|resource|collection|task|diagnostic|study|survey|"
    r"evaluation|simulator|environment|toolkit|challenge|tool)\b", re.I)
_DATA_NAME = re.compile(r"bench|data|corpus", re.I)  # a name that says it is data: "PowerBench"


INTRO_OTHER = True
MEANS_TITLE = True
_TITLE_MEANS = re.compile(r"\b(?:via|through|using|with|by)\s+(?:[\w\-]+\s+)?$", re.I)
_WE_PRESENT = re.compile(r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work))\s+(?:also\s+|further\s+|then\s+)?"
                         r"(?:present|propose|introduce|develop|design)\w*\b")


def _introduced_after_we(ents: list[dict], text: str, title_end: int) -> str | None:
    """The first introduced method or model named within 120 characters after the abstract's
    first "we propose/present/introduce ..." that names one, in the same sentence."""
    for m in _WE_PRESENT.finditer(text, title_end):
        stop = text.find(". ", m.end())
        stop = min(len(text) if stop < 0 else stop, m.end() + 120)
        found = min(((mm[1], e["name"]) for e in ents if e.get("role") == "introduced" and
                     e["type"] in SYSTEM_TYPES and not _plural_head(e["name"]) and
                     not _judged_only(e)
                     for mm in e.get("mentions", []) if m.end() <= mm[1] < stop), default=None)
        if found:
            return found[1]
    return None


def _plural_head(name: str) -> bool:
    """Whether a name is a plural class of systems ("Multi-agent systems"), not one system."""
    last = name.split()[-1].casefold() if " " in name else ""
    return last.endswith("s") and last[:-1] in cues()["heads"]


_COMMA_ARTICLE = re.compile(r",\s+an?\s")


def _comma_after(text: str, name: str) -> bool:
    """Whether text writes name with ", a" or ", an" (_COMMA_ARTICLE) starting among the four
    characters after it."""
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        k = text.find(",", j, j + 4)
        while k >= 0:
            if _COMMA_ARTICLE.match(text, k):
                return True
            k = text.find(",", k + 1, j + 4)
        i = text.find(name, i + 1)
    return False


def _called_a_method(text: str, name: str) -> bool:
    """Whether text presents name as a method ("X, a data curation framework for ...")."""
    heads = cues()["heads"]
    if not _comma_after(text, name):
        return False  # the pattern below, built for the name, cannot match: not compiled
    for m in re.finditer(rf"{re.escape(name)}\W{{0,3}},\s+an?\s+([^.;:()]{{1,80}})", text):
        words = re.split(r"\s+(?:for|to|that|which|with|of|in|on|aimed|designed)\b", m.group(1))[0]
        if any(w.casefold() in heads for w in words.replace(",", " ").split()):
            return True
    return False


_TITLE_NAME = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?([^:]{1,40}?)\s*:\s")
_NOT_A_SYSTEM_TITLE = re.compile(
    r"\b(?:Benchmark|Benchmarking|Dataset|Data\s?set|Corpus|Survey|Study|Report|Playground|"
    r"Suite|Arena|Leaderboard|Collection|Testbed|Challenge|Review)s?\b", re.I)


_DATA_TITLE = re.compile(
    r"\b(?:Benchmark|Benchmarking|Dataset|Data\s?set|Corpus|Suite|Arena|Leaderboard|"
    r"Testbed)s?\b", re.I)


CALLED_MODEL = True


def title_lead(title: str, ents: list[dict], text: str = "") -> str | None:
    """The name a title leads with before its colon ("MobRFFI: Non-cooperative ..."), when
    the title does not call it a benchmark, dataset or study and the name is one of the
    paper's entities (a method or model; not a benchmark or task; another type only when the
    paper introduces it, and a dataset only when the text calls it a method: "MobRFFI, an
    AI-based ... framework")."""
    m = _TITLE_NAME.match(title)
    if not m:
        return None
    lead = m.group(1).strip()
    words = lead.split()
    if not 1 <= len(words) <= 4 or _NOT_A_SYSTEM_TITLE.search(title) or \
            not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return None
    for e in ents:
        if e.get("type") == "TASK" or (e.get("type") not in SYSTEM_TYPES and
                                       e.get("role") != "introduced"):
            continue
        if e.get("type") == "BENCHMARK" and not CALLED_MODEL:
            continue
        if lead.casefold() not in (e["name"].casefold(),
                                   *(a.casefold() for a in e.get("aliases", []))):
            continue
        if e["type"] in BENCH_TYPES and not (_called_a_method(text, lead) or CALLED_MODEL and
                                             _called_a_method(text, e["name"])):
            continue  # "BiND (Bimanual Neural Discriminator-Decoder), a two-stage model"
        return e["name"]
    return None


_TITLE_LEAD = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?((?:[A-Z][\w\-]*\s+){0,4}[A-Z][\w\-]*)\s+"
                         r"(?:for|of|in|on|with|via|to|as|and|improves?|enables?)\b")
_TITLE_TAIL = re.compile(r"\b(?:with|via|using|through|by)\s+((?:[A-Z][\w\-]*\s+){0,4}"
                         r"[A-Z][\w\-]*)\s*$")


_TITLE_VERBS = frozenset({"Improved", "Improve", "Towards", "Toward", "Rethinking", "Revisiting",
                          "Efficient", "Better", "Scalable", "Robust", "Fast", "Simple"})


# A title phrase headed by one of these names the problem ("High-Fidelity Compression of ...",
# "Shape Estimation"), not the paper's method.
_TASK_HEADS = frozenset({"compression", "estimation", "modeling", "modelling", "mechanism",
                         "detection", "classification", "recognition", "segmentation",
                         "prediction", "forecasting", "generation", "reconstruction"})


def title_system(title: str) -> str | None:
    """The paper's own method when its title names it as a capitalised phrase ending in a
    method head word ("Staged Training for ...", "... with Adaptive Weight Decay")."""
    heads = cues()["heads"]
    for pattern in (_TITLE_LEAD, _TITLE_TAIL, subtitle_phrase):
        m = pattern(title) if callable(pattern) else pattern.search(title)
        if m:
            words = (m if isinstance(m, str) else m.group(1)).split()
            while words and (words[0].endswith("ing") and words[0][:1].isupper()
                             and words[0].casefold() not in heads or words[0] in _TITLE_VERBS):
                words = words[1:]  # "Leveraging Computerized Adaptive Testing"
            last = words[-1].casefold() if words else ""
            if len(words) >= 2 and last in heads and not last.endswith("s") and \
                    words[0].casefold() not in ("a", "an", "the", "on", "towards", "toward") \
                    and not _NOT_A_SYSTEM_HEAD.search(" ".join(words)) \
                    and last not in _TASK_HEADS:
                return " ".join(words)
    return None


def _system(text: str, mentions, s0: int, cs: int, pos: int, end: int, c: dict,
            own: str | None, background: bool = False) -> str | None:
    """The system a value belongs to: the nearest subject before it (an entity followed by a
    result verb, "we/our ..." for the paper's own, an unnamed group or a baseline for None), in
    its clause, else in its sentence; else the nearest entity of the clause; else the paper's."""
    if NAME_COLON:  # "(BGE-Large: 92.0% Recall, Jina-v3: 90.1% Recall)": each name's
        for _a, b, name, typ, _role in mentions:
            if b < pos and pos - b <= 3 and typ in SYSTEM_TYPES and name not in _NOT_SYSTEMS \
                    and re.fullmatch(r":\s*", text[b:pos]) and not (
                        METRIC_NOT_SYSTEM and c["metric"].fullmatch(name)) and (
                        typ == "MODEL" or not _ACRONYM.fullmatch(name) or
                        c["metric"].match(text, end + 1)):  # not "(QWK: 0.531 to 0.686)"
                _tag("system", "name: value")
                return name
    if for_unnamed(text, end, mentions):
        _tag("system", "null: a value for an unnamed system")
        return None  # "from 71.8% for compute-matched non-causal RL and 75.4% for an ... baseline"
    if NAME_AT and (at := _name_at(text, mentions, pos)):
        _tag("system", "name right before 'at' value")
        return at  # "(vs. Claude Opus 4.6 at 80.8%)"
    opened = text.rfind("(", max(s0, pos - 60), pos)
    versus = VS_BRACKET and opened >= 0 and _vs_bracket(text, opened, pos, end)
    first = False
    if versus:  # "CLS achieves higher rates on ... Qwen 7B (91% vs. 79.2%)": not Qwen 7B's
        named = next((name for a, b, name, typ, _role in mentions if b <= opened and
                      not text[b:opened].strip() and typ in SYSTEM_TYPES and
                      name not in _NOT_SYSTEMS and _VS_CUE.search(text, max(s0, a - 50), a)),
                     None) if versus == "second" else None
        if versus == "second" and not named and not any(
                opened - 1 <= b <= opened and typ in SYSTEM_TYPES
                for _a, b, _n, typ, _r in mentions):
            # "surpasses the larger DeepSeek R1 on three benchmarks: AIME24 (80.3 vs. 79.8)"
            named = next((name for a, b, name, typ, _role in reversed(mentions) if
                          s0 <= a and b <= opened and typ in SYSTEM_TYPES and
                          name not in _NOT_SYSTEMS and
                          _VS_CUE.search(text, max(s0, a - 50), a)), None)
        if versus == "second":
            _tag("system", "second of '(A vs. B)': the compared name before the bracket")
            return named  # "outperforms the larger Qwen2.5-VL-72B (50.5% vs. 47.3%)"
        opened = -1  # the first: the sentence's subject's, as if no bracket were there
        first = True
    if opened >= 0 and ")" not in text[opened:pos]:
        # "outperforming SVDQuant (FID 18.9, PSNR 17.6)": the values of the name before "("
        for a, b, name, typ, _role in mentions:
            if (typ in SYSTEM_TYPES or name == own) and name not in _NOT_SYSTEMS and \
                    b <= opened and not text[b:opened].strip() and \
                    not (_ON_BEFORE.search(text, max(s0, a - 20), a) and not (
                        OF_NAME and _OF_NAME.search(text, max(s0, a - 30), a))) and not (
                    METRIC_NOT_SYSTEM and name != own and c["metric"].fullmatch(name)):
                _tag("system", "bracket after name")
                return name  # also "the F1 value of Xunzi-Qwen1.5-14B (0.12)"
            if BRACKETED and typ in SYSTEM_TYPES and name not in _NOT_SYSTEMS and \
                    a == opened + 1 and re.fullmatch(r",\s*", text[b:pos]):
                _tag("system", "bracket after name")
                return name  # "a baseline (DynUNet, 0.224)"
        coined = COINED_BRACKET and _COINED_FIRST.fullmatch(text, opened + 1, pos)
        if coined and _CUE_BEFORE.search(text, s0, opened) and not any(
                a <= coined.start(1) < b for a, b, *_ in mentions):
            _tag("system", "coined name in bracket before value")
            return coined.group(1)  # "whole-proof generation (Godel-Prover, 55.33%)"
    if POSSESSIVE and (poss := _POSSESSIVE.search(text, max(s0, pos - 60), pos)):
        owner = poss.group(1)
        named = next((name for a, b, name, typ, _ in mentions if a == poss.start(1) and
                      b == poss.end(1) and typ in SYSTEM_TYPES), None)
        if named or owner not in _NOT_SYSTEMS and not c["metric"].fullmatch(owner) and \
                not any(a < poss.end(1) and poss.start(1) < b for a, b, *_ in mentions):
            _tag("system", "possessive name before value")
            return named or owner  # "outperforming Mimicgen's 49.5%", "X's accuracy of 93.58%"
    if _BASELINE_NEAR.search(text, max(cs, pos - 45), pos) or _BASELINE_AFTER.match(text, pos):
        if named := named_baseline(text, mentions, s0, pos, _NOT_SYSTEMS):
            _tag("system", "named baseline")
            return named  # "a strong SE-ResNeXt101 baseline attains ... (92.64%)"
        _tag("system", "null: baseline near")
        return None
    if not (FIRST_NOT_COMPARED and first or GAIN_NOT_COMPARED and text.startswith("+", pos)) \
            and _PAREN_CMP.search(text, max(s0, pos - 80), pos):
        if named := named_baseline(text, mentions, s0, pos, _NOT_SYSTEMS):
            _tag("system", "named baseline")
            return named  # "surpass a 10-epoch SGD baseline (84.41%)"
        _tag("system", "null: bracket after comparison")
        return None  # "compared to graph-based (precision: 0.28, ...)": the other system's
    if CMP_VERB_BRACKET and opened >= 0 and ")" not in text[opened:pos] and (
            verb := _CMP_VERB_BRACKET.search(text, max(s0, opened - 60), opened)) and not any(
            verb.start() < a < opened for a, *_ in mentions) and not _PAIR_NEXT.match(text, end):
        _tag("system", "null: bracket after an unnamed compared system")
        return None  # "surpassing the 300M-parameter teacher model (73.84%)"
    if CMP_OF_VALUE and (cmp_of := _CMP_OF_VALUE.search(text, max(s0, pos - 70), pos)) and \
            not any(cmp_of.start() < a < pos for a, *_ in mentions):
        _tag("system", "null: 'of' value after an unnamed compared system")
        return None  # "compared to a baseline encoder-only score of 32.83%"
    gain_own = GAIN_FOR_OWN and _GAIN_BEFORE.search(text, max(s0, pos - 40), pos) and \
        _own_subject_before(text, mentions, s0, pos, own, c)
    for a, b, name, typ, _role in () if gain_own else mentions:  # "99% for Imagen"
        if pos < a <= pos + 80 and (typ in SYSTEM_TYPES or name == own) and \
                name not in _NOT_SYSTEMS and (a <= pos + 40 and _FOR_SYSTEM.fullmatch(
                    text, end, a) and not (NAME_MODIFIES and _MODIFIES.match(text, b)) or
                    _DONE_BY.fullmatch(text, end, a)):
            _tag("system", "name after value (for/in/achieved by)")
            return name  # also "the best accuracy of 64.8% achieved by Gemini 3 Flash"
    for a, b, name, typ, _role in mentions:  # "customized CNN accuracy of 96.98%"
        if NAME_METRIC_OF and cs <= a and b <= pos and typ in SYSTEM_TYPES and \
                name not in _NOT_SYSTEMS and pos - b <= 60:
            mm = c["metric"].match(text, b + (3 if text.startswith("'s ", b) else 1))
            if mm and text[b:b + 1] in (" ", "'") and (_OF_VALUE.fullmatch(
                    text, mm.end(), pos) or POSSESSIVE_BY and text.startswith("'s ", b) and
                    _BY_VALUE.fullmatch(text, mm.end(), pos)):
                _tag("system", "name before its metric of the value")
                return name  # also "reduces GPT-5's accuracy by 3-19 pp"
    if (_VERSUS_WIDE if VERSUS_WIDE else _VERSUS).search(text, max(s0, pos - 16), pos):
        _tag("system", "null: after vs")
        return None  # "58% vs 55.9%", "71.2% versus 65.0%": the other system's, unnamed here
    loose: tuple[int, str] | None = None
    loose_at: tuple[int, str, str | None] = (0, "", None)
    src = ""
    for lo in (cs, s0):
        best: tuple[int, str | None] | None = None
        subject_end = 0
        for a, b, name, typ, _role in mentions:
            if a < lo or a >= pos or name in _NOT_SYSTEMS or name.casefold() in _STAT_NAMES or (
                    typ not in SYSTEM_TYPES and name != own and not (
                        typ in ("DATASET", "TASK") and _ACTS.match(text, b) and
                        not _ON_BEFORE.search(text, max(lo, a - 20), a))):
                continue
            if (c["cmp"].search(text[max(lo, a - 30):a]) or CMP_WIDE and _CMP_WIDE.search(
                    text, max(lo, a - 40), a)) and not _ENHANCED.search(
                    text, max(lo, a - 30), a) and not (
                    WITH_ACTING and _WITH_BEFORE.search(text, max(lo, a - 12), a) and
                    _ACTING.match(text, b)) and not (
                    WITH_SUBJECT and _with_subject(text, mentions, a, b)) and not (
                    EXAMPLE_SUBJECT and _EXAMPLE_BEFORE.search(text, max(lo, a - 40), a) and
                    _SUBJECT_AFTER.match(text, b)) or c["metric"].fullmatch(name) or \
                    c["metric"].match(text, b + 1) or _DATA_AFTER.match(text, b) or \
                    NAME_CMP_LIST and _NAME_CMP_LIST.search(text, max(lo, a - 80), a):
                continue
            if ASIDE_IN_SUBJECT and best is not None and a < subject_end:
                continue  # "Xunzi-Qwen1.5-14B, with ... chain-of-thought prompting, achieves"
            if REPORTS_THAT and _REPORTS_THAT.match(text, b):
                continue  # "Clinical evaluation shows that GlyRAG places 85%": the evidence
            if not (subj := _SUBJECT_AFTER.match(text, b)) and HEAD_WORD and \
                    (head := _HEAD_NOUN.match(text, b)):
                subj = _SUBJECT_AFTER.match(text, head.end())  # "the X student model achieves"
            if not subj:
                if lo == cs and (loose is None or a > loose[0]) and not (
                        LOOSE_OUTSIDE and loose is not None and _in_bracket(text, lo, a) and
                        not _in_bracket(text, lo, loose[0])) and not (
                        LOOSE_NOT_OBJECT and _LOOSE_OBJECT.search(text, max(lo, a - 24), a)) \
                        and not (LOOSE_NOT_OPENER and a < _opener_end(text, s0, pos)):
                    loose = (a, name)
                    loose_at = (b, typ, _role)
                continue
            if best is None or a > best[0]:
                best = (a, name)
                subject_end = subj.end() if _WITH_ASIDE.match(text, b) else 0
                src = "entity subject"
                if PARTICIPLE_ASIDE and (held := _held_subject(text, mentions, lo, a)):
                    best = held  # "ThreadWeaver trained atop Qwen3-8B achieves": ThreadWeaver
                    src = "entity subject before its participle"
        for m in _COINED.finditer(text, lo, pos):
            # a coined name the entity rules missed, as the subject ("PG achieves ...")
            if best is not None and m.start() <= best[0]:
                continue
            if any(a <= m.start() < b for a, b, *_ in mentions) or m.group(0) in _NOT_SYSTEMS or \
                    c["metric"].fullmatch(m.group(0)) or not _SUBJECT_AFTER.match(text, m.end()) \
                    or m.group(0).casefold() in _STAT_NAMES:
                continue
            if c["cmp"].search(text[max(lo, m.start() - 30):m.start()]) and not (
                    WITH_SUBJECT and _with_subject(text, mentions, m.start(), m.end())):
                continue
            if COINED_NOUN and _NOUN_AFTER.match(text, m.end()):
                continue  # "FAIR scores from 52-57%", "KL reductions of 13.7%", "T2V models"
            if COINED_STRICT and not_coined_subject(text, lo, m.start(), m.end()):
                continue  # "the LLM-based framework recovers", "for long-video QA yields"
            best = (m.start(), _expand_acronym(m.group(0), mentions))
            src = "coined name subject"
        if best is None:
            np_ = _np_subject(text, lo, pos, c)
            if np_:
                best = np_
                src = "unnamed method phrase subject"
        for m in c["own"].finditer(text, lo, pos):
            if c["cmp"].search(text, max(lo, m.start() - 30), m.start()):
                continue  # "FooNet outperforms it", "than our baseline": not the subject
            if OWN_NOT_IN_NAME and (text[m.start() - 1:m.start()] in ("-", "_", "/") or any(
                    a <= m.start() < b for a, b, *_ in mentions)):
                continue  # "The MedGemma-4b-it model ... achieving": "it" is part of the name
            if best is None or m.start() > best[0]:
                # a benchmark paper (own None) still has "our approach" as its own system
                best = (m.start(), own if own is not None or not _OWN_METHOD.match(
                    text, m.start()) else THIS_PAPER)
                src = "we/our -> own system"
                intro = _WE_INTRODUCE.match(text, m.end())
                name = intro and _INTRO_NAME.match(text, intro.end(), pos)
                named = name and next((x for x in mentions if x[0] == name.start(1) and
                                       x[3] in SYSTEM_TYPES), None)
                if named:  # "We present CKM-Lite, a variant that achieves ...": CKM-Lite's
                    best = (named[0], named[2])
                    src = "we present NAME"
                elif (ours := our_name(text, mentions, m.start(), pos)) and \
                        ours[1] not in _NOT_SYSTEMS:
                    best = ours  # "our MPTs-1/32 not only set ... 94.8%": MPTs-1/32's
                    src = "our NAME"
                elif name and _COINED_WORD.search(name.group(1)) and \
                        name.group(1) not in _NOT_SYSTEMS:
                    best = (name.start(1), name.group(1))  # "\textbf{Least-Stale}, a policy"
                    src = "we present NAME"
        for m in c["group"].finditer(text, lo, pos) if may_hold_group(text, lo, pos) else ():
            acts = GROUP_ACTS and _GROUP_ACTS.match(text, m.end())  # "with top models achieving"
            if not acts and c["cmp"].search(text[max(lo, m.start() - 30):m.start()]) or \
                    GROUP_CMP and _CMP_LOOSE.search(text, max(lo, m.start() - 40), m.start()) or \
                    GROUP_CMP and _CMP_LIST.search(text, max(lo, m.start() - 80), m.start()):
                continue  # "improves PSNR over recent state-of-the-art methods and ...": compared
            if GROUP_OBJECT and not acts and _PREP_BEFORE.search(text, max(lo, m.start() - 12),
                                                                 m.start()):
                continue  # "outperforms defenses across all models, recovering 19.9%": an object
            if best is None or m.end() > best[0]:  # beats a generic name inside the group
                best = (m.end(), None)
                src = "null: unnamed group subject"
        if best is not None:
            _tag("system", src + (" (clause)" if lo == cs else " (sentence)"))
            return best[1]
    if loose and own_over_loose(text, *loose_at, own):
        _tag("system", "own name over a used name of a verbless clause")
        return own  # "integrating the HMT plug-in reduces prefill latency by 23.23x": FlexLLM's
    if loose:
        _tag("system", "nearest entity of clause (no verb)")
        return loose[1]
    if background and own is not None:
        _tag("system", "null: background sentence")
        return None
    _tag("system", "default: own system" if own is not None else "default: null (data paper)")
    return BY_DEFAULT if own is not None else None


ASIDE_IN_SUBJECT = True
# an own-system cue inside a name ("gemma-2-9b-it", "Llama-3-8B-it") is no "it"
OWN_NOT_IN_NAME = True
WITH_SUBJECT = True
# "Joint multi-modal training with HGRN achieves 94.41%": a name after "with/using" that a
# common noun leads to, followed right by its verb, is what the subject names (after a name,
# "U-Net++ with EfficientNet-B3 achieved", or a participle, "ABPR paired with Gemini-3-Flash
# achieves", the name before stays the subject)
_WITH_NOUN = re.compile(r"\b[a-z][\w\-]*(?<!ed)\s+(?:with|using)\s+(?:the\s+)?$")
_VERB_RIGHT_AFTER = re.compile(r"(?:\s+\([^()]{0,40}\))?\s+(?:\w+ly\s+)?(?:achiev|reach|obtain|"
                               r"attain|scor|yield|improv|outperform|surpass|deliver|record)\w*")


def _with_subject(text: str, mentions, a: int, b: int) -> bool:
    """A name at [a, b) after "with/using" that a common noun (no name) leads to, followed
    by its verb: the subject of that verb ("training with HGRN achieves")."""
    lead = _WITH_NOUN.search(text, max(0, a - 40), a)
    return bool(lead) and _VERB_RIGHT_AFTER.match(text, b) is not None and not any(
        x[0] <= lead.start() < x[1] for x in mentions)


PARTICIPLE_ASIDE = True
# "ThreadWeaver trained atop Qwen3-8B achieves", "a Qwen3-0.6B fine-tuned on X without Y
# achieves": the names after a participle that follows a name are what it was made from; the
# name before the participle is the verb's subject
_PARTICIPLE = re.compile(r"\s+(?:trained|fine-?tuned|finetuned|pre-?trained|built|initiali[sz]ed|"
                         r"distilled|instantiated|post-?trained)\s+(?:atop|on|upon|with|from|"
                         r"using|over|via)\b[^,;:()]{0,60}$")


def _held_subject(text: str, mentions, lo: int, a: int) -> tuple[int, str] | None:
    """The system name a participle follows ("X trained on") when the subject name found at
    a is inside that participle's phrase."""
    for x in mentions:
        if x[0] >= a:
            break
        if x[0] >= lo and x[3] in SYSTEM_TYPES and x[2] not in _NOT_SYSTEMS and \
                _PARTICIPLE.fullmatch(text, x[1], a):
            return x[0], x[2]
    return None


REPORTS_THAT = True
# a name whose verb reports a finding ("X shows that", "X confirms that") is the evidence: the
# value belongs to the subject of the "that" clause
_REPORTS_THAT = re.compile(r"(?:\s+\([^()]{0,40}\))?\s+(?:\w+ly\s+)?(?:show(?:s|ed)?|"
                           r"demonstrat\w*|reveal\w*|confirm\w*|indicat\w*|suggest\w*)\s+that\b")
GROUP_OBJECT = True
COINED_NOUN = True
# a gain "by N for X" in a sentence whose subject is the paper's own system ("AdvPrompt reduces
# token usage by 35% for Claude-3.7", "it increases the response length by over 2.5 times for
# the o3 model", "our approach increases the score by 3.3 points on LLaMA3"): X is the model the
# own method is applied to, and the gain is the own system's; not "compared with 0.629 for X"
GAIN_FOR_OWN = True
_GAIN_BEFORE = re.compile(r"(?:\bby|\b(?:gains?|improvements?|reductions?)\s+of)\s+(?:(?:up\s+to|"
                          r"over|about|around|nearly|approximately|more\s+than|as\s+much\s+as|"
                          r"an\s+average\s+of)\s+)?$", re.I)


def _own_subject_before(text: str, mentions, s0: int, pos: int, own: str | None,
                        c: dict) -> bool:
    """Whether the sentence before pos names the paper's own system ("we", "our approach",
    "it", or its name) outside a comparison."""
    if any(m[2] == own and s0 <= m[0] < pos for m in mentions) and own not in (None, THIS_PAPER):
        return True
    return any(not c["cmp"].search(text, max(s0, m.start() - 30), m.start())
               for m in c["own"].finditer(text, s0, pos))


# a coined word that is no system subject: a compound modifier ("the LLM-based framework
# recovers 94%", "the proposed KD-based method yields"), the object of a preposition or of
# "leverages" ("gains for long-video QA", "excels in open-domain QA, achieving"), a unit after a
# number ("a size of 1.267 KB, achieves") or a measure before its change ("the maximum ACC
# improvement of 6.89%", "a relative EX improvement over")
COINED_STRICT = True
_COINED_MODIFIER = re.compile(r"-(?:based|driven|only|guided|aware|augmented|enhanced|free|"
                              r"powered|assisted|centric|level|style|like)$", re.I)
_COINED_OBJECT = re.compile(r"(?:\b(?:for|in|of|on|to|with|using|leverag\w*)\s+"
                            r"(?:[a-z]\w*-[\w\-]+\s+)?|\d\s*)$")
_MEASURE_CHANGE = re.compile(r"\s+(?:improvement|gain|increase|reduction|decrease|drop)\s+"
                             r"(?:of|from|on|in|for|by|at|to|over)\b")


def not_coined_subject(text: str, lo: int, a: int, b: int) -> bool:
    """Whether the coined word at a..b is a modifier, an object, a unit or a measure rather
    than the subject that holds the value."""
    return bool(_COINED_MODIFIER.search(text, a, b) or
                _COINED_OBJECT.search(text, max(lo, a - 40), a) or
                _MEASURE_CHANGE.match(text, b))


# a coined name followed by a plural noun, not a verb: what is measured ("FAIR scores from",
# "KL reductions of") or a group of systems ("T2V models demonstrate")
_NOUN_AFTER = re.compile(r"\s+(?:(?:scores|reductions|increases|improvements|gains|drops)\s+"
                         r"(?:of|from|on|in|for|by|at|to|over)\b|(?:models|methods|systems|"
                         r"approaches|agents|baselines)\b)")
_PREP_BEFORE = re.compile(r"\b(?:across|among|on|over|of|from|against|to|by|between)\s+"
                          r"(?:the\s+)?$", re.I)
_WITH_ASIDE = re.compile(r"(?:\s+\([^()]{0,40}\))?(?:\s+(?:model|method|framework|system))?\s*,\s+"
                         r"(?:with|using|via|fine-tuned|trained|combined|equipped|augmented|"
                         r"enhanced|integrated)\b")
# a name inside the aside between a subject and its verb is not the subject ("the domain model
# Xunzi-Qwen1.5-14B, with Simplified Chinese input and chain-of-thought prompting, achieves")
LOOSE_OUTSIDE = True


# "the VideoMAE variant (MCG-NJU/videomae-base) achieved the highest accuracies of 95.5%": with
# no subject verb found, a name inside an aside in brackets is not preferred over one before it


def _in_bracket(text: str, lo: int, pos: int) -> bool:
    """Whether pos lies inside a bracket opened after lo and not closed before pos."""
    return text.count("(", lo, pos) > text.count(")", lo, pos)


HEAD_WORD = True
# a name and the head noun of its phrase before the verb: "the random forest regressor
# performed", one free word before a system noun ("the resulting BTC student model surpasses",
# "the Logistic Regression deployment model reaches"); not a participle ("OLMo-1B aligned
# models", "our DT based approach": made with the name, not the name)
_HEAD_NOUN = re.compile(r"(?:[\s\-]+(?:regressor|learner|ensemble|predictor|estimator)s?|"
                        r"\s+(?![a-z]+ed\b)[a-z]{3,}\s+(?:model|method|framework|approach|"
                        r"system|classifier|regressor|pipeline|network|architecture))(?=[\s,])")
LOOSE_NOT_OPENER = True
# a name inside the prepositional phrase that opens the sentence ("On decoder (LLaMA-7B) and
# encoder-decoder (FLAN-T5-XXL) LMs, gisting enables up to 26x", "Across two model families
# (Qwen, Llama) ..., these attacks lower ... by 60.0%", "With the larger DINOv3-B backbone,
# these gains increase to +3.36") is the setting, not the system of a value after its comma
_OPENER = re.compile(r"\s*(?:On|In|Across|With|Through|Under|Among|Using|Via|By|After|During|"
                     r"From|Over|Within)\s")


def _opener_end(text: str, s0: int, pos: int) -> int:
    """The end of the prepositional phrase opening the sentence at s0: its first comma outside
    brackets before pos; s0 when the sentence opens otherwise or no such comma comes first."""
    if not _OPENER.match(text, s0):
        return s0
    depth = 0
    for i in range(s0, pos):
        ch = text[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            return i
        elif ch in ";:" and depth == 0:
            break
    return s0


NAME_COLON = True
_ACRONYM = re.compile(r"[A-Z][A-Z\-]{1,5}")  # "JGA", "QWK", "BPCER" (not "GPT-4o", "LoRA")
CMP_WIDE = True
_CMP_WIDE = re.compile(r"\b(?:than|over|vs\.?|versus|compared\s+(?:to|with)|relative\s+to|"
                       r"against|outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+"
                       r"(?:(?:the|a|an)\s+)?(?:[a-z][a-z\-]*\s+){1,2}$")  # "than classical LoRA"
POSSESSIVE = True
# "Mimicgen's 49.5%", "MixMatch's accuracy of 93.58%": a capitalised name, its possessive, at
# most two words (a metric) and "of" right before the value
_POSSESSIVE = re.compile(r"(?<![\w\-])([A-Z][\w\-.]*(?:\s[A-Z0-9][\w\-.]*){0,2})'s\s+"
                         r"(?:[\w\-@]+\s+){0,2}?(?:of\s+)?$")
POSSESSIVE_BY = True
_BY_VALUE = re.compile(r"\s+by\s+(?:up\s+to\s+|about\s+|nearly\s+|over\s+|around\s+)?")
COINED_BRACKET = True
_COINED_FIRST = re.compile(r"\s*((?:[A-Z][a-z]*[A-Z0-9\-][\w\-.]*|[A-Z]{2,}[\w\-.]*)"
                           r"(?:\s[A-Z0-9][\w\-.]*){0,2}),\s*")
GROUP_ACTS = True
_GROUP_ACTS = re.compile(r"\s+(?:\w+ly\s+)?(?:achiev|reach|obtain|attain|scor|get)", re.I)
# "outperforming the base CNNs and state-of-the-art methods by 18% and 3%": a list compared
_CMP_LIST = re.compile(r"\b(?:than|over|outperform\w*|surpass\w*|beat\w*|versus|vs\.?|"
                       r"compared\s+(?:to|with)|relative\s+to|against)\s+[^.;:()]{1,60}?"
                       r"(?:,\s*and|,|\band|\bor)\s+(?:the\s+)?$", re.I)
GROUP_CMP = True
NAME_CMP_LIST = True
# a name listed after a comparison verb ("BSZO outperforms MeZO, MeZO-Adam, and HiZOO across
# various tasks, achieving up to 6.67%") is compared, not the subject; only verbs, since a
# fronted "Compared to X, FooNet achieves" or "over 20,000 episodes, FooNet" leads to the subject
_NAME_CMP_LIST = re.compile(r"\b(?:than|outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+"
                            r"(?:[^.;:()]|\([A-Za-z][\w\-]{0,11}\)){1,80}?"
                            r"(?:,\s*and|,|\band|\bor)\s+(?:the\s+)?$", re.I)
# (a compared name's short form in brackets is part of the list: "outperforms Least Ambiguous
# Classifiers (LAC) and Adaptive Prediction Sets (APS), improving accuracy by 3.2%")
NAME_METRIC_OF = True
_OF_VALUE = re.compile(r"(?:\s+score)?\s*(?:of|:|=|was|is|reaches|reached)\s+(?:only\s+|about\s+|"
                       r"up\s+to\s+|around\s+)?")
_CMP_LOOSE = re.compile(r"\b(?:than|over|outperform\w*|surpass\w*|beat\w*|versus|vs\.?|"
                        r"compared\s+(?:to|with)|relative\s+to|against)\s+(?:[\w\-]+\s+){0,2}$",
                        re.I)
_OWN_METHOD = re.compile(r"(?:our|this|the\s+proposed)\s+(?:[\w\-]+\s+)?(?:method|approach|"
                         r"model|framework|system|pipeline|architecture|technique|algorithm)\b",
                         re.I)
_NP_WORD = re.compile(r"\s*([A-Za-z][\w\-]*)")
_NOT_NP_START = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "their", "such", "each",
    "both", "all", "most", "many", "some", "every", "any", "no", "one", "other", "our", "we",
    "they", "results", "experiments",
    "evaluation", "in", "on", "for", "with", "by", "as", "at", "and", "but", "while", "when",
    "compared", "finally", "moreover", "furthermore", "overall", "notably", "specifically",
    "additionally", "however", "also", "further", "here", "there", "then", "thus"})


_INTRO_NAME = re.compile(r"(?:\\(?:textbf|textit|textsc|emph|texttt)\{)?"
                         r"([A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,3})\}?\s*(?:,|\(|:)")
_COINED_WORD = re.compile(r"^\S+?[A-Z\d\-]")
_WE_INTRODUCE = re.compile(r"\s+(?:also\s+|further\s+|then\s+)?(?:present|propose|introduce|"
                           r"develop|design|build|train|release)\w*\s+(?:a\s+|an\s+|the\s+)?")


NP_STOPS = True
# Words no method phrase holds: a preposition opening the clause ("Under author-assigned graded
# relevance the ranker attains") or a reporting verb ("Ablations show multi-agent decomposition
# contributes +21 points"); the phrase is then not the subject.
_NP_STOPS = frozenset({"under", "over", "across", "within", "after", "before", "during", "from",
                       "show", "shows", "showed", "shown", "demonstrate", "demonstrates",
                       "reveal", "reveals", "indicate", "indicates", "confirm", "confirms",
                       "suggest", "suggests", "find", "finds", "found", "the", "a", "an",
                       "this", "these", "those", "our", "we", "in", "on", "for", "with", "by",
                       "at", "as", "while", "when"})


def _np_subject(text: str, lo: int, pos: int, c: dict) -> tuple[int, str] | None:
    """An unnamed-entity subject opening the clause: 2-6 words ending in a method head and
    followed by a result verb ("Union based semantic table retrieval attains 54.8% ...")."""
    first = _NP_WORD.match(text, lo, pos)
    if not first or first.group(1).casefold() in _NOT_NP_START:
        return None
    words, at = [], lo
    while len(words) < 6:
        m = _NP_WORD.match(text, at, pos)
        if not m:
            return None
        words.append(m)
        at = m.end()
        if len(words) >= 2 and _SUBJECT_AFTER.match(text, at):
            if REPORTS_THAT and _REPORTS_THAT.match(text, at):
                return None  # "Clinical evaluation shows that ...": the evidence, no system
            names = [w.group(1) for w in words]
            if names[-1].casefold() in c["heads"] and not names[-1].endswith("s") and \
                    names[0].casefold() not in _NOT_NP_START and \
                    not (names[0].endswith("ing") and names[0].casefold() not in c["heads"]) and \
                    not any(c["own"].fullmatch(w) or c["verbs"].match(w) for w in names[:-1]) \
                    and not (NP_STOPS and any(w.casefold() in _NP_STOPS for w in names[:-1])):
                return words[0].start(1), " ".join(names)
            return None
    return None


def _expand_acronym(token: str, mentions) -> str:
    """The METHOD/MODEL entity whose initials spell token ("PG" -> "precision gating")."""
    letters = re.sub(r"[^A-Za-z]", "", token).casefold()
    for _a, _b, name, typ, _ in mentions:
        words = re.findall(r"[A-Za-z]+", name)
        if typ in SYSTEM_TYPES and len(words) == len(letters) > 1 and \
                "".join(w[0] for w in words).casefold() == letters:
            return name
    return token


def _nearest(mentions, types, lo: int, hi: int, pos: int, end: int) -> str | None:
    """The name of the mention of one of types in [lo, hi) nearest to the value."""
    best = None
    for a, b, name, typ, _ in mentions:
        if typ not in types or a < lo or b > hi:
            continue
        d = pos - b if b <= pos else a - end
        if d < 0:
            continue
        if best is None or d < best[0]:
            best = (d, name)
    return best[1] if best else None


JOINED = True
# "HOG+SVM achieved ...", "CNN--LSTM--RL improved ...": the entity rules split such names;
# the system is the joined name as written
# (each part a name: "backflip--A2CF" is a dash)
_JOIN_BEFORE = re.compile(r"(?<![\w.+\-])((?:[A-Z][\w.\-]*?(?:\+|--))+)$")
_JOIN_AFTER = re.compile(r"(?:(?:\+|--)[A-Z0-9][\w.]*(?:-[A-Za-z0-9][\w.]*)*)+")
LEAD_MODIFIER = True
# "Even GPT-4o attains only 58.34%", "Fine-tuned ResNet50 achieved": a word the entity span
# took in that is no part of the name
_LEAD_MODIFIER = re.compile(r"(?:Even|Only|Also|Notably|Fine-?[Tt]uned|Finetuned|"
                            r"Pre-?trained)\s+(?=[A-Z0-9])")


#: what _system answers when no subject gives the value's system and the paper's own is taken
#: by default (the caller reads it as the paper's own system)
BY_DEFAULT = object()


def _system_span(text: str, mentions, s0: int, pos: int, name: str | None) -> str | None:
    """The system name as the sentence writes it: widened to a name joined by "+" or "--"
    around the mention nearest before the value, without a leading "Even"/"Fine-tuned"."""
    if not name or name == THIS_PAPER:
        return name
    if LEAD_MODIFIER and (lead := _LEAD_MODIFIER.match(name)):
        name = name[lead.end():]
    if JOINED:
        near = max(((a, b) for a, b, n, *_ in mentions if n == name and s0 <= a < pos),
                   default=None)
        if near is None and (at := text.rfind(name, s0, pos)) >= 0 and \
                not text[at + len(name):at + len(name) + 1].isalnum():
            near = (at, at + len(name))  # a coined name no entity holds ("SVM achieves")
        if near:
            a, b = near
            lo = _JOIN_BEFORE.search(text, max(s0, a - 40), a)
            hi = _JOIN_AFTER.match(text, b)
            if lo or hi:
                return text[lo.start(1) if lo else a:hi.end() if hi else b]
    return name
