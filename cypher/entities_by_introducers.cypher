// description: Entities ranked by the number of papers that introduce them.
// params: limit:int=20
// Reads the introduced-by counter the build stores on each entity (graph/counters.py) instead
// of grouping every INTRODUCES edge.
MATCH (e:{{ENTITY}})
WHERE e.introduced_by > 0
RETURN head(labels(e)) AS type, e.id AS id, e.name AS name, e.introduced_by AS introduced_by
ORDER BY introduced_by DESC, type, id
LIMIT $limit
