// description: A paper's inferred references: papers that introduced what it uses.
// params: paper:str, limit:int=100
MATCH (p:Paper {id: $paper})-[u:{{USE_RELS}}]->(e)<-[:INTRODUCES]-(q:Paper)
WHERE q <> p
RETURN q.id AS paper, q.title AS title, type(u) AS relation, head(labels(e)) AS via_type,
       e.name AS via
ORDER BY paper, via_type, via, relation
LIMIT $limit
