"""What a read-only Cypher query may be: reading clauses only (an allow-list, not a deny-list).

A query is split into tokens outside string literals, comments and back-quoted names. It must be
one statement that starts with a reading clause (MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or an
allowed CALL), so every statement-level command (COPY, EXPORT, IMPORT, CHECKPOINT, INSTALL, LOAD,
ATTACH, USE, BEGIN, CREATE ... TABLE, DROP, ALTER and any the engines add later) is refused by
its first word. Inside the statement, any Cypher or LadybugDB statement keyword that is not a
reading keyword is refused, as are state-changing functions; property keys (`n.set`), labels
(`:COPY`) and map keys are names, not clauses. `CALL` is allowed only for the catalogue functions
named in READ_ONLY_CALLS, never for procedures, subqueries, settings or extensions.
"""

from __future__ import annotations

import re

from paperkg.core.errors import UserError

#: Keywords a read-only query may contain (clauses, sub-clauses and expression words).
READING = frozenset("""
MATCH OPTIONAL WHERE WITH UNWIND RETURN ORDER BY SKIP LIMIT UNION ALL DISTINCT AS ASC ASCENDING
DESC DESCENDING AND OR XOR NOT IN IS NULL TRUE FALSE CASE WHEN THEN ELSE END STARTS ENDS CONTAINS
EXISTS COUNT SHORTEST ALL_SHORTEST WSHORTEST ANY NONE SINGLE CALL YIELD
""".split())

#: Statement keywords of Cypher and LadybugDB that read-only queries may not use. Only used to
#: name the offending clause in the error: a keyword outside READING is refused either way.
STATEMENT_KEYWORDS = frozenset("""
CREATE MERGE SET DELETE DETACH REMOVE DROP ALTER COPY EXPORT IMPORT INSTALL UNINSTALL LOAD UPDATE
ATTACH USE CHECKPOINT BEGIN COMMIT ROLLBACK TRANSACTION FOREACH MACRO SEQUENCE COMMENT RENAME ADD
FROM TO GRANT REVOKE DENY SHOW TERMINATE START STOP FINISH INSERT TRUNCATE
""".split())

#: Functions that change the database's state (sequences).
WRITING_FUNCTIONS = frozenset({"nextval", "setval"})

#: Table functions of the embedded engine that only read the catalogue.
READ_ONLY_CALLS = frozenset({"show_tables", "table_info", "show_connection", "db_version",
                             "show_indexes", "show_functions"})

_TOKEN = re.compile(
    r"""
      (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")   # string literals
    | (?P<quoted>`[^`]*`)                             # back-quoted names
    | (?P<comment>//[^\n]*|/\*.*?\*/)                 # comments
    | (?P<param>\$\w+)                                # parameters
    | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
    | (?P<punct>[.:;{}(),\[\]]|\S)
    """,
    re.VERBOSE | re.DOTALL,
)


class WriteRefused(UserError):
    """A query given as read-only would write, load, export or change the engine's state."""

    exit_code = 2


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) for each token of a query, with comments dropped."""
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind == "comment":
            continue
        out.append((kind, m.group()))
    return out


def parameters(text: str) -> list[str]:
    """The $parameters a query names, in order of first use (strings and comments skipped)."""
    return list(dict.fromkeys(tok[1:] for kind, tok in _tokens(text) if kind == "param"))


def check_parameters(text: str, params: dict) -> None:
    """Raise UserError naming the $parameters the query uses but params lacks (the engine
    would silently read them as null)."""
    missing = [p for p in parameters(text) if p not in params]
    if missing:
        given = ", ".join(f"--param {p}=VALUE" for p in missing)
        raise UserError(f"the query uses ${', $'.join(missing)} but no value was given ({given})")


_OPEN, _CLOSE = "([{", ")]}"


def return_names(text: str) -> list[str] | None:
    """The column names of the query's last RETURN as written: the alias after AS, else the
    expression's own text (`count(p)`, not the engine's `COUNT(p._ID)`); None for RETURN *."""
    toks = [m for m in _TOKEN.finditer(text) if m.lastgroup != "comment"]
    depth, start = 0, None
    for i, m in enumerate(toks):
        tok = m.group()
        depth += (tok in _OPEN) - (tok in _CLOSE)
        if depth == 0 and m.lastgroup == "word" and tok.upper() == "RETURN":
            start = i + 1
    if start is None:
        return None
    if start < len(toks) and toks[start].group().upper() == "DISTINCT":
        start += 1
    items: list[list[re.Match]] = [[]]
    depth = 0
    for m in toks[start:]:
        tok = m.group()
        if depth == 0 and (tok == ";" or m.lastgroup == "word" and tok.upper() in {
                "ORDER", "SKIP", "LIMIT", "UNION"}):
            break
        depth += (tok in _OPEN) - (tok in _CLOSE)
        if depth == 0 and tok == ",":
            items.append([])
        else:
            items[-1].append(m)
    names = []
    for item in items:
        if not item or item[0].group() == "*":
            return None
        if len(item) > 2 and item[-2].lastgroup == "word" and item[-2].group().upper() == "AS":
            names.append(item[-1].group().strip("`"))
        else:
            names.append(" ".join(text[item[0].start():item[-1].end()].split()))
    return names


def refusal(text: str) -> str | None:
    """Why a query is not read-only, or None when every clause in it only reads."""
    if "\x00" in text:
        return "the query contains a NUL character"
    tokens = _tokens(text)
    statements = [[]]
    for kind, tok in tokens:
        if kind == "punct" and tok == ";":
            statements.append([])
        else:
            statements[-1].append((kind, tok))
    statements = [s for s in statements if s]
    if not statements:
        return "the query is empty"
    if len(statements) > 1:
        return "a read-only query is one statement (no ';' between statements)"
    toks = statements[0]
    if toks[0][1].upper() in {"EXPLAIN", "PROFILE"} and len(toks) > 1:
        toks = toks[1:]  # a plan of a reading query (PROFILE also runs it): reads only
    if toks[0][0] != "word" or toks[0][1].upper() not in {"MATCH", "OPTIONAL", "WITH", "UNWIND",
                                                           "RETURN", "CALL"}:
        return f"a read-only query starts with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or " \
               f"CALL, not {toks[0][1]!r}"
    for i, (kind, tok) in enumerate(toks):
        if kind != "word":
            continue
        prev = toks[i - 1][1] if i else ""
        nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
        if prev in {".", ":", "|"} or nxt == ":" and prev in {"{", ","}:
            continue  # a property key, label, relationship type or map key
        word = tok.upper()
        if word == "CALL":
            if nxt == "{":
                return "CALL { ... } subqueries are not allowed in a read-only query"
            name = nxt.lower()
            if name not in READ_ONLY_CALLS:
                return (f"CALL {nxt} is not allowed in a read-only query (allowed: "
                        f"{', '.join(sorted(READ_ONLY_CALLS))})")
            continue
        if nxt == "(" and word not in STATEMENT_KEYWORDS:
            if tok.lower() in WRITING_FUNCTIONS:
                return f"{tok}() changes the database"
            continue  # a function call such as count(...), label(...), exists(...)
        if word in READING:
            continue
        if word in STATEMENT_KEYWORDS:
            return f"{word} is not a reading clause"
    return None


def check_read_only(text: str) -> None:
    """Raise WriteRefused (one line, naming --write) unless the query only reads."""
    why = refusal(text)
    if why:
        raise WriteRefused(f"refused: {why}; this query would need --write "
                           "(read-only queries may only MATCH, WITH, UNWIND and RETURN)")
