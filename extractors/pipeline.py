"""The extraction pipeline: build/load the spaCy pipeline and run it over papers (the step
across papers, canonicalisation, is extractors/registry.py, which does not import spaCy)."""

from __future__ import annotations

import gc
import json
import math
import os
import time
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
import spacy
from spacy.attrs import LANG, LOWER
from spacy.util import load_config, registry

from paperkg.core.errors import UserError
from paperkg.core.records import Paper, PaperExtraction
from paperkg.extractors import components  # noqa: F401 - registers the factories
from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.registry import finish, from_raw, tally
from paperkg.extractors.workers import (  # noqa: F401 - _spans: tests read it here
    POOL_FROM,
    _Cut,
    _pooled,
    _spans,
    pooled_results,
)

CONFIG = Path(__file__).resolve().parent / "config.cfg"
# a LaTeX arrow between two names is a token of its own ("Whisper$\\rightarrow$GPT-4o")
_ARROW_INFIX = r"\$\\(?:rightarrow|to|leftarrow|Rightarrow|longrightarrow|mapsto)\$"
_CACHE: dict[str, spacy.Language] = {}


@registry.tokenizers("paperkg.Tokenizer.v1")
def make_tokenizer(special_cases: bool = False):
    """spaCy's English tokenizer, optionally without its special-case exceptions."""

    def create(nlp):
        from spacy.tokenizer import Tokenizer

        defaults = nlp.Defaults
        prefix = spacy.util.compile_prefix_regex(defaults.prefixes).search
        suffix = spacy.util.compile_suffix_regex(defaults.suffixes).search
        infix = spacy.util.compile_infix_regex([*defaults.infixes, _ARROW_INFIX]).finditer
        return components.TextKeepingTokenizer(Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions if special_cases else {},
            prefix_search=prefix,
            suffix_search=suffix,
            infix_finditer=infix,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        ))

    return create


def build_pipeline(config_path: str | Path = CONFIG) -> spacy.Language:
    """A fresh pipeline from config.cfg (blank English plus the paperkg components)."""
    config = load_config(config_path)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def load_pipeline(path: str | Path | None = None, fast: bool = False) -> spacy.Language:
    """The pipeline (cached per process): the rules of config.cfg plus the learned model shipped
    in extractors/model/ (fast=True: rules only); or spacy.load(path)."""
    if path is not None:
        path = Path(path)
        if not (path / "config.cfg").is_file():
            raise UserError(f"not a saved spaCy pipeline: {path}")
        from paperkg.extractors import learned  # noqa: F401 - registers paperkg_learned

        nlp = spacy.load(path)
        _SOURCES[nlp] = ("path", str(path.resolve()))
        return nlp
    key = "fast" if fast else "default"
    if key not in _CACHE:
        nlp = build_pipeline()
        if not fast:
            from paperkg.extractors.learned import add_learned

            add_learned(nlp)
        _text_only(nlp)
        _CACHE[key] = nlp
        _SOURCES[nlp] = ("cache", key)
    return _CACHE[key]


#: The components that read the text kept on the Doc and never its tokens (the learned
#: classifiers read the rules' entities and the text; a trained `ner` reads tokens, unless the
#: span gate runs it, disabled, on its own tokens).
_TEXT_READERS = frozenset({"paperkg_sentences", "paperkg_urls", "paperkg_gazetteer",
                           "paperkg_entities", "paperkg_results", "paperkg_learned",
                           "paperkg_span_gate"})


def _text_only(nlp: spacy.Language) -> bool:
    """Let a pipeline of text readers alone (the rules, and the shipped classifiers) skip the
    Doc's tokens: the gazetteer tokenizes only what it matches (the same hits,
    `Gazetteer.text_hits`). Only for paperkg's own tokenizer without special cases (a chunk's
    tokens then never depend on its neighbours); whether it was done."""
    tok = nlp.tokenizer
    if (isinstance(tok, components.TextKeepingTokenizer) and not tok.inner.rules
            and set(nlp.pipe_names) <= _TEXT_READERS):
        tok.text_only = True
        # The gazetteer reads a token's ORTH and LOWER alone: a new word's lexeme need not
        # compute the other attributes (shape, stop word, like_num ...: some 20 Python calls).
        getters = nlp.vocab.lex_attr_getters
        nlp.vocab.lex_attr_getters = {k: v for k, v in getters.items() if k in (LANG, LOWER)}
        return True
    return False


_WORKER_NLP: spacy.Language | None = None
# How a worker process loads the pipeline a caller passed: ("cache", "fast" | "default") or
# ("path", folder). A pipeline built some other way has no entry and runs in this process.
_SOURCES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _worker_init(source: tuple[str, str]) -> None:
    """Pool initializer: load the pipeline named by `source` (a pipeline loads in ~0.1 s)."""
    global _WORKER_NLP
    kind, value = source
    _WORKER_NLP = load_pipeline(value) if kind == "path" else load_pipeline(fast=value == "fast")
    if os.environ.get(TIMES_ENV):
        _time_learned(_WORKER_NLP)
    # The pipeline's many long-lived objects (patterns, vocabulary) are never garbage: the
    # cyclic collector, run again and again as each chunk's objects come and go, skips them.
    gc.collect()
    gc.freeze()


TIMES_ENV = "PAPERKG_PIPE_TIMES"  # a folder: each worker writes its learned-model seconds there
_TIMES: dict[str, float] = {}


class _Timed:
    """A pipeline component whose docs are timed as they come out (CPU seconds into
    _TIMES[key]): the time of this component and of every one before it (bench hook)."""

    def __init__(self, proc, key: str):
        self.proc = proc
        self.key = key

    def __call__(self, doc):
        return next(self.pipe([doc]))

    def pipe(self, docs, **kwargs):
        inner = self.proc.pipe(docs, **kwargs) if hasattr(self.proc, "pipe") else map(
            self.proc, docs)
        while True:
            t = time.process_time()
            doc = next(inner, None)
            _TIMES[self.key] = _TIMES.get(self.key, 0.0) + time.process_time() - t
            if doc is None:
                return
            yield doc


def _time_learned(nlp: spacy.Language) -> None:
    """Time the learned model's components in this worker (bench/bench_build.py): the output
    of the component before the first of them ("before") and of the last one ("all"), so that
    all - before is the model's own CPU time, written per chunk to the TIMES_ENV folder."""
    names = nlp.pipe_names
    first = min((names.index(n) for n in ("ner", "paperkg_learned") if n in names), default=0)
    if first == 0:
        return
    comps = nlp._components
    for i, key in ((first - 1, "before"), (len(comps) - 1, "all")):
        name, proc = comps[i]
        comps[i] = (name, _Timed(proc, key))


def _write_times() -> None:
    """This worker's learned-model seconds so far, as JSON in the TIMES_ENV folder."""
    folder = os.environ.get(TIMES_ENV)
    if folder and _TIMES:
        Path(folder, f"{os.getpid()}.json").write_text(json.dumps(_TIMES), encoding="utf-8")


def _worker_run(texts: list[str], as_json: bool = False, extra: Callable | None = None,
                extra_args: Sequence[tuple] | None = None, counted: bool = False) -> Any:
    """Run nlp.pipe over one chunk in a worker; return only the plain results (as_json: each
    as compact JSON, which crosses the process boundary as one string instead of many small
    objects to pickle and unpickle). With `extra`, each result gets a fourth item,
    extra(*args) of the text's `extra_args` (made here, beside the pipeline's work). counted:
    (results, *registry.tally of their entities), so that the caller need not decode them."""
    nlp = _WORKER_NLP or load_pipeline()
    found = _with_extra((_plain(d) for d in nlp.pipe(texts, batch_size=256)), extra,
                        extra_args)
    if counted:
        found = list(found)
    out = [_json(r) for r in found] if as_json else list(found)
    _write_times()
    _bound_caches()
    if counted:
        return (out, *tally(r[0] for r in found))
    return out


#: The most entries a worker's text folding and canonical-key caches keep between chunks: their
#: own bounds (200,000 each) suit the main process, whose keys are names that come back again
#: and again; a worker's are mostly sentences (the citation results fold every one) that never
#: do, about 180 bytes an entry.
_WORKER_CACHE_MAX = 20_000


def _bound_caches() -> None:
    """Empty this worker's folding and canonical-key caches when they hold more than
    _WORKER_CACHE_MAX entries (the functions' results do not change, only their speed)."""
    from paperkg.core.text import fold

    for fn in (fold, canonical_key):
        if fn.cache_info().currsize > _WORKER_CACHE_MAX:
            fn.cache_clear()


def _with_extra(found: Iterable[tuple], extra: Callable | None,
                extra_args: Sequence[tuple] | None) -> Iterator[tuple]:
    """The plain results, each with extra(*args) as a fourth item when extra is given."""
    if extra is None:
        yield from found
        return
    for raw, args in zip(found, extra_args or (), strict=True):
        yield (*raw, extra(*args))


# One encoder for every row (json.dumps made one a call), without the circular-reference
# check (a dict of ids a container; plain results are trees): the same text.
_COMPACT = json.JSONEncoder(separators=(",", ":"), check_circular=False)


def _json(raw: tuple) -> str:
    """The compact JSON of one text's plain results (what the build state keeps), as
    _COMPACT writes it: orjson's text where it is the same, a third of the time. It is for a
    tree of str, int, bool, None, list, tuple and dict whose strings are ASCII without DEL
    (which _COMPACT writes as an escape, and orjson as it is) and whose floats _COMPACT and
    orjson write alike (_floats_alike); anything else, and whatever orjson refuses (a lone
    surrogate, an int past 64 bits, a key that is no str), goes to _COMPACT."""
    if _ORJSON_ALIKE and _floats_alike(raw):
        try:
            out = orjson.dumps(raw)
        except TypeError:  # (orjson.JSONEncodeError is one)
            return _COMPACT.encode(raw)
        if out.isascii() and b"\x7f" not in out:
            return out.decode()
    return _COMPACT.encode(raw)


# What the orjson text is taken on, written by this orjson as _COMPACT writes it (checked once
# a process: another orjson release might write a float or an escape another way)
_ORJSON_PROBE = ([{"f": [1e-4, 0.00012, 0.1, 1.0, -2.5, 100.0, 1e15, 1e16, 1e22, 1.5e300,
                         123456789012345678.0, -0.0, 0.0, 0.3333333333333333]}],
                 [(0, 2 ** 63 - 1, -2 ** 63, True, False, None)],
                 [{"s": "".join(map(chr, range(127)))}])
_ORJSON_ALIKE = orjson.dumps(_ORJSON_PROBE).decode() == _COMPACT.encode(_ORJSON_PROBE)


def _floats_alike(raw: tuple) -> bool:
    """Whether the floats of one text's plain results are written alike by _COMPACT and
    orjson: the floats are the values of the entity and result dicts (an entity's confidence,
    a result's number; a test checks that no other part of a result holds one), and the two
    write a float alike when it is zero or finite and at least 1e-4 in size (orjson writes
    1e-05 as 0.00001 and 1e-07 as 1e-7, NaN and infinity as null)."""
    for part in (raw[0], raw[2]):
        for d in part:
            if type(d) is not dict:
                return False
            for v in d.values():
                if type(v) is float and not (v == 0.0 or 1e-4 <= abs(v) < math.inf):
                    return False
    return True


def _counted(found: Iterable[tuple], counts: Callable[[Counter, Counter], Any] | None
             ) -> Iterator[tuple]:
    """The plain results, each tallied into counts (when given) before it is handed on."""
    for raw in found:
        if counts is not None:
            counts(*tally((raw[0],)))
        yield raw


def _plain(doc) -> tuple[list, list, list]:
    """The plain results of one processed doc: (entities, references, results)."""
    data = doc.user_data
    return data.get("pk_ents", []), data.get("pk_refs", []), data.get("pk_results", [])


def raw_extractions(texts: Sequence[str], workers: int = 1, nlp=None,
                    progress: Callable[[int], None] | None = None,
                    fast: bool = False, engine: str = "local", scheduler: str | None = None,
                    as_json: bool = False, extra: Callable | None = None,
                    extra_args: Sequence[tuple] | None = None,
                    counts: Callable[[Counter, Counter], Any] | None = None) -> Iterator:
    """Plain per-text results of the pipeline, in input order, before canonicalisation: what
    `from_raw` turns into a PaperExtraction (JSON-safe, so a store can keep it).

    Texts flow through in chunks and each Doc is dropped once read. With workers > 1, each of
    `workers` processes runs nlp.pipe over chunks and sends back plain results; fewer than
    POOL_FROM (1,024) texts, or a pipeline not made by load_pipeline, run in this process.
    fast=True runs the rules only (no learned model) when nlp is not given. engine="dask"
    runs shards on the Dask scheduler at `scheduler` (or on a local cluster of `workers`
    processes when it is None): see extractors/dask_engine.py. as_json=True yields each
    result as its compact JSON (made in the worker processes when there are any).
    `extra` (a module-level function, so that it reaches the workers) adds to each result a
    fourth item, extra(*extra_args[i]), made where the text is processed: per-text work that
    does not need the Doc runs in the workers too. `counts`, when given, receives the
    registry's tally (registry.tally: long forms, type votes) of every result's entities before
    the result is yielded, made where the results are (so a caller of as_json need not decode
    each JSON for its entities).
    """
    if workers < 1:
        raise UserError(f"--workers must be at least 1, got {workers}")
    if engine not in ("local", "dask"):
        raise UserError(f"unknown engine {engine!r} (choose local or dask)")
    if engine == "local" and nlp is None and workers > 1 and len(texts) >= POOL_FROM:
        # The workers load the pipeline themselves: this process need not build one too
        # (about 0.7 s before the pool could start).
        yield from pooled_results(texts, workers, fast, progress=progress, as_json=as_json,
                                  extra=extra, extra_args=extra_args, counts=counts)
        return
    if engine == "local":
        nlp = nlp or load_pipeline(fast=fast)
    # spaCy refuses texts over nlp.max_length (1,000,000 characters); the rules read at most
    # max_text of them anyway, so an oversized text is cut rather than rejected.
    limit = nlp.max_length if nlp is not None else 1_000_000
    texts = _Cut(texts, limit)
    if extra is not None and (extra_args is None or len(extra_args) != len(texts)):
        raise ValueError("extra_args must hold one tuple per text")
    if engine == "dask":
        from paperkg.extractors.dask_engine import dask_results

        found = _counted(dask_results(texts, scheduler=scheduler, workers=workers, fast=fast,
                                      extra=extra, extra_args=extra_args), counts)
        if as_json:
            found = map(_json, found)
    elif workers == 1 or len(texts) < POOL_FROM or _SOURCES.get(nlp) is None:
        found = _counted(_with_extra((_plain(d) for d in nlp.pipe(texts, batch_size=256)),
                                     extra, extra_args), counts)
        if as_json:
            found = map(_json, found)
    else:
        found = _pooled(texts, workers, _SOURCES[nlp], as_json=as_json, extra=extra,
                        extra_args=extra_args, counts=counts)
    for raw in found:
        yield raw
        if progress is not None:
            progress(1)


def extract(papers: list[Paper], workers: int = 1, nlp=None,
            progress: Callable[[int], None] | None = None,
            fast: bool = False) -> list[PaperExtraction]:
    """Extract entities, repos and links from papers (same order), canonicalised across them
    (see raw_extractions for workers and fast)."""
    raws = raw_extractions([p.text for p in papers], workers=workers, nlp=nlp,
                           progress=progress, fast=fast)
    # The results are many small acyclic objects: cyclic GC passes over them only cost time
    # (about 10% of a run over 20,000 abstracts), so it is paused while they are built.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        out = [from_raw(paper.id, raw) for paper, raw in zip(papers, raws, strict=True)]
        finish(out)
    finally:
        if was_enabled:
            gc.enable()
    return out


def extract_paths(paths: Iterable[str | Path], workers: int = 1) -> list[dict]:
    """The `paperkg extract` JSON objects for every paper read from paths."""
    from paperkg.readers import read_listings

    result = read_listings([str(p) for p in paths])
    papers = result.papers
    exs = extract(papers, workers=workers)
    return [ex.to_json(p.title) for p, ex in zip(papers, exs, strict=True)]
