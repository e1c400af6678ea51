"""The one schema of the paperkg graph: node labels, relationship types, properties and RDF terms.

Every sink (LadybugDB DDL, Neo4j constraints, RDF mapping, pyvis colours, CSV/GraphML export)
reads this module; nothing else names a label, a relationship type or a property.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------------
# Property types: one name per storage type, mapped to every sink below.
STRING = "STRING"
INT = "INT64"
FLOAT = "DOUBLE"
BOOL = "BOOL"
STRING_LIST = "STRING[]"

#: XSD datatype of each property type (RDF literals).
XSD_OF = {STRING: "xsd:string", INT: "xsd:integer", FLOAT: "xsd:double", BOOL: "xsd:boolean"}

# ---------------------------------------------------------------------------------------------
# RDF namespaces (prefix -> IRI). The base for paperkg's own resources is configurable.
DEFAULT_BASE = "https://w3id.org/paperkg/"
PKG_ONTOLOGY = "https://w3id.org/paperkg/ontology#"

PREFIXES = {
    "pkg": PKG_ONTOLOGY,
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "fabio": "http://purl.org/spar/fabio/",
    "cito": "http://purl.org/spar/cito/",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "lpwc": "https://linkedpaperswithcode.com/property/",
    "lpwcc": "https://linkedpaperswithcode.com/class/",
    "mls": "http://www.w3.org/ns/mls#",
}


@dataclass(frozen=True)
class Prop:
    """One property of a node or relationship."""

    name: str
    type: str = STRING
    rdf: str | None = None  # predicate CURIE; None: not mapped (or mapped structurally)
    doc: str = ""


@dataclass(frozen=True)
class NodeType:
    """One node label with its key, properties, RDF classes and display colour."""

    label: str
    props: tuple[Prop, ...]
    rdf_types: tuple[str, ...]
    color: str
    doc: str
    namespace: str  # IRI path segment under the base: one namespace per node type
    key: str = "id"
    display: str = "name"  # property shown as the node's caption

    @property
    def prop_names(self) -> list[str]:
        """Names of the properties, key first."""
        return [p.name for p in self.props]

    def prop(self, name: str) -> Prop:
        """The property called name."""
        for p in self.props:
            if p.name == name:
                return p
        raise KeyError(f"{self.label} has no property {name!r}")


@dataclass(frozen=True)
class RelType:
    """One relationship type with the (from, to) label pairs it may join."""

    type: str
    pairs: tuple[tuple[str, str], ...]
    props: tuple[Prop, ...]
    rdf: str  # predicate CURIE of the direct triple
    doc: str
    # extra aligned predicates (e.g. LPWC): "CURIE", "CURIE@Label" (only towards that label),
    # "^CURIE" (the inverse triple, object -> subject)
    rdf_aligned: tuple[str, ...] = field(default=())

    @property
    def prop_names(self) -> list[str]:
        """Names of the properties."""
        return [p.name for p in self.props]

    @property
    def sources(self) -> list[str]:
        """Labels this type may start from."""
        return sorted({a for a, _ in self.pairs})

    @property
    def targets(self) -> list[str]:
        """Labels this type may end at."""
        return sorted({b for _, b in self.pairs})


# ---------------------------------------------------------------------------------------------
# Labels
PAPER = "Paper"
METHOD = "Method"
MODEL = "Model"
DATASET = "Dataset"
BENCHMARK = "Benchmark"
METRIC = "Metric"
TASK = "Task"
REPOSITORY = "Repository"
LINK = "Link"
SOURCE = "Source"
RESULT = "Result"

#: Extraction type names (upper case, as in the gold guidelines) and their node labels.
ENTITY_TYPES = {
    "METHOD": METHOD,
    "MODEL": MODEL,
    "DATASET": DATASET,
    "BENCHMARK": BENCHMARK,
    "METRIC": METRIC,
    "TASK": TASK,
}
ENTITY_LABELS = tuple(ENTITY_TYPES.values())
#: The named-entity types scored together ("named-untyped" / "named-typed").
NAMED_TYPES = ("METHOD", "MODEL", "DATASET", "BENCHMARK")

#: Entity counter: distinct papers introducing it (graph/counters.py keeps it).
INTRODUCED_BY = "introduced_by"

_ENTITY_PROPS = (
    Prop("id", STRING, "dcterms:identifier", "canonical key: the normalised name"),
    Prop("name", STRING, "rdfs:label", "the most complete surface form seen"),
    Prop("aliases", STRING_LIST, "skos:altLabel", "every other surface form seen"),
    Prop("paper_count", INT, "pkg:paperCount", "papers that name it"),
    Prop(INTRODUCED_BY, INT, "pkg:introducedByCount", "papers that introduce it"),
)

_ENTITY_RDF = {
    METHOD: (("pkg:Method", "lpwcc:Method"), "#4e79a7", "A named algorithm, technique or system."),
    MODEL: (("pkg:Model", "schema:SoftwareApplication"), "#f28e2b", "A trained model (family)."),
    DATASET: (("schema:Dataset", "pkg:Dataset", "lpwcc:Dataset"), "#59a14f", "A named dataset."),
    BENCHMARK: (("pkg:Benchmark", "lpwcc:Evaluation"), "#e15759", "An evaluation suite."),
    METRIC: (("pkg:Metric", "lpwcc:Metric", "mls:EvaluationMeasure"), "#76b7b2",
             "A named evaluation measure."),
    TASK: (("pkg:Task", "lpwcc:Task"), "#edc948", "A research problem or task."),
}

#: Paper property: `published` as an integer in the same order (graph/counters.py), and its
#: value for a paper with no date or a date in another form (above every date: never cut).
PUBLISHED_ORDER = "published_order"
PUBLISHED_ORDER_UNKNOWN = 1_000_000_000

#: Where CITES edges come from: citation inference, then each enrichment service.
CITATION_SOURCES = ("inferred", "openalex", "semanticscholar")
#: Paper counter: distinct papers citing it, over every source (graph/counters.py keeps it).
CITED_BY = "cited_by"


def cited_by_prop(source: str | None = None) -> str:
    """The Paper counter of distinct citing papers, of one citation source (None: any)."""
    return f"{CITED_BY}_{source}" if source else CITED_BY


_CITED_BY_PROPS = (
    Prop(CITED_BY, INT, "pkg:citedByCount", "distinct papers citing it (CITES of any source)"),
    *(Prop(cited_by_prop(s), INT, f"pkg:citedBy{s.capitalize()}Count",
           f"distinct papers citing it by a CITES edge of source {s}")
      for s in CITATION_SOURCES),
)

#: Repository counters (graph/counters.py keeps them): per owner, the repositories papers name
#: and the papers naming them, stored once per owner (on its first repository); and the
#: Paper counter of the repositories it names.
OWNER_REPOS = "owner_repos"
OWNER_PAPERS = "owner_papers"
CODE_REPOS = "code_repos"

NODE_TYPES: dict[str, NodeType] = {
    PAPER: NodeType(
        label=PAPER,
        props=(
            Prop("id", STRING, "dcterms:identifier", "arXiv id, DOI, or title-derived id"),
            Prop("title", STRING, "dcterms:title"),
            Prop("abstract", STRING, "dcterms:abstract"),
            Prop("authors", INT, "pkg:authorCount", "number of authors, when listed"),
            Prop("published", STRING, "dcterms:issued", "ISO 8601; --MM-DD when no year"),
            Prop(PUBLISHED_ORDER, INT, None,
                 "published as a number that sorts as its text does (YYYYMMDD, MMDD for "
                 "--MM-DD, 0 for a missing part; 1000000000 for none or another form)"),
            Prop("listing_date", STRING, "pkg:listingDate", "date of the listing page"),
            Prop("arxiv_id", STRING, "pkg:arxivId"),
            Prop("doi", STRING, "pkg:doi"),
            Prop("url", STRING, "schema:url"),
            Prop("title_key", STRING, None, "normalised title used to merge records"),
            Prop("source_count", INT, "pkg:sourceCount", "listing files it was read from"),
            Prop("venue", STRING, "schema:isPartOf", "venue, from enrichment"),
            Prop("author_names", STRING_LIST, "pkg:authorName", "authors, from enrichment"),
            *_CITED_BY_PROPS,
            Prop(CODE_REPOS, INT, None, "repositories it names (HAS_CODE)"),
        ),
        rdf_types=("schema:ScholarlyArticle", "fabio:ResearchPaper"),
        color="#9c755f",
        doc="A paper read from a listing.",
        namespace="paper",
        display="title",
    ),
    **{
        label: NodeType(
            label=label,
            props=_ENTITY_PROPS,
            rdf_types=_ENTITY_RDF[label][0],
            color=_ENTITY_RDF[label][1],
            doc=_ENTITY_RDF[label][2],
            namespace=label.lower(),
        )
        for label in ENTITY_LABELS
    },
    REPOSITORY: NodeType(
        label=REPOSITORY,
        props=(
            Prop("id", STRING, "dcterms:identifier", "normalised URL"),
            Prop("url", STRING, "schema:codeRepository"),
            Prop("host", STRING, "pkg:host"),
            Prop("owner", STRING, "pkg:owner"),
            Prop("name", STRING, "schema:name"),
            Prop("kind", STRING, "pkg:repositoryKind", "code, model, dataset or space"),
            Prop(OWNER_REPOS, INT, None, "on the owner's first repository (smallest id) that "
                 "papers name: the owner's repositories papers name (0 on the others)"),
            Prop(OWNER_PAPERS, INT, None, "on that same repository: papers naming any of the "
                 "owner's repositories (0 on the others)"),
        ),
        rdf_types=("schema:SoftwareSourceCode",),
        color="#b07aa1",
        doc="A code, model or dataset repository.",
        namespace="repo",
    ),
    LINK: NodeType(
        label=LINK,
        props=(
            Prop("id", STRING, "dcterms:identifier", "the URL"),
            Prop("url", STRING, "schema:url"),
            Prop("host", STRING, "pkg:host"),
        ),
        rdf_types=("schema:WebPage",),
        color="#bab0ac",
        doc="Any other URL named by a paper.",
        namespace="link",
        display="url",
    ),
    SOURCE: NodeType(
        label=SOURCE,
        props=(
            Prop("id", STRING, "dcterms:identifier", "sha256 prefix of the file's bytes"),
            Prop("path", STRING, "pkg:path"),
            Prop("name", STRING, "rdfs:label", "file name"),
            Prop("layout", STRING, "pkg:layout", "blocks, dense, json or jsonl"),
            Prop("listing_date", STRING, "pkg:listingDate"),
            Prop("paper_count", INT, "pkg:paperCount"),
        ),
        rdf_types=("prov:Entity", "pkg:Listing"),
        color="#d3d3d3",
        doc="A listing file papers were read from.",
        namespace="source",
    ),
    RESULT: NodeType(
        label=RESULT,
        props=(
            Prop("id", STRING, "dcterms:identifier", "paper id, '#r', offset of the value"),
            Prop("value", STRING, "pkg:valueText", "the value exactly as written"),
            Prop("number", FLOAT, "mls:hasValue", "the value as a number (LaTeX escapes read)"),
            Prop("unit", STRING, "pkg:unit", "%, x, points, dB, ... (empty when none)"),
            Prop("kind", STRING, "pkg:resultKind", "score, delta or ratio"),
            Prop("condition", STRING, "pkg:condition", "the condition of a second value"),
            Prop("system", STRING, "pkg:systemName", "the system's name, THIS_PAPER, or none"),
            Prop("benchmark", STRING, "pkg:benchmarkName", "the benchmark or dataset as named"),
            Prop("metric", STRING, "pkg:metricName", "the metric as named"),
        ),
        rdf_types=("mls:ModelEvaluation", "pkg:Result"),
        color="#ff9da7",
        doc="A number a paper reports for a system (on a benchmark, by a metric).",
        namespace="result",
        display="value",
    ),
}

# Evidence carried by every extracted statement.
_EVIDENCE = (
    Prop("evidence", STRING, "pkg:evidenceSentence", "the sentence that states it"),
    Prop("char_start", INT, "pkg:charStart", "offset of the mention in title + \\n + abstract"),
    Prop("char_end", INT, "pkg:charEnd"),
    Prop("surface", STRING, "pkg:surfaceForm", "the text as written"),
    Prop("extractor", STRING, "pkg:extractor", "rule or component that found it"),
    Prop("confidence", FLOAT, "pkg:confidence"),
    Prop("mentions", INT, "pkg:mentionCount", "mentions of it in the paper"),
)


def _pairs(*targets: str) -> tuple[tuple[str, str], ...]:
    return tuple((PAPER, t) for t in targets)


INTRODUCES = "INTRODUCES"
USES = "USES"
EVALUATED_ON = "EVALUATED_ON"
REPORTS = "REPORTS"
ADDRESSES = "ADDRESSES"
HAS_CODE = "HAS_CODE"
HAS_LINK = "HAS_LINK"
CITES = "CITES"
LISTED_IN = "LISTED_IN"
REPORTS_RESULT = "REPORTS_RESULT"
OF = "OF"
MEASURED_ON = "MEASURED_ON"
MEASURED_BY = "MEASURED_BY"

REL_TYPES: dict[str, RelType] = {
    INTRODUCES: RelType(
        INTRODUCES, _pairs(*ENTITY_LABELS), _EVIDENCE, "pkg:introduces",
        "The paper proposes, introduces or releases it.", ("^lpwc:introducedBy@Method",),
    ),
    USES: RelType(
        USES, _pairs(METHOD, MODEL, DATASET), _EVIDENCE, "pkg:uses",
        "The paper applies or compares with it.",
        ("lpwc:hasMethod@Method", "lpwc:usesDataset@Dataset"),
    ),
    EVALUATED_ON: RelType(
        EVALUATED_ON, _pairs(BENCHMARK, DATASET), _EVIDENCE, "pkg:evaluatedOn",
        "The paper evaluates on it.", ("lpwc:usesDataset@Dataset",),
    ),
    REPORTS: RelType(REPORTS, _pairs(METRIC), _EVIDENCE, "pkg:reports", "The paper reports it."),
    ADDRESSES: RelType(
        ADDRESSES, _pairs(TASK), _EVIDENCE, "pkg:addresses", "The paper is about this task.",
        ("lpwc:hasTask",),
    ),
    HAS_CODE: RelType(
        HAS_CODE, _pairs(REPOSITORY), _EVIDENCE[:3], "schema:codeRepository",
        "The paper names this repository.",
    ),
    HAS_LINK: RelType(
        HAS_LINK, _pairs(LINK), _EVIDENCE[:3], "schema:relatedLink", "The paper names this URL.",
    ),
    CITES: RelType(
        CITES,
        ((PAPER, PAPER),),
        (
            Prop("kind", STRING, "pkg:citationKind", "uses, evaluates_on, compares_with, mentions"),
            Prop("entity", STRING, "pkg:viaEntity", "node key (Label:id) of the named entity"),
            Prop("evidence", STRING, "pkg:evidenceSentence", "the citing paper's sentence"),
            Prop("source", STRING, "pkg:citationSource", "inferred, openalex, semanticscholar"),
            Prop("temporal_conflict", BOOL, "pkg:temporalConflict", "cited paper appeared later"),
            Prop("confidence", FLOAT, "pkg:citationConfidence",
                 "how sure an inferred edge is, 0-1"),
            Prop("temporal", STRING, "pkg:temporalCheck",
                 "ok (dates order the pair) or unknown (a side has no usable date)"),
            Prop("name", STRING, "pkg:citedName", "the name the citing sentence names"),
        ),
        "cito:cites",
        "The paper names what the cited paper introduced (or a service says so).",
    ),
    LISTED_IN: RelType(
        LISTED_IN,
        ((PAPER, SOURCE),),
        (
            Prop("line", INT, "pkg:line", "1-based line of the title in the file"),
            Prop("listing_date", STRING, "pkg:listingDate"),
        ),
        "prov:wasDerivedFrom",
        "The paper was read from this listing.",
    ),
    REPORTS_RESULT: RelType(
        REPORTS_RESULT, ((PAPER, RESULT),), _EVIDENCE[:5], "pkg:reportsResult",
        "The paper states this result (the evidence is its sentence).",
    ),
    OF: RelType(OF, ((RESULT, METHOD), (RESULT, MODEL)), (), "pkg:ofSystem",
                "The method or model that achieved the result."),
    MEASURED_ON: RelType(MEASURED_ON, ((RESULT, BENCHMARK), (RESULT, DATASET)), (),
                         "pkg:onDataset", "The benchmark or dataset the result was measured on."),
    MEASURED_BY: RelType(MEASURED_BY, ((RESULT, METRIC),), (), "mls:specifiedBy",
                         "The metric the result is measured by."),
}

#: The embedded store keeps these relationship properties (the long strings: ~200 characters
#: of evidence on each of ~480,000 entity edges at 100,000 papers) out of the relationship
#: tables, in the side table EDGE_TEXT, which each relationship points to by its integer
#: TEXT_REF: the engine's checkpoint rewrites every string column of each relationship table an
#: update adds to or deletes from, whatever the number of rows (docs/scale.md, "Adding 500
#: papers", eighth and ninth passes). The graph, the queries, the exports and Neo4j still see
#: them as properties of the relationship. CITES keeps its own (enrichment writes them there).
SIDE_PROPS = ("evidence", "surface")
EDGE_TEXT = "EdgeText"
TEXT_REF = "text_ref"
EDGE_TEXT_PROPS = (Prop("id", INT), *(Prop(n) for n in SIDE_PROPS))


def side_props(rel: str) -> tuple[str, ...]:
    """The properties of a relationship type the embedded store keeps in EDGE_TEXT (none for
    a type it stores whole)."""
    rt = REL_TYPES.get(rel)
    if rt is None or rel == CITES:
        return ()
    return tuple(n for n in SIDE_PROPS if n in rt.prop_names)


def stored_props(rel: str) -> tuple[Prop, ...]:
    """The properties of a relationship type as the embedded store's table holds them: the
    schema's without its side properties, then TEXT_REF when it has any."""
    rt = REL_TYPES[rel]
    side = side_props(rel)
    if not side:
        return rt.props
    return (*(p for p in rt.props if p.name not in side), Prop(TEXT_REF, INT))


#: Relationship type for an extracted entity by its role and type, when not introduced.
ROLE_REL = {METHOD: USES, MODEL: USES, DATASET: USES, BENCHMARK: EVALUATED_ON,
            METRIC: REPORTS, TASK: ADDRESSES}

#: Store bookkeeping, not part of the graph (no sink exports it): per paper, the hash of what
#: its extraction read and that extraction's plain result as JSON, so that a build into an
#: existing store extracts only new or changed papers (graph/pipeline.py).
STATE = "PaperState"
STATE_PROPS = (Prop("id"), Prop("content_hash"), Prop("extraction"))

#: Store bookkeeping beside PaperState, not part of the graph either (graph/registry_store.py):
#: the canonical entity registry's counts and what entity nodes are made of across papers, so
#: that an update canonicalises and assembles only what its new papers touch.
REGISTRY_VOTE = "RegistryVote"  # entities per (key, acronym key or "", type)
REGISTRY_LONG = "RegistryLong"  # entities per (acronym key, long form key; registry.OWN marks)
ENTITY_SURFACE = "EntitySurface"  # per entity node (id): entities per name and per alias (JSON)
REGISTRY_STAMP = "RegistryStamp"  # which PaperState rows the counts are of
#: The citation step's per-name index (graph/citations/stored.py): claims, title leads and
#: links of every paper, and the papers that write each coined run or link each identifier.
CITE_INDEX = "CiteIndex"
REGISTRY_TABLES = {
    REGISTRY_VOTE: (Prop("id"), Prop("key"), Prop("short"), Prop("type"), Prop("count", INT)),
    REGISTRY_LONG: (Prop("id"), Prop("short"), Prop("long"), Prop("count", INT)),
    ENTITY_SURFACE: (Prop("id"), Prop("names"), Prop("aliases")),
    REGISTRY_STAMP: (Prop("id"), Prop("value")),
    CITE_INDEX: (Prop("id"), Prop("value")),
}

#: Drawn, never stored: two entities named by the same papers (overviews and the explorer).
CO_USED = "CO_USED"
CO_USED_DOC = "Named together by the same papers (line width follows how many)."

#: Beside an embedded store (name + suffix): its graph structure as compact arrays (node ids,
#: entity names, the library's GRAPH_RELS both ways, each paper's distinct MENTION_RELS
#: entities), read from the store and kept under the store file's identity; co_used_entities,
#: shortest_path, shared_entities and neighbourhood answer from it (cypher/adjacency.py). Not
#: part of the graph: no sink exports it, and any write to the store makes it stale (it is then
#: read again).
ADJACENCY_SUFFIX = ".adjacency"


def node_key(label: str, id_: str) -> str:
    """The networkx node key of a node: 'Label:id'."""
    return f"{label}:{id_}"


def split_key(key: str) -> tuple[str, str]:
    """Label and id of a networkx node key."""
    label, _, id_ = key.partition(":")
    return label, id_


def rel_for(entity_label: str, role: str, evaluated: bool = False) -> str:
    """Relationship type linking a paper to an entity it names in the given role."""
    if role == "introduced":
        return INTRODUCES
    if entity_label == DATASET and evaluated:
        return EVALUATED_ON
    return ROLE_REL[entity_label]
