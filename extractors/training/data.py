"""Training data: document-level gold names aligned to character spans of title + abstract."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from pathlib import Path

from paperkg.core.errors import UserError
from paperkg.extractors.evaluate import read_gold

#: The entity labels the learned span model predicts (the annotation guidelines' six types).
LABELS = ("METHOD", "MODEL", "DATASET", "BENCHMARK", "METRIC", "TASK")


def gold_text(record: dict) -> str:
    """The text the pipeline reads for a gold record: title, newline, abstract."""
    title = (record.get("title") or "").strip()
    abstract = (record.get("abstract") or "").strip()
    return f"{title}\n{abstract}" if abstract else title


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Character spans of form in text at word boundaries, in any case (as the scorer matches:
    a Title Case title and its lower-case mention in the abstract are the same name)."""
    if not form.strip():
        return []
    pattern = r"(?<![\w])" + re.escape(form) + r"(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def align(record: dict) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, label, role) spans of every gold name and alias in the text.

    Longer spans win over the shorter ones they overlap; each gold form is searched at word
    boundaries in any case.
    """
    text = gold_text(record)
    found = []
    for ent in record.get("entities", []):
        label = ent.get("type")
        if label not in LABELS:
            continue
        role = ent.get("role", "used")
        for form in {ent["name"], *ent.get("aliases", [])}:
            for a, b in _occurrences(text, form):
                found.append((a, b, label, role))
    found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for a, b, label, role in found:
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        out.append((a, b, label, role))
    return sorted(out)


def held_out(record: dict, percent: int = 20) -> bool:
    """A stable pseudo-random percent of records (by title) kept out of training."""
    key = " ".join((record.get("title") or "").casefold().split())
    return zlib.crc32(key.encode("utf-8")) % 100 < percent


def read_records(paths: Iterable[str | Path]) -> list[dict]:
    """Gold records (with texts) from JSON Lines files; records without an abstract are kept."""
    out = []
    for p in paths:
        out.extend(read_gold(p))
    if not out:
        raise UserError("no gold records to train on")
    return out


#: Where the corpus texts of annotation records are looked up when no --corpus is given.
DEFAULT_CORPUS = Path("../shared/corpus")


def default_corpus() -> Path | None:
    """../shared/corpus (from the working directory) when it exists, else None."""
    return DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None


def corpus_texts(corpus: str | Path, titles: Iterable[str]) -> dict[str, dict]:
    """{title: corpus record} for the wanted titles found in corpus (a folder of *.jsonl.gz /
    *.jsonl files or one such file): exact title first, else the normalised title key."""
    import gzip
    import json

    from paperkg.core.ids import title_key

    corpus = Path(corpus)
    if not corpus.exists():
        raise UserError(f"corpus not found: {corpus}")
    files = ([corpus] if corpus.is_file() else
             sorted([*corpus.glob("*.jsonl.gz"), *corpus.glob("*.jsonl")]))
    if not files:
        raise UserError(f"no *.jsonl.gz or *.jsonl files in the corpus folder {corpus}")
    wanted = set(titles)
    keys = {title_key(t): t for t in wanted}
    exact: dict[str, dict] = {}
    by_key: dict[str, dict] = {}
    for f in files:
        opener = gzip.open if f.name.endswith(".gz") else open
        with opener(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                t = rec.get("title") if isinstance(rec, dict) else None
                if not isinstance(t, str) or not rec.get("abstract"):
                    continue
                if t in wanted:
                    exact.setdefault(t, rec)
                else:
                    k = title_key(t)
                    if k in keys:
                        by_key.setdefault(keys[k], rec)
    return {**by_key, **exact}


def with_texts(records: list[dict], seeds: str | Path | None = None,
               corpus: str | Path | None = None, counts: dict | None = None) -> list[dict]:
    """Records that carry their abstract: the dev records get theirs from the seed listings,
    annotation records (title, no abstract) theirs from the corpus by title; a record whose
    text is found nowhere is skipped (counts["skipped"], counts["corpus"] joined; a joined
    record is marked "from_corpus")."""
    missing = [r for r in records if not r.get("abstract")]
    if missing and seeds is not None:
        from paperkg.core.ids import title_key
        from paperkg.readers import read_listings

        by_key = {title_key(p.title): p for p in read_listings([str(seeds)]).papers}
        for r in missing:
            p = by_key.get(title_key(r["title"]))
            if p is not None and p.abstract:
                r["abstract"] = p.abstract
                r["title"] = p.title
        missing = [r for r in missing if not r.get("abstract")]
    joined = 0
    if missing and corpus is not None:
        found = corpus_texts(corpus, [r["title"] for r in missing])
        for r in missing:
            c = found.get(r["title"])
            if c is not None:
                r["abstract"] = c["abstract"]
                r["title"] = c["title"]
                r["from_corpus"] = True
                joined += 1
    out = [r for r in records if r.get("abstract")]
    if counts is not None:
        counts["corpus"] = counts.get("corpus", 0) + joined
        counts["skipped"] = counts.get("skipped", 0) + len(records) - len(out)
    return out


#: The key of a record's own training weight (set by with_file_weights; absent: 1).
WEIGHT = "_weight"


def record_weights(records: list[dict], gold_weight: float = 1.0) -> list[float] | None:
    """Per-record training weights: gold_weight for the records that carry their own text (the
    gold files, the gold annotators' papers), 1 for those joined from the corpus (the other
    annotators'), each times the record's own weight (WEIGHT, from its file); None when every
    weight is 1 (unweighted)."""
    if gold_weight == 1.0 and all(r.get(WEIGHT, 1.0) == 1.0 for r in records):
        return None
    return [r.get(WEIGHT, 1.0) * (1.0 if r.get("from_corpus") else gold_weight)
            for r in records]


def file_weight(path: str | Path, weights: dict[str, float]) -> float:
    """The weight of a gold file's records: weights holds paths or file names (1 if absent)."""
    path = Path(path)
    for key in (str(path), path.name):
        if key in weights:
            return weights[key]
    return 1.0


def with_file_weights(paths: Iterable[str | Path], weights: dict[str, float]) -> list[dict]:
    """Gold records of paths (read_records), each marked with its file's weight when not 1."""
    out = []
    for p in paths:
        w = file_weight(p, weights)
        for r in read_records([p]):
            if w != 1.0:
                r[WEIGHT] = w
            out.append(r)
    return out


def to_docs(nlp, records: list[dict]) -> list:
    """spaCy Docs (tokenised by nlp) with the aligned spans as doc.ents; misaligned spans widen."""
    docs = []
    for r in records:
        doc = nlp.make_doc(gold_text(r))
        spans = []
        last = -1
        for a, b, label, _ in align(r):
            span = doc.char_span(a, b, label=label, alignment_mode="expand")
            if span is None or span.start < last:
                continue
            spans.append(span)
            last = span.end
        doc.ents = spans
        doc.spans["sc"] = list(spans)
        docs.append(doc)
    return docs
