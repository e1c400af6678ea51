"""`paperkg serve`: the local explorer and SPARQL endpoint over the embedded store."""

from __future__ import annotations

import click

from paperkg.cli.kit import db_option


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default; anything else is reachable "
                   "by others).")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--no-sparql", is_flag=True,
              help="Do not build the RDF store (faster start; /sparql answers 503).")
def serve_cmd(db, host, port, no_sparql):
    """Browse the graph in a web browser: search, paper and entity pages, an expanding graph
    view, a read-only Cypher console, and a SPARQL 1.1 endpoint at /sparql.

    \b
    Examples:
      paperkg serve                       # http://127.0.0.1:8000/
      paperkg serve --db kg.lbug --port 8080
      curl 'http://127.0.0.1:8000/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D'
    """
    from paperkg.serve.app import serve

    serve(db, host=host, port=port, sparql=not no_sparql,
          progress=lambda msg: click.echo(msg, err=True))
