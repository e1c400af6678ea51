"""Score extraction against gold annotations (per type, named entities, INTRODUCES, repos)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from paperkg.core.errors import UserError
from paperkg.core.records import Entity, PaperExtraction
from paperkg.extractors.urls import classify_url
from paperkg.graph.schema import ENTITY_TYPES, NAMED_TYPES

TYPES = tuple(ENTITY_TYPES)
NAMED = NAMED_TYPES


@dataclass
class Score:
    """Counts and the derived precision, recall and F1 of one row."""

    row: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    gold: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float:
        """TP / predictions (1.0 when nothing was predicted and nothing was expected)."""
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return (self.predicted - self.fp) / self.predicted

    @property
    def recall(self) -> float:
        """Matched gold / gold."""
        if self.gold == 0:
            return 1.0
        return (self.gold - self.fn) / self.gold

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def as_dict(self) -> dict:
        """A JSON-ready row."""
        return {"row": self.row, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4), "tp": self.tp,
                "fp": self.fp, "fn": self.fn, "gold": self.gold, "predicted": self.predicted}


def _norm(text: str) -> str:
    """Case-insensitive, space-folded surface form."""
    return " ".join(text.casefold().split())


def _forms(name: str, aliases: Iterable[str]) -> set[str]:
    """Every normalised surface form of an entity."""
    return {_norm(name), *(_norm(a) for a in aliases)} - {""}


def read_gold(path: str | Path) -> list[dict]:
    """Gold records from a JSON Lines file (one object per paper, with "title")."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"gold file not found: {path}")
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as exc:
            raise UserError(f"{path}:{n}: not JSON: {exc}") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("title"), str):
            raise UserError(f"{path}:{n}: a gold record needs a \"title\"")
        rec.setdefault("entities", [])
        rec.setdefault("repos", [])
        rec.setdefault("links", [])
        rec.setdefault("results", [])
        records.append(rec)
    if not records:
        raise UserError(f"no gold records in {path}")
    return records


def split_of(title_key: str) -> str:
    """'a' or 'b': a stable half of the gold papers, for tuning on one and checking the other."""
    return "a" if zlib.crc32(title_key.encode("utf-8")) % 2 == 0 else "b"


def _match(score: Score, preds: list[tuple[set[str], str]], golds: list[dict],
           typed: bool, counted: list[bool]) -> None:
    """Greedy one-to-one matching; a second prediction of a matched gold entity is a FP."""
    matched = [False] * len(golds)
    gforms = [_forms(g["name"], g.get("aliases", [])) for g in golds]
    for forms, ptype in preds:
        score.predicted += 1
        hit = None
        for i, g in enumerate(golds):
            if not (forms & gforms[i]):
                continue
            if typed and ptype != g["type"] and ptype not in g.get("alt_types", []):
                continue
            if matched[i]:
                continue  # already matched: this prediction would be a duplicate node
            hit = i
            break
        if hit is None:
            score.fp += 1
        else:
            matched[hit] = True
            score.tp += 1
    for i, c in enumerate(counted):
        if c:
            score.gold += 1
            if not matched[i]:
                score.fn += 1


def _entity_rows(gold: dict, ex: PaperExtraction | None, rows: dict[str, Score]) -> None:
    """Add one paper's counts to every entity row."""
    ents: list[Entity] = ex.entities if ex else []
    gents = gold["entities"]
    pred = [(_forms(e.name, e.aliases), e.type, e.role) for e in ents]
    for t in TYPES:
        pool = [g for g in gents if g["type"] == t or t in g.get("alt_types", [])]
        counted = [g["type"] == t for g in pool]
        _match(rows[t], [(f, pt) for f, pt, _ in pred if pt == t], pool, True, counted)
    named_gold = [g for g in gents if g["type"] in NAMED]
    named_pred = [(f, pt) for f, pt, _ in pred if pt in NAMED]
    _match(rows["named-untyped"], named_pred, named_gold, False, [True] * len(named_gold))
    _match(rows["named-typed"], named_pred, named_gold, True, [True] * len(named_gold))
    intro_gold = [g for g in gents if g.get("role") == "introduced"]
    intro_pred = [(f, pt) for f, pt, r in pred if r == "introduced"]
    _match(rows["INTRODUCES"], intro_pred, intro_gold, False, [True] * len(intro_gold))


def _url_row(score: Score, gold_urls: list[str], pred_urls: list[str]) -> None:
    """Set matching of URLs by their normalised node id."""
    g = {classify_url(u)["id"].casefold() for u in gold_urls}
    p = {classify_url(u)["id"].casefold() for u in pred_urls}
    score.gold += len(g)
    score.predicted += len(p)
    score.tp += len(g & p)
    score.fp += len(p - g)
    score.fn += len(g - p)


def _result_forms(name: str | None, ents: list) -> frozenset[str]:
    """Surface forms of a result's system/benchmark/metric name (its entity's aliases too)."""
    if name is None:
        return frozenset({"<none>"})
    forms = {_norm(name)}
    for e in ents:
        names = {_norm(e["name"]), *(_norm(a) for a in e.get("aliases", []))} if isinstance(
            e, dict) else _forms(e.name, e.aliases)
        if _norm(name) in names:
            forms |= names
    return frozenset(forms)


def _result_rows(gold: dict, ex: PaperExtraction | None, rows: dict[str, Score]) -> None:
    """results-value (same number and system) and results-full (also benchmark and metric)."""
    from paperkg.extractors.results import read_number

    def keys(results: list, ents: list, full: bool) -> list[tuple]:
        out = []
        for r in results:
            get = r.get if isinstance(r, dict) else lambda k, r=r: getattr(r, k)
            key = [read_number(str(get("value"))), _result_forms(get("system"), ents)]
            if full:
                key += [_result_forms(get("benchmark"), ents), _result_forms(get("metric"), ents)]
            out.append(tuple(key))
        return out

    preds = ex.results if ex else []
    pents = ex.entities if ex else []
    for row, full in (("results-value", False), ("results-full", True)):
        score = rows[row]
        g = keys(gold.get("results", []), gold["entities"], full)
        p = keys(preds, pents, full)
        used = [False] * len(g)
        score.gold += len(g)
        score.predicted += len(p)
        for pk in p:
            hit = next((i for i, gk in enumerate(g) if not used[i] and gk[0] == pk[0]
                        and all(a & b for a, b in zip(gk[1:], pk[1:], strict=True))), None)
            if hit is None:
                score.fp += 1
            else:
                used[hit] = True
                score.tp += 1
        score.fn += used.count(False)


def _gold_input(golds: list[dict], paths: Iterable[str | Path],
                corpus: str | Path | None, seeds: str | Path | None
                ) -> tuple[list[dict], list, int]:
    """(gold records kept, papers to extract, records skipped). With paths, the papers read
    from them; without, the gold records' own texts, a record without an abstract taking its
    text from the seed listings or the corpus by title (skipped, and counted, if not found)."""
    from paperkg.core.ids import title_key
    from paperkg.core.records import Paper
    from paperkg.readers import read_listings

    paths = [str(p) for p in paths]
    if paths:
        return golds, read_listings(paths).papers, 0
    from paperkg.extractors.training.data import with_texts

    counts: dict = {}
    kept = with_texts([dict(g) for g in golds], seeds, corpus, counts)
    papers = [Paper(id=f"gold-{i}", title=g["title"], abstract=g["abstract"],
                    title_key=title_key(g["title"])) for i, g in enumerate(kept)]
    return kept, papers, counts["skipped"]


def evaluate(gold_path: str | Path, paths: Iterable[str | Path] = (), split: str | None = None,
             workers: int = 1, nlp=None, corpus: str | Path | None = None,
             seeds: str | Path | None = None) -> dict:
    """Precision, recall and F1 of the extractor on the gold papers found in paths (no paths:
    on the gold records' own texts, joined from seeds or corpus where they have none)."""
    from paperkg.core.ids import title_key
    from paperkg.extractors.pipeline import extract

    golds = read_gold(gold_path)
    if split is not None:
        if split not in ("a", "b"):
            raise UserError(f"split must be 'a' or 'b', got {split!r}")
        golds = [g for g in golds if split_of(title_key(g["title"])) == split]
    golds, all_papers, skipped = _gold_input(golds, paths, corpus, seeds)
    by_key = {}
    for p in all_papers:
        by_key.setdefault(title_key(p.title), p)
    wanted = [by_key.get(title_key(g["title"])) for g in golds]
    papers = [p for p in wanted if p is not None]
    # Extract over every paper read, so that cross-paper canonicalisation is the real one.
    exs = extract(all_papers, workers=workers, nlp=nlp)
    ex_by_id = {p.id: ex for p, ex in zip(all_papers, exs, strict=True)}
    rows = {name: Score(name) for name in
            (*TYPES, "named-untyped", "named-typed", "INTRODUCES", "repos", "links",
             "results-value", "results-full")}
    missing = []
    for g, p in zip(golds, wanted, strict=True):
        ex = ex_by_id.get(p.id) if p is not None else None
        if p is None:
            missing.append(g["title"])
        _entity_rows(g, ex, rows)
        _url_row(rows["repos"], g.get("repos", []), [r.url for r in ex.repos] if ex else [])
        _url_row(rows["links"], g.get("links", []), [r.url for r in ex.links] if ex else [])
        _result_rows(g, ex, rows)
    return {
        "gold": str(gold_path),
        "papers": len(golds),
        "matched_papers": len(papers),
        "missing": missing,
        "skipped": skipped,
        "split": split,
        "rows": [s.as_dict() for s in rows.values()],
    }


def errors(gold_path: str | Path, paths: Iterable[str | Path] = (), split: str | None = None,
           nlp=None, corpus: str | Path | None = None, seeds: str | Path | None = None) -> list:
    """Per paper: gold named entities missed and predictions not in gold (for error analysis),
    by the pipeline nlp (None: the default one, as `evaluate`)."""
    from paperkg.core.ids import title_key
    from paperkg.extractors.pipeline import extract

    golds, papers, _ = _gold_input(read_gold(gold_path), paths, corpus, seeds)
    exs = extract(papers, nlp=nlp)
    by_key = {title_key(p.title): ex for p, ex in zip(papers, exs, strict=True)}
    out = []
    for g in golds:
        k = title_key(g["title"])
        if split and split_of(k) != split:
            continue
        ex = by_key.get(k)
        preds = ex.entities if ex else []
        pforms = [(_forms(e.name, e.aliases), e) for e in preds]
        gf = [(_forms(x["name"], x.get("aliases", [])), x) for x in g["entities"]]
        missed = [f"{x['type']}:{x['role']}:{x['name']}" for f, x in gf
                  if not any(f & pf for pf, _ in pforms)]
        wrong = []
        for pf, e in pforms:
            hits = [x for f, x in gf if f & pf]
            if not hits:
                wrong.append(f"FP {e.type}:{e.role}:{e.name} [{e.extractor} {e.confidence}]")
            else:
                x = hits[0]
                ok_type = e.type == x["type"] or e.type in x.get("alt_types", [])
                if not ok_type or e.role != x["role"]:
                    wrong.append(f"~ {e.type}:{e.role}:{e.name} gold {x['type']}:{x['role']}")
        out.append({"title": g["title"], "missed": missed, "wrong": wrong})
    return out


def _as_extraction(rec: dict) -> PaperExtraction:
    """A gold-format record read as an extraction (to score one annotation by another)."""
    from paperkg.core.records import Reference, Result

    return PaperExtraction(
        paper_id=str(rec.get("id", "")),
        entities=[Entity(name=e["name"], type=e["type"], role=e.get("role", "used"),
                         aliases=list(e.get("aliases", []))) for e in rec["entities"]],
        repos=[Reference(url=u, start=0, end=0, sentence="") for u in rec.get("repos", [])],
        links=[Reference(url=u, start=0, end=0, sentence="") for u in rec.get("links", [])],
        results=[Result(value=str(r["value"]), kind=r.get("kind", "score"), system=r.get("system"),
                        benchmark=r.get("benchmark"), metric=r.get("metric"))
                 for r in rec.get("results", [])])


def compare_gold(gold_a: list[dict], gold_b: list[dict]) -> dict:
    """Agreement of annotation b with annotation a (the reference) by the rows of `evaluate`;
    papers are paired by title, a paper of a that b lacks counts as all misses."""
    from paperkg.core.ids import title_key

    by_key = {title_key(r["title"]): r for r in gold_b}
    rows = {name: Score(name) for name in
            (*TYPES, "named-untyped", "named-typed", "INTRODUCES", "repos", "links",
             "results-value", "results-full")}
    missing = []
    for g in gold_a:
        other = by_key.get(title_key(g["title"]))
        if other is None:
            missing.append(g["title"])
        ex = _as_extraction(other) if other is not None else None
        _entity_rows(g, ex, rows)
        _url_row(rows["repos"], g.get("repos", []), [r.url for r in ex.repos] if ex else [])
        _url_row(rows["links"], g.get("links", []), [r.url for r in ex.links] if ex else [])
        _result_rows(g, ex, rows)
    return {"papers": len(gold_a), "matched_papers": len(gold_a) - len(missing),
            "missing": missing, "rows": [s.as_dict() for s in rows.values()]}
