"""`paperkg serve`: a local explorer (search, paper and entity pages, an expanding graph view, a
read-only Cypher console) and a SPARQL 1.1 Protocol endpoint over the graph's RDF."""
