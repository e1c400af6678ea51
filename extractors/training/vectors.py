"""Static subword vectors (floret) trained on the corpus abstracts, for the learned span model."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path

from paperkg.core.errors import UserError


def _title_key(title: str) -> str:
    """Case- and space-folded title."""
    return " ".join((title or "").casefold().split())


def write_corpus_text(corpus: str | Path, out: str | Path, exclude: Iterable[str] = (),
                      limit: int | None = None) -> int:
    """One tokenised title+abstract per line from the corpus (papers titled in exclude skipped).

    Tokens come from the pipeline's own tokenizer, so the vectors' keys are what the model sees.
    """
    import spacy

    from paperkg.extractors.pipeline import make_tokenizer

    files = sorted(Path(corpus).glob("*.jsonl.gz"))
    if not files:
        raise UserError(f"no *.jsonl.gz corpus files in {corpus}")
    skip = {_title_key(t) for t in exclude}
    nlp = spacy.blank("en")
    nlp.tokenizer = make_tokenizer()(nlp)

    def texts():
        n = 0
        for f in files:
            with gzip.open(f, "rt", encoding="utf-8") as fh:
                for line in fh:
                    rec = json.loads(line)
                    if _title_key(rec.get("title", "")) in skip:
                        continue
                    yield f"{rec.get('title', '')}\n{rec.get('abstract', '')}"
                    n += 1
                    if limit and n >= limit:
                        return

    count = 0
    with open(out, "w", encoding="utf-8") as fh:
        for doc in nlp.pipe(texts(), batch_size=512):
            fh.write(" ".join(t.text for t in doc if not t.is_space) + "\n")
            count += 1
    return count


def train_floret(text_path: str | Path, out_prefix: str | Path, dim: int = 64,
                 bucket: int = 20000, epochs: int = 5, threads: int = 2) -> Path:
    """Train floret skipgram vectors; return the path of the .floret table spaCy reads.

    floret seeds each thread's generator by its number, so threads=1 repeats exactly; with
    more threads the lock-free updates interleave differently from run to run.
    """
    try:
        import floret
    except ImportError:
        raise UserError("floret vectors need the 'train' extra: "
                        "pip install 'paperkg[train]'") from None

    model = floret.train_unsupervised(
        str(text_path), model="skipgram", dim=dim, minn=3, maxn=5, minCount=3,
        epoch=epochs, thread=threads, mode="floret", hashCount=2, bucket=bucket, verbose=0,
    )
    out = Path(f"{out_prefix}.floret")
    model.save_floret_vectors(str(out))
    return out
