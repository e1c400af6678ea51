"""`paperkg build`: read listings, extract entities and citations, write the graph."""

from __future__ import annotations

import json

import click

from paperkg.cli.kit import (
    db_option,
    json_option,
    neo4j_options,
    print_rows,
    progress,
    quiet_option,
)


@click.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--workers", "-w", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extraction worker processes.")
@click.option("--rebuild", is_flag=True, help="Replace the store instead of updating it.")
@click.option("--neo4j", "to_neo4j", is_flag=True,
              help="Also load the graph into Neo4j (see --uri/--user/--password/--database).")
@click.option("--min-citation-confidence", "min_conf", type=click.FloatRange(0, 1),
              default=None, help="Leave out inferred citations less sure than this "
              "[default: 0.75, chosen by measurement: docs/citations.md].")
@click.option("--fast", is_flag=True,
              help="Rules only: skip the learned model (faster, lower recall).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where extraction runs: local processes, or Dask "
              "(shards of papers on the cluster at --scheduler; without it a local cluster of "
              "--workers processes).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address for --engine dask (tcp://host:8786).")
@neo4j_options
@json_option
@quiet_option
def build_cmd(paths, db, workers, rebuild, to_neo4j, min_conf, fast, engine, scheduler,
              neo4j_settings, as_json, quiet):
    """Read listings (files or folders), extract entities and citations, write the graph.

    PATHS are Hugging Face papers pages saved as text, JSON or JSON Lines files, or folders of
    them. The store (default ./paperkg.lbug) is updated in place atomically: rebuilding the same
    listings changes nothing, overlapping ones add only what is new.
    """
    if workers > 1 and engine == "local" and not rebuild and not to_neo4j:
        from pathlib import Path

        from paperkg.core.config import default_db
        from paperkg.extractors.workers import start_fork_server

        if Path(db or default_db()).is_file():
            # an update: its papers are extracted in a process of the workers' fork server
            # (pipeline.Ahead, or a pool), which imports spaCy for about a second: started
            # before this process imports the build's modules (networkx, ...), not after
            start_fork_server()
    from paperkg.graph.pipeline import build

    bar = None if quiet or as_json else progress
    report = build(paths, db=db, workers=workers, rebuild=rebuild,
                   neo4j=neo4j_settings if to_neo4j else None, progress=bar,
                   min_citation_confidence=min_conf, fast=fast, engine=engine,
                   scheduler=scheduler)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    _print_report(report)


def _print_report(report) -> None:
    """The human summary of a build."""
    from paperkg.readers import read_notes

    r = report.read
    click.echo(
        f"read {r['files']} file{'s' if r['files'] != 1 else ''}: {r['records']} records, "
        f"{r['merged']} merged duplicates -> {r['papers']} papers "
        f"({report.new_papers} new, {report.total_papers} in store)"
    )
    if report.mode == "upsert":
        kept = report.total_papers - report.extracted
        click.echo(f"extracted {report.extracted} new or changed papers; {kept} kept the "
                   "extraction the store holds")
        w = report.written
        if w is not None:
            click.echo(f"wrote only the difference: {w['added']} rows added, {w['changed']} "
                       f"changed, {w['removed']} removed ({w['state']} paper states)")
    for path, reason in report.skipped:
        click.echo(f"skipped {path}: {reason}", err=True)
    for line in read_notes(r):
        click.echo(line, err=True)
    if r.get("no_abstract"):
        click.echo(f"note: {r['no_abstract']} papers have a title but no abstract", err=True)
    rows = [[label, n] for label, n in report.nodes.items() if n]
    rows += [[f"-[{rel}]->", n] for rel, n in report.relationships.items() if n]
    print_rows(["type", "count"], rows, "table", title=f"{report.db} ({report.mode})",
               count=False)
    c = report.citations or {}
    if c:
        click.echo(
            f"citations: {c.get('cites_inferred', 0)} inferred "
            f"(confidence >= {c.get('min_confidence', 0)}; "
            f"{c.get('temporal_unknown', 0)} with dates unknown), "
            f"{c.get('ambiguous_mentions', 0)} mentions of names claimed twice, "
            f"{c.get('later_paper_mentions', 0)} of later papers' names, "
            f"{c.get('below_threshold', 0)} below the threshold (details: --json)")
    if report.neo4j:
        click.echo("neo4j: " + report.neo4j["summary"])
