// description: Most-cited papers, by the number of distinct citing papers (source: inferred, openalex, semanticscholar, enriched = any service, all).
// params: source:str=all, limit:int=20
MATCH (q:Paper)-[c:CITES]->(p:Paper)
WHERE $source = 'all' OR c.source = $source OR ($source = 'enriched' AND c.source <> 'inferred')
RETURN p.id AS paper, p.title AS title, count(DISTINCT q) AS cited_by
ORDER BY cited_by DESC, paper
LIMIT $limit
