"""Cross-fitted comparison of the learned classifiers on train + dev (never valid).

    python -m paperkg.extractors.training.crossfit GOLD... [--seeds DIR] [--corpus DIR]
        [--folds 5] [--cached] [--score FILE]... [--shipped DIR] [--split SALT] [--json FILE]

The records are split into fixed folds (CRC32 of the title); for each fold the classifiers are
fitted on the other folds' rule output and the pipeline is scored on the fold, so every record
is scored once out of fold. Counts are summed over the folds (pooled F1), for the rules alone
and for each setting of the `paperkg_learned` merge.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

from paperkg.extractors.evaluate import Score
from paperkg.extractors.training.data import default_corpus, read_records, with_texts

#: Rows printed (F1).
ROWS = ("named-untyped", "named-typed", "INTRODUCES", "METHOD", "TASK", "DATASET", "METRIC",
        "results-full")

#: Merge settings compared (the first is the shipped default).
NAMED = ["METHOD", "MODEL", "DATASET", "BENCHMARK"]
VARIANTS: dict[str, dict] = {
    "keep 0.4 (named types) + roles 0.35 + retype 0.7/0.3": {"keep_threshold": 0.4,
                                                             "keep_types": NAMED},
    "keep 0.3 (named types) + roles + retype": {"keep_types": NAMED},
    "keep 0.5 (named types) + roles + retype": {"keep_threshold": 0.5, "keep_types": NAMED},
    "keep 0.4 (named types and TASK) + roles + retype": {"keep_threshold": 0.4},
    "keep 0.4 (named types) + roles, no retype": {"keep_threshold": 0.4, "keep_types": NAMED,
                                                  "retype_to": 2.0},
    "keep 0.4 (named types) + retype, no roles": {"keep_threshold": 0.4, "keep_types": NAMED,
                                                  "roles": "rules"},
    "roles only": {"keep": False, "retype_to": 2.0},
    "keep 0.4 (named types) + roles 0.5 + retype": {"keep_threshold": 0.4, "keep_types": NAMED,
                                                    "role_threshold": 0.5},
    "keep 0.4 (named types) + roles (demote < 0.1) + retype": {
        "keep_threshold": 0.4, "keep_types": NAMED, "demote": 0.1},
    "keep 0.4 (named types) + roles + retype, no L2": {"keep_threshold": 0.4,
                                                       "keep_types": NAMED, "l2": 0.0},
    "keep 0.3 (named types and TASK) + roles + retype, no L2": {"l2": 0.0},
    "+ lower-case candidates 0.6": {"keep_threshold": 0.4, "keep_types": NAMED,
                                    "cand_threshold": 0.6},
}
#: The shipped setting (keep 0.4 on named types, roles with demotion, retype), which the
#: lower-case candidate settings below extend.
SHIPPED = {"keep_threshold": 0.4, "keep_types": NAMED, "demote": 0.1}
for _threshold, _extra, _label in [
        (0.5, {}, ""), (0.6, {}, ""), (0.7, {}, ""),
        (0.6, {"max_candidates": 5}, " at most 5"),
        (0.5, {"lexicon": True}, " + lexicon"), (0.6, {"lexicon": True}, " + lexicon"),
        (0.7, {"lexicon": True}, " + lexicon"),
        (0.5, {"df": True}, " + corpus df"), (0.6, {"df": True}, " + corpus df"),
        (0.5, {"lexicon": True, "df": True}, " + lexicon + corpus df"),
        (0.6, {"lexicon": True, "df": True}, " + lexicon + corpus df"),
        (0.7, {"context": True}, " + context"), (0.6, {"context": True}, " + context"),
        (0.5, {"context": True}, " + context"),
        (0.7, {"extend": 0.5}, " + extend 0.5"), (0.7, {"extend": 0.6}, " + extend 0.6"),
        (0.7, {"context": True, "extend": 0.5}, " + context + extend 0.5"),
        (0.6, {"context": True, "extend": 0.5}, " + context + extend 0.5"),
        (0.6, {"context": True, "extend": 0.5, "retype_to": 0.6, "retype_from": 0.4},
         " + context + extend 0.5 + retype 0.6/0.4"),
        (0.6, {"context": True, "extend": 0.5, "retype_to": 0.6, "retype_from": 0.4,
               "known_retype_to": 0.7, "known_retype_from": 0.3},
         " + context + extend 0.5 + retype 0.6/0.4 + known 0.7/0.3"),
        (0.7, {"context": True, "stats": True}, " + context + corpus stats"),
        (0.6, {"context": True, "stats": True}, " + context + corpus stats"),
        (0.5, {"context": True, "stats": True}, " + context + corpus stats"),
        (0.7, {"context": True, "stats": True, "gold_weight": 2.0},
         " + context + corpus stats + gold weight 2"),
        (0.6, {"context": True, "stats": True, "gold_weight": 2.0},
         " + context + corpus stats + gold weight 2"),
        (0.7, {"cand_roles": False}, " kept used"),
        (0.6, {"context": True, "stats": True, "cand_roles": False},
         " + context + corpus stats kept used"),
        (0.7, {"terms": True}, " + corpus terms"), (0.6, {"terms": True}, " + corpus terms"),
        (0.7, {"context": True, "terms": True}, " + context + corpus terms"),
        (0.7, {"terms": True, "term_cands": False}, " + corpus terms as features"),
        (0.7, {"context": True, "terms": True, "term_cands": False},
         " + context + corpus terms as features"),
        (0.7, {"terms": True, "term_cands": False, "cand_roles": False},
         " + corpus terms as features kept used")]:
    VARIANTS[f"shipped (demote < 0.1) + lower-case candidates {_threshold}{_label}"] = {
        **SHIPPED, "cand_threshold": _threshold, **_extra}
#: The shipped setting with another keep threshold, or with TASK under the keep classifier
#: too (seventeenth pass).
for _label, _extra in [("keep 0.3", {"keep_threshold": 0.3}),
                       ("keep 0.5", {"keep_threshold": 0.5}),
                       ("keep TASK too", {"keep_types": [*NAMED, "TASK"]})]:
    VARIANTS[f"shipped (demote < 0.1) + lower-case candidates 0.7, {_label}"] = {
        **SHIPPED, "cand_threshold": 0.7, **_extra}
#: The shipped setting with the keep and type classifiers reading which gazetteer lists hold
#: a name (twenty-fifth pass), alone and with another keep threshold.
for _label, _extra in [("", {}), (", keep 0.3", {"keep_threshold": 0.3}),
                       (", keep 0.5", {"keep_threshold": 0.5})]:
    VARIANTS[f"shipped (demote < 0.1) + lower-case candidates 0.7 + gazetteer lists{_label}"] = {
        **SHIPPED, "cand_threshold": 0.7, "gaz": True, **_extra}


#: The shipped setting with candidates 0.7, fitted on other records (twenty-sixth pass):
#: "fit" "scored": on the scored files' other folds only (else also on every record of the
#: files never scored); "down": the weight of the records of the files never scored;
#: "shipped": the shipped model as it is; "shipped_parts": those parts (learned.PARTS) from the
#: shipped model, the rest fitted per the setting.
_B = {**SHIPPED, "cand_threshold": 0.7}
_NOT_ROLES = ["keep", "types", "cands", "extend"]
VARIANTS.update({
    "the shipped model": {"shipped": True},
    "the shipped model, every part through the fold merge": {
        **_B, "shipped_parts": [*_NOT_ROLES, "roles"]},
    "refit on every file": dict(_B),
    "fitted on the scored files only": {**_B, "fit": "scored"},
    "every file, the unscored at weight 0.3": {**_B, "down": 0.3},
    "every file, the unscored at weight 0.1": {**_B, "down": 0.1},
    "the shipped model, roles of weight 0.3": {**_B, "down": 0.3, "shipped_parts": _NOT_ROLES},
    "the shipped model, roles of the scored files": {**_B, "fit": "scored",
                                                     "shipped_parts": _NOT_ROLES},
    "the shipped keep classifier, the rest of weight 0.3": {**_B, "down": 0.3,
                                                          "shipped_parts": ["keep"]},
    # twenty-ninth pass: every record at weight 1
    "the shipped model, roles refitted": {**_B, "shipped_parts": _NOT_ROLES},
    "the shipped keep classifier, the rest refitted": {**_B, "shipped_parts": ["keep"]},
    # the role classifier without the rules' verdict (learned.without_verdict)
    "the shipped model, roles refitted without the rules' verdict": {
        **_B, "role_blind": True, "shipped_parts": _NOT_ROLES},
    "the shipped keep classifier, the rest refitted, roles without the rules' verdict": {
        **_B, "role_blind": True, "shipped_parts": ["keep"]},
    # thirtieth pass: the role classifier under an L2 penalty ten times the shipped one
    "the shipped model, roles refitted with L2 1e-2": {
        **_B, "l2": 1e-2, "shipped_parts": _NOT_ROLES},
    # thirty-fourth pass: only the keep classifier refitted
    "the shipped model, keep refitted": {
        **_B, "shipped_parts": ["roles", "types", "cands", "extend"]},
    # thirty-sixth pass: every part refitted but the role classifier
    "the shipped role classifier, the rest refitted": {**_B, "shipped_parts": ["roles"]},
    # thirty-seventh pass: the shipped role and candidate classifiers, keep and types refitted
    "the shipped role and candidate classifiers, the rest refitted": {
        **_B, "shipped_parts": ["roles", "cands"]},
})


#: The mined corpus terms (training/terms.py), every gold paper left out.
TERMS = Path(__file__).resolve().parent / "corpus_terms.tsv"


def fold_of(record: dict, folds: int = 5, salt: str = "fold") -> int:
    """A stable fold (by title) of a record (salt: another fixed split)."""
    key = " ".join((record.get("title") or "").casefold().split())
    return zlib.crc32(f"{salt}:{key}".encode()) % folds


def _fit(records: list[dict], outputs: list, rows: list[dict], train: list[int],
         candidates: bool = True, l2: float | None = None, lexicon: bool = False,
         df: dict[str, int] | None = None, context: bool = False, extend: float = 0.0,
         gold_weight: float = 1.0, stats: dict[str, list[int]] | None = None,
         terms: dict[str, list[int]] | None = None, term_cands: bool = True,
         gaz: bool = False, scale: list[float] | None = None,
         role_blind: bool = False) -> dict:
    """Every classifier of the merge fitted on the records in train (rows made with gaz;
    scale: a weight per record of train, times its record_weights; role_blind: the role
    classifier without the rules' verdict)."""
    from paperkg.extractors.learned import LearnedMerge
    from paperkg.extractors.training.data import record_weights
    from paperkg.extractors.training.train import L2, fit_merge

    m = LearnedMerge("paperkg_learned", False, [], "union", 4, 2)
    weights = record_weights([records[i] for i in train], gold_weight)
    if scale is not None:
        weights = [a * b for a, b in zip(weights or [1.0] * len(train), scale, strict=True)]
    fit_merge(m, [records[i] for i in train], [outputs[i] for i in train],
              [rows[i] for i in train], candidates=candidates, l2=L2 if l2 is None else l2,
              lexicon=lexicon, df=df, context=context, extend=extend,
              weights=weights, stats=stats, terms=terms, term_cands=term_cands, gaz=gaz,
              role_blind=role_blind)
    return _models(m)


def _models(m) -> dict:
    """The classifiers and tables of a merge, as _configure reads them."""
    return {"gaz": m.gaz_feats, "terms": m.terms, "theads": m.theads, "term_cands": m.term_cands,
            "extend": m.extend_model, "roles": m.role_model, "keep": m.keep_model,
            "heads": m.heads, "lexicon": m.lexicon, "df": m.df, "context": m.cand_context,
            "cands": m.cand_model, "cstats": m.cstats, "types": m.type_models,
            "retype": m.retype_models, "role_blind": m.role_blind}


def _configure(merge, models: dict, s: dict) -> None:
    """Point the merge at the fold's classifiers with the setting s."""
    from paperkg.extractors.learned import extend_model, keep_model, role_model

    keep = models["keep"] if s.get("keep", True) else keep_model()
    keep.threshold = s.get("keep_threshold", 0.3)
    roles = models["roles"]
    roles.threshold = s.get("role_threshold", 0.35)
    merge.keep_model = keep
    merge.role_model = roles if s.get("roles", "union") != "rules" else role_model()
    merge.roles = s.get("roles", "union")
    merge.keep_types = set(s.get("keep_types", ["METHOD", "MODEL", "DATASET", "BENCHMARK",
                                                 "TASK"]))
    merge.heads = models["heads"] if "cand_threshold" in s else frozenset()
    merge.lexicon = models["lexicon"]
    merge.df = models["df"]
    merge.cand_model = models["cands"]
    merge.cand_context = models.get("context", False)
    merge.cstats = models.get("cstats") or {}
    merge.terms = models.get("terms") or {}
    merge.theads = models.get("theads") or frozenset()
    merge.term_cands = models.get("term_cands", True)
    merge.cand_roles = s.get("cand_roles", True)
    merge.extend_model = models.get("extend") or extend_model()
    merge.cand_model.threshold = s.get("cand_threshold", 0.5)
    merge.type_models = models["types"]
    merge.max_candidates = s.get("max_candidates", 3)
    merge.retype_models = models["retype"]
    merge.retype_to = s.get("retype_to", 0.7)
    merge.retype_from = s.get("retype_from", 0.3)
    merge.known_retype_to = s.get("known_retype_to", 2.0)
    merge.known_retype_from = s.get("known_retype_from", 0.3)
    merge.demote = s.get("demote", 0.0)
    merge.gaz_feats = models.get("gaz", False)
    merge.role_blind = models.get("role_blind", False)


def per_record(path: Path, nlp) -> list[dict[str, Score]]:
    """The entity rows of each gold record of path, scored as `evaluate` does (the papers
    extracted together, so cross-paper canonicalisation is the real one)."""
    from paperkg.core.ids import title_key
    from paperkg.extractors.evaluate import TYPES, _entity_rows, _result_rows, read_gold
    from paperkg.extractors.pipeline import extract
    from paperkg.readers import read_listings

    golds = read_gold(path)
    papers = read_listings([str(path)]).papers
    by_key = {}
    for p, ex in zip(papers, extract(papers, nlp=nlp), strict=True):
        by_key.setdefault(title_key(p.title), ex)
    out = []
    for g in golds:
        rows = {n: Score(n) for n in (*TYPES, "named-untyped", "named-typed", "INTRODUCES",
                                      "results-value", "results-full")}
        _entity_rows(g, by_key.get(title_key(g["title"])), rows)
        _result_rows(g, by_key.get(title_key(g["title"])), rows)
        out.append(rows)
    return out


class _Cached:
    """A stand-in for a processed Doc: the rules' entities, text and sentence starts of one
    record, for running the merge without the rules again."""

    def __init__(self, ents: list[dict], text: str, starts: list[int]):
        self.user_data = {"pk_ents": ents, "pk_text": text, "pk_sents": starts}
        self.ents: tuple = ()
        self.spans: dict = {}


def cached_rows(merge, records: list[dict], outputs: list, base: list[dict[str, Score]]
                ) -> list[dict[str, Score]]:
    """The entity rows of records with merge run over copies of their cached rule outputs
    (canonicalised together, as `extract` does); the results rows are taken from base (the
    rules' own: the merge never changes results)."""
    import copy

    from paperkg.extractors.evaluate import TYPES, _entity_rows
    from paperkg.extractors.registry import _extraction, canonicalise

    exs = []
    for i, (text, starts, ents) in enumerate(outputs):
        doc = _Cached(copy.deepcopy(ents), text, starts)
        merge(doc)
        exs.append(_extraction(str(i), doc))
    canonicalise(exs)
    out = []
    for g, ex, b in zip(records, exs, base, strict=True):
        rows = {n: Score(n) for n in (*TYPES, "named-untyped", "named-typed", "INTRODUCES")}
        _entity_rows(g, ex, rows)
        rows.update({k: v for k, v in b.items() if k.startswith("results")})
        out.append(rows)
    return out


def pooled(records: list[dict[str, Score]], pick: list[int] | None = None) -> dict[str, Score]:
    """Counts summed over the records (or the records at the indices pick)."""
    total: dict[str, Score] = {}
    for i in pick if pick is not None else range(len(records)):
        for name, s in records[i].items():
            t = total.setdefault(name, Score(name))
            for k in ("tp", "fp", "fn", "gold", "predicted"):
                setattr(t, k, getattr(t, k) + getattr(s, k))
    return total


def _f1(c) -> object:
    """F1 of count arrays (..., [fp, fn, gold, predicted]) as the scorer defines it."""
    import numpy as np

    fp, fn, gold, pred = c[..., 0], c[..., 1], c[..., 2], c[..., 3]
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(pred == 0, (gold == 0).astype(float), (pred - fp) / np.maximum(pred, 1))
        r = np.where(gold == 0, 1.0, (gold - fn) / np.maximum(gold, 1))
        return np.where(p + r == 0, 0.0, 2 * p * r / np.where(p + r == 0, 1, p + r))


def bootstrap(base: list[dict[str, Score]], other: list[dict[str, Score]], row: str,
              n: int = 1000, seed: int = 13) -> float:
    """Share of paired bootstrap resamples of the records in which other's F1 on row is at
    least base's (ties count half)."""
    import numpy as np

    def counts(recs):
        return np.array([[r[row].fp, r[row].fn, r[row].gold, r[row].predicted] for r in recs],
                        dtype=float)

    a, b = counts(base), counts(other)
    idx = np.random.default_rng(seed).integers(0, len(base), size=(n, len(base)))
    fa, fb = _f1(a[idx].sum(axis=1)), _f1(b[idx].sum(axis=1))
    return float(((fb > fa) + 0.5 * (fb == fa)).mean())


def crossfit(records: list[dict], variants: dict[str, dict] | None = None, folds: int = 5,
             progress: Callable[[str], None] | None = None, df: dict[str, int] | None = None,
             cached: bool = False, stats: dict[str, list[int]] | None = None,
             terms: dict[str, list[int]] | None = None, salt: str = "fold",
             scored: list[bool] | None = None, shipped: str | Path | None = None
             ) -> dict[str, list[dict[str, Score] | None]]:
    """Out-of-fold entity rows of every record (in the order of records), for the rules alone
    and each merge setting (cached: the merge runs over the rules' output computed once, not
    through the whole pipeline again; several times faster; stats: the corpus statistics the
    settings with "stats" give the candidate classifier; terms: the corpus terms of the
    settings with "terms"; salt: the fold split, see fold_of; scored: which records are folded
    and scored (the others only train, in every fold, and their rows are None; default all);
    shipped: the model folder of the settings with "shipped" or "shipped_parts")."""
    from paperkg.extractors import learned
    from paperkg.extractors.pipeline import build_pipeline
    from paperkg.extractors.training.train import record_rows, rule_outputs

    variants = VARIANTS if variants is None else variants
    scored = [True] * len(records) if scored is None else scored
    rules = build_pipeline()
    outputs = rule_outputs(rules, records)
    rows_by = {False: [record_rows(r, *o) for r, o in zip(records, outputs, strict=True)]}
    if any(s.get("gaz") for s in variants.values()):
        rows_by[True] = [record_rows(r, *o, gaz=True)
                         for r, o in zip(records, outputs, strict=True)]
    nlp = build_pipeline()
    merge = nlp.add_pipe("paperkg_learned", last=True, config={"add_spans": False})
    ship_nlp = ship = None
    if any(s.get("shipped") or s.get("shipped_parts") for s in variants.values()):
        ship_nlp = learned.load_with_model(shipped or learned.MODEL_DIR)
        ship = ship_nlp.get_pipe("paperkg_learned")
    fold = [fold_of(r, folds, salt) if s else -1
            for r, s in zip(records, scored, strict=True)]
    total: dict[str, list] = {v: [None] * len(records) for v in ("rules only", *variants)}

    def put(name: str, scored: list[dict[str, Score]]) -> None:
        for i, s in zip(at, scored, strict=True):
            total[name][i] = s

    with tempfile.TemporaryDirectory(prefix="paperkg-crossfit-") as tmp:
        for k in range(folds):
            at = [i for i, f in enumerate(fold) if f == k]
            test = [records[i] for i in at]
            path = Path(tmp) / f"fold{k}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in test), encoding="utf-8")
            fitted: dict = {}
            put("rules only", per_record(path, rules))
            base = [total["rules only"][i] for i in at]
            for name, s in variants.items():
                if s.get("shipped"):
                    put(name, cached_rows(ship, test, [outputs[i] for i in at], base)
                        if cached else per_record(path, ship_nlp))
                    continue
                key = (s.get("l2"), s.get("lexicon", False), s.get("df", False),
                       s.get("context", False), s.get("extend", 0.0), s.get("gold_weight", 1.0),
                       s.get("stats", False), s.get("terms", False), s.get("term_cands", True),
                       s.get("gaz", False), s.get("fit", "all"), s.get("down", 1.0),
                       s.get("role_blind", False))
                if key not in fitted:
                    train = [i for i, f in enumerate(fold)
                             if f != k and (scored[i] or key[10] != "scored")]
                    scale = ([1.0 if scored[i] else key[11] for i in train]
                             if key[11] != 1.0 else None)
                    fitted[key] = _fit(records, outputs, rows_by[key[9]], train, l2=key[0],
                                       lexicon=key[1], df=df if key[2] else None,
                                       context=key[3], extend=key[4], gold_weight=key[5],
                                       stats=stats if key[6] else None,
                                       terms=terms if key[7] else None, term_cands=key[8],
                                       gaz=key[9], scale=scale, role_blind=key[12])
                models = fitted[key]
                _configure(merge, models, s)
                if s.get("shipped_parts"):
                    learned.take_parts(merge, ship, s["shipped_parts"])
                put(name, cached_rows(merge, test, [outputs[i] for i in at], base) if cached
                    else per_record(path, nlp))
            if progress:
                progress(f"fold {k}: {len(test)} records")
    return total


def table(scores: dict[str, list[dict[str, Score]]], rows: tuple[str, ...] = ROWS,
          n: int = 1000, pick: list[int] | None = None) -> str:
    """A Markdown table of pooled F1 by setting (over the records at the indices pick, or
    all); after each F1 of a setting, the share of paired bootstrap resamples (n) in which it
    is at least the rules' F1."""
    if pick is not None:
        scores = {k: [v[i] for i in pick] for k, v in scores.items()}
    base = scores["rules only"]
    lines = ["| setting (out of fold, F1 / bootstrap share >= rules) | " + " | ".join(rows)
             + " |", "|---" * (len(rows) + 1) + "|"]
    for name, recs in scores.items():
        total = pooled(recs)
        cells = []
        for k in rows:
            cell = f"{total[k].f1:.3f}"
            if name != "rules only" and n:
                cell += f" / {bootstrap(base, recs, k, n):.2f}"
            cells.append(cell)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print the cross-fitted comparison table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--corpus", default=None,
                    help="texts of records without an abstract, by title [../shared/corpus]")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--split", default="fold",
                    help="salt of the fixed fold split (another word: another split)")
    ap.add_argument("--json", default=None, metavar="FILE",
                    help="also write the pooled counts per setting and gold file as JSON")
    ap.add_argument("--exclude", action="append", default=[],
                    help="gold file whose papers the corpus frequencies (df settings) leave out")
    ap.add_argument("--only", default=None,
                    help="setting names to run, separated by \";\" (default: every setting)")
    ap.add_argument("--terms", default=None,
                    help="corpus terms file (training/terms.py) of the settings with terms")
    ap.add_argument("--cached", action="store_true",
                    help="run the merge over the rules' output computed once (faster)")
    ap.add_argument("--score", action="append", default=[], metavar="FILE",
                    help="gold file whose records are folded and scored (repeatable; the "
                         "other files' records only train, in every fold; default: all)")
    ap.add_argument("--shipped", default=None, metavar="DIR",
                    help="model folder of the \"shipped\" settings [the package's model]")
    args = ap.parse_args(argv)
    counts: dict = {}
    records, source = [], []
    for path in args.gold:
        got = with_texts(read_records([path]), args.seeds, args.corpus or default_corpus(),
                         counts)
        records.extend(got)
        source.extend([Path(path).name] * len(got))
    print(f"{len(records)} records ({counts['corpus']} texts from the corpus, "
          f"{counts['skipped']} skipped: text not found), {args.folds} folds")
    variants = VARIANTS if args.only is None else {
        k: VARIANTS[k] for k in args.only.split(";")}
    table_df = None
    if any(s.get("df") for s in variants.values()):
        from paperkg.extractors.evaluate import read_gold
        from paperkg.extractors.training.train import candidate_heads, corpus_df

        skip = [r["title"] for r in records]
        for path in args.exclude:
            skip.extend(r["title"] for r in read_gold(path))
        table_df = corpus_df(args.corpus or default_corpus(), candidate_heads(records), skip)
        print(f"corpus frequencies of {len(table_df)} candidate phrases")
    table_stats = None
    if any(s.get("stats") for s in variants.values()):
        from paperkg.extractors.evaluate import read_gold
        from paperkg.extractors.training.train import candidate_heads, corpus_stats

        skip = [r["title"] for r in records]
        for path in args.exclude:
            skip.extend(r["title"] for r in read_gold(path))
        table_stats = corpus_stats(args.corpus or default_corpus(), candidate_heads(records),
                                   skip)
        print(f"corpus statistics of {len(table_stats)} candidate phrases")
    table_terms = None
    if any(s.get("terms") for s in variants.values()):
        from paperkg.extractors.training.terms import read_terms

        table_terms = read_terms(args.terms or TERMS)
        print(f"{len(table_terms)} corpus terms")
    wanted = {Path(p).name for p in args.score}
    scored = [not wanted or n in wanted for n in source]
    scores = crossfit(records, variants, folds=args.folds, progress=print, df=table_df,
                      cached=args.cached, stats=table_stats, terms=table_terms,
                      salt=args.split, scored=scored, shipped=args.shipped)
    if not all(scored):
        print(f"scored: the {sum(scored)} records of {', '.join(sorted(wanted))}")
        scores = {k: [r for r, s in zip(v, scored, strict=True) if s] for k, v in scores.items()}
        source = [n for n, s in zip(source, scored, strict=True) if s]
    print(table(scores))
    if args.json:
        groups = {"all": None} | {n: [i for i, s in enumerate(source) if s == n]
                                  for n in dict.fromkeys(source)}
        Path(args.json).write_text(json.dumps({
            name: {g: {k: [v.tp, v.fp, v.fn] for k, v in pooled(recs, pick).items()}
                   for g, pick in groups.items()}
            for name, recs in scores.items()}, indent=1), encoding="utf-8")
    if len(set(source)) > 1:
        for name in dict.fromkeys(source):
            pick = [i for i, s in enumerate(source) if s == name]
            print(f"\n{name} ({len(pick)} records, out of fold, classifiers fitted on the "
                  "other folds of every file)")
            print(table(scores, pick=pick))


if __name__ == "__main__":
    main()
