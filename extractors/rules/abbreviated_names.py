"""A coined short name and the phrase it abbreviates word by word are one entity.

"GLFS" and "Gaussian Light Field Splatting", "QuaSAR" and "Quasi-Symbolic Abstract Reasoning",
"GroupDiff" and "Group Diffusion", "HMC" and "Hamiltonian Monte Carlo": when a paper writes both
with no bracket between them, the rules make two entities, and the second is a duplicate of the
first. After merging, a named entity whose short name breaks into capitalised pieces (one per
word) that open the words of another named entity's phrase, in order and one for one, takes
that entity in (merge._fold_abbreviated: the phrase becomes an alias of the short name). The
short name must be letters alone (a trailing plural s and hyphens aside): a size, a version or
a symbol ("SAM2", "RASER-2", "λ-GRPO") names a variant, which the gold keeps apart. The phrase
must be plain words or acronyms written apart (no inner capitals: "UinU-Net" is itself a coined
name) and must not have a short form of its own that is another name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from paperkg.extractors.rules.base import word_set

_SHORT = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_PIECE = re.compile(r"[A-Z][a-z]*|^[a-z]+")
_PLAIN_WORD = re.compile(r"[A-Za-z][a-z]*(?:'s)?")
_ACRONYM = re.compile(r"[A-Z]{2,6}s?")


@lru_cache(maxsize=8192)
def pieces(short: str) -> tuple[str, ...]:
    """The pieces a coined short name spells: each capital with the lower-case letters after it
    ("QuaSAR" -> Qua, S, A, R; "EBMs" -> E, B, M); none for a name with digits or symbols."""
    if " " in short or sum(ch.isupper() for ch in short) < 2:
        return ()
    name = re.sub(r"(?<=[A-Z])s$", "", short)
    if not _SHORT.fullmatch(name) or sum(ch.isupper() for ch in name) < 2:
        return ()
    return tuple(p for part in name.split("-") for p in _PIECE.findall(part))


@lru_cache(maxsize=8192)
def phrase_words(phrase: str) -> tuple[str, ...]:
    """The content words of a phrase of plain words and acronyms written apart, or none when
    one is neither or no space parts them ("A-I-RAVEN", "Fast-Slow-Thinking": one name)."""
    parts = [p for p in re.split(r"[\s\-]+", phrase) if p]
    if " " not in phrase.strip() or not all(
            _PLAIN_WORD.fullmatch(p) or _ACRONYM.fullmatch(p) for p in parts):
        return ()
    content = tuple(p for p in parts if p.lower() not in word_set("abbreviation_skip_words"))
    if len(content) < 2 or all(_ACRONYM.fullmatch(p) for p in content):
        return ()  # "A-OKVQA": one coined name, no phrase
    return content


def _opens(piece: str, word: str) -> bool:
    """Whether a piece opens a word; a plural piece a plural word ("Nets", "Networks")."""
    piece, word = piece.lower(), word.lower()
    return word.startswith(piece) or (
        len(piece) > 2 and piece.endswith("s") and word.endswith("s") and
        word.startswith(piece[:-1]))


def abbreviates(short: str, phrase: str) -> bool:
    """Whether short's pieces open the phrase's content words one for one, in order; an
    acronym among the words is spelled whole ("QLSTM" for "Quantum LSTMs")."""
    got = pieces(short)
    if len(got) < 2 or phrase[:1].lower() != got[0][:1].lower():
        return False  # the cheap test first: most pairs differ in the first letter
    wanted = phrase_words(phrase)
    if not wanted:
        return False
    at = 0
    for w in wanted:
        if _ACRONYM.fullmatch(w):
            letters = list(w.rstrip("s"))
            if list(got[at:at + len(letters)]) != letters:
                return False
            at += len(letters)
        elif at < len(got) and _opens(got[at], w):
            at += 1
        else:
            return False
    return at == len(got)


def _forms(e: dict) -> list[str]:
    """An entity's name and aliases."""
    return [e["name"], *e["aliases"]]


def abbreviated_into(short: dict, named: list[dict]) -> dict | None:
    """The named entity (of `named`) whose phrase `short`'s one-word name or alias abbreviates
    word by word, if any; not one whose own short form is another name."""
    if " " in short["name"]:
        return None
    shorts = [f for f in _forms(short) if pieces(f)]
    if not shorts:
        return None
    return next((e for e in named if e is not short
                 and not (e["acronym"] and e["acronym"] not in shorts)
                 and any(abbreviates(s, f) for s in shorts for f in _forms(e))), None)
