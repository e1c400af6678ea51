"""CLI verbs of the embedded store: build, query, stats."""

from __future__ import annotations

import json
import sys

import click

from paperkg.graph.clikit import (
    db_option,
    format_option,
    param_option,
    parse_params,
    print_rows,
    progress,
)


def _neo4j_settings(ctx_params: dict):
    """Neo4j settings from the build command's --neo4j options."""
    from paperkg.graph.neo4j_store import Neo4jSettings

    kwargs = {k: ctx_params.get(k) for k in ("uri", "user", "password", "database")}
    return Neo4jSettings(**{k: v for k, v in kwargs.items() if v})


@click.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--workers", "-w", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extraction processes (spaCy n_process).")
@click.option("--rebuild", is_flag=True, help="Replace the store instead of updating it.")
@click.option("--neo4j", "to_neo4j", is_flag=True,
              help="Also load the graph into Neo4j (see --uri/--user/--password/--database).")
@click.option("--uri", default=None, help="Neo4j URI [env NEO4J_URI].")
@click.option("--user", default=None, help="Neo4j user [env NEO4J_USERNAME].")
@click.option("--password", default=None, help="Neo4j password [env NEO4J_PASSWORD].")
@click.option("--database", default=None, help="Neo4j database [env NEO4J_DATABASE].")
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build_cmd(paths, db, workers, rebuild, to_neo4j, uri, user, password, database, as_json,
              quiet):
    """Read listings (files or folders), extract entities and citations, write the graph.

    PATHS are Hugging Face papers pages saved as text, JSON or JSON Lines files, or folders of
    them. The store (default ./paperkg.lbug) is updated in place atomically: rebuilding the same
    listings changes nothing, overlapping ones add only what is new.
    """
    from paperkg.graph.pipeline import build

    neo = _neo4j_settings(
        {"uri": uri, "user": user, "password": password, "database": database}
    ) if to_neo4j else None
    bar = None if quiet or as_json else progress
    report = build(paths, db=db, workers=workers, rebuild=rebuild, neo4j=neo, progress=bar)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    _print_report(report)


def _print_report(report) -> None:
    """The human summary of a build."""
    r = report.read
    click.echo(
        f"read {r['files']} file{'s' if r['files'] != 1 else ''}: {r['records']} records, "
        f"{r['merged']} merged duplicates -> {r['papers']} papers "
        f"({report.new_papers} new, {report.total_papers} in store)"
    )
    for path, reason in report.skipped:
        click.echo(f"skipped {path}: {reason}", err=True)
    if r.get("no_abstract"):
        click.echo(f"note: {r['no_abstract']} papers have a title but no abstract", err=True)
    rows = [[label, n] for label, n in report.nodes.items() if n]
    rows += [[f"-[{rel}]->", n] for rel, n in report.relationships.items() if n]
    print_rows(["type", "count"], rows, "table", title=f"{report.db} ({report.mode})",
               count=False)
    c = report.citations or {}
    if c:
        click.echo(
            f"citations: {c.get('cites_inferred', 0)} inferred, "
            f"{c.get('unattributed_mentions', 0)} mentions left unattributed, "
            f"{c.get('shared_names', 0)} shared names, "
            f"{c.get('temporal_conflicts', 0)} temporal conflicts (details: --json)")
    if report.neo4j:
        click.echo("neo4j: " + report.neo4j["summary"])


@click.command("query")
@click.argument("cypher")
@param_option
@format_option
@db_option
@click.option("--write", is_flag=True, help="Allow the query to change the store.")
def query_cmd(cypher, params, fmt, db, write):
    """Run a Cypher query on the embedded store (values go in --param, never in the text).

    Example: paperkg query "MATCH (p:Paper) WHERE p.title CONTAINS $w RETURN p.title"
    --param w=Code
    """
    from paperkg.graph.ladybug_store import query

    if cypher == "-":
        cypher = sys.stdin.read()
    columns, rows = query(cypher, parse_params(params), db=db, write=write)
    print_rows(columns, rows, fmt)


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
