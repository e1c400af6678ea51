"""URLs in abstracts: find them (trailing punctuation stripped, stray spaces repaired) and
classify them as repositories (GitHub, GitLab, Bitbucket, Hugging Face) or plain links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org")
HF_HOST = "huggingface.co"
# Hugging Face first path segments that are site pages, not model owners.
_HF_RESERVED = {
    "papers", "docs", "blog", "collections", "organizations", "join", "login", "pricing",
    "settings", "spaces", "datasets", "models", "tasks", "learn", "posts", "chat", "api",
}
_TRAIL = ".,;:!?'\"*>]}"
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'`\\]+"
    r"|(?<![\w@./])(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)/[^\s<>\"'`\\]+",
    re.IGNORECASE,
)
# the same for lower-cased ASCII text (its literals are lower case: the same spans there, found
# without folding every character compared)
_URL_LOW = re.compile(_URL.pattern)
_BARE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co")
# What may continue a URL broken by a stray space.
_CONTINUATION = re.compile(r"[A-Za-z0-9][\w\-.~%/#?=&+]*")
_TLD_START = re.compile(r"(?:com|org|io|net|ai|co|edu|dev|me|ly|gl)(?:[/:]|$)", re.IGNORECASE)
_STOP_WORDS = {
    "and", "or", "the", "a", "an", "for", "to", "of", "in", "on", "at", "with", "as", "is",
    "are", "we", "our", "this", "that", "which", "be", "by", "from", "it", "code", "data",
}


def strip_trailing(url: str) -> str:
    """A URL without trailing punctuation (a closing bracket only when unbalanced)."""
    while url:
        last = url[-1]
        if last in _TRAIL:
            url = url[:-1]
        elif last == ")" and url.count("(") < url.count(")"):
            url = url[:-1]
        else:
            break
    return url


def _needs_more(url: str) -> bool:
    """Whether a URL is visibly incomplete (ends inside a host or a repository path)."""
    if url.endswith(("-", "_", "/", ".")):
        if url.endswith("/"):
            parts = _split(url)
            if parts is None:
                return False
            host, segs = parts
            if host in CODE_HOSTS:
                return len(segs) < 2
            if host == HF_HOST:
                return len(segs) < 2 or (segs[0] in ("datasets", "spaces") and len(segs) < 3)
            return not segs
        return True
    parts = _split(url)
    return parts is not None and "." not in parts[0]


def _split(url: str) -> tuple[str, list[str]] | None:
    """Lower-case host (no www.) and non-empty path segments of a URL."""
    if not re.match(r"https?://", url, re.IGNORECASE):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host, [s for s in parts.path.split("/") if s]


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """URLs in text as (start, end, url): punctuation stripped, a stray space repaired if safe."""
    out: list[tuple[int, int, str]] = []
    if "://" not in text and "www." not in text and not any(h in text for h in _BARE_HOSTS):
        return out
    rx, where = (_URL_LOW, text.lower()) if text.isascii() else (_URL, text)
    pos = 0
    while True:
        m = rx.search(where, pos)
        if m is None:
            break
        start, end = m.start(), m.end()
        url = strip_trailing(text[start:end])
        end = start + len(url)
        host = _split(url)
        if host is not None and "." not in host[0] and not host[1] and text[end:end + 1] == ".":
            url += "."  # "https://github. com/...": the dot belongs to the host
            end += 1
        # Repair: "https://github.com/ owner/repo", "https://github. com/x", "foo- bar".
        while _needs_more(url) and end + 1 < len(text) and text[end] == " ":
            nxt = _CONTINUATION.match(text, end + 1)
            if nxt is None:
                break
            piece = strip_trailing(nxt.group())
            if not piece or piece.lower() in _STOP_WORDS:
                break
            if url.endswith(".") and not _TLD_START.match(piece):
                break
            if not url.endswith((".", "/", "-", "_")) and not piece.startswith((".", "/")):
                break
            url = url + piece
            end = nxt.start() + len(piece)
        stripped = strip_trailing(url)
        end -= len(url) - len(stripped)
        url = stripped
        if len(url) > 10:
            out.append((start, end, url))
        pos = max(end, m.end())
    return out


def normalise(url: str) -> str:
    """Node id of a URL: https, lower-case host, no www., no trailing slash, .git or punctuation."""
    url = strip_trailing(url.strip())
    if not re.match(r"[a-z]+://", url, re.IGNORECASE):
        url = "https://" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:  # "http://[oops": keep the text, only the scheme normalised
        return "https://" + url.split("://", 1)[1]
    if host.startswith("www."):
        host = host[4:]
    path = parts.path.rstrip("/")
    if path.endswith(".git"):
        path = path[:-4]
    out = f"https://{host}{path}"
    if parts.query:
        out += "?" + parts.query
    return strip_trailing(out.rstrip("/"))


def classify_url(url: str) -> dict:
    """Kind ('repo' or 'link'), node id, host, owner, name and repo_kind of a URL."""
    clean = normalise(url)
    try:
        parts = urlsplit(clean)
        host = parts.hostname or ""
    except ValueError:
        return {"kind": "link", "id": clean, "url": clean, "host": "", "owner": None,
                "name": None, "repo_kind": None}
    segs = [s for s in parts.path.split("/") if s]
    info = {"kind": "link", "id": clean, "url": clean, "host": host, "owner": None,
            "name": None, "repo_kind": None}
    if host in CODE_HOSTS and len(segs) >= 2:
        owner, name = segs[0], segs[1]
        if name.endswith(".git"):
            name = name[:-4]
        repo = f"https://{host}/{owner}/{name}"
        info.update(kind="repo", id=repo, owner=owner, name=name, repo_kind="code")
    elif host == HF_HOST and segs:
        if segs[0] in ("datasets", "spaces") and len(segs) >= 3:
            kind = "dataset" if segs[0] == "datasets" else "space"
            repo = f"https://{host}/{segs[0]}/{segs[1]}/{segs[2]}"
            info.update(kind="repo", id=repo, owner=segs[1], name=segs[2], repo_kind=kind)
        elif segs[0] not in _HF_RESERVED and len(segs) >= 2:
            repo = f"https://{host}/{segs[0]}/{segs[1]}"
            info.update(kind="repo", id=repo, owner=segs[0], name=segs[1], repo_kind="model")
    return info
