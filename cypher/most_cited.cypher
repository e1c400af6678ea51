// description: Most-cited papers, by the number of distinct citing papers.
// params: limit:int=20
MATCH (q:Paper)-[:CITES]->(p:Paper)
RETURN p.id AS paper, p.title AS title, count(DISTINCT q) AS cited_by
ORDER BY cited_by DESC, paper
LIMIT $limit
