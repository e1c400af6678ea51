// description: Papers that share at least min_shared entities with a paper, most shared first.
// params: paper:str, min_shared:int=2, limit:int=25
// On the embedded store the same rows come from the store's compact arrays (cypher/adjacency.py:
// the paper's distinct entities, their papers counted with numpy), titles read by key.
// embedded: shared_entities
// Distinct (paper id, entity) pairs counted per paper id: the same number as count(DISTINCT e)
// per paper. Grouping on the id and leaving `b <> a` out of the pattern keeps the embedded
// engine from reading every matched paper's properties (title, abstract) for 12,000 rows at
// 100k papers; the title is read for the limit rows only (docs/scale.md).
MATCH (a:Paper {id: $paper})-[:{{MENTION_RELS}}]->(e)<-[:{{MENTION_RELS}}]-(b:Paper)
WITH DISTINCT b.id AS paper, e
WHERE paper <> $paper
WITH paper, count(*) AS shared
WHERE shared >= $min_shared
WITH paper, shared
ORDER BY shared DESC, paper
LIMIT $limit
MATCH (b:Paper {id: paper})
RETURN paper, b.title AS title, shared
ORDER BY shared DESC, paper
