"""The embedded store's graph structure as compact arrays, and the library queries answered
from them (`// embedded:` in a query file): co_used_entities, shortest_path, shared_entities
and neighbourhood.

The engine answers co_used_entities by expanding 13 paper-to-entity tables twice and grouping
strings, and shortest_path by a one-sided search that reads a hub entity's whole neighbourhood
(23-740 ms at 100,000 papers, docs/scale.md). Here the store's nodes (ids, entity names) and
relationships (the GRAPH_RELS of the library, both directions, and each paper's distinct
mentioned entities) are read once into CSR arrays (compressed sparse rows: for node i, its
neighbours are nbr[indptr[i]:indptr[i + 1]]), kept in a side file beside the store
(schema.ADJACENCY_SUFFIX) under the store file's identity (inode, size, modification time, also
of its write-ahead log). Any write replaces or changes the store file, so a stale copy is never
used: the next query reads the store again (about 1.5 s at 100,000 papers) and writes a new one.
The answers are the Cypher text's answers (tests/test_adjacency.py checks both on built,
updated and enriched stores); only what a path shows (node and relationship properties) is
read from the store, by key, for the rows returned.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from paperkg.core.tempfiles import remove_stale, staged_name
from paperkg.graph import schema as S

#: Version of the side file's layout (a file of another version is read again from the store).
FORMAT = 1
_MAGIC = b"PKGADJ01"


def side_path(db: Path) -> Path:
    """Where the compact copy of the store at db is kept: beside it."""
    return db.with_name(db.name + S.ADJACENCY_SUFFIX)


def _fallback_path(db: Path) -> Path:
    """The copy in paperkg's cache folder, for a store in a folder we may not write."""
    from paperkg.core.config import cache_dir

    digest = hashlib.sha256(str(db.resolve()).encode()).hexdigest()[:24]
    return cache_dir() / "adjacency" / f"{digest}{S.ADJACENCY_SUFFIX}"


def store_key(db: Path) -> list | None:
    """The identity of the store's files (the store, its write-ahead log): inode, size and
    modification time; None when there is no store."""
    out = []
    for p in (db, db.with_name(db.name + ".wal")):
        try:
            st = p.stat()
        except FileNotFoundError:
            if p == db:
                return None
            out.append(None)
            continue
        out.append([st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns])
    return out


@dataclass
class Adjacency:
    """The store's nodes and relationships as arrays (node i: label labels[lab[i]], offset
    i - base[lab[i]] in its table)."""

    key: list
    labels: tuple[str, ...]  # node labels, schema order
    rels: tuple[str, ...]  # relationship types of the path graph (the library's GRAPH_RELS)
    base: np.ndarray  # first global index of each label, and the total at the end
    present: np.ndarray  # bool: a node at that index (an engine offset may be a gap)
    id_off: np.ndarray  # node i's id is id_blob[id_off[i]:id_off[i + 1]] (utf-8)
    id_blob: np.ndarray
    name_off: np.ndarray  # entity names, same layout
    name_blob: np.ndarray
    name_null: np.ndarray  # bool: no name (every node that is not an entity)
    counts: np.ndarray  # nodes present per label
    id_sorted: np.ndarray  # per label block (from base[l]): its present nodes by id bytes
    indptr: np.ndarray  # path graph, both directions: node i's entries indptr[i]:indptr[i+1]
    nbr: np.ndarray  # neighbour node
    rtype: np.ndarray  # index into rels
    roff: np.ndarray  # the relationship's offset in its table
    out: np.ndarray  # 1: the relationship starts at node i, 0: it ends there
    m_indptr: np.ndarray  # paper -> distinct entities it names (MENTION_RELS), sorted
    m_ent: np.ndarray
    e_indptr: np.ndarray  # entity -> distinct papers naming it, sorted
    e_pap: np.ndarray

    @property
    def size(self) -> int:
        """Number of node slots."""
        return int(self.base[-1])

    def label_of(self, i: int) -> str:
        """Node i's label."""
        return self.labels[int(np.searchsorted(self.base, i, side="right")) - 1]

    def id_of(self, i: int) -> str:
        """Node i's id."""
        return bytes(self.id_blob[self.id_off[i]:self.id_off[i + 1]]).decode("utf-8")

    def name_of(self, i: int) -> str | None:
        """Entity i's name (None when it has none)."""
        if self.name_null[i]:
            return None
        return bytes(self.name_blob[self.name_off[i]:self.name_off[i + 1]]).decode("utf-8")

    def key_of(self, i: int) -> str:
        """Node i's key, Label:id (the order paths sort in)."""
        return S.node_key(self.label_of(i), self.id_of(i))

    def find(self, label: str, id_: str) -> int | None:
        """The global index of the node with that label and id, or None (a binary search
        over the label's ids in byte order)."""
        if label not in self.labels:
            return None
        li = self.labels.index(label)
        lo, hi = int(self.base[li]), int(self.base[li]) + int(self.counts[li])
        end = hi
        want = id_.encode("utf-8")
        while lo < hi:
            mid = (lo + hi) // 2
            i = int(self.id_sorted[mid])
            if bytes(self.id_blob[self.id_off[i]:self.id_off[i + 1]]) < want:
                lo = mid + 1
            else:
                hi = mid
        if lo < end:
            i = int(self.id_sorted[lo])
            if bytes(self.id_blob[self.id_off[i]:self.id_off[i + 1]]) == want:
                return i
        return None


# ---------------------------------------------------------------------------------------------
# Reading the store


def read_store(conn, key: list) -> Adjacency:
    """The arrays, read from an open connection to the store (one Arrow scan per node table
    and per relationship table pair)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from paperkg.cypher.library import macros

    labels = tuple(S.NODE_TYPES)
    entity = set(S.ENTITY_LABELS)
    base = [0]
    id_parts, name_parts, present_parts = [], [], []
    for label in labels:
        name = ", n.name AS name" if label in entity else ""
        t = conn.execute(f"MATCH (n:{label}) RETURN offset(id(n)) AS o, n.id AS id{name}"
                         ).get_as_arrow()
        offs = t.column("o").to_numpy().astype(np.int64)
        n = int(offs.max()) + 1 if len(offs) else 0
        where = np.full(n, -1, dtype=np.int64)
        where[offs] = np.arange(len(offs))
        take = pa.array(where, mask=where < 0)
        id_parts.append(t.column("id").combine_chunks().take(take))
        names = (t.column("name").combine_chunks().take(take) if label in entity
                 else pa.nulls(n, pa.string()))
        name_parts.append(names)
        present_parts.append(where >= 0)
        base.append(base[-1] + n)
    ids = pa.concat_arrays([a.cast(pa.large_string()) for a in id_parts]) if id_parts else None
    names = pa.concat_arrays([a.cast(pa.large_string()) for a in name_parts])
    id_off, id_blob, _ = _string_buffers(ids)
    name_off, name_blob, name_null = _string_buffers(names)
    base_a = np.array(base, dtype=np.int64)
    where_label = {label: i for i, label in enumerate(labels)}

    rels = tuple(macros()["GRAPH_RELS"].split("|"))
    mention = set(macros()["MENTION_RELS"].split("|"))
    src, dst, typ, off = [], [], [], []
    msrc, mdst = [], []
    for ti, rel in enumerate(rels):
        for a, b in S.REL_TYPES[rel].pairs:
            t = conn.execute(f"MATCH (a:{a})-[r:{rel}]->(b:{b}) RETURN offset(id(a)) AS a, "
                             "offset(id(b)) AS b, offset(id(r)) AS r").get_as_arrow()
            u = t.column("a").to_numpy().astype(np.int64) + base_a[where_label[a]]
            v = t.column("b").to_numpy().astype(np.int64) + base_a[where_label[b]]
            src.append(u)
            dst.append(v)
            typ.append(np.full(len(u), ti, dtype=np.int8))
            off.append(t.column("r").to_numpy().astype(np.int64))
            if rel in mention:
                msrc.append(u)
                mdst.append(v)
    n = int(base_a[-1])
    u, v = _cat(src), _cat(dst)
    t_, o_ = _cat(typ, np.int8), _cat(off)
    # both directions, grouped by node; within a node by neighbour then type then offset
    ends = np.concatenate([u, v])
    order = np.lexsort((np.concatenate([o_, o_]), np.concatenate([t_, t_]),
                        np.concatenate([v, u]), ends))
    nbr = np.concatenate([v, u])[order].astype(np.int32)
    rtype = np.concatenate([t_, t_])[order]
    roff = np.concatenate([o_, o_])[order]
    out = np.concatenate([np.ones(len(u), np.int8), np.zeros(len(u), np.int8)])[order]
    indptr = _indptr(ends[order], n)
    flat = np.unique(_cat(msrc) * n + _cat(mdst))  # distinct (paper, entity), by paper
    pairs = np.stack([flat // n, flat % n]) if n else np.zeros((2, 0), dtype=np.int64)
    m_indptr = _indptr(pairs[0], n)
    m_ent = pairs[1].astype(np.int32)
    back = np.lexsort((pairs[0], pairs[1]))
    e_indptr = _indptr(pairs[1][back], n)
    e_pap = pairs[0][back].astype(np.int32)
    present = np.concatenate(present_parts).astype(bool)
    counts = np.array([int(p.sum()) for p in present_parts], dtype=np.int64)
    id_sorted = np.zeros(n, dtype=np.int64)
    for li, part in enumerate(id_parts):  # nulls (gaps) sort last, past counts[li]
        order = pc.array_sort_indices(part.cast(pa.binary()), null_placement="at_end"
                                      ).to_numpy()
        id_sorted[base[li]:base[li + 1]] = order + base[li]
    return Adjacency(key, labels, rels, base_a, present, id_off, id_blob, name_off, name_blob,
                     name_null, counts, id_sorted, indptr, nbr, rtype, roff, out, m_indptr,
                     m_ent, e_indptr, e_pap)


def _cat(parts: list, dtype=np.int64) -> np.ndarray:
    """Concatenated arrays (an empty one of dtype when none)."""
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _indptr(sorted_rows: np.ndarray, n: int) -> np.ndarray:
    """CSR row pointers for n rows from the (sorted) row of each entry."""
    return np.concatenate([[0], np.cumsum(np.bincount(sorted_rows, minlength=n))]).astype(
        np.int64)


def _string_buffers(arr) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Offsets, utf-8 bytes and null flags of a large_string Arrow array."""
    import pyarrow as pa

    if arr is None or len(arr) == 0:
        return (np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.uint8),
                np.zeros(0, dtype=bool))
    arr = pa.concat_arrays([arr])  # one buffer from offset 0
    offs = np.frombuffer(arr.buffers()[1], dtype=np.int64)[arr.offset:arr.offset + len(arr) + 1]
    data = arr.buffers()[2]
    blob = (np.frombuffer(data, dtype=np.uint8)[:int(offs[-1])].copy() if data is not None
            else np.zeros(0, dtype=np.uint8))
    nulls = arr.is_null().to_numpy(zero_copy_only=False).astype(bool)
    return offs - offs[0], blob, nulls


# ---------------------------------------------------------------------------------------------
# The side file: a small JSON header and the arrays, read back by mapping the file


_ARRAYS = ("base", "present", "id_off", "id_blob", "name_off", "name_blob", "name_null",
           "counts", "id_sorted", "indptr", "nbr",
           "rtype", "roff", "out", "m_indptr", "m_ent", "e_indptr", "e_pap")


def write_side(adj: Adjacency, path: Path) -> None:
    """Write adj to path (through a staged file beside it and one rename)."""
    header: dict[str, Any] = {"format": FORMAT, "key": adj.key, "labels": list(adj.labels),
                              "rels": list(adj.rels), "arrays": {}}
    pos = 0
    for name in _ARRAYS:
        a = np.ascontiguousarray(getattr(adj, name))
        header["arrays"][name] = [str(a.dtype), len(a), pos]
        pos += -(-a.nbytes // 8) * 8
    head = json.dumps(header).encode()
    head += b" " * (-(len(_MAGIC) + 8 + len(head)) % 8)
    path.parent.mkdir(parents=True, exist_ok=True)
    # staged as `.NAME.PID.RANDOM.tmp`: what a killed writer leaves is removed by the next one
    remove_stale(path)
    tmp = staged_name(path)
    try:
        os.chmod(tmp, 0o644)  # readable as the store is (mkstemp makes it 0600)
        with open(tmp, "wb") as f:
            f.write(_MAGIC + len(head).to_bytes(8, "little") + head)
            for name in _ARRAYS:
                a = np.ascontiguousarray(getattr(adj, name))
                f.write(a.tobytes())
                f.write(b"\0" * (-a.nbytes % 8))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_side(path: Path, key: list) -> Adjacency | None:
    """The arrays kept at path if they were read from the store with that key, else None."""
    try:
        with open(path, "rb") as f:
            mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    try:
        if mm[:len(_MAGIC)] != _MAGIC:
            return None
        size = int.from_bytes(mm[len(_MAGIC):len(_MAGIC) + 8], "little")
        start = len(_MAGIC) + 8 + size
        header = json.loads(mm[len(_MAGIC) + 8:start])
        if header.get("format") != FORMAT or header.get("key") != key:
            return None
        arrays = {name: np.frombuffer(mm, dtype=np.dtype(dt), count=n, offset=start + pos)
                  for name, (dt, n, pos) in header["arrays"].items()}
    except (ValueError, KeyError, TypeError):
        return None
    return Adjacency(key, tuple(header["labels"]), tuple(header["rels"]),
                     **{name: arrays[name] for name in _ARRAYS})


def read_side_key(path: Path) -> list | None:
    """The store key a side file was written under (None when there is no readable one)."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(_MAGIC) + 8)
            if head[:len(_MAGIC)] != _MAGIC:
                return None
            return json.loads(f.read(int.from_bytes(head[len(_MAGIC):], "little")))["key"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


_LOADED: dict[str, Adjacency] = {}


def load(conn, db: Path, key_before: list | None = None) -> Adjacency:
    """The store's arrays: kept in this process, or in the side file, or read from the store
    on conn (and kept, when the store did not change while it was read: key_before is its key
    taken before conn was opened)."""
    key = store_key(db)
    cached = _LOADED.get(str(db))
    if cached is not None and cached.key == key:
        return cached
    for side in (side_path(db), _fallback_path(db)):
        adj = read_side(side, key)
        if adj is not None:
            _LOADED[str(db)] = adj
            return adj
    adj = read_store(conn, key)
    if key_before is not None and key_before == key == store_key(db):
        for side in (side_path(db), _fallback_path(db)):
            try:
                write_side(adj, side)
                break
            except OSError:
                continue
        _LOADED[str(db)] = adj
    return adj


# ---------------------------------------------------------------------------------------------
# co_used_entities


def co_used_entities(adj: Adjacency, conn, params: dict[str, Any]
                     ) -> tuple[list[str], list[list[Any]]]:
    """cypher/co_used_entities.cypher's columns and rows (params bound by the library)."""
    return (["type", "id", "name", "papers"],
            co_used_rows(adj, params["entity"], params["limit"]))


def co_used_rows(adj: Adjacency, entity: str, limit: int) -> list[list[Any]]:
    """Rows (type, id, name, papers) as cypher/co_used_entities.cypher answers them: entities
    named by the same papers as the entity (every entity label holding that id), by distinct
    papers, most first, then type and id."""
    es = [i for label in S.ENTITY_LABELS if (i := adj.find(label, entity)) is not None]
    if not es or limit <= 0:
        return []
    e_arr = np.array(es, dtype=np.int64)
    papers = np.unique(np.concatenate([adj.e_pap[adj.e_indptr[e]:adj.e_indptr[e + 1]]
                                       for e in es]))
    if not len(papers):
        return []
    starts, ends = adj.m_indptr[papers], adj.m_indptr[papers + 1]
    idx = _ranges(starts, ends)
    others = adj.m_ent[idx].astype(np.int64)
    row_paper = np.repeat(np.arange(len(papers)), ends - starts)
    # a paper counts for o when it names one of the entities other than o: drop o in es
    # for the papers that name exactly one of es (then that one is o itself)
    in_es = np.isin(others, e_arr)
    named = np.bincount(row_paper[in_es], minlength=len(papers))
    keep = ~(in_es & (named[row_paper] == 1))
    counts = np.bincount(others[keep], minlength=adj.size)
    hits = np.flatnonzero(counts)
    return [[adj.label_of(o), adj.id_of(o), adj.name_of(o), int(counts[o])]
            for o in _top(adj, hits, counts[hits], limit)]


def _top(adj: Adjacency, nodes: np.ndarray, counts: np.ndarray | None, limit: int) -> list[int]:
    """The first limit nodes by count (most first; None: no count), then label name, then id
    (bytes), as the queries' ORDER BY sorts them: one integer key per node, partitioned."""
    if not len(nodes) or limit <= 0:
        return []
    label_rank = np.argsort(np.argsort(np.array(adj.labels, dtype=object)))
    block = np.searchsorted(adj.base, nodes, side="right") - 1
    key = label_rank[block].astype(np.int64) * (adj.size + 1) + _id_rank(adj)[nodes]
    if counts is not None:
        key += (int(counts.max()) - counts.astype(np.int64)) * (len(adj.labels) * (adj.size + 1))
    top = np.argpartition(key, limit - 1)[:limit] if len(key) > limit else np.arange(len(key))
    return [int(nodes[k]) for k in top[np.argsort(key[top])]]


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The indices start..end-1 of every (start, end), concatenated."""
    lens = ends - starts
    total = int(lens.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    shift = np.repeat(starts - np.concatenate([[0], np.cumsum(lens)[:-1]]), lens)
    return np.arange(total, dtype=np.int64) + shift


# ---------------------------------------------------------------------------------------------
# shared_entities and neighbourhood


def shared_entities(adj: Adjacency, conn, params: dict[str, Any]
                    ) -> tuple[list[str], list[list[Any]]]:
    """cypher/shared_entities.cypher's columns and rows: papers naming at least min_shared of
    the entities the paper names (distinct entities), most first, then by id; the titles of
    the rows returned read from the store by key."""
    a = adj.find(S.PAPER, params["paper"])
    columns = ["paper", "title", "shared"]
    if a is None or params["limit"] <= 0:
        return columns, []
    ents = adj.m_ent[adj.m_indptr[a]:adj.m_indptr[a + 1]].astype(np.int64)
    papers = adj.e_pap[_ranges(adj.e_indptr[ents], adj.e_indptr[ents + 1])]
    counts = np.bincount(papers, minlength=adj.size)  # distinct (paper, entity) pairs
    counts[a] = 0
    hits = np.flatnonzero(counts >= max(1, params["min_shared"]))
    rows = [[adj.id_of(b), int(counts[b])]
            for b in _top(adj, hits, counts[hits], params["limit"])]
    titles = {}
    if rows:
        res = conn.execute("UNWIND $ids AS k MATCH (b:Paper {id: k}) RETURN b.id, b.title",
                           {"ids": [r[0] for r in rows]})
        titles = dict(res.get_all())
    return columns, [[pid, titles.get(pid), n] for pid, n in rows]


def neighbourhood(adj: Adjacency, conn, params: dict[str, Any]
                  ) -> tuple[list[str], list[list[Any]]]:
    """cypher/neighbourhood.cypher's columns and rows: the distinct nodes within depth hops of
    the entity (of every entity label holding that id; itself left out, another entity with
    the same id kept), by label and id."""
    columns = ["type", "id"]
    es = [i for label in S.ENTITY_LABELS if (i := adj.find(label, params["entity"])) is not None]
    if not es or params["limit"] <= 0:
        return columns, []
    found = np.zeros(0, dtype=np.int64)
    for e in es:
        seen = np.zeros(adj.size, dtype=bool)
        seen[e] = True
        front = np.array([e], dtype=np.int64)
        for _ in range(params["depth"]):
            nb = _neighbours(adj, front)
            front = nb[~seen[nb]]
            if not len(front):
                break
            seen[front] = True
        seen[e] = False
        found = np.union1d(found, np.flatnonzero(seen))
    return columns, [[adj.label_of(n), adj.id_of(n)]
                     for n in _top(adj, found, None, params["limit"])]


def _id_rank(adj: Adjacency) -> np.ndarray:
    """Each node's position among its label's ids in byte order (the inverse of id_sorted;
    the gaps of a label, past its present nodes, rank last)."""
    rank = _RANKS.get(id(adj))
    if rank is None or rank[0] is not adj:
        inverse = np.empty(adj.size, dtype=np.int64)
        inverse[adj.id_sorted] = np.arange(adj.size, dtype=np.int64)
        rank = _RANKS[id(adj)] = (adj, inverse)
    return rank[1]


_RANKS: dict[int, tuple[Adjacency, np.ndarray]] = {}


# ---------------------------------------------------------------------------------------------
# shortest_path


def shortest_layers(adj: Adjacency, s: int, t: int, max_hops: int) -> list[np.ndarray]:
    """The nodes on the shortest paths from s to t (at most max_hops relationships), layer by
    layer from s (layer i: the nodes i hops from s on such a path); [] when there is none.
    A search from both ends, each step expanding the side whose frontier has fewer entries."""
    if s == t:
        return []  # the engine's `* ALL SHORTEST 1..n` between a node and itself: no rows
    dist = [np.full(adj.size, -1, dtype=np.int16), np.full(adj.size, -1, dtype=np.int16)]
    dist[0][s], dist[1][t] = 0, 0
    front = [np.array([s], dtype=np.int64), np.array([t], dtype=np.int64)]
    level = [0, 0]
    meet = None
    while level[0] + level[1] < max_hops:
        width = [int((adj.indptr[f + 1] - adj.indptr[f]).sum()) for f in front]
        side = 0 if width[0] <= width[1] else 1
        nb = _neighbours(adj, front[side])
        nb = nb[dist[side][nb] < 0]
        if not len(nb):
            return []
        level[side] += 1
        dist[side][nb] = level[side]
        front[side] = nb
        met = nb[dist[1 - side][nb] >= 0]
        if len(met):
            meet = met
            break
    if meet is None:
        return []
    d, ks = level[0] + level[1], level[0]
    layers: list[np.ndarray] = [np.zeros(0, dtype=np.int64)] * (d + 1)
    layers[ks] = meet
    for i in range(ks - 1, -1, -1):  # toward s
        nb = _neighbours(adj, layers[i + 1])
        layers[i] = nb[dist[0][nb] == i]
    for i in range(ks + 1, d + 1):  # toward t
        nb = _neighbours(adj, layers[i - 1])
        layers[i] = nb[dist[1][nb] == d - i]
    return layers


def _neighbours(adj: Adjacency, nodes: np.ndarray) -> np.ndarray:
    """The distinct neighbours of nodes, in index order."""
    nb = adj.nbr[_ranges(adj.indptr[nodes], adj.indptr[nodes + 1])]
    if len(nb) < 4096:
        return np.unique(nb).astype(np.int64)
    seen = np.zeros(adj.size, dtype=bool)  # a mask beats sorting for a large frontier
    seen[nb] = True
    return np.flatnonzero(seen)


#: One step of a path: (relationship type index, its offset, 1 when it starts at the step's
#: first node), the next node.
Step = tuple[tuple[int, int, int], int]


def path_steps(adj: Adjacency, layers: list[np.ndarray], limit: int
               ) -> Iterator[tuple[list[int], list[tuple[int, int, int]]]]:
    """The shortest paths through the layers as (nodes, relationships), in the order the
    library sorts paths (node keys, then relationship types), then by relationship offset for
    paths that tie on both; stops after limit paths and the paths tied with the last on node
    keys and types."""
    if not layers:
        return
    d = len(layers) - 1
    layer_of = np.full(adj.size, -1, dtype=np.int16)
    for i, nodes in enumerate(layers):
        layer_of[nodes] = i
    keys: dict[int, str] = {}

    def key(i: int) -> str:
        if i not in keys:
            keys[i] = adj.key_of(i)
        return keys[i]

    def children(u: int, i: int) -> list[tuple[str, int, list[tuple[int, int, int]]]]:
        lo, hi = int(adj.indptr[u]), int(adj.indptr[u + 1])
        by_node: dict[int, list[tuple[int, int, int]]] = {}
        for j in (np.flatnonzero(layer_of[adj.nbr[lo:hi]] == i + 1) + lo).tolist():
            by_node.setdefault(int(adj.nbr[j]), []).append(
                (int(adj.rtype[j]), int(adj.roff[j]), int(adj.out[j])))
        return sorted((key(v), v, rels) for v, rels in by_node.items())

    emitted = 0
    last: tuple | None = None

    def walk(u: int, i: int, nodes: list[int], options: list[list[tuple[int, int, int]]]
             ) -> Iterator[tuple[list[int], list[tuple[int, int, int]]]]:
        if i == d:
            yield from _combinations(adj, nodes, options)
            return
        for _, v, rels in children(u, i):
            yield from walk(v, i + 1, nodes + [v], options + [rels])

    for nodes, rels in walk(int(layers[0][0]), 0, [int(layers[0][0])], []):
        mark = (tuple(nodes), tuple(adj.rels[r[0]] for r in rels))
        if emitted >= limit and mark != last:
            return
        yield nodes, rels
        emitted += 1
        last = mark


def _combinations(adj: Adjacency, nodes: list[int], options: list[list[tuple[int, int, int]]]
                  ) -> Iterator[tuple[list[int], list[tuple[int, int, int]]]]:
    """Every choice of one relationship per step, by type names then offsets."""
    import itertools

    combos = list(itertools.product(*options))
    combos.sort(key=lambda c: (tuple(adj.rels[r[0]] for r in c), tuple(r[1] for r in c)))
    for c in combos:
        yield nodes, list(c)


def shortest_path(adj: Adjacency, conn, params: dict[str, Any]
                  ) -> tuple[list[str], list[list[Any]]]:
    """cypher/shortest_path.cypher's columns and rows (params bound by the library)."""
    return (["hops", "path"], shortest_paths(adj, conn, params["source"], params["target"],
                                             params["max_hops"], params["limit"]))


def shortest_paths(adj: Adjacency, conn, source: str, target: str, max_hops: int,
                   limit: int) -> list[list[Any]]:
    """Rows (hops, path) as cypher/shortest_path.cypher answers them, sorted and cut to limit
    as the library's `finish` does; node and relationship properties read from the store on
    conn, by key, for the paths returned."""
    s, t = adj.find(S.PAPER, source), adj.find(S.PAPER, target)
    if s is None or t is None or limit <= 0:
        return []
    found = list(path_steps(adj, shortest_layers(adj, s, t, max_hops), limit))
    if not found:
        return []
    nodes_props, rel_props = _fetch(adj, conn, found)
    rows = []
    for nodes, rels in found:
        keys = [adj.key_of(i) for i in nodes]
        path_rels = []
        for k, (ti, off, out) in enumerate(rels):
            a, b = (nodes[k], nodes[k + 1]) if out else (nodes[k + 1], nodes[k])
            path_rels.append(rel_props[(a, ti, off, b)])
        rows.append([len(rels), {"_nodes": [nodes_props[k] for k in keys],
                                 "_rels": path_rels}])
    return rows


def _fetch(adj: Adjacency, conn, found: list) -> tuple[dict[str, dict], dict[tuple, dict]]:
    """The normalised nodes (by key) and relationships (by start node, type index, offset and
    end node) of the paths found, looked up by key: the nodes label by label, the
    relationships from each start node (a paper or a result) over their types to their ends'
    labels (a pattern with an untyped end reads every node table's columns)."""
    from paperkg.graph.ladybug_store import fill_side
    from paperkg.graph.neo4j_store import node_dict, rel_dict

    by_label: dict[str, set[int]] = {}
    starts: dict[int, dict[tuple[int, str, int], int]] = {}  # (type, end label, offset) -> end
    for path_nodes, rels in found:
        for i in path_nodes:
            by_label.setdefault(adj.label_of(i), set()).add(i)
        for k, (ti, off, out) in enumerate(rels):
            a, b = (path_nodes[k], path_nodes[k + 1]) if out else (path_nodes[k + 1],
                                                                  path_nodes[k])
            starts.setdefault(a, {})[(ti, adj.label_of(b), off)] = b
    node_out = {}
    for label, nodes in sorted(by_label.items()):
        ids = sorted(adj.id_of(i) for i in nodes)
        res = conn.execute(f"UNWIND $ids AS k MATCH (n:{label} {{id: k}}) RETURN n",
                           {"ids": ids})
        for (n,) in res.get_all():
            node = node_dict(label, n)
            node_out[node["_key"]] = node
    rel_out: dict[tuple, dict] = {}
    read = []
    for a, wanted in sorted(starts.items()):
        types = "|".join(sorted({adj.rels[ti] for ti, _, _ in wanted}))
        ends = "|".join(sorted({label for _, label, _ in wanted}))
        res = conn.execute(f"MATCH (a:{adj.label_of(a)} {{id: $id}})-[r:{types}]->(b:{ends}) "
                           "RETURN label(r), label(b), offset(id(r)), r", {"id": adj.id_of(a)})
        read.append((a, wanted, res.get_all()))
    # side properties kept beside the relationships: one read for every path's relationships
    fill_side(conn, [rows for _, _, rows in read])
    for a, wanted, rows in read:
        for rel, label, off, r in rows:
            ti = adj.rels.index(rel)
            b = wanted.get((ti, label, int(off)))
            if b is not None:
                rel_out[(a, ti, int(off), b)] = rel_dict(rel, adj.key_of(a), adj.key_of(b), r)
    return node_out, rel_out
