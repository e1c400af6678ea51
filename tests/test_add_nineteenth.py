"""Adding papers to a store, nineteenth pass: the update's own work made cheaper, with the
same decisions (docs/scale.md, "Adding, nineteenth pass")."""

from __future__ import annotations

from paperkg.core.records import Paper
from paperkg.graph.pipeline import content_hash, state_hash


def _paper(pid: str, abstract: str = "We train models.") -> Paper:
    return Paper(id=pid, title=f"Paper {pid}", abstract=abstract)


def test_one_pass_over_the_papers_finds_the_hashes_the_work_and_the_stale_rows():
    """registry_store._hashed: a paper read back untouched under the store's own key takes
    its stored hash unread; a new or re-read paper is hashed; a paper whose text changed is
    extracted again; a merged paper of the same text is kept and listed as merged; a kept
    row of other citation code marks the store stale (the whole path then)."""
    from paperkg.graph.registry_store import _hashed

    kept, merged_old, edited_old = _paper("a"), _paper("b"), _paper("c")
    merged_new, edited_new, new = _paper("b"), _paper("c", "We tune models."), _paper("d")
    stored = {p.id: state_hash(content_hash(p, True)) for p in (kept, merged_old, edited_old)}
    stored["a"] = "cafe." + state_hash("")[1:]  # not the text's hash: taken as stored, unread
    by_old = {p.id: p for p in (kept, merged_old, edited_old)}
    papers = [kept, merged_new, edited_new, new]

    own, todo, merged, stale = _hashed(papers, by_old, stored, True, True)
    assert own == {"a": "cafe", "b": content_hash(merged_new, True),
                   "c": content_hash(edited_new, True), "d": content_hash(new, True)}
    assert todo == [edited_new, new] and merged == [merged_new] and not stale

    own, todo, merged, stale = _hashed(papers, by_old, stored, False, True)
    assert own["a"] == content_hash(kept, True) and todo == [kept, edited_new, new]

    for pid in ("a", "b"):  # a kept row's citation part of other code, trusted or hashed
        old_code = {**stored, pid: stored[pid].partition(".")[0] + ".0123456789ab"}
        assert _hashed(papers, by_old, old_code, True, True)[3]
    assert not _hashed([kept, new], by_old, stored, True, True)[3]


def test_an_update_canonicalises_without_importing_the_results_rules():
    """The modules an update's main process runs (the registry and its canonical step, the
    graph, the citations) leave the results rules unimported: their patterns are compiled
    only where results are extracted; settle_names is the same function from either module."""
    import subprocess
    import sys

    code = ("import sys\n"
            "import paperkg.extractors.registry, paperkg.graph.registry_store\n"
            "import paperkg.graph.pipeline, paperkg.graph.build, paperkg.graph.citations\n"
            "print('paperkg.extractors.results' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
    from paperkg.extractors import result_names, results

    assert results.settle_names is result_names.settle_names
    assert results.THIS_PAPER == result_names.THIS_PAPER == "THIS_PAPER"
