// description: Who cites a paper (CITES edges, inferred or from a citation service; source: inferred, openalex, semanticscholar, enriched = any service, all).
// params: paper:str, source:str=all, limit:int=100
MATCH (q:Paper)-[c:CITES]->(p:Paper {id: $paper})
WHERE $source = 'all' OR c.source = $source OR ($source = 'enriched' AND c.source <> 'inferred')
RETURN q.id AS paper, q.title AS title, c.kind AS kind, c.source AS source, c.entity AS via,
       c.confidence AS confidence, c.temporal AS temporal
ORDER BY paper, source
LIMIT $limit
