"""`paperkg query`: Cypher on the embedded store, values as parameters."""

from __future__ import annotations

import sys

import click

from paperkg.cli.kit import db_option, format_option, param_option, parse_params, print_rows


@click.command("query")
@click.argument("cypher")
@param_option
@format_option
@db_option
@click.option("--write", is_flag=True, help="Allow the query to change the store.")
def query_cmd(cypher, params, fmt, db, write):
    """Run a Cypher query on the embedded store (values go in --param, never in the text).

    CYPHER is the query text, or - to read it from stdin.

    Example: paperkg query "MATCH (p:Paper) WHERE p.title CONTAINS $w RETURN p.title"
    --param w=Code
    """
    from paperkg.graph.ladybug_store import query

    if cypher == "-":
        cypher = sys.stdin.read()
    columns, rows = query(cypher, parse_params(params), db=db, write=write)
    print_rows(columns, rows, fmt)
