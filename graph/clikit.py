"""Pieces every command shares: the store option, --param parsing, result formatting, progress."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from typing import Any

import click

from paperkg.graph.errors import UserError

DEFAULT_DB = "paperkg.lbug"


def default_db() -> str:
    """The embedded store path: $PAPERKG_DB or ./paperkg.lbug."""
    return os.environ.get("PAPERKG_DB") or DEFAULT_DB


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
    help="Query parameter (repeatable). V is parsed as JSON when it can be, else kept as text.",
)


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """Turn ["k=v", ...] into a dict; values that parse as JSON (numbers, lists) are typed."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UserError(f"--param takes K=V, got {pair!r}")
        try:
            out[key] = json.loads(value)
        except ValueError:
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
    """A value JSON can hold (nodes and relationships become dicts, dates strings)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items() if not str(k).startswith("_")}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


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
            writer.writerow([_cell(jsonable(v)) for v in row])
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
