"""Forty-first pass (issue 13, adding papers): the citations' scan of the papers an update's
names may be written in tests a plain text's title and abstract apart, as the whole text."""

from __future__ import annotations

from paperkg.graph.citations.cache import paper_features
from paperkg.graph.citations.infer import _Cites, _options, _paper_text, _scanned_by_key
from paperkg.graph.citations.names import fold
from paperkg.graph.citations.stored import StoredIndex, index_rows

_PAPERS = {
    # plain ASCII: the name in the abstract, in the title, only its key run, not at all
    "s1": ("A study of retrieval", "We build on QuolmNet-2 for ranking. It works well."),
    "s2": ("QuolmNet-2 for speech", "We adapt a known model to speech."),
    "s3": ("Quolm models", "Quolm is a family of models. QuolmNet is not used here."),
    "s4": ("Nothing related", "A plain abstract about graphs."),
    # not plain: accents and a LaTeX accent (folded before the test), a backslash
    "s5": ("T\u00fclu 3 and QuolmNet-2", "We compare with QuolmNet-2 and T\u00fclu 3."),
    "s6": ('T\\"ulu 3 tuning', "Caf\u00e9 data is used with T\\\"ulu 3 here."),
    "s7": ("Caf\u00e9 search", "A caf\u00e9 corpus; no named model."),
    "s8": ("Line break", "QuolmNet-2\nis split across a line here."),
    "s9": ('T\\"ulu 3 results', "A plain abstract."),
}


def _written(names, nodes):
    """Each paper that writes a spelling of these names (tested on its folded whole text,
    as the scan did before), with the spellings it writes."""
    spellings = sorted({"".join(parts) for n in names for options in _options(n).values()
                        for parts, _ in options})
    out = {}
    for p, d in sorted(nodes.items()):
        title, abstract = _paper_text(d)
        text = fold(f"{title}\n{abstract}")
        got = [w for w in spellings if w in text]
        if got:
            out[p] = got
    return out


def test_the_scan_tests_a_plain_text_by_its_title_and_abstract_as_the_whole_text():
    entries = {pid: paper_features(t, a) for pid, (t, a) in _PAPERS.items()}
    nodes = {f"Paper:{pid}": {"title": t, "abstract": a} for pid, (t, a) in _PAPERS.items()}
    index = StoredIndex(None, rows=index_rows(entries), entries=entries)
    cites = _Cites(nodes, {}, index, ["Paper:s8"])
    names = {"QuolmNet-2", "T\u00fclu 3"}
    scanned, spelled = _scanned_by_key(names, nodes, cites)
    # the papers that write a spelling, each with the spellings it writes, in id order
    assert list(scanned) == ["Paper:s1", "Paper:s2", "Paper:s5", "Paper:s6", "Paper:s8",
                             "Paper:s9"]
    assert all(scanned[p] is nodes[p] for p in scanned)
    assert spelled["Paper:s1"] == ["QuolmNet-2"] and spelled["Paper:s2"] == ["QuolmNet-2"]
    assert sorted(spelled["Paper:s5"]) == ["QuolmNet-2", "Tulu 3"]
    # written 'T\\"ulu 3' (in the abstract, in the title alone): found once folded
    assert spelled["Paper:s6"] == ["Tulu 3"] and spelled["Paper:s9"] == ["Tulu 3"]
    # the key run alone ("QuolmNet", s3) is not the name; s4 and s7 hold neither
    assert "Paper:s3" not in scanned and "Paper:s4" not in scanned
    # what the folded whole text of every paper gives
    assert {p: sorted(ws) for p, ws in spelled.items()} == _written(names, nodes)


def test_an_update_s_posting_rows_are_the_sorted_union_of_the_kept_and_new_papers():
    from paperkg.graph.citations.stored import _papers_of, _papers_value

    def entry(starts, links=()):
        return {"claims": [], "lead": None, "starts": starts, "links": list(links),
                "pairs": [], "key": "k", "spans": []}

    # 300 stored papers write "LLM" (a packed row), some "QuolmNet"; two new ones join
    stored = {f"p{i:04d}": entry("LLM QuolmNet" if i % 7 == 0 else "LLM")
              for i in range(0, 600, 2)}
    new = {"p0101": entry("LLM QuolmNet"), "p9999": entry("QuolmNet", ["2401.00001"])}
    rows = index_rows(stored)
    assert dict(rows)["k\tLLM"].startswith("=")  # long: kept compressed
    gone, made = StoredIndex(None, rows, stored).changes({}, new)
    index = {k: v for k, v in rows if k not in set(gone)} | dict(made)
    assert sorted(index.items()) == sorted(index_rows({**stored, **new}))
    assert _papers_of(index["k\tLLM"])[50:53] == ["p0100", "p0101", "p0102"]
    assert _papers_of(index["i\t2401.00001"]) == ["p9999"]
    # a stored row that lists a paper twice is written once each, sorted
    twice = [(k, _papers_value(["p0007", "p0003", "p0007"]) if k == "k\tQuolmNet" else v)
             for k, v in rows]
    gone, made = StoredIndex(None, twice, stored).changes({}, {"p0005": entry("QuolmNet")})
    assert _papers_of(dict(made)["k\tQuolmNet"]) == ["p0003", "p0005", "p0007"]


def test_the_title_holders_are_read_from_the_records_as_lead_gives_them():
    def entry(lead, claims=()):
        return {"claims": [list(c) for c in claims], "lead": lead, "starts": "", "links": [],
                "pairs": [], "key": "k", "spans": []}

    stored = {"a1": entry("QuolmNet", [["QuolmNet", "title", 1, ""]]), "a2": entry("Brix"),
              "a3": entry(None), "a4": entry("QuolmNet"), "a5": entry("Gone")}
    index = StoredIndex(None, rows=index_rows(stored), entries=stored)
    titles = {"a1": "QuolmNet: ranking", "a2": "Brix for search", "a3": "Plain",
              "a4": "QuolmNet again", "n1": "Brix: a new one", "n2": "Nothing"}
    nodes = {f"Paper:{p}": {"title": t, "abstract": "An abstract."} for p, t in titles.items()}
    new = {f"Paper:{p}": paper_features(titles[p], "An abstract.") for p in ("n1", "n2")}
    cites = _Cites(nodes, dict(new), index, ["Paper:n1", "Paper:n2"])
    cites["Paper:a4"]  # made from its text (not read from its record) before the pass
    by_lead = {p: cites.lead(p) for p in cites.recorded(nodes)}
    got = {p: lead for p, lead in cites.leads(nodes) if lead}
    # the papers with a lead, each with the one `lead` gives: a4's from its text, not its
    # record's; a5's record has no node
    assert got == {p: lead for p, lead in by_lead.items() if lead}
    assert got == {"Paper:a1": "QuolmNet", "Paper:a2": "Brix", "Paper:n1": "Brix"}
    plain = _Cites(nodes, dict(new))  # no index: every paper through `lead`
    assert dict(plain.leads(nodes)) == {p: plain.lead(p) for p in sorted(nodes)}
