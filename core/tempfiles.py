"""Temporary files beside a target that a dead writer cannot leave behind for long.

A writer stages its output in `.NAME.PID.RANDOM.tmp` beside the target and renames it into place.
Before staging, `remove_stale` deletes the staged files (and the engine's sidecars of them) of
writers that are no longer running, so a killed build or export is cleaned up by the next run.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _alive(pid: int) -> bool:
    """Whether a process with this id is running (ours counts)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pattern(target: Path) -> re.Pattern:
    """Staged names of target: `.NAME.[PID.]RANDOM.tmp`, and the engine's files beside them
    (`.wal`, `.shadow`, `.checkpoint.apply.lock`, ...)."""
    return re.compile(rf"\.{re.escape(target.name)}\.(?:(\d+)\.)?[^/]*?\.tmp(?:\.[^/]*)?")


def stale_files(target: str | os.PathLike, *, all_owners: bool = False) -> list[Path]:
    """Staged files beside target whose writer is gone.

    A name without a process id (older versions) counts only when all_owners is set, which a
    caller does while it holds the target's writer lock; so does every other name then.
    """
    target = Path(target)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        return []
    pat = _pattern(target)
    out = []
    for entry in parent.iterdir():
        m = pat.fullmatch(entry.name)
        if not m:
            continue
        pid = m.group(1)
        if all_owners or (pid is not None and not _alive(int(pid))):
            out.append(entry)
    return sorted(out)


def remove_stale(target: str | os.PathLike, *, all_owners: bool = False) -> int:
    """Delete the stale staged files beside target; returns how many were removed."""
    removed = 0
    for path in stale_files(target, all_owners=all_owners):
        try:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def staged_name(target: str | os.PathLike) -> Path:
    """A new, unused staging path beside target carrying this process's id."""
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                dir=target.parent if str(target.parent) else ".")
    os.close(fd)
    return Path(name)


def _remove_stale_scratch(tag: str, root: Path) -> None:
    """Remove `paperkg-TAG-PID-*` folders in root whose process is gone."""
    pat = re.compile(rf"paperkg-{re.escape(tag)}-(\d+)-.*")
    for entry in root.glob(f"paperkg-{tag}-*"):
        m = pat.fullmatch(entry.name)
        if m and not _alive(int(m.group(1))):
            shutil.rmtree(entry, ignore_errors=True)


@contextmanager
def scratch_dir(tag: str, root: str | os.PathLike | None = None) -> Iterator[Path]:
    """A private scratch folder `paperkg-TAG-PID-*`, removed afterwards; stale ones of dead
    processes (a killed export) are removed first."""
    base = Path(root) if root is not None else Path(tempfile.gettempdir())
    _remove_stale_scratch(tag, base)
    with tempfile.TemporaryDirectory(prefix=f"paperkg-{tag}-{os.getpid()}-", dir=base) as d:
        yield Path(d)
