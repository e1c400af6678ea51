// description: What a paper introduces (methods, models, datasets, ...), with the evidence.
// params: paper:str
MATCH (p:Paper {id: $paper})-[r:INTRODUCES]->(e)
RETURN head(labels(e)) AS type, e.id AS id, e.name AS name, r.evidence AS evidence
ORDER BY type, id
