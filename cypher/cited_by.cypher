// description: Who cites a paper (CITES edges; source: inferred, openalex, semanticscholar; empty: all).
// params: paper:str, source:str=, limit:int=100
MATCH (q:Paper)-[c:CITES]->(p:Paper {id: $paper})
WHERE size($source) = 0 OR c.source = $source
RETURN q.id AS paper, q.title AS title, c.kind AS kind, c.source AS source, c.entity AS via,
       c.confidence AS confidence, c.temporal AS temporal
ORDER BY paper, source
LIMIT $limit
