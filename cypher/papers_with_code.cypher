// description: Papers with code: one row per paper and repository, newest papers first.
// params: limit:int=100
MATCH (p:Paper)-[:HAS_CODE]->(r:Repository)
RETURN p.id AS paper, p.title AS title, p.published AS published, r.url AS repo, r.kind AS kind
ORDER BY published DESC, paper, repo
LIMIT $limit
