"""Assemble the in-memory graph (networkx) from papers, sources and extractions."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from typing import Any

import networkx as nx

from paperkg.core.ids import title_key
from paperkg.core.packed import Dictionary, TextFile, packed, packed_list
from paperkg.core.records import Paper, PaperExtraction, Reference, SourceFile
from paperkg.graph import schema as S


def empty_graph() -> nx.MultiDiGraph:
    """A new graph carrying the schema version."""
    g = nx.MultiDiGraph()
    g.graph["schema"] = "paperkg/1"
    return g


def node_attrs(label: str, values: dict) -> dict:
    """Attributes of a node: its label and every schema property (None when absent)."""
    nt = S.NODE_TYPES[label]
    attrs = {"label": label}
    for p in nt.props:
        v = values.get(p.name)
        if p.type == S.STRING_LIST and not isinstance(v, bytes):  # bytes: core.packed
            v = list(v) if v else []
        attrs[p.name] = v
    return attrs


#: A Paper node's schema properties, the id apart (PaperNode reads it from the node key).
_PAPER_SLOTS = tuple(p.name for p in S.NODE_TYPES[S.PAPER].props if p.name != "id")
_SLOTTED = frozenset(_PAPER_SLOTS)
_FIXED = ("label", "id")
_MISSING = object()
#: A PaperNode's title key when it is its title's (core.ids.title_key, 5.4 us a title): made
#: again when read (the store's write reads it once) instead of held (136 bytes a paper).
_DERIVED = object()
#: The properties a PaperNode with a TextFile holds there when they are packed: only the
#: store's write reads them (and the citation step the abstract).
_ON_DISK = frozenset({"abstract", "author_names"})


class PaperNode(MutableMapping):
    """A Paper node's attributes as a large build's graph holds them (build_graph's `pack`):
    one slot per schema property, its label fixed and its id read from the node key, which
    the node holds anyway, its title key read from its title when it is that title's. The
    dict networkx keeps held 464 bytes with its 20 entries, the id and title key their own
    strings; this holds 192 bytes. Other keys go to a dict of their own. With `texts` (a
    core.packed.TextFile), a packed abstract or author list set is held there, the node
    keeping its place (an int: 32 bytes against about 510 for a corpus abstract's packed
    bytes, 109 for its authors'); it reads as the packed bytes it was."""

    __slots__ = ("_key", "_extra", "_texts", *_PAPER_SLOTS)

    def __init__(self, key: str, values: dict, texts: TextFile | None = None) -> None:
        self._key = key
        self._extra: dict | None = None
        self._texts = texts
        for name, v in values.items():
            self[name] = v

    def __getitem__(self, name: str):
        if name in _SLOTTED:
            v = getattr(self, name, _MISSING)
            if v is _DERIVED:
                return title_key(self.get("title"))
            if v.__class__ is int and name in _ON_DISK and self._texts is not None:
                return self._texts.read(v)
            if v is not _MISSING:
                return v
        elif self._extra is not None and name in self._extra:
            return self._extra[name]
        elif name == "label":
            return S.PAPER
        elif name == "id":
            return self._key[_ID_AT:]
        raise KeyError(name)

    def get(self, name: str, default=None):
        """As dict.get (without a Python-level KeyError for a schema property)."""
        if name in _SLOTTED:
            v = getattr(self, name, default)
            if v is _DERIVED:
                return title_key(self.get("title"))
            if v.__class__ is int and name in _ON_DISK and self._texts is not None:
                return self._texts.read(v)
            return v
        try:
            return self[name]
        except KeyError:
            return default

    def __setitem__(self, name: str, value) -> None:
        if name == "title_key" and value is not None and value == title_key(self.get("title")):
            value = _DERIVED  # made again from the title when read
        elif name == "title":
            self._held_key()
        elif name in _ON_DISK and self._texts is not None and isinstance(value, bytes):
            place = self._texts.add(value)  # None: too long to have one
            if place is not None:
                value = place
        if name in _SLOTTED:
            setattr(self, name, value)
        elif name in _FIXED and name not in (self._extra or ()) and value == self[name]:
            pass  # what the node key and label say already
        else:
            if self._extra is None:
                self._extra = {}
            self._extra[name] = value

    def _held_key(self) -> None:
        """Hold the title key made from the title, which is about to change."""
        if getattr(self, "title_key", None) is _DERIVED:
            self.title_key = title_key(self.get("title"))

    def __delitem__(self, name: str) -> None:
        if name == "title":
            self._held_key()
        if name in _SLOTTED and hasattr(self, name):
            delattr(self, name)
        elif self._extra is not None and name in self._extra:
            del self._extra[name]
        else:
            raise KeyError(name)  # the label and id stay: the node key is them

    def __iter__(self) -> Iterator[str]:
        extra = self._extra or {}
        yield from (n for n in _FIXED if n not in extra)
        yield from (n for n in _PAPER_SLOTS if hasattr(self, n))
        yield from extra

    def __len__(self) -> int:
        return sum(1 for _ in self)


_ID_AT = len(S.node_key(S.PAPER, ""))


def edge_attrs(rel: str, values: dict) -> dict:
    """Attributes of an edge: its type and every schema property (None when absent)."""
    attrs = {"type": rel}
    for p in S.REL_TYPES[rel].props:
        attrs[p.name] = values.get(p.name)
    return attrs


#: The properties of an edge from a paper to an entity, in order (every type rel_for gives
#: has these): build_graph hands entity_edges the values in this order.
ENTITY_EDGE_PROPS = tuple(S.REL_TYPES[S.USES].prop_names)


def edge_key(rel: str, attrs: dict) -> str:
    """The multigraph key of an edge: its type (CITES: type|source)."""
    return f"{rel}|{attrs.get('source') or 'inferred'}" if rel == S.CITES else rel


def bare_nodes(nodes: Iterable[tuple[str, dict]]) -> tuple[dict, dict, dict]:
    """Nodes without edges made before their graph ((key, attributes) pairs), for
    add_bare_nodes: their attribute dicts and empty successor and predecessor dicts, as
    add_node would make them."""
    attrs = dict(nodes)
    inner = nx.MultiDiGraph.adjlist_inner_dict_factory
    return attrs, {k: inner() for k in attrs}, {k: inner() for k in attrs}


def add_bare_nodes(g: nx.MultiDiGraph, made: tuple[dict, dict, dict]) -> None:
    """Add the nodes bare_nodes made to g, after its own and in made's order, leaving out
    those g has already (they keep their attributes); made's dicts are g's afterwards. One
    C-level update per dict instead of add_nodes_from's steps per node."""
    attrs, succ, pred = made
    for k in attrs.keys() & g._node.keys():
        del attrs[k], succ[k], pred[k]
    g._succ.update(succ)
    g._pred.update(pred)
    g._node.update(attrs)
    clear = getattr(nx, "_clear_cache", None)  # networkx >= 3.3 caches graph views
    if clear is not None:
        clear(g)


def add_node(g: nx.MultiDiGraph, label: str, values: dict) -> str:
    """Add (or fill in) a node; returns its key."""
    key = S.node_key(label, values["id"])
    attrs = node_attrs(label, values)
    if key in g:
        current = g.nodes[key]
        for name, v in attrs.items():
            if current.get(name) in (None, []) and v not in (None, []):
                current[name] = v
    else:
        g.add_node(key, **attrs)
    return key


def add_edge(g: nx.MultiDiGraph, src: str, dst: str, rel: str, values: dict) -> None:
    """Add an edge once per (src, dst, key)."""
    attrs = edge_attrs(rel, values)
    key = edge_key(rel, attrs)
    if not g.has_edge(src, dst, key):
        g.add_edge(src, dst, key=key, **attrs)


def source_count(p: Paper) -> int:
    """How many listing files a paper was read from (two lines of one file count once: the
    graph keeps one LISTED_IN edge per file, so a store read back gives the same count)."""
    return len({ref.source_id or ref.path for ref in p.sources})


def paper_values(p: Paper, pack: bool | Dictionary = False) -> dict:
    """Schema property values of a paper (with `pack`, its abstract and author names held
    core.packed; a Dictionary packs the abstract)."""
    return {
        "id": p.id, "title": p.title,
        "abstract": packed(p.abstract, pack if isinstance(pack, Dictionary) else None) if pack
        else p.abstract,
        "authors": p.authors,
        "published": p.published, "listing_date": p.listing_date, "arxiv_id": p.arxiv_id,
        "doi": p.doi, "url": p.url, "title_key": p.title_key, "source_count": source_count(p),
        "venue": p.venue,
        "author_names": packed_list(p.author_names) if pack else p.author_names,
    }


def _ref_values(ref: Reference) -> dict:
    return {"evidence": ref.sentence, "char_start": ref.start, "char_end": ref.end}


def build_graph(papers: Sequence[Paper], sources: Sequence[SourceFile],
                extractions: Iterable[PaperExtraction] = (),
                surfaces: dict | None = None,
                entity_edges: Callable[[str, str, str, tuple], None] | None = None,
                rows: Any = None, pack: bool | Dictionary = False,
                texts: TextFile | None = None,
                g: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """The knowledge graph of papers, their sources and what was extracted from them
    (extractions are read once, in order: a generator keeps only one paper's at a time).
    `surfaces` receives the entities per name and per alias of every entity node ("names",
    "aliases": node key -> {surface: count}), which the store keeps (graph/registry_store.py).
    With `entity_edges`, each edge from a paper to an entity is handed to it as
    (paper key, entity key, relationship, values: a tuple in ENTITY_EDGE_PROPS' order), once
    per (paper, entity, relationship) as
    add_edge would add it, instead of being added to the graph (a fresh build writes them to
    the store from there: ladybug_store.EdgeSpill). With `rows` (an EdgeSpill: its `row` and
    `node`), what no later step reads from the graph goes there instead of into it, as the
    graph would hold it: the LISTED_IN edges and the Result nodes with their edges. With
    `pack`, the Paper nodes hold their abstracts compressed (paper_values; with a
    core.packed.Dictionary, by it), and each node's
    attributes are a PaperNode; with `texts` too, the nodes hold their packed abstracts
    there (PaperNode). `g`, when given, is paper_graph's of the same papers, sources, rows,
    pack and texts (made ahead): the extractions are added to it. With `entity_edges` and
    `rows`, `extractions` may instead be an object whose `records()` yields each paper's
    paper_rows, in paper order (graph/parted.py: made in child processes)."""
    if g is None:
        g = paper_graph(papers, sources, rows=rows, pack=pack, texts=texts)
    records = getattr(extractions, "records", None)
    if records is not None and entity_edges is not None and rows is not None:
        _add_rows(g, records(), surfaces, entity_edges, rows)
    else:
        _add_extractions(g, extractions, surfaces, entity_edges, rows)
    return g


def paper_graph(papers: Sequence[Paper], sources: Sequence[SourceFile], rows: Any = None,
                pack: bool | Dictionary = False, texts: TextFile | None = None
                ) -> nx.MultiDiGraph:
    """build_graph's first part, which reads no extraction: the Source and Paper nodes and
    the LISTED_IN edges (to `rows` when given; see build_graph for pack and texts)."""
    g = empty_graph()
    for s in sources:
        add_node(g, S.SOURCE, {"id": s.id, "path": s.path, "name": s.name, "layout": s.layout,
                               "listing_date": s.listing_date, "paper_count": s.paper_count})
    for p in papers:
        pk = S.node_key(S.PAPER, p.id)
        if pack and pk not in g:  # a PaperNode (the graph's own dict is not made)
            g.add_node(pk)
            g._node[pk] = PaperNode(pk, node_attrs(S.PAPER, paper_values(p, pack)), texts)
        else:
            pk = add_node(g, S.PAPER, paper_values(p, pack))
        listed: set[str] = set()  # with rows: as add_edge, once per (paper, source)
        for ref in p.sources:
            sk = S.node_key(S.SOURCE, ref.source_id)
            if sk not in g:
                continue
            values = {"line": ref.line, "listing_date": ref.listing_date}
            if rows is None:
                add_edge(g, pk, sk, S.LISTED_IN, values)
            elif sk not in listed:
                listed.add(sk)
                rows.row(pk, sk, S.LISTED_IN, edge_attrs(S.LISTED_IN, values))
    return g


def _add_extractions(g: nx.MultiDiGraph, extractions: Iterable[PaperExtraction],
                     surfaces: dict | None, entity_edges: Callable[[str, str, str, tuple], None]
                     | None, rows: Any) -> None:
    """build_graph's second part: the entities, links and results of each paper of g."""
    # Entities: one node per (label, canonical key); name = most frequent surface name.
    # name -> count per entity node, as plain dicts (a Counter's Python __init__ per node was
    # about 2% of this step); every node has both
    names: dict[str, dict[str, int]] = {}
    aliases: dict[str, dict[str, int]] = {}
    paper_count: dict[str, int] = {}  # distinct papers per entity (papers come once each)
    last_paper: dict[str, str] = {}
    # Offsets and confidences repeat across papers: one object per distinct value (ints and
    # floats apart, since 1 == 1.0) instead of one per edge.
    ints: dict[int, int] = {}
    floats: dict[float, float] = {}
    node_key, labels, rel_for, intern = S.node_key, S.ENTITY_TYPES, S.rel_for, sys.intern
    # An entity node's attributes start as node_attrs gives them for its id and name alone:
    # copied from one made per label (node_attrs per node was about 5% of this step).
    blank = {label: node_attrs(label, {}) for label in set(labels.values())}
    for ex in extractions:
        pk = node_key(S.PAPER, ex.paper_id)
        if pk not in g:
            continue
        node = g.nodes[pk]
        if isinstance(node, PaperNode):  # the node's own key: entity_edges keeps it
            pk = node._key
        # One string object per distinct sentence of the paper (each mention read from JSON
        # has its own copy) and per extractor name: the graph holds them on every edge.
        shared: dict[str, str] = {}
        seen: set[tuple[str, str]] = set()  # (entity, relationship) handed to entity_edges
        title_end = len(node["title"] or "")
        for e in ex.entities:
            label = labels.get(e.type)
            if label is None:
                continue
            eid = e.key or e.name.lower()
            ek = node_key(label, eid)
            counter = names.get(ek)
            if counter is None:  # entity nodes are added here alone: new to the graph too
                attrs = blank[label].copy()
                attrs["id"], attrs["name"], attrs["aliases"] = eid, e.name, []
                g.add_node(ek)
                g._node[ek] = attrs
                counter = names[ek] = {}
                counted = aliases[ek] = {}
            else:
                counted = aliases[ek]
            counter[e.name] = counter.get(e.name, 0) + 1
            for a in e.aliases:  # as Counter.update of the non-empty ones
                if a:
                    counted[a] = counted.get(a, 0) + 1
            if last_paper.get(ek) != pk:
                last_paper[ek] = pk
                paper_count[ek] = paper_count.get(ek, 0) + 1
            # Evidence: the first mention in the abstract (a sentence says more than the title).
            mentions = e.mentions
            first = mentions[0] if mentions else None
            for m in mentions:
                if m.start > title_end:
                    first = m
                    break
            rel = rel_for(label, e.role, e.evaluated)
            confidence = float(e.confidence)
            if entity_edges is not None:
                if (ek, rel) in seen:  # as add_edge: once per (paper, entity, type)
                    continue
                seen.add((ek, rel))
                # the values in ENTITY_EDGE_PROPS' order; the row goes to a file with its
                # chunk, so no value need be shared with other edges' (as the graph's are)
                entity_edges(pk, ek, rel, (first.sentence, first.start, first.end,
                                           first.text, e.extractor, confidence, len(mentions))
                             if first is not None else
                             (None, None, None, e.name, e.extractor, confidence, 1))
                continue
            if first is not None:
                sentence, start, end = first.sentence, first.start, first.end
                values = {
                    "evidence": shared.setdefault(sentence, sentence),
                    "char_start": ints.setdefault(start, start),
                    "char_end": ints.setdefault(end, end),
                    "surface": first.text,
                    "extractor": intern(e.extractor),
                    "confidence": floats.setdefault(confidence, confidence),
                    "mentions": len(mentions),
                }
            else:
                values = {
                    "evidence": None, "char_start": None, "char_end": None, "surface": e.name,
                    "extractor": intern(e.extractor),
                    "confidence": floats.setdefault(confidence, confidence), "mentions": 1,
                }
            add_edge(g, pk, ek, rel, values)
        for ref in (*ex.repos, *ex.links):
            from paperkg.extractors.urls import classify_url

            info = classify_url(ref.url)
            if info["kind"] == "repo":  # code hosts and Hugging Face model/dataset/space pages
                rel = S.HAS_CODE
                rk = add_node(g, S.REPOSITORY, {
                    "id": info["id"], "url": info["url"], "host": info["host"],
                    "owner": info["owner"], "name": info["name"], "kind": info["repo_kind"]})
            else:
                rel = S.HAS_LINK
                rk = add_node(g, S.LINK, {"id": info["id"], "url": info["url"],
                                          "host": info["host"]})
            add_edge(g, pk, rk, rel, _ref_values(ref))
        add_results(g, ex, rows)  # they link only to this paper's entities, added above
    _name_entities(g, names, aliases, paper_count)
    if surfaces is not None:
        surfaces["names"], surfaces["aliases"] = names, aliases


def paper_rows(ex: PaperExtraction, title_end: int) -> tuple[str, list, list, list]:
    """What _add_extractions makes of one canonical extraction with entity_edges and rows,
    without the graph (for _add_rows; graph/parted.py makes it in child processes):
    (paper id, its entities as (node key, label, id, name, non-empty aliases, (relationship,
    entity_edges' values) or None when that (entity, relationship) came already), its
    repositories and links as (label, node values, relationship, edge values), its Result
    rows as _result_rows writes them: (attrs,) for a node, (from, to, type, attrs) for an
    edge). title_end: the length of the paper's title (a mention past it is the evidence)."""
    node_key, labels, rel_for = S.node_key, S.ENTITY_TYPES, S.rel_for
    shared: dict[str, str] = {}  # one string per sentence: pickled once
    seen: set[tuple[str, str]] = set()
    ents: list[tuple] = []
    for e in ex.entities:
        label = labels.get(e.type)
        if label is None:
            continue
        eid = e.key or e.name.lower()
        ek = node_key(label, eid)
        mentions = e.mentions
        first = mentions[0] if mentions else None
        for m in mentions:
            if m.start > title_end:
                first = m
                break
        rel = rel_for(label, e.role, e.evaluated)
        confidence = float(e.confidence)
        if (ek, rel) in seen:
            edge = None
        else:
            seen.add((ek, rel))
            edge = (rel, (shared.setdefault(first.sentence, first.sentence), first.start,
                          first.end, first.text, e.extractor, confidence, len(mentions))
                    if first is not None else
                    (None, None, None, e.name, e.extractor, confidence, 1))
        ents.append((ek, label, eid, e.name, tuple(a for a in e.aliases if a), edge))
    refs: list[tuple] = []
    for ref in (*ex.repos, *ex.links):
        from paperkg.extractors.urls import classify_url

        info = classify_url(ref.url)
        if info["kind"] == "repo":
            refs.append((S.REPOSITORY, {
                "id": info["id"], "url": info["url"], "host": info["host"],
                "owner": info["owner"], "name": info["name"], "kind": info["repo_kind"]},
                S.HAS_CODE, _ref_values(ref)))
        else:
            refs.append((S.LINK, {"id": info["id"], "url": info["url"], "host": info["host"]},
                         S.HAS_LINK, _ref_values(ref)))
    made = _Made()
    if ex.results:
        pk = node_key(S.PAPER, ex.paper_id)
        keys: dict[tuple[str, str], str] = {}
        for e in ex.entities:
            label = labels.get(e.type)
            if label is None:
                continue
            for form in (e.name, *e.aliases):
                keys.setdefault((label, form.casefold()), node_key(label, e.key or e.name.lower()))
        # every key is one of this paper's entity nodes, which _add_rows adds first
        _result_rows(set(keys.values()), ex, pk, keys, made)
    return ex.paper_id, ents, refs, made.rows


class _Made:
    """_result_rows' rows kept in order (an EdgeSpill's `node` and `row`, recorded)."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []

    def node(self, attrs: dict) -> None:
        """A node's row."""
        self.rows.append((attrs,))

    def row(self, u: str, v: str, rel: str, attrs: dict) -> None:
        """An edge's row."""
        self.rows.append((u, v, rel, attrs))


def _add_rows(g: nx.MultiDiGraph, records: Iterable[tuple[str, list, list, list]],
              surfaces: dict | None, entity_edges: Callable[[str, str, str, tuple], None],
              rows: Any) -> None:
    """_add_extractions with entity_edges and rows, from each paper's paper_rows: the same
    graph, surfaces and rows, in the same order."""
    names: dict[str, dict[str, int]] = {}
    aliases: dict[str, dict[str, int]] = {}
    paper_count: dict[str, int] = {}
    last_paper: dict[str, str] = {}
    node_key, nodes, succ, pred = S.node_key, g._node, g._succ, g._pred
    inner = g.adjlist_inner_dict_factory
    blank = {label: node_attrs(label, {}) for label in set(S.ENTITY_TYPES.values())}
    row, node_row = rows.row, rows.node
    for paper_id, ents, refs, made in records:
        pk = node_key(S.PAPER, paper_id)
        node = nodes.get(pk)
        if node is None:
            continue
        if isinstance(node, PaperNode):  # the node's own key: entity_edges keeps it
            pk = node._key
        for ek, label, eid, name, als, edge in ents:
            counter = names.get(ek)
            if counter is None:  # a new node (as g.add_node, its cache cleared below)
                attrs = blank[label].copy()
                attrs["id"], attrs["name"], attrs["aliases"] = eid, name, []
                succ[ek], pred[ek], nodes[ek] = inner(), inner(), attrs
                counter = names[ek] = {}
                counted = aliases[ek] = {}
            else:
                counted = aliases[ek]
            counter[name] = counter.get(name, 0) + 1
            for a in als:
                counted[a] = counted.get(a, 0) + 1
            if last_paper.get(ek) != pk:
                last_paper[ek] = pk
                paper_count[ek] = paper_count.get(ek, 0) + 1
            if edge is not None:
                entity_edges(pk, ek, edge[0], edge[1])
        for label, values, rel, ref_values in refs:
            add_edge(g, pk, add_node(g, label, values), rel, ref_values)
        for r in made:
            if len(r) == 1:
                node_row(r[0])
            else:
                row(*r)
    clear = getattr(nx, "_clear_cache", None)  # networkx >= 3.3 caches graph views
    if clear is not None:
        clear(g)
    _name_entities(g, names, aliases, paper_count)
    if surfaces is not None:
        surfaces["names"], surfaces["aliases"] = names, aliases


def _name_entities(g: nx.MultiDiGraph, names: dict[str, dict[str, int]],
                   aliases: dict[str, dict[str, int]], paper_count: dict[str, int]) -> None:
    """Each entity node's name (its most frequent surface name), aliases and paper count."""
    nodes = g._node
    for ek, counter in names.items():
        best = max(counter.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        attrs = nodes[ek]
        attrs["name"] = best
        attrs["aliases"] = sorted((aliases[ek].keys() | counter.keys()) - {best})
        attrs["paper_count"] = paper_count[ek]


#: Where each name of a result points: (Result property, relationship, entity labels).
RESULT_LINKS = (
    ("system", S.OF, (S.METHOD, S.MODEL)),
    ("benchmark", S.MEASURED_ON, (S.BENCHMARK, S.DATASET)),
    ("metric", S.MEASURED_BY, (S.METRIC,)),
)


def result_id(paper_id: str, start: int) -> str:
    """The id of a Result node: its paper's id and the offset of its value."""
    return f"{paper_id}#r{start}"


def add_results(g: nx.MultiDiGraph, ex: PaperExtraction, rows: Any = None) -> None:
    """Result nodes of one paper, linked from the paper and to the entities they name. With
    `rows` (an EdgeSpill) they are written there as g would hold them instead
    (_result_rows)."""
    pk = S.node_key(S.PAPER, ex.paper_id)
    if pk not in g or not ex.results:
        return
    keys: dict[tuple[str, str], str] = {}
    for e in ex.entities:
        label = S.ENTITY_TYPES.get(e.type)
        if label is None:
            continue
        for form in (e.name, *e.aliases):
            keys.setdefault((label, form.casefold()), S.node_key(label, e.key or e.name.lower()))
    if rows is not None:
        _result_rows(g, ex, pk, keys, rows)
        return
    for r in ex.results:
        rk = add_node(g, S.RESULT, {
            "id": result_id(ex.paper_id, r.start), "value": r.value, "number": r.number,
            "unit": r.unit, "kind": r.kind, "condition": r.condition, "system": r.system,
            "benchmark": r.benchmark, "metric": r.metric})
        add_edge(g, pk, rk, S.REPORTS_RESULT, {
            "evidence": r.sentence, "char_start": r.start, "char_end": r.end,
            "surface": r.value, "extractor": "results"})
        for attr, rel, labels in RESULT_LINKS:
            name = getattr(r, attr)
            if not name:
                continue
            target = next((keys[(lb, name.casefold())] for lb in labels
                           if (lb, name.casefold()) in keys), None)
            if target is not None and target in g:
                add_edge(g, rk, target, rel, {})


#: A Result node's attributes (node_attrs') before its values are set, and each link's
#: (edge_attrs': its type, no property).
_RESULT_BLANK = node_attrs(S.RESULT, {})
_LINK_ATTRS = {rel: edge_attrs(rel, {}) for _, rel, _ in RESULT_LINKS}


def _result_rows(g: Any, ex: PaperExtraction, pk: str,
                 keys: dict[tuple[str, str], str], rows: Any) -> None:
    """add_results' rows for an EdgeSpill, as add_node and add_edge would leave them in a
    graph of this paper's results alone: one node per id, filled in as add_node fills (a
    value only where the node has none); one edge per (from, to, type), the first. They are
    written once the paper is done, in the order that graph would iterate them: the nodes,
    then the first result's links, the paper's REPORTS_RESULT edges, the other results'
    links (each result's in the order they came). `g`: the graph, or what holds the node
    keys it has (a link to a key it lacks is left out)."""
    nodes: dict[str, dict] = {}
    reported: dict[str, dict] = {}
    links: dict[str, dict[str, dict[str, dict]]] = {}
    for r in ex.results:
        rk = S.node_key(S.RESULT, result_id(ex.paper_id, r.start))
        attrs = _RESULT_BLANK.copy()
        attrs["id"], attrs["value"], attrs["number"] = rk[_RESULT_ID_AT:], r.value, r.number
        attrs["unit"], attrs["kind"], attrs["condition"] = r.unit, r.kind, r.condition
        attrs["system"], attrs["benchmark"], attrs["metric"] = r.system, r.benchmark, r.metric
        current = nodes.get(rk)
        if current is None:
            nodes[rk] = attrs
            links[rk] = {}
        else:
            for name, v in attrs.items():
                if current.get(name) in (None, []) and v not in (None, []):
                    current[name] = v
        if rk not in reported:
            reported[rk] = {"type": S.REPORTS_RESULT, "evidence": r.sentence,
                            "char_start": r.start, "char_end": r.end, "surface": r.value,
                            "extractor": "results"}
        for attr, rel, labels in RESULT_LINKS:
            name = getattr(r, attr)
            if not name:
                continue
            folded = name.casefold()
            target = next((keys[(lb, folded)] for lb in labels if (lb, folded) in keys), None)
            if target is not None and target in g:
                links[rk].setdefault(target, {}).setdefault(rel, _LINK_ATTRS[rel])
    for attrs in nodes.values():
        rows.node(attrs)
    for i, (rk, targets) in enumerate(links.items()):
        for target, typed in targets.items():
            for rel, attrs in typed.items():
                rows.row(rk, target, rel, attrs)
        if i == 0:
            for rk_, attrs in reported.items():
                rows.row(pk, rk_, S.REPORTS_RESULT, attrs)


_RESULT_ID_AT = len(S.node_key(S.RESULT, ""))
