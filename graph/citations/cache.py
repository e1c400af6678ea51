"""Per-paper citation results that do not depend on the collection, kept with the paper.

What a paper's own text claims (claims.paper_claims) is the costliest per-paper step of the
inference and depends only on its title and abstract and on this package's code and data. A
build keeps it in the paper's stored state (`paper_features`, JSON-safe) and hands it back to
`add_citations`, so an update does not judge the claims of the papers it keeps again. Each
entry carries a key (`features_key`: the citation code's fingerprint, title and abstract); an
entry whose key does not match the paper is ignored and the claims are made again, so a stale
or foreign entry can cost time but never change a result.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from .claims import Claim, paper_claims


@functools.cache
def fingerprint() -> str:
    """Hash of what per-paper citation results depend on: this package's code and shipped
    data, and the sentence splitter and text folding of core/text.py."""
    root = Path(__file__).resolve().parent
    files = sorted(f for f in root.rglob("*") if f.is_file() and f.suffix != ".pyc"
                   and "__pycache__" not in f.parts)
    package = root.parent.parent
    files.append(package / "core" / "text.py")
    h = hashlib.blake2b(digest_size=16)
    for f in files:
        h.update(f.relative_to(package).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def features_key(title: str, abstract: str) -> str:
    """The key an entry must carry to stand for a paper with this title and abstract."""
    h = hashlib.blake2b(fingerprint().encode(), digest_size=12)
    h.update((title or "").encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update((abstract or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def paper_features(title: str, abstract: str) -> dict:
    """A paper's collection-independent citation results as plain JSON: its key and its
    claims (name, how, strong, expansion)."""
    return {"key": features_key(title, abstract),
            "claims": [[c.name, c.how, c.strong, c.expansion]
                       for c in paper_claims("", title, abstract)]}


def cached_claims(paper: str, title: str, abstract: str, entry: dict | None) -> list[Claim]:
    """The claims of a paper: from its entry when the entry's key matches, else made anew."""
    if isinstance(entry, dict) and entry.get("key") == features_key(title, abstract):
        return [Claim(paper, name, how, bool(strong), expansion)
                for name, how, strong, expansion in entry["claims"]]
    return paper_claims(paper, title, abstract)


__all__ = ["cached_claims", "features_key", "fingerprint", "paper_features"]
