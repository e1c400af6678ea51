"""The paper's own system named where the entity rules did not mark a name as introduced: an
entity the abstract presents with "we propose (a novel) NAME" or "NAME, a ... framework", a
lower-case name it coins ("we present gisting, which ..."), and "our NAME" before a value.
The words are data (extractors/data/words/own_name_*.txt, intro_adjectives.txt)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.result_names import SYSTEM_TYPES
from paperkg.extractors.words import words

# "we propose (a novel) NAME" / "NAME, a ... framework": an entity of any role is the paper's own
WE_ENTITY = True
# "we present gisting, which ...": a lower-case name the paper coins and uses again
WE_LOWER = True
# "our MPTs-1/32 not only set ... 94.8%": the name right after the own cue "our" is the system
OUR_NAME = True
# "we propose relay evaluation, which ...": an introduced way of measuring is no system of a value
MEASURING = True

_VERBS = r"(?:propose|present|introduce|develop|design)[sd]?"
_WE = r"(?:\b[Ww]e|\b[Tt]his\s+(?:paper|work|study))\s+(?:(?:also|further|then|first)\s+)?"
_FONT = r"(?:\$?\\(?:textbf|textit|textsc|emph|texttt|mathbf)\{)?"


# the verb is looked for first and "we" / "this paper" before it (a scan for the verbs alone is
# the cheap one)
_VERB_AT = re.compile(_VERBS + r"\s+")
_WE_BEFORE = re.compile(_WE + r"$")


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """What follows "we VERB ": "(a) [adjectives] " before a name, and a lower-case coined name
    with ", which/a/an" after it; and the words that cannot open such a name."""
    adjs = sorted({*words("own_name_adjectives"), *words("intro_adjectives")}, key=len,
                  reverse=True)
    adj = "(?:" + "|".join(re.escape(w) for w in adjs) + r")"
    opening = re.compile(r"(?:(?:a|an|the)\s+)?(?:" + adj + r"[\s,]+){0,3}" + _FONT)
    lower = re.compile(r"([a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2})\s*,\s+(?:which|a|an)\b")
    return opening, lower, frozenset(words("own_name_not_first"))


def measuring_name(name: str) -> bool:
    """Whether an introduced name is a way of measuring (its head "evaluation", "protocol",
    ...: words/own_name_measure_heads.txt): the values are of the systems it measures."""
    return MEASURING and name.rsplit(None, 1)[-1].casefold() in _measure_heads()


@cache
def _measure_heads() -> frozenset[str]:
    """The head words of a way of measuring."""
    return frozenset(words("own_name_measure_heads"))


def _we_verbs(text: str, title_end: int) -> list[int]:
    """Where the text goes on after each "we / this paper propose|present|introduce|... "."""
    return [m.end() for m in _VERB_AT.finditer(text, title_end)
            if _WE_BEFORE.search(text, max(title_end, m.start() - 30), m.start())]


def _plural(name: str) -> bool:
    """Whether a name's last word reads as a plural ("Neural Networks"): a class, not one system."""
    last = name.split()[-1]
    return len(name.split()) > 1 and last.endswith("s") and not last.endswith("ss")


# where a name the text calls "NAME, a ... framework" is the paper's own: opening an enumerated
# contribution ("First, EMVLight, a decentralized ... framework") or right after "we propose";
# not after a preposition ("an interface for DiffusionGemma, a 26B ... model") nor opening any
# sentence ("CLIP, a foundational vision-language model which ...": background)
_OPENS = re.compile(r"(?:\b(?:First|Second|Third|Finally|Here|Specifically|Moreover|"
                    r"Furthermore|Additionally|Then),\s+|" + _WE + _VERBS + r"\s+)" + _FONT + r"$")


def _opens(text: str, title_end: int, name: str) -> bool:
    """Whether the abstract writes name followed by ", a"/", an" where it opens an enumerated
    contribution, or right after "we propose / present / introduce"."""
    for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}\}}?\$?,\s+an?\s", text[title_end:]):
        at = title_end + m.start()
        if _OPENS.search(text, max(title_end, at - 40), at):
            return True
    return False


def own_named(ents: list[dict], text: str, title_end: int,
              called: object = None) -> str | None:
    """The paper's own system among entities the rules did not mark introduced: the first
    system-type entity written right after "we propose / present / introduce (a novel)", else
    (with called, a test "text calls NAME a method") a coined entity the text presents as
    "NAME, a ... framework"; else a lower-case coined name "we present NAME, which/a ..." that
    the abstract writes again."""
    if not (WE_ENTITY or WE_LOWER) or title_end >= len(text):
        return None
    opening, lower, not_first = _patterns()
    if WE_ENTITY:
        starts = {}
        for e in ents:
            if e["type"] not in SYSTEM_TYPES or _plural(e["name"]) or e["name"].islower():
                continue  # a lower-case name after "we propose a" is a kind of system
            for mm in e.get("mentions", []):
                if mm[1] > title_end:
                    starts.setdefault(mm[1], e["name"])
        ends = {mm[1]: mm[2] for e in ents for mm in e.get("mentions", [])}
        for at in (verbs := _we_verbs(text, title_end)):
            m = opening.match(text, at)
            if m.end() in starts and not _HEAD_AFTER.match(text, ends.get(m.end(), m.end())):
                return starts[m.end()]
        if called is not None:
            for e in ents:
                name = e["name"]
                if e["type"] in SYSTEM_TYPES and re.search(r"[A-Z].*[A-Z\d]|\d", name) and \
                        " " not in name and called(text[title_end:], name) and \
                        _opens(text, title_end, name):  # the cheap test first
                    return name
    if WE_LOWER:
        for at in verbs if WE_ENTITY else _we_verbs(text, title_end):
            m = lower.match(text, at)
            if not m:
                continue
            name = m.group(1)
            if name.split()[0] in not_first or name.split()[-1] in not_first:
                continue
            if re.search(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text[m.end():], re.I):
                return name
    return None


_OUR = re.compile(r"[Oo]ur\s+")
# a word between "our" and the name: not a verb's "-s" form nor a system noun ("Our method
# enables Llama-3 8B to ...": the method's effect on a baseline model)
_WORD = re.compile(r"(?![\w\-]*s\s)(?!(?:method|approach|model|framework|system|pipeline|"
                   r"algorithm|technique|work|study|analysis|results?)\s)[a-z][\w\-]*\s+")
# a name followed by a system or data noun is the base of the paper's own ("our ViT model",
# "our single ViT-Huge model", "our FooNet based approach", "our guidance-augmented RLVR
# data"), or a measure ("our RRI fitness criterion"): the paper's, not the name's
_HEAD_AFTER = re.compile(r"(?:-based|\s+based)?\s+(?:[a-z][\w\-]*\s+)?(?:models?|backbones?|"
                         r"networks?|approach(?:es)?|methods?|frameworks?|systems?|pipelines?|"
                         r"architectures?|variants?|baselines?|data|datasets?|corpus|training|"
                         r"samples|features|embeddings|outputs|predictions|criteri(?:on|a)|"
                         r"metrics?|measures?|scores?|loss(?:es)?|objectives?|rewards?|algorithms?|"
                         r"techniques?|modules?|encoders?|decoders?|tasks?|benchmarks?|problems?|"
                         r"settings?)\b")


def our_name(text: str, mentions, cue: int, pos: int) -> tuple[int, str] | None:
    """The system-type entity written right after the own cue "our" at cue, up to two
    lower-case words between ("our largest X"), ending before the value at pos."""
    m = _OUR.match(text, cue) if OUR_NAME else None
    if not m:
        return None
    at = m.end()
    for _ in range(3):
        hit = next((x for x in mentions if x[0] == at and x[3] in SYSTEM_TYPES and x[1] <= pos),
                   None)
        if hit:
            return None if _HEAD_AFTER.match(text, hit[1]) else (hit[0], hit[2])
        w = _WORD.match(text, at)
        if not w:
            return None
        at = w.end()
    return None


# "Separating Secrets from Placeholders: A Hybrid CNN-CodeBERT Framework for ...", "...: A
# Multimodal Visual Feature Fusion Framework": the subtitle after a colon names the system
TITLE_SUBTITLE = True
_SUBTITLE = re.compile(r":\s+(?:(?:A|An|The)\s+)?((?:[A-Z][\w\-/]*\s+){0,4}[A-Z][\w\-/]*)"
                       r"(?:\s+(?:for|of|in|on|with|via|to|as)\b|\s*$)")


# a first word made of a name and a participle describes the kind of system ("An LLM-Empowered
# LLM Inference Pipeline"), which the annotators leave THIS_PAPER
_DESCRIBED = re.compile(r"[\w/]+-(?:[A-Z][a-z]+ed|Based|Driven|Powered|Empowered|Guided|Aware)$")


def subtitle_phrase(title: str) -> str | None:
    """The capitalised phrase a title's subtitle opens with, up to a preposition or the end
    (the caller checks its head word); none where its head, its first word or all its words
    before the head only describe."""
    m = _SUBTITLE.search(title) if TITLE_SUBTITLE else None
    if not m:
        return None
    words_ = m.group(1).split()
    if words_[-1].casefold() in words("own_subtitle_not_heads") or _DESCRIBED.match(words_[0]):
        return None
    adjs = {*words("own_name_adjectives"), *words("intro_adjectives")}
    if all(w.casefold() in adjs for w in words_[:-1]):
        return None  # "An End-to-End Modular Pipeline": only words that describe
    return m.group(1)
