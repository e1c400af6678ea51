"""Opening listing files: regular files only, compression sniffed by magic bytes, text decoded
(BOM, then UTF-8, then Windows-1252/Latin-1 with a warning), every size bounded."""

from __future__ import annotations

import bz2
import codecs
import gzip
import hashlib
import io
import lzma
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import zstandard

from paperkg.core.errors import NothingBuilt

#: A whole-document listing (JSON, text page) larger than this, after decompression, is refused.
MAX_FILE_BYTES = 256 * 1024 * 1024
#: A JSON Lines line longer than this is skipped (and counted) without being held in memory.
MAX_LINE_BYTES = 32 * 1024 * 1024
#: Suffixes read when a folder is given (explicit files are read whatever their suffix).
LISTING_SUFFIXES = {".txt", ".json", ".jsonl", ".ndjson", ".md", ".text"}
#: Compression suffixes that may follow a listing suffix (papers.jsonl.gz).
COMPRESSED_SUFFIXES = {".gz", ".bz2", ".zst", ".xz"}

_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"\xfd7zXZ\x00", "xz"),
)
_ARCHIVES = ((b"PK\x03\x04", "a zip archive"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
             (b"%PDF", "a PDF file"))
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHUNK = 1024 * 1024
#: What reading a damaged or truncated (compressed) file raises.
DATA_ERRORS = (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError, zstandard.ZstdError)


class SkipFile(Exception):
    """A file that is not a readable listing (the reason is the message)."""


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def check_regular(path: Path) -> os.stat_result:
    """The stat of a regular file (symlinks followed), SkipFile otherwise; never opens it, so a
    FIFO or a device cannot block or flood the reader."""
    try:
        st = path.stat()
    except OSError as exc:
        raise SkipFile(f"cannot read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise SkipFile(f"{_kind(st.st_mode)}, not a listing file: only regular files are read")
    return st


def compression(head: bytes) -> str | None:
    """The compression named by a file's first bytes (gzip, bzip2, zstd, xz), or None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def open_binary(path: Path) -> tuple[BinaryIO, str | None]:
    """A binary reader of a regular file's content, decompressed by its magic bytes, and the
    compression found (None for plain files)."""
    check_regular(path)
    try:
        raw = open(path, "rb")  # noqa: SIM115 (returned to the caller, who closes it)
    except OSError as exc:
        raise SkipFile(f"cannot read ({exc.strerror or exc})") from None
    head = raw.read(8)
    raw.seek(0)
    kind = compression(head)
    for magic, what in _ARCHIVES:
        if head.startswith(magic):
            raw.close()
            raise SkipFile(f"{what}, not a listing (unpack it first)")
    if kind is None:
        return raw, None
    if kind == "gzip":
        return gzip.GzipFile(fileobj=raw, mode="rb"), kind
    if kind == "bzip2":
        return bz2.BZ2File(raw, mode="rb"), kind
    if kind == "xz":
        return lzma.LZMAFile(raw, mode="rb"), kind
    return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)), kind


def read_bounded(stream: BinaryIO, limit: int = MAX_FILE_BYTES) -> bytes:
    """All bytes of a stream, SkipFile past limit (a decompression bomb stops there)."""
    try:
        data = stream.read(limit + 1)
    except DATA_ERRORS as exc:
        raise SkipFile(f"damaged or truncated compressed data ({exc})") from None
    if len(data) > limit:
        raise SkipFile(f"too large: more than {limit // 2**20} MB once decompressed (JSON "
                       f"Lines are streamed without this limit)")
    return data


def file_digest(path: Path) -> str:
    """A short content hash of a file as stored (read in chunks, bounded memory)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()[:16]


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark names, or None."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def _controls(text: str) -> int:
    """How many control characters (other than tab, newlines, form feed) a text sample has."""
    return sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\x7f")


def decode(data: bytes) -> tuple[str, str | None]:
    """(text, warning) of a document: a BOM's encoding, else UTF-8, else Windows-1252 (Latin-1
    for its five undefined bytes) with a warning; SkipFile for empty or binary data."""
    if not data.strip():
        raise SkipFile("empty file")
    enc = bom_encoding(data[:4])
    warning = None
    if enc is not None:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            raise SkipFile(f"not valid {enc.upper()} text after its byte-order mark "
                           f"(invalid byte at offset {exc.start})") from None
    else:
        if b"\x00" in data[:8192]:
            raise SkipFile("binary file (NUL bytes), not a listing")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = latin_text(data)
            warning = (f"not UTF-8 (invalid byte at offset {exc.start}): decoded as "
                       f"Windows-1252/Latin-1")
    if not text.strip():
        raise SkipFile("empty file")
    if "\x00" in text[:8192] or _controls(text[:8192]) > 8:
        raise SkipFile("binary file (control bytes), not a listing")
    return text, warning


def latin_text(data: bytes) -> str:
    """Windows-1252 text of bytes, Latin-1 when a byte is undefined in Windows-1252."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def iter_lines(stream, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes | str | None]]:
    """(line number, line) of each line of a binary or text stream; None in place of a line
    longer than limit, which is read through in chunks, never held whole."""
    no = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        no += 1
        if len(line) > limit and line[-1:] not in ("\n", b"\n"):
            while True:  # skip the rest of the over-long line
                rest = stream.readline(_CHUNK)
                if not rest or rest[-1:] in ("\n", b"\n"):
                    break
            yield no, None
            continue
        yield no, line


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named, or found by suffix under folders; NothingBuilt (exit 2) for a missing path
    or a named path that is not a regular file (a FIFO or a device would block or never end).
    Non-regular files found under folders are kept: reading skips them with the reason."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        try:
            st = p.stat()
        except FileNotFoundError:
            raise NothingBuilt(f"no such file or folder: {raw}") from None
        except OSError as exc:
            raise NothingBuilt(f"cannot read {raw}: {exc.strerror or exc}") from None
        if stat.S_ISDIR(st.st_mode):
            found = sorted(f for f in p.rglob("*") if _is_listing(f, p))
            if not found:
                raise NothingBuilt(f"no listing files (*.txt, *.json, *.jsonl, also .gz/.bz2/"
                                   f".zst) in folder {raw}")
            files.extend(found)
        elif stat.S_ISREG(st.st_mode):
            files.append(p)
        else:
            raise NothingBuilt(f"nothing to read: {raw} is {_kind(st.st_mode)}: only regular "
                               f"files are read")
    seen: set[Path] = set()
    unique = []
    for f in files:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique


def listing_suffix(path: Path) -> str:
    """The listing suffix of a path with any compression suffix removed (a.jsonl.gz -> .jsonl)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _is_listing(f: Path, root: Path) -> bool:
    """Whether a file found under a folder is read: a visible file (not a folder) with a
    listing suffix, compressed or not (a FIFO or device among them is skipped when read)."""
    if any(part.startswith(".") for part in f.relative_to(root).parts):
        return False
    if listing_suffix(f) not in LISTING_SUFFIXES:
        return False
    try:
        return not stat.S_ISDIR(f.stat().st_mode)
    except OSError:
        return False


__all__ = ["COMPRESSED_SUFFIXES", "DATA_ERRORS", "LISTING_SUFFIXES", "MAX_FILE_BYTES",
           "MAX_LINE_BYTES", "SkipFile", "bom_encoding", "check_regular", "compression",
           "decode", "expand_paths", "file_digest", "iter_lines", "latin_text", "listing_suffix",
           "open_binary", "read_bounded"]
