"""Pieces every command shares: store and Neo4j options, --param parsing, output, progress."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from typing import Any

import click

from paperkg.core.config import DEFAULT_NEO4J_URI, DEFAULT_NEO4J_USER
from paperkg.core.csvcells import safe_row
from paperkg.core.errors import UserError

db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Embedded store (LadybugDB) file [env PAPERKG_DB; default ./paperkg.lbug].",
)

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)

param_option = click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="K=V",
    help="Query parameter (repeatable). K=V: whole numbers, true/false/null and [..]/{..} are "
         "typed, anything else is text (so ids like 2401.00010 stay text); K:=V parses V as "
         "JSON (e.g. a float).",
)

base_option = click.option(
    "--base",
    default=None,
    metavar="IRI",
    help="Base IRI of paperkg's resources [default https://w3id.org/paperkg/].",
)


quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")

json_option = click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")


def neo4j_options(func: Callable) -> Callable:
    """Decorator: --uri/--user/--password/--database, passed on as `neo4j_settings`."""
    @functools.wraps(func)
    def wrapper(*args, uri, user, password, database, **kwargs):
        from paperkg.graph.neo4j_store import Neo4jSettings

        kwargs["neo4j_settings"] = Neo4jSettings(uri, user, password, database or None)
        return func(*args, **kwargs)

    options = [
        click.option("--uri", envvar="NEO4J_URI", default=DEFAULT_NEO4J_URI, show_default=True,
                     help="Neo4j URI: bolt://, neo4j:// (routing), or +s/+ssc variants "
                          "[env NEO4J_URI]."),
        click.option("--user", envvar="NEO4J_USERNAME", default=DEFAULT_NEO4J_USER,
                     show_default=True,
                     help="Neo4j user [env NEO4J_USERNAME]."),
        click.option("--password", envvar="NEO4J_PASSWORD", default="", show_default=False,
                     help="Neo4j password [env NEO4J_PASSWORD]."),
        click.option("--database", envvar="NEO4J_DATABASE", default=None,
                     help="Neo4j database [env NEO4J_DATABASE; default: the server's default]."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


_TYPED = re.compile(r"-?(?:0|[1-9]\d{0,17})|true|false|null|\[.*\]|\{.*\}", re.S)


def parse_params(pairs: Iterable[str], typed: bool = True) -> dict[str, Any]:
    """Turn ["k=v", "k:=json", ...] into a dict (see --param for the typing rules); with
    typed=False every k=v value stays text (the query library types them itself)."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        explicit = key.endswith(":")
        key = key.rstrip(":").strip()
        if not sep or not key:
            raise UserError(f"--param takes K=V, got {pair!r}")
        if explicit or typed and _TYPED.fullmatch(value.strip()):
            try:
                out[key] = json.loads(value)
                continue
            except ValueError:
                if explicit:
                    raise UserError(f"--param {key}:= needs JSON, got {value!r}") from None
        out[key] = value
    return out


def _cell(value: Any) -> str:
    """Plain-text rendering of one value."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def jsonable(value: Any) -> Any:
    """A value JSON can hold: engine nodes keep their label and properties, relationships their
    type and properties, paths become {"nodes": [...], "rels": [...]}; internal ids are dropped."""
    if isinstance(value, dict):
        if "_NODES" in value or "_nodes" in value:
            return {"nodes": jsonable(value.get("_NODES", value.get("_nodes"))),
                    "rels": jsonable(value.get("_RELS", value.get("_rels")))}
        label = value.get("_LABEL", value.get("_label"))
        out = {"_label": label} if label is not None else {}
        out.update({str(k): jsonable(v) for k, v in value.items() if not str(k).startswith("_")})
        return out
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def display(value: Any) -> Any:
    """A value in the query library's normalised shape (nodes with _key, relationships with
    _src/_dst, paths with _nodes/_rels) as printed: plain keys, empty properties left out."""
    if isinstance(value, dict) and "_nodes" in value:
        return {"nodes": [display(n) for n in value["_nodes"]],
                "relationships": [display(r) for r in value["_rels"]]}
    if isinstance(value, dict) and "_src" in value:
        head = {"type": value["_label"], "from": value["_src"], "to": value["_dst"]}
        return head | _props(value)
    if isinstance(value, dict) and "_key" in value:
        head = {"label": value["_label"], "key": value["_key"]}
        return head | _props(value)
    if isinstance(value, list):
        return [display(v) for v in value]
    return value


def _props(value: dict) -> dict:
    """The properties of a node or relationship that have a value."""
    return {k: v for k, v in value.items() if not k.startswith("_") and v not in (None, [])}


def print_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str,
               title: str | None = None, count: bool = True) -> None:
    """Write result rows to stdout as a rich table, JSON (list of objects) or CSV."""
    if fmt == "json":
        data = [dict(zip(columns, (jsonable(v) for v in row), strict=False)) for row in rows]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(safe_row([_cell(jsonable(v)) for v in row]))
        click.echo(buf.getvalue(), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(str(col), overflow="fold")
    for row in rows:
        table.add_row(*(_escape(_cell(jsonable(v))) for v in row))
    Console(soft_wrap=False).print(table)
    if count:
        click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _escape(text: str) -> str:
    """Text shown verbatim by rich (listing data may contain [markup])."""
    from rich.markup import escape

    return escape(text)


@contextmanager
def progress(description: str, total: int | None, enabled: bool | None = None):
    """A rich progress bar on stderr (only on a terminal, unless enabled is given)."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)
