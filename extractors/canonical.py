"""Canonical keys: one key per real thing, across surface variants, inside and across papers."""

from __future__ import annotations

import re
from functools import lru_cache

from paperkg.core.text import fold
from paperkg.extractors.words import head_alternation

_FONT_CMD = r"\\(?:math[a-z]*|text[a-z]*|emph|operatorname|bm|boldsymbol)\s*\{"
_LATEX_CMD = re.compile(_FONT_CMD + r"([^{}]*)\}")
# a font command whose brace closes after the name ("\textbf{Foo Distillation (FD)}" gives the
# name "\textbf{Foo Distillation"): the command goes with its brace, not only the brace
_LATEX_OPEN = re.compile(_FONT_CMD)
_LATEX_MACRO = re.compile(r"\\([A-Za-z]+)\s*\{\}")
_LATEX_REST = re.compile(r"[\\${}]")
# a Greek letter written as a macro is the letter ("$\\lambda$-GRPO" and "$λ$-GRPO" share a key)
_GREEK_NAMES = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron "
                "pi rho sigma tau upsilon phi chi psi omega").split()
_GREEK = {n: chr(0x3B1 + i + (i > 16)) for i, n in enumerate(_GREEK_NAMES)}
_GREEK |= {n.capitalize(): chr(0x391 + i + (i > 16)) for i, n in enumerate(_GREEK_NAMES)}
_GREEK |= {"varepsilon": "ε", "vartheta": "θ", "varphi": "φ", "varrho": "ρ", "varsigma": "ς"}
_GREEK_MACRO = re.compile(
    r"\\(" + "|".join(sorted(_GREEK, key=len, reverse=True)) + r")(?![A-Za-z])")
# "HumanEval benchmark" and "HumanEval" share a key (head nouns: extractors/data/words/heads.txt)
_HEAD_WORDS = re.compile(rf"[\s\-]+(?:{head_alternation('canonical')})$", re.IGNORECASE)
# the same for lower-cased ASCII text (its literals are lower case: the same matches there,
# found without folding every character compared)
_HEAD_WORDS_LOW = re.compile(_HEAD_WORDS.pattern)
_SEPARATORS = re.compile(r"[\s_\-\u2010-\u2015]+")
_PLURAL_EXCEPT = ("ss", "us", "is", "ics")


def _greek(m: re.Match) -> str:
    """The Greek letter a macro writes."""
    return _GREEK[m.group(1)]


def strip_latex(text: str) -> str:
    """Text without LaTeX residue: `$\\mathcal{B}$-Coder` -> `B-Coder`, `\\Foo{}` -> `Foo`,
    `$\\lambda$` -> `λ`."""
    if "\\" not in text and "$" not in text and "{" not in text:
        return text
    if "\\" in text:
        text = _GREEK_MACRO.sub(_greek, text)
    text = _LATEX_CMD.sub(r"\1", text)
    text = _LATEX_OPEN.sub("", text)
    text = _LATEX_MACRO.sub(r"\1", text)
    return _LATEX_REST.sub("", text)


def depluralise(word: str) -> str:
    """A trailing plural 's' removed from an alphabetic word (Transformers -> Transformer)."""
    if len(word) > 3 and word[-1] in "sS" and word[-2:].lower() not in _PLURAL_EXCEPT:
        if word[-2].isalpha():
            return word[:-1]
    return word


def _without_head(text: str) -> str:
    """_HEAD_WORDS.sub("", text): a head word at the end taken off (found in the lower case of
    ASCII text; the pattern ends at the end, so it matches once at most)."""
    if not text.isascii():
        return _HEAD_WORDS.sub("", text)
    m = _HEAD_WORDS_LOW.search(text.lower())
    return text if m is None else text[:m.start()] + text[m.end():]


@lru_cache(maxsize=200_000)
def canonical_key(name: str) -> str:
    """The key shared by every surface variant of a name (case, spacing, hyphens, plural, head).

    Versions stay apart: "GPT-4" -> "gpt4" but "GPT-4o" -> "gpt4o"; "HumanEval+" keeps its "+".
    """
    text = strip_latex(name).strip()
    text = _without_head(text) or text
    words = text.split()
    if words:
        words[-1] = depluralise(words[-1])
    return _SEPARATORS.sub("", fold(" ".join(words)))


def is_acronym(text: str) -> bool:
    """Whether a surface form looks like an acronym (mostly capitals, short, one word)."""
    if " " in text or len(text) > 12 or len(text) < 2:
        return False
    caps = sum(1 for c in text if c.isupper())
    return caps >= 2 and caps >= (len(text.rstrip("s")) + 1) // 2
