"""`paperkg viz`: draw a focus neighbourhood, a query's result or an overview as HTML."""

from __future__ import annotations

import click

from paperkg.cli.kit import db_option, neo4j_options, param_option, parse_params
from paperkg.core.errors import UserError
from paperkg.viz.select import DEFAULT_HOPS, DEFAULT_MAX_NODES, MAX_NODES_LIMIT


@click.command("viz")
@click.option("--focus", "-f", metavar="NAME_OR_ID",
              help="Draw the neighbourhood of this paper or entity (name, title, id or Label:id).")
@click.option("--hops", type=click.IntRange(0, 6), default=DEFAULT_HOPS, show_default=True,
              help="How many relationships away from the focus to go.")
@click.option("--types", "-t", metavar="LABELS",
              help="With --focus: only these node types, comma-separated (e.g. "
                   "Paper,Method,Benchmark) [default: every type but Source].")
@click.option("--max-nodes", "-n", type=click.IntRange(1, MAX_NODES_LIMIT),
              default=DEFAULT_MAX_NODES,
              show_default=True, help="Keep at most this many nodes (the most connected).")
@click.option("--query", "cypher", metavar="CYPHER",
              help="Draw the nodes, relationships and paths this Cypher query returns.")
@param_option
@click.option("--overview", is_flag=True,
              help="Draw the most used entities, sized by papers and coloured by community.")
@click.option("--papers", is_flag=True,
              help="With --overview: the most connected papers and entities instead.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write (self-contained, opens offline).")
@db_option
@click.option("--neo4j", "use_neo4j", is_flag=True,
              help="Run --query on Neo4j instead of the embedded store.")
@neo4j_options
def viz_cmd(focus, hops, types, max_nodes, cypher, params, overview, papers, output, db,
            use_neo4j, neo4j_settings):
    """Draw part of the graph as one offline HTML page (pyvis).

    \b
    Examples:
      paperkg viz --focus "LoRA" --hops 2 -o lora.html
      paperkg viz --focus "Paper:2106.09685" --types Paper,Method -o p.html
      paperkg viz --query "MATCH (p:Paper)-[r:INTRODUCES]->(m) RETURN p, r, m LIMIT 50" -o q.html
      paperkg viz --overview --max-nodes 200 -o overview.html
    """
    from paperkg.viz.page import viz

    if use_neo4j and not cypher:
        raise UserError("--neo4j applies to --query only (focus and overview read the "
                        "embedded store)")
    if (types or hops != DEFAULT_HOPS) and not focus:
        raise UserError("--hops and --types go with --focus")
    if params and not cypher:
        raise UserError("--param goes with --query")
    result = viz(output, focus=focus, hops=hops, types=types, max_nodes=max_nodes, query=cypher,
                 params=parse_params(params), overview=overview, papers=papers, db=db,
                 neo4j=neo4j_settings if use_neo4j else None)
    click.echo(result.message)
