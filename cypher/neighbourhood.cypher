// description: Nodes within depth hops of an entity (by its id), by label and id.
// params: entity:str, depth:int[1..3]=2, limit:int=200
// On the embedded store the same rows come from a search over the store's compact arrays
// (cypher/adjacency.py) within the same hops.
// embedded: neighbourhood
MATCH (e:{{ENTITY}} {id: $entity})-[:{{GRAPH_RELS}}*1..{{depth}}]-(n)
WHERE n <> e
RETURN DISTINCT head(labels(n)) AS type, n.id AS id
ORDER BY type, id
LIMIT $limit
