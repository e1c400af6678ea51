// description: Nodes within depth hops of an entity (by its id), by label and id.
// params: entity:str, depth:int[1..3]=2, limit:int[0..1000000]=200
// sort: rows
// The nodes 1, 2 and 3 hops away as fixed-length patterns (a branch beyond depth matches no
// entity): a node within depth hops ends its shortest path, a pattern of that many hops, so
// the rows are the nodes a `*1..depth` pattern reaches. The embedded engine answered the
// variable-length pattern by joining its ends with every node table, in time that grew with
// the hubs (tasks many papers name) two hops away (5 against 16 ms at 100k papers with the
// task key join on); these patterns read only the nodes they reach (docs/scale.md). Each
// branch keeps its first limit rows by type and id, which hold the first limit of the union
// (a row among those has fewer than limit rows before it in its own branch), and the library
// sorts the union and cuts it to limit (`// sort: rows`). limit is written into the text: the
// engine stops at a literal limit but reads every row for a parameter (40 against 106 ms CPU
// for imagenet's 6,768 nodes two hops away; 6 against 4 ms without any limit for 2 rows).
// On the embedded store (`ask`) the same rows come from a search over the store's compact
// arrays (cypher/adjacency.py) within the same hops.
// embedded: neighbourhood
MATCH (e:{{ENTITY}} {id: $entity})-[:{{GRAPH_RELS}}]-(n)
WHERE n <> e
RETURN DISTINCT head(labels(n)) AS type, n.id AS id
ORDER BY type, id
LIMIT {{limit}}
UNION
MATCH (e:{{ENTITY}} {id: $entity})
WHERE {{depth}} >= 2
MATCH (e)-[:{{GRAPH_RELS}}]-()-[:{{GRAPH_RELS}}]-(n)
WHERE n <> e
RETURN DISTINCT head(labels(n)) AS type, n.id AS id
ORDER BY type, id
LIMIT {{limit}}
UNION
MATCH (e:{{ENTITY}} {id: $entity})
WHERE {{depth}} >= 3
MATCH (e)-[:{{GRAPH_RELS}}]-()-[:{{GRAPH_RELS}}]-()-[:{{GRAPH_RELS}}]-(n)
WHERE n <> e
RETURN DISTINCT head(labels(n)) AS type, n.id AS id
ORDER BY type, id
LIMIT {{limit}}
