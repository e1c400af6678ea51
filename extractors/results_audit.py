"""Per-mechanism audit of the results rules against gold (a measuring tool, not shipped code).

    python -m paperkg.extractors.results_audit GOLD [--papers LISTINGS] [--split a|b] [--json]
        [--show MECHANISM|causes|misses|value-misses] [--ablate]

Runs the real pipeline over the gold papers with `results.trace.TRACE` on, so every predicted result
carries the mechanism that set its system, benchmark and metric (`_tag` calls in
extractors/results/). Each predicted value is paired with a gold result of the same number in
the same paper (one to one, the one agreeing on the most fields first); for every mechanism
and field it counts how often the predicted name is the gold's ("right"), how often the gold
says null there ("null right": what predicting null would have scored under `paperkg eval`),
and how often neither; "full right" and "full if null" count the same where the other two
fields are right too (what the results-full row sees). A mechanism that fills a field is worth
keeping only where "right" clearly exceeds "null right". `--show misses` counts the gold values
results-full misses by what is wrong: not found, or which fields, and whether a gold name no
entity holds is written in the value's sentence; `--show value-misses` counts the gold values
results-value misses: not found at all, or found and credited to another system (by what the
gold says: THIS_PAPER, null or a name). `--ablate` turns each module switch of
extractors/results/ (its modules' upper-case flags that are on) off in turn and prints how many gold
values results-value and results-full gain or lose with it off: the pipeline runs once, the
results rules again per switch on the entities the pipeline handed them.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
from collections import Counter, defaultdict
from pathlib import Path

from paperkg.extractors import results as R
from paperkg.extractors.evaluate import _norm, _result_forms, read_gold, split_of

FIELDS = ("system", "benchmark", "metric")


_TYPES = {"system": R.SYSTEM_TYPES, "benchmark": R.BENCH_TYPES, "metric": ("METRIC",)}


def _cause(field: str, pred: str | None, gold: str | None, pents: list, gents: list) -> str:
    """Why a paired value's field is wrong: null against a stated name, a name against null,
    or another name; and whether the gold name is among the paper's extracted entities."""
    if gold is None:
        return "name where gold says null"
    if gold == R.THIS_PAPER:
        where = "gold THIS_PAPER"
    else:
        gforms = _result_forms(gold, gents)
        hits = [e for e in pents if {_norm(e.name), *(_norm(a) for a in e.aliases)} & gforms]
        if not hits:
            where = "gold name not extracted"
        elif not any(e.type in _TYPES[field] for e in hits):
            where = "gold name extracted as another type"
        else:
            where = "gold name extracted"
    return ("null where gold names one" if pred is None else "another name") + f" ({where})"


def _miss(cause: str, gold: str | None, sentence: str) -> str:
    """A wrong field in short, saying whether a gold name no entity holds is written in the
    value's sentence (so the results rules could name it from the text themselves)."""
    short = cause.replace("null where gold names one", "null").replace(
        "name where gold says null", "a name, gold null").replace("another name", "other")
    if "not extracted" in cause and gold and gold.lower() in sentence.lower():
        short = short.replace("not extracted", "not extracted, in the sentence")
    return short


def audit(gold_path: str | Path, papers_path: str | Path | None = None,
          split: str | None = None, show: str | None = None, nlp=None) -> dict:
    """{(field, mechanism): {"n", "right", "null_right", "neither", "full_right", "full_null",
    "papers"}} over the gold papers (full_*: also the other two fields right, so the value
    counts in results-full), with "unpaired" (predicted values with no gold value of that
    number) and "gold"."""
    from paperkg.core.ids import title_key
    from paperkg.extractors.pipeline import extract
    from paperkg.readers import read_listings

    papers = read_listings([str(papers_path or gold_path)]).papers
    by_key = {title_key(p.title): p for p in papers}
    golds = [(g, by_key.get(title_key(g["title"]))) for g in read_gold(gold_path)
             if split is None or split_of(title_key(g["title"])) == split]
    shown = []
    R.trace.TRACE = {}
    try:
        exs = extract(papers, nlp=nlp)  # every paper read: the real canonicalisation
        trace = R.trace.TRACE
    finally:
        R.trace.TRACE = None
    ex_by_id = {p.id: ex for p, ex in zip(papers, exs, strict=True)}
    table: dict = defaultdict(lambda: {"n": 0, "right": 0, "null_right": 0, "neither": 0,
                                       "full_right": 0, "full_null": 0, "papers": set()})
    unpaired = paired = 0
    causes: Counter = Counter()
    misses: Counter = Counter()
    value_misses: Counter = Counter()
    for g, paper in golds:
        if paper is None:
            continue
        ex = ex_by_id[paper.id]
        gres = g.get("results", [])
        used = [False] * len(gres)
        wrong_of: dict[int, list[str]] = {}
        for r in ex.results:
            via = trace.get((r.sentence, r.start, r.end), {})
            num = R.read_number(r.value)
            forms = {f: _result_forms(getattr(r, f), ex.entities) for f in FIELDS}
            best, best_agree = None, -1
            for i, gr in enumerate(gres):
                if used[i] or R.read_number(str(gr.get("value"))) != num:
                    continue
                agree = sum(bool(forms[f] & _result_forms(gr.get(f), g["entities"]))
                            for f in FIELDS)
                if agree > best_agree:
                    best, best_agree = i, agree
            if best is None:
                unpaired += 1
                continue
            used[best] = True
            paired += 1
            gr = gres[best]
            ok = {f: bool(forms[f] & _result_forms(gr.get(f), g["entities"])) for f in FIELDS}
            wrong_of[best] = []
            for f in FIELDS:
                if not ok[f]:
                    cause = _cause(f, getattr(r, f), gr.get(f), ex.entities, g["entities"])
                    causes[(f, cause)] += 1
                    wrong_of[best].append(f"{f}: {_miss(cause, gr.get(f), r.sentence)}")
                    if show == "causes":
                        shown.append(f"{f}: {cause}: {r.value!r} predicted {getattr(r, f)!r}, "
                                     f"gold {gr.get(f)!r}\n    {r.sentence}")
            for f in FIELDS:
                row = table[(f, via.get(f, "none found"))]
                row["n"] += 1
                row["papers"].add(paper.id)
                right = ok[f]
                rest = all(ok[x] for x in FIELDS if x != f)
                row["right"] += right
                row["null_right"] += gr.get(f) is None
                row["neither"] += not right and gr.get(f) is not None
                row["full_right"] += right and rest  # the results-full row as it is
                row["full_null"] += gr.get(f) is None and rest  # ... had this field been null
                if show and via.get(f, "none found") == show:
                    shown.append(f"{'RIGHT' if right else 'wrong'} {r.value!r} {f}: "
                                 f"{getattr(r, f)!r}, gold {gr.get(f)!r}\n    {r.sentence}")
        for i, gr in enumerate(gres):
            if i not in wrong_of:
                value_misses["value not found"] += 1
            elif any(w.startswith("system:") for w in wrong_of[i]):
                gs = gr.get("system")
                value_misses["found, another system (gold " + (
                    "THIS_PAPER)" if gs == R.THIS_PAPER else "null)" if gs is None else
                    "a name)")] += 1
            if i not in wrong_of:
                misses["value not found"] += 1
                if show == "misses":
                    shown.append(f"value not found: {gr.get('value')!r} ({gr.get('system')!r})")
            elif wrong_of[i]:
                misses[" + ".join(wrong_of[i])] += 1
    for row in table.values():
        row["papers"] = len(row["papers"])
    return {"rows": dict(table), "causes": dict(causes), "misses": dict(misses),
            "value_misses": dict(value_misses),
            "paired": paired, "unpaired": unpaired,
            "shown": shown, "gold": sum(len(g.get("results", [])) for g, _p in golds)}


def ablate(gold_path: str | Path, papers_path: str | Path | None = None,
           split: str | None = None, nlp=None) -> dict:
    """{switch: {"results-value": (tp, fp, fn), "results-full": (tp, fp, fn)}} with each
    switch of extractors/results/ off in turn, and "(all on)" for the rules as they are."""
    import copy

    from paperkg.core.ids import title_key
    from paperkg.extractors import pipeline as P
    from paperkg.extractors.evaluate import Score, _result_rows
    from paperkg.readers import read_listings

    papers = read_listings([str(papers_path or gold_path)]).papers
    golds = [g for g in read_gold(gold_path)
             if split is None or split_of(title_key(g["title"])) == split]
    inputs: list[tuple] = []
    call = R.ResultRules.__call__

    def recording(self, doc):
        """The rules' own call, keeping what they read (the entities as they are then)."""
        data = doc.user_data
        sents = data.get("pk_sents") if "pk_text" in data else None
        inputs.append((data.get("pk_text") or doc.text, copy.deepcopy(data.get("pk_ents", [])),
                       sents))
        return call(self, doc)

    R.ResultRules.__call__ = recording
    try:
        raws = list(P.raw_extractions([p.text for p in papers], nlp=nlp))
    finally:
        R.ResultRules.__call__ = call

    def scores() -> dict:
        exs = [P.from_raw(p.id, [raw[0], raw[1], R.find_results(*args)])
               for p, raw, args in zip(papers, raws, inputs, strict=True)]
        P.finish(exs)
        by_key = {title_key(p.title): ex for p, ex in zip(papers, exs, strict=True)}
        rows = {n: Score(n) for n in ("results-value", "results-full")}
        for g in golds:
            _result_rows(g, by_key.get(title_key(g["title"])), rows)
        return {n: (s.tp, s.fp, s.fn) for n, s in rows.items()}

    out = {"(all on)": scores()}
    # a switch lives in its family's module and may be imported into others (the package's
    # find_results reads some): each is turned off wherever it is held
    modules = [R, *(importlib.import_module(f"{R.__name__}.{m.name}")
                    for m in pkgutil.iter_modules(R.__path__))]
    names = dict.fromkeys(k for mod in modules for k, v in vars(mod).items()
                          if k.isupper() and v is True)
    for name in names:
        held = [mod for mod in modules if vars(mod).get(name) is True]
        for mod in held:
            setattr(mod, name, False)
        try:
            out[name] = scores()
        finally:
            for mod in held:
                setattr(mod, name, True)
    return out


def main() -> None:
    """Print the audit table (markdown) or JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--papers", help="the listings holding the gold papers (default: GOLD)")
    ap.add_argument("--split", choices=("a", "b"))
    ap.add_argument("--show", metavar="MECHANISM",
                    help="print the values it set ('causes': every wrong field, and why; "
                         "'misses': the gold values results-full misses, by what is wrong; "
                         "'value-misses': those results-value misses, value not found or "
                         "found with another system)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--ablate", action="store_true",
                    help="each switch of the results rules off in turn: gold values gained or "
                         "lost by results-value and results-full")
    args = ap.parse_args()
    if args.ablate:
        rows = ablate(args.gold, args.papers, args.split)
        base = rows["(all on)"]
        print(f"all on: results-value TP {base['results-value'][0]}, results-full TP "
              f"{base['results-full'][0]}")
        print("| switch off | results-value TP | FP | results-full TP |\n| --- | --- | --- | --- |")
        for name, r in rows.items():
            if name != "(all on)":
                dv, df = (r[k][0] - base[k][0] for k in ("results-value", "results-full"))
                fp = r["results-value"][1] - base["results-value"][1]
                print(f"| {name} | {dv:+d} | {fp:+d} | {df:+d} |")
        return
    out = audit(args.gold, args.papers, args.split, args.show)
    for line in out["shown"]:
        print(line)
    if args.show == "causes":
        print("| field | why wrong | values |\n| --- | --- | --- |")
        for (f, cause), n in sorted(out["causes"].items(), key=lambda kv: (kv[0][0], -kv[1])):
            print(f"| {f} | {cause} | {n} |")
        return
    if args.show in ("value-misses", "misses"):
        key, head = (("value_misses", "why results-value misses a gold value")
                     if args.show == "value-misses" else ("misses", "what is wrong"))
        print(f"| {head} | gold values |\n| --- | --- |")
        for what, n in sorted(out[key].items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"| {what} | {n} |")
        print(f"| (all misses) | {sum(out[key].values())} of {out['gold']} |")
        return
    if args.json:
        print(json.dumps({"paired": out["paired"], "unpaired": out["unpaired"],
                          "gold": out["gold"],
                          "rows": [{"field": f, "mechanism": m, **v}
                                   for (f, m), v in sorted(out["rows"].items())]}, indent=1))
        return
    print(f"gold values {out['gold']}, predicted values paired with one {out['paired']}, "
          f"unpaired {out['unpaired']}")
    print("| field | mechanism | values (papers) | right | null right | neither | full right | "
          "full if null |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for (f, m), v in sorted(out["rows"].items(), key=lambda kv: (kv[0][0], -kv[1]["n"])):
        print(f"| {f} | {m} | {v['n']} ({v['papers']}) | {v['right']} | {v['null_right']} | "
              f"{v['neither']} | {v['full_right']} | {v['full_null']} |")


if __name__ == "__main__":
    main()
