"""URLs in abstracts: find them (trailing punctuation and LaTeX or Markdown debris stripped,
stray spaces repaired, bare project pages found) and classify them as repositories (code hosts,
Hugging Face) or plain links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from paperkg.extractors.words import word_set

CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org")
# Every host of code repositories (data: words/url_code_hosts.txt) and the first path segments
# of a code host that are site pages, not accounts (words/url_site_pages.txt).
_CODE_HOSTS = word_set("url_code_hosts") | frozenset(CODE_HOSTS)
_SITE_PAGES = word_set("url_site_pages")
# A self-hosted GitLab, Gitea or GitHub: git.tu-berlin.de, gitlab.kit.edu, github.sydney.edu.au
# (not the shortener git.io).
_SELF_HOSTED = re.compile(r"(?:git|gitlab|github)(?:\.[a-z0-9-]+){2,}")
# Anonymous code for review: anonymous.4open.science/r/NAME (/w/NAME: the same, as a page).
ANON_HOST = "anonymous.4open.science"
HF_HOST = "huggingface.co"
# Hugging Face first path segments that are site pages, not model owners.
_HF_RESERVED = {
    "papers", "docs", "blog", "collections", "organizations", "join", "login", "pricing",
    "settings", "spaces", "datasets", "models", "tasks", "learn", "posts", "chat", "api",
}
_TRAIL = ".,;:!?'\"*>]}$"
# One character of a URL: no space, quote (curly ones too), bracket, brace (LaTeX
# \href{URL}{text} and Markdown [URL](URL) end it there), bar or full-width punctuation, or a
# LaTeX escape (\_ in `thaulab\_EEUCA`).
_CH = r"(?:[^\s<>\"'`\\{}\[\]|‘’“”…，。；]|\\[_%#&~])"
_URL = re.compile(
    r"(?:https?: ?//|www\.)" + _CH + "+"
    r"|(?<![\w@./])(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)/" + _CH + "+",
    re.IGNORECASE,
)
# the same for lower-cased ASCII text (its literals are lower case: the same spans there, found
# without folding every character compared)
_URL_LOW = re.compile(_URL.pattern)
_BARE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co")
# A bare address without scheme or www. (case kept): a GitHub Pages site (`plenvdb.github.io`,
# `v-pnk.github.io/cadloc`), or a lower-case host with a common top-level domain and a path
# (`bit.ly/sushi-mot`, `pub.ist.ac.at/~vnk/papers/x.html`).
_BARE = re.compile(
    r"(?<![\w@./:\-])(?:"
    r"(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+github\.io(?![\w\-]|\.\w)(?:/" + _CH + "*)?"
    r"|(?:[a-z0-9][a-z0-9\-]*\.)+(?:com|org|net|edu|gov|io|ai|ly|me|dev|app|tech|science|"
    r"at|au|be|br|ca|cc|ch|cn|co|cz|de|dk|es|eu|fi|fr|gl|hk|il|jp|kr|nl|nz|pl|pt|ru|se|sg|tw|"
    r"uk)/" + _CH + "+)"
)
# Where a bare address's host may end (the pattern above is slow to try at every word).
_BARE_HINT = re.compile(r"\.(?:github\.io|[a-z]{2,7}/)")
# LaTeX left in a URL: `github$.$com` (a math-mode dot), `\_` (an escaped underscore).
_LATEX_DOT = re.compile(r"\$?\.\$|\$\.")
_LATEX_ESCAPE = re.compile(r"\\([_%#&~])")
# A DOI cut after its prefix's dot: "https://doi.org/10. 57745/DYIVVU".
_DOI_CUT = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/10\.?", re.IGNORECASE)
_DOI_REST = re.compile(r"\d{4,9}/" + _CH + "+")
# What may continue a URL broken by a stray space.
_CONTINUATION = re.compile(r"[A-Za-z0-9][\w\-.~%/#?=&+]*")
_TLD_START = re.compile(r"(?:com|org|io|net|ai|co|edu|dev|me|ly|gl)(?:[/:]|$)", re.IGNORECASE)
_STOP_WORDS = {
    "and", "or", "the", "a", "an", "for", "to", "of", "in", "on", "at", "with", "as", "is",
    "are", "we", "our", "this", "that", "which", "be", "by", "from", "it", "code", "data",
}


def unlatex(url: str) -> str:
    """A URL without LaTeX debris inside it (`github$.$com`, `a\\_b`) or a space after `https:`."""
    if "$" in url:
        url = _LATEX_DOT.sub(".", url)
    if "\\" in url:
        url = _LATEX_ESCAPE.sub(r"\1", url)
    if ": //" in url:
        url = url.replace(": //", "://", 1)
    return url


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


def _matches(text: str) -> list[tuple[int, int]]:
    """Spans of the URL pattern and, where none overlaps, of bare addresses, in text order."""
    spans = []
    if "://" in text or "www." in text or any(h in text for h in _BARE_HOSTS) or (
            ": //" in text):
        rx, where = (_URL_LOW, text.lower()) if text.isascii() else (_URL, text)
        spans = [m.span() for m in rx.finditer(where)]
    last = -1
    for hint in _BARE_HINT.finditer(text):  # the pattern tried only where a host may end
        a = hint.start()
        if a < last:
            continue
        while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "-."):
            a -= 1
        m = _BARE.match(text, a)
        if m is None or m.end() <= hint.start():
            continue
        a, last = m.span()
        if not any(x < last and a < y for x, y in spans):
            spans.append((a, last))
            spans.sort()
    return spans


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """URLs in text as (start, end, url): punctuation and LaTeX debris stripped, a stray space
    repaired if safe."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for start, m_end in _matches(text):
        if start < pos:
            continue
        url = strip_trailing(text[start:m_end])
        end = start + len(url)
        url = unlatex(url)
        host = _split(url)
        if host is not None and "." not in host[0] and not host[1] and text[end:end + 1] == ".":
            url += "."  # "https://github. com/...": the dot belongs to the host
            end += 1
        if _DOI_CUT.fullmatch(url) and text[end:end + 2] == ". ":
            nxt = _DOI_REST.match(text, end + 2)  # "https://doi.org/10. 57745/DYIVVU"
            if nxt is not None:
                piece = strip_trailing(nxt.group())
                url, end = url + "." + piece, nxt.start() + len(piece)
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
        if len(url) > 10 and not _DOI_CUT.fullmatch(url):
            out.append((start, end, url))
        pos = max(end, m_end)
    return out


def normalise(url: str) -> str:
    """Node id of a URL: https, lower-case host, no www., no trailing slash, .git, punctuation or
    LaTeX debris (hf.co written out as huggingface.co)."""
    url = strip_trailing(unlatex(url.strip()))
    if not re.match(r"[a-z]+://", url, re.IGNORECASE):
        url = "https://" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:  # "http://[oops": keep the text, only the scheme normalised
        return "https://" + url.split("://", 1)[1]
    if host.startswith("www."):
        host = host[4:]
    if host == "hf.co":
        host = HF_HOST
    path = parts.path.rstrip("/")
    if path.endswith(".git"):
        path = path[:-4]
    out = f"https://{host}{path}"
    if parts.query:
        out += "?" + parts.query
    return strip_trailing(out.rstrip("/"))


def is_code_host(host: str) -> bool:
    """Whether a (lower-case, no www.) host keeps code repositories at /owner/name."""
    return host in _CODE_HOSTS or _SELF_HOSTED.fullmatch(host) is not None


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
    if host == ANON_HOST and len(segs) >= 2 and segs[0] in ("r", "w"):
        # one anonymised repository (its page at /w/ is the same code), no owner to count
        info.update(kind="repo", id=f"https://{host}/r/{segs[1]}", name=segs[1],
                    repo_kind="code")
    elif is_code_host(host) and len(segs) >= 2:
        owner, name = segs[0], segs[1]
        if name.endswith(".git"):
            name = name[:-4]
        repo = f"https://{host}/{owner}/{name}"
        info.update(kind="repo", id=repo, owner=owner, name=name, repo_kind="code")
    elif is_code_host(host) and len(segs) == 1 and segs[0].lower() not in _SITE_PAGES:
        # an account's page (`github.com/ChenHuyoo`): its code, no one repository named
        info.update(kind="repo", id=f"https://{host}/{segs[0]}", owner=segs[0],
                    repo_kind="code")
    elif host == HF_HOST and segs:
        if segs[0] in ("datasets", "spaces") and len(segs) >= 3:
            kind = "dataset" if segs[0] == "datasets" else "space"
            repo = f"https://{host}/{segs[0]}/{segs[1]}/{segs[2]}"
            info.update(kind="repo", id=repo, owner=segs[1], name=segs[2], repo_kind=kind)
        elif segs[0] not in _HF_RESERVED and len(segs) >= 2:
            repo = f"https://{host}/{segs[0]}/{segs[1]}"
            info.update(kind="repo", id=repo, owner=segs[0], name=segs[1], repo_kind="model")
    return info
