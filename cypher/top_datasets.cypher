// description: Datasets and benchmarks ranked by the number of papers that name them.
// params: limit:int=20
MATCH (d:Dataset|Benchmark)
WHERE d.paper_count > 0
RETURN head(labels(d)) AS type, d.id AS id, d.name AS name, d.paper_count AS papers
ORDER BY papers DESC, type, id
LIMIT $limit
