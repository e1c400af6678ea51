"""Family: a title that opens on a Title Case phrase with a hyphenated modifier, set off by "for",
"with", "using", a colon or a dash, names the paper's own method when nothing else does
("Local-Global Feature Fusion for Subject-Independent EEG Emotion Recognition", "Segment-Based
Attention Masking for GPTs", "Gaze-Guided Learning: Avoiding ..."). A modifier such as
"-Guided", "-Aware", "-Based" or "Self-" marks a coined method more often than a field; a plain
opening ("Actor-Critic Learning for ...") is the rarer wrong case. Only when no rule has found
the paper's own name (no introduced candidate, no title key), no candidate lies in the phrase,
the phrase is two to four words, no question, claim or verb phrase ("Sign-Based Optimizers Are
Effective", "Towards ..."), does not end on an adjective ("Deep Learning-Enhanced for ..."),
its first word does not describe ("Improved No-Regret Algorithms for ...",
words/title_opening_not_first.txt with the intro adjectives) and its last word names no finding
("Variance-aware Regret Bounds for ...", words/title_opening_not_heads.txt). A phrase that 3+
mined papers write is kept as a name but left `used` ("Model-Free Reinforcement Learning:
..."; title_known reads no title "Name:" opening)."""

from __future__ import annotations

import re

from paperkg.core.text import fold
from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import Cand, Context, family_phrase, head_type, word_union

# a hyphenated modifier of two words each capitalised or lower-case after the hyphen
# ("Self-Supervised", "Mask-based", "Two-Stage"), not a name with capitals inside
_HYPHENED = re.compile(r"[A-Z][a-z]+-[A-Za-z][a-z]+")
# a last word that is an adjective, so no noun ends the phrase ("Deep Learning-Enhanced for ...")
_ADJ_END = re.compile(r"-(?:[A-Za-z]+ed|[Bb]ased|[Aa]ware|[Ff]ree)$")
# a subtitle that says the paper studies the opening's subject ("Inter-Agent Trust Models: A
# Comparative Study of ...", "Language Re-generation: An investigation into ...")
_STUDY_SUBTITLE = re.compile(
    r"\s*(?:(?:A|An|The)\s+)?(?:[\w\-]+\s+){0,2}?(?:Study|Survey|Review|Overview|Investigation|"
    r"Analysis|Comparison|Evaluation|Exploration|Perspective|Case)\b", re.IGNORECASE)
# words after the phrase that set it off from what it is for or done with
_SET_OFF = frozenset({"for", "with", "using"})
# words that end the opening phrase in any other way (a complement, not a name)
_LINKS = frozenset({"of", "in", "on", "to", "and", "or", "via", "from", "by", "through", "under",
                    "towards", "toward", "at", "as", "against", "without", "within", "into",
                    "across", "over", "beyond", "between", "among", "vs", "versus"})
# a question, a claim or an aim, not a name
_SKIP_FIRST = frozenset({"how", "why", "what", "when", "where", "which", "who", "towards",
                         "toward", "on", "is", "are", "do", "does", "can", "beyond", "new",
                         "rethinking", "revisiting"})
# mined corpus papers that write a phrase for it to count as known (as title_known)
KNOWN_PAPERS = 3
_VERBS = frozenset({"can", "could", "may", "might", "will", "would", "should", "must", "is",
                    "are", "was", "were", "be", "do", "does", "did", "has", "have", "matters",
                    "helps", "works", "meets", "beats", "makes", "improves", "finds"})


def _opening(title: str) -> tuple[list[str], str] | None:
    """The title's opening words up to the first linking word, colon or dash, and what ended
    them ("for", "with", "using", ":", "-", "" at the end; None for any other word)."""
    ws = title.split()
    if ws and ws[0] in ("A", "An", "The"):
        ws = ws[1:]
    out: list[str] = []
    for i, w in enumerate(ws):
        if w in ("-", "--", "---", "\u2013", "\u2014"):
            return out, "-"
        low = w.lower()
        if low in _SET_OFF:
            if low == "for" and ws[i + 1:i + 2] and ws[i + 1].lower().strip(":,") == "free":
                return None  # "Step-level Reward for Free in ...": the idiom, no purpose
            return out, low
        if low in _LINKS:
            return None
        if w.endswith(":"):
            out.append(w[:-1])
            return out, ":"
        if w.endswith(","):
            return None  # "Gradient-Weighted, Data-Driven Normalization": a list of modifiers
        out.append(w)
        if len(out) > 4:
            return None
    return out, ""


def title_opening(ctx: Context) -> None:
    """A hyphenated Title Case phrase opening the title names the paper's own method."""
    if ctx.title_intro_keys or any(c.intro for c in ctx.cands):
        return
    text, title_end = ctx.text, ctx.title_end
    found = _opening(text[:title_end].strip())
    if found is None:
        return
    ws, ended = found
    if ended == ":":
        colon = text.find(":", 0, title_end)
        if _STUDY_SUBTITLE.match(text, colon + 1, title_end):
            return
    if not 2 <= len(ws) <= 4 or not all(w[:1].isupper() for w in ws) or _ADJ_END.search(ws[-1]):
        return  # a longer opening is a description with its object ("Human Perception-Inspired
        # Grain Segmentation Refinement Using ...")
    if not any(_HYPHENED.fullmatch(w) for w in ws):
        return
    first, last = ws[0].lower(), ws[-1].lower()
    if head_type(last, "") in ("BENCHMARK", "DATASET"):
        return  # "A Reasoning-Focused Legal Retrieval Benchmark": what the data rules decide
    if first in _SKIP_FIRST or first.endswith("ing") or any(w.lower() in _VERBS for w in ws) or \
            last in word_union("title_opening_not_heads", "task_strong_heads", "device_nouns"):
        return  # a finding, a task ("Spatio-Temporal Demand Prediction for ...") or a thing
        # built ("A Vision-Enabled Prosthetic Hand for ..."), not a method
    if first in word_union("title_opening_not_first", "intro_adjectives", "own_name_adjectives"):
        return  # "Efficient Projection-free Algorithms for ...": a description
    phrase = " ".join(ws)
    if fold(phrase) in ctx.generic or family_phrase(phrase):
        return
    start = text.find(phrase, 0, title_end)
    if start < 0:
        return
    end = start + len(phrase)
    low = phrase.lower()
    if any(c.start < end and start < c.end or c.name.lower() in low or low in c.name.lower()
           for c in ctx.cands):
        return  # a name the rules found inside it or around it, in the title or the abstract,
        # stays theirs ("Global Policy-Space Response Oracles for ...": a known method's variant)
    from paperkg.extractors.learned import corpus_counts  # lazily: learned imports the rules

    key = canonical_key(phrase)
    if corpus_counts().get(key, 0) < KNOWN_PAPERS:
        ctx.title_intro_keys.add(key)  # not "Model-Free Reinforcement Learning: ...": other
        # papers write it, so it is a technique the paper uses (kept, `used`)
    ctx.cands.append(Cand(start, end, phrase, phrase, "", 0.6, "title_opening"))


# after the task forms (98) and fragments (98.8), whose candidates it must not overrule, before
# plain words (99) and title_known (99.6)
STAGES = [(98.9, title_opening)]
