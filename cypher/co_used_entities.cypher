// description: Entities most often named together with an entity (by its id), by shared papers.
// params: entity:str, limit:int=20
// On the embedded store the same rows come from the store's compact arrays (each paper's
// distinct entities, kept beside the store: cypher/adjacency.py) instead of the engine
// expanding the 13 paper-to-entity tables twice (1.6 against 12-55 ms at 100k papers).
// embedded: co_used_entities
MATCH (e:{{ENTITY}} {id: $entity})<-[:{{MENTION_RELS}}]-(p:Paper)-[:{{MENTION_RELS}}]->(o)
WHERE o <> e
RETURN head(labels(o)) AS type, o.id AS id, o.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, type, id
LIMIT $limit
