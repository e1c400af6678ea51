"""Enrichment and the embedded store: the papers to look up, and one atomic write of the answers."""

from __future__ import annotations


def store_papers(db) -> list[dict]:
    """Paper rows (id, title, arxiv_id, doi, published, listing_date, ...) of the store."""
    from paperkg.graph.ladybug_store import query

    cols, rows = query("MATCH (p:Paper) RETURN p.id, p.title, p.arxiv_id, p.doi, p.published, "
                       "p.listing_date, p.venue, p.author_names, p.authors ORDER BY p.id",
                       db=db)
    names = ["id", "title", "arxiv_id", "doi", "published", "listing_date", "venue",
             "author_names", "authors"]
    return [dict(zip(names, r, strict=True)) for r in rows]


def write(db, paper_rows: list[dict], cite_rows: list[dict]) -> int:
    """Upsert paper properties and CITES edges (and the papers' counters and date order) in a
    copy of the store, then swap it in; returns the number of CITES edges (any source) flagged
    temporal_conflict afterwards."""
    from paperkg.graph.ladybug_store import refresh_code_counts, refresh_paper_counters, staged

    with staged(db) as conn:
        if paper_rows:
            conn.execute(
                "UNWIND $rows AS r MATCH (p:Paper {id: r.id}) SET "
                "p.venue = coalesce(r.venue, p.venue), "
                "p.author_names = CASE WHEN size(r.author_names) > 0 THEN r.author_names "
                "ELSE p.author_names END, "
                "p.authors = coalesce(p.authors, r.authors), "
                "p.doi = coalesce(p.doi, r.doi), "
                "p.arxiv_id = coalesce(p.arxiv_id, r.arxiv_id), "
                "p.published = coalesce(r.published, p.published)",
                {"rows": paper_rows})
        if cite_rows:
            conn.execute(
                "UNWIND $rows AS r MATCH (a:Paper {id: r.a}) MATCH (b:Paper {id: r.b}) "
                "MERGE (a)-[c:CITES {source: r.source}]->(b) "
                "ON CREATE SET c.kind = r.kind, c.entity = r.entity, "
                "c.evidence = r.evidence, c.temporal_conflict = r.conflict "
                "ON MATCH SET c.evidence = r.evidence, c.temporal_conflict = r.conflict",
                {"rows": cite_rows})
        refresh_paper_counters(conn)  # counters count the new edges, dates order as changed
        refresh_code_counts(conn)  # unchanged by enrich; a store from before them gets them
        return _refresh_conflicts(conn)


def _refresh_conflicts(conn) -> int:
    """Recompute temporal_conflict of every CITES edge from the (now enriched) paper dates."""
    from paperkg.core.dates import later_than, paper_date

    res = conn.execute("MATCH (a:Paper)-[c:CITES]->(b:Paper) RETURN a.id, a.published, "
                       "a.listing_date, b.id, b.published, b.listing_date, c.source")
    rows = []
    for aid, apub, alist, bid, bpub, blist, src in res.get_all():
        later = later_than(paper_date({"published": bpub, "listing_date": blist}),
                           paper_date({"published": apub, "listing_date": alist}))
        rows.append({"a": aid, "b": bid, "source": src, "conflict": bool(later)})
    if rows:
        conn.execute("UNWIND $rows AS r MATCH (a:Paper {id: r.a})-[c:CITES]->(b:Paper {id: r.b}) "
                     "WHERE c.source = r.source SET c.temporal_conflict = r.conflict",
                     {"rows": rows})
    return sum(r["conflict"] for r in rows)
