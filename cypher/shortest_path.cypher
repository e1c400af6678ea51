// description: Shortest paths between two papers (through entities, code and citations).
// params: source:str, target:str, max_hops:int[1..10]=6, limit:int=10
// sort: rows
// The same paths read from either end: the embedded store, which searches from one end only,
// starts at the paper whose named entities are named by fewer papers, and the library turns
// the paths back to run from source to target (cypher/library.py, derive and finish).
// ends: source, target
// On the embedded store (`ask`) the same rows come from a search from both ends over the
// store's compact arrays (cypher/adjacency.py), limited to the same hops, with only the
// returned paths' nodes and relationships read from the store by key (11 against 100-740 ms
// between corpus papers 4 hops apart at 100k papers); the text above is what Neo4j runs.
// embedded: shortest_path
MATCH (a:Paper {id: $source})
MATCH (b:Paper {id: $target})
MATCH p = allShortestPaths((a)-[:{{GRAPH_RELS}}*1..{{max_hops}}]-(b))
RETURN length(p) AS hops, p AS path
