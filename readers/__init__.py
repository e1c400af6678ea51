"""Readers: paper listings in, papers out (they read sources; extraction happens elsewhere).

- `read_listings(paths)`: every record of every file, merged into papers (`ReadResult`);
- `iter_records(paths, report)`: one `Paper` per record, streamed in bounded memory (JSON Lines
  line by line, compressed or not), for chunked builds; `merge_papers` merges them later.

Formats: Hugging Face papers pages saved as text, JSON, JSON Lines (plain paper objects, the
Hugging Face API shape, arXiv metadata snapshots, OpenAlex works), each plain or compressed
(gzip, bzip2, zstd, xz: sniffed by magic bytes). Bad files are skipped with a reason; bad lines
and records are skipped and counted with their line numbers; good records are always kept.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from paperkg.core.errors import NothingBuilt, UserError
from paperkg.core.records import Paper, SourceFile, SourceRef
from paperkg.readers.files import (
    DATA_ERRORS,
    LISTING_SUFFIXES,
    MAX_FILE_BYTES,
    MAX_LINE_BYTES,
    SkipFile,
    bom_encoding,
    decode,
    expand_paths,
    file_digest,
    iter_lines,
    listing_suffix,
    open_binary,
    read_bounded,
)
from paperkg.readers.hf_text import parse_hf_text
from paperkg.readers.json import iter_jsonl, loads, parse_json_text, record_from_json
from paperkg.readers.merge import merge_group, merge_papers, merge_records
from paperkg.readers.record import RawRecord

#: Bad lines listed per file, and warnings listed in all (the rest are counted).
EXAMPLES_PER_FILE = 5
MAX_WARNINGS_LISTED = 20
_PROGRESS_EVERY = 10_000


@dataclass
class ReadReport:
    """What reading saw besides the records: files read and skipped, bad lines, warnings."""

    sources: list[SourceFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    records: int = 0
    bad_records: int = 0  # lines or entries skipped inside files that were read
    bad_lines: list[tuple[str, int, str]] = field(default_factory=list)  # first few per file
    warning_count: int = 0
    warnings: list[str] = field(default_factory=list)  # the first MAX_WARNINGS_LISTED

    def warn(self, message: str) -> None:
        """Count a warning, keeping the first few."""
        self.warning_count += 1
        if len(self.warnings) < MAX_WARNINGS_LISTED:
            self.warnings.append(message)

    def bad(self, path: Path, line: int, reason: str, listed: list[int]) -> None:
        """Count a bad line of a file, listing the first few of each file."""
        self.bad_records += 1
        if listed[0] < EXAMPLES_PER_FILE:
            self.bad_lines.append((str(path), line, reason))
        listed[0] += 1


@dataclass
class ReadResult:
    """What reading a set of paths produced."""

    papers: list[Paper]
    sources: list[SourceFile]
    records: int = 0  # paper records seen before merging
    merged: int = 0  # records folded into an already-seen paper
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    no_abstract: int = 0
    bad_records: int = 0  # bad lines/entries skipped inside files that were read
    bad_lines: list[tuple[str, int, str]] = field(default_factory=list)  # (path, line, reason)
    warning_count: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        """Counts for reports."""
        return {
            "files": len(self.sources),
            "records": self.records,
            "papers": len(self.papers),
            "merged": self.merged,
            "skipped": len(self.skipped),
            "no_abstract": self.no_abstract,
            "bad_records": self.bad_records,
            "bad_lines": [{"path": p, "line": n, "reason": r} for p, n, r in self.bad_lines],
            "warnings": self.warning_count,
            "warning_examples": self.warnings[:MAX_WARNINGS_LISTED],
        }


def read_notes(summary: dict) -> list[str]:
    """One line on skipped bad lines and one on warnings, from ReadResult.summary() (skipped
    files have their own lines)."""
    out = []
    bad = summary.get("bad_records") or 0
    if bad:
        lines = summary.get("bad_lines") or []
        first = ", ".join(f"{Path(b['path']).name}:{b['line']}" for b in lines[:5])
        reason = f": {lines[0]['reason']}" if lines else ""
        out.append(f"skipped {bad} bad " + ("line or record" if bad == 1 else "lines or records")
                   + (f" (first: {first}{reason})" if first else ""))
    count = summary.get("warnings") or 0
    examples = summary.get("warning_examples") or []
    if count and examples:
        more = f" (+{count - 1} more: --json lists the first {len(examples)})" if count > 1 else ""
        out.append(f"warning: {examples[0]}{more}")
    return out


# ---------------------------------------------------------------------------------------------
# One file


_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_UTF8_BOM = b"\xef\xbb\xbf"


def _jsonl_lines(path: Path, text: str, report: ReadReport, listed: list[int]
                 ) -> list[RawRecord]:
    """Records of JSON Lines text in memory; SkipFile when no line holds a paper."""
    records, bad = [], []
    latin: list[int] = []
    for no, rec, reason in iter_jsonl(enumerate(text.splitlines(), 1), latin):
        if rec is None:
            bad.append((no, reason or "bad line"))
        else:
            records.append(rec)
    if not records:
        raise SkipFile("no papers found in it" + (f" ({len(bad)} bad lines)" if bad else ""))
    for no, reason in bad:
        report.bad(path, no, reason, listed)
    if latin:
        report.warn(f"{path}: {len(latin)} lines not UTF-8 (first: line {latin[0]}), decoded as "
                    f"Windows-1252/Latin-1")
    return records


def _whole_document(path: Path, data: bytes, report: ReadReport, listed: list[int]
                    ) -> tuple[list[RawRecord], str | None, str]:
    """Records of a document held in memory (JSON, JSON Lines in UTF-16, a text page), its
    page date and layout."""
    text, warning = decode(data)
    if warning:
        report.warn(f"{path}: {warning}")
    suffix = listing_suffix(path)
    if suffix in _JSONL_SUFFIXES:
        return _jsonl_lines(path, text, report, listed), None, "jsonl"
    stripped = text.lstrip()
    if suffix == ".json" or stripped.startswith(("[", "{")):
        first = stripped.partition("\n")[0].strip()
        try:
            if stripped.startswith("{") and first.endswith("}") and "\n" in stripped.rstrip():
                return _jsonl_lines(path, text, report, listed), None, "jsonl"
            records, bad = parse_json_text(text)
            for line, reason in bad:
                report.bad(path, line, reason, listed)
            return records, None, "json"
        except SkipFile:
            if suffix == ".json":
                raise
            # a text page whose first title starts with [ or {: read it as text if it is one
            records, page_date, layout, warnings = parse_hf_text(text)
            if not any(r.abstract for r in records):
                raise
            for w in warnings:
                report.warn(f"{path}: {w}")
            return records, page_date, layout
    records, page_date, layout, warnings = parse_hf_text(text)
    if records and not any(r.abstract for r in records):
        raise SkipFile(f"no papers found in it: none of its {len(records)} title lines is "
                       f"followed by an abstract (a papers page has them)")
    for w in warnings:
        report.warn(f"{path}: {w}")
    return records, page_date, layout


def _streams_as_jsonl(suffix: str, first: bytes) -> bool:
    """Whether a file read in UTF-8 (or ASCII) is JSON Lines, by its suffix or its first line
    (one complete JSON object: the arXiv snapshot is JSON Lines named .json)."""
    if bom_encoding(first[:4]) not in (None, "utf-8-sig"):
        return False  # UTF-16/32: read whole and decoded
    if suffix in _JSONL_SUFFIXES:
        return True
    line = first.removeprefix(_UTF8_BOM).strip()
    if not (line.startswith(b"{") and line.endswith(b"}")):
        return False
    try:
        return record_from_json(loads(line), 1) is not None  # a paper, not {"papers": [...]}
    except ValueError:
        return False


def _stream_lines(first: bytes, stream) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of a stream whose first line was already read."""
    yield 1, first.removeprefix(_UTF8_BOM)
    for no, line in iter_lines(stream):
        yield no + 1, line


def _file_items(path: Path, report: ReadReport) -> Iterator[tuple[RawRecord, SourceRef]]:
    """(record, source) of every paper of one file; a file that cannot be read is recorded as
    skipped in the report."""
    listed = [0]
    bad_before = report.bad_records
    try:
        stream, _compression = open_binary(path)
        digest = file_digest(path)
        with stream:
            try:
                first = stream.readline(MAX_LINE_BYTES + 1)
            except DATA_ERRORS as exc:
                raise SkipFile(f"damaged or truncated compressed data ({exc})") from None
            if b"\x00" in first[:8192] and bom_encoding(first[:4]) in (None, "utf-8-sig"):
                raise SkipFile("binary file (NUL bytes), not a listing")
            suffix = listing_suffix(path)
            if (first.strip() or suffix in _JSONL_SUFFIXES) and _streams_as_jsonl(suffix, first):
                yield from _stream_file(path, digest, first, stream, report, listed)
                return
            data = first + read_bounded(stream, MAX_FILE_BYTES - len(first))
        records, page_date, layout = _whole_document(path, data, report, listed)
        del data
        if not records:
            bad = report.bad_records - bad_before
            raise SkipFile("no papers found in it" + (f" ({bad} unusable records)"
                                                       if bad else ""))
        source = SourceFile(id=digest, path=str(path), name=path.name, layout=layout,
                            listing_date=page_date, paper_count=len(records))
        report.sources.append(source)
        for r in records:
            r.listing_date = r.listing_date or page_date
            yield r, _ref(path, r, source)
    except SkipFile as exc:
        report.skipped.append((str(path), str(exc)))


def _stream_file(path: Path, digest: str, first: bytes, stream, report: ReadReport,
                 listed: list[int]) -> Iterator[tuple[RawRecord, SourceRef]]:
    """(record, source) of a JSON Lines file, line by line in bounded memory; SkipFile when
    no line holds a paper."""
    source = SourceFile(id=digest, path=str(path), name=path.name, layout="jsonl")
    bad_before = report.bad_records
    count = 0
    latin: list[int] = []
    try:
        for no, rec, reason in iter_jsonl(_stream_lines(first, stream), latin):
            if rec is None:
                report.bad(path, no, reason or "bad line", listed)
                continue
            if count == 0:
                report.sources.append(source)
            count += 1
            source.paper_count = count
            yield rec, _ref(path, rec, source)
    except DATA_ERRORS as exc:
        if count == 0:
            raise SkipFile(f"damaged or truncated compressed data ({exc})") from None
        report.warn(f"{path}: stopped after {count} records: damaged or truncated compressed "
                    f"data ({exc})")
    if latin:
        report.warn(f"{path}: {len(latin)} lines not UTF-8 (first: line {latin[0]}), decoded as "
                    f"Windows-1252/Latin-1")
    if count == 0:  # the file is one skip: its bad lines are not counted again
        bad = report.bad_records - bad_before
        report.bad_records = bad_before
        report.bad_lines = [b for b in report.bad_lines if b[0] != str(path)]
        raise SkipFile(f"no papers found in it ({bad} bad lines)" if bad else "empty file")


def _ref(path: Path, rec: RawRecord, source: SourceFile) -> SourceRef:
    """Where a record was seen."""
    return SourceRef(path=str(path), line=rec.line, source_id=source.id,
                     listing_date=rec.listing_date)


def _items(paths: Iterable[str | os.PathLike], report: ReadReport,
           progress: Callable[[int], None] | None = None
           ) -> Iterator[tuple[RawRecord, SourceRef]]:
    """(record, source) of every paper under paths, counting into report."""
    pending = 0
    for f in expand_paths(paths):
        for rec, ref in _file_items(f, report):
            report.records += 1
            for w in rec.warnings:
                report.warn(f"{f}:{rec.line}: {w}")
            yield rec, ref
            pending += 1
            if progress is not None and pending >= _PROGRESS_EVERY:
                progress(pending)
                pending = 0
    if progress is not None and pending:
        progress(pending)
    if not report.records:
        _nothing(report)


def _nothing(report: ReadReport) -> None:
    """NothingBuilt naming why no file gave a paper."""
    skipped = report.skipped
    if len(skipped) == 1:
        path, reason = skipped[0]
        raise NothingBuilt(f"nothing to read: {path}: {reason}")
    reasons = "; ".join(f"{Path(p).name}: {r}" for p, r in skipped[:3])
    more = f" (+{len(skipped) - 3} more)" if len(skipped) > 3 else ""
    raise NothingBuilt(f"nothing to read in {len(skipped)} files: {reasons}{more}")


# ---------------------------------------------------------------------------------------------
# Entry points


def iter_records(paths: Iterable[str | os.PathLike], report: ReadReport | None = None,
                 progress: Callable[[int], None] | None = None) -> Iterator[Paper]:
    """One Paper per record under paths (not merged: `merge_papers` merges them), streamed in
    bounded memory; pass a ReadReport to learn the files, skips, bad lines and warnings.
    NothingBuilt (exit 2) for a missing or non-regular path and when no record is found."""
    report = report if report is not None else ReadReport()
    for rec, ref in _items(paths, report, progress=progress):
        yield merge_group([(rec, ref)])


def read_listings(paths: Iterable[str | os.PathLike], strict: bool = False,
                  progress: Callable[[int], None] | None = None) -> ReadResult:
    """Read every listing under paths into merged papers; unreadable files, bad lines and bad
    records are counted skips (strict: the first unreadable file is a UserError)."""
    report = ReadReport()
    collecting = gc.isenabled()
    gc.disable()  # many small acyclic objects: the collector would walk them again and again
    try:
        items = list(_items(paths, report, progress=progress))
        if strict and report.skipped:
            path, reason = report.skipped[0]
            raise UserError(f"{path}: {reason}")
        papers = merge_records(items)
    finally:
        if collecting:
            gc.enable()
    return ReadResult(
        papers=papers,
        sources=report.sources,
        records=len(items),
        merged=len(items) - len(papers),
        skipped=report.skipped,
        no_abstract=sum(1 for p in papers if not p.abstract),
        bad_records=report.bad_records,
        bad_lines=report.bad_lines,
        warning_count=report.warning_count,
        warnings=report.warnings,
    )


__all__ = ["LISTING_SUFFIXES", "MAX_FILE_BYTES", "MAX_LINE_BYTES", "ReadReport", "ReadResult",
           "expand_paths", "iter_records", "merge_papers", "read_listings", "read_notes"]
