"""`paperkg train`: the learned span model from gold records, reproducibly (config + fixed seed)."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from paperkg.core.errors import UserError
from paperkg.extractors.training.data import held_out, to_docs, with_file_weights, with_texts

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "ner.cfg"
#: L2 penalty of every classifier (per-example AdaGrad; chosen out of fold, docs/extraction.md).
L2 = 1e-3
#: Where the shipped model lives inside the package (loaded offline by the default pipeline).
MODEL_DIR = HERE.parent / "model"


def _docbin(docs, path: Path) -> None:
    """Write docs to a .spacy file."""
    from spacy.tokens import DocBin

    DocBin(docs=docs, store_user_data=False).to_disk(path)


def train_ner(records: list[dict], output: str | Path, config: str | Path = CONFIG,
              hold_out: int = 0, max_steps: int | None = None, seed: int | None = None,
              vectors: str | Path | None = None, overrides: dict | None = None) -> dict:
    """Train the span model (`ner`) on gold records into output; return spaCy's best scores.

    hold_out > 0 keeps that percent of the records (stable, by title) out of training and
    scores on them; with 0 every record trains and the scores are on a part of the training
    data. vectors: a spaCy pipeline folder whose static vectors the tok2vec reads.
    """
    import json

    import spacy
    from spacy.cli.train import train as spacy_train

    from paperkg.extractors.pipeline import make_tokenizer

    train_recs = [r for r in records if not (hold_out and held_out(r, hold_out))]
    dev_recs = [r for r in records if hold_out and held_out(r, hold_out)] or train_recs[:50]
    if not train_recs:
        raise UserError("no gold records with an abstract to train on")
    nlp = spacy.blank("en")
    nlp.tokenizer = make_tokenizer()(nlp)
    output = Path(output)
    over = dict(overrides or {})
    if max_steps is not None:
        over["training.max_steps"] = max_steps
    if seed is not None:
        over["system.seed"] = seed
    if vectors is not None:
        over["initialize.vectors"] = str(vectors)
        over["components.ner.model.tok2vec.pretrained_vectors"] = True
    with tempfile.TemporaryDirectory(prefix="paperkg-train-") as tmp:
        tmp = Path(tmp)
        _docbin(to_docs(nlp, train_recs), tmp / "train.spacy")
        _docbin(to_docs(nlp, dev_recs), tmp / "dev.spacy")
        over.update({"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy")})
        # spaCy prints its training table on stdout: keep stdout for the command's own report
        with contextlib.redirect_stdout(sys.stderr):
            spacy_train(Path(config), tmp / "out", overrides=over, use_gpu=-1)
        best = tmp / "out" / "model-best"
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(best, output)
    meta = json.loads((output / "meta.json").read_text())
    return {"train": len(train_recs), "dev": len(dev_recs),
            "performance": meta.get("performance", {})}


def spacy_vectors(floret_table: str | Path, output: str | Path) -> Path:
    """A spaCy pipeline folder holding the floret table as static vectors."""
    import spacy
    from spacy.training.initialize import convert_vectors

    nlp = spacy.blank("en")
    convert_vectors(nlp, Path(floret_table), truncate=0, prune=-1, mode="floret")
    nlp.to_disk(output)
    return Path(output)


def _forms(ent: dict) -> set[str]:
    """Case-folded name and aliases of a gold or predicted entity."""
    return {" ".join(f.casefold().split()) for f in [ent["name"], *ent.get("aliases", [])]}


def rule_outputs(nlp, records: list[dict]) -> list[tuple[str, list[int], list[dict]]]:
    """(text, sentence starts, rule entities) of every record, from one pass of nlp."""
    from paperkg.core.text import sentence_starts
    from paperkg.extractors.training.data import gold_text

    texts = [gold_text(r) for r in records]
    return [(text, sentence_starts(text), doc.user_data.get("pk_ents", []))
            for text, doc in zip(texts, nlp.pipe(texts, batch_size=64), strict=True)]


def record_rows(record: dict, text: str, starts: list[int], ents: list[dict],
                gaz: bool = False, own: str = "") -> dict[str, tuple[list[list[str]], list[int]]]:
    """Features and labels for the role and keep classifiers from one record's rule output
    (gaz: the keep and type features with the gazetteer lists, learned.gazetteer_features;
    own: the keep features with learned.own_features of that kind).

    roles: every gold entity found in its text (label: introduced), with the rule features of
    the rule entity it matches by surface form, plus every rule entity that is no gold entity
    (label: not introduced). keep: every rule entity (label: it is a gold entity).
    """
    from paperkg.extractors.learned import (
        keep_features,
        own_features,
        role_features,
        type_features,
    )
    from paperkg.extractors.training.data import _occurrences

    roles: tuple[list, list] = ([], [])
    keep: tuple[list, list] = ([], [])
    types: tuple[list, list] = ([], [])
    preds = [(_forms(e), e) for e in ents]
    for g in record["entities"]:
        mentions = sorted({m for f in [g["name"], *g.get("aliases", [])]
                           for m in _occurrences(text, f)})
        if not mentions:
            continue
        gf = _forms(g)
        hit = next((e for pf, e in preds if pf & gf), None)
        rules = hit["extractor"].split("+") if hit else ["ner"]
        roles[0].append(role_features(text, starts, g["name"], g["type"], mentions, rules,
                                      bool(hit and hit["role"] == "introduced")))
        roles[1].append(int(g.get("role") == "introduced"))
    gold_forms = [_forms(g) for g in record["entities"]]
    for pf, e in preds:
        gold = next((g for g, gf in zip(record["entities"], gold_forms, strict=True)
                     if pf & gf), None)
        is_gold = gold is not None
        feats = keep_features(text, starts, e, ents, gaz=gaz)
        keep[0].append(feats + own_features(e, own) if own else feats)
        keep[1].append(int(is_gold))
        if is_gold:
            types[0].append(type_features(text, starts, e, ents, gaz=gaz))
            types[1].append({gold["type"], *gold.get("alt_types", [])})
            continue
        roles[0].append(role_features(text, starts, e["name"], e["type"],
                                      [(m[1], m[2]) for m in e["mentions"]],
                                      e["extractor"].split("+"), e["role"] == "introduced"))
        roles[1].append(0)
    return {"roles": roles, "keep": keep, "types": types}


def candidate_heads(records: list[dict], min_count: int = 2) -> frozenset[str]:
    """Head words (last word, case-folded) of at least min_count gold names of the candidate
    types that are plain phrases of at most MAX_WORDS words."""
    from collections import Counter

    from paperkg.extractors.learned import _STOP, CANDIDATE_TYPES, MAX_WORDS

    counts: Counter = Counter()
    for r in records:
        heads = set()
        for g in r["entities"]:
            if g["type"] not in CANDIDATE_TYPES:
                continue
            for form in (g["name"], *g.get("aliases", [])):
                words = form.split()
                if (0 < len(words) <= MAX_WORDS
                        and all(w.replace("-", "").isalpha() for w in words)
                        and not words[-1].isupper()):
                    heads.add(words[-1].casefold())
        counts.update(heads)
    return frozenset(h for h, n in counts.items() if n >= min_count and h not in _STOP)


def _candidate_gold(record: dict, text: str, ents: list[dict], heads: frozenset[str],
                    terms: dict[str, list[int]] | None = None
                    ) -> tuple[dict[str, list[tuple[int, int]]], dict[str, str]]:
    """A record's lower-case candidate phrases (outside the rules' mentions; with terms, the
    corpus terms too; terms=None when they are features only) and its gold names
    {normalised form: type}."""
    from paperkg.extractors.evaluate import _norm
    from paperkg.extractors.learned import lower_candidates, term_heads

    gold: dict[str, str] = {}
    for g in record["entities"]:
        for form in (g["name"], *g.get("aliases", [])):
            gold.setdefault(_norm(form), g["type"])
    covered = [(m[1], m[2]) for e in ents for m in e["mentions"]]
    return lower_candidates(text, heads, covered, terms, term_heads(terms)), gold


def candidate_lexicon(records: list[dict], outputs: list, heads: frozenset[str]
                      ) -> dict[str, list]:
    """{phrase: [records where it is a candidate, records where it is also a gold name,
    {gold type: records}]} over the training records."""
    lex: dict[str, list] = {}
    for r, (text, _starts, ents) in zip(records, outputs, strict=True):
        cands, gold = _candidate_gold(r, text, ents, heads)
        for phrase in cands:
            e = lex.setdefault(phrase, [0, 0, {}])
            e[0] += 1
            if phrase in gold:
                e[1] += 1
                e[2][gold[phrase]] = e[2].get(gold[phrase], 0) + 1
    return lex


def corpus_texts(corpus: str | Path, exclude: Iterable[str] = (),
                 limit: int | None = None) -> Iterator[tuple[str, str]]:
    """(title, abstract) of the corpus papers with an abstract, those titled in exclude left
    out, at most limit of them."""
    import gzip
    import json

    from paperkg.core.ids import title_key

    skip = {title_key(t) for t in exclude}
    corpus = Path(corpus)
    files = [corpus] if corpus.is_file() else sorted(corpus.glob("*.jsonl.gz"))
    n = 0
    for f in files:
        with (gzip.open(f, "rt", encoding="utf-8") if f.name.endswith(".gz")
              else open(f, encoding="utf-8")) as fh:
            for line in fh:
                if limit is not None and n >= limit:
                    return
                rec = json.loads(line)
                title, abstract = rec.get("title") or "", rec.get("abstract") or ""
                if not abstract or title_key(title) in skip:
                    continue
                n += 1
                yield title, abstract


def corpus_df(corpus: str | Path, heads: frozenset[str], exclude: Iterable[str] = (),
              min_df: int = 2, limit: int | None = None) -> dict[str, int]:
    """{phrase: corpus abstracts holding it as a lower-case candidate} for the phrases in at
    least min_df of them; papers titled in exclude (gold and valid papers) are left out."""
    from paperkg.extractors.learned import lower_candidates

    df: dict[str, int] = {}
    for title, abstract in corpus_texts(corpus, exclude, limit):
        for phrase in lower_candidates(f"{title}\n{abstract}", heads, []):
            df[phrase] = df.get(phrase, 0) + 1
    return {p: k for p, k in df.items() if k >= min_df}


_ACRONYM = r"\s*\(([A-Za-z][\w\-]*)\)"
_COIN_CUE = (r"\b(?:call|called|calls|termed|dubbed|named|coined|coin|refer to as|referred to as"
             r"|known as|term)\s+(?:it\s+|this\s+|them\s+|as\s+)?(?:an?\s+|the\s+)?$")
_PROPOSE_CUE = (r"\b(?:propose|proposes|introduce|introduces|present|presents|develop|develops"
                r"|design|designs)\s+(?:an?|the|our)?\s*(?:novel|new|simple|general|unified)?"
                r"\s*$")


def text_stats(text: str, title_end: int, heads: frozenset[str],
               stats: dict[str, list[int]]) -> None:
    """Add one abstract's lower-case candidates to stats (see learned.corpus_features): each
    phrase counts once an abstract in each column."""
    import re

    from paperkg.extractors.learned import lower_candidates

    acronym, coin_cue, propose_cue = (re.compile(_ACRONYM), re.compile(_COIN_CUE, re.I),
                                      re.compile(_PROPOSE_CUE, re.I))
    cands = lower_candidates(text, heads, [])
    first: dict[int, int] = {}
    for spans in cands.values():
        for a, b in spans:
            if a < first.get(b, len(text)):
                first[b] = a
    for phrase, spans in cands.items():
        initials = "".join(w[0] for w in re.split(r"[\s\-]+", phrase) if w)[:2]
        longest = acr = coin = prop = title = 0
        for a, b in spans:
            longest |= first[b] == a
            title |= a < title_end
            m = acronym.match(text, b, b + 20)
            if (m and len(m.group(1)) >= 2 and any(c.isupper() for c in m.group(1))
                    and m.group(1).casefold().startswith(initials)):
                acr = 1
            before = text[max(0, a - 40):a]
            coin |= bool(coin_cue.search(before))
            prop |= bool(propose_cue.search(before))
        got = stats.setdefault(phrase, [0, 0, 0, 0, 0, 0])
        for i, v in enumerate((1, longest, acr, coin, prop, title)):
            got[i] += int(v)


def corpus_stats(corpus: str | Path, heads: frozenset[str], exclude: Iterable[str] = (),
                 min_df: int = 2, limit: int | None = None) -> dict[str, list[int]]:
    """{phrase: [abstracts holding it as a candidate, as the longest candidate at a place,
    before an acronym of its initials, after a coining cue, after a proposing cue, in a title]}
    over the corpus abstracts, for the phrases in at least min_df of them; papers titled in
    exclude (training and valid papers) are left out."""
    stats: dict[str, list[int]] = {}
    for title, abstract in corpus_texts(corpus, exclude, limit):
        text_stats(f"{title}\n{abstract}", len(title), heads, stats)
    return {p: v for p, v in stats.items() if v[0] >= min_df}


def candidate_rows(record: dict, text: str, starts: list[int], ents: list[dict],
                   heads: frozenset[str], lexicon: dict[str, list] | None = None,
                   df: dict[str, int] | None = None, context: bool = False,
                   stats: dict[str, list[int]] | None = None,
                   terms: dict[str, list[int]] | None = None, term_cands: bool = True
                   ) -> tuple[list[list[str]], list[int], list[str]]:
    """Features, labels (a gold name of any type) and gold types of a record's lower-case
    candidate phrases outside the rules' mentions (lexicon features without the record's own
    counts; context: with the context features; stats: with the corpus statistics)."""
    from paperkg.extractors.learned import CandidateContext, candidate_features

    cands, gold = _candidate_gold(record, text, ents, heads, terms if term_cands else None)
    ctx = (CandidateContext(cands, [(m[1], m[2]) for e in ents for m in e["mentions"]])
           if context else None)
    x, y, types = [], [], []
    for phrase, spans in cands.items():
        own = (1, int(phrase in gold), gold.get(phrase, ""))
        x.append(candidate_features(text, starts, phrase, spans, len(cands), lexicon, own,
                                    df, ctx, stats, terms))
        y.append(int(phrase in gold))
        types.append(gold.get(phrase, ""))
    return x, y, types


def extend_rows(record: dict, text: str, starts: list[int], ents: list[dict]
                ) -> tuple[list[list[str]], list[int]]:
    """Features and labels of the boundary extensions of a record's rule entities: 1 when the
    entity's own forms are no gold name and the longer form is one."""
    from paperkg.extractors.evaluate import _norm
    from paperkg.extractors.learned import extend_options

    gold = {_norm(f) for g in record["entities"] for f in [g["name"], *g.get("aliases", [])]}
    x, y = [], []
    for ent, opts in extend_options(text, starts, ents):
        own_gold = bool(_forms(ent) & gold)
        for feats, s, e, _k in opts:
            x.append(feats)
            y.append(int(not own_gold and _norm(text[s:e]) in gold))
    return x, y


def extended_outputs(model, outputs: list) -> list:
    """Rule outputs with the entities renamed by the boundary extension model (copies)."""
    import copy

    from paperkg.extractors.learned import extend_entities

    out = []
    for text, starts, ents in outputs:
        ents = copy.deepcopy(ents)
        extend_entities(model, text, starts, ents)
        out.append((text, starts, ents))
    return out


def fit_retype(rows: tuple[list, list], models: dict, l2: float = L2,
               weights: list[float] | None = None) -> None:
    """Fit the one-vs-rest type classifiers on (features, gold type sets) rows."""
    for t, model in models.items():
        model.fit(rows[0], [int(t in ts) for ts in rows[1]], l2=l2, weights=weights)


def _spread(weights: list[float] | None, counts: Iterable[int]) -> list[float] | None:
    """Per-row weights from per-record weights and each record's number of rows."""
    if weights is None:
        return None
    return [w for w, n in zip(weights, counts, strict=True) for _ in range(n)]


def fit_candidates(rows: list[tuple[list, list, list]], merge, l2: float = L2,
                   weights: list[float] | None = None) -> None:
    """Fit the candidate classifier and the candidate type classifiers of merge on rows
    (weights: one per record of rows, or None)."""
    from paperkg.extractors.learned import CANDIDATE_TYPES

    x = [f for r in rows for f in r[0]]
    y = [v for r in rows for v in r[1]]
    merge.cand_model.fit(x, y, l2=l2, weights=_spread(weights, (len(r[0]) for r in rows)))
    pos = [(f, t) for r in rows for f, v, t in zip(*r, strict=True) if v]
    pw = _spread(weights, (sum(r[1]) for r in rows))
    for t in CANDIDATE_TYPES:
        merge.type_models[t].fit([f for f, _ in pos], [int(u == t) for _, u in pos], l2=l2,
                                 weights=pw)


def classifier_rows(nlp, records: list[dict]) -> dict[str, tuple[list[list[str]], list[int]]]:
    """Features and labels for the role and keep classifiers, from one pass of the rules."""
    out: dict[str, tuple[list, list]] = {"roles": ([], []), "keep": ([], []),
                                         "types": ([], [])}
    for r, (text, starts, ents) in zip(records, rule_outputs(nlp, records), strict=True):
        for name, (x, y) in record_rows(r, text, starts, ents).items():
            out[name][0].extend(x)
            out[name][1].extend(y)
    return out


def fit_merge(merge, records: list[dict], outputs: list, rows: list[dict] | None = None,
              candidates: bool = False, l2: float = L2, lexicon: bool = False,
              df: dict[str, int] | None = None, context: bool = False,
              extend: float = 0.0, weights: list[float] | None = None,
              stats: dict[str, list[int]] | None = None,
              terms: dict[str, list[int]] | None = None, term_cands: bool = True,
              gaz: bool = False, role_blind: bool = False, own_feats: str = "") -> None:
    """Fit the classifiers of a `paperkg_learned` merge (fixed seeds) on records, given the
    rules' output on them (rule_outputs) and optionally their record_rows (made with the same
    gaz); gaz: the keep and type classifiers read the gazetteer lists; the lower-case
    candidate classifier only with candidates; with extend > 0 the boundary extension model
    first (threshold extend), the others then on the outputs it extends; weights: one per
    record, scaling its examples in every classifier (None: all 1); stats: corpus statistics
    for the candidate classifier (corpus_stats); terms: corpus terms (training/terms.py) as
    more candidates and candidate features (term_cands False: features only); role_blind:
    the role classifier reads no rules' verdict (`learned.without_verdict`); own_feats: the
    keep classifier also reads `learned.own_features` of that kind (rows made with the same)."""
    from paperkg.extractors.learned import term_heads, without_verdict

    if extend > 0:
        xs: list = []
        ys: list = []
        ws: list = []
        for i, (r, o) in enumerate(zip(records, outputs, strict=True)):
            x, y = extend_rows(r, *o)
            xs.extend(x)
            ys.extend(y)
            ws.extend([weights[i] if weights is not None else 1.0] * len(x))
        merge.extend_model.fit(xs, ys, l2=l2, weights=ws if weights is not None else None)
        merge.extend_model.threshold = extend
        outputs, rows = extended_outputs(merge.extend_model, outputs), None
    merge.gaz_feats = gaz
    merge.role_blind = role_blind
    merge.own_feats = own_feats
    if rows is None:
        rows = [record_rows(r, *o, gaz=gaz, own=own_feats)
                for r, o in zip(records, outputs, strict=True)]
    for name, model in (("roles", merge.role_model), ("keep", merge.keep_model)):
        blind = role_blind and name == "roles"
        model.fit([without_verdict(f) if blind else f for r in rows for f in r[name][0]],
                  [v for r in rows for v in r[name][1]],
                  l2=l2, weights=_spread(weights, (len(r[name][0]) for r in rows)))
    fit_retype(([f for r in rows for f in r["types"][0]],
                [v for r in rows for v in r["types"][1]]), merge.retype_models, l2,
               _spread(weights, (len(r["types"][0]) for r in rows)))
    if not candidates:
        return
    merge.heads = candidate_heads(records)
    merge.lexicon = candidate_lexicon(records, outputs, merge.heads) if lexicon else {}
    merge.df = dict(df or {})
    merge.cand_context = context
    merge.cstats = dict(stats or {})
    merge.terms = dict(terms or {})
    merge.theads = term_heads(merge.terms)
    merge.term_cands = term_cands
    fit_candidates([candidate_rows(r, *o, merge.heads, merge.lexicon or None, merge.df or None,
                                   context, merge.cstats or None, merge.terms or None,
                                   term_cands)
                    for r, o in zip(records, outputs, strict=True)],
                   merge, l2, weights)


def train_classifiers(records: list[dict], rules_nlp=None, candidates: bool = False,
                      lexicon: bool = False, df: dict[str, int] | None = None,
                      context: bool = False, extend: float = 0.0,
                      stats: dict[str, list[int]] | None = None, gold_weight: float = 1.0,
                      terms: dict[str, list[int]] | None = None, term_cands: bool = True,
                      gaz: bool = False, role_blind: bool = False, l2: float = L2,
                      own_feats: str = ""):
    """A `paperkg_learned` merge whose classifiers are fitted on records (fixed seeds; l2:
    the L2 penalty of every classifier; own_feats: fit_merge's)."""
    from paperkg.extractors.learned import LearnedMerge
    from paperkg.extractors.pipeline import build_pipeline
    from paperkg.extractors.training.data import record_weights

    merge = LearnedMerge("paperkg_learned", False, [], "union", 4, 2)
    fit_merge(merge, records, rule_outputs(rules_nlp or build_pipeline(), records),
              candidates=candidates, lexicon=lexicon, df=df, context=context, extend=extend,
              weights=record_weights(records, gold_weight), stats=stats, terms=terms,
              term_cands=term_cands, gaz=gaz, role_blind=role_blind, l2=l2,
              own_feats=own_feats)
    return merge


def train_model(gold: list[str | Path], output: str | Path = MODEL_DIR,
                seeds: str | Path | None = None, corpus: str | Path | None = None,
                exclude: list[str | Path] = (), hold_out: int = 0,
                max_steps: int | None = None, seed: int | None = None,
                vector_docs: int | None = None, spans: bool = False,
                vectors: bool = False, candidates: float = 0.0, max_candidates: int = 3,
                lexicon: bool = False, df: bool = False, context: bool = False,
                extend: float = 0.0, retype: tuple[float, float] | None = None,
                known_retype: tuple[float, float] | None = None, stats: bool = False,
                gold_weight: float = 1.0, candidate_roles: bool = True,
                terms: str | Path | None = None, term_candidates: bool = True,
                gazetteer: bool = False, file_weights: dict[str, float] | None = None,
                parts_from: str | Path | None = None, parts: Iterable[str] = (),
                roles_blind: bool = False, l2: float = L2,
                keep_own_from: str | Path | None = None, keep_own_plain: bool = False,
                keep_own_feats: str = "",
                log: Callable[[str], None] | None = None) -> dict:
    """The learned model: the classifiers of `paperkg_learned` [and a span model], saved.

    gold: JSON Lines gold files to learn from (records without an abstract take theirs from
    the seed listings in `seeds`, else from `corpus`, a folder of *.jsonl.gz abstracts, by
    title; a record whose text is found in neither is skipped and counted). spans: also train
    the span model (`ner`); vectors: on floret vectors trained on the corpus abstracts first
    (every paper titled in the gold or `exclude` files skipped, so valid texts never reach
    training). candidates > 0: also fit the lower-case candidate classifier and add the
    phrases it gives P >= candidates (at most max_candidates a paper); lexicon: with features
    of how each phrase fared in the training papers (saved as lexicon.json); df: and of how
    many corpus abstracts write it (gold and `exclude` papers left out; df.json); context:
    and of its context in the paper (`learned.context_features`); extend > 0: also fit the
    boundary extension model and rename a rule entity to a longer form it gives P >= extend
    (`learned.extend_entities`); retype / known_retype: (to, from) thresholds of the type
    classifiers for rule entities / gazetteer names (default 0.7 / 0.3 and off); stats: the
    candidate classifier also reads the phrase's corpus statistics (`corpus_stats` over the
    corpus abstracts, training and `exclude` papers left out; corpus_stats.json); gold_weight:
    the weight of the records with their own text against those joined from the corpus
    (`data.record_weights`); candidate_roles False: the lower-case candidates stay used (the
    role classifier does not decide them); terms: a file of corpus terms
    (`training/terms.py`) whose phrases are candidates too and give the candidate classifier
    features (copied into the model as terms.tsv); gazetteer: the keep and type classifiers
    also read which gazetteer lists hold a name (`learned.gazetteer_features`); file_weights:
    {gold path or file name: weight} of its records in every classifier (absent: 1; times
    gold_weight); parts_from: a model folder whose classifiers of the named parts
    (`learned.PARTS`) the output takes instead of the fitted ones; roles_blind: the role
    classifier reads no rules' verdict (`learned.without_verdict`); l2: the L2 penalty of
    every classifier (with parts_from, it matters for the parts fitted); keep_own_from: a
    model folder whose keep classifier decides, in place of the output's, the entities the
    rules call the paper's own that a rule of words/keep_own_rules.txt found
    (`learned.guard_keep`); keep_own_plain: only those whose every word is a plain word
    (`learned.own_piece`); keep_own_feats: the keep classifier also reads
    `learned.own_features` of that kind ("plain" or "split"). Output is a spaCy pipeline
    folder with `paperkg_learned` (and `ner` with spans).
    """
    import spacy

    from paperkg.extractors import learned
    from paperkg.extractors.evaluate import read_gold

    say = log or (lambda _msg: None)
    if vectors and not spans:
        raise UserError("--vectors are for the span model: add --spans")
    if vectors and corpus is None:
        raise UserError("--vectors are trained on the corpus: give --corpus DIR")
    counts: dict = {}
    records = with_texts(with_file_weights(gold, file_weights or {}), seeds, corpus, counts)
    if not records:
        raise UserError("no gold records with an abstract to train on")
    say(f"{len(records)} gold records ({counts['corpus']} texts from the corpus, "
        f"{counts['skipped']} skipped: text not found)")
    output = Path(output)
    with tempfile.TemporaryDirectory(prefix="paperkg-model-") as tmp:
        tmp = Path(tmp)
        table_nlp = None
        if vectors:
            from paperkg.extractors.training.vectors import train_floret, write_corpus_text

            skip = [r["title"] for r in records]
            for path in exclude:
                skip.extend(r["title"] for r in read_gold(path))
            n = write_corpus_text(corpus, tmp / "corpus.txt", exclude=skip, limit=vector_docs)
            say(f"vectors: {n} corpus abstracts (gold papers left out)")
            table = train_floret(tmp / "corpus.txt", tmp / "vectors")
            table_nlp = spacy_vectors(table, tmp / "vectors-nlp")
        if spans:
            say(f"span model: {len(records)} gold records")
            scores = train_ner(records, tmp / "ner", hold_out=hold_out, max_steps=max_steps,
                               seed=seed, vectors=table_nlp)
            nlp = spacy.load(tmp / "ner")
        else:
            scores = {"train": sum(1 for r in records
                                   if not (hold_out and held_out(r, hold_out))),
                      "dev": sum(1 for r in records if hold_out and held_out(r, hold_out)),
                      "performance": {}}
            nlp = spacy.blank("en")
        say("keep, role, type and candidate classifiers")
        train_recs = [r for r in records if not (hold_out and held_out(r, hold_out))]
        table = None
        skip = [r["title"] for r in records]
        if (df or stats) and candidates > 0:
            for path in exclude:
                skip.extend(r["title"] for r in read_gold(path))
        if df and candidates > 0:
            if corpus is None:
                raise UserError("--df counts phrases in the corpus: give --corpus DIR")
            table = corpus_df(corpus, candidate_heads(train_recs), skip)
            say(f"corpus frequencies of {len(table)} candidate phrases")
        cstats = None
        if stats and candidates > 0:
            if corpus is None:
                raise UserError("--corpus-stats are counted in the corpus: give --corpus DIR")
            cstats = corpus_stats(corpus, candidate_heads(train_recs), skip)
            say(f"corpus statistics of {len(cstats)} candidate phrases")
        term_table = None
        if terms is not None and candidates > 0:
            from paperkg.extractors.training.terms import read_terms

            term_table = read_terms(terms)
            if not term_table:
                raise UserError(f"no corpus terms in {terms}")
            say(f"{len(term_table)} corpus terms")
        fitted = train_classifiers(train_recs, candidates=candidates > 0,
                                   lexicon=lexicon and candidates > 0, df=table,
                                   context=context and candidates > 0, extend=extend,
                                   stats=cstats, gold_weight=gold_weight, terms=term_table,
                                   term_cands=term_candidates, gaz=gazetteer,
                                   role_blind=roles_blind, l2=l2, own_feats=keep_own_feats)
        if candidates > 0:
            fitted.cand_model.threshold = candidates
            fitted.max_candidates = max_candidates
            fitted.cand_roles = candidate_roles
        merge = nlp.add_pipe("paperkg_learned", config={"add_spans": spans})
        if retype is not None:
            fitted.retype_to, fitted.retype_from = retype
        if known_retype is not None:
            fitted.known_retype_to, fitted.known_retype_from = known_retype
        if parts_from is not None:
            base = learned.load_with_model(parts_from).get_pipe("paperkg_learned")
            learned.take_parts(fitted, base, parts)
            say(f"from {parts_from}: {', '.join(parts)}")
        if keep_own_from is not None:
            own = learned.load_with_model(keep_own_from).get_pipe("paperkg_learned")
            learned.guard_keep(fitted, own, plain=keep_own_plain)
            say(f"from {keep_own_from}: the keep classifier of the paper's own title pieces")
        for attr in ("role_model", "keep_model", "keep_own_model", "own_rules", "own_plain",
                     "own_feats",
                     "cand_model",
                     "extend_model", "type_models",
                     "retype_models", "retype_to", "retype_from", "known_retype_to",
                     "known_retype_from",
                     "heads", "max_candidates", "lexicon", "df", "cand_context", "cstats",
                     "cand_roles", "terms", "theads", "term_cands", "gaz_feats", "role_blind"):
            setattr(merge, attr, getattr(fitted, attr))
        if output.exists():
            shutil.rmtree(output)
        nlp.to_disk(output)
    size = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    say(f"saved {output} ({size / 1e6:.1f} MB)")
    return {**scores, "output": str(output), "bytes": size, "records": len(records),
            "from_corpus": counts["corpus"], "skipped": counts["skipped"]}
