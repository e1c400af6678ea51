"""The citation step's per-name index, kept in the store beside the registry (CiteIndex rows).

An update judges only the names its new papers touch (infer._update_scope), but it needed every
stored paper's kept entry (cache.paper_features) to know who claims what, whose title leads with
what, which papers can write a touched name and which papers link an identifier. The index keeps
just that, written by a fresh build (`index_table`) and changed by each update (`changes`):

- row "claims": every paper's claims, title lead and linked identifiers (only papers with any),
  as zlib-compressed JSON (one row: an update reads it whole), and row "generic": the generic
  names among those claimed (claims.generic_reason, the same for a name whatever its papers);
- row "k\\t<run>": the papers whose folded title or abstract writes the coined run as a whole run
  (`coined_runs`: a letter first, then a capital or a digit). Every claimable name holds such a
  run or none (`name_key`); a paper that writes a name writes its key run, so the papers of a
  name's key are the only ones that can mention it;
- row "p\\t<pair>": the papers whose folded title or abstract writes the pair of runs (cache._pair:
  neither run coined, a single capital joined to the other by '-', '.' or '+', or a capitalised
  word, a separator and a digit-first run: 'A-Crab', 'Orca 2') as whole runs: a name without
  a coined run is found through its first such pair (`name_pair`), not in every paper's text;
- row "i\\t<identifier>": the papers whose text links that arXiv id or DOI.

A row's papers are their ids joined by spaces; a long list (or one that would read as packed)
is kept zlib-compressed behind a marker (`_papers_value`): at a million papers the engine's
COPY of the table then adds 145 MB to the process, not 1,390 (docs/scale.md, sixteenth session).

The rows are kept with the registry tables (graph/registry_store.py), under the same stamp of
PaperState, so an update uses them only when they are of the papers its store holds.
"""

from __future__ import annotations

import base64
import functools
import json
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from paperkg.graph import schema as S

CLAIMS_ROW = "claims"
GENERIC_ROW = "generic"
_KEY, _LINK, _PAIR = "k\t", "i\t", "p\t"
#: A run that is coined on its own (names.is_coined of one run): a letter first, then a capital
#: or a digit somewhere after it ('LoRA', 'MBPP', 'xLSTM', 'T5'; not 'Orca', 'X', '2').
_COINED_RUN = re.compile(r"[A-Za-z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*")
#: The same, as the whole words of a space-joined string.
_COINED_IN = re.compile(r"(?<!\S)[A-Za-z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*(?!\S)")
_IN = 2_000  # ids per UNWIND
#: A row's papers longer than this (characters, joined) are kept compressed.
_PACK_OVER = 512
#: What a compressed list of papers starts with (base64 text follows; no id list is packed
#: without it, and a plain list that would start with it is packed too, so both read back).
_PACKED = "="


def coined_runs(entry: Mapping) -> list[str]:
    """The coined runs a paper writes, from its kept entry's name starts (cache.name_starts
    keeps every run that starts with a letter and holds a capital or digit after it)."""
    return sorted(set(_COINED_IN.findall(str(entry.get("starts") or ""))))


def name_pair(parts: tuple[str, ...]) -> str | None:
    """The pair of runs (cache._pair, with their separator) a text that writes a name without
    a coined run (names.name_parts: runs and separators) must write as whole runs: its first
    such pair; None when it has none."""
    from .cache import _pair

    for i in range(0, len(parts) - 2, 2):
        if _pair(*parts[i:i + 3]):
            return "".join(parts[i:i + 3])
    return None


def name_key(parts: tuple[str, ...]) -> str | None:
    """The run a text that writes a name (names.name_parts: runs and separators) must write
    as a whole run: its first coined run; None when it has none ('Orca 2', 'X-Net')."""
    for r in parts[::2]:
        if _COINED_RUN.fullmatch(r):
            return r
    return None


@functools.lru_cache(maxsize=262_144)
def is_generic(name: str) -> bool:
    """claims.generic_reason(name) is not None, worked out once a process per name."""
    from .claims import generic_reason

    return generic_reason(name) is not None


def _generic_row(records: Mapping[str, list], known: Any = None) -> tuple[str, str]:
    """The "generic" row: the generic names among those the records claim (`known`, a
    StoredIndex: its kept answers for the names it knew)."""
    names = {c[0] for rec in records.values() for c in rec[1]}
    if known is None or known.generic is None:
        return GENERIC_ROW, _pack(sorted(n for n in names if is_generic(n)))
    return GENERIC_ROW, _pack(sorted(n for n in names if (
        n in known.generic if n in known.names else is_generic(n))))


def _pack(value: Any) -> str:
    return base64.b64encode(zlib.compress(json.dumps(
        value, separators=(",", ":"), sort_keys=True).encode("utf-8", "surrogatepass"),
        1)).decode("ascii")


def _unpack(text: str) -> Any:
    return json.loads(zlib.decompress(base64.b64decode(text)).decode("utf-8", "surrogatepass"))


def _papers_value(pids: Iterable[str]) -> str:
    """A row's value for these paper ids (in order): joined by spaces, compressed when long."""
    text = " ".join(pids)
    if len(text) <= _PACK_OVER and not text.startswith(_PACKED):
        return text
    return _PACKED + base64.b64encode(zlib.compress(
        text.encode("utf-8", "surrogatepass"), 1)).decode("ascii")


def _papers_of(value: str | None) -> list[str]:
    """The paper ids of a row's value (_papers_value)."""
    if not value:
        return []
    if value.startswith(_PACKED):
        value = zlib.decompress(base64.b64decode(value[1:])).decode("utf-8", "surrogatepass")
    return value.split()


def _record(entry: Mapping) -> list | None:
    """What the "claims" row keeps of a paper: [lead, claims, links], None when all empty."""
    claims = [list(c) for c in entry.get("claims") or ()]
    links = sorted(entry.get("links") or ())
    lead = entry.get("lead")
    return [lead, claims, links] if lead or claims or links else None


#: What an entry holds for the index (an entry of an older shape: no index is made).
_SHAPE = frozenset(("claims", "lead", "starts", "links", "pairs"))


def index_rows(entries: Mapping[str, Mapping]) -> list[tuple[str, str]]:
    """Every CiteIndex row (id, value) of papers' kept entries (paper id -> entry); none when
    a paper has no entry of the current shape (then an update reads every entry instead)."""
    records: dict[str, list] = {}
    keys: dict[str, list[str]] = defaultdict(list)
    links: dict[str, list[str]] = defaultdict(list)
    pairs: dict[str, list[str]] = defaultdict(list)
    for pid in sorted(entries):
        e = entries[pid]
        if not isinstance(e, Mapping) or not _SHAPE <= e.keys():
            return []
        rec = _record(e)
        if rec is not None:
            records[pid] = rec
            for i in rec[2]:
                links[i].append(pid)
        for r in coined_runs(e):
            keys[r].append(pid)
        for r in e["pairs"]:
            pairs[r].append(pid)
    rows = [(CLAIMS_ROW, _pack(records)), _generic_row(records)]
    rows += [(_KEY + r, _papers_value(ps)) for r, ps in sorted(keys.items())]
    rows += [(_LINK + i, _papers_value(ps)) for i, ps in sorted(links.items())]
    rows += [(_PAIR + r, _papers_value(ps)) for r, ps in sorted(pairs.items())]
    return rows


def index_table(entries: Mapping[str, Mapping], papers: Iterable[str]
                ) -> tuple[str, None, Any]:
    """The CiteIndex table as Arrow, in registry_store.tables' shape (table, None, table), of
    the entries of these papers (empty when one has none)."""
    import pyarrow as pa

    ids = list(papers)
    rows = index_rows(entries) if all(p in entries for p in ids) else []
    names = [p.name for p in S.REGISTRY_TABLES[S.CITE_INDEX]]
    return (S.CITE_INDEX, None, pa.table({names[0]: pa.array([r[0] for r in rows], pa.string()),
                                          names[1]: pa.array([r[1] for r in rows], pa.string())}))


class StoredIndex:
    """The CiteIndex rows of a store, read when asked for (an open connection): every paper's
    claims, lead and links (`records`), and the papers of keys and identifiers."""

    def __init__(self, conn, rows: Iterable[tuple[str, str]] | None = None,
                 entries: Mapping[str, Any] | None = None) -> None:
        self.conn = conn
        #: without a connection: the rows (index_rows) and entries (paper id -> entry) held
        self._rows = None if rows is None else dict(rows)
        self._held = entries or {}
        got = self._values([CLAIMS_ROW, GENERIC_ROW])
        if CLAIMS_ROW not in got:
            raise LookupError("the store has no citation index")
        #: the "claims" and "generic" rows as stored (what makes this index again elsewhere:
        #: StoredIndex(None, rows=...))
        self.stored_rows: list[tuple[str, str]] = sorted(got.items())
        self.records: dict[str, list] = _unpack(got[CLAIMS_ROW])
        #: every name the records claim, and the generic ones among them (None: not kept)
        self.names = {c[0] for rec in self.records.values() for c in rec[1]}
        self.generic: set[str] | None = (set(_unpack(got[GENERIC_ROW])) if GENERIC_ROW in got
                                         else None)
        self._postings: dict[str, list[str]] = {}
        self._claims: dict[str, list] | None = None

    def claims_by_node(self) -> dict[str, list]:
        """Paper node -> the claims.Claim of its record's claims (papers with any), made once:
        an update has them made beside its other steps (registry_store._cite_read)."""
        if self._claims is None:
            from .claims import Claim

            made = {}
            for pid, rec in self.records.items():
                if rec[1]:
                    node = S.node_key(S.PAPER, pid)
                    made[node] = [Claim(node, name, how, bool(strong), expansion)
                                  for name, how, strong, expansion in rec[1]]
            self._claims = made
        return self._claims

    def _values(self, ids: Iterable[str]) -> dict[str, str]:
        ids = sorted(set(ids))
        if self._rows is not None:
            return {i: self._rows[i] for i in ids if i in self._rows}
        out: dict[str, str] = {}
        for i in range(0, len(ids), _IN):
            res = self.conn.execute(f"UNWIND $ids AS i MATCH (n:{S.CITE_INDEX} {{id: i}}) "
                                    "RETURN n.id, n.value", {"ids": ids[i:i + _IN]})
            tbl = res.get_as_arrow()
            out.update(zip(tbl.column(0).to_pylist(), tbl.column(1).to_pylist(), strict=True))
        return out

    def entries(self, pids: Iterable[str]) -> dict[str, Any]:
        """Paper id -> its kept entry (the fourth item of its PaperState extraction), for the
        papers asked for that have one."""
        from paperkg.graph.ladybug_store import state_json
        from paperkg.graph.registry_store import last_item

        ids = sorted(set(pids))
        if self._rows is not None:
            return {i: self._held[i] for i in ids if self._held.get(i) is not None}
        out: dict[str, Any] = {}
        for i in range(0, len(ids), _IN):
            res = self.conn.execute(f"UNWIND $ids AS i MATCH (s:{S.STATE} {{id: i}}) "
                                    "RETURN s.id, s.extraction", {"ids": ids[i:i + _IN]})
            tbl = res.get_as_arrow()
            for pid, x in zip(tbl.column(0).to_pylist(), tbl.column(1).to_pylist(),
                              strict=True):
                e = last_item(state_json(x))
                if e is not None:
                    out[pid] = e
        return out

    def postings(self, ids: Iterable[str]) -> dict[str, list[str]]:
        """Row id -> its papers (ids), for the rows asked for (empty when there is none)."""
        ids = list(ids)
        want = [i for i in set(ids) if i not in self._postings]
        if want:
            got = self._values(want)
            for i in want:
                self._postings[i] = _papers_of(got.get(i))
        return {i: self._postings[i] for i in ids}

    def holding(self, runs: Iterable[str]) -> set[str]:
        """The papers that write any of these coined runs."""
        return {p for ps in self.postings([_KEY + r for r in runs]).values() for p in ps}

    def pairing(self, pairs: Iterable[str]) -> set[str]:
        """The papers that write any of these pairs of runs (name_pair)."""
        return {p for ps in self.postings([_PAIR + r for r in pairs]).values() for p in ps}

    def linking(self, idents: Iterable[str]) -> set[str]:
        """The papers whose text links any of these (lower-case) identifiers."""
        return {p for ps in self.postings([_LINK + i for i in idents]).values() for p in ps}

    def changes(self, old: Mapping[str, Mapping | None], new: Mapping[str, Mapping],
                made: list[tuple[str, str]] | None = None
                ) -> tuple[list[str], list[tuple[str, str]]]:
        """The rows an update rewrites, as (ids to delete, rows to create): `old` the stored
        papers whose entries it replaces (paper id -> the entry stored, None when unknown: the
        new entry's keys then stand for it) and `new` every paper with a new entry. `made`:
        claims_rows(old, new), made elsewhere (by an index of the same stored rows)."""
        touched: set[str] = set()
        added: dict[str, set[str]] = defaultdict(set)  # row id -> new papers in it
        for e in (*old.values(), *new.values()):
            if e is not None:
                touched.update(_row_ids(e))
        for pid, e in new.items():
            for rid in _row_ids(e):
                added[rid].add(pid)
        gone = set(old) | set(new)
        current = self.postings(touched)
        rows = list(self.claims_rows(old, new) if made is None else made)
        for rid in sorted(touched):
            # the stored papers kept (in the stored order, sorted) and the new ones (all in
            # `gone`: none is among the kept), sorted as two runs, not as one set's order
            # (at 100,000 papers 1,279 rows of 166,000 papers, 0.080 -> 0.054 CPU s)
            ps = [p for p in current[rid] if p not in gone]
            ps += added.get(rid, ())
            if ps:
                ps.sort()
                if len(set(ps)) != len(ps):  # (a stored row lists a paper twice)
                    ps = sorted(set(ps))
                rows.append((rid, _papers_value(ps)))
        return [CLAIMS_ROW, GENERIC_ROW, *sorted(touched)], rows

    def claims_rows(self, old: Mapping[str, Mapping | None], new: Mapping[str, Mapping]
                    ) -> list[tuple[str, str]]:
        """The "claims" and "generic" rows once `old`'s papers are replaced by `new`'s (see
        changes): every paper's record packed again, the new ones' from their entries."""
        records = dict(self.records)
        for pid in (*old, *new):
            records.pop(pid, None)
        for pid, e in new.items():
            rec = _record(e)
            if rec is not None:
                records[pid] = rec
        return [(CLAIMS_ROW, _pack(records)),  # (keys sorted by the packing's JSON)
                _generic_row(records, self)]


def _row_ids(entry: Mapping) -> list[str]:
    """The key and identifier rows a paper's entry is in."""
    return [*(_KEY + r for r in coined_runs(entry)),
            *(_LINK + i for i in entry.get("links") or ()),
            *(_PAIR + r for r in entry.get("pairs") or ())]


__all__ = ["CLAIMS_ROW", "StoredIndex", "coined_runs", "index_rows", "index_table", "name_key",
           "name_pair"]
