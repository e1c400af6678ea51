"""`paperkg sparql`: read-only SPARQL over the graph as RDF."""

from __future__ import annotations

import click

from paperkg.cli.kit import base_option, db_option, format_option, print_rows


@click.command("sparql")
@click.argument("query")
@format_option
@db_option
@base_option
@click.option("--allow-service", is_flag=True,
              help="Permit SERVICE clauses (they query other endpoints over the network).")
def sparql_cmd(query: str, fmt: str, db: str | None, base: str | None,
               allow_service: bool) -> None:
    """Run a read-only SPARQL query over the graph as RDF.

    Every prefix of the export is predeclared (pkg:, schema:, dcterms:, cito:, prov:, paper:,
    method:, dataset:, ...). SELECT prints its variables; ASK one boolean; CONSTRUCT and
    DESCRIBE print subject, predicate, object rows. Use @FILE to read the query from a file.
    Updates are not accepted, and SERVICE (federation) is refused unless --allow-service.
    """
    from paperkg.core.errors import UserError
    from paperkg.graph.rdf.sparql import sparql

    if query.startswith("@"):
        try:
            with open(query[1:], encoding="utf-8") as fh:
                query = fh.read()
        except OSError as exc:
            raise UserError(f"cannot read query file {query[1:]}: {exc.strerror}") from None
    columns, rows = sparql(query, db=db, base=base, compact=fmt == "table",
                           allow_service=allow_service)
    print_rows(columns, rows, fmt)
