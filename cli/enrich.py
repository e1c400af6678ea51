"""`paperkg enrich`: metadata and real references from OpenAlex or Semantic Scholar."""

from __future__ import annotations

import json

import click

from paperkg.cli.kit import db_option, json_option, progress, quiet_option


@click.command("enrich")
@click.option("--source", "source", type=click.Choice(["openalex", "semanticscholar"]),
              default="openalex", show_default=True, help="Service to ask.")
@click.option("--offline", is_flag=True, help="Serve only what the cache holds; no network.")
@click.option("--cache", "cache", type=click.Path(file_okay=False), default=None,
              help="Response cache folder [env PAPERKG_CACHE; default ~/.cache/paperkg].")
@click.option("--url", "base_url", default=None, metavar="URL",
              help="Service base URL [env PAPERKG_OPENALEX_URL / PAPERKG_S2_URL].")
@click.option("--interval", type=click.FloatRange(0), default=None, metavar="SECONDS",
              help="Seconds between requests [openalex 0.12, semanticscholar 1.1].")
@click.option("--retries", type=click.IntRange(0, 10), default=4, show_default=True,
              help="Retries of a failed request (exponential backoff).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Enrich at most N papers.")
@db_option
@json_option
@quiet_option
def enrich_cmd(source, offline, cache, base_url, interval, retries, limit, db, as_json, quiet):
    """Add authors, venue, DOI and real references (CITES, source=service) to the store.

    Papers are looked up by arXiv id, DOI, then title. Every response is cached (so a rerun,
    or --offline, costs no requests) and a service failure keeps what was already enriched.
    """
    from paperkg.graph.enrich.run import enrich
    from paperkg.graph.ladybug_store import query

    _, rows = query("MATCH (p:Paper) RETURN count(p)", db=db)
    total = min(int(rows[0][0]), limit) if limit else int(rows[0][0])
    show = False if quiet or as_json else None
    with progress(f"enrich ({source})", total, enabled=show) as advance:
        report = enrich(source, db=db, offline=offline, cache=cache, base_url=base_url,
                        interval=interval, retries=retries, limit=limit, progress=advance)
    if as_json:
        click.echo(json.dumps(report.summary(), indent=2))
        return
    s = report.summary()
    click.echo(f"{source}: {s['matched']} of {s['papers']} papers matched "
               f"({s['fetched']} requests, {s['from_cache']} from cache, {s['not_found']} not "
               f"found" + (f", {s['not_cached']} not in the cache" if offline else "") + ")")
    click.echo(f"updated {s['updated']} papers; {s['citations']} CITES edges "
               f"(source={source}), {s['references_outside']} references outside the store, "
               f"{s['temporal_conflicts']} temporal conflicts")
    if s.get("all_conflicts") is not None:
        click.echo(f"dates refreshed: {s['all_conflicts']} CITES edges (any source) now flagged "
                   "temporal_conflict")
