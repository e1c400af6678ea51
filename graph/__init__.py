"""Graph schema, in-memory graph (networkx) and the stores it is written to."""
