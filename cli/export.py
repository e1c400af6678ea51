"""`paperkg export`: the graph as RDF, GraphML or CSV."""

from __future__ import annotations

import click

from paperkg.cli.kit import base_option, db_option
from paperkg.graph.export import FORMATS


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="turtle, ntriples, jsonld (RDF); graphml; csv (a zip of one CSV file per "
                   "type: -o NAME.zip); neo4j-import (a new folder of neo4j-admin import "
                   "files: -o FOLDER).")
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
