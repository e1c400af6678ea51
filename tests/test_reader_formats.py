"""Reader inputs real users have (compressed files, arXiv snapshots, OpenAlex works, UTF-16 and
Latin-1 text) and the streaming API, on files these tests write."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import tracemalloc

import pytest
import zstandard

from paperkg.core.dates import parse_date, read_date
from paperkg.core.errors import NothingBuilt
from paperkg.core.ids import normalise_arxiv, normalise_doi, title_id, title_key, titles_match
from paperkg.readers import ReadReport, iter_records, merge_papers, read_listings

PAPERS = [
    {"title": "Alpha: A Test Paper", "abstract": "We propose Alpha. It works.",
     "arxiv_id": "2403.01234", "published": "2024-03-05", "authors": ["X Y", "Z W"]},
    {"title": "Beta Networks", "abstract": "Beta text.", "doi": "10.1000/beta"},
    {"title": "Gamma Models", "abstract": "Gamma text.", "published": "Oct 4, 2023"},
]
JSONL = "".join(json.dumps(p) + "\n" for p in PAPERS).encode()


def _zstd(data: bytes) -> bytes:
    return zstandard.ZstdCompressor().compress(data)


@pytest.mark.parametrize("name,pack", [
    ("p.jsonl.gz", gzip.compress), ("p.jsonl.bz2", bz2.compress), ("p.jsonl.zst", _zstd),
    ("p.jsonl.xz", lzma.compress), ("p.jsonl", lambda b: gzip.compress(b)),  # sniffed, not named
    ("p.json.gz", None), ("p.txt.bz2", None),
])
def test_compressed_files_are_read_by_magic_bytes(tmp_path, name, pack):
    if pack is None:  # a JSON document and a text page, compressed
        data = (json.dumps(PAPERS).encode() if ".json" in name else
                ("Alpha: A Test Paper\n\n" + "We propose Alpha, a long abstract. " * 12
                 + "\n\nBeta Networks\n\n" + "Beta is also long enough to be prose. " * 12
                 + "\n").encode())
        (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz")
                                      else bz2.compress(data))
        n = 3 if ".json" in name else 2
    else:
        (tmp_path / name).write_bytes(pack(JSONL))
        n = 3
    r = read_listings([tmp_path])  # found in a folder by its suffix, compressed or not
    assert len(r.papers) == n and not r.skipped
    assert r.papers[0].title == "Alpha: A Test Paper"


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    many = b"".join(json.dumps({"title": f"Paper {i}", "abstract": "x" * 50}).encode() + b"\n"
                    for i in range(2000))
    packed = gzip.compress(many)
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    r = read_listings([tmp_path / "cut.jsonl.gz"])
    assert 0 < len(r.papers) < 2000
    assert any("truncated" in w for w in r.warnings)
    (tmp_path / "tiny.jsonl.gz").write_bytes(packed[:12])
    r = read_listings([tmp_path])
    assert [p for p, _ in r.skipped] == [str(tmp_path / "tiny.jsonl.gz")]


def test_arxiv_metadata_snapshot_shape(tmp_path):
    rec = {
        "id": "0704.0001", "submitter": "Pavel Nadolsky",
        "authors": "C. Bal\\'azs, E. L. Berger, P. M. Nadolsky and C.-P. Yuan",
        "title": "Calculation of prompt diphoton production cross sections at Tevatron and\n"
                 "  LHC energies",
        "comments": "37 pages", "journal-ref": "Phys.Rev.D76:013009,2007",
        "doi": "10.1103/PhysRevD.76.013009", "report-no": "ANL-HEP-PR-07-12",
        "categories": "hep-ph", "license": None,
        "abstract": "  A fully differential calculation in perturbative quantum chromodynamics is\n"
                    "presented for the production of massive photon pairs.\n",
        "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"},
                     {"version": "v2", "created": "Tue, 24 Jul 2007 20:10:27 GMT"}],
        "update_date": "2008-11-13",
        "authors_parsed": [["Balázs", "C.", ""], ["Berger", "E. L.", ""],
                           ["Nadolsky", "P. M.", ""], ["Yuan", "C. -P.", ""]],
    }
    old = {"id": "hep-th/9901001", "title": "Old Style", "abstract": "Old.", "authors": "A. B",
           "versions": [], "update_date": "1999-01-05", "categories": "hep-th", "doi": None}
    (tmp_path / "arxiv-metadata.json").write_text(json.dumps(rec) + "\n" + json.dumps(old) + "\n")
    r = read_listings([tmp_path / "arxiv-metadata.json"])  # JSON Lines under a .json name
    p, q = r.papers
    assert p.id == "0704.0001" and p.arxiv_id == "0704.0001"
    assert p.title == ("Calculation of prompt diphoton production cross sections at Tevatron "
                       "and LHC energies")
    assert p.abstract.startswith("A fully differential") and "is presented" in p.abstract
    assert p.published == "2007-04-02" and p.doi == "10.1103/physrevd.76.013009"
    assert p.author_names == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"]
    assert p.authors == 4 and p.venue == "Phys.Rev.D76:013009,2007"
    assert (q.id, q.published, q.author_names) == ("hep-th/9901001", "1999-01-05", ["A. B"])


def test_openalex_works_shape(tmp_path):
    work = {
        "id": "https://openalex.org/W2741809807", "doi": "https://doi.org/10.7717/PEERJ.4375",
        "title": "The state of OA", "display_name": "The state of OA",
        "publication_date": "2018-02-13", "publication_year": 2018,
        "ids": {"openalex": "https://openalex.org/W2741809807",
                "doi": "https://doi.org/10.7717/peerj.4375", "pmid": "29456894"},
        "authorships": [{"author": {"display_name": "Heather Piwowar"}},
                        {"author": {"display_name": "Jason Priem"}}],
        "primary_location": {"source": {"display_name": "PeerJ"},
                             "landing_page_url": "https://doi.org/10.7717/peerj.4375"},
        "abstract_inverted_index": {"Despite": [0], "growing": [1], "interest": [2],
                                    "in": [3, 6], "Open": [4], "Access": [5], "x": [-1, 10**9]},
    }
    arxiv_work = {"id": "https://openalex.org/W1", "title": "On arXiv",
                  "doi": "https://doi.org/10.48550/arXiv.2208.08227", "authorships": [],
                  "abstract_inverted_index": None}
    (tmp_path / "works.jsonl").write_text(json.dumps(work) + "\n" + json.dumps(arxiv_work))
    r = read_listings([tmp_path])
    p, q = r.papers
    assert p.id == "10.7717/peerj.4375" and p.doi == "10.7717/peerj.4375"
    assert p.abstract == "Despite growing interest in Open Access in"
    assert p.published == "2018-02-13" and p.author_names == ["Heather Piwowar", "Jason Priem"]
    assert p.authors == 2 and p.venue == "PeerJ"
    assert q.id == "2208.08227" and q.abstract == ""


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_bom_text_is_decoded(tmp_path, encoding):
    page = ("Tülu Über Alles: A Study\n\n" + "We study Tülu and Über models at length. " * 10
            + "\n")
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    (tmp_path / "page.txt").write_bytes(bom + page.encode(encoding))
    (tmp_path / "lines.jsonl").write_bytes(bom + JSONL.decode().encode(encoding))
    r = read_listings([tmp_path])
    assert [p.title for p in r.papers][:1] == ["Alpha: A Test Paper"]
    assert "Tülu Über Alles: A Study" in [p.title for p in r.papers]
    assert len(r.papers) == 4 and not r.skipped and not r.bad_records


def test_latin1_text_and_lines_are_decoded_with_a_warning(tmp_path):
    page = ("Résumé Networks\n\n" + "Très long résumé of the method, in prose. " * 10 + "\n")
    (tmp_path / "page.txt").write_bytes(page.encode("latin-1"))
    lines = json.dumps({"title": "Café Models", "abstract": "Naïve."}, ensure_ascii=False)
    (tmp_path / "lines.jsonl").write_bytes(JSONL + lines.encode("cp1252") + b"\n")
    r = read_listings([tmp_path])
    titles = {p.title for p in r.papers}
    assert {"Résumé Networks", "Café Models"} <= titles and len(r.papers) == 5
    assert r.warning_count == 2
    assert any("Windows-1252/Latin-1" in w for w in r.warnings)


def test_iter_records_streams_in_bounded_memory(tmp_path):
    line = {"title": "", "abstract": "A shared abstract of moderate size. " * 20}
    n = 15_000  # 11.1 MB of text once unpacked: holding it all would pass the 8 MB cap
    with gzip.open(tmp_path / "big.jsonl.gz", "wt") as f:
        for i in range(n):
            f.write(json.dumps({**line, "title": f"Streaming paper number {i}"}) + "\n")
    report = ReadReport()
    tracemalloc.start()
    count = 0
    for paper in iter_records([tmp_path / "big.jsonl.gz"], report=report):
        count += 1
        assert len(paper.sources) == 1
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == n == report.records
    assert peak < 8 * 2**20
    assert [s.paper_count for s in report.sources] == [n]


def test_iter_records_then_merge_equals_read_listings(seeds):
    streamed, _ = merge_papers(list(iter_records([seeds])))
    read = read_listings([seeds]).papers
    assert [(p.id, p.title, len(p.sources), p.published, p.authors) for p in streamed] == \
        [(p.id, p.title, len(p.sources), p.published, p.authors) for p in read]


def test_one_identifier_rule_set():
    assert normalise_arxiv("10.48550/arXiv.2208.08227") == "2208.08227"
    assert normalise_arxiv("https://huggingface.co/papers/2310.01234") == "2310.01234"
    assert normalise_doi("https://doi.org/10.7717/PEERJ.4375") == "10.7717/peerj.4375"
    assert title_key("Tülu 3: Pushing") == title_key("TULU 3 -- pushing")
    assert titles_match("Tülu 3: Pushing Frontiers", "TULU 3: pushing frontiers!")
    ids = {title_id(t) for t in ("!!!", "???", "🙂", "🙃🙃", "")}
    assert len(ids) == 5 and "untitled" in ids


@pytest.mark.parametrize("raw,stored,warned", [
    ("Feb 30, 2024", "Feb 30, 2024", True), ("2024-02-30", "2024-02-30", True),
    ("2023-02-29", "2023-02-29", True), ("2024-02-29", "2024-02-29", False),
    ("Feb 29", "--02-29", False), ("--02-30", "--02-30", True), ("2024-13", "2024-13", True),
    ("soon", "soon", True), ("", None, False), (None, None, False),
])
def test_invalid_dates_are_kept_as_text_with_a_warning(raw, stored, warned):
    value, warning = read_date(raw)
    assert value == stored and bool(warning) == warned
    if warned:
        assert parse_date(raw) is None


def test_invalid_date_in_listing_is_text_and_warned(tmp_path):
    (tmp_path / "d.json").write_text(json.dumps([
        {"title": "Bad Date", "abstract": "x", "published": "Feb 30, 2024"},
        {"title": "Good Date", "abstract": "y", "published": "Feb 29, 2024"}]))
    r = read_listings([tmp_path])
    assert [p.published for p in r.papers] == ["Feb 30, 2024", "2024-02-29"]
    assert r.warning_count == 1 and "no day 30 in month 2" in r.warnings[0]


def test_jsonl_starting_with_blank_lines_is_streamed(tmp_path):
    (tmp_path / "b.jsonl").write_bytes(b"\n\n" + JSONL)
    report = ReadReport()
    papers = list(iter_records([tmp_path / "b.jsonl"], report=report))
    assert [p.sources[0].line for p in papers] == [3, 4, 5]
    assert [s.layout for s in report.sources] == ["jsonl"]


def test_iter_records_with_nothing_readable(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(b"\n")
    with pytest.raises(NothingBuilt, match="empty file"):
        list(iter_records([tmp_path / "e.jsonl"]))


def test_semantic_scholar_papers_shape(tmp_path):
    paper = {"paperId": "649def34f8be52c8b66281af98ae884c09aef38b", "corpusId": 1,
             "externalIds": {"ArXiv": "2106.09685", "DOI": "10.48550/arXiv.2106.09685"},
             "title": "LoRA: Low-Rank Adaptation of Large Language Models",
             "abstract": "We propose LoRA.", "venue": "ICLR", "year": 2022,
             "publicationDate": "2021-06-17", "authors": [{"authorId": "1", "name": "E. Hu"}]}
    no_date = {"title": "Only a Year", "externalids": {"DOI": "10.1000/x"}, "year": 2020}
    (tmp_path / "s2.jsonl").write_text(json.dumps(paper) + "\n" + json.dumps(no_date) + "\n")
    p, q = read_listings([tmp_path]).papers
    assert (p.id, p.published, p.venue, p.author_names) == ("2106.09685", "2021-06-17", "ICLR",
                                                           ["E. Hu"])
    assert (q.id, q.published) == ("10.1000/x", "2020")
