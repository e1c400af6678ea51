"""Self-contained, offline pyvis views of focused subgraphs.

`select` picks the nodes (focus neighbourhood, query result, overview) and lays them out; `page`
writes the HTML. The Python API verb is `paperkg.draw` (the CLI verb is `paperkg viz`): the
package and the function do not share a name.
"""
