"""Names: what counts as a coined name, and finding names in text in one linear pass.

Text is folded (LaTeX accents and diacritics to ASCII, case kept) and split into runs of
letters and digits; a name is a run sequence with its separators ("MultiPL-E" is MultiPL, "-",
E). A name matches at a run when the runs and separators agree and the match is whole: not
preceded by a hyphen joined to a word ("Meta-LoRA"), not continued by a hyphen or dot before a
capital or digit ("MultiPL-E" is not "MultiPL", "Qwen2.5" is not "Qwen2"), and case agrees
exactly ("SAES" is not "SAE", "REACT" is not "ReAct"). A lower-case continuation ("LoRA-based")
is still the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from paperkg.core.text import fold_latex_accents

_RUN = re.compile(r"[A-Za-z0-9]+")
#: A coined-name candidate in folded text: a word with capitals or digits, optionally joined by
#: hyphens or dots to more such pieces, optionally followed by a version number ("Orca 2").
#: The lookahead only spares `candidates` the words it would drop (most words: those with no
#: capital or digit after their first letter): no match can start inside another, so the
#: matches it keeps are the same. Its runs are possessive: what they would give back is never
#: a capital, a digit or a space, so trying that was only time (a fifth of the search's).
#: The character before the name is matched (group 1 is the name), not looked behind at, and
#: `candidates` puts a space before the text: a pattern that opens with a set of characters
#: is searched by skipping to the next character of the set (a word break), not by trying a
#: match at every offset. One lookahead run serves both of its cases: a run of [a-z.-] ends
#: at a capital or digit, or else where a run of [A-Za-z0-9.-] from the same letter ends too.
_CANDIDATE = re.compile(
    r"[^A-Za-z0-9.+-]((?=[A-Za-z][a-z.\-]*+(?:[A-Z0-9]|\s\d))"
    r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?:\s\d{1,2}(?:\.\d)?)?"
    r"(?![A-Za-z0-9+$#*^]))")
_INNER = re.compile(r"[A-Z0-9]")
_VERSION_AFTER = re.compile(r"[-\s]?[vV]\d")
#: A version number after a space, or after a hyphen and a space: "WILDS 2.0" is the later
#: extension of WILDS, "BLIP- 2" is BLIP-2 typed with a space (a score is no version:
#: "F1-SRR-BERT 4.3%", "MBPP 80.1").
_NUMBER_AFTER = re.compile(r"\s[1-9]\.\d(?![\d%])|-\s\d")
#: A lower-case continuation that is not part of the name ("LLM-based" -> "LLM").
_TAIL = re.compile(r"(?:-[a-z][A-Za-z]*)+$")
#: Separators kept inside a name; any other run of non-alphanumerics is a word break.
_JOIN = {"-", ".", " ", "+"}


def fold(text: str) -> str:
    """Text with LaTeX accents and diacritics folded to ASCII, case kept."""
    return fold_latex_accents(text)


_PIECE_BREAK = re.compile(r"[\s.+-]+")


@lru_cache(maxsize=100_000)
def is_coined(name: str) -> bool:
    """Whether a name is coined (an acronym, CamelCase, letters with digits), not a word or a
    title-case compound: 'LoRA', 'MBPP', 'GPT-4o', 'MultiPL-E', 'Orca 2' are; 'Whisper',
    'Zero-Shot', 'of 2' are not."""
    pieces = [p for p in _PIECE_BREAK.split(name) if p]
    if not pieces or not pieces[0][:1].isalpha():
        return False
    for piece in pieces:
        letters = sum(c.isalpha() for c in piece)
        if letters == 0:
            continue
        if any(c.isdigit() for c in piece) and len(piece) >= 2 and piece[0].isalpha():
            return True  # "T5", "GPT4", "A100"
        if letters >= 2 and (sum(c.isupper() for c in piece) >= 2
                             or any(c.isupper() for c in piece[1:])):
            return True
        if letters == 1 and piece.isupper() and len(pieces) > 1:
            return True  # "MultiPL-E", "X-Net" style single-capital pieces
    if len(pieces) > 1 and pieces[0][0].isupper() and all(
            p.isdigit() or p.replace(".", "").isdigit() for p in pieces[1:]):
        return True  # a capitalised word with a version: "Orca 2"
    return False


def shape_score(name: str) -> float:
    """How distinctive a name's shape is (0-1): mixed case or digits score high, short
    all-capital acronyms (which collide across fields) low."""
    letters = [c for c in name if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if any(c.isdigit() for c in name) and len(letters) >= 3:
        return 1.0
    if 0 < upper < len(letters) and (upper >= 2 or any(c.isupper() for c in name[1:])):
        return 1.0 if len(letters) >= 4 else 0.8  # CamelCase / mixed: LoRA, MultiPL-E, ReAct
    if upper == len(letters):
        return {2: 0.3, 3: 0.6, 4: 0.75}.get(len(letters), 0.9)  # all capitals
    return 0.6  # one capitalised word


def candidates(text: str) -> Iterator[tuple[int, str]]:
    """(offset, name) of each coined-name candidate in folded text."""
    for m in _CANDIDATE.finditer(" " + text):
        word = m.group(1)
        if not _INNER.search(word, 1):
            continue  # one capitalised or lower-case word: never coined
        name = word.rstrip(".-")
        if "-" in name:  # what _TAIL takes off starts with a hyphen
            name = _TAIL.sub("", name)
        if is_coined(name):
            yield m.start(1) - 1, name


def _runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, run) of the alphanumeric runs of text."""
    return [(m.start(), m.end(), m.group(0)) for m in _RUN.finditer(text)]


def name_parts(name: str) -> tuple[str, ...] | None:
    """The runs and separators of a name (folded), alternating: ('MultiPL', '-', 'E')."""
    folded = " ".join(fold(name).split())
    runs = _runs(folded)
    if not runs:
        return None
    parts: list[str] = []
    prev = None
    for s, e, r in runs:
        if prev is not None:
            sep = folded[prev:s]
            if sep not in _JOIN:
                return None
            parts.append(sep)
        parts.append(r)
        prev = e
    if runs[0][0] != 0 or prev != len(folded):
        return None  # leading or trailing punctuation
    return tuple(parts)


def _case_variants(name: str) -> list[str]:
    """Other spellings of a numbered name in capitals: 'TULU 3' is also written 'Tulu 3'."""
    m = re.fullmatch(r"([A-Z][A-Z]{3,})(\s\d+(?:\.\d+)?)", fold(name))
    return [m.group(1).capitalize() + m.group(2)] if m else []


class NameIndex:
    """Names looked up by their first run; `find` scans a text once (linear in its length)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name in sorted(set(names)):
            for variant in (name, *_case_variants(name)):
                parts = name_parts(variant)
                if parts:
                    self.by_first.setdefault(parts[0], []).append((parts, name))
        for lst in self.by_first.values():
            lst.sort(key=lambda x: -len(x[0]))  # longest first

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def restricted(self, runs: Iterable[str]) -> NameIndex:
        """The index of the names filed under these first runs only (`find` gives the same
        matches as this index's for them: names are chosen among those of one first run)."""
        out = NameIndex(())
        out.by_first = {r: self.by_first[r] for r in runs if r in self.by_first}
        return out

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of every whole, case-exact occurrence of an indexed name in
        text (offsets into the folded text, which keeps length when text is ASCII)."""
        folded = fold(text)
        by_first = self.by_first
        words = _RUN.findall(folded)
        if by_first.keys().isdisjoint(words):
            return  # no run starts an indexed name (most sentences): no offsets needed
        runs = None  # the runs' match objects (offsets), once a run starts a name
        n = len(folded)
        for i, r in enumerate(words):
            options = by_first.get(r)
            if not options:
                continue
            if runs is None:
                runs = list(_RUN.finditer(folded))
            s = runs[i].start()
            if s > 0 and folded[s - 1] in "-+." and s > 1 and folded[s - 2].isalnum():
                continue  # joined to the word before: "Meta-LoRA", "v1.LoRA"
            for parts, name in options:
                k = len(parts) // 2  # further runs needed
                if i + k >= len(words):
                    continue
                ok = True
                for j in range(1, k + 1):
                    if words[i + j] != parts[2 * j] or folded[
                            runs[i + j - 1].end():runs[i + j].start()] != parts[2 * j - 1]:
                        ok = False
                        break
                if not ok:
                    continue
                end = runs[i + k].end()
                if end < n and folded[end] in "-.+" and end + 1 < n and (
                        folded[end + 1].isupper() or folded[end + 1].isdigit()):
                    continue  # continued: "MultiPL-E" for "MultiPL", "Qwen2.5" for "Qwen2"
                if end < n and folded[end] in "+$#*^":
                    continue  # "HumanEval+", "GaLore$+$" are other names
                if _VERSION_AFTER.match(folded, end) or _NUMBER_AFTER.match(folded, end):
                    continue  # "MobileViT-v2", "WILDS 2.0" are later papers than the name's
                yield s, end, name
                break


__all__ = ["NameIndex", "candidates", "fold", "is_coined", "name_parts", "shape_score"]
