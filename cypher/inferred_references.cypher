// description: A paper's inferred references: the papers that introduced what it names, with the evidence.
// params: paper:str, source:str=inferred, limit:int=100
MATCH (p:Paper {id: $paper})-[c:CITES]->(q:Paper)
WHERE c.source = $source
RETURN q.id AS paper, q.title AS title, c.kind AS kind, c.entity AS via, c.evidence AS evidence
ORDER BY paper
LIMIT $limit
