// description: Entities ranked by the number of papers that introduce them.
// params: limit:int=20
// Reads the introduced-by counter the build stores on each entity (graph/counters.py) instead
// of grouping every INTRODUCES edge, and sorts by name only the entities at or above the
// limit-th largest count (cut, found first on the integers alone): the same rows.
// derive: cut: MATCH (c:{{ENTITY}}) WHERE c.introduced_by > 0 RETURN c.introduced_by AS n ORDER BY n DESC LIMIT $limit
MATCH (e:{{ENTITY}})
WHERE e.introduced_by >= {{cut}}
RETURN head(labels(e)) AS type, e.id AS id, e.name AS name, e.introduced_by AS introduced_by
ORDER BY introduced_by DESC, type, id
LIMIT $limit
