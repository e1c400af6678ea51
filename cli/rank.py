"""`paperkg rank`: papers by citations or PageRank, entities by (rising) use."""

from __future__ import annotations

import click

from paperkg.cli.kit import db_option, format_option, print_rows


@click.command("rank")
@click.option("--by", "by", type=click.Choice(["citations", "pagerank", "usage", "rising"]),
              default="citations", show_default=True,
              help="citations/pagerank rank papers; usage/rising rank entities.")
@click.option("--type", "type_", default=None, metavar="LABEL",
              help="Entity type(s) for usage/rising, e.g. Benchmark or Dataset,Benchmark "
                   "[usage default: Dataset,Benchmark].")
@click.option("--source", "source", default=None, metavar="SOURCE",
              help="Citation source: inferred, openalex, semanticscholar, enriched or all "
                   "[default all].")
@click.option("--limit", "-n", type=click.IntRange(1), default=20, show_default=True,
              help="Show at most N rows.")
@format_option
@db_option
def rank_cmd(by, type_, source, limit, fmt, db):
    """Rank papers by citations or PageRank, or datasets/benchmarks by use (or rising use)."""
    from paperkg.graph.analytics import rank

    columns, rows = rank(by=by, type=type_, source=source, db=db, limit=limit)
    title = f"rank by {by}" + (f" ({type_})" if type_ else "") + (
        f" [source {source}]" if source else "")
    print_rows(columns, rows, fmt, title=title)
