"""The named Cypher query library (*.cypher) and its runner."""
