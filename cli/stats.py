"""`paperkg stats`: count nodes and relationships by type."""

from __future__ import annotations

import click

from paperkg.cli.kit import db_option, format_option, print_rows


@click.command("stats")
@db_option
@format_option
def stats_cmd(db, fmt):
    """Count nodes by label and relationships by type in the embedded store."""
    from paperkg.graph.ladybug_store import stats

    s = stats(db)
    rows = [["node", k, v] for k, v in s["nodes"].items()]
    rows += [["relationship", k, v] for k, v in s["relationships"].items()]
    print_rows(["kind", "type", "count"], rows, fmt)
