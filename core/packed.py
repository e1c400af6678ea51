"""Texts held compressed in memory (a large build's abstracts): about half their size."""

from __future__ import annotations

import json
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


def packed_list(values: list[str] | None) -> bytes | list[str] | None:
    """A list of texts held as one `packed` JSON array (an empty list or None as it is);
    `unpacked_list` gives it back."""
    if not values:
        return values
    return packed(json.dumps(values))


def unpacked_list(value: bytes | list[str] | None) -> list[str] | None:
    """The list of a `packed_list` value (a list as it is)."""
    if isinstance(value, bytes):
        return json.loads(unpacked(value))
    return value
