// description: Papers with code: one row per paper and repository, newest papers first.
// params: limit:int=100
// Only the rows at or above the limit-th newest known date (cut, found first on the integer
// published_order the build stores, which sorts as the text does; no date or another form is
// above every date) are sorted by their text: the same rows as sorting them all.
// derive: cut=0: MATCH (p:Paper)-[:HAS_CODE]->(:Repository) WHERE p.published_order < {{PUBLISHED_ORDER_UNKNOWN}} RETURN p.published_order AS d ORDER BY d DESC LIMIT $limit
MATCH (p:Paper)-[:HAS_CODE]->(r:Repository)
WHERE p.published_order >= {{cut}}
RETURN p.id AS paper, p.title AS title, p.published AS published, r.url AS repo, r.kind AS kind
ORDER BY published DESC, paper, repo
LIMIT $limit
