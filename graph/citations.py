"""Inferred citations: paper A CITES paper B when A names what B introduced.

Two routes link A to B, both over the networkx graph built by `graph.build`:
- entity: A has a USES / EVALUATED_ON / REPORTS / ADDRESSES edge to an entity B INTRODUCES;
- title: A's text names the system B's title leads with ("MultiPL-E: A Scalable ...").
Each CITES edge (key "CITES|inferred") carries kind, entity, A's evidence sentence, source and
temporal_conflict. A name introduced by several papers is attributed by type, then by context;
when neither decides, the mention is left unlinked and counted as unattributed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from paperkg.graph.schema import (
    ADDRESSES,
    BENCHMARK,
    CITES,
    DATASET,
    ENTITY_LABELS,
    EVALUATED_ON,
    INTRODUCES,
    METHOD,
    MODEL,
    PAPER,
    REPORTS,
    USES,
    node_key,
    split_key,
)

SOURCE_INFERRED = "inferred"
CITES_INFERRED_KEY = f"{CITES}|{SOURCE_INFERRED}"

KINDS = ("uses", "evaluates_on", "compares_with", "mentions")
#: Labels one name may carry in different papers and still be the same thing.
_COMPATIBLE = {DATASET: (DATASET, BENCHMARK), BENCHMARK: (DATASET, BENCHMARK),
               METHOD: (METHOD, MODEL), MODEL: (METHOD, MODEL)}
_KIND_RANK = {"evaluates_on": 4, "uses": 3, "compares_with": 3, "mentions": 1}
_ROUTE_RANK = {"entity": 1, "title": 0}

_COMPARE = re.compile(
    r"\b(outperform\w*|compar\w*|than|baselines?|surpass\w*|beats?|versus|vs\.?|rival\w*|"
    r"on par with|competitive with|exceed\w*|state-of-the-art|sota|improv\w* (?:over|upon))\b",
    re.IGNORECASE,
)
_EVALUATE = re.compile(r"\b(evaluat\w*|benchmark\w*|tested on|test on|results on|score\w* on)\b",
                       re.IGNORECASE)
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\[\"'])|\n+")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]{2,}")
_STOP = frozenset(
    """the and for with from that this these those into onto over under which while where when
    what their there them they then than our ours its are was were been being has have had
    can could may might will would should not but also such more most less least very each
    using used use uses based via new novel paper work approach method methods model models
    results show shows shown propose proposed proposes present presents introduce introduces
    introduced demonstrate across both between within without other some many large further
    however thus only first two three one all any how well achieve achieves data""".split()
)
# Title leads that are ordinary words, not system names ("Beyond X: ...", "Survey: ...").
_GENERIC_LEAD = frozenset(
    """beyond towards toward survey position review tutorial report overview perspective
    rethinking revisiting introduction abstract preface editorial correction erratum
    technical report""".split()
)


@dataclass
class CitationReport:
    """What add_citations did: edges added, mentions left unlinked, conflicts flagged."""

    added: int = 0
    via_entity: int = 0
    via_title: int = 0
    unattributed: int = 0
    temporal_conflicts: int = 0
    undated: int = 0
    ambiguous_names: list[str] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict:
        """The figures as a plain dict (for CLI output and JSON)."""
        return {
            "cites_inferred": self.added,
            "via_entity": self.via_entity,
            "via_title": self.via_title,
            "unattributed_mentions": self.unattributed,
            "ambiguous_names": len(self.ambiguous_names),
            "temporal_conflicts": self.temporal_conflicts,
            "undated_pairs": self.undated,
            "by_kind": dict(sorted(self.by_kind.items())),
        }


@dataclass
class _Candidate:
    """One reason for A CITES B, before the best reason per pair is kept."""

    kind: str
    entity: str
    evidence: str
    route: str
    start: int

    def rank(self) -> tuple[int, int, int]:
        """Higher is better: entity route, stronger kind, earlier mention."""
        return (_ROUTE_RANK[self.route], _KIND_RANK[self.kind], -self.start)


# ---------------------------------------------------------------------------------------------
# Dates


def parse_date(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of an ISO 8601 date: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (no year)."""
    if not value:
        return None
    value = str(value).strip()
    m = re.fullmatch(r"--(\d{2})-(\d{2})", value)
    if m:
        return (None, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value)
    if not m:
        return None
    return tuple(int(g) if g else None for g in m.groups())  # type: ignore[return-value]


def paper_date(attrs: dict) -> tuple[int | None, int | None, int | None] | None:
    """The date a paper appeared: its publication date, with the year taken from the listing
    date when the listing omits it (a paper is listed on or after it appeared), else the
    listing date; None when no usable date is known."""
    pub = parse_date(attrs.get("published"))
    listed = parse_date(attrs.get("listing_date"))
    if pub and pub[0] is None and listed and listed[0] is not None and listed[1] is not None:
        _, month, day = pub
        ly, lm, ld = listed
        year = ly if (month, day) <= (lm, ld or 31) else ly - 1
        pub = (year, month, day)
    if pub and pub[0] is not None:
        return pub
    if listed and listed[0] is not None:
        return listed
    return None


def appeared_after(b: tuple | None, a: tuple | None) -> bool | None:
    """Whether date b is strictly later than date a, compared only at their common precision;
    None when that cannot be decided (a date missing or without a year)."""
    if not a or not b or a[0] is None or b[0] is None:
        return None
    for x, y in zip(b, a, strict=True):
        if x is None or y is None:
            return False
        if x != y:
            return x > y
    return False


# ---------------------------------------------------------------------------------------------
# Text helpers


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of a text, split on sentence ends and newlines."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        chunk = text[pos:m.start()]
        if chunk.strip():
            out.append((pos, chunk.strip()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, text[pos:].strip()))
    return out


def sentence_at(text: str, offset: int) -> str:
    """The sentence of text that contains offset."""
    best = ""
    for start, sent in sentences(text):
        if start <= offset:
            best = sent
        else:
            break
    return best


def title_lead(title: str) -> str | None:
    """The system name a title leads with ("MultiPL-E: A Scalable ..." -> "MultiPL-E")."""
    m = re.match(r"\s*([^:]{2,40}?)\s*:\s+\S", title or "")
    if not m:
        return None
    lead = m.group(1).strip()
    if "$" in lead or "\\" in lead:
        return None
    words = lead.split()
    if len(words) > 3 or lead.lower() in _GENERIC_LEAD or words[0].lower() in _GENERIC_LEAD:
        return None
    return lead


def name_like(lead: str) -> bool:
    """Whether a title lead looks like a coined name (CamelCase, acronym, digits), not prose."""
    for word in lead.split():
        core = word.strip("-'")
        if any(c.isdigit() for c in core) and any(c.isalpha() for c in lead):
            return True  # versioned or numbered: "Orca 2", "TR0N", "LongRoPE2"
        if len(core) < 2:
            continue
        if sum(c.isupper() for c in core) >= 2:
            return True
        if any(c.isupper() for c in core[1:]):
            return True
    return False


def _words(text: str) -> set[str]:
    """Content words of a text (lower case, stop words dropped)."""
    return {w.lower() for w in _WORD.findall(text or "")} - _STOP


def _name_pattern(names: list[str]) -> re.Pattern | None:
    """One regex matching any of the names as a whole word, case-sensitively."""
    names = sorted({n for n in names if n}, key=len, reverse=True)
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])({alt})(?!\w)")


def _kind(rel: str, sentence: str) -> str:
    """Citation kind from the citing paper's relationship to the entity and its sentence."""
    if rel == EVALUATED_ON:
        return "evaluates_on"
    if rel == USES:
        return "compares_with" if _COMPARE.search(sentence or "") else "uses"
    if _COMPARE.search(sentence or ""):
        return "compares_with"
    if rel in (REPORTS, ADDRESSES):
        return "mentions"
    return "mentions"


def _paper_text(attrs: dict) -> str:
    """Title, newline, abstract: the text extraction offsets refer to."""
    title = attrs.get("title") or ""
    abstract = attrs.get("abstract") or ""
    return f"{title}\n{abstract}" if abstract else title


# ---------------------------------------------------------------------------------------------
# Attribution


def _attribute(candidates: list[str], evidence: str, context: dict[str, set[str]],
               name: set[str]) -> str | None:
    """The one introducer of a shared name that the citing sentence is about, else None:
    the candidate sharing at least 3 content words with the sentence (the name aside) and
    at least twice as many as any other."""
    if len(candidates) == 1:
        return candidates[0]
    probe = _words(evidence) - name
    scores = sorted(((len(probe & context[c]), c) for c in candidates), reverse=True)
    best, second = scores[0][0], scores[1][0]
    if best >= 3 and best >= 2 * second:
        return scores[0][1]
    return None


def add_citations(G: nx.MultiDiGraph) -> CitationReport:
    """Add inferred CITES edges (key 'CITES|inferred') to G in place and report what was done."""
    report = CitationReport()
    stale = [(u, v, k) for u, v, k in G.edges(keys=True) if k == CITES_INFERRED_KEY]
    G.remove_edges_from(stale)

    papers = {n: d for n, d in G.nodes(data=True) if d.get("label") == PAPER}
    texts = {p: _paper_text(d) for p, d in papers.items()}
    context = {p: _words(t) for p, t in texts.items()}
    dates = {p: paper_date(d) for p, d in papers.items()}

    # Who introduces each entity, per node and per id over all labels.
    introducers: dict[str, set[str]] = defaultdict(set)  # entity node key -> papers
    by_id: dict[str, set[str]] = defaultdict(set)  # entity id -> papers (any label)
    named: dict[str, set[str]] = defaultdict(set)  # paper -> ids of every entity it names
    for u, v, d in G.edges(data=True):
        if u not in papers or split_key(v)[0] not in ENTITY_LABELS:
            continue
        named[u].add(split_key(v)[1])
        if d.get("type") == INTRODUCES:
            introducers[v].add(u)
            by_id[split_key(v)[1]].add(u)

    best: dict[tuple[str, str], _Candidate] = {}
    ambiguous: set[str] = set()

    def offer(a: str, b: str, cand: _Candidate) -> None:
        if a == b:  # never: candidates exclude the citing paper; kept as a guard
            return
        cur = best.get((a, b))
        if cur is None or cand.rank() > cur.rank():
            best[(a, b)] = cand

    # Route 1: A names an entity some other paper introduced.
    for a, ent, d in G.edges(data=True):
        rel = d.get("type")
        if a not in papers or rel in (INTRODUCES, CITES) or rel not in (
            USES, EVALUATED_ON, REPORTS, ADDRESSES
        ):
            continue
        label, eid = split_key(ent)
        if label not in ENTITY_LABELS:
            continue
        if a in by_id.get(eid, ()):  # A introduces this name itself: its own thing
            continue
        cands = sorted(introducers.get(ent, set()) - {a})
        if not cands:  # introduced under a compatible type (a Dataset named as a Benchmark)
            cands = sorted({p for other in _COMPATIBLE.get(label, ())
                            for p in introducers.get(node_key(other, eid), ())} - {a})
        if not cands:
            continue
        evidence = d.get("evidence") or ""
        b = _attribute(cands, evidence, context, {eid})
        if b is None:
            report.unattributed += 1
            ambiguous.add(ent)
            continue
        offer(a, b, _Candidate(_kind(rel, evidence), ent, evidence, "entity",
                               int(d.get("char_start") or 0)))

    # Route 2: A's text names the system B's title leads with.
    lead_owner: dict[str, set[str]] = defaultdict(set)
    lead_entity: dict[tuple[str, str], str] = {}
    for b, attrs in papers.items():
        lead = title_lead(attrs.get("title") or "")
        if not lead:
            continue
        own = [v for _, v, k in G.out_edges(b, keys=True) if k == INTRODUCES
               and _key(lead) in _entity_names(G, v)]
        if own:
            lead_entity[(b, lead)] = own[0]
        if own or name_like(lead):
            lead_owner[lead].add(b)
    pattern = _name_pattern(list(lead_owner))
    if pattern is not None:
        for a, text in texts.items():
            seen: set[str] = set()
            for m in pattern.finditer(text):
                lead = m.group(1)
                if lead in seen:
                    continue
                seen.add(lead)
                owners = sorted(lead_owner[lead] - {a})
                if a in lead_owner[lead] or not owners:
                    continue
                if _key(lead) in named.get(a, ()):  # an entity A names: route 1 decides
                    continue
                sent = sentence_at(text, m.start())
                b = _attribute(owners, sent, context, {lead.lower()})
                if b is None:
                    report.unattributed += 1
                    ambiguous.add(f"title:{lead}")
                    continue
                ent = lead_entity.get((b, lead), "")
                kind = _kind("", sent)
                if kind == "mentions" and _EVALUATE.search(sent):
                    kind = "evaluates_on"
                offer(a, b, _Candidate(kind, ent, sent, "title", m.start()))

    for (a, b), cand in sorted(best.items()):
        later = appeared_after(dates.get(b), dates.get(a))
        if later is None:
            report.undated += 1
        conflict = bool(later)
        G.add_edge(a, b, key=CITES_INFERRED_KEY, type=CITES, kind=cand.kind, entity=cand.entity,
                   evidence=cand.evidence, source=SOURCE_INFERRED, temporal_conflict=conflict)
        report.added += 1
        report.temporal_conflicts += conflict
        if cand.route == "entity":
            report.via_entity += 1
        else:
            report.via_title += 1
        report.by_kind[cand.kind] = report.by_kind.get(cand.kind, 0) + 1
    report.ambiguous_names = sorted(ambiguous)
    return report


def _key(name: str) -> str:
    """The canonical entity key of a name (as the extraction pipeline keys entities)."""
    from paperkg.extractors.canonical import canonical_key

    return canonical_key(name)


def _entity_names(G: nx.MultiDiGraph, node: str) -> set[str]:
    """Canonical keys of an entity node's id, name and aliases."""
    d = G.nodes[node]
    names = {split_key(node)[1], _key(str(d.get("name") or ""))}
    names.update(_key(str(a)) for a in d.get("aliases") or [])
    return names - {""}


def inferred_citations(G: nx.MultiDiGraph) -> list[tuple[str, str, dict]]:
    """The inferred CITES edges of G as (citing, cited, attrs)."""
    return [(u, v, d) for u, v, k, d in G.edges(keys=True, data=True) if k == CITES_INFERRED_KEY]


__all__ = [
    "CITES_INFERRED_KEY",
    "CitationReport",
    "KINDS",
    "add_citations",
    "appeared_after",
    "inferred_citations",
    "node_key",
    "paper_date",
    "parse_date",
    "title_lead",
]
