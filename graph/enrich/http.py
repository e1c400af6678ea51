"""A polite HTTP client for the services: response cache first, rate limit, retries.

Requests go through a requests Session whose adapter retries 408/429/5xx answers and network
errors with urllib3's Retry: exponential backoff (backoff, 2x backoff, ...) or the server's
Retry-After when that asks for longer. Every 200 and 404 answer is cached on disk (one JSON file
per request) before it is used, so a rerun or an offline run costs no requests.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from urllib3.util.retry import Retry

from paperkg.core.config import cache_dir
from paperkg.core.errors import UserError
from paperkg.graph.enrich import openalex, semanticscholar
from paperkg.graph.enrich.records import ServiceError

#: The services, by the name the CLI and the CITES `source` property use.
SERVICES: dict[str, ModuleType] = {openalex.NAME: openalex,
                                   semanticscholar.NAME: semanticscholar}
USER_AGENT = "paperkg/0.1 (+https://w3id.org/paperkg; enrichment)"
#: Answers worth asking again (after a pause).
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MAX_PAUSE = 60.0


class Cache:
    """Raw service responses on disk, one JSON file per request URL path."""

    def __init__(self, root: str | os.PathLike | None, service: str):
        self.dir = (Path(root) if root else cache_dir()) / service
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"cannot use cache folder {self.dir}: {exc.strerror or exc}") from None

    def _path(self, key: str) -> Path:
        return self.dir / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".json")

    def get(self, key: str) -> dict | None:
        """The cached entry for key ({"status": ..., "body": ...}), or None."""
        p = self._path(key)
        if not p.exists():
            return None
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # a damaged entry is fetched again

    def put(self, key: str, status: int, body: Any) -> None:
        """Store an entry atomically."""
        p = self._path(key)
        fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "status": status, "body": body}, fh, ensure_ascii=False)
        os.replace(tmp, p)


class PoliteRetry(Retry):
    """urllib3 Retry pausing backoff * 2**(n-1) before retry n, or longer if Retry-After asks,
    through a replaceable sleep function."""

    sleeper: Callable[[float], None] = staticmethod(time.sleep)

    def new(self, **kw: Any) -> PoliteRetry:
        """The next state of the retry (keeps the sleep function)."""
        out = super().new(**kw)
        out.sleeper = self.sleeper
        return out

    def sleep(self, response: Any = None) -> None:
        """Pause before the next attempt."""
        after = self.get_retry_after(response) if response is not None else None
        backoff = self.backoff_factor * (2 ** (len(self.history) - 1)) if self.history else 0.0
        self.sleeper(min(MAX_PAUSE, max(backoff, after or 0.0)))


class Client:
    """Cache first, then one GET every `interval` seconds, retried as PoliteRetry says."""

    def __init__(self, service: str, base_url: str | None = None, cache: Cache | None = None,
                 offline: bool = False, interval: float | None = None, retries: int = 4,
                 backoff: float = 0.5, timeout: float = 20.0,
                 sleep: Callable[[float], None] = time.sleep):
        if service not in SERVICES:
            raise UserError(f"unknown enrichment source {service!r}: use one of "
                            f"{', '.join(SERVICES)}")
        self.service = service
        self.api = SERVICES[service]
        self.base = (base_url or os.environ.get(self.api.URL_ENV) or self.api.DEFAULT_URL)
        self.base = self.base.rstrip("/")
        self.cache = cache
        self.offline = offline
        env_interval = os.environ.get("PAPERKG_ENRICH_INTERVAL")
        self.interval = (interval if interval is not None else
                         float(env_interval) if env_interval else self.api.INTERVAL)
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.sleep = sleep
        self._last = 0.0
        self._session = None
        self.fetched = 0
        self.from_cache = 0

    def get(self, path: str, params: dict[str, str] | None = None) -> tuple[int, Any] | None:
        """(status, JSON body) for a GET, from the cache when there; None offline and uncached."""
        params = dict(params or {})
        keyed = sorted(params.items())
        key = path + ("?" + urllib.parse.urlencode(keyed) if keyed else "")
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                self.from_cache += 1
                return hit["status"], hit["body"]
        if self.offline:
            return None
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        self.api.extra(params, headers)  # credentials and contact: never in the cache key
        url = self.base + path + ("?" + urllib.parse.urlencode(sorted(params.items()))
                                  if params else "")
        status, body = self._fetch(url, headers, shown=self.base + key)
        self.fetched += 1
        if self.cache is not None and status in (200, 404):
            self.cache.put(key, status, body)
        return status, body

    def _wait(self) -> None:
        """Keep at least `interval` seconds between requests."""
        gap = self.interval - (time.monotonic() - self._last)
        if gap > 0:
            self.sleep(gap)
        self._last = time.monotonic()

    def session(self):
        """The requests Session, its adapters retrying as PoliteRetry says."""
        if self._session is None:
            import requests
            from requests.adapters import HTTPAdapter

            retry = PoliteRetry(total=self.retries, connect=self.retries, read=self.retries,
                                status=self.retries, other=0, redirect=5,
                                backoff_factor=self.backoff, status_forcelist=RETRY_STATUSES,
                                allowed_methods=frozenset({"GET"}), raise_on_status=False,
                                respect_retry_after_header=True)
            retry.sleeper = self.sleep
            self._session = requests.Session()
            for prefix in ("http://", "https://"):
                self._session.mount(prefix, HTTPAdapter(max_retries=retry))
        return self._session

    def _fetch(self, url: str, headers: dict[str, str], shown: str) -> tuple[int, Any]:
        """GET url: 200 and 404 are answers; what stays unavailable after the retries, or
        answers something other than JSON, is a ServiceError naming the request (shown)."""
        import requests

        self._wait()
        attempts = f"after {self.retries + 1} attempts"
        try:
            resp = self.session().get(url, headers=headers, timeout=self.timeout)
        except requests.RequestException as exc:
            raise ServiceError(f"{self.service} unavailable {attempts} ({_reason(exc)}) at "
                               f"{_short(shown)}") from None
        with resp:
            if resp.status_code == 404:
                return 404, None
            if resp.status_code in RETRY_STATUSES:
                raise ServiceError(f"{self.service} unavailable {attempts} (HTTP "
                                   f"{resp.status_code} {resp.reason}) at {_short(shown)}")
            if resp.status_code != 200:
                raise ServiceError(f"{self.service} refused {_short(shown)}: HTTP "
                                   f"{resp.status_code} {resp.reason}")
            try:
                return 200, json.loads(resp.content.decode("utf-8"))
            except ValueError:
                raise ServiceError(f"{self.service} returned something that is not JSON "
                                   f"for {_short(shown)}") from None


def _reason(exc: Exception) -> str:
    """The underlying cause of a requests error, in a few words."""
    cause: Any = exc.args[0] if exc.args else exc
    cause = getattr(cause, "reason", cause)  # urllib3's MaxRetryError carries the last error
    text = str(cause)
    if ">: " in text:  # "<urllib3.connection.HTTPConnection object at 0x..>: Failed to ..."
        text = text.split(">: ", 1)[1]
    return f"{type(cause).__name__}: {text}"


def _short(url: str) -> str:
    """A URL cut to a readable length."""
    return url if len(url) <= 120 else url[:117] + "..."
