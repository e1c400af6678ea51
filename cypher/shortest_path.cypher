// description: Shortest paths between two papers (through entities, code and citations).
// params: source:str, target:str, max_hops:int[1..10]=6, limit:int=10
// sort: rows
MATCH (a:Paper {id: $source})
MATCH (b:Paper {id: $target})
MATCH p = allShortestPaths((a)-[:{{GRAPH_RELS}}*1..{{max_hops}}]-(b))
RETURN length(p) AS hops, p AS path
