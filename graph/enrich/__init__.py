"""Optional online enrichment from OpenAlex or Semantic Scholar (opt-in, cached, rate-limited).

- `http`: the response cache ($PAPERKG_CACHE) and the polite client (requests + urllib3 Retry);
- `openalex`, `semanticscholar`: what to ask each service and how to read its answers;
- `store`: the papers to look up and the atomic write of what was found;
- `run`: `lookup` and `enrich`, the entry point (`paperkg enrich`, `paperkg.enrich`).
"""

from __future__ import annotations

from paperkg.core.ids import titles_match
from paperkg.graph.enrich.http import SERVICES, Cache, Client
from paperkg.graph.enrich.records import EnrichReport, Found, ServiceError
from paperkg.graph.enrich.run import enrich, lookup

__all__ = ["SERVICES", "Cache", "Client", "EnrichReport", "Found", "ServiceError", "enrich",
           "lookup", "titles_match"]
