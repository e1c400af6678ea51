// description: Papers that share at least min_shared entities with a paper, most shared first.
// params: paper:str, min_shared:int=2, limit:int=25
MATCH (a:Paper {id: $paper})-[:{{MENTION_RELS}}]->(e)<-[:{{MENTION_RELS}}]-(b:Paper)
WHERE b <> a
WITH b, count(DISTINCT e) AS shared
WHERE shared >= $min_shared
RETURN b.id AS paper, b.title AS title, shared
ORDER BY shared DESC, paper
LIMIT $limit
