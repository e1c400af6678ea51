"""The `paperkg export` and `paperkg sparql` verbs."""

from __future__ import annotations

import click

from paperkg.graph.clikit import db_option, format_option, print_rows
from paperkg.graph.export import FORMATS

base_option = click.option(
    "--base",
    default=None,
    metavar="IRI",
    help="Base IRI of paperkg's resources [default https://w3id.org/paperkg/].",
)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="turtle, ntriples, jsonld (RDF); graphml; csv (a zip of one file per type).")
@click.option("-o", "--output", "out", required=True, metavar="PATH",
              help="File to write (atomically: a temporary file, then a rename); - for stdout.")
@db_option
@base_option
def export_cmd(fmt: str, out: str, db: str | None, base: str | None) -> None:
    """Export the graph in the embedded store as RDF, GraphML or CSV."""
    from paperkg.graph.export import export

    result = export(fmt, out, db=db, base=base)
    if out != "-":
        what = f"{result.triples:,} triples" if result.triples is not None else \
            f"{result.nodes:,} nodes, {result.edges:,} relationships"
        click.echo(f"wrote {out} ({fmt}): {what} in {result.seconds:.2f} s", err=True)
    skipped = result.skipped_nodes + result.skipped_edges
    if skipped:
        click.echo(f"paperkg: warning: left out {result.skipped_nodes} nodes and "
                   f"{result.skipped_edges} relationships of unknown type", err=True)


@click.command("sparql")
@click.argument("query")
@format_option
@db_option
@base_option
def sparql_cmd(query: str, fmt: str, db: str | None, base: str | None) -> None:
    """Run a read-only SPARQL query over the graph as RDF.

    Every prefix of the export is predeclared (pkg:, schema:, dcterms:, cito:, prov:, paper:,
    method:, dataset:, ...). SELECT prints its variables; ASK one boolean; CONSTRUCT and
    DESCRIBE print subject, predicate, object rows. Use @FILE to read the query from a file.
    """
    from paperkg.core.errors import UserError
    from paperkg.graph.rdf import sparql

    if query.startswith("@"):
        try:
            with open(query[1:], encoding="utf-8") as fh:
                query = fh.read()
        except OSError as exc:
            raise UserError(f"cannot read query file {query[1:]}: {exc.strerror}") from None
    columns, rows = sparql(query, db=db, base=base, compact=fmt == "table")
    print_rows(columns, rows, fmt)
