// description: Entities ranked by the number of papers that introduce them.
// params: limit:int=20
MATCH (p:Paper)-[:INTRODUCES]->(e)
RETURN head(labels(e)) AS type, e.id AS id, e.name AS name, count(DISTINCT p) AS introduced_by
ORDER BY introduced_by DESC, type, id
LIMIT $limit
