// description: Papers with code: one row per paper and repository, newest papers first.
// params: limit:int=100
// Only the rows at or above the limit-th newest known date (cut, found first on the integer
// published_order the build stores, which sorts as the text does; no date or another form is
// above every date) are sorted by their text: the same rows as sorting them all. The cut is
// found among the papers with code (code_repos, stored by the build) without reading an edge:
// each has at least one row, so the limit newest of them hold the limit newest rows.
// derive: cut=0: MATCH (p:Paper) WHERE p.code_repos > 0 AND p.published_order < {{PUBLISHED_ORDER_UNKNOWN}} RETURN p.published_order AS d ORDER BY d DESC LIMIT $limit
MATCH (p:Paper)
WHERE p.published_order >= {{cut}} AND p.code_repos > 0
MATCH (p)-[:HAS_CODE]->(r:Repository)
RETURN p.id AS paper, p.title AS title, p.published AS published, r.url AS repo, r.kind AS kind
ORDER BY published DESC, paper, repo
LIMIT $limit
