"""Identifiers: arXiv ids, DOIs, normalised titles and paper ids (one rule set for every caller).

The reader merges records on these keys and the enrichment matches service answers on them, so a
paper normalised here matches itself everywhere.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata

_NEW_ID = r"\d{4}\.\d{4,5}"
_OLD_ID = r"[a-z-]+(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_BARE = re.compile(rf"(?:arxiv:\s*)?(?:({_NEW_ID})|({_OLD_ID}))(?:v\d+)?", re.I)
_ARXIV_URL = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf|html)/|huggingface\.co/papers/|hf\.co/papers/|alphaxiv\.org/abs/)"
    rf"({_NEW_ID}|{_OLD_ID})", re.I)
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.I)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)
_DOI_URL = re.compile(r"(?:doi\.org/|doi:\s*)(10\.\d{4,9}/[^\s\"<>]+)", re.I)
_DOI_TAIL = ".,;:)]}'\""
_LATEX_COMMAND = re.compile(r"\\[a-zA-Z]+")
_NON_WORD = re.compile(r"[^\w]+")
#: difflib ratio of normalised titles accepted as the same paper (enrichment matching).
TITLE_MATCH = 0.93
#: Longest slug kept whole in a title id.
_SLUG_MAX = 96


def normalise_arxiv(value: object) -> str | None:
    """An arXiv id without version or prefix ("arXiv:2310.01234v2" -> "2310.01234"), or None."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    m = _ARXIV_URL.search(text)
    if m:
        return m.group(1)
    m = _ARXIV_DOI.fullmatch(text)
    if m:
        text = m.group(1)
    m = _ARXIV_BARE.fullmatch(text)
    if not m:
        return None
    return m.group(1) or m.group(2)


def normalise_doi(value: object) -> str | None:
    """A DOI in lower case without resolver prefix or trailing punctuation, or None."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    m = _DOI_URL.search(text) or _DOI.search(text)
    if not m:
        return None
    return m.group(1).rstrip(_DOI_TAIL).lower()


def arxiv_from_doi(doi: str | None) -> str | None:
    """The arXiv id of an arXiv DataCite DOI (10.48550/arXiv.2208.08227)."""
    m = _ARXIV_DOI.fullmatch(doi or "")
    return normalise_arxiv(m.group(1)) if m else None


def ids_from_url(url: str | None) -> tuple[str | None, str | None]:
    """(arXiv id, DOI) named by a paper's own URL."""
    if not url:
        return None, None
    m = _ARXIV_URL.search(url)
    d = _DOI_URL.search(url)
    return (m.group(1) if m else None), (d.group(1).rstrip(_DOI_TAIL).lower() if d else None)


def title_key(title: str | None) -> str:
    """A normalised title: NFKC, lower case, no LaTeX commands, accents or punctuation, spaces
    folded; empty when the title has no word characters."""
    text = unicodedata.normalize("NFKC", title or "")
    text = _LATEX_COMMAND.sub(" ", text)  # \mathcal, \GitChameleon
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def merge_key(title: str | None, key: str | None = None) -> str:
    """The title key records merge on: title_key (pass it as key when known), or for a title
    with no word characters ("!!!", emoji) the title itself with spaces folded, so distinct
    such titles stay apart."""
    key = title_key(title) if key is None else key
    if key:
        return key
    raw = " ".join(unicodedata.normalize("NFKC", title or "").split())
    return "\x00" + raw if raw else ""


def title_id(title: str | None, key: str | None = None) -> str:
    """A readable, stable paper id derived from the normalised title (pass its title_key as key
    when known); never shared by two titles that merge_key tells apart."""
    key = title_key(title) if key is None else key
    if not key:
        raw = merge_key(title, key)
        if not raw:
            return "untitled"
        return "untitled-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    slug = key.replace(" ", "-")
    if len(slug) <= _SLUG_MAX:
        return slug
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return slug[:87].rstrip("-") + "-" + digest


def paper_id(arxiv: str | None, doi: str | None, explicit: str | None, title: str | None,
             key: str | None = None) -> str:
    """A paper's id: its arXiv id, else its DOI, else an explicit non-identifier id, else the
    title id (key: the title's title_key when known)."""
    return arxiv or doi or explicit or title_id(title, key)


def search_text(title: str | None) -> str:
    """A title as search words: LaTeX and punctuation (hyphens too) become spaces."""
    text = re.sub(r"\\[A-Za-z]+|[$^_{}]", " ", title or "")
    return " ".join(re.sub(r"[^\w\s]|_", " ", text).split())


def titles_match(a: str | None, b: str | None) -> bool:
    """Whether two titles name the same paper (normalised, allowing small differences)."""
    x, y = title_key(a), title_key(b)
    if not x or not y:
        return False
    return x == y or difflib.SequenceMatcher(None, x, y).ratio() >= TITLE_MATCH


__all__ = ["TITLE_MATCH", "arxiv_from_doi", "ids_from_url", "merge_key", "normalise_arxiv",
           "normalise_doi", "paper_id", "search_text", "title_id", "title_key", "titles_match"]
