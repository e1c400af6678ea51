// description: Entities most often named together with an entity (by its id), by shared papers.
// params: entity:str, limit:int=20
MATCH (e:{{ENTITY}} {id: $entity})<-[:{{MENTION_RELS}}]-(p:Paper)-[:{{MENTION_RELS}}]->(o)
WHERE o <> e
RETURN head(labels(o)) AS type, o.id AS id, o.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, type, id
LIMIT $limit
