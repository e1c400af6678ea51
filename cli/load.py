"""`paperkg load neo4j`: the embedded store's graph into Neo4j over Bolt."""

from __future__ import annotations

import json

import click

from paperkg.cli.kit import db_option, json_option, neo4j_options, progress, quiet_option


@click.command("load")
@click.argument("target", type=click.Choice(["neo4j"]), metavar="neo4j")
@neo4j_options
@db_option
@click.option("--batch-size", type=click.IntRange(1, 1_000_000), default=10_000,
              show_default=True, help="Rows per UNWIND batch (one write transaction each).")
@click.option("--writers", type=click.IntRange(1, 16), default=1, show_default=True,
              help="Sessions writing batches at once (for a server with idle cores: it runs "
                   "each transaction on one core).")
@json_option
@quiet_option
def load_cmd(target, neo4j_settings, db, batch_size, writers, as_json, quiet):
    """Load the embedded store's graph into Neo4j over Bolt.

    Constraints and indexes come first, then nodes and relationships in batched MERGE
    transactions. Loading again changes nothing; an overlapping graph adds only what is new.
    """
    from paperkg.graph.neo4j_store import load_neo4j

    report = load_neo4j(db, neo4j_settings, batch_size=batch_size, writers=writers,
                        progress=None if quiet or as_json else progress)
    if as_json:
        click.echo(json.dumps(vars(report), indent=2))
    else:
        click.echo(report.summary())
