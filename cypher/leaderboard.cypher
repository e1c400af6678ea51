// description: Results on a benchmark or dataset (by id), optionally one metric (by id), in paper order.
// params: benchmark:str, metric:str=, limit:int=1000
MATCH (p:Paper)-[e:REPORTS_RESULT]->(r:Result)-[:MEASURED_ON]->(b:Benchmark|Dataset {id: $benchmark})
OPTIONAL MATCH (r)-[:MEASURED_BY]->(m:Metric)
OPTIONAL MATCH (r)-[:OF]->(s:Method|Model)
WITH p, e, r, b, m, s
WHERE size($metric) = 0 OR m.id = $metric
RETURN coalesce(s.name, r.system) AS system, p.id AS paper, r.value AS value,
       r.number AS number, r.unit AS unit, r.kind AS kind, r.condition AS condition,
       coalesce(m.name, r.metric) AS metric, b.name AS benchmark, p.title AS title,
       e.evidence AS evidence, r.id AS result
ORDER BY paper, e.char_start, result
LIMIT $limit
