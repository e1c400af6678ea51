"""`paperkg leaderboard` and `paperkg results`: results from the graph, on either engine."""

from __future__ import annotations

import click

from paperkg.cli.kit import db_option, format_option, neo4j_options, print_rows

_TABLE = ("rank", "system", "value", "condition", "metric", "paper", "evidence")


@click.command("leaderboard")
@click.argument("benchmark")
@click.option("--metric", "-m", default=None, help="Only results by this metric (any alias).")
@format_option
@db_option
@click.option("--neo4j", "on_neo4j", is_flag=True, help="Read from Neo4j instead of the store.")
@neo4j_options
def leaderboard_cmd(benchmark, metric, fmt, db, on_neo4j, neo4j_settings):
    """Who scored what on BENCHMARK (a benchmark or dataset, by any alias), best first where
    the metric's direction is known; one row per system, paper, value and condition."""
    from paperkg.graph.leaderboard import COLUMNS, clip, leaderboard

    board = leaderboard(benchmark, metric, db=db, neo4j=neo4j_settings if on_neo4j else None)
    columns = _TABLE if fmt == "table" else COLUMNS
    title = f"{board.benchmark}" + (f" by {board.metric}" if board.metric else "")
    if fmt == "table":  # narrow: the paper by its title, the evidence around the value
        for r in board.rows:
            r["evidence"] = clip(r["evidence"], r["value"], 45)
            r["paper"] = r["title"] or r["paper"]
    print_rows(list(columns), [[r[c] for c in columns] for r in board.rows], fmt,
               title=title if fmt == "table" else None)
    for note in board.notes:
        click.echo(f"note: {note}", err=fmt != "table")


@click.command("results")
@click.argument("paper")
@format_option
@db_option
@click.option("--neo4j", "on_neo4j", is_flag=True, help="Read from Neo4j instead of the store.")
@neo4j_options
def results_cmd(paper, fmt, db, on_neo4j, neo4j_settings):
    """The results PAPER (a paper id or title) reports, in text order, with their evidence."""
    from paperkg.graph.leaderboard import paper_results

    columns, rows = paper_results(paper, db=db, neo4j=neo4j_settings if on_neo4j else None)
    print_rows(columns, rows, fmt)
