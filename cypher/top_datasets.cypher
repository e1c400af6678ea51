// description: Datasets and benchmarks ranked by the number of papers that name them.
// params: limit:int=20
// Sorts by name only the entities at or above the limit-th largest paper count ($cut, found
// first on the integers alone): the same rows as sorting them all.
// derive: cut: MATCH (c:Dataset|Benchmark) WHERE c.paper_count > 0 RETURN c.paper_count AS n ORDER BY n DESC LIMIT $limit
MATCH (d:Dataset|Benchmark)
WHERE d.paper_count >= {{cut}}
RETURN head(labels(d)) AS type, d.id AS id, d.name AS name, d.paper_count AS papers
ORDER BY papers DESC, type, id
LIMIT $limit
