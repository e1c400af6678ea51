"""The canonical registry kept in the store, and updates that assemble only what they touch.

Kept beside PaperState (tables named in graph/schema.py, not part of the graph):

- RegistryVote / RegistryLong: the counts `extractors.pipeline.Registry` is made of, over every
  PaperState row's plain entities: entities per (key, acronym key or "", type), and entities
  per (acronym key, long form key) (the Registry keeps the long forms as a set; the count lets
  an update take a changed paper's forms out again).
- EntitySurface: per entity node, entities per surface name (kind "n") and per alias (kind "a")
  over every paper's canonical entities: what `build_graph` picks an entity's name and aliases
  from.
- RegistryStamp: a digest of the PaperState rows (id, hash) the counts are of.

Invariant: after any build, the counts are exactly those of the store's PaperState rows and the
stamp is their digest. A writer that changes PaperState without the counts (a store from older
code, a hand edit) leaves a stamp that no longer matches, and the next update then takes the
whole path (which writes the counts again).

An update (`quick_update`) then: extracts the new or changed papers; adds their votes to the
kept counts (and takes a changed paper's old ones out); finds the canonical keys whose key or
resolved type differs between the registry before and after; asks the store which old papers
link to entity nodes of those keys (the dirty papers); canonicalises and assembles only the
new, changed and dirty papers (plus every Paper node, which the citation step reads), with each
entity node they touch made from the kept surface counts, paper count and introducer count
adjusted by what those papers had and have, and each Repository/Link node they touch replayed
from every paper naming it, in id order; the citation step runs as before (clean papers'
entity edges are assembled from their kept extraction when it asks for them); and only the
rows of those papers, nodes and changed citations are compared with the store and written, to
a staged copy. It declines (None: the caller takes the whole path) when the store lacks the
tables or the stamp differs, a stored paper went or changed its cited fields, kept rows are of
other citation code, or the dirty papers are more than MAX_DIRTY of the collection.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from paperkg.core.records import PaperExtraction
from paperkg.graph import schema as S

#: Above this share of the collection's papers assembled again, an update takes the whole path.
MAX_DIRTY = 0.2
#: Papers naming one touched Repository/Link node read back at most (else the whole path).
MAX_SIGHTINGS = 5000
_IN = 2000  # ids per `IN $ids` query


# ---------------------------------------------------------------------------------------------
# The counts


@dataclass
class Counts:
    """The registry's counts (see the module docstring)."""

    votes: Counter = field(default_factory=Counter)  # (key, short, type) -> entities
    longs: Counter = field(default_factory=Counter)  # (acronym key, long key) -> entities

    def add(self, entities: Iterable[dict], sign: int = 1) -> None:
        """Count one paper's plain entities in (sign 1) or out (-1), as Registry.add_raw."""
        from paperkg.extractors.canonical import canonical_key, is_acronym

        for e in entities:
            key, name, acr, long_form = e["key"], e["name"], e.get("acronym"), \
                e.get("long_form", False)
            if acr and long_form:
                self.longs[(canonical_key(acr), key)] += sign
            short = "" if long_form or not is_acronym(name) else canonical_key(name)
            self.votes[(key, short, e["type"])] += sign

    def registry(self):
        """The Registry these counts make."""
        from paperkg.extractors.pipeline import Registry

        reg = Registry()
        for k, n in self.votes.items():
            if n > 0:
                reg.votes[k] = n
        for (short, long), n in self.longs.items():
            if n > 0:
                reg.long_forms[short].add(long)
        return reg


def resolved(counts: Counter, typ: str) -> str:
    """The type Registry.apply gives an entity of type typ whose key has these type counts
    (gazetteer entities aside)."""
    if len(counts) > 1:
        best, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if n > counts[typ]:
            return best
    return typ


def canonical(reg, paper_id: str, raw: Sequence) -> PaperExtraction:
    """One paper's extraction canonicalised by reg, as `extractors.pipeline.finished` makes it."""
    from paperkg.extractors import results as result_rules
    from paperkg.extractors.pipeline import from_raw

    ex = from_raw(paper_id, raw)
    reg.apply(ex)
    result_rules.settle_names(ex)
    return ex


def finished_with(counts: Counts, items: Callable[[], Iterable[tuple[str, Sequence]]],
                  entities: Callable[[], Iterable[list]]):
    """`extractors.pipeline.finished` that fills `counts` on the way (its registry is made
    from them, so the counts kept are the ones the graph was canonicalised with)."""
    for ents in entities():
        counts.add(ents)
    reg = counts.registry()
    for paper_id, raw in items():
        yield canonical(reg, paper_id, raw)


# ---------------------------------------------------------------------------------------------
# Tables


def stamp(rows: Iterable[tuple[str, str]]) -> str:
    """The digest of PaperState rows (id, hash), whatever their order."""
    h = hashlib.blake2b(digest_size=16)
    for pid, ch in sorted(rows):
        h.update(f"{pid}\0{ch}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _vote_id(key: str, short: str, typ: str) -> str:
    return f"{key}\t{short}\t{typ}"


def _surface_id(node: str, kind: str, form: str) -> str:
    return f"{kind}\t{node}\t{form}"


def _rows(counts: Counts, names: dict[str, Counter], aliases: dict[str, Counter],
          state_stamp: str) -> dict[str, list[tuple]]:
    """Every row of the registry tables, by table."""
    return {
        S.REGISTRY_VOTE: [(_vote_id(*k), *k, n) for k, n in sorted(counts.votes.items()) if n > 0],
        S.REGISTRY_LONG: [(f"{s}\t{lg}", s, lg, n) for (s, lg), n in sorted(counts.longs.items())
                          if n > 0],
        S.ENTITY_SURFACE: [(_surface_id(node, kind, form), node, kind, form, n)
                           for kind, per in (("n", names), ("a", aliases))
                           for node, c in sorted(per.items()) for form, n in sorted(c.items())
                           if n > 0],
        S.REGISTRY_STAMP: [("state", state_stamp)],
    }


def tables(counts: Counts, names: dict[str, Counter], aliases: dict[str, Counter],
           state_stamp: str) -> list[tuple[str, None, Any]]:
    """The registry tables as Arrow, in store_tables' shape (table, None, pyarrow.Table)."""
    import pyarrow as pa

    from paperkg.graph.ladybug_store import _arrow_type

    out = []
    for table, rows in _rows(counts, names, aliases, state_stamp).items():
        props = S.REGISTRY_TABLES[table]
        cols = list(zip(*rows, strict=True)) if rows else [[] for _ in props]
        out.append((table, None, pa.table({p.name: pa.array(list(c), _arrow_type(p.type))
                                           for p, c in zip(props, cols, strict=True)})))
    return out


def spool_stamp(state: Path) -> str:
    """The stamp of a state spool file's rows."""
    import pyarrow.parquet as pq

    rows: list[tuple[str, str]] = []
    for batch in pq.ParquetFile(state).iter_batches(batch_size=4096,
                                                    columns=["id", "content_hash"]):
        rows.extend(zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True))
    return stamp(rows)


def replace_all(conn, made: list[tuple[str, None, Any]]) -> None:
    """Replace the registry tables on a writable connection with `tables`' Arrow tables."""
    for table, _, tbl in made:  # noqa: B007 - tbl is named in the COPY
        conn.execute(f"MATCH (n:{table}) DELETE n")
        if tbl.num_rows:
            conn.execute(f"COPY {table} FROM tbl")


def has_tables(conn) -> bool:
    """Whether the store holds the registry tables with their columns."""
    from paperkg.graph.ladybug_delta import _columns_of

    return all(_columns_of(conn, t) == [p.name for p in props]
               for t, props in S.REGISTRY_TABLES.items())


def read_counts(conn) -> tuple[Counts, str | None]:
    """The kept counts and stamp."""
    from paperkg.graph.ladybug_delta import _stored

    counts = Counts()
    res = conn.execute(f"MATCH (n:{S.REGISTRY_VOTE}) RETURN n.key, n.short, n.type, n.count")
    counts.votes.update({(k, s, t): n for k, s, t, n in _stored(res)})
    res = conn.execute(f"MATCH (n:{S.REGISTRY_LONG}) RETURN n.short, n.long, n.count")
    counts.longs.update({(s, lg): n for s, lg, n in _stored(res)})
    got = conn.execute(f"MATCH (n:{S.REGISTRY_STAMP}) WHERE n.id = 'state' RETURN n.value")
    rows = got.get_all()
    return counts, (rows[0][0] if rows else None)


def read_surfaces(conn, nodes: Iterable[str]) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """The kept names and aliases of the given entity nodes."""
    from paperkg.graph.ladybug_delta import _stored

    names: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, Counter] = defaultdict(Counter)
    for ids in _chunks(sorted(set(nodes))):
        res = conn.execute(f"MATCH (n:{S.ENTITY_SURFACE}) WHERE n.node IN $ids "
                           "RETURN n.node, n.kind, n.form, n.count", {"ids": ids})
        for node, kind, form, n in _stored(res):
            (names if kind == "n" else aliases)[node][form] = n
    return names, aliases


def _chunks(items: list) -> Iterable[list]:
    for i in range(0, len(items), _IN):
        yield items[i:i + _IN]
