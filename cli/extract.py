"""`paperkg extract`: entities, roles, aliases, repositories and links as JSON Lines."""

from __future__ import annotations

import json

import click

from paperkg.cli.kit import print_rows, progress, quiet_option


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True, help="One JSON object per paper, or a table of entities.")
@click.option("--workers", "-w", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extraction worker processes.")
@click.option("--fast", is_flag=True,
              help="Rules only: skip the learned model (faster, lower recall).")
@quiet_option
def extract_cmd(paths, fmt, workers, fast, quiet):
    """Extract named entities, roles, aliases, repositories and links from listings.

    PATHS are listings (Hugging Face pages saved as text), JSON or JSON Lines files, or folders.
    """
    from paperkg.readers import read_listings, read_notes

    result = read_listings(list(paths))  # before spaCy loads: bad input fails fast
    from paperkg.extractors.pipeline import extract

    for path, reason in result.skipped:
        click.echo(f"skipped {path}: {reason}", err=True)
    for line in read_notes(result.summary()):
        click.echo(line, err=True)
    papers = result.papers
    with progress("extracting", len(papers), enabled=False if quiet else None) as advance:
        exs = extract(papers, workers=workers, progress=advance, fast=fast)
    if fmt == "jsonl":
        for p, ex in zip(papers, exs, strict=True):
            click.echo(json.dumps(ex.to_json(p.title), ensure_ascii=False))
        return
    rows = []
    for p, ex in zip(papers, exs, strict=True):
        short = p.title if len(p.title) <= 30 else p.title[:29] + "…"
        for e in ex.entities:
            rows.append([short, e.name, e.type, e.role[:5], ", ".join(e.aliases),
                         f"{e.confidence:.2f}"])
        for r in ex.repos:
            rows.append([short, r.url, "REPO", "", "", ""])
        for r in ex.links:
            rows.append([short, r.url, "LINK", "", "", ""])
    print_rows(["paper", "name", "type", "role", "aliases", "conf"], rows, "table")
