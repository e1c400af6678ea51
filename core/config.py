"""Settings read from the environment, in one place (the CLI shows them in its option help)."""

from __future__ import annotations

import os
from pathlib import Path

#: The embedded store used when neither an argument nor $PAPERKG_DB names one.
DEFAULT_DB = "paperkg.lbug"
#: Neo4j when $NEO4J_URI / $NEO4J_USERNAME are unset (the database defaults to the server's).
DEFAULT_NEO4J_URI = "bolt://localhost:7687"
DEFAULT_NEO4J_USER = "neo4j"


def default_db() -> str:
    """The embedded store path: $PAPERKG_DB or ./paperkg.lbug."""
    return os.environ.get("PAPERKG_DB") or DEFAULT_DB


def cache_dir() -> Path:
    """The response cache: $PAPERKG_CACHE, else $XDG_CACHE_HOME/paperkg or ~/.cache/paperkg."""
    env = os.environ.get("PAPERKG_CACHE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "paperkg"


def debug() -> bool:
    """True when $PAPERKG_DEBUG is set (crashes then show their traceback)."""
    return bool(os.environ.get("PAPERKG_DEBUG"))
