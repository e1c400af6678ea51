// description: Papers evaluated on a benchmark or dataset (by its id), newest first.
// params: benchmark:str, limit:int=50
MATCH (p:Paper)-[r:EVALUATED_ON]->(b:Benchmark|Dataset {id: $benchmark})
RETURN p.id AS paper, p.title AS title, p.published AS published, head(labels(b)) AS on_type,
       r.evidence AS evidence
ORDER BY published DESC, paper, on_type
LIMIT $limit
