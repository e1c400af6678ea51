"""`paperkg ask`: run a named query from the Cypher library (embedded store or Neo4j)."""

from __future__ import annotations

import json

import click

from paperkg.cli.kit import (
    db_option,
    display,
    format_option,
    neo4j_options,
    parse_params,
    print_rows,
)
from paperkg.core.errors import UserError


@click.command("ask")
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the named queries and their params.")
@click.option("--param", "-p", "params", multiple=True, metavar="K=V",
              help="Query parameter (repeatable), typed as the query declares it (see --list); "
                   "K:=V parses V as JSON.")
@format_option
@db_option
@click.option("--neo4j", "on_neo4j", is_flag=True,
              help="Run on Neo4j (see --uri/--user/--password/--database) instead of the store.")
@neo4j_options
@click.option("--cypher", "show_cypher", is_flag=True,
              help="Print the query as sent to the engine (with its parameters) and stop.")
def ask_cmd(name, list_, params, fmt, db, on_neo4j, neo4j_settings, show_cypher):
    """Run a named query from the library, e.g. `paperkg ask most_cited --param limit=5`.

    Every query answers the same on the embedded store and on Neo4j. A parameter that names a
    paper (paper, source, target) takes its id or its title (any case).
    """
    from paperkg.cypher import library

    if list_ or not name:
        if not list_:
            raise UserError("name a query (see `paperkg ask --list`)")
        rows = [[q.name, q.signature, q.description] for q in library.list_queries()]
        print_rows(["query", "params", "description"], rows, fmt)
        return
    values = parse_params(params, typed=False)
    if show_cypher:
        engine = library.NEO4J if on_neo4j else library.EMBEDDED
        text, bound = library.prepare(name, values, engine)
        query = library.get_query(name)
        for derived, first in query.derived:  # run first, by `ask`
            first = library.expand(first, query, library.bind(query, values))
            click.echo(f"// ${derived} = first value of the last row of: "
                       + library.to_dialect(first, engine)[0])
        click.echo(text)
        click.echo("// params: " + json.dumps(bound, ensure_ascii=False))
        return
    columns, rows = library.ask(name, values, db=db, neo4j=neo4j_settings if on_neo4j else None)
    print_rows(columns, [[display(v) for v in row] for row in rows], fmt)

