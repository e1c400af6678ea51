// description: Most-cited papers by distinct citing papers (source: inferred, openalex, ...; empty: all).
// params: source:str=, limit:int=20
MATCH (q:Paper)-[c:CITES]->(p:Paper)
WHERE size($source) = 0 OR c.source = $source
RETURN p.id AS paper, p.title AS title, count(DISTINCT q) AS cited_by
ORDER BY cited_by DESC, paper
LIMIT $limit
