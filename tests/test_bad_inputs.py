"""A bad-input corpus, written by the tests themselves: every file ends in one clear line, the
documented exit code (0 read, 2 nothing could be read: README "Exit codes") and no lost
good record. The CLI runs in process (click's runner) with an alarm as a hang guard; a few cases
run the real command in a subprocess under memory and time limits. Then a bounded fuzz test of
the readers (hypothesis)."""

from __future__ import annotations

import bz2
import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest
import zstandard
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paperkg.cli import main
from paperkg.core.errors import UserError
from paperkg.readers import read_listings

GOOD = [{"title": f"Good Paper {i}: Sparse Widgets",
         "abstract": f"We propose Widget-{i}, a sparse model. It is evaluated on WidgetBench."}
        for i in range(10)]
GOOD_LINES = "".join(json.dumps(p) + "\n" for p in GOOD)
ABSTRACT = "We study a long problem in prose and propose a method that works well. " * 6
HANG_GUARD_S = 120


@contextmanager
def hang_guard(seconds: int = HANG_GUARD_S):
    """Fail (rather than hang the suite) when a case runs past seconds."""
    def on_alarm(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `paperkg ARGS` run in this process."""
    runner = CliRunner()
    with hang_guard(), runner.isolation() as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue().decode(), err.getvalue().decode()


def jsonl(*lines: str | bytes) -> bytes:
    """JSON Lines bytes: the ten good papers, then lines."""
    extra = b"".join((ln if isinstance(ln, bytes) else ln.encode()) + b"\n" for ln in lines)
    return GOOD_LINES.encode() + extra


def page(*titles: str) -> str:
    """A text listing page: each title followed by an abstract."""
    return "".join(f"{t}\n\n{ABSTRACT}\n\n" for t in titles)


def deep(n: int = 100_000) -> str:
    return "[" * n + "]" * n


def _fifo(tmp: Path) -> Path:
    p = tmp / "pipe.jsonl"
    os.mkfifo(p)
    return p


def _socket(tmp: Path) -> Path:
    p = tmp / "s.jsonl"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(p))
    s.close()
    return p


def _write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        p = tmp / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode())
        return p
    return make


def _mixed_folder(tmp: Path) -> Path:
    d = tmp / "mixed"
    for name, data in [("good.jsonl", GOOD_LINES.encode()), ("bin.txt", b"\x00\x01" * 500),
                       ("empty.txt", b""), ("deep.json", deep().encode()),
                       ("trunc.json", b'[{"title": "x"'), ("sub/more.txt", page("Sub Paper")),
                       (".git/hidden.jsonl", GOOD_LINES.encode()),
                       ("notes.png", b"\x89PNG\r\n"), ("cut.jsonl.gz", gzip.compress(b"x")[:8])]:
        _write(f"mixed/{name}", data)(tmp)
    os.mkfifo(d / "fifo.jsonl")
    (d / "zero.txt").symlink_to("/dev/zero")
    return d


def _empty_folder(tmp: Path) -> Path:
    (tmp / "nothing").mkdir()
    return tmp / "nothing"


def _only_png(tmp: Path) -> Path:
    _write("pics/a.png", b"\x89PNG")(tmp)
    return tmp / "pics"


def _broken_link(tmp: Path) -> Path:
    (tmp / "dangling.jsonl").symlink_to(tmp / "gone.jsonl")
    return tmp / "dangling.jsonl"


def _static(path: str) -> Callable[[Path], Path]:
    return lambda tmp: Path(path)


def _bomb(tmp: Path) -> Path:
    p = tmp / "bomb.txt.gz"
    with gzip.open(p, "wb", compresslevel=1) as f:
        block = b"a" * 2**20
        for _ in range(300):  # 300 MB of text once unpacked
            f.write(block)
    return p


# (case id, file maker, exit code, good papers printed, words expected on stderr)
CASES: list[tuple[str, Callable[[Path], Path], int, int, str]] = [
    # whole files that hold nothing: exit 2, one line naming the reason
    ("empty", _write("empty.txt", b""), 2, 0, "empty file"),
    ("blank", _write("blank.txt", b"  \n\n\t\n"), 2, 0, "empty file"),
    ("empty-jsonl", _write("e.jsonl", b"\n\n"), 2, 0, "empty file"),
    ("nul-bytes", _write("bin.txt", b"\x00\x01\x02" * 100), 2, 0, "binary file"),
    ("png-as-txt", _write("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"), 2, 0, "binary"),
    ("control-bytes", _write("ctl.txt", bytes(range(1, 32)) * 20), 2, 0, "binary file"),
    ("nul-jsonl", _write("bin.jsonl", b"\x00" * 64 + b"\n"), 2, 0, "binary file"),
    ("utf16-no-bom", _write("u16.txt", page("Title").encode("utf-16-le")), 2, 0, "binary"),
    ("truncated-json", _write("t.json", b'[{"title": "x", "abstract": "trunc'), 2, 0,
     "invalid JSON"),
    ("truncated-json-txt", _write("t.txt", b'[{"title": "x", "abstract": "trunc'), 2, 0,
     "invalid JSON"),
    ("json-number", _write("n.json", b"42"), 2, 0, "no list of papers"),
    ("json-string", _write("s.json", b'"papers"'), 2, 0, "no list of papers"),
    ("json-non-objects", _write("l.json", b"[1, 2, null, true]"), 2, 0, "4 unusable"),
    ("json-no-titles", _write("nt.json", json.dumps([{"abstract": "a"}] * 3)), 2, 0,
     "3 unusable"),
    ("jsonl-all-bad", _write("bad.jsonl", b"{\n[\nnot json\n"), 2, 0, "3 bad lines"),
    ("jsonl-only-deep", _write("d.jsonl", deep()), 2, 0, "1 bad lines"),
    ("json-deep", _write("d.json", deep()), 2, 0, "nested too deeply"),
    ("json-deep-objects", _write("o.json", '{"a":' * 100_000 + "1" + "}" * 100_000), 2, 0,
     "nested too deeply"),
    ("zip", _write("a.txt", b"PK\x03\x04" + b"\x00" * 40), 2, 0, "zip archive"),
    ("pdf", _write("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), 2, 0, "PDF file"),
    ("gzip-cut", _write("c.jsonl.gz", gzip.compress(GOOD_LINES.encode())[:12]), 2, 0,
     "truncated"),
    ("bzip2-garbage", _write("c.jsonl.bz2", b"BZh91AY&SY" + b"\x00" * 30), 2, 0, "damaged"),
    ("zstd-garbage", _write("c.jsonl.zst", b"\x28\xb5\x2f\xfd" + b"\xff" * 30), 2, 0,
     "damaged"),
    ("gzip-txt-garbage", _write("c.txt.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 30), 2, 0,
     "damaged"),
    ("only-furniture", _write("f.txt", "Subscribe\n\nDaily Papers\n\nnew\n\nprevious\n"), 2, 0,
     "no papers found"),
    ("titles-only", _write("titles.txt", "# Notes\n\nOne line\n\nAnother line\n"), 2, 0,
     "followed by an abstract"),
    ("only-abstracts", _write("a.txt", (ABSTRACT + "\n\n") * 3), 2, 0, "no papers found"),
    ("long-line-txt", _write("l.txt", "x" * 10_000_000), 2, 0, "no papers found"),
    ("fifo", _fifo, 2, 0, "a FIFO"),
    ("socket", _socket, 2, 0, "a socket"),
    ("dev-zero", _static("/dev/zero"), 2, 0, "character device"),
    ("dev-urandom", _static("/dev/urandom"), 2, 0, "character device"),
    ("dev-null", _static("/dev/null"), 2, 0, "character device"),
    ("empty-folder", _empty_folder, 2, 0, "no listing files"),
    ("folder-without-listings", _only_png, 2, 0, "no listing files"),
    ("missing", _static("/nonexistent/listing.jsonl"), 2, 0, "no such file or folder"),
    ("broken-symlink", _broken_link, 2, 0, "no such file or folder"),
    # files with good records and bad parts: exit 0, every good record kept
    ("jsonl-deep-line", _write("g.jsonl", jsonl(deep())), 0, 10, "g.jsonl:11"),
    ("jsonl-deep-middle", _write("g.jsonl", deep() + "\n" + GOOD_LINES), 0, 10, "g.jsonl:1"),
    ("jsonl-truncated-last", _write("g.jsonl", jsonl('{"title": "Cut", "abs')), 0, 10,
     "g.jsonl:11"),
    ("jsonl-garbage-lines", _write("g.jsonl", jsonl("not json", "[1,2]", "{}", "null")), 0, 10,
     "skipped 4 bad lines"),
    ("jsonl-many-bad", _write("g.jsonl", jsonl(*(["}{"] * 20_000))), 0, 10,
     "skipped 20000 bad lines"),
    ("jsonl-over-32mb-line", _write("g.jsonl", jsonl('{"title": "' + "x" * (33 * 2**20))), 0, 10,
     "longer than 32 MB"),
    ("authors-nan", _write("g.jsonl", jsonl('{"title": "NaN Authors", "authors": NaN}')), 0, 11,
     "author count nan dropped"),
    ("authors-infinity", _write("g.jsonl", jsonl('{"title": "Inf", "authors": Infinity}')), 0,
     11, "author count inf dropped"),
    ("authors-minus-infinity", _write("g.jsonl", jsonl('{"title": "MInf", "authors": '
                                                        '-Infinity}')), 0, 11, "dropped"),
    ("authors-10e30", _write("g.jsonl", jsonl('{"title": "Big", "authors": 1' + "0" * 30 + "}")),
     0, 11, "1e+30 dropped"),
    ("authors-negative", _write("g.jsonl", jsonl('{"title": "Neg", "authors": -5}')), 0, 11,
     "author count -5 dropped"),
    ("authors-1e308", _write("g.jsonl", jsonl('{"title": "Float", "authors": 1e308}')), 0, 11,
     "dropped"),
    ("authors-1e400", _write("g.jsonl", jsonl('{"title": "Overflow", "authors": 1e400}')), 0, 11,
     "author count inf dropped"),
    ("authors-junk-list", _write("g.jsonl", jsonl('{"title": "Junk", "authors": [1, null, {}, '
                                                   '"A B", {"name": 5}]}')), 0, 11, ""),
    ("no-word-titles", _write("w.jsonl", "".join(json.dumps({"title": t, "abstract": "x"}) + "\n"
                                                 for t in ("!!!", "???", "🙂🙂", "…"))), 0, 4,
     ""),
    ("text-title-bracket", _write("b.txt", page("[RE] Reproducing Widgets", "Second Paper")), 0,
     2, ""),
    ("text-title-brace", _write("c.txt", page("{Curly} Braces Considered", "Second Paper")), 0, 2,
     ""),
    ("utf16-le-bom", _write("u.txt", page("Tülu Paper", "Über Paper").encode("utf-16")), 0, 2,
     ""),
    ("utf16-be-bom-jsonl", _write("u.jsonl", b"\xfe\xff" + GOOD_LINES.encode("utf-16-be")), 0,
     10, ""),
    ("utf32-bom", _write("u32.jsonl", GOOD_LINES.encode("utf-32")), 0, 10, ""),
    ("utf8-bom-jsonl", _write("b.jsonl", b"\xef\xbb\xbf" + GOOD_LINES.encode()), 0, 10, ""),
    ("latin1-page", _write("l.txt", page("Résumé Paper", "Café Paper").encode("latin-1")), 0, 2,
     "decoded as Windows-1252/Latin-1"),
    ("cp1252-line", _write("l.jsonl", jsonl(json.dumps({"title": "Naïve “Quotes”"},
                                                       ensure_ascii=False).encode("cp1252"))),
     0, 11, "decoded as Windows-1252/Latin-1"),
    ("million-char-title", _write("t.jsonl", jsonl(json.dumps({"title": "Long " * 200_000,
                                                               "abstract": "x"}))), 0, 11,
     "cut to 2,000"),
    ("million-char-text-line", _write("t.txt", "A Title\n\n" + "word " * 200_000 + "\n"), 0, 1,
     ""),
    ("huge-abstract", _write("h.jsonl", json.dumps({"title": "Huge",
                                                     "abstract": "word " * 400_000}) + "\n"),
     0, 1, ""),
    ("million-char-id", _write("i.jsonl", jsonl(json.dumps({"title": "Long Id",
                                                            "id": "i" * 1_000_000}))), 0, 11,
     "id of 1,000,000 characters dropped"),
    ("million-char-url", _write("u.jsonl", jsonl(json.dumps({"title": "Long Url",
                                                             "url": "https://x.org/" + "u" * 10**6
                                                             }))), 0, 11, "url of"),
    ("author-list-200k", _write("a.jsonl", jsonl(json.dumps({"title": "Many Authors",
                                                             "authors": ["A B"] * 200_000}))), 0,
     11, "author count 200000 dropped"),
    ("invalid-date", _write("d.jsonl", jsonl('{"title": "Feb 30", "published": "Feb 30, 2024"}')),
     0, 11, "invalid date kept as text"),
    ("date-as-object", _write("d.jsonl", jsonl('{"title": "Obj Date", "published": {"y": 1}}')),
     0, 11, "not a date"),
    ("title-number", _write("n.jsonl", jsonl('{"title": 12345, "abstract": "x"}')), 0, 10,
     "no paper (no title)"),
    ("title-list", _write("n.jsonl", jsonl('{"title": ["a"], "abstract": "x"}')), 0, 10,
     "no paper"),
    ("abstract-object", _write("a.jsonl", jsonl('{"title": "Obj", "abstract": {"a": 1}}')), 0,
     11, ""),
    ("lone-surrogate", _write("s.jsonl", jsonl('{"title": "Bad \\ud800 Surrogate"}')), 0, 11, ""),
    ("control-chars-title", _write("c.jsonl", jsonl(json.dumps({"title": "Bell\u0007 Zero\u200b"
                                                                     "Width"}))), 0, 11, ""),
    ("crlf-page", _write("crlf.txt", page("First Paper", "Second Paper").replace("\n", "\r\n")),
     0, 2, ""),
    ("cr-page", _write("cr.txt", page("First Paper", "Second Paper").replace("\n", "\r")), 0, 2,
     ""),
    ("duplicates", _write("dup.jsonl", GOOD_LINES * 3), 0, 10, ""),
    ("papers-with-junk", _write("p.json", json.dumps({"papers": [*GOOD[:3], 7, None, []]})), 0,
     3, "skipped 3 bad lines"),
    ("gzip-named-txt", _write("g.txt", gzip.compress(GOOD_LINES.encode())), 0, 10, ""),
    ("bzip2-json", _write("g.json.bz2", bz2.compress(json.dumps(GOOD).encode())), 0, 10, ""),
    ("zstd-jsonl", _write("g.jsonl.zst", zstandard.ZstdCompressor().compress(
        GOOD_LINES.encode())), 0, 10, ""),
    ("gzip-truncated-middle", _write("g.jsonl.gz", gzip.compress(jsonl(*(
        json.dumps({"n": i, "noise": hex(i * 2654435761 % 2**64)}) for i in range(20_000))))[
        :60_000]), 0, 10, "stopped after 10 records"),
    ("mixed-folder", _mixed_folder, 0, 11, "skipped"),
]


@pytest.fixture(scope="module", autouse=True)
def _pipeline_loaded():
    """Load the extraction pipeline once for the module (every case then runs quickly)."""
    from paperkg.extractors.pipeline import load_pipeline

    load_pipeline()


def test_corpus_is_large_and_distinct():
    assert len(CASES) >= 60
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case,make,code,good,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input(tmp_path, case, make, code, good, words):
    path = make(tmp_path)
    rc, out, err = run("extract", str(path), "--format", "jsonl", "--workers", "1")
    assert rc == code, (rc, err[-500:])
    assert "Traceback" not in err and "Traceback" not in out
    papers = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(papers) == good, err[-500:]
    assert len({p["id"] for p in papers}) == good  # distinct ids: nothing collapsed
    if code:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("paperkg: error: "), err
        assert words in lines[0]
    else:
        assert words in err
        assert all(len(line) < 400 for line in err.splitlines())


def test_mixed_folder_reports_each_skip(tmp_path):
    folder = _mixed_folder(tmp_path)
    r = read_listings([folder])
    assert len(r.papers) == 11
    reasons = {Path(p).name: reason for p, reason in r.skipped}
    assert set(reasons) == {"bin.txt", "empty.txt", "deep.json", "trunc.json", "fifo.jsonl",
                            "zero.txt", "cut.jsonl.gz"}
    assert "FIFO" in reasons["fifo.jsonl"] and "character device" in reasons["zero.txt"]
    assert "nested too deeply" in reasons["deep.json"]


def test_bad_lines_are_counted_with_their_numbers(tmp_path):
    (tmp_path / "g.jsonl").write_text(GOOD_LINES + deep() + "\n" + "oops\n" + GOOD_LINES)
    r = read_listings([tmp_path])
    assert len(r.papers) == 10 and r.records == 20
    assert r.bad_records == 2
    assert [(Path(p).name, n) for p, n, _ in r.bad_lines] == [("g.jsonl", 11), ("g.jsonl", 12)]
    assert "nested too deeply" in r.bad_lines[0][2]
    assert r.summary()["bad_records"] == 2


def test_build_summary_names_bad_lines(tmp_path):
    (tmp_path / "g.jsonl").write_text(GOOD_LINES + "{broken\n")
    rc, out, err = run("build", str(tmp_path / "g.jsonl"), "--db", str(tmp_path / "kg.lbug"),
                       "--quiet")
    assert rc == 0, err
    assert "skipped 1 bad line or record (first: g.jsonl:11: invalid JSON" in err
    rc, out, _ = run("build", str(tmp_path / "g.jsonl"), "--db", str(tmp_path / "kg2.lbug"),
                     "--json", "--quiet")
    read = json.loads(out)["read"]
    assert read["bad_records"] == 1 and read["bad_lines"][0]["line"] == 11


def test_no_word_titles_are_distinct_papers_in_the_store(tmp_path):
    titles = ("!!!", "???", "🙂🙂", "…")
    (tmp_path / "w.jsonl").write_text("".join(json.dumps({"title": t, "abstract": "x"}) + "\n"
                                              for t in titles))
    db = tmp_path / "kg.lbug"
    rc, _, err = run("build", str(tmp_path / "w.jsonl"), "--db", str(db), "--quiet")
    assert rc == 0, err
    rc, out, _ = run("query", "MATCH (p:Paper) RETURN count(p) AS n", "--db", str(db),
                     "--format", "json")
    assert rc == 0 and '"n": 4' in out.replace(" ", "").replace('"n":4', '"n": 4')


def _limited(seconds: int, memory: int) -> list[str]:
    """A command prefix that runs the rest under CPU-time and address-space limits (util-linux
    prlimit: no Python runs between fork and exec, which is unsafe in a threaded process)."""
    return ["prlimit", f"--as={memory}", f"--cpu={seconds}", "--"]


@pytest.mark.parametrize("make,words", [
    (_static("/dev/urandom"), "character device"),
    (_bomb, "too large"),
], ids=["dev-urandom", "gzip-bomb"])
def test_real_command_under_limits(tmp_path, make, words):
    """The real command under 2 GB of address space and 60 s of CPU: one line, exit 2."""
    path = make(tmp_path)
    res = subprocess.run([*_limited(60, 2 * 2**30), sys.executable, "-m", "paperkg", "extract",
                          str(path)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2, res.stderr[-500:]
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], res.stderr[-500:]


def test_deep_and_huge_lines_under_limits(tmp_path):
    """A 100,000-deep line, a million-character title and a 33 MB line beside good ones, read
    by the real command under memory and time limits: the good papers come out."""
    (tmp_path / "g.jsonl").write_text(
        GOOD_LINES + deep() + "\n" + json.dumps({"title": "T" * 1_000_000}) + "\n"
        + '{"title": "' + "x" * (33 * 2**20) + '"}\n')
    res = subprocess.run([*_limited(240, 4 * 2**30), sys.executable, "-m", "paperkg", "extract",
                          str(tmp_path / "g.jsonl"), "--format", "jsonl"],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-500:]
    assert len(res.stdout.splitlines()) == 11
    assert "skipped 2 bad lines or records" in res.stderr


# ---------------------------------------------------------------------------------------------
# Fuzz


_json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["title", "abstract", "authors", "published", "doi", "arxiv_id", "id",
                         "url", "paper", "papers", "versions", "abstract_inverted_index",
                         "authorships", "listing_date", "venue", "x"]), inner, max_size=6),
    max_leaves=20)
_line = st.one_of(
    _json_value.map(lambda v: json.dumps(v, allow_nan=True)),
    st.text(max_size=200),
    st.sampled_from(["Subscribe", "Jan 5", "Feb 30, 2024", "3 authors", "·", "[", "{",
                     "https://arxiv.org/abs/2401.00001", ABSTRACT]),
)


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_line, max_size=12),
       suffix=st.sampled_from([".txt", ".json", ".jsonl", ".md"]),
       encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "gzip", "raw"]),
       raw=st.binary(max_size=64))
def test_fuzz_readers(lines, suffix, encoding, raw):
    text = "\n".join(lines)
    if encoding == "gzip":
        data = gzip.compress(text.encode("utf-8", "surrogatepass"))
    elif encoding == "raw":
        data = raw + text.encode("utf-8", "surrogatepass")
    else:
        data = text.encode(encoding, "replace")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(data)
        try:
            r = read_listings([path])
        except UserError:  # NothingBuilt included: one clear line in the CLI
            return
    assert r.records == r.merged + len(r.papers)
    assert len({p.id for p in r.papers}) == len(r.papers)
    for p in r.papers:
        assert p.id and p.title and len(p.title) <= 2000
        assert p.authors is None or 0 <= p.authors <= 100_000
        p.title.encode("utf-8")  # no lone surrogates reach the store
        p.abstract.encode("utf-8")
