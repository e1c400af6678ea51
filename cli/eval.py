"""`paperkg eval`: score extraction against gold annotations."""

from __future__ import annotations

import json

import click

from paperkg.cli.kit import print_rows


@click.command("eval")
@click.argument("gold", type=click.Path())
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--split", type=click.Choice(["a", "b"]), default=None,
              help="Score only one stable half of the gold papers (tune on one, check the other).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A table of rows, or the whole report as JSON.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list missed gold entities and unmatched predictions per paper.")
@click.option("--fast", is_flag=True, help="Score the rules alone (no learned model).")
@click.option("--compare", type=click.Choice(["rules"]), default=None,
              help="Also score the rules alone and show the full pipeline's gain over them.")
@click.option("--model", type=click.Path(file_okay=False), default=None,
              help="Learned model folder (from `paperkg train -o DIR`) instead of the shipped one.")
@click.option("--corpus", type=click.Path(), default=None,
              help="Without PATHS: folder of *.jsonl.gz abstracts where gold records without an "
                   "abstract find their text by title [default: ../shared/corpus where it "
                   "exists]; a record whose text is not found is skipped.")
@click.option("--seeds", type=click.Path(file_okay=False), default=None,
              help="Without PATHS: seed listings holding texts of gold records without one.")
def eval_cmd(gold, paths, split, fmt, show_errors, fast, compare, model, corpus, seeds):
    """Score extraction on PATHS against GOLD (JSON Lines; papers matched by title).

    Without PATHS the gold records' own texts are scored; records without an abstract (the
    annotators' records) take theirs from --seeds or --corpus by title.

    Rows: precision, recall and F1 per type; METHOD+MODEL+DATASET+BENCHMARK ignoring type
    (named-untyped) and requiring it (named-typed); INTRODUCES; repos; links. Matching is by
    case-insensitive surface form against the gold name and aliases; a second prediction of an
    already matched gold entity counts as a false positive.
    """
    from paperkg.core.errors import UserError
    from paperkg.extractors.evaluate import errors, evaluate
    from paperkg.extractors.learned import load_with_model
    from paperkg.extractors.pipeline import load_pipeline
    from paperkg.extractors.training.data import default_corpus

    nlp = load_with_model(model) if model and not fast else load_pipeline(fast=fast)
    src = {"corpus": corpus or default_corpus(), "seeds": seeds}
    report = evaluate(gold, list(paths), split=split, nlp=nlp, **src)
    if not report["papers"]:
        why = (f"none of its {report['skipped']} records' texts was found (give the seed listings "
               "with --seeds DIR, the abstracts with --corpus DIR, or the listings as PATHS)"
               if report["skipped"] else "it holds no gold paper to score")
        raise UserError(f"{gold}: nothing to score: {why}")
    base = None
    if compare == "rules":
        base = evaluate(gold, list(paths), split=split, nlp=load_pipeline(fast=True), **src)
        report["compare"] = {"rules": base["rows"]}
    if show_errors:
        report["errors"] = errors(gold, list(paths), split=split, nlp=nlp, **src)
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    rows = [[r["row"], f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}",
             r["tp"], r["fp"], r["fn"]] for r in report["rows"]]
    head = ["row", "P", "R", "F1", "TP", "FP", "FN"]
    if base is not None:
        rules_f1 = {r["row"]: r["f1"] for r in base["rows"]}
        head += ["rules F1", "gain"]
        for row, r in zip(rows, report["rows"], strict=True):
            b = rules_f1.get(r["row"])
            row += ["" if b is None else f"{b:.3f}",
                    "" if b is None else f"{r['f1'] - b:+.3f}"]
    title = (f"{report['matched_papers']}/{report['papers']} gold papers found"
             + (f" ({report['skipped']} skipped: text not found)" if report["skipped"] else "")
             + (f", split {split}" if split else "") + (", rules only" if fast else ""))
    print_rows(head, rows, "table", title=title)
    for t in report["missing"]:
        click.echo(f"gold paper not in input: {t}", err=True)
    if show_errors:
        for e in report["errors"]:
            if e["missed"] or e["wrong"]:
                click.echo(f"## {e['title']}")
                for m in e["missed"]:
                    click.echo(f"   MISSED {m}")
                for w in e["wrong"]:
                    click.echo(f"   {w}")
