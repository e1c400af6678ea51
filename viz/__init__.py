"""Self-contained, offline pyvis views of focused subgraphs."""
