"""Inferred citations: paper A CITES paper B when A names what B introduced.

Three routes link A to B, all over the networkx graph built by `graph.build`:
- entity: A has a USES / EVALUATED_ON / REPORTS / ADDRESSES edge to an entity B introduces;
- title / name: A's text names the system B's title leads with ("MultiPL-E: A Scalable ..."),
  or a coined name B introduces ("RLVR"), where extraction did not find it in A;
- identifier: A's text links B's arXiv id or DOI (arxiv.org/abs/..., huggingface.co/papers/...).
B counts as introducing a name only when its text backs it (the name leads its title, or its
sentence introduces that coined name: "we propose X", "called X", "two new benchmarks, X").
Each CITES edge (key "CITES|inferred") carries kind, entity, A's evidence sentence, source and
temporal_conflict. A name introduced by several papers is attributed by type, then by context;
when neither decides, the mention is left unlinked and counted as unattributed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from paperkg.core.dates import appeared_after, later_than, paper_date
from paperkg.core.text import ascii_fold, fold_latex_accents, sentence_at, sentences
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
#: Relationship types through which a paper names (and so may cite) an entity.
_CITING_RELS = (USES, EVALUATED_ON, REPORTS, ADDRESSES)
#: Labels one name may carry in different papers and still be the same thing.
_COMPATIBLE = {DATASET: (DATASET, BENCHMARK), BENCHMARK: (DATASET, BENCHMARK),
               METHOD: (METHOD, MODEL), MODEL: (METHOD, MODEL)}
_KIND_RANK = {"evaluates_on": 4, "uses": 3, "compares_with": 3, "mentions": 1}
_ROUTE_RANK = {"entity": 2, "identifier": 1, "name": 0, "title": 0}
_IDENT_URL = re.compile(
    r"(?:(?:arxiv\.org/(?:abs|pdf)/|huggingface\.co/papers/|\barXiv:\s?)"
    r"(?P<arxiv>\d{4}\.\d{4,5})(?:v\d+)?"
    r"|(?:doi\.org/|\bdoi:\s?)(?P<doi>10\.\d{4,9}/[^\s\"<>]+))",
    re.IGNORECASE,
)

_COMPARE = re.compile(
    r"\b(outperform\w*|compar\w*|than|baselines?|surpass\w*|beats?|versus|vs\.?|rival\w*|"
    r"on par with|competitive with|exceed\w*|improv\w* (?:over|upon))\b",
    re.IGNORECASE,
)
_EVALUATE = re.compile(r"\b(evaluat\w*(?:\s+[\w-]+){0,4}?\s+(?:on|against)|benchmarked on|"
                       r"tested on|test on|results on|scor\w* on|accuracy on|performance on)\b",
                       re.IGNORECASE)
_USE = re.compile(r"\b(build(?:s|ing)? on|buil[td] on|based on|us(?:e|es|ed|ing)|employ\w*|"
                  r"adopt\w*|extend\w*|fine-?tun\w*|train\w* on|follow\w*|leverag\w*)\b",
                  re.IGNORECASE)
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
    via_name: int = 0
    via_identifier: int = 0
    unattributed: int = 0
    temporal_conflicts: int = 0
    undated: int = 0
    weak_introductions: int = 0
    text_introductions: int = 0
    ambiguous_names: list[str] = field(default_factory=list)
    shared_names: list[str] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict:
        """The figures as a plain dict (for CLI output and JSON)."""
        return {
            "cites_inferred": self.added,
            "via_entity": self.via_entity,
            "via_title": self.via_title,
            "via_name": self.via_name,
            "via_identifier": self.via_identifier,
            "unattributed_mentions": self.unattributed,
            "ambiguous_names": len(self.ambiguous_names),
            "shared_names": len(self.shared_names),
            "weak_introductions_ignored": self.weak_introductions,
            "introductions_found_in_text": self.text_introductions,
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
# Text helpers (dates, sentences and folding live in paperkg.core.dates / paperkg.core.text)


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


def _kind(rel: str, sentence: str) -> str:
    """Citation kind from the citing paper's relationship to the entity and its sentence."""
    if rel == EVALUATED_ON:
        return "evaluates_on"
    if rel == USES:
        return "compares_with" if _COMPARE.search(sentence or "") else "uses"
    return "compares_with" if _COMPARE.search(sentence or "") else "mentions"


def _text_kind(sentence: str) -> str:
    """Citation kind from the citing sentence alone (no extracted relationship to go by)."""
    if _COMPARE.search(sentence):
        return "compares_with"
    if _EVALUATE.search(sentence):
        return "evaluates_on"
    if _USE.search(sentence):
        return "uses"
    return "mentions"


def _paper_text(attrs: dict) -> str:
    """Title, newline, abstract: the text extraction offsets refer to."""
    title = attrs.get("title") or ""
    abstract = attrs.get("abstract") or ""
    return f"{title}\n{abstract}" if abstract else title


# ---------------------------------------------------------------------------------------------
# Attribution


def _attribute(candidates: list[str], evidence: str, context: dict[str, set[str]],
               name: set[str], earlier: set[str] | None = None) -> str | None:
    """The one introducer of a shared name that the citing sentence is about, else None:
    the candidate sharing at least 3 content words with the sentence (the name aside) and
    at least twice as many as any other; failing that, the only candidate known not to have
    appeared after the citing paper (`earlier`), when exactly one is."""
    if len(candidates) == 1:
        return candidates[0]
    probe = _words(evidence) - name
    scores = sorted(((len(probe & context[c]), c) for c in candidates), reverse=True)
    best, second = scores[0][0], scores[1][0]
    if best >= 3 and best >= 2 * second:
        return scores[0][1]
    possible = [c for c in candidates if earlier is not None and c in earlier]
    return possible[0] if len(possible) == 1 else None


def _not_later(candidates, a: str, dates: dict) -> set[str]:
    """Candidates whose date is known and not after the citing paper's."""
    return {c for c in candidates if later_than(dates[c], dates[a]) is False}


def add_citations(G: nx.MultiDiGraph) -> CitationReport:
    """Add inferred CITES edges (key 'CITES|inferred') to G in place and report what was done."""
    report = CitationReport()
    stale = [(u, v, k) for u, v, k in G.edges(keys=True) if k == CITES_INFERRED_KEY]
    G.remove_edges_from(stale)

    papers = {n: d for n, d in G.nodes(data=True) if d.get("label") == PAPER}
    texts = {p: _paper_text(d) for p, d in papers.items()}
    context = {p: _words(t) for p, t in texts.items()}
    dates = {p: paper_date(d) for p, d in papers.items()}
    leads = {p: title_lead(d.get("title") or "") for p, d in papers.items()}
    own_key = {p: _key(lead) for p, lead in leads.items() if lead}
    by_lead: dict[str, set[str]] = defaultdict(set)  # canonical key of a title lead -> papers
    for p, k in own_key.items():
        if k:
            by_lead[k].add(p)

    # Who credibly introduces each entity (see _credible), and which entities each paper names.
    introducers, weak, found = credible_introducers(G, texts, own_key)
    report.weak_introductions, report.text_introductions = weak, found
    named: dict[str, set[str]] = defaultdict(set)  # paper -> ids of every entity it names
    for u, v in G.edges():
        if u in papers and split_key(v)[0] in ENTITY_LABELS:
            named[u].add(split_key(v)[1])
    # One thing under several keys ("TRPO" and "Trust Region Policy Optimization"): an entity
    # node also answers to the keys of its name and aliases.
    alias_of: dict[str, set[str]] = defaultdict(set)  # (label-less) key -> introduced nodes
    for ent in introducers:
        for k in _entity_names(G, ent):
            alias_of[k].add(ent)
    claimed: dict[str, set[str]] = defaultdict(set)  # entity id -> papers claiming it (any type)
    for ent, who in introducers.items():
        claimed[split_key(ent)[1]].update(who)
    for k, who in by_lead.items():
        claimed[k].update(who)
        # A lead the paper also introduces as an entity is typed by it; only untyped leads
        # stand for any type below.
        typed = {p for p in who if any(p in introducers.get(node_key(lab, k), ())
                                       for lab in ENTITY_LABELS)}
        who -= typed
    report.shared_names = sorted(k for k, who in claimed.items() if len(who) > 1)

    best: dict[tuple[str, str], _Candidate] = {}
    ambiguous: set[str] = set()

    def offer(a: str, b: str, cand: _Candidate) -> None:
        cur = best.get((a, b))
        if a != b and (cur is None or cand.rank() > cur.rank()):
            best[(a, b)] = cand

    # Route 1: A names an entity another paper introduced (or leads its title with).
    for a, ent, d in G.edges(data=True):
        rel = d.get("type")
        if a not in papers or rel not in _CITING_RELS:
            continue
        label, eid = split_key(ent)
        if eid not in alias_of and eid not in by_lead:
            continue  # nobody introduced it (the common case: no further work)
        if label not in ENTITY_LABELS or a in claimed.get(eid, ()) or a in introducers.get(
                ent, ()):
            continue  # A's own name (it introduces it, or its title leads with it)
        same = {n for n in alias_of.get(eid, set()) | {ent} if split_key(n)[0] == label}
        cands = {p for n in same for p in introducers.get(n, ())}
        if not cands:  # introduced under a compatible type (a Dataset named as a Benchmark)
            cands = {p for n in alias_of.get(eid, set()) | {node_key(o, eid) for o in
                                                          _COMPATIBLE.get(label, ())}
                     if split_key(n)[0] in _COMPATIBLE.get(label, ())
                     for p in introducers.get(n, ())}
        cands -= {a}
        cands |= by_lead.get(eid, set())
        if not cands:
            continue
        evidence = _evidence(texts[a], d)
        b = _attribute(sorted(cands), evidence, context, {eid, *(_words(eid))},
                       _not_later(cands, a, dates))
        if b is None:
            report.unattributed += 1
            ambiguous.add(ent)
            continue
        offer(a, b, _Candidate(_kind(rel, evidence), ent, evidence, "entity",
                               int(d.get("char_start") or 0)))

    # Route 2: A's text names, without extraction having found it, the system B's title leads
    # with, or a coined name B introduces ("RLVR", "MBPP").
    name_owner: dict[str, set[str]] = defaultdict(set)  # name as written -> papers
    name_entity: dict[tuple[str, str], str] = {}  # (paper, name) -> entity node it stands for
    name_route: dict[tuple[str, str], str] = {}  # (paper, name) -> "title" or "name"
    for b, lead in leads.items():
        if not lead:
            continue
        own = sorted(v for v in introducers if b in introducers[v]
                     and own_key[b] in _entity_names(G, v))
        if own:
            name_entity[(b, lead)] = own[0]
        if own or name_like(lead):
            name_owner[lead].add(b)
            name_route[(b, lead)] = "title"
    for ent, who in sorted(introducers.items()):
        d = G.nodes[ent]
        for nm in {str(d.get("name") or ""), *(str(x) for x in d.get("aliases") or [])}:
            if len(nm) >= 3 and name_like(nm) and len(nm.split()) <= 4:
                for b in who:
                    name_owner[nm].add(b)
                    name_entity.setdefault((b, nm), ent)
                    name_route.setdefault((b, nm), "name")
    index = _lead_index(list(name_owner))
    if index[0] or index[1]:
        for a, text in texts.items():
            seen: set[str] = set()
            for start, sent, nm in _lead_mentions(index, text):
                if nm in seen:
                    continue
                seen.add(nm)
                key = _key(nm)
                ents = {name_entity[(p, nm)] for p in name_owner[nm] if (p, nm) in name_entity}
                owners = sorted(claimed.get(key, set()) | name_owner[nm])
                if a in owners or key in named.get(a, ()) or any(
                        a in introducers.get(e, ()) or split_key(e)[1] in named.get(a, ())
                        for e in ents):
                    continue  # A's own name, or an entity A names (route 1 decided)
                b = _attribute(owners, sent, context, {key, *_words(nm)},
                               _not_later(owners, a, dates))
                if b is None:
                    report.unattributed += 1
                    ambiguous.add(f"name:{nm}")
                    continue
                offer(a, b, _Candidate(_text_kind(sent), name_entity.get((b, nm), ""), sent,
                                       name_route.get((b, nm), "title"), start))

    # Route 3: A's text links B by identifier (arxiv.org/abs/..., huggingface.co/papers/...,
    # doi.org/..., arXiv:...).
    by_ident: dict[str, str] = {}
    for p, d in papers.items():
        for ident in (d.get("arxiv_id"), d.get("doi")):
            if ident:
                by_ident.setdefault(str(ident).lower(), p)
    if by_ident:
        for a, text in texts.items():
            for start, sent in sentences(text):
                for m in _IDENT_URL.finditer(sent):
                    ident = (m.group("arxiv") or m.group("doi") or "").rstrip(".,;:)]}'\"")
                    b = by_ident.get(ident.lower())
                    if b is None or b == a:
                        continue
                    offer(a, b, _Candidate(_text_kind(sent), "", sent, "identifier", start))

    for (a, b), cand in sorted(best.items()):
        later = later_than(dates[b], dates[a])
        if later is None:
            report.undated += 1
        conflict = bool(later)
        G.add_edge(a, b, key=CITES_INFERRED_KEY, type=CITES, kind=cand.kind, entity=cand.entity,
                   evidence=cand.evidence, source=SOURCE_INFERRED, temporal_conflict=conflict)
        report.added += 1
        report.temporal_conflicts += conflict
        if cand.route == "entity":
            report.via_entity += 1
        elif cand.route == "title":
            report.via_title += 1
        elif cand.route == "name":
            report.via_name += 1
        else:
            report.via_identifier += 1
        report.by_kind[cand.kind] = report.by_kind.get(cand.kind, 0) + 1
    report.ambiguous_names = sorted(ambiguous)
    return report


def credible_introducers(G: nx.MultiDiGraph, texts: dict[str, str] | None = None,
                         own_key: dict[str, str] | None = None
                         ) -> tuple[dict[str, set[str]], int, int]:
    """Entity node -> papers that credibly introduce it: INTRODUCES edges the text backs, plus
    names a paper's text introduces though extraction typed them as used ("two new benchmarks,
    MBPP"). Also returns (INTRODUCES edges ignored, introductions found in the text)."""
    papers = {n: d for n, d in G.nodes(data=True) if d.get("label") == PAPER}
    if texts is None:
        texts = {p: _paper_text(d) for p, d in papers.items()}
    if own_key is None:
        leads = {p: title_lead(d.get("title") or "") for p, d in papers.items()}
        own_key = {p: _key(lead) for p, lead in leads.items() if lead}
    introducers: dict[str, set[str]] = defaultdict(set)
    weak = found = 0
    cued = {p for p, t in texts.items() if _ANY_CUE.search(t)}  # could introduce anything
    for u, v, d in G.edges(data=True):
        if u not in papers or split_key(v)[0] not in ENTITY_LABELS:
            continue
        if d.get("type") == INTRODUCES:
            known = "gazetteer" in str(d.get("extractor") or "")  # a well-known name: be strict
            if _credible(G, u, v, d, texts[u], own_key.get(u), strict=known):
                introducers[v].add(u)
            else:
                weak += 1
        elif d.get("type") in _CITING_RELS and u in cued and _credible(
                G, u, v, d, texts[u], own_key.get(u), strict=True):
            introducers[v].add(u)
            found += 1
    return introducers, weak, found


_INTRO_BEFORE = re.compile(
    r"(?:\b(?:we|this (?:paper|work|study)|our (?:paper|work))\b[^.;:]{0,60}?\b(?:introduc|"
    r"propos|present|develop|releas|buil|construct|creat|design|curat|collect|contribut|"
    r"call|nam|dub|term|coin)\w*"
    r"|\b(?:called|named|dubbed|termed|coined|namely|introducing|proposing|presenting)"
    r"|\b(?:new|novel)\b[^.;:]{0,40}?)"
    r"[^.;:]{0,50}$"
    r"|\bour\s+(?:\w+\s+){0,2}(?:model|method|approach|framework|algorithm|system|benchmark|"
    r"dataset|agent|pipeline|tool|suite)s?,?\s*$",
    re.IGNORECASE,
)
#: The strict form: the introducing phrase runs right up to the name, through plain words only
#: ("we propose a novel method called X", "two new benchmarks, X and ...", "named X").
_NO_JOIN = r"(?!(?:on|in|with|from|than|over|to|of|such|as|like|including|by|for|against|using|" \
    r"via|at|into|is|are|was|were|that|which)\b)"
_HEADS = (r"algorithm|method|approach|model|framework|benchmark|dataset|system|technique|"
          r"architecture|pipeline|agent|suite|metric|tool|library|procedure|strategy|objective|"
          r"family|corpus|optimizer|scheme|paradigm|recipe")
_STRICT_BEFORE = re.compile(
    r"(?:\b(?:called|named|dubbed|termed|coined)\s+[\"'\u201c]?"
    r"|\bwe\s+(?:\w+\s+){0,2}?(?:introduc|propos|present|releas|develop|buil|construct|creat|"
    rf"design|curat)\w*\s+(?:{_NO_JOIN}[\w-]+\s+){{0,5}}?(?:{_NO_JOIN}[\w-]*(?:{_HEADS}),\s+)?"
    r"|\bnew\s+(?:\w+\s+){0,2}?(?:benchmark|dataset|corpus|method|algorithm|model|framework|"
    r"metric|task|suite|environment)s?[,:]?\s+(?:[\w-]+,?\s+(?:and\s+)?)?)$",
    re.IGNORECASE,
)
_INTRO_AFTER = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*(?:,|:|is|was)\s+(?:a|an)\s+(?:new|novel)\b",
                          re.IGNORECASE)
_FRAGMENT_BEFORE = re.compile(r"(?<![.!?]\s)(?<![\w'-])"
                              r"(?!(?:The|A|An|Our|We|This|In|With|On|For)\s)"
                              r"[\w'-]*[A-Z][\w'-]*\s$")
#: A name used as a modifier ("a new RLHF algorithm", "BEIR leaderboard"): not what is new.
_MODIFIER_AFTER = re.compile(
    r"^\s+(?!(?:and|or|that|which|is|are|was|were|to|for|with|on|in|as|by|from|of|at|via|"
    r"using|can|could|will|would|achieves?|outperforms?|improves?|consists?|contains?|"
    r"significantly|substantially|also)\b)[a-z]")
_FRAGMENT_AFTER = re.compile(r"^(?:-\w|\s?v\d|\d|\s+\d+(?:\.\d+)?\b)")


def _credible(G: nx.MultiDiGraph, paper: str, ent: str, d: dict, text: str,
              lead_key: str | None, strict: bool = False) -> bool:
    """Whether a paper's INTRODUCES edge is backed by its text: the name leads (or starts) its
    title, or it is a coined name (CamelCase, acronym, digits, defined with an acronym, or one
    capitalised word) that its sentence introduces ("we propose X", "called X", "two new
    benchmarks, X", "X, a novel ..."), and not a fragment of a longer name ("Meta X", "X v2").
    strict (for well-known names, and for names extraction typed as used): no title-start or
    single-word names, the phrase must run right up to the name, and the name must not be a
    modifier ("a new RLHF algorithm")."""
    eid = split_key(ent)[1]
    if lead_key and lead_key == eid:
        return True
    surface = d.get("surface") or G.nodes[ent].get("name") or ""
    if strict and not _ANY_CUE.search(text):
        return False
    title = G.nodes[paper].get("title") or ""
    if not strict and name_like(surface) and title.startswith(surface) and not re.match(
            r"[\w-]|\s?v\d", title[len(surface):]):
        return True
    start, end = d.get("char_start"), d.get("char_end")
    spans = []
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        spans.append((start, end))
    spans += _occurrences(text, surface)
    for s, e in spans:
        sent_start = max(text.rfind(".", 0, s), text.rfind("\n", 0, s)) + 1
        before, after = text[sent_start:s], text[e:e + 60]
        if _FRAGMENT_BEFORE.search(before) or _FRAGMENT_AFTER.match(after):
            continue
        if strict and _MODIFIER_AFTER.match(after):
            continue
        acronym = re.match(r"\s*\(([^()]{1,20})\)", after)
        coined = (name_like(surface) or bool(acronym and name_like(acronym.group(1)))
                  or (not strict and re.fullmatch(r"[A-Z][a-z]{2,}", surface) is not None))
        cue = _STRICT_BEFORE if strict else _INTRO_BEFORE
        if coined and (cue.search(before) or _INTRO_AFTER.match(after)):
            return True
    return False


_ANY_CUE = re.compile(r"\b(?:we|called|named|dubbed|termed|coined|new|novel)\b", re.IGNORECASE)


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """(start, end) of every whole-word occurrence of name in text."""
    out: list[tuple[int, int]] = []
    if len(name) < 2:
        return out
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        before = text[i - 1] if i else " "
        after = text[j] if j < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            out.append((i, j))
        i = text.find(name, i + 1)
    return out


def _evidence(text: str, d: dict) -> str:
    """The citing sentence of an entity edge: its evidence when that holds the mention, else
    the sentence of text around the mention's offset."""
    evidence, surface, start = d.get("evidence") or "", d.get("surface") or "", d.get("char_start")
    if surface and surface in evidence or not isinstance(start, int) or start >= len(text):
        return evidence
    return sentence_at(text, start) or evidence


_TOKEN = re.compile(r"[^\s,;:()\[\]{}\"'!?/]+")


def _lead_mentions(index: tuple[dict[str, str], dict[str, str], set[str]], text: str):
    """(sentence offset, sentence, name) for each indexed name in a sentence of text: word
    n-grams (up to 4 words, diacritics folded) looked up in the index, whole words only."""
    exact, lower, firsts = index
    for start, sent in sentences(text):
        tokens = [t.rstrip(".") for t in _TOKEN.findall(fold_latex_accents(sent))]
        for i, tok in enumerate(tokens):
            if tok not in firsts and tok.lower() not in firsts:
                continue
            for n in (4, 3, 2, 1):
                if i + n > len(tokens):
                    continue
                gram = " ".join(tokens[i:i + n])
                lead = exact.get(gram) or lower.get(gram.lower())
                if lead:
                    yield start, sent, lead
                    break


def _lead_index(leads: list[str]) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Folded lead -> lead (case-sensitive), lower-cased folded lead -> lead for numbered names
    in capitals, which also match in title case ("TÜLU 3" ~ "Tülu 3"), and first words."""
    exact: dict[str, str] = {}
    lower: dict[str, str] = {}
    for lead in sorted(leads):
        folded = " ".join(ascii_fold(lead).split())
        exact.setdefault(folded, lead)
        if any(c.isdigit() for c in folded) and any(w.isupper() and len(w) > 2
                                                     for w in folded.split()):
            lower.setdefault(folded.lower(), lead)
    firsts = {k.split(" ", 1)[0] for k in (*exact, *lower)}
    return exact, lower, firsts


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
    "later_than",
    "inferred_citations",
    "node_key",
    "paper_date",
    "title_lead",
]
