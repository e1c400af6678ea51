// description: Repository owners ranked by the number of repositories papers name.
// params: limit:int=20
// Reads the owner counters the build stores once per owner, on the owner's first repository
// (graph/counters.py), instead of grouping every HAS_CODE edge by owner: the same rows, from
// one scan of the repositories with the filter pushed into it.
MATCH (r:Repository)
WHERE r.owner_repos > 0
RETURN r.owner AS owner, r.owner_repos AS repos, r.owner_papers AS papers
ORDER BY repos DESC, papers DESC, owner
LIMIT $limit
