"""The learned part of extraction: spans the trained `ner` finds that the rules missed, and roles.

`paperkg_learned` runs after the rule component (`paperkg_entities`) and the trained `ner`. It
reads the rules' entities in doc.user_data["pk_ents"] and the model's doc.ents, adds the model's
spans the rules did not cover (as new entities, or as mentions of an entity the rules found), and
decides every entity's role (introduced or used) with a logistic-regression classifier over the
words of the clause around its mentions (weights learned by `paperkg train`, saved with it).
"""

from __future__ import annotations

import json
import math
import re
import zlib
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from paperkg.core.text import sentence_starts
from paperkg.extractors.canonical import canonical_key

#: Hashed feature space of the role classifier.
DIM = 1 << 16
_WORDS = re.compile(r"[A-Za-z][\w\-]*|[:;,()]")
_CLAUSE_BREAK = re.compile(r"[;:()]|, (?:and|but|while|whereas|which)\b")
_COINED = re.compile(r"[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]|^[A-Z]{2,}")


def _text(doc: Doc) -> str:
    """The input string (kept by paperkg's tokenizer) or the Doc's text."""
    return doc.user_data.get("pk_text") or doc.text


def _sentence(starts: list[int], text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence holding pos."""
    lo, hi = 0, len(text)
    for s in starts:
        if s <= pos:
            lo = s
        else:
            hi = s
            break
    return lo, hi


def role_features(text: str, starts: list[int], name: str, type_: str,
                  mentions: list[tuple[int, int]], rules: list[str],
                  rule_intro: bool) -> list[str]:
    """The role classifier's features of one entity (clause words, title position, shape)."""
    title_end = text.find("\n")
    if title_end < 0:
        title_end = len(text)
    feats = {"bias", f"type={type_}"}
    feats.update(f"rule={r}" for r in rules)
    if rule_intro:
        feats.add("rule_intro")
        feats.add(f"rule_intro_{type_}")
    if " " in name:
        feats.add("multiword")
    if _COINED.search(name):
        feats.add("coined")
    if name.islower():
        feats.add("lower")
    ms = sorted(mentions)
    if not ms:
        return sorted(feats)
    in_title = [m for m in ms if m[0] < title_end]
    if in_title:
        feats.add("in_title")
        a = in_title[0][0]
        if text[:a].strip() == "":
            feats.add("title_lead")
            if text[in_title[0][1]:in_title[0][1] + 2].startswith(":"):
                feats.add("title_lead_colon")
    if len(ms) >= 2:
        feats.add("mentions>=2")
    if len(ms) >= 4:
        feats.add("mentions>=4")
    body = [m for m in ms if m[0] >= title_end]
    if body:
        first = body[0][0]
        k = sum(1 for s in starts if s <= first and s > title_end)
        feats.add(f"first_sent={min(k, 4)}")
    for a, b in ms[:4]:
        lo, hi = _sentence(starts, text, a)
        before = text[lo:a]
        cut = list(_CLAUSE_BREAK.finditer(before))
        clause = before[cut[-1].end():] if cut else before
        words = [w.casefold() for w in _WORDS.findall(clause)][-8:]
        feats.update(f"c:{w}" for w in words)
        for i, w in enumerate(reversed(words[-3:]), 1):
            feats.add(f"b{i}:{w}")
        after = [w.casefold() for w in _WORDS.findall(text[b:min(hi, b + 60)])][:3]
        for i, w in enumerate(after, 1):
            feats.add(f"a{i}:{w}")
        sent_words = {w.casefold() for w in _WORDS.findall(text[lo:hi])}
        for cue in ("we", "our", "this", "propose", "introduce", "present", "novel", "new",
                    "called", "named", "existing", "previous", "prior", "baseline", "baselines",
                    "recently", "outperforms", "compared", "than", "such", "like", "including"):
            if cue in sent_words:
                feats.add(f"s:{cue}")
    return sorted(feats)


def keep_features(text: str, starts: list[int], ent: dict) -> list[str]:
    """The keep classifier's features of one predicted entity: its role features plus the
    words of its name, its head word, the rules' confidence and the type the rules gave."""
    name = ent["name"]
    feats = set(role_features(text, starts, name, ent["type"],
                              [(m[1], m[2]) for m in ent["mentions"]],
                              ent["extractor"].split("+"), ent["role"] == "introduced"))
    words = [w.casefold() for w in _WORDS.findall(name)]
    feats.update(f"w:{w}" for w in words)
    if words:
        feats.add(f"head:{words[-1]}")
        feats.add(f"head:{words[-1]}|{ent['type']}")
    feats.add(f"nwords={min(len(words), 4)}")
    feats.add(f"conf={round(float(ent.get('confidence', 0)), 1)}")
    if ent.get("aliases"):
        feats.add("has_alias")
    if ent.get("long_form"):
        feats.add("long_form")
    if name.isupper():
        feats.add("upper")
    elif name[:1].isupper():
        feats.add("capitalised")
    return sorted(feats)


def _index(feats: list[str]) -> np.ndarray:
    """Hashed indices of features."""
    return np.fromiter((zlib.crc32(f.encode("utf-8")) % DIM for f in feats), dtype=np.int64)


class BinaryModel:
    """Logistic regression over hashed binary features, with a decision threshold; saved as
    <stem>.npz (weights) and <stem>.json (threshold)."""

    def __init__(self, stem: str, threshold: float = 0.5):
        self.stem = stem
        self.w = np.zeros(DIM, dtype=np.float32)
        self.threshold = threshold

    @property
    def trained(self) -> bool:
        """True once weights were learned or loaded."""
        return bool(np.any(self.w))

    def prob(self, feats: list[str]) -> float:
        """P(positive | features)."""
        z = float(self.w[_index(feats)].sum())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def fit(self, rows: list[list[str]], labels: list[int], epochs: int = 5, lr: float = 0.1,
            l2: float = 0.0, seed: int = 13) -> None:
        """Per-example AdaGrad on the log loss (deterministic: shuffles with a fixed seed)."""
        rng = np.random.default_rng(seed)
        idx = [_index(f) for f in rows]
        w = np.zeros(DIM, dtype=np.float64)
        g2 = np.full(DIM, 1e-8, dtype=np.float64)
        for _ in range(epochs):
            for i in rng.permutation(len(idx)):
                j = idx[i]
                z = w[j].sum()
                p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
                g = (p - labels[i]) + l2 * w[j]
                g2[j] += g * g
                w[j] -= lr * g / np.sqrt(g2[j])
        self.w = w.astype(np.float32)

    def to_disk(self, path: Path) -> None:
        """Save weights (npz) and the threshold (JSON)."""
        path.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path / f"{self.stem}.npz", w=self.w)
        (path / f"{self.stem}.json").write_text(
            json.dumps({"threshold": self.threshold, "dim": DIM}))

    def from_disk(self, path: Path) -> BinaryModel:
        """Load what to_disk saved (missing files leave the model untrained)."""
        if (path / f"{self.stem}.npz").is_file():
            self.w = np.load(path / f"{self.stem}.npz")["w"]
            self.threshold = json.loads((path / f"{self.stem}.json").read_text())["threshold"]
        return self


def role_model(threshold: float = 0.35) -> BinaryModel:
    """P(introduced | an entity in its clauses): the role classifier."""
    return BinaryModel("roles", threshold)


def keep_model(threshold: float = 0.3) -> BinaryModel:
    """P(a gold entity | a rule entity and its context): the keep classifier."""
    return BinaryModel("keep", threshold)


@Language.factory(
    "paperkg_learned",
    default_config={"add_spans": True, "add_types": ["METHOD", "TASK"],
                    "roles": "union", "max_tasks": 4, "min_chars": 2, "retype": False,
                    "keep_types": ["METHOD", "MODEL", "DATASET", "BENCHMARK", "TASK"],
                    "ner_threshold": 0.7},
)
def make_learned(nlp: Language, name: str, add_spans: bool, add_types: list[str], roles: str,
                 max_tasks: int, min_chars: int, retype: bool, keep_types: list[str],
                 ner_threshold: float):
    """Merge the trained model's spans into the rules' entities and classify roles."""
    return LearnedMerge(name, add_spans, add_types, roles, max_tasks, min_chars, retype,
                        keep_types, ner_threshold)


class LearnedMerge:
    """Add the `ner` spans the rules missed; set roles with the learned role classifier."""

    def __init__(self, name: str, add_spans: bool, add_types: list[str], roles: str,
                 max_tasks: int, min_chars: int, retype: bool = False,
                 keep_types: list[str] | None = None, ner_threshold: float = 0.7):
        if roles not in ("model", "union", "rules"):
            raise ValueError(f"roles must be model, union or rules, not {roles!r}")
        self.name = name
        self.retype = retype
        self.keep_types = set(keep_types or ())
        self.ner_threshold = ner_threshold
        self.add_spans = add_spans
        self.add_types = set(add_types)
        self.roles = roles
        self.max_tasks = max_tasks
        self.min_chars = min_chars
        self.role_model = role_model()
        self.keep_model = keep_model()

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        ents = doc.user_data.setdefault("pk_ents", [])
        starts = doc.user_data.get("pk_sents") or sentence_starts(text)
        if self.retype and doc.ents:
            self._retype(doc, ents)
        spans = list(doc.spans["sc"]) if "sc" in doc.spans else list(doc.ents)
        if self.add_spans and spans:
            self._add_spans(spans, text, starts, ents)
        if self.keep_model.trained:
            ents[:] = [e for e in ents if self._keep(text, starts, e)]
        if self.roles != "rules" and self.role_model.trained:
            for e in ents:
                by_rules = e["role"] == "introduced"
                if by_rules and self.roles == "union":
                    continue
                feats = role_features(
                    text, starts, e["name"], e["type"], [(m[1], m[2]) for m in e["mentions"]],
                    e["extractor"].split("+"), by_rules)
                p = self.role_model.prob(feats)
                e["role"] = "introduced" if p >= self.role_model.threshold else "used"
        return doc

    def _retype(self, doc: Doc, ents: list[dict]) -> None:
        """A rule entity (not a gazetteer name) takes the model's type when the model labels
        most of its mentions, exactly as spanned, with one other type."""
        labels = {(s.start_char, s.end_char): s.label_ for s in doc.ents}
        for e in ents:
            if "gazetteer" in e["extractor"]:
                continue
            votes: dict[str, int] = {}
            for m in e["mentions"]:
                lab = labels.get((m[1], m[2]))
                if lab:
                    votes[lab] = votes.get(lab, 0) + 1
            if votes:
                best = max(votes, key=lambda k: (votes[k], k))
                if best != e["type"] and votes[best] * 2 > len(e["mentions"]):
                    e["type"] = best

    def _keep(self, text: str, starts: list[int], e: dict) -> bool:
        """The keep classifier's verdict: rule entities of keep_types at its threshold, the
        model's own additions at the (stricter) ner_threshold, everything else kept."""
        if e["extractor"] == "ner":
            th = self.ner_threshold
        elif e["type"] in self.keep_types:
            th = self.keep_model.threshold
        else:
            return True
        return self.keep_model.prob(keep_features(text, starts, e)) >= th

    def _add_spans(self, spans: list, text: str, starts: list[int], ents: list[dict]) -> None:
        """New entities (or mentions) from the model's spans outside every rule mention
        (longest first, so overlapping spancat suggestions keep the longest)."""
        covered = [(m[1], m[2]) for e in ents for m in e["mentions"]]
        spans = sorted(spans, key=lambda sp: (-(sp.end_char - sp.start_char), sp.start_char))
        by_key: dict[str, dict] = {}
        for e in ents:
            by_key.setdefault(e["key"], e)
            for f in e["aliases"]:
                by_key.setdefault(canonical_key(f), e)
        n_tasks = sum(1 for e in ents if e["type"] == "TASK")
        for span in spans:
            if span.label_ not in self.add_types:
                continue
            a, b = span.start_char, span.end_char
            if any(x < b and a < y for x, y in covered):
                continue
            covered.append((a, b))
            surface = text[a:b]
            key = canonical_key(surface)
            if len(surface) < self.min_chars or not key:
                continue
            lo, hi = _sentence(starts, text, a)
            mention = (surface, a, b, text[lo:hi].strip()[:400])
            e = by_key.get(key)
            if e is not None:
                e["mentions"].append(mention)
                continue
            if span.label_ == "TASK":
                if n_tasks >= self.max_tasks:
                    continue
                n_tasks += 1
            e = {"name": surface, "type": span.label_, "role": "used", "aliases": [],
                 "mentions": [mention], "confidence": 0.6, "extractor": "ner",
                 "evaluated": False, "key": key, "acronym": None, "long_form": False}
            ents.append(e)
            by_key[key] = e

    def to_disk(self, path, exclude=tuple()) -> None:
        """Save the keep and role classifiers."""
        self.role_model.to_disk(Path(path))
        self.keep_model.to_disk(Path(path))

    def from_disk(self, path, exclude=tuple()) -> LearnedMerge:
        """Load the keep and role classifiers."""
        self.role_model.from_disk(Path(path))
        self.keep_model.from_disk(Path(path))
        return self


#: The shipped learned model (trained by `paperkg train`), inside the package.
MODEL_DIR = Path(__file__).resolve().parent / "model"


def add_learned(nlp: Language, model_dir: str | Path | None = None) -> bool:
    """Copy the trained `ner` and `paperkg_learned` from model_dir into nlp; False if absent.

    They go right after the rule component (before anything that reads its entities, such as
    the results rules), and the model's static vectors, if any, become nlp's.
    """
    import spacy

    model_dir = Path(model_dir) if model_dir is not None else MODEL_DIR
    if not (model_dir / "config.cfg").is_file():
        return False
    model = spacy.load(model_dir)
    if model.vocab.vectors.shape[0]:
        nlp.vocab.vectors = model.vocab.vectors
    after = "paperkg_entities" if "paperkg_entities" in nlp.pipe_names else None
    for name in ("ner", "paperkg_learned"):
        if name in model.pipe_names and name not in nlp.pipe_names:
            nlp.add_pipe(name, source=model, after=after)
            after = name
    return True


def load_with_model(model_dir: str | Path):
    """The rules pipeline (config.cfg) plus the learned model in model_dir."""
    from paperkg.core.errors import UserError
    from paperkg.extractors.pipeline import build_pipeline

    nlp = build_pipeline()
    if not add_learned(nlp, model_dir):
        raise UserError(f"not a trained model folder (no config.cfg): {model_dir}")
    return nlp
