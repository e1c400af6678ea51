"""Texts held compressed in memory (a large build's abstracts and citation results): about
half their size, or a third with a dictionary trained on the build's own texts (`trained`)."""

from __future__ import annotations

import json
import zlib

#: The first bytes of a zstd frame (a text packed with a Dictionary); zlib's start with 0x78.
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
#: Dictionaries kept to unpack with, by id (the latest ones: a process may build many times).
_KEEP = 8
_unpackers: dict[int, object] = {}


class Dictionary:
    """A zstd dictionary trained on samples of the texts it packs (`trained`)."""

    def __init__(self, compressor: object, ident: int) -> None:
        self._compressor, self.ident = compressor, ident

    def pack(self, text: str) -> bytes:
        """The text packed with this dictionary (`unpacked` gives it back). Copied: the
        bytes zstandard returns keep the allocation of the largest possible output (1,442
        against 510 bytes traced an abstract, 1,000 corpus abstracts; zlib's: 743)."""
        return memoryview(self._compressor.compress(
            text.encode("utf-8", "surrogatepass"))).tobytes()


def trained(samples: list[str], size: int = 65536) -> Dictionary | None:
    """A Dictionary trained on `samples`, or None when they are too few or too alike to
    train one. A large build's abstracts, with one trained on its first 5,000: 728 -> 496
    bytes an abstract held, 24 -> 8 us to pack and 8 -> 2.4 us to unpack, against zlib
    level 1 (2,000 other corpus abstracts); its citation results' JSON, with one trained on
    the first 2,000: 467 -> 214 bytes a paper (zlib: 337)."""
    import zstandard

    data = [s.encode("utf-8", "surrogatepass") for s in samples if s]
    try:
        made = zstandard.train_dictionary(size, data)
    except zstandard.ZstdError:
        return None
    ident = made.dict_id()
    _unpackers.pop(ident, None)
    _unpackers[ident] = zstandard.ZstdDecompressor(dict_data=made)
    while len(_unpackers) > _KEEP:
        del _unpackers[next(iter(_unpackers))]
    return Dictionary(zstandard.ZstdCompressor(level=3, dict_data=made, write_checksum=False),
                      ident)


def packed(text: str | None, dictionary: Dictionary | None = None) -> bytes | None:
    """A text held compressed (zlib level 1 of its UTF-8, or with a Dictionary; lone
    surrogates kept); `unpacked` gives it back."""
    if text is None:
        return None
    if dictionary is not None:
        return dictionary.pack(text)
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def unpacked(value: str | bytes | None) -> str | None:
    """The text of a `packed` value (a string as it is)."""
    if isinstance(value, bytes):
        if value[:4] == _ZSTD_MAGIC:
            import zstandard

            data = _unpackers[zstandard.get_frame_parameters(value).dict_id].decompress(value)
        else:
            data = zlib.decompress(value)
        return data.decode("utf-8", "surrogatepass")
    return value


def packed_list(values: list[str] | None, dictionary: Dictionary | None = None
                ) -> bytes | list[str] | None:
    """A list of texts held as one `packed` JSON array (an empty list or None as it is);
    `unpacked_list` gives it back."""
    if not values:
        return values
    return packed(json.dumps(values), dictionary)


def unpacked_list(value: bytes | list[str] | None) -> list[str] | None:
    """The list of a `packed_list` value (a list as it is)."""
    if isinstance(value, bytes):
        return json.loads(unpacked(value))
    return value


class TextFile:
    """Packed texts held on disk instead of in memory (a large build's abstracts, which only
    the store's write reads again): `add` appends one and returns where it is, a small int,
    `read` gives its bytes back. The file is a nameless temporary one (in `folder`): it goes
    when this object does, or with the process."""

    #: Bits of a place that hold the text's length (the rest: its offset), so that a place
    #: stays one small int (32 bytes) for files below 2**40 bytes.
    _LEN_BITS = 20

    def __init__(self, folder: str | None = None) -> None:
        import tempfile

        self._fh = tempfile.TemporaryFile(dir=folder)
        self._end = 0
        self._unflushed = False

    def add(self, data: bytes) -> int | None:
        """Append data; its place (for `read`), or None when it is too long to have one."""
        n = len(data)
        if n >> self._LEN_BITS:
            return None
        at = self._end
        self._fh.write(data)
        self._end += n
        self._unflushed = True
        return at << self._LEN_BITS | n

    def read(self, place: int) -> bytes:
        """The bytes added at place."""
        import os

        if self._unflushed:
            self._fh.flush()
            self._unflushed = False
        n = place & ((1 << self._LEN_BITS) - 1)
        return os.pread(self._fh.fileno(), n, place >> self._LEN_BITS)

    def close(self) -> None:
        """Delete the file now (its places can no longer be read)."""
        self._fh.close()
