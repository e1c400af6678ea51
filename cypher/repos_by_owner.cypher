// description: Repositories of one owner (user or organisation), with the papers naming them.
// params: owner:str, limit:int=100
MATCH (r:Repository {owner: $owner})
OPTIONAL MATCH (p:Paper)-[:HAS_CODE]->(r)
RETURN r.url AS repo, r.name AS name, r.host AS host, r.kind AS kind, count(DISTINCT p) AS papers
ORDER BY repo
LIMIT $limit
