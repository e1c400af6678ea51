// description: Most-cited papers by distinct citing papers (source: inferred, openalex, ...; empty: all).
// params: source:str=, limit:int=20
// Reads the cited-by counters the build stores on each paper (graph/counters.py) instead of
// grouping every CITES edge: the same rows. A paper cited from one source is cited from any,
// so `cited_by > 0` (pushed into the scan) keeps only cited papers before the CASE picks the
// source's counter.
MATCH (p:Paper)
WHERE p.cited_by > 0
WITH p, CASE $source {{CITED_BY_CASES}} END AS cited_by
WHERE cited_by > 0
RETURN p.id AS paper, p.title AS title, cited_by
ORDER BY cited_by DESC, paper
LIMIT $limit
