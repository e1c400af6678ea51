// description: Who cites a paper (CITES edges, inferred or from a citation service).
// params: paper:str, limit:int=100
MATCH (q:Paper)-[c:CITES]->(p:Paper {id: $paper})
RETURN q.id AS paper, q.title AS title, c.kind AS kind, c.source AS source, c.entity AS via
ORDER BY paper, source
LIMIT $limit
