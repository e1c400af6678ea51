"""Text: the one sentence splitter (extraction evidence and citation evidence share it) and
text folding (accents, LaTeX accents, case)."""

from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_right
from functools import lru_cache

#: the ASCII letters and digits (a regex's [A-Za-z0-9]), for tests one character at a time
ALNUM = frozenset(string.ascii_letters + string.digits)
_SENT_END = re.compile(r"[.!?\n][\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9$\\])")
# a full stop glued to the next sentence's capitalised word ("applications.In this work"):
# after a lower-case letter, a digit, a closing bracket, "%" or "$" (checked on 3,362 such
# stops in 40,000 corpus abstracts, see sentence_starts for the chunks it leaves alone)
# (the stop first and the character before it looked behind for from after it: re then skips
# to each "." instead of trying the lookbehind at every offset, 31 -> 2 us a corpus text)
_GLUED_END = re.compile(r"\.(?<=[a-z0-9)\]}%$]\.)(?=[A-Z][a-z])")
# the chunk before a glued stop that keeps it inside a name: a path, URL, dotted code name or
# LaTeX ("Mitsuba 3/Dr.Jit", "torch.autograd.Function", "LIPIcs.SoCG"), or a short capitalised
# abbreviation ("Avg.Acc", "Abs.Rel")
_GLUED_KEEP = re.compile(r"[/\\_@:.]|^[A-Z][a-z]{0,3}$")
_NO_SPLIT_BEFORE = ("e.g.", "i.e.", "et al.", "vs.", "Fig.", "Eq.", "cf.", "etc.", "resp.",
                    "approx.", "Sec.", "No.")
_LATEX_ACCENT = re.compile(r"\\[\"'`^~]\{?([A-Za-z])\}?")


def sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences of text; the first line (a paper's title) is always a
    sentence of its own."""
    starts = [0]
    nl = text.find("\n")
    ends = list(_SENT_END.finditer(text))
    if "." in text:
        glued = [m for m in _GLUED_END.finditer(text) if not _glued_in_name(text, m.start())]
        if glued:
            ends = sorted(ends + glued, key=lambda m: m.start())
    for m in ends:
        end = m.start() + 1
        if text[m.start()] == "." and text.endswith(_NO_SPLIT_BEFORE, 0, end):
            continue
        if nl >= 0 and m.end() > nl + 1 and starts[-1] <= nl:
            starts.append(nl + 1)
        if m.end() != starts[-1]:
            starts.append(m.end())
    if nl >= 0 and starts[-1] <= nl and nl + 1 < len(text):
        starts.append(nl + 1)
    return starts


def _glued_in_name(text: str, stop: int) -> bool:
    """Whether the full stop at offset stop, glued to a capital, lies inside a name, path or
    abbreviation rather than between two sentences."""
    chunk = text[max(text.rfind(" ", 0, stop), text.rfind("\n", 0, stop)) + 1: stop]
    return bool(_GLUED_KEEP.search(chunk))


def sentence_of(text: str, starts: list[int], pos: int) -> tuple[int, int]:
    """(start, end) of the sentence holding offset pos, given sentence_starts(text)."""
    i = bisect_right(starts, pos) - 1
    a = starts[max(i, 0)]
    b = starts[i + 1] if i + 1 < len(starts) else len(text)
    return a, b


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of text, outer spaces trimmed, empty sentences left out."""
    starts = sentence_starts(text)
    out: list[tuple[int, str]] = []
    for i, a in enumerate(starts):
        b = starts[i + 1] if i + 1 < len(starts) else len(text)
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            out.append((a + len(chunk) - len(chunk.lstrip()), stripped))
    return out


def sentence_at(text: str, offset: int) -> str:
    """The sentence of text that contains offset (trimmed), '' for an offset outside text."""
    if not 0 <= offset < len(text):
        return ""
    a, b = sentence_of(text, sentence_starts(text), offset)
    return text[a:b].strip()


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without accents (TÜLU -> tulu)."""
    text = text.lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ascii_fold(text: str) -> str:
    """Text reduced to ASCII: accents dropped (TÜLU -> TULU), other non-ASCII characters
    removed; case kept."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def fold_latex_accents(text: str) -> str:
    """LaTeX accents and diacritics folded to ASCII (T\\"ulu, Tülu -> Tulu); case kept."""
    if "\\" in text:
        text = _LATEX_ACCENT.sub(r"\1", text)
    return ascii_fold(text)


__all__ = ["ascii_fold", "fold", "fold_latex_accents", "sentence_at", "sentence_of",
           "sentence_starts", "sentences"]
