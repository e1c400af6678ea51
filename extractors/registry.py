"""The step across papers, without spaCy: the canonical entity registry (which long form an
acronym stands for, the type votes of every key) and a paper's extraction from its plain
results. A build's main process canonicalises with this module alone; the spaCy pipeline
(extractors/pipeline.py) runs where papers are extracted."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

from paperkg.core.records import Entity, Mention, PaperExtraction, Reference, Result
from paperkg.extractors import result_names, task_keys
from paperkg.extractors.canonical import canonical_key, is_acronym
from paperkg.extractors.listed_forms import add_listed_forms
from paperkg.extractors.task_keys import join_task_keys
from paperkg.extractors.urls import classify_url


def _extraction(paper_id: str, doc) -> PaperExtraction:
    """The PaperExtraction of one processed doc."""
    data = doc.user_data
    ents = []
    # Fields given by position (Entity: name, type, role, aliases, mentions, confidence,
    # extractor, key, evaluated; Mention: text, start, end, sentence): a dataclass call with
    # keywords took about twice as long, and a build makes one a mention.
    for e in data.get("pk_ents", []):
        typ = e["type"]
        ents.append(Entity(
            e["name"], typ, e["role"], list(e["aliases"]),
            [Mention(m[0], m[1], m[2], m[3]) for m in e["mentions"]],
            e["confidence"], e["extractor"], e["key"],
            e["evaluated"] and typ in ("DATASET", "BENCHMARK"),
        ))
        ents[-1]._acronym = e.get("acronym")  # type: ignore[attr-defined]
        ents[-1]._long_form = e.get("long_form", False)  # type: ignore[attr-defined]
    repos, links = [], []
    seen = set()
    for a, b, url, sentence in data.get("pk_refs", []):
        info = classify_url(url)
        if info["id"] in seen:
            continue
        seen.add(info["id"])
        ref = Reference(url=url, start=a, end=b, sentence=sentence)
        # Code repositories are `repos`; Hugging Face model/dataset pages are `links` as the
        # annotation guidelines say (the graph still files them as Repository nodes by kind).
        (repos if info["repo_kind"] == "code" else links).append(ref)
    results = [Result(**r) for r in data.get("pk_results", [])]
    return PaperExtraction(paper_id=paper_id, entities=ents, repos=repos, links=links,
                           results=results)


#: Marks, in the registry's long forms, one a paper defines as its own new name ("we propose
#: Voronoi-Assisted Diffusion (VAD)"): it makes the acronym's meaning ambiguous like any other
#: long form, but no other paper's bare acronym is taken to stand for it (no canonical key
#: holds whitespace, so the mark is never part of a key).
OWN = "\t"


def votes_of(entities: Iterable[tuple[str, str, str, str | None, bool, str]]
             ) -> Iterator[tuple[tuple[str, str] | None, tuple[str, str, str]]]:
    """What each entity (key, name, type, acronym, is long form, role) counts in the registry:
    its (acronym key, long key, marked OWN when introduced) when it is a defined long form, and
    its type vote (key, acronym key or "", type); a paper's own introduced acronym has no
    acronym key (it names the paper's thing, whatever another paper spells out)."""
    for key, name, typ, acr, long_form, role in entities:
        own = role == "introduced"
        long = (canonical_key(acr), OWN * own + key) if acr and long_form else None
        short = "" if long_form or own or not is_acronym(name) else canonical_key(name)
        yield long, (key, short, typ)


def long_of(longs: set[str] | None) -> str | None:
    """The long key a bare acronym with these registered long forms stands for: the one long
    form defined, if some paper defines it as a name it uses (not only as its own new one)."""
    if not longs:
        return None
    keys = {lg.removeprefix(OWN) for lg in longs}
    key = next(iter(keys)) if len(keys) == 1 else None
    return key if key in longs else None


def raw_votes(entities: Iterable[dict]) -> Iterator[tuple[tuple[str, str] | None,
                                                           tuple[str, str, str]]]:
    """votes_of one paper's plain entities (as its extraction JSON holds them)."""
    return votes_of((e["key"], e["name"], e["type"], e.get("acronym"), e.get("long_form", False),
                     e["role"]) for e in entities)


def tally(entity_lists: Iterable[Iterable[dict]]) -> tuple[Counter, Counter]:
    """(long forms, type votes) of raw_votes over papers' plain entities, counted in order: a
    counter's keys come in the order they first occur, as counting paper by paper leaves them."""
    longs: Counter = Counter()
    votes: Counter = Counter()
    for entities in entity_lists:
        for long, vote in raw_votes(entities):
            if long is not None:
                longs[long] += 1
            votes[vote] += 1
    return longs, votes


#: The type the cross-paper vote never gives: the one a name no rule typed falls to, so a
#: majority of it is mostly papers whose rules found no cue. A vote passes on cues only.
FALLBACK = "METHOD"


def resolved_type(counts: Counter, typ: str) -> str:
    """The type an entity of type typ gets when its canonical key has these type counts: the
    majority, if it beats typ's own count and is not the fallback METHOD; ties go to the type
    named first alphabetically, never to the paper order."""
    if len(counts) > 1:
        best, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if n > counts[typ] and best != FALLBACK:
            return best
    return typ


class Registry:
    """The canonical entity registry across papers: which long form an acronym stands for and
    the type votes of every key. Fed one paper at a time (`add`), then applied one paper at a
    time (`apply`), so a collection is canonicalised without holding all its extractions."""

    def __init__(self) -> None:
        self.long_forms: dict[str, set[str]] = defaultdict(set)  # acronym key -> long keys
        self.votes: Counter = Counter()  # (key, acronym key or "", type) -> entities
        self._types: dict[str, Counter] | None = None

    def add(self, entities: Iterable[Entity]) -> None:
        """Count one paper's (not yet canonical) entities."""
        self._count(votes_of((e.key, e.name, e.type, getattr(e, "_acronym", None),
                              getattr(e, "_long_form", False), e.role) for e in entities))

    def add_raw(self, entities: Iterable[dict]) -> None:
        """Count one paper's entities from its plain results (as `add`, without objects)."""
        self._count(raw_votes(entities))

    def _count(self, votes: Iterable[tuple[tuple[str, str] | None, tuple[str, str, str]]]
               ) -> None:
        self._types = None
        for long, vote in votes:
            if long is not None:
                self.long_forms[long[0]].add(long[1])
            self.votes[vote] += 1

    def _key(self, key: str, short: str) -> str:
        """The canonical key: the long form a bare acronym stands for (long_of), else its own."""
        return (long_of(self.long_forms.get(short)) if short else None) or key

    def types(self) -> dict[str, Counter]:
        """Canonical key -> entities per type, over every paper added."""
        if self._types is None:
            types: dict[str, Counter] = defaultdict(Counter)
            for (key, short, typ), n in self.votes.items():
                types[self._key(key, short)][typ] += n
            self._types = types
        return self._types

    def apply(self, ex: PaperExtraction) -> None:
        """Give one paper's entities their canonical keys and majority types, one per key."""
        types = self.types()
        for e in ex.entities:
            long_form = getattr(e, "_long_form", False)
            if not long_form and e.role != "introduced" and is_acronym(e.name):
                e.key = self._key(e.key, canonical_key(e.name))
        for e in ex.entities:
            # a listed name keeps the list's type, the paper's own name its paper's
            if "gazetteer" not in e.extractor and e.role != "introduced":
                e.type = resolved_type(types[e.key], e.type)
        # one entity per key inside a paper
        merged: dict[tuple[str, str], Entity] = {}
        out = []
        for e in ex.entities:
            k = (e.type, e.key)
            if k in merged:
                d = merged[k]
                for f in [e.name, *e.aliases]:
                    if f != d.name and f not in d.aliases:
                        d.aliases.append(f)
                d.mentions.extend(e.mentions)
                d.confidence = max(d.confidence, e.confidence)
                if e.role == "introduced":
                    d.role = "introduced"
                d.evaluated = d.evaluated or e.evaluated
            else:
                merged[k] = e
                out.append(e)
        for e in out:
            e.__dict__.pop("_acronym", None)
            e.__dict__.pop("_long_form", None)
        ex.entities = out


def canonicalise(extractions: list[PaperExtraction]) -> None:
    """Give every entity the key shared across papers; one type per key (majority)."""
    registry = Registry()
    for ex in extractions:
        registry.add(ex.entities)
    for ex in extractions:
        registry.apply(ex)


class _Results:
    """What _extraction() needs of a processed doc, without the Doc."""

    def __init__(self, ents: list, refs: list, results: list):
        self.user_data = {"pk_ents": ents, "pk_refs": refs, "pk_results": results}


def from_raw(paper_id: str, raw: Sequence[list]) -> PaperExtraction:
    """The PaperExtraction of one paper from its plain results (before canonicalisation)."""
    ents, refs, *rest = raw
    return _extraction(paper_id, _Results(ents, refs, rest[0] if rest else []))


def finish(extractions: list[PaperExtraction]) -> None:
    """The step across papers: canonical keys and types, metrics' listed forms, then result
    names settled (by those forms too: a result's "Dice" is the entity "Dice scores")."""
    canonicalise(extractions)
    for ex in extractions:
        if task_keys.JOIN:
            join_task_keys(ex)
        add_listed_forms(ex)
        result_names.settle_names(ex)


def finished(items: Callable[[], Iterable[tuple[str, Sequence[list]]]],
             entities: Callable[[], Iterable[list]] | None = None
             ) -> Iterator[PaperExtraction]:
    """What `finish` makes of a collection, one paper at a time: `items()` yields (paper id,
    plain results) and is called twice (once to fill the registry, once to apply it), unless
    `entities()` gives the registry what it reads (each paper's plain entities, in order)."""
    registry = Registry()
    if entities is not None:
        for ents in entities():
            registry.add_raw(ents)
    else:
        for _, raw in items():
            registry.add_raw(raw[0])
    for paper_id, raw in items():
        yield canonical_extraction(registry, paper_id, raw)


def canonical_extraction(reg: Registry, paper_id: str, raw: Sequence) -> PaperExtraction:
    """One paper's extraction from its plain results, canonicalised by the registry reg."""
    ex = from_raw(paper_id, raw)
    reg.apply(ex)
    if task_keys.JOIN:
        join_task_keys(ex)
    add_listed_forms(ex)
    result_names.settle_names(ex)
    return ex
