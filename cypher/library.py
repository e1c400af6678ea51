"""The named Cypher query library: one .cypher file per question, run on either engine.

Each file starts with two header lines::

    // description: what the query answers, in one line
    // params: name:str, limit:int=20, depth:int[1..3]=2

Query text is written in Neo4j's Cypher. `to_dialect` turns it into LadybugDB's dialect (the one
place that knows the differences), and `{{NAME}}` macros expand to label and relationship-type
lists taken from the schema module. A `{{param}}` names an integer parameter that Cypher cannot
take as a parameter (a variable-length bound): it is checked against its declared range and
only then written into the text. Every other value travels as a query parameter.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from paperkg.core.errors import UserError
from paperkg.graph import schema

HERE = Path(__file__).resolve().parent
NEO4J = "neo4j"
EMBEDDED = "ladybug"

@dataclass(frozen=True)
class Param:
    """One declared query parameter."""

    name: str
    type: str = "str"  # str, int or float
    default: Any = None
    required: bool = True
    low: int | None = None  # inclusive range for int parameters written into the text
    high: int | None = None

    def coerce(self, value: Any) -> Any:
        """The value as the declared type (UserError when it cannot be)."""
        try:
            if self.type == "str":
                out: Any = value if isinstance(value, str) else _text(value)
            elif self.type == "int":
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError
                out = int(value)
            else:
                out = float(value)
        except (TypeError, ValueError):
            raise UserError(f"parameter {self.name} must be {self.type}, got {value!r}") from None
        if self.low is not None and not (self.low <= out <= self.high):
            raise UserError(f"parameter {self.name} must be between {self.low} and {self.high}, "
                            f"got {out}")
        return out


def _text(value: Any) -> str:
    """A scalar written as text (for a str parameter given as a number)."""
    if isinstance(value, list | dict | tuple):
        raise ValueError
    return str(value)


@dataclass(frozen=True)
class NamedQuery:
    """One query of the library."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str  # Cypher (Neo4j dialect, with {{...}} macros), without the header
    path: Path
    sort_rows: bool = False  # `// sort: rows`: rows sorted (and limited) here, not by Cypher
    # `// derive: name: CYPHER`: run first; the first value of its last row becomes $name
    # (`name=INT:` gives the value when it answers no row; else None)
    derived: tuple[tuple[str, str], ...] = ()
    derived_defaults: tuple[tuple[str, int], ...] = ()
    # `// ends: a, b`: parameters naming the two papers an undirected path search joins; the
    # embedded store may search from b (the cheaper end), and `finish` orients paths a -> b
    ends: tuple[str, str] | None = None
    # `// embedded: name`: on the embedded store the rows come from cypher/adjacency.py's
    # function of that name (the store's compact arrays), the same rows as this Cypher text
    embedded: str | None = None

    @property
    def signature(self) -> str:
        """Parameters as shown by `ask --list`."""
        parts = []
        for p in self.params:
            rng = f"[{p.low}..{p.high}]" if p.low is not None else ""
            parts.append(f"{p.name}:{p.type}{rng}" + ("" if p.required else f"={p.default}"))
        return ", ".join(parts)


_PARAM_RE = re.compile(r"^(\w+)(?::(str|int|float))?(?:\[(\d+)\.\.(\d+)\])?(?:=(.*))?$")


def parse_query_file(path: Path) -> NamedQuery:
    """Read one .cypher file with its description and params header."""
    lines = path.read_text(encoding="utf-8").splitlines()
    description, params, body, sort_rows, derived, defaults = "", [], [], False, [], []
    ends = embedded = None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("// embedded:"):
            embedded = stripped.split(":", 1)[1].strip()
            if not re.fullmatch(r"[a-z_]\w*", embedded):
                raise ValueError(f"{path.name}: bad embedded line {stripped!r}")
        elif stripped.startswith("// ends:"):
            names = [n.strip() for n in stripped.split(":", 1)[1].split(",")]
            if len(names) != 2 or not all(re.fullmatch(r"\w+", n) for n in names):
                raise ValueError(f"{path.name}: bad ends line {stripped!r}")
            ends = (names[0], names[1])
        elif stripped.startswith("// sort:"):
            sort_rows = stripped.split(":", 1)[1].strip() == "rows"
        elif stripped.startswith("// derive:"):
            name, _, text = stripped.split(":", 1)[1].partition(":")
            m = re.fullmatch(r"(\w+)(?:=(-?\d+))?", name.strip())
            if not m or not text.strip():
                raise ValueError(f"{path.name}: bad derive line {stripped!r}")
            derived.append((m.group(1), text.strip()))
            if m.group(2) is not None:
                defaults.append((m.group(1), int(m.group(2))))
        elif stripped.startswith("// description:"):
            description = stripped.split(":", 1)[1].strip()
        elif stripped.startswith("// params:"):
            spec = stripped.split(":", 1)[1].strip()
            for item in filter(None, (s.strip() for s in spec.split(","))):
                params.append(_parse_param(item, path))
        elif not stripped.startswith("//"):
            body.append(line)
    if not description:
        raise ValueError(f"{path.name}: no '// description:' line")
    return NamedQuery(path.stem, description, tuple(params), "\n".join(body).strip(), path,
                      sort_rows, tuple(derived), tuple(defaults), ends, embedded)


def _parse_param(item: str, path: Path) -> Param:
    """One `name:type[lo..hi]=default` declaration."""
    m = _PARAM_RE.match(item)
    if not m:
        raise ValueError(f"{path.name}: bad parameter declaration {item!r}")
    name, type_, low, high, default = m.groups()
    p = Param(name, type_ or "str", low=int(low) if low else None,
              high=int(high) if high else None)
    if default is not None:
        p = Param(p.name, p.type, p.coerce(default), False, p.low, p.high)
    return p


@cache
def _library() -> dict[str, NamedQuery]:
    """Every query shipped beside this module, by name."""
    return {q.name: q for q in map(parse_query_file, sorted(HERE.glob("*.cypher")))
            if q.name != "schema"}


def list_queries() -> list[NamedQuery]:
    """The library's queries, sorted by name."""
    return [q for _, q in sorted(_library().items())]


def get_query(name: str) -> NamedQuery:
    """The query called name (UserError naming the closest ones when unknown)."""
    lib = _library()
    if name not in lib:
        close = difflib.get_close_matches(name, lib, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `paperkg ask --list`"
        raise UserError(f"no query called {name!r}{hint}")
    return lib[name]


def bind(query: NamedQuery, params: dict[str, Any] | None) -> dict[str, Any]:
    """Typed parameter values with defaults filled in (UserError on missing or unknown)."""
    params = dict(params or {})
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise UserError(f"query {query.name} takes no parameter {unknown[0]!r} "
                        f"(it takes: {query.signature or 'none'})")
    out = {}
    for p in query.params:
        if p.name in params and params[p.name] is not None:
            out[p.name] = p.coerce(params[p.name])
        elif p.required:
            raise UserError(f"query {query.name} needs --param {p.name}=... ({query.signature})")
        else:
            out[p.name] = p.default
    return out


# ---------------------------------------------------------------------------------------------
# Dialects: the one place that knows how Neo4j's Cypher and LadybugDB's differ.


def macros() -> dict[str, str]:
    """Label and relationship-type lists from the schema, for {{NAME}} in query text."""
    entity = set(schema.ENTITY_LABELS)
    # what a paper names (a Result's links to the entities it names are not mentions)
    mention = [t for t, rt in schema.REL_TYPES.items()
               if set(rt.targets) <= entity and rt.sources == [schema.PAPER]]
    return {
        "ENTITY": "|".join(schema.ENTITY_LABELS),
        "MENTION_RELS": "|".join(mention),
        "USE_RELS": "|".join(t for t in mention if t != schema.INTRODUCES),
        "GRAPH_RELS": "|".join(t for t, rt in schema.REL_TYPES.items()
                               if schema.SOURCE not in rt.targets),
        # `CASE $source {{CITED_BY_CASES}} END`: paper p's stored cited-by counter of a citation
        # source ('' for all; graph/counters.py), NULL for a source no edge comes from
        "CITED_BY_CASES": " ".join(
            f"WHEN '{s or ''}' THEN p.{schema.cited_by_prop(s)}"
            for s in (None, *schema.CITATION_SOURCES)),
        "PUBLISHED_ORDER_UNKNOWN": str(schema.PUBLISHED_ORDER_UNKNOWN),
    }


_MACRO_RE = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def expand(text: str, query: NamedQuery | None = None, params: dict[str, Any] | None = None
           ) -> str:
    """Text with {{MACRO}} lists, range-checked {{int param}} values and derived integers
    ({{name}} of a `// derive:` line: NULL when none, $name until derived) written in."""
    table = macros()
    declared = {p.name: p for p in query.params} if query else {}
    derived = {name for name, _ in query.derived} if query else set()

    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name in table:
            return table[name]
        if name in derived:
            if name not in (params or {}):
                return f"${name}"  # not derived yet (e.g. `ask --cypher`)
            value = params[name]
            if value is None:
                return "NULL"
            if isinstance(value, bool) or not isinstance(value, int):
                raise UserError(f"derived {name} must be an integer, got {value!r}")
            # an integer the engine answered, written in: the embedded engine pushes a
            # literal into its scan (skipping the rows below it) but not a parameter
            return str(value)
        p = declared.get(name)
        if p is None or p.type != "int" or p.low is None:
            raise UserError(f"{{{{{name}}}}} is neither a macro nor a ranged int parameter")
        value = p.coerce((params or {}).get(name, p.default))
        return str(int(value))  # an int within [low, high]: safe to write into the text

    return _MACRO_RE.sub(sub, text)


def to_dialect(text: str, engine: str, params: dict[str, Any] | None = None
               ) -> tuple[str, dict[str, Any]]:
    """Neo4j Cypher turned into the given engine's dialect, with parameters adjusted to match.

    For LadybugDB: head(labels(x)) and type(r) become label(x); labels(x) becomes [label(x)];
    shortestPath/allShortestPaths become `* SHORTEST` / `* ALL SHORTEST` patterns; simple list
    comprehensions become list_transform/list_filter; `SET x += $map` becomes one SET per key of
    the map parameter; a relationship's side properties are read from the store's side table
    (`side_props`). CALL { } subqueries have no equivalent and are refused.
    """
    params = dict(params or {})
    if engine == NEO4J:
        return text, params
    if engine != EMBEDDED:
        raise ValueError(f"unknown engine {engine!r}")
    if re.search(r"\bCALL\s*\{", text, re.IGNORECASE):
        raise UserError("the embedded store has no CALL { } subqueries; run this on Neo4j "
                        "(--neo4j)")
    text = re.sub(r"\bhead\s*\(\s*labels\s*\(\s*(\w+)\s*\)\s*\)", r"label(\1)", text,
                  flags=re.IGNORECASE)
    text = re.sub(r"\blabels\s*\(\s*(\w+)\s*\)", r"[label(\1)]", text, flags=re.IGNORECASE)
    text = re.sub(r"\btype\s*\(\s*(\w+)\s*\)", r"label(\1)", text, flags=re.IGNORECASE)
    text = _shortest_paths(text)
    text = _list_comprehensions(text)
    text, params = _set_plus(text, params)
    text = side_props(text)
    return text, params


_REL_VAR = re.compile(r"\[\s*(\w+)\s*:\s*(\w+(?:\s*\|\s*:?\s*\w+)*)")
_UNTYPED_REL_VAR = re.compile(r"-\s*\[\s*(\w+)\s*(?=[\]{])")
_PROJECTION = re.compile(r"\b(WITH|RETURN)\b", re.IGNORECASE)


def side_props(text: str) -> str:
    """`r.evidence` (schema.SIDE_PROPS) of a relationship variable read from the side table
    where the embedded store keeps it there (schema.side_props): an `OPTIONAL MATCH
    (r_text:EdgeText {id: r.text_ref})` before each WITH or RETURN clause that reads it, which
    then reads `r_text.evidence`; for a variable of no type, or of types of which some keep
    the property on the relationship (CITES), `coalesce(r_text.evidence, r.evidence)`. A read
    outside those clauses is left as it is."""
    kinds: dict[str, set[str] | None] = {}
    for m in _REL_VAR.finditer(text):
        kinds.setdefault(m.group(1), set()).update(t.strip(" :") for t in m.group(2).split("|"))
    for m in _UNTYPED_REL_VAR.finditer(text):
        kinds[m.group(1)] = None  # any type: the side table or the relationship's own
    for var, types in kinds.items():
        names = sorted(schema.REL_TYPES) if types is None else sorted(types)
        side = {n for t in names for n in schema.side_props(t)}
        if not side:
            continue
        # a property some of the types keep on the relationship itself (CITES's evidence)
        own = {n for t in names if t in schema.REL_TYPES and not schema.side_props(t)
               for n in side if n in schema.REL_TYPES[t].prop_names}
        alias = f"{var}_text"
        read = re.compile(rf"\b{var}\.({'|'.join(sorted(side))})\b")

        def into(m: re.Match, var: str = var, alias: str = alias, own: set = own) -> str:
            n = m.group(1)
            return f"coalesce({alias}.{n}, {var}.{n})" if n in own else f"{alias}.{n}"

        starts = [m.start() for m in _PROJECTION.finditer(text)] + [len(text)]
        pieces, at = [], 0
        for a, b in zip(starts, starts[1:], strict=False):
            clause = text[a:b]
            if read.search(clause) is None:
                continue
            pieces += [text[at:a], f"OPTIONAL MATCH ({alias}:{schema.EDGE_TEXT} "
                       f"{{id: {var}.{schema.TEXT_REF}}})\n", read.sub(into, clause)]
            at = b
        text = "".join(pieces) + text[at:]
    return text


def _shortest_paths(text: str) -> str:
    """shortestPath((a)-[...*lo..hi]-(b)) as (a)-[...* SHORTEST lo..hi]-(b)."""
    out, pos = [], 0
    pattern = re.compile(r"\b(all)?shortestPaths?\s*\(", re.IGNORECASE)
    while m := pattern.search(text, pos):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        if depth:
            raise UserError("unbalanced parentheses in shortestPath(...)")
        inner = text[m.end():i - 1]
        kind = "ALL SHORTEST" if m.group(1) else "SHORTEST"
        inner, n = re.subn(r"\*\s*(\d*)\s*\.\.\s*(\d+)",
                           lambda v, k=kind: f"* {k} {v.group(1) or 1}..{v.group(2)}", inner)
        if n != 1:
            raise UserError("shortestPath needs one variable-length relationship with an upper "
                            "bound, e.g. [*1..6]")
        out += [text[pos:m.start()], inner]
        pos = i
    return "".join(out) + text[pos:]


_COMPREHENSION_HEAD = re.compile(r"\[\s*(\w+)\s+IN\s+", re.IGNORECASE)
_OPEN, _CLOSE = "([{", ")]}"


def _closing(text: str, start: int) -> int:
    """Index of the bracket closing the one at start (quotes and nesting respected)."""
    depth, i, quote = 0, start, None
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise UserError("unbalanced brackets in the query")


def _top_level(text: str, token: re.Pattern) -> re.Match | None:
    """The first match of token outside brackets and quotes."""
    depth, quote = 0, None
    for i, ch in enumerate(text):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
        elif depth == 0 and (m := token.match(text, i)):
            return m
    return None


def _list_comprehensions(text: str) -> str:
    """[x IN list WHERE cond | expr] as list_filter/list_transform (nesting allowed)."""
    out, pos = [], 0
    while m := _COMPREHENSION_HEAD.search(text, pos):
        end = _closing(text, m.start())
        var, body = m.group(1), text[m.end():end]
        bar = _top_level(body, re.compile(r"\|"))
        where = _top_level(body[:bar.start()] if bar else body,
                           re.compile(r"\s+WHERE\s+", re.IGNORECASE))
        if bar is None and where is None:  # [x IN y] is a list literal, not a comprehension
            out.append(text[pos:m.end()])
            pos = m.end()
            continue
        head_end = where.start() if where else bar.start()
        expr = _list_comprehensions(body[:head_end].strip())
        if where:
            cond = body[where.end():bar.start() if bar else len(body)].strip()
            expr = f"list_filter({expr}, {var} -> {_list_comprehensions(cond)})"
        if bar:
            mapped = _list_comprehensions(body[bar.end():].strip())
            expr = f"list_transform({expr}, {var} -> {mapped})"
        out += [text[pos:m.start()], expr]
        pos = end + 1
    return "".join(out) + text[pos:]


def _set_plus(text: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """SET x += $map as one SET per key of the map parameter (keys checked as identifiers)."""

    def sub(m: re.Match) -> str:
        var, name = m.group(1), m.group(2)
        value = params.get(name)
        if not isinstance(value, dict) or not value:
            raise UserError(f"SET {var} += ${name} needs ${name} to be a non-empty map")
        parts = []
        for key in value:
            if not re.fullmatch(r"[A-Za-z_]\w*", str(key)):
                raise UserError(f"map key {key!r} of ${name} is not a property name")
            flat = f"{name}__{key}"
            params[flat] = value[key]
            parts.append(f"{var}.{key} = ${flat}")
        return "SET " + ", ".join(parts)

    text = re.sub(r"\bSET\s+(\w+)\s*\+=\s*\$(\w+)", sub, text, flags=re.IGNORECASE)
    return text, params


# ---------------------------------------------------------------------------------------------
# Running


def normalise_embedded(rows: list[list[Any]], conn=None) -> list[list[Any]]:
    """LadybugDB values in the normalised shape of paperkg.graph.neo4j_store."""
    keys: dict[tuple, str] = {}

    def ident(d: dict) -> tuple:
        raw = d.get("_ID", d.get("_id")) or {}
        return (raw.get("table"), raw.get("offset")) if isinstance(raw, dict) else (raw,)

    from paperkg.graph.ladybug_store import nested_dicts

    dicts = list(nested_dicts(rows))
    for v in dicts:  # nodes: remember their key under their internal id
        if ("_LABEL" in v or "_label" in v) and "_SRC" not in v and "_src" not in v \
                and ("_ID" in v or "_id" in v):
            label = v.get("_LABEL", v.get("_label"))
            nt = schema.NODE_TYPES.get(label)
            keys[ident(v)] = schema.node_key(label, v.get(nt.key if nt else "id"))
    missing: set[tuple] = set()
    for v in dicts:  # relationships whose ends were not returned with them
        for end in ("_SRC", "_DST"):
            raw = v.get(end)
            if isinstance(raw, dict) and (raw.get("table"), raw.get("offset")) not in keys:
                missing.add((raw.get("table"), raw.get("offset")))
    if conn is not None:  # side properties kept beside the relationships
        from paperkg.graph.ladybug_store import fill_side

        fill_side(conn, rows)
    if missing and conn is not None:
        offsets = sorted({o for _, o in missing})
        res = conn.execute("MATCH (n) WHERE offset(id(n)) IN $o RETURN id(n), label(n), n.id",
                           {"o": offsets})
        for raw, label, id_ in res.get_all():
            keys[(raw.get("table"), raw.get("offset"))] = schema.node_key(label, id_)
    return [[_plain_embedded(v, keys) for v in row] for row in rows]


def _plain_embedded(v: Any, keys: dict[tuple, str]) -> Any:
    """One LadybugDB value in the normalised shape."""
    from paperkg.graph.neo4j_store import node_dict, rel_dict

    if isinstance(v, dict):
        if "_NODES" in v or "_nodes" in v:
            return {"_nodes": [_plain_embedded(n, keys) for n in v.get("_NODES", v.get("_nodes"))],
                    "_rels": [_plain_embedded(r, keys) for r in v.get("_RELS", v.get("_rels"))]}
        if "_SRC" in v:
            src, dst = v["_SRC"], v["_DST"]
            return rel_dict(v.get("_LABEL"), keys.get((src.get("table"), src.get("offset"))),
                            keys.get((dst.get("table"), dst.get("offset"))), v)
        if "_LABEL" in v and "_ID" in v:
            return node_dict(v["_LABEL"], v)
        return {k: _plain_embedded(x, keys) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_plain_embedded(x, keys) for x in v]
    if v is None or isinstance(v, bool | int | float | str):
        return v
    iso = getattr(v, "isoformat", None)
    return iso() if callable(iso) else str(v)


#: Threads the embedded engine runs one library query on. Its queries here are small (a few
#: thousand rows); on 2 cores shared with other work, one thread answered as fast or faster
#: than two for every query (most_cited 2.6 against 6.5 ms at load 7; docs/scale.md).
QUERY_THREADS = 1


@contextmanager
def embedded_connection(db=None) -> Iterator[Any]:
    """A read-only connection to the embedded store, set up to run library queries."""
    from paperkg.graph import ladybug_store

    with ladybug_store.connect(db, read_only=True) as conn:
        conn.set_max_threads_for_exec(QUERY_THREADS)
        yield conn


def run_embedded(text: str, params: dict[str, Any] | None = None, db=None, conn=None
                 ) -> tuple[list[str], list[list[Any]]]:
    """Run Neo4j-dialect Cypher on the embedded store; rows in the normalised shape."""
    text, params = to_dialect(text, EMBEDDED, params)
    if conn is None:
        with embedded_connection(db) as own:
            return run_embedded_on(own, text, params)
    return run_embedded_on(conn, text, params)


def run_embedded_on(conn, text: str, params: dict[str, Any]
                    ) -> tuple[list[str], list[list[Any]]]:
    """Run embedded-dialect Cypher on an open LadybugDB connection."""
    try:
        res = conn.execute(text, params)
    except RuntimeError as exc:
        msg = str(exc).splitlines()[0] if str(exc) else "query failed"
        missing = re.search(r"Cannot find property (\w+)", msg)
        if missing and any(missing.group(1) in nt.prop_names
                           for nt in schema.NODE_TYPES.values()):
            msg += (" (the store was written by an older paperkg without that property: "
                    "build it again with --rebuild)")
        raise UserError(f"query failed: {msg}") from None
    if isinstance(res, list):
        res = res[-1]
    columns = list(res.get_column_names())
    return columns, normalise_embedded([list(r) for r in res.get_all()], conn)


def prepare(name: str, params: dict[str, Any] | None, engine: str,
            derived: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """The named query's text in the engine's dialect, and the typed parameters it uses
    (with the values of its `// derive:` statements, from `derive`)."""
    query = get_query(name)
    bound = {**bind(query, params), **(derived or {})}
    if query.ends and bound.get(_SEARCH_FROM_END):  # the same paths, searched from the other end
        a, b = query.ends
        bound[a], bound[b] = bound[b], bound[a]
    text = _narrow_entities(query.text, bound)
    text = expand(text, query, bound)
    used = set(re.findall(r"\$(\w+)", text))
    return to_dialect(text, engine, {k: v for k, v in bound.items() if k in used})


#: derive's key for "search the path from the query's second end" (`// ends:`)
_SEARCH_FROM_END = ("search", "from second end")
# A paper's fan-out two hops away: the papers naming what it names (stored paper_count).
_FAN_OUT = ("MATCH (p:Paper {{id: $v}})-[:{rels}]->(e) RETURN sum(e.paper_count)")

_ENTITY_ID_PARAM = re.compile(r":\s*\{\{\s*ENTITY\s*\}\}\s*(\{\s*id\s*:\s*\$(\w+)\s*\})")
_HAS_ID = "MATCH (e:{label} {{id: $v}}) RETURN count(*)"
# On the embedded store: the node's internal id (table and offset), found by key.
_NODE_ID = "MATCH (e:{label} {{id: $v}}) RETURN id(e)"
# `MATCH (e:{{ENTITY}} {id: $p})` opening a clause, for an id held by two labels or more.
_ENTITY_ID_MATCH = re.compile(
    r"MATCH\s*\(\s*(\w+)\s*:\s*\{\{\s*ENTITY\s*\}\}\s*\{\s*id\s*:\s*\$(\w+)\s*\}\s*\)")


def _narrow_entities(text: str, bound: dict) -> str:
    """`(e:{{ENTITY}} {id: $p})` with only the labels derive found holding that id: the same
    matches, found by key in those tables instead of by scanning every entity table. The
    embedded engine finds a node by key in one table only, and scans every node of two or more
    (26 ms for Method|Dataset at 100k papers, load 15): a query whose rows are a UNION gets a
    copy of each such branch per label, and elsewhere a clause opening with that pattern
    matches the nodes by the internal ids derive found by key (a cheaper scan)."""
    def by_node(m: re.Match) -> str:
        var, name = m.group(1), m.group(2)
        labels, ids = bound.get(("labels", name)), bound.get(("node ids", name))
        if not ids or not labels or len(labels) < 2:
            return m.group(0)
        found = ", ".join(f"internal_id({int(i['table'])}, {int(i['offset'])})" for i in ids)
        return f"MATCH ({var}:{'|'.join(labels)}) WHERE id({var}) IN [{found}] MATCH ({var})"

    def sub(m: re.Match) -> str:
        labels = bound.get(("labels", m.group(2)))
        if labels is None:
            return m.group(0)
        return f":{'|'.join(labels or schema.ENTITY_LABELS[:1])} {m.group(1)}"

    def one_label(label: str) -> Any:
        return lambda m: f":{label} {m.group(1)}"

    branches = text.split("\nUNION\n")
    if len(branches) > 1:  # a union's rows are distinct: one branch per label, each by key
        out = []
        for branch in branches:
            names = {m.group(2) for m in _ENTITY_ID_PARAM.finditer(branch)}
            labels = bound.get(("labels", next(iter(names)))) if len(names) == 1 else None
            if labels and len(labels) > 1:
                out += [_ENTITY_ID_PARAM.sub(one_label(label), branch) for label in labels]
            else:
                out.append(branch)
        text = "\nUNION\n".join(out)
    return _ENTITY_ID_PARAM.sub(sub, _ENTITY_ID_MATCH.sub(by_node, text))


def derive(query: NamedQuery, params: dict[str, Any] | None, engine: str, run: Any
           ) -> dict[str, Any]:
    """The values of the query's `// derive:` statements, each the first value of the last row
    its Cypher answers (its default, or None, when it answers none); run(text, values) ->
    (columns, rows) asks the engine. A query uses them to narrow what it sorts, e.g. to the
    rows at or above the n-th largest count, found first on integers alone. An entity matched
    by `(e:{{ENTITY}} {id: $name})` is also looked up by key in each entity table, and the
    pattern keeps only the labels that hold it (key ("labels", name)). For a query with
    `// ends: a, b` on the embedded store, whose engine searches a path from one end only and
    reads the whole neighbourhood of that end within the distance found, the search starts at
    b when b's papers two hops away (the stored paper_count of what it names) are fewer than
    a's; `finish` turns the paths back, so the rows are the same (up to 3.5x faster between
    corpus papers 4 hops apart, docs/scale.md)."""
    bound = bind(query, params)
    defaults = dict(query.derived_defaults)
    out: dict[str, Any] = {}
    for name, text in query.derived:
        text = expand(text, query, bound)
        used = set(re.findall(r"\$(\w+)", text))
        rows = run(*to_dialect(text, engine, {k: v for k, v in bound.items() if k in used}))[1]
        out[name] = rows[-1][0] if rows else defaults.get(name)
    if query.ends and engine == EMBEDDED and all(isinstance(bound.get(n), str)
                                                 for n in query.ends):
        text = _FAN_OUT.format(rels=macros()["MENTION_RELS"])
        # (a sum comes back as a decimal, normalised to its text)
        fan = [int((run(text, {"v": bound[n]})[1] or [[None]])[0][0] or 0) for n in query.ends]
        if fan[1] < fan[0]:
            out[_SEARCH_FROM_END] = True
    for name in sorted(set(m.group(2) for m in _ENTITY_ID_PARAM.finditer(query.text))):
        if not isinstance(bound.get(name), str):
            continue
        if engine == EMBEDDED:  # the entity labels holding that id and their nodes, by key
            found = {label: run(_NODE_ID.format(label=label), {"v": bound[name]})[1]
                     for label in schema.ENTITY_LABELS}
            out[("labels", name)] = [label for label in schema.ENTITY_LABELS if found[label]]
            out[("node ids", name)] = [row[0] for rows in found.values() for row in rows]
        else:  # the entity labels holding that id, by key
            out[("labels", name)] = [
                label for label in schema.ENTITY_LABELS
                if run(_HAS_ID.format(label=label), {"v": bound[name]})[1][0][0]]
    return out


def sort_key(value: Any) -> Any:
    """A total order over normalised values (paths by their node keys)."""
    if isinstance(value, dict) and "_nodes" in value:  # then parallel relationships apart
        return (3, tuple(n.get("_key") or "" for n in value["_nodes"]),
                tuple(r.get("_label") or "" for r in value["_rels"]),
                tuple(str(sorted((k, str(v)) for k, v in r.items())) for r in value["_rels"]))
    if isinstance(value, dict):
        return (2, str(value.get("_key", sorted(value.items(), key=str))))
    if isinstance(value, list):
        return (4, tuple(sort_key(v) for v in value))
    if value is None:
        return (0, "")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (1, value, "")
    return (1, float("-inf"), str(value))


def finish(query: NamedQuery, params: dict[str, Any] | None,
           result: tuple[list[str], list[list[Any]]]) -> tuple[list[str], list[list[Any]]]:
    """Rows of a `// sort: rows` query sorted and cut to its limit; others unchanged. Paths of
    a query with `// ends: a, b` run from a to b (derive may have searched from b)."""
    columns, rows = result
    if query.ends:
        rows = [[_oriented(v, query.ends, params or {}) for v in row] for row in rows]
    if not query.sort_rows:
        return columns, rows
    rows = sorted(rows, key=lambda row: tuple(sort_key(v) for v in row))
    limit = bind(query, params).get("limit")
    return columns, rows[:limit] if limit is not None else rows


def _oriented(value: Any, ends: tuple[str, str], params: dict[str, Any]) -> Any:
    """A path from the node with id params[ends[1]] to the one with params[ends[0]] turned
    around; any other value unchanged."""
    if not (isinstance(value, dict) and value.get("_nodes")):
        return value
    first, last = value["_nodes"][0].get("id"), value["_nodes"][-1].get("id")
    a, b = params.get(ends[0]), params.get(ends[1])
    if a == b or (first, last) != (b, a):
        return value
    return {"_nodes": value["_nodes"][::-1], "_rels": value["_rels"][::-1]}


_PAPER_ID_PARAM = re.compile(r":\s*Paper\s*\{\s*id\s*:\s*\$(\w+)\s*\}")
_FIND_PAPER = ("MATCH (p:Paper) WHERE p.id = $v OR toLower(p.title) = toLower($v) "
               "RETURN p.id AS id, p.title AS title ORDER BY id")
# A key lookup (both engines index Paper.id): answers most calls without reading every title.
_PAPER_BY_ID = "MATCH (p:Paper {id: $v}) RETURN p.id AS id"


def paper_params(query: NamedQuery) -> list[str]:
    """The parameters a query matches a paper's id with (`(:Paper {id: $paper})`)."""
    return sorted(set(_PAPER_ID_PARAM.findall(query.text)))


def resolve_papers(query: NamedQuery, params: dict[str, Any] | None,
                   run: Any) -> dict[str, Any] | None:
    """params with each paper parameter that is not a paper id but a paper's title (any case)
    replaced by that paper's id; run(text, values) -> (columns, rows) asks the engine."""
    out = dict(params or {})
    for name in paper_params(query):
        value = out.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        if run(_PAPER_BY_ID, {"v": value})[1]:
            continue  # already a paper's id: no need to scan titles
        rows = run(_FIND_PAPER, {"v": value.strip()})[1]
        if len(rows) > 1:
            raise UserError(f"{len(rows)} papers are titled {value!r}: give one id with "
                            f"--param {name}=... ({', '.join(pid for pid, _ in rows[:5])})")
        if rows:
            out[name] = rows[0][0]
    return out


def ask(name: str, params: dict[str, Any] | None = None, db=None, neo4j=None
        ) -> tuple[list[str], list[list[Any]]]:
    """Run a named query on the embedded store (default) or on Neo4j (settings or True).

    A parameter matched against a paper's id also takes the paper's title."""
    query = get_query(name)
    bind(query, params)  # report missing or unknown parameters before touching the engine
    if neo4j:
        from paperkg.graph.neo4j_store import Neo4jSettings, run_cypher

        settings = neo4j if isinstance(neo4j, Neo4jSettings) else Neo4jSettings()
        params = resolve_papers(query, params,
                                lambda text, values: run_cypher(text, values, settings))
        derived = derive(query, params, NEO4J,
                         lambda text, values: run_cypher(text, values, settings))
        text, values = prepare(name, params, NEO4J, derived)
        return finish(query, params, run_cypher(text, values, settings))
    from paperkg.cypher import adjacency
    from paperkg.graph.ladybug_store import db_path

    path = db_path(db)
    key = adjacency.store_key(path)  # before opening: the arrays are kept only if unchanged
    with embedded_connection(db) as conn:
        return ask_on(conn, name, params, path, key)


def ask_on(conn, name: str, params: dict[str, Any] | None = None, db=None,
           key_before: list | None = None) -> tuple[list[str], list[list[Any]]]:
    """Run a named query as `ask` does on an open connection to the embedded store at db (a
    query with `// embedded:` answers from the store's compact arrays when db is given;
    key_before: adjacency.store_key(db) taken before conn was opened, to keep them)."""
    query = get_query(name)
    params = resolve_papers(query, params,
                            lambda text, values: run_embedded_on(conn, text, values))
    if query.embedded and db is not None:
        from paperkg.cypher import adjacency

        adj = adjacency.load(conn, Path(db), key_before)
        return finish(query, params, getattr(adjacency, query.embedded)(
            adj, conn, bind(query, params)))
    derived = derive(query, params, EMBEDDED,
                     lambda text, values: run_embedded_on(conn, text, values))
    text, values = prepare(name, params, EMBEDDED, derived)
    return finish(query, params, run_embedded_on(conn, text, values))
