"""Texts held compressed in memory (a large build's abstracts): about half their size."""

from __future__ import annotations

import zlib


def packed(text: str | None) -> bytes | None:
    """A text held compressed (zlib level 1 of its UTF-8, lone surrogates kept); `unpacked`
    gives it back."""
    if text is None:
        return None
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def unpacked(value: str | bytes | None) -> str | None:
    """The text of a `packed` value (a string as it is)."""
    if isinstance(value, bytes):
        return zlib.decompress(value).decode("utf-8", "surrogatepass")
    return value
