"""Where the gold names are lost, out of fold (train + dev + annotations; never valid).

    python -m paperkg.extractors.training.errors GOLD... [--seeds DIR] [--corpus DIR]
        [--folds 5] [--examples N]

The classifiers of the shipped setting are fitted on the other folds' rule output (as
crossfit.py does) and every record is run once out of fold. Each gold entity then falls in
one class: found (right type), found with another type, dropped by the keep classifier (a rule
entity with its surface form existed), a lower-case candidate with its form that the candidate
classifier did not take, a prediction or rule mention overlapping it with other boundaries, its
form not in the text, or no candidate at all (split by the shape of the name). Wrong
predictions are split too: a second prediction of an already matched gold entity (an alias not
joined), overlapping a gold name (boundaries), or no gold name at all.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from paperkg.extractors.evaluate import _norm
from paperkg.extractors.training.crossfit import SHIPPED, _configure, _fit, fold_of
from paperkg.extractors.training.data import _occurrences, default_corpus, read_records, with_texts

NAMED = ("METHOD", "MODEL", "DATASET", "BENCHMARK")
_COINED = re.compile(r"[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]|^[A-Z]{2,}")


def shape(name: str) -> str:
    """A coarse shape of a name: lower-case phrase, acronym/coined, capitalised words."""
    words = name.split()
    if _COINED.search(name) or any(w.isupper() and len(w) > 1 for w in words):
        return "acronym or coined"
    if all(not w[:1].isupper() for w in words):
        return "lower-case"
    if len(words) == 1:
        return "one capitalised word"
    if all(w[:1].isupper() or w.casefold() in {"of", "for", "and", "the", "in", "on", "with", "a"}
           for w in words):
        return "Title Case words"
    return "mixed case"


def _forms(ent: dict) -> set[str]:
    return {_norm(f) for f in [ent["name"], *ent.get("aliases", [])]} - {""}


def classify(record: dict, text: str, rule_ents: list[dict], final: list[dict],
             cands: dict[str, list[tuple[int, int]]]) -> tuple[list, list]:
    """([(class, gold entity), ...], [(class, predicted entity), ...]) of one record."""
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    golds = record["entities"]
    gforms = [_forms(g) for g in golds]
    pforms = [_forms(e) for e in final]
    matched: dict[int, int] = {}
    fp = []
    for j, pf in enumerate(pforms):
        hits = [i for i, gf in enumerate(gforms) if pf & gf]
        free = [i for i in hits if i not in matched]
        if free:
            matched[free[0]] = j
        elif hits:
            fp.append(("duplicate: alias not joined", final[j]))
        else:
            spans = [(m[1], m[2]) for m in final[j]["mentions"]]
            occ = [o for g in golds for f in _forms(g) for o in _occurrences(text, f)]
            if any(a < y and x < b for a, b in spans for x, y in occ):
                fp.append(("boundaries (overlaps a gold name)", final[j]))
            else:
                fp.append((f"not a gold name ({final[j]['extractor'].split('+')[0]})",
                           final[j]))
    rforms = [_forms(e) for e in rule_ents]
    pred_spans = [(m[1], m[2]) for e in final for m in e["mentions"]]
    rule_spans = [(m[1], m[2]) for e in rule_ents for m in e["mentions"]]
    out = []
    for i, g in enumerate(golds):
        gf = gforms[i]
        if i in matched:
            e = final[matched[i]]
            ok = e["type"] == g["type"] or e["type"] in g.get("alt_types", [])
            out.append(("found" if ok else f"wrong type ({e['type']})", g))
            if (g.get("role") == "introduced") != (e["role"] == "introduced"):
                fp.append(("role: introduction missed" if g.get("role") == "introduced"
                           else "role: wrongly introduced", e))
            continue
        occ = sorted({o for f in gf for o in _occurrences(text, f)})
        if any(rf & gf for rf in rforms):
            out.append(("rule entity dropped by a classifier", g))
        elif any(f in cands for f in gf):
            out.append(("lower-case candidate not taken", g))
        elif not occ:
            out.append(("form not in the text", g))
        elif any(a < y and x < b for a, b in occ for x, y in pred_spans):
            out.append(("boundaries: overlaps a prediction", g))
        elif any(a < y and x < b for a, b in occ for x, y in rule_spans):
            out.append(("boundaries: overlaps a dropped rule mention", g))
        else:
            where = "title only" if all(a < title_end for a, _ in occ) else "abstract"
            out.append((f"no candidate: {shape(g['name'])}, {where}", g))
    return out, fp


def run(records: list[dict], folds: int = 5, progress=print) -> list[tuple[list, list]]:
    """classify() of every record, the classifiers fitted out of fold (shipped setting)."""
    from paperkg.extractors import learned  # noqa: F401 - registers paperkg_learned
    from paperkg.extractors.learned import lower_candidates
    from paperkg.extractors.pipeline import build_pipeline
    from paperkg.extractors.training.data import gold_text
    from paperkg.extractors.training.train import record_rows, rule_outputs

    rules = build_pipeline()
    outputs = rule_outputs(rules, records)
    rows = [record_rows(r, *o) for r, o in zip(records, outputs, strict=True)]
    nlp = build_pipeline()
    merge = nlp.add_pipe("paperkg_learned", last=True, config={"add_spans": False})
    nlp.get_pipe("paperkg_entities").keep_scratch = True
    fold = [fold_of(r, folds) for r in records]
    out: list = [None] * len(records)
    setting = {**SHIPPED, "cand_threshold": 0.7}
    for k in range(folds):
        at = [i for i, f in enumerate(fold) if f == k]
        train = [i for i, f in enumerate(fold) if f != k]
        _configure(merge, _fit(records, outputs, rows, train), setting)
        texts = [gold_text(records[i]) for i in at]
        for i, doc in zip(at, nlp.pipe(texts, batch_size=64), strict=True):
            text, _starts, rule_ents = outputs[i]
            final = doc.user_data.get("pk_ents", [])
            covered = [(m[1], m[2]) for e in rule_ents for m in e["mentions"]]
            cands = lower_candidates(text, merge.heads, covered)
            out[i] = classify(records[i], text, rule_ents, final, cands)
        progress(f"fold {k}: {len(at)} records")
    return out


def report(results: list[tuple[list, list]], examples: int = 0) -> str:
    """Markdown tables: gold entities by class and type, wrong predictions by class."""
    types = ("METHOD", "MODEL", "DATASET", "BENCHMARK", "METRIC", "TASK")
    by: Counter = Counter()
    intro: Counter = Counter()
    seen: dict[str, list[str]] = {}
    for gl, _fp in results:
        for cls, g in gl:
            by[(cls, g["type"])] += 1
            if g.get("role") == "introduced":
                intro[cls] += 1
            seen.setdefault(cls, []).append(g["name"])
    classes = sorted({c for c, _ in by}, key=lambda c: -sum(by[(c, t)] for t in types))
    lines = ["| class (gold entities) | " + " | ".join(types) + " | named | all | introduced |",
             "|---" * (len(types) + 4) + "|"]
    for c in classes:
        named = sum(by[(c, t)] for t in NAMED)
        lines.append(f"| {c} | " + " | ".join(str(by[(c, t)]) for t in types)
                     + f" | {named} | {sum(by[(c, t)] for t in types)} | {intro[c]} |")
    fps: Counter = Counter()
    for _gl, fp in results:
        for cls, e in fp:
            fps[(cls, e["type"])] += 1
    fcls = sorted({c for c, _ in fps}, key=lambda c: -sum(fps[(c, t)] for t in types))
    lines += ["", "| class (wrong predictions) | " + " | ".join(types) + " | all |",
              "|---" * (len(types) + 2) + "|"]
    for c in fcls:
        lines.append(f"| {c} | " + " | ".join(str(fps[(c, t)]) for t in types)
                     + f" | {sum(fps[(c, t)] for t in types)} |")
    if examples:
        lines.append("")
        for c in classes:
            if c != "found":
                lines.append(f"{c}: " + "; ".join(seen[c][:examples]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print where the gold names are lost, out of fold."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args(argv)
    counts: dict = {}
    records = with_texts(read_records([Path(p) for p in args.gold]), args.seeds,
                         args.corpus or default_corpus(), counts)
    print(f"{len(records)} records ({counts['corpus']} texts from the corpus, "
          f"{counts['skipped']} skipped: text not found), {args.folds} folds")
    print(report(run(records, args.folds), args.examples))


if __name__ == "__main__":
    main()
