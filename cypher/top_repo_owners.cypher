// description: Repository owners ranked by the number of repositories papers name.
// params: limit:int=20
MATCH (p:Paper)-[:HAS_CODE]->(r:Repository)
WHERE r.owner IS NOT NULL
RETURN r.owner AS owner, count(DISTINCT r) AS repos, count(DISTINCT p) AS papers
ORDER BY repos DESC, papers DESC, owner
LIMIT $limit
