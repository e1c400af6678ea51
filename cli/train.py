"""`paperkg train`: train the learned extraction model (span model + role classifier)."""

from __future__ import annotations

import json

import click


def _pair(value: str | None, option: str) -> tuple[float, float] | None:
    """TO/FROM as two probabilities (None stays None)."""
    if value is None:
        return None
    try:
        to, below = (float(v) for v in value.split("/"))
    except ValueError:
        raise click.BadParameter(f"{value!r}: give TO/FROM, e.g. 0.6/0.4",
                                 param_hint=option) from None
    if not (0 <= to <= 1 and 0 <= below <= 1):
        raise click.BadParameter(f"{value!r}: probabilities between 0 and 1", param_hint=option)
    return to, below


@click.command("train")
@click.argument("gold", nargs=-1, required=True, type=click.Path())
@click.option("--output", "-o", type=click.Path(file_okay=False), default=None,
              help="Model folder [default: extractors/model/ in the package, which the default "
                   "pipeline loads].")
@click.option("--seeds", type=click.Path(file_okay=False), default=None,
              help="Seed listings that hold the texts of gold records without an abstract.")
@click.option("--corpus", type=click.Path(), default=None,
              help="Folder of *.jsonl.gz abstracts where records without an abstract (the "
                   "annotators' records) find their text by title [default: ../shared/corpus "
                   "where it exists]; a record whose text is not found is skipped.")
@click.option("--vectors", is_flag=True,
              help="With --spans: train floret vectors on the --corpus abstracts first.")
@click.option("--exclude", multiple=True, type=click.Path(dir_okay=False),
              help="Gold file whose papers never reach training, not even as vector text "
                   "(repeatable; pass the valid set).")
@click.option("--hold-out", type=click.IntRange(0, 90), default=0, show_default=True,
              help="Percent of the gold records kept out of training and scored.")
@click.option("--max-steps", type=click.IntRange(1), default=None,
              help="Training steps of the span model [default: the config's].")
@click.option("--vector-docs", type=click.IntRange(1), default=None,
              help="At most this many corpus abstracts for the vectors.")
@click.option("--seed", type=int, default=None, help="Random seed [default: the config's, 13].")
@click.option("--spans", is_flag=True,
              help="Also train the span model (ner, extractors/training/ner.cfg): about 6x "
                   "slower extraction; not part of the shipped model (docs/extraction.md).")
@click.option("--candidates", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Also fit the lower-case candidate classifier (TASK/METHOD/METRIC phrases "
                   "the rules miss) and add the phrases it gives at least this probability "
                   "(0: off).")
@click.option("--max-candidates", type=click.IntRange(1), default=3, show_default=True,
              help="At most this many lower-case candidates added to one paper.")
@click.option("--lexicon", is_flag=True,
              help="With --candidates: also give the candidate classifier how often each "
                   "phrase was a gold name in the training papers (saved with the model).")
@click.option("--df", "df", is_flag=True,
              help="With --candidates: also give the candidate classifier how many --corpus "
                   "abstracts write each phrase (gold and --exclude papers left out).")
@click.option("--context", "context", is_flag=True,
              help="With --candidates: also give the candidate classifier the phrase's context "
                   "in the paper (nesting, sentence cues, an acronym after it, rule mentions "
                   "beside it).")
@click.option("--corpus-stats", "corpus_stats", is_flag=True,
              help="With --candidates: also give the candidate classifier how each phrase fares "
                   "in the --corpus abstracts (how many write it, before an acronym, after "
                   "`called`/`we propose`, in titles; training and --exclude papers left out; "
                   "saved with the model).")
@click.option("--terms", "terms", default=None, metavar="FILE",
              type=click.Path(exists=True, dir_okay=False),
              help="With --candidates: corpus terms (extractors/training/corpus_terms.tsv, "
                   "from `python -m paperkg.extractors.training.terms`) are candidates too, "
                   "whatever their last word, and give the candidate classifier features "
                   "(saved with the model).")
@click.option("--terms-as-features", "terms_as_features", is_flag=True,
              help="With --terms: the corpus terms only give the candidate classifier features; "
                   "the candidates stay the phrases ending in a head word.")
@click.option("--gold-weight", type=click.FloatRange(0.0, min_open=True), default=1.0,
              show_default=True,
              help="Weight of the gold records that carry their own text against the records "
                   "joined from the --corpus by title (the other annotators').")
@click.option("--candidates-used", "candidates_used", is_flag=True,
              help="With --candidates: the added phrases stay used (the role classifier does "
                   "not decide their role).")
@click.option("--extend", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Also fit the boundary extension model and rename a rule entity to the "
                   "longer form (up to two words before, one after) it gives at least this "
                   "probability (0: off).")
@click.option("--retype", default=None, metavar="TO/FROM",
              help="A rule entity takes another type when it has P >= TO and its own < FROM "
                   "[0.7/0.3].")
@click.option("--retype-known", default=None, metavar="TO/FROM",
              help="The same for gazetteer names [off].")
@click.option("--gazetteer-features", "gazetteer", is_flag=True,
              help="The keep and type classifiers also read which gazetteer lists (data/*.txt) "
                   "hold a name, whatever rule found it.")
@click.option("--file-weight", "file_weights", multiple=True, metavar="FILE=W",
              help="Weight of one GOLD file's records in every classifier, by its path or "
                   "file name (repeatable; the others 1; times --gold-weight).")
@click.option("--parts-from", "parts_from", type=click.Path(file_okay=False), default=None,
              help="A model folder whose classifiers of the --part parts the new model takes "
                   "instead of fitting them.")
@click.option("--part", "parts", multiple=True,
              type=click.Choice(["roles", "keep", "types", "cands", "extend"]),
              help="With --parts-from: a part taken from that model (repeatable).")
@click.option("--keep-own-from", "keep_own_from", type=click.Path(file_okay=False),
              default=None,
              help="A model folder whose keep classifier decides the names the rules call the "
                   "paper's own from a title rule (data/words/keep_own_rules.txt), in place "
                   "of the new model's.")
@click.option("--keep-own-plain", "keep_own_plain", is_flag=True,
              help="With --keep-own-from: only for names whose every word is a plain word "
                   "(no digit, symbol or inner capital).")
@click.option("--keep-own-feats", "keep_own_feats", type=click.Choice(["plain", "split"]),
              default=None,
              help="The keep classifier also reads whether the rules call a name the paper's "
                   "own from a rule of data/words/keep_own_feature_rules.txt: one feature for "
                   "a name of plain words (plain), or one a source and one for a hyphenated "
                   "lower-case part (split).")
@click.option("--roles-blind", "roles_blind", is_flag=True,
              help="The role classifier reads no rules' verdict (whether the rules called "
                   "the name introduced), in fitting and in use.")
@click.option("--l2", "l2", type=click.FloatRange(0.0), default=None,
              help="L2 penalty of every classifier fitted [1e-3]; with --parts-from it "
                   "matters for the parts not taken.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def train_cmd(gold, output, seeds, corpus, vectors, exclude, hold_out, max_steps, vector_docs,
              seed, spans, candidates, max_candidates, lexicon, df, context, corpus_stats,
              gold_weight, candidates_used, terms, terms_as_features, extend, retype,
              retype_known, gazetteer, file_weights, parts_from, parts, keep_own_from,
              keep_own_plain, keep_own_feats, roles_blind, l2, as_json):
    """Train the learned classifiers (keep, roles, types, lower-case candidates) on GOLD files.

    Reproducible: every seed is fixed, so two runs give byte-identical models (with --spans
    the span model's config is extractors/training/ner.cfg; floret vectors with --vectors use
    2 threads and are not reproducible).
    """
    from paperkg.extractors.training.data import default_corpus
    from paperkg.extractors.training.train import L2, MODEL_DIR, train_model

    if keep_own_plain and not keep_own_from:
        raise click.UsageError("--keep-own-plain goes with --keep-own-from")
    if bool(parts_from) != bool(parts):
        raise click.UsageError("--parts-from and --part go together")
    weights = {}
    for item in file_weights:
        path, _, w = item.rpartition("=")
        try:
            weights[path] = float(w)
        except ValueError:
            weights[path] = 0.0
        if not path or not weights[path] > 0:
            raise click.BadParameter(f"{item!r}: give FILE=W with W > 0",
                                     param_hint="--file-weight")
    report = train_model(list(gold), output=output or MODEL_DIR, seeds=seeds,
                         corpus=corpus or default_corpus(), exclude=list(exclude),
                         hold_out=hold_out, max_steps=max_steps, seed=seed,
                         vector_docs=vector_docs, spans=spans, vectors=vectors,
                         candidates=candidates, max_candidates=max_candidates,
                         lexicon=lexicon, df=df, context=context, extend=extend,
                         retype=_pair(retype, "--retype"),
                         known_retype=_pair(retype_known, "--retype-known"),
                         stats=corpus_stats, gold_weight=gold_weight,
                         candidate_roles=not candidates_used, terms=terms,
                         term_candidates=not terms_as_features, gazetteer=gazetteer,
                         file_weights=weights, parts_from=parts_from, parts=parts,
                         roles_blind=roles_blind, l2=L2 if l2 is None else l2,
                         keep_own_from=keep_own_from, keep_own_plain=keep_own_plain,
                         keep_own_feats=keep_own_feats or "",
                         log=None if as_json else (lambda m: click.echo(m, err=True)))
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    perf = report.get("performance", {})
    scored = "held-out" if hold_out else "training"
    if not spans:
        click.echo(f"classifiers: fitted on {report['train']} records "
                   f"({report['from_corpus']} texts from the corpus, {report['skipped']} "
                   f"skipped: text not found); {report['output']} "
                   f"({report['bytes'] / 1e6:.1f} MB)")
        return
    click.echo(f"span model: P {perf.get('ents_p', 0):.3f} R {perf.get('ents_r', 0):.3f} "
               f"F {perf.get('ents_f', 0):.3f} (mentions of {report['dev']} {scored} records)")
