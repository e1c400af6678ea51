// description: Datasets and benchmarks ranked by the number of papers that name them.
// params: limit:int=20
MATCH (p:Paper)-[:{{MENTION_RELS}}]->(d:Dataset|Benchmark)
RETURN head(labels(d)) AS type, d.id AS id, d.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, type, id
LIMIT $limit
