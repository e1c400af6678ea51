"""What a process that ends by os._exit leaves to its end instead of freeing it.

The `paperkg` command ends its process without the interpreter's teardown (cli._end_process).
A step that returns at the end of such a process would still free what it made one object at
a time: after adding 500 papers to a 100,000-paper store, the update's graph, counts and
papers took about 0.12 CPU s to free (0.05 s of it before the update's commit) and closing
its store's engine 0.03-0.08 s, all of it on the add's path and none of it needed by a process
that is about to end. `keep` holds such objects instead, but only in a process that ends by
os._exit (`ends_by_exit`, set by the command's entry point); anywhere else (tests, the Python
API, a server) it does nothing and everything is freed as usual.
"""

from __future__ import annotations

from typing import Any

_ENDS_BY_EXIT = False
_KEPT: list[Any] = []


def set_ends_by_exit(value: bool = True) -> None:
    """Say whether this process ends by os._exit (the command's entry point says so)."""
    global _ENDS_BY_EXIT
    _ENDS_BY_EXIT = value
    if not value:
        _KEPT.clear()


def ends_by_exit() -> bool:
    """Whether this process ends by os._exit (then `keep` holds what it is given)."""
    return _ENDS_BY_EXIT


def keep(*objects: Any) -> None:
    """Hold these objects until the process ends when it ends by os._exit; else nothing."""
    if _ENDS_BY_EXIT:
        _KEPT.extend(objects)


def kept() -> int:
    """How many objects are held (for tests)."""
    return len(_KEPT)
