// description: The results a paper reports (by its id), in text order, with system, benchmark, metric and evidence.
// params: paper:str
MATCH (p:Paper {id: $paper})-[e:REPORTS_RESULT]->(r:Result)
OPTIONAL MATCH (r)-[:OF]->(s:Method|Model)
OPTIONAL MATCH (r)-[:MEASURED_ON]->(b:Benchmark|Dataset)
OPTIONAL MATCH (r)-[:MEASURED_BY]->(m:Metric)
RETURN coalesce(s.name, r.system) AS system, coalesce(b.name, r.benchmark) AS benchmark,
       coalesce(m.name, r.metric) AS metric, r.value AS value, r.kind AS kind,
       r.condition AS condition, e.evidence AS evidence, r.id AS result
ORDER BY e.char_start, result
