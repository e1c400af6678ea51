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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, compress, count
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
    """(start, end) of the sentence holding pos (starts ascending)."""
    i = bisect_right(starts, pos)
    return (starts[i - 1] if i else 0), (starts[i] if i < len(starts) else len(text))


#: Cue words of a sentence that the role features report.
_CUES = ("we", "our", "this", "propose", "introduce", "present", "novel", "new", "called",
         "named", "existing", "previous", "prior", "baseline", "baselines", "recently",
         "outperforms", "compared", "than", "such", "like", "including")


_CUE_FEATS = tuple(f"s:{cue}" for cue in _CUES)


@lru_cache(maxsize=4096)
def _sentence_cues(sentence: str) -> tuple[str, ...]:
    """The features of the cue words a sentence holds (memoised: entities share sentences)."""
    words = set(map(str.casefold, _WORDS.findall(sentence)))
    return tuple(compress(_CUE_FEATS, map(words.__contains__, _CUES)))


def role_features(text: str, starts: list[int], name: str, type_: str,
                  mentions: list[tuple[int, int]], rules: list[str],
                  rule_intro: bool, sparse: bool = True) -> list[str]:
    """The role classifier's features of one entity (clause words, title position, shape);
    without sparse, not the clause's words ("c:") nor the second and third words around a
    mention ("b2:", "b3:", "a2:", "a3:"; the role judge drops them, so they are not made)."""
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
    if ms[0][0] < title_end:  # the first mention (they are sorted) lies in the title
        feats.add("in_title")
        a, b = ms[0]
        if text[:a].strip() == "":
            feats.add("title_lead")
            if text[b:b + 2].startswith(":"):
                feats.add("title_lead_colon")
    if len(ms) >= 2:
        feats.add("mentions>=2")
    if len(ms) >= 4:
        feats.add("mentions>=4")
    if ms[-1][0] >= title_end:  # some mention lies after the title: the first one's sentence
        first = next(a for a, _ in ms if a >= title_end)
        k = bisect_right(starts, first) - bisect_right(starts, title_end)  # starts ascending
        feats.add(f"first_sent={min(k, 4)}")
    for a, b in ms[:4]:
        lo, hi = _sentence(starts, text, a)
        before = text[lo:a]
        cut = list(_CLAUSE_BREAK.finditer(before))
        clause = before[cut[-1].end():] if cut else before
        near = 3 if sparse else 1  # the words read either side of the mention
        words = [w.casefold() for w in _WORDS.findall(clause)[-8 if sparse else -1:]]
        if sparse:
            feats.update([f"c:{w}" for w in words])
        for i, w in enumerate(reversed(words[-near:]), 1):
            feats.add(f"b{i}:{w}")
        after = [w.casefold() for w in _WORDS.findall(text[b:min(hi, b + 60)])[:near]]
        for i, w in enumerate(after, 1):
            feats.add(f"a{i}:{w}")
        feats.update(_sentence_cues(text[lo:hi]))
    return sorted(feats)


def without_verdict(feats: list[str]) -> list[str]:
    """Role features without the rules' own verdict (`rule_intro`, `rule_intro_TYPE`)."""
    return [f for f in feats if not f.startswith("rule_intro")]


@lru_cache(maxsize=1)
def gazetteer_lists() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """{canonical key of a form in a typed gazetteer list: the types of the lists holding it},
    and the canonical keys of the generic list (read once from extractors/data)."""
    from paperkg.extractors.components import load_lexicon

    lexicon = load_lexicon()
    index: dict[str, set[str]] = {}
    for type_, groups in lexicon["typed"].items():
        for group in groups:
            for form in group:
                key = canonical_key(form)
                if key:
                    index.setdefault(key, set()).add(type_)
    generic = frozenset(k for k in map(canonical_key, lexicon["generic"]) if k)
    return {k: frozenset(v) for k, v in index.items()}, generic


@lru_cache(maxsize=8192)
def _listed(form: str) -> frozenset[str]:
    """The types of the gazetteer lists holding form (by canonical key), with "generic" when
    the generic list does (memoised: names recur across papers)."""
    index, generic = gazetteer_lists()
    key = canonical_key(form)
    got = index.get(key, frozenset())
    return got | {"generic"} if key in generic else got


_FIRST_PART = re.compile(r"[^\s\-]+")


def listed_known(ent: dict) -> bool:
    """Whether a typed gazetteer list holds the entity's name or one of its aliases."""
    return any(_listed(form) - {"generic"} for form in (ent["name"], *ent.get("aliases", ())))


@lru_cache(maxsize=1)
def _others_cue() -> re.Pattern:
    """Words that say a thing is somebody else's (older_modifiers.txt), or `et al`."""
    from paperkg.extractors.words import alternation, word_set

    return re.compile(r"\b(?:" + alternation(word_set("older_modifiers"), r"\s+") +
                      r")\b|\bet\s+al\b", re.IGNORECASE)


_OURS = re.compile(r"\b(?:we|our)\b", re.IGNORECASE)


KNOWN_NAMES = Path(__file__).resolve().parent / "data" / "known_names.tsv"


@lru_cache(maxsize=1)
def corpus_counts() -> dict[str, int]:
    """{canonical key: how many mined corpus papers' rules find it} (data/known_names.tsv)."""
    if not KNOWN_NAMES.exists():
        return {}
    counts = {}
    for line in KNOWN_NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, n = line.split("\t")
            counts[key] = int(n)
    return counts


def widely_written(ent: dict, min_papers: int) -> bool:
    """Whether at least min_papers mined corpus papers write the entity's name (the paper
    itself may be one of them, so 3 means 2 others at least)."""
    return corpus_counts().get(canonical_key(ent["name"]), 0) >= min_papers


def title_subject(text: str, ent: dict) -> bool:
    """Whether the entity stands alone before the title's colon ("TÜLU 3: Pushing ..."): the
    paper's subject, its own even when the name is listed (as the rules' title_known holds)."""
    return any(text[:m[1]].strip() == "" and text[m[2]:m[2] + 1] == ":" for m in ent["mentions"])


def others_first(text: str, starts: list[int], ent: dict) -> bool:
    """Whether the sentence of the entity's first mention after the title says, before it,
    that the thing is somebody else's ("existing methods such as X", "recent works introduced
    X", "Smith et al. use X") and says nothing of the authors' own (we, our)."""
    title_end = text.find("\n")
    after = [m[1] for m in ent["mentions"] if m[1] > title_end >= 0]
    if not after:
        return False
    a = min(after)
    lo, hi = _sentence(starts, text, a)
    return bool(_others_cue().search(text, lo, a)) and not _OURS.search(text, lo, hi)


def gazetteer_features(ent: dict) -> list[str]:
    """Which gazetteer lists hold the entity's name or one of its aliases, each crossed with
    the type the rules gave, whether the rules' type is one of them, and which lists hold the
    first word of a longer name (`BERT` of `BERT-style encoder`); "gz_none" when no list
    holds it. A name the rules found by another family may still be a listed one."""
    type_ = ent["type"]
    found: set[str] = set()
    for form in (ent["name"], *ent.get("aliases", ())):
        found |= _listed(form)
    feats = [f"gz:{t}|{type_}" for t in sorted(found)]
    typed = found - {"generic"}
    if typed:
        feats.append(f"gz_agree={type_ in typed}|{type_}")
        if len(typed) > 1:
            feats.append("gz_several")
    else:
        feats.append(f"gz_none|{type_}")
    name = ent["name"]
    m = _FIRST_PART.match(name)
    if m and m.end() < len(name):
        feats.extend(f"gz_part:{t}|{type_}" for t in sorted(_listed(m.group()) - {"generic"}))
    return feats


def keep_features(text: str, starts: list[int], ent: dict, ents: list[dict] | None = None,
                  salience: bool = True, base: list[str] | None = None,
                  gaz: bool = False) -> list[str]:
    """The keep classifier's features of one predicted entity: its role features plus the
    words of its name, its head word, the rules' confidence and the type the rules gave, and
    (salience) how prominent it is in its document, each crossed with its type; gaz: also
    which gazetteer lists hold its name (gazetteer_features)."""
    name, type_ = ent["name"], ent["type"]
    feats = set(base if base is not None else role_features(
        text, starts, name, type_, [(m[1], m[2]) for m in ent["mentions"]],
        ent["extractor"].split("+"), ent["role"] == "introduced"))
    if gaz:
        feats.update(gazetteer_features(ent))
    words = [w.casefold() for w in _WORDS.findall(name)]
    feats.update(f"w:{w}" for w in words)
    if words:
        feats.add(f"head:{words[-1]}")
        feats.add(f"head:{words[-1]}|{type_}")
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
    if not salience:
        return sorted(feats)
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    n = len(ent["mentions"])
    in_title = any(m[1] < title_end for m in ent["mentions"])
    shape = ("upper" if name.isupper() else "lower" if name.islower()
             else "cap" if name[:1].isupper() else "mixed")
    feats.update(f"{f}|{type_}" for f in (
        f"n={min(n, 4)}", f"title={in_title}", f"shape={shape}",
        f"conf={round(float(ent.get('confidence', 0)), 1)}",
        f"nwords={min(len(words), 4)}", f"intro={ent['role'] == 'introduced'}"))
    feats.update(f"x:{r}|{type_}" for r in ent["extractor"].split("+"))
    if ents is not None:
        same = sum(1 for e in ents if e["type"] == type_)
        feats.add(f"same_type={min(same, 5)}|{type_}")
        feats.add(f"ents={min(len(ents) // 3, 5)}")
        longer = any(name.casefold() in e["name"].casefold() and e is not ent for e in ents)
        if longer:
            feats.add(f"inside_other|{type_}")
    return sorted(feats)


#: Words a lower-case candidate phrase never contains (function words, vague words).
_STOP = frozenset("""
a an the this that these those its their our we it they he she them us of for to in on at by
with from into onto over under as and or but nor not no is are was were be been being has have
had do does did can could may might will would shall should must than then so such both either
each every all any some many most more less few other another same via using based which who
whom whose what when where while how also only very well new novel proposed existing prior
previous recent recently different various several further first second two three one its
between among across through within without about against after before during per upon up
""".split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*|\S")
#: Words (at most) of a lower-case candidate phrase.
MAX_WORDS = 4


#: A bracketed acronym: capitals (a plural s or lower-case letters inside allowed).
_ACR_DEF = re.compile(r"\s\(([A-Z][A-Za-z0-9\-]{1,11})\)")
_TERM_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")


def _initials(words: list[str]) -> tuple[str, str]:
    """The initials of words, and of their hyphen-split parts."""
    parts = [p for w in words for p in w.split("-") if p]
    return "".join(w[0] for w in words), "".join(p[0] for p in parts)


def acronym_terms(text: str) -> list[tuple[str, int]]:
    """(term, start) of every lower-case phrase of 2-4 content words (or one hyphenated word)
    right before a bracketed acronym of its initials in text."""
    out = []
    for m in _ACR_DEF.finditer(text):
        letters = "".join(c for c in m.group(1) if c.isupper()).casefold()
        if len(letters) < 2:
            continue
        before = text[max(0, m.start() - 120):m.start()]
        words: list[tuple[str, int]] = []
        end = len(before)
        for w in reversed(list(_TERM_WORD.finditer(before))):
            if before[w.end():end].strip() or not w.group().islower() \
                    or w.group() in _STOP or len(words) >= MAX_WORDS:
                break
            words.insert(0, (w.group(), m.start() - len(before) + w.start()))
            end = w.start()
        for k in range(1, len(words) + 1):
            tail = [w for w, _ in words[-k:]]
            if k == 1 and "-" not in tail[0]:
                continue
            if letters in _initials(tail):
                out.append((" ".join(tail), words[-k][1]))
                break
    return out


@lru_cache(maxsize=64)
def own_terms(text: str) -> frozenset[str]:
    """The terms a text defines itself with an acronym of their initials (memoised: every
    candidate of a paper asks)."""
    return frozenset(t for t, _ in acronym_terms(text))


def term_heads(terms: dict[str, list[int]] | None) -> frozenset[str]:
    """The last words of the corpus terms (see training/terms.py)."""
    return frozenset(t.rsplit(" ", 1)[-1] for t in terms or ())


def lower_candidates(text: str, heads: frozenset[str] | set[str],
                     covered: list[tuple[int, int]],
                     terms: dict[str, list[int]] | None = None,
                     theads: frozenset[str] = frozenset()) -> dict[str, list[tuple[int, int]]]:
    """Lower-case phrases (1-MAX_WORDS content words) ending in a head word, outside every
    covered span: {case-folded phrase: [(start, end), ...]}. Title words count in any case.
    With terms (and their last words, theads), a phrase that is a corpus term, or that the
    text defines itself with an acronym of its initials (own_terms), is one too, whatever its
    last word."""
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    own = own_terms(text) if terms else frozenset()
    if own:
        theads = theads | {t.rsplit(" ", 1)[-1] for t in own}
    # The tokens, their words and case folds made by C loops; only the head words are
    # visited in Python. Between two tokens there is only white space (_TOKEN's `\S` takes
    # every other character), or nothing.
    toks = list(_TOKEN.finditer(text))
    words = list(map(re.Match.group, toks))
    lows = list(map(str.casefold, words))
    if theads:
        hits: Iterable[int] = [i for i, low in enumerate(lows) if low in heads or low in theads]
    else:
        hits = compress(count(), map(heads.__contains__, lows))
    # [ca, b) overlaps a covered (x, y) when x < b and ca < y: among the covered spans that
    # start before b, when ca is below the furthest end (reach, over them sorted by start)
    cov = sorted(covered)
    xs = [x for x, _ in cov]
    reach = list(accumulate((y for _, y in cov), max))
    out: dict[str, list[tuple[int, int]]] = {}
    for i in hits:
        w = words[i]
        a, b = toks[i].span()
        if a >= title_end and not w.islower():
            continue
        only_terms = lows[i] not in heads
        j = i
        touch = -1  # the last token that touches the one before it (no space between)
        while j > i - MAX_WORDS + 1 and j > 0:
            pw = words[j - 1]
            if not pw[:1].isalpha() or lows[j - 1] in _STOP:
                break
            pa, pb = toks[j - 1].span()
            if pa >= title_end and not pw.islower():
                break
            if touch < 0 and pb == toks[j].start():
                touch = j
            j -= 1
        n = bisect_left(xs, b)
        limit = reach[n - 1] if n else -1
        for k in range(j, i + 1):
            ca = toks[k].start()
            if ca < limit:
                continue
            # the case-folded words with single spaces (the text's own when two touch)
            phrase = (" ".join(lows[k:i + 1]) if k >= touch
                      else " ".join(text[ca:b].casefold().split()))
            if only_terms and phrase not in terms and phrase not in own:
                continue
            got = out.get(phrase)
            if got is None:
                out[phrase] = [(ca, b)]
            else:
                got.append((ca, b))
    return out


def term_features(phrase: str, terms: dict[str, list[int]] | None,
                  text: str | None = None) -> list[str]:
    """Whether the phrase is a corpus term (defined with an acronym of its initials in other
    abstracts), how many abstracts define it (log2 buckets), and the shares of them where it
    follows a task cue or a technique cue; else whether its last words are one; and whether
    the text defines it itself (own_terms)."""
    if not terms:
        return []
    got = terms.get(phrase)
    feats = ["term_own"] if text is not None and phrase in own_terms(text) else []
    if got is None:
        words = phrase.split()
        for i in range(1, len(words) - 1):
            if " ".join(words[i:]) in terms:
                return [*feats, "term_suffix"]
        return [*feats, "term_none"]
    n, task, method = got[0], got[1], got[2]
    return [*feats, "term", f"term_n={min(int(math.log2(n)), 8)}",
            f"term_task={round(4 * task / n) / 4}", f"term_method={round(4 * method / n) / 4}"]


def lexicon_features(phrase: str, lexicon: dict[str, list] | None,
                     own: tuple[int, int, str] | None = None) -> list[str]:
    """How often the phrase was a candidate in the training papers and how often a gold name
    there (bucketed), and its most frequent gold type; own: the record's own counts (seen,
    gold, type), left out when the features are made for training."""
    got = lexicon.get(phrase) if lexicon else None
    if not got:
        return []
    seen, gold, types = got[0], got[1], dict(got[2])
    if own is not None:
        seen, gold = seen - own[0], gold - own[1]
        if own[2]:
            types[own[2]] = types.get(own[2], 0) - 1
    if seen <= 0:
        return []
    feats = [f"lex_n={min(seen, 3)}", f"lex_rate={round(4 * gold / seen) / 4}"]
    best = max((t for t in types if types[t] > 0), key=lambda t: (types[t], t), default=None)
    if best is not None:
        feats.append(f"lex_type={best}")
    return feats


def df_features(phrase: str, df: dict[str, int] | None) -> list[str]:
    """How many corpus abstracts hold the phrase as a candidate (log2 buckets), alone and
    crossed with its length: a term many papers write is more often a name."""
    if not df:
        return []
    n = df.get(phrase, 0)
    bucket = min(int(math.log2(n + 1)), 12)
    return [f"df={bucket}", f"df={bucket}|nwords={len(phrase.split())}"]


def corpus_features(phrase: str, stats: dict[str, list[int]] | None) -> list[str]:
    """How the phrase fares in the corpus abstracts (stats: {phrase: [abstracts holding it as a
    candidate, as the longest candidate at a place, right before an acronym in brackets that
    starts with its initials, after a coining cue (`called`, `termed`), after a proposing cue
    (`we propose a`), in a title]}, see `training.train.corpus_stats`): the counts bucketed,
    as shares of the first, and how much rarer it is than its shorter suffix and its head."""
    if not stats:
        return []
    words = phrase.split()
    nw = len(words)
    got = stats.get(phrase)
    if got is None:
        return [f"c_none|n={nw}"]
    n, longest, acr, coin, prop, title = got
    b = min(int(math.log2(n + 1)), 12)
    feats = [f"c_df={b}", f"c_df={b}|n={nw}",
             f"c_max={round(4 * longest / n) / 4}", f"c_max={round(4 * longest / n) / 4}|n={nw}",
             f"c_acr={min(acr, 3)}", f"c_acr_rate={round(8 * acr / n) / 8}",
             f"c_coin={min(coin, 3)}", f"c_prop={min(prop, 3)}",
             f"c_title={min(int(math.log2(title + 1)), 12)}",
             f"c_title_rate={round(4 * title / n) / 4}"]
    if nw >= 2:
        for name, other in (("c_assoc", " ".join(words[1:])), ("c_spec", words[-1])):
            o = stats.get(other)
            if o and o[0] >= n:
                feats.append(f"{name}={min(int(math.log2(o[0] / n)), 12)}")
    return feats


_SUFFIXES = ("ing", "ion", "ions", "ed", "al", "ive", "ic", "ity", "ness", "ment", "er", "ers",
             "s")
_ACR_AFTER = re.compile(r"\s*\(([A-Za-z][\w\-]*)\)")


def _suffix_class(word: str) -> str:
    """A coarse word ending (-ing, -ion, -al, plural -s, ...) or '-'."""
    return next((s for s in _SUFFIXES if word.endswith(s)), "-")


class CandidateContext:
    """What the context features of one paper's candidates read: the other candidates (for
    nesting) and the ends and starts of the rules' mentions (for adjacency)."""

    def __init__(self, cands: dict[str, list[tuple[int, int]]],
                 covered: list[tuple[int, int]]):
        self.longer: dict[str, int] = {}  # phrase -> most mentions of a longer candidate
        self.prefixes: set[str] = set()
        for c, sp in cands.items():
            words = c.split()
            for i in range(1, len(words)):
                suffix = " ".join(words[i:])
                self.longer[suffix] = max(self.longer.get(suffix, 0), len(sp))
                self.prefixes.add(" ".join(words[:i]))
        self.cands = cands
        self.ends = {y for _, y in covered}
        self.starts = {x for x, _ in covered}


def context_features(text: str, starts: list[int], phrase: str,
                     spans: list[tuple[int, int]], ctx: CandidateContext) -> list[str]:
    """Context features of a candidate: nested in a longer candidate or holding a shorter one,
    cue words of its sentences, an acronym in brackets after it, word endings, and a rule
    mention right before or after it."""
    words = phrase.split()
    n = len(spans)
    feats = []
    best = ctx.longer.get(phrase)
    if best is not None:
        feats += ["has_longer", f"longer_n={min(best, 3)}|n={min(n, 3)}"]
    shorter = [len(ctx.cands[s]) for s in (" ".join(words[i:]) for i in range(1, len(words)))
               if s in ctx.cands]
    if shorter:
        feats += ["has_shorter", f"shorter_more={max(shorter) > n}"]
    if phrase in ctx.prefixes:
        feats.append("is_prefix")
    for a, _b in spans[:2]:
        lo, hi = _sentence(starts, text, a)
        feats.extend(_sentence_cues(text[lo:hi]))
    a, b = spans[0]
    m = _ACR_AFTER.match(text, b, b + 20)
    if m:
        acr = m.group(1)
        init = "".join(w[0] for w in re.split(r"[\s\-]+", phrase) if w)
        feats += ["acr_after", f"acr_match={acr.casefold().startswith(init[:2]) and len(acr) >= 2}"]
    feats += [f"hsuf:{_suffix_class(words[-1])}",
              f"fsuf:{_suffix_class(words[0])}|n={len(words)}"]
    for a, b in spans[:2]:
        if a in ctx.ends or a - 1 in ctx.ends:
            feats.append("rule_before")
        if b in ctx.starts or b + 1 in ctx.starts:
            feats.append("rule_after")
    return feats


#: The features of a candidate phrase that depend on the phrase alone (_phrase_features),
#: kept across papers: the same phrases come back, and the strings keep their hashes.
_PHRASE_FEATS: dict[str, tuple[tuple[str, ...], int]] = {}


def _phrase_features(phrase: str) -> tuple[tuple[str, ...], int]:
    """The features of a candidate phrase's own words, and how many words it has."""
    got = _PHRASE_FEATS.get(phrase)
    if got is not None:
        return got
    words = phrase.split()
    nw = len(words)
    feats = ["bias", f"head:{words[-1]}", f"first:{words[0]}", f"nwords={nw}",
             f"head:{words[-1]}|n={nw}"]
    feats.extend([f"w:{w}" for w in words[:-1]])
    if nw >= 2:
        feats.append(f"pre:{words[-2]}|{words[-1]}")
    if "-" in phrase:
        feats.append("hyphen")
    if len(_PHRASE_FEATS) >= 20_000:
        _PHRASE_FEATS.clear()
    got = _PHRASE_FEATS[phrase] = (tuple(feats), nw)
    return got


def candidate_features(text: str, starts: list[int], phrase: str,
                       spans: list[tuple[int, int]], n_phrases: int,
                       lexicon: dict[str, list] | None = None,
                       own: tuple[int, int, str] | None = None,
                       df: dict[str, int] | None = None,
                       ctx: CandidateContext | None = None,
                       stats: dict[str, list[int]] | None = None,
                       terms: dict[str, list[int]] | None = None) -> list[str]:
    """Features of one lower-case candidate phrase: its words, head, length, how often and
    where it occurs, the words around its first mention and cue words of its sentences,
    (lexicon) how it fared in the training papers (lexicon_features), (df) how many corpus
    abstracts write it (df_features), (ctx) its context in the paper (context_features),
    (stats) how it fares in the corpus (corpus_features) and (terms) whether the corpus defines
    it as a term (term_features). starts ascending."""
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    base, nw = _phrase_features(phrase)
    feats = set(base)
    add = feats.add
    n = len(spans)
    add(f"n={min(n, 4)}")
    add(f"n={min(n, 4)}|nwords={nw}")
    if spans[0][0] < title_end or (n > 1 and min(spans)[0] < title_end):
        add("in_title")
        add(f"in_title|nwords={nw}")
    for a, _ in spans:
        if a >= title_end:  # the first mention after the title: its sentence's number
            k = bisect_right(starts, a) - bisect_right(starts, title_end)
            add(f"first_sent={min(k, 4)}")
            break
    add(f"phrases={min(n_phrases // 10, 5)}")
    for a, b in spans[:3]:
        lo, hi = _sentence(starts, text, a)
        before = _WORDS.findall(text[max(lo, a - 40):a])
        after = _WORDS.findall(text[b:min(hi, b + 30)])
        if before:
            add(f"b1:{before[-1].casefold()}")
            if len(before) > 1:
                add(f"b2:{before[-2].casefold()}")
        if after:
            add(f"a1:{after[0].casefold()}")
            if len(after) > 1:
                add(f"a2:{after[1].casefold()}")
        if text[b:b + 1] == "(" or text[b:b + 2] == " (":
            add("paren_after")
    if lexicon:
        feats.update(lexicon_features(phrase, lexicon, own))
    if df:
        feats.update(df_features(phrase, df))
    if ctx is not None:
        feats.update(context_features(text, starts, phrase, spans, ctx))
    if stats:
        feats.update(corpus_features(phrase, stats))
    if terms:
        feats.update(term_features(phrase, terms, text))
    return sorted(feats)


#: A word a boundary extension may add (letters or digits, inner hyphens, apostrophes, slashes).
_EXT_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'/][A-Za-z0-9]+)*")
_EXT_LAST = re.compile(r"(?<![\w\-'/])[A-Za-z0-9]+(?:[-'/][A-Za-z0-9]+)*$")


def _word_shape(word: str) -> str:
    """upper, lower, cap or mixed."""
    return ("upper" if word.isupper() else "lower" if word.islower()
            else "cap" if word[:1].isupper() else "mixed")


def _ext_word(text: str, a: int, b: int) -> bool:
    """True when text[a:b] may join a name: no function word, not a bare number."""
    w = text[a:b]
    return w.casefold() not in _STOP and not w.isdigit()


def boundary_options(text: str, a: int, b: int, title_end: int
                     ) -> list[tuple[int, int, int, int]]:
    """(words added on the left, on the right, start, end) of the extensions of the mention
    a:b by up to two words on the left and one on the right, single-spaced, in the same part
    (title or abstract)."""
    lefts = [a]
    p = a
    for _ in range(2):
        if p == 0 or text[p - 1] != " ":
            break
        lo = max(0, p - 41)
        m = _EXT_LAST.search(text, lo, p - 1)
        if (m is None or not _ext_word(text, m.start(), m.end())
                or (m.start() < title_end) != (a < title_end)):
            break
        p = m.start()
        lefts.append(p)
    rights = [b]
    if text[b:b + 1] == " ":
        m = _EXT_WORD.match(text, b + 1)
        if m and _ext_word(text, m.start(), m.end()) and (m.start() < title_end) == (
                a < title_end):
            rights.append(m.end())
    return [(left, right, s, e) for left, s in enumerate(lefts) for right, e in enumerate(rights)
            if left or right]


def extend_features(text: str, starts: list[int], ent: dict, option: tuple[int, int, int, int],
                    a: int, b: int, spans: list[tuple[int, int]]) -> list[str]:
    """Features of extending one mention (a:b) of a rule entity to option's span: the words
    added and their shapes, the direction, the entity's type, family and shape, how often the
    longer form is written, the words around it, whether it runs into another mention."""
    left, right, s, e = option
    name, type_ = ent["name"], ent["type"]
    d = f"L{left}R{right}"
    feats = {"bias", f"dir={d}", f"dir={d}|{type_}", f"type={type_}",
             f"shape={_word_shape(name)}|{d}", f"nw={min(len(name.split()), 4)}|{d}"}
    feats.update(f"x:{x}|{d}" for x in ent["extractor"].split("+"))
    added_l, added_r = text[s:a].split(), text[b:e].split()
    for w in added_l:
        feats.update((f"lw:{w.casefold()}", f"lsuf:{_suffix_class(w.casefold())}",
                      f"lshape:{_word_shape(w)}"))
    for w in added_r:
        feats.update((f"rw:{w.casefold()}", f"rw:{w.casefold()}|{type_}",
                      f"rshape:{_word_shape(w)}"))
    if added_l:
        feats.add(f"lw1:{added_l[-1].casefold()}|{type_}")
    longer = text[s:e]
    n_ext = len(re.findall(r"(?<!\w)" + re.escape(longer) + r"(?!\w)", text, re.IGNORECASE))
    feats.update((f"n_ext={min(n_ext, 3)}", f"ext_all={n_ext >= len(ent['mentions'])}"))
    lo, hi = _sentence(starts, text, s)
    feats.update(f"b1:{w.casefold()}" for w in _WORDS.findall(text[max(lo, s - 30):s])[-1:])
    feats.update(f"a1:{w.casefold()}" for w in _WORDS.findall(text[e:min(hi, e + 20)])[:1])
    feats.add(f"head:{longer.split()[-1].casefold()}")
    if ent.get("role") == "introduced":
        feats.add("intro")
    if any(x < e and s < y and not (x >= a and y <= b) for x, y in spans):
        feats.add("overlaps_other")
    return sorted(feats)


def extend_options(text: str, starts: list[int], ents: list[dict]
                   ) -> list[tuple[dict, list[tuple[list[str], int, int, int]]]]:
    """Every entity with its boundary extensions (from its first three mentions, one per
    surface form): (entity, [(features, start, end, mention index), ...])."""
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    spans = [(m[1], m[2]) for x in ents for m in x["mentions"]]
    out = []
    for ent in ents:
        opts, seen = [], set()
        for k, m in enumerate(ent["mentions"][:3]):
            for opt in boundary_options(text, m[1], m[2], title_end):
                form = " ".join(text[opt[2]:opt[3]].casefold().split())
                if form in seen:
                    continue
                seen.add(form)
                opts.append((extend_features(text, starts, ent, opt, m[1], m[2], spans),
                             opt[2], opt[3], k))
        out.append((ent, opts))
    return out


def extend_entities(model: BinaryModel, text: str, starts: list[int], ents: list[dict]) -> None:
    """Rename each entity whose best boundary extension has P >= model.threshold to that
    longer form (the mention it came from takes the longer span), unless another entity has
    the longer form's key."""
    keys = {e["key"] for e in ents}
    for ent, opts in extend_options(text, starts, ents):
        best = None
        for feats, s, e, k in opts:
            p = model.prob(feats)
            if p >= model.threshold and (best is None or p > best[0]):
                best = (p, s, e, k)
        if best is None:
            continue
        _p, s, e, k = best
        longer = text[s:e]
        key = canonical_key(longer)
        if not key or (key in keys and key != ent["key"]):
            continue
        m = ent["mentions"][k]
        ent["mentions"][k] = (longer, s, e, m[3])
        ent["name"], ent["key"] = longer, key
        ent["extractor"] += "+extended"
        keys.add(key)


_HASHED: dict[str, int] = {}


def _index(feats: list[str]) -> np.ndarray:
    """Hashed indices of features (CRC32, stable across processes; memoised)."""
    cache = _HASHED
    if len(cache) > 500_000:
        cache.clear()
    out = []
    for f in feats:
        i = cache.get(f)
        if i is None:
            i = cache[f] = zlib.crc32(f.encode("utf-8")) % DIM
        out.append(i)
    return np.array(out, dtype=np.int64)


class BinaryModel:
    """Logistic regression over hashed binary features, with a decision threshold; saved as
    <stem>.npz (weights) and <stem>.json (threshold)."""

    def __init__(self, stem: str, threshold: float = 0.5):
        self.stem = stem
        self.w = np.zeros(DIM, dtype=np.float32)
        self.threshold = threshold
        self._memo: dict[str, float] = {}
        self._memo_of: np.ndarray | None = None
        self._trained_of: np.ndarray | None = None
        self._trained = False

    @property
    def trained(self) -> bool:
        """True once weights were learned or loaded: kept for the weight array it was worked
        out for (as prob's memo is; the pipeline asks five times a paper, and a scan of the
        65,536 weights took 30-50 us each time)."""
        w = self.w
        if self._trained_of is not w:
            self._trained, self._trained_of = bool(np.any(w)), w
        return self._trained

    def prob(self, feats: list[str]) -> float:
        """P(positive | features), from a per-feature weight memo (no array per call)."""
        if self._memo_of is not self.w:
            self._memo, self._memo_of = {}, self.w
        memo = self._memo
        z = 0.0
        for f in feats:
            v = memo.get(f)
            if v is None:
                i = _HASHED.get(f)
                if i is None:
                    i = zlib.crc32(f.encode("utf-8")) % DIM
                v = memo[f] = float(self.w[i])
            z += v
        if len(memo) > 500_000:
            self._memo_of = None
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def prob_index(self, idx: np.ndarray) -> float:
        """P(positive | features given by their hashed indices)."""
        z = float(self.w[idx].sum())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def fit(self, rows: list[list[str]], labels: list[int], epochs: int = 5, lr: float = 0.1,
            l2: float = 0.0, seed: int = 13, weights: list[float] | None = None) -> None:
        """Per-example AdaGrad on the log loss (deterministic: shuffles with a fixed seed);
        weights scale each example's loss (None: all 1)."""
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
                if weights is not None:
                    g = weights[i] * g
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


def keep_model(threshold: float = 0.4) -> BinaryModel:
    """P(a gold entity | a rule entity and its context): the keep classifier."""
    return BinaryModel("keep", threshold)


def extend_model(threshold: float = 0.5) -> BinaryModel:
    """P(a longer form is the gold name | a rule entity and one boundary extension)."""
    return BinaryModel("extend", threshold)


def candidate_model(threshold: float = 0.5) -> BinaryModel:
    """P(a gold name | a lower-case candidate phrase): the candidate classifier."""
    return BinaryModel("cands", threshold)


#: Types a lower-case candidate can take (one-vs-rest classifiers, trained on gold candidates).
CANDIDATE_TYPES = ("METHOD", "TASK", "METRIC")


def type_models() -> dict[str, BinaryModel]:
    """P(type | a gold candidate phrase), one per candidate type."""
    return {t: BinaryModel(f"type_{t}") for t in CANDIDATE_TYPES}


#: Types the type classifiers choose among (one-vs-rest, trained on rule entities that are
#: gold entities, labelled with the gold type).
RETYPE_TYPES = ("METHOD", "MODEL", "DATASET", "BENCHMARK", "METRIC", "TASK")


def retype_models() -> dict[str, BinaryModel]:
    """P(gold type | a rule entity that is a gold entity), one per type."""
    return {t: BinaryModel(f"retype_{t}") for t in RETYPE_TYPES}


def type_features(text: str, starts: list[int], ent: dict, ents: list[dict] | None,
                  base: list[str] | None = None, gaz: bool = False) -> list[str]:
    """The type classifiers' features: the keep features (base, if computed; gaz: with the
    gazetteer lists) plus the word after and the two words before every mention (up to 6)."""
    feats = set(base if base is not None else keep_features(text, starts, ent, ents, gaz=gaz))
    for m in ent["mentions"][:6]:
        a, b = m[1], m[2]
        before = [w.casefold() for w in _WORDS.findall(text[max(0, a - 40):a])[-2:]]
        after = [w.casefold() for w in _WORDS.findall(text[b:b + 30])[:1]]
        feats.update(f"tb:{w}" for w in before)
        feats.update(f"ta:{w}" for w in after)
    return sorted(feats)


@Language.factory(
    "paperkg_learned",
    default_config={"add_spans": True, "add_types": ["METHOD", "TASK"],
                    "roles": "union", "max_tasks": 4, "min_chars": 2, "retype": False,
                    "keep_types": ["METHOD", "MODEL", "DATASET", "BENCHMARK"],
                    "ner_threshold": 0.7, "ner_case": "any"},
)
def make_learned(nlp: Language, name: str, add_spans: bool, add_types: list[str], roles: str,
                 max_tasks: int, min_chars: int, retype: bool, keep_types: list[str],
                 ner_threshold: float, ner_case: str):
    """Merge the trained model's spans into the rules' entities and classify roles."""
    return LearnedMerge(name, add_spans, add_types, roles, max_tasks, min_chars, retype,
                        keep_types, ner_threshold, ner_case)


class LearnedMerge:
    """Add the `ner` spans the rules missed; set roles with the learned role classifier."""

    def __init__(self, name: str, add_spans: bool, add_types: list[str], roles: str,
                 max_tasks: int, min_chars: int, retype: bool = False,
                 keep_types: list[str] | None = None, ner_threshold: float = 0.7,
                 ner_case: str = "any"):
        if roles not in ("model", "union", "rules"):
            raise ValueError(f"roles must be model, union or rules, not {roles!r}")
        if ner_case not in ("any", "lower", "upper"):
            raise ValueError(f"ner_case must be any, lower or upper, not {ner_case!r}")
        #: which of the model's spans may become entities: any, only lower-case ones (no
        #: capital letter: the names the rules have no shape for) or only ones with a capital
        self.ner_case = ner_case
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
        #: a second keep classifier (keep_own.npz; untrained: not used) that decides the rule
        #: entities the rules call introduced that a rule of own_rules found (own_piece)
        self.keep_own_model = BinaryModel("keep_own", 0.4)
        #: those rules (words/keep_own_rules.txt when the guard is made; "*": every rule)
        self.own_rules: frozenset[str] = frozenset()
        #: the guard only for names of plain words (own_piece's plain)
        self.own_plain = False
        #: the keep classifier also reads own_features of this kind ("": none; off unless a
        #: model was fitted with them)
        self.own_feats = ""
        self.cand_model = candidate_model()
        self.extend_model = extend_model()
        self.type_models = type_models()
        self.heads: frozenset[str] = frozenset()
        #: {phrase: [times a candidate, times a gold name, {gold type: times}]} in training
        self.lexicon: dict[str, list] = {}
        #: {phrase: corpus abstracts holding it as a candidate} (phrases in >= 2 of them)
        self.df: dict[str, int] = {}
        #: {phrase: corpus statistics} for the candidate classifier (corpus_features)
        self.cstats: dict[str, list[int]] = {}
        #: {term: counts} mined from the corpus (training/terms.py): more candidates, features
        self.terms: dict[str, list[int]] = {}
        self.theads: frozenset[str] = frozenset()
        #: the corpus terms add candidates (else they are only the candidates' features)
        self.term_cands = True
        self.max_candidates = 3
        #: give the candidate classifier the context features (context_features)
        self.cand_context = False
        #: the role classifier decides the lower-case candidates' roles too (else: used)
        self.cand_roles = True
        self.retype_models = retype_models()
        #: retype a rule entity when another type has P >= retype_to and its own < retype_from
        self.retype_to = 0.7
        self.retype_from = 0.3
        #: the same for gazetteer names (off above 1)
        self.known_retype_to = 2.0
        self.known_retype_from = 0.3
        #: in union mode, an entity the rules call introduced stays so unless P < demote
        self.demote = 0.1
        #: the keep and type classifiers read which gazetteer lists hold a name (off unless a
        #: model was fitted with them)
        self.gaz_feats = False
        #: the role classifier reads no rules' verdict (without_verdict; off unless a model
        #: was fitted so)
        self.role_blind = False
        #: a name a typed gazetteer list holds, or one whose first sentence gives it to
        #: others (others_first), is never made introduced by the role classifier against
        #: the rules (out of fold, on nine sets, such promotions were right 3 times in 21 and
        #: 0 times in 8; docs/extraction.md, thirty-third pass)
        self.known_stay_used = True
        #: a name the rules find in this many mined corpus papers (known_names.tsv) is never
        #: made introduced by the role classifier against the rules, unless it is the title's
        #: subject (0: off)
        self.veto_papers = 3

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        ents = doc.user_data.setdefault("pk_ents", [])
        starts = doc.user_data.get("pk_sents") or sentence_starts(text)
        if self.retype and doc.ents:
            self._retype(doc, ents)
        spans = doc.user_data.pop("pk_ner", None)  # the span gate's (start, end, label)
        if spans is None:
            got = doc.spans["sc"] if "sc" in doc.spans else doc.ents
            spans = [(sp.start_char, sp.end_char, sp.label_) for sp in got]
        if self.add_spans and spans:
            self._add_spans(spans, text, starts, ents)
        # features of each entity (by id), computed when first needed and once per type:
        # (entity, type, role features, keep features or None)
        cache: dict[int, list] = {}
        if self.extend_model.trained:
            extend_entities(self.extend_model, text, starts, ents)
        all_ents = list(ents)  # the keep features read the rules' entities before the filter

        def feats_of(e: dict, keep: bool = True) -> list:
            got = cache.get(id(e))
            if got is None or got[0] is not e or got[1] != e["type"]:
                rf = role_features(text, starts, e["name"], e["type"],
                                   [(m[1], m[2]) for m in e["mentions"]],
                                   e["extractor"].split("+"), e["role"] == "introduced")
                got = cache[id(e)] = [e, e["type"], rf, None]
            if keep and got[3] is None:
                got[3] = keep_features(text, starts, e, all_ents, base=got[2],
                                       gaz=self.gaz_feats)
            return got

        if self.keep_model.trained:
            ents[:] = [e for e in list(ents) if self._keep(e, feats_of)]
        if self.retype_to <= 1.0 and self.retype_models["METHOD"].trained:
            self._retype_learned(text, starts, ents, feats_of)
        if self.heads and self.cand_model.trained:
            self._add_candidates(text, starts, ents)
        if self.roles != "rules" and self.role_model.trained:
            for e in ents:
                if not self.cand_roles and e["extractor"] == "candidate":
                    continue
                by_rules = e["role"] == "introduced"
                if by_rules and self.roles == "union" and self.demote <= 0:
                    continue
                if not by_rules and self.known_stay_used and (
                        listed_known(e) or others_first(text, starts, e)) and \
                        not title_subject(text, e):
                    continue  # a listed name, or one its sentence gives to others (no we/our):
                    # somebody else's unless it is the title's subject; the rules' verdict holds
                if not by_rules and self.veto_papers and widely_written(e, self.veto_papers) \
                        and not title_subject(text, e):
                    continue  # other papers write it: somebody else's; the rules' verdict holds
                rf = feats_of(e, keep=False)[2]
                p = self.role_model.prob(without_verdict(rf) if self.role_blind else rf)
                if by_rules and self.roles == "union":
                    e["role"] = "used" if p < self.demote else "introduced"
                else:
                    e["role"] = "introduced" if p >= self.role_model.threshold else "used"
        for key in ("pk_text", "pk_sents", "pk_gaz", "pk_urls"):  # kept for us by add_learned
            doc.user_data.pop(key, None)
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

    def _retype_learned(self, text: str, starts: list[int], ents: list[dict],
                        feats_of) -> None:
        """A rule entity takes another type when the type classifiers are confident of it and
        not of the rules' type (a gazetteer name only with known_retype_to <= 1, at its own
        thresholds)."""
        known_on = self.known_retype_to <= 1.0
        for e in ents:
            known = "gazetteer" in e["extractor"]
            if (known and not known_on) or e["type"] not in self.retype_models:
                continue
            idx = _index(type_features(text, starts, e, ents, base=feats_of(e)[3]))
            z = self._retype_weights()[idx].sum(axis=0)
            np.minimum(np.maximum(z, -30.0, out=z), 30.0, out=z)  # np.clip's, without its wrapper
            probs = dict(zip(self.retype_models, (1.0 / (1.0 + np.exp(-z))).tolist(),
                             strict=True))
            best = max(probs, key=lambda t: (probs[t], t))
            to, below = ((self.known_retype_to, self.known_retype_from) if known
                         else (self.retype_to, self.retype_from))
            if best != e["type"] and probs[best] >= to and probs[e["type"]] < below:
                e["type"] = best

    def _retype_weights(self) -> np.ndarray:
        """The type classifiers' weights side by side (DIM x types), rebuilt when they change."""
        key = tuple(id(m.w) for m in self.retype_models.values())
        if getattr(self, "_rw_key", None) != key:
            self._rw = np.stack([m.w for m in self.retype_models.values()], axis=1)
            self._rw_key = key
        return self._rw

    def _keep(self, e: dict, feats_of) -> bool:
        """The keep classifier's verdict: rule entities of keep_types at its threshold (those
        own_piece calls the paper's own by the second keep classifier, if trained, at its
        own), the model's own additions at the (stricter) ner_threshold, everything else
        kept."""
        model = self.keep_model
        if e["extractor"] == "ner":
            th = self.ner_threshold
        elif e["type"] in self.keep_types:
            if self.keep_own_model.trained and own_piece(e, self.own_rules, self.own_plain):
                model = self.keep_own_model
            th = model.threshold
        else:
            return True
        feats = feats_of(e)[3]
        if self.own_feats:
            feats = feats + own_features(e, self.own_feats)
        return model.prob(feats) >= th

    def _add_candidates(self, text: str, starts: list[int], ents: list[dict]) -> None:
        """New entities from the lower-case candidate phrases the classifier accepts (best
        first, no overlaps, at most max_candidates, TASK up to max_tasks in all)."""
        covered = [(m[1], m[2]) for e in ents for m in e["mentions"]]
        cands = (lower_candidates(text, self.heads, covered, self.terms, self.theads)
                 if self.term_cands else lower_candidates(text, self.heads, covered))
        ctx = CandidateContext(cands, covered) if self.cand_context else None
        scored = []
        for phrase, spans in cands.items():
            feats = candidate_features(text, starts, phrase, spans, len(cands), self.lexicon,
                                       df=self.df, ctx=ctx, stats=self.cstats,
                                       terms=self.terms)
            p = self.cand_model.prob(feats)
            if p >= self.cand_model.threshold:
                scored.append((p, phrase, spans, feats))
        scored.sort(key=lambda c: (-c[0], c[1]))
        n_tasks = sum(1 for e in ents if e["type"] == "TASK")
        keys = {e["key"] for e in ents}
        added = 0
        for p, phrase, spans, feats in scored:
            if added >= self.max_candidates:
                break
            if any(x < b and a < y for a, b in spans for x, y in covered):
                continue
            type_ = max(CANDIDATE_TYPES, key=lambda t: self.type_models[t].prob(feats))
            key = canonical_key(phrase)
            if not key or key in keys or (type_ == "TASK" and n_tasks >= self.max_tasks):
                continue
            n_tasks += type_ == "TASK"
            covered.extend(spans)
            keys.add(key)
            a0, b0 = spans[0]
            mentions = []
            for a, b in spans:
                lo, hi = _sentence(starts, text, a)
                mentions.append((text[a:b], a, b, text[lo:hi].strip()[:400]))
            name = next((text[a:b] for a, b in spans if text[a:b].islower()), text[a0:b0])
            ents.append({"name": name, "type": type_, "role": "used", "aliases": [],
                         "mentions": mentions, "confidence": round(p, 3),
                         "extractor": "candidate", "evaluated": False, "key": key,
                         "acronym": None, "long_form": False})
            added += 1

    def _add_spans(self, spans: list[tuple[int, int, str]], text: str, starts: list[int],
                   ents: list[dict]) -> None:
        """New entities (or mentions) from the model's spans outside every rule mention
        (longest first, so overlapping spancat suggestions keep the longest)."""
        covered = [(m[1], m[2]) for e in ents for m in e["mentions"]]
        spans = sorted(spans, key=lambda sp: (sp[0] - sp[1], sp[0]))
        by_key: dict[str, dict] = {}
        for e in ents:
            by_key.setdefault(e["key"], e)
            for f in e["aliases"]:
                by_key.setdefault(canonical_key(f), e)
        n_tasks = sum(1 for e in ents if e["type"] == "TASK")
        for a, b, label in spans:
            if label not in self.add_types:
                continue
            if any(x < b and a < y for x, y in covered):
                continue
            covered.append((a, b))
            surface = text[a:b]
            key = canonical_key(surface)
            if len(surface) < self.min_chars or not key or not self._case_ok(surface):
                continue
            lo, hi = _sentence(starts, text, a)
            mention = (surface, a, b, text[lo:hi].strip()[:400])
            e = by_key.get(key)
            if e is not None:
                e["mentions"].append(mention)
                continue
            if label == "TASK":
                if n_tasks >= self.max_tasks:
                    continue
                n_tasks += 1
            e = {"name": surface, "type": label, "role": "used", "aliases": [],
                 "mentions": [mention], "confidence": 0.6, "extractor": "ner",
                 "evaluated": False, "key": key, "acronym": None, "long_form": False}
            ents.append(e)
            by_key[key] = e

    def _case_ok(self, surface: str) -> bool:
        """Whether a model span of this surface may be admitted under ner_case."""
        if self.ner_case == "any":
            return True
        return any(ch.isupper() for ch in surface) == (self.ner_case == "upper")

    def to_disk(self, path, exclude=tuple()) -> None:
        """Save the classifiers and the candidate head words."""
        path = Path(path)
        for model in (self.role_model, self.keep_model, self.keep_own_model, self.cand_model,
                      self.extend_model, *self.type_models.values(),
                      *self.retype_models.values()):
            if model.trained:
                model.to_disk(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "heads.json").write_text(json.dumps(
            {"heads": sorted(self.heads), "max_candidates": self.max_candidates,
             "retype_to": self.retype_to, "retype_from": self.retype_from,
             "demote": self.demote, "cand_context": self.cand_context,
             "cand_roles": self.cand_roles, "term_cands": self.term_cands,
             "known_retype_to": self.known_retype_to,
             "known_retype_from": self.known_retype_from, "gaz_feats": self.gaz_feats,
             "role_blind": self.role_blind,
             **({"own_feats": self.own_feats} if self.own_feats else {}),
             **({"own_rules": sorted(self.own_rules), "own_plain": self.own_plain}
                if self.keep_own_model.trained else {})}))
        if self.lexicon:
            (path / "lexicon.json").write_text(json.dumps(self.lexicon, sort_keys=True))
        if self.df:
            (path / "df.json").write_text(json.dumps(self.df, sort_keys=True))
        if self.cstats:
            (path / "corpus_stats.json").write_text(json.dumps(
                self.cstats, sort_keys=True, separators=(",", ":")))
        if self.terms:
            from paperkg.extractors.training.terms import write_terms

            write_terms(self.terms, path / "terms.tsv")

    def from_disk(self, path, exclude=tuple()) -> LearnedMerge:
        """Load what to_disk saved (a classifier not saved stays untrained)."""
        path = Path(path)
        for model in (self.role_model, self.keep_model, self.keep_own_model, self.cand_model,
                      self.extend_model, *self.type_models.values(),
                      *self.retype_models.values()):
            model.from_disk(path)
        if (path / "heads.json").is_file():
            data = json.loads((path / "heads.json").read_text())
            self.heads = frozenset(data["heads"])
            self.max_candidates = data["max_candidates"]
            self.retype_to = data.get("retype_to", self.retype_to)
            self.retype_from = data.get("retype_from", self.retype_from)
            self.demote = data.get("demote", self.demote)
            self.cand_context = data.get("cand_context", False)
            self.cand_roles = data.get("cand_roles", True)
            self.term_cands = data.get("term_cands", True)
            self.known_retype_to = data.get("known_retype_to", 2.0)
            self.known_retype_from = data.get("known_retype_from", 0.3)
            self.gaz_feats = data.get("gaz_feats", False)
            self.role_blind = data.get("role_blind", False)
            self.own_rules = frozenset(data.get("own_rules", ()))
            self.own_plain = data.get("own_plain", False)
            self.own_feats = data.get("own_feats", "")
        if (path / "lexicon.json").is_file():
            self.lexicon = json.loads((path / "lexicon.json").read_text())
        if (path / "df.json").is_file():
            self.df = json.loads((path / "df.json").read_text())
        if (path / "corpus_stats.json").is_file():
            self.cstats = json.loads((path / "corpus_stats.json").read_text())
        if (path / "terms.tsv").is_file():
            from paperkg.extractors.training.terms import read_terms

            self.terms = read_terms(path / "terms.tsv")
            self.theads = term_heads(self.terms)
        return self


#: A plain word: a letter, then lower-case letters only (no digit, symbol or inner capital).
_PLAIN_WORD = re.compile(r"[A-Za-z][a-z]+$")


def own_piece(ent: dict, rules: frozenset[str], plain: bool = False) -> bool:
    """Whether the rules call ent the paper's own (introduced) and one of rules found it
    ("*" in rules: any rule); plain: and every word of its name is a plain word (a coined
    shape such as `A*-Thought` or `Mogrifier LSTM` is not)."""
    if ent["role"] != "introduced":
        return False
    if plain and not all(_PLAIN_WORD.match(w) for w in ent["name"].split()):
        return False
    return "*" in rules or any(r in rules for r in ent["extractor"].split("+"))


#: The kinds of own_features: one feature for a plain-word own piece ("plain"), or one for
#: each source (title rule or lower_part) and one for a hyphenated lower-case own part
#: ("split").
OWN_FEATS = ("plain", "split")


def own_features(ent: dict, kind: str) -> list[str]:
    """The keep features of a name the rules call the paper's own (introduced) that a rule
    of words/keep_own_feature_rules.txt found: "own_plain" when every word of it is a plain
    word (kind "plain"); with kind "split", "own_plain:title" or "own_plain:lower" (found
    by lower_part alone) instead, and "own_hyph:lower" for a lower-case lower_part name
    with a hyphen (`micro-thought chunking mechanism`). [] for any other name."""
    from paperkg.extractors.words import word_set

    if kind not in OWN_FEATS:
        raise ValueError(f"own_features kind must be one of {', '.join(OWN_FEATS)}, not {kind!r}")
    if ent["role"] != "introduced":
        return []
    rules = set(ent["extractor"].split("+")) & word_set("keep_own_feature_rules")
    if not rules:
        return []
    name = ent["name"]
    if all(_PLAIN_WORD.match(w) for w in name.split()):
        if kind == "plain":
            return ["own_plain"]
        return ["own_plain:lower" if rules == {"lower_part"} else "own_plain:title"]
    if kind == "split" and "lower_part" in rules and "-" in name and name == name.lower():
        return ["own_hyph:lower"]
    return []


def guard_keep(merge: LearnedMerge, other: LearnedMerge,
               rules: Iterable[str] | None = None, plain: bool = False) -> None:
    """Give merge a second keep classifier, other's keep classifier, for the entities
    own_piece calls the paper's own by rules (default: words/keep_own_rules.txt) [and plain]."""
    from paperkg.extractors.words import word_set

    if merge.gaz_feats != other.gaz_feats:
        raise ValueError("the two models' keep classifiers read other features")
    if not other.keep_model.trained:
        raise ValueError("the other model has no keep classifier")
    own = BinaryModel("keep_own", other.keep_model.threshold)
    own.w = other.keep_model.w
    merge.keep_own_model = own
    merge.own_rules = frozenset(word_set("keep_own_rules") if rules is None else rules)
    merge.own_plain = plain


#: The parts of a merge that can come from another model (`take_parts`): the attributes of each.
PARTS: dict[str, tuple[str, ...]] = {
    "roles": ("role_model", "role_blind"),
    "keep": ("keep_model", "keep_own_model", "own_rules", "own_plain", "own_feats"),
    "types": ("retype_models", "retype_to", "retype_from", "known_retype_to",
              "known_retype_from"),
    "cands": ("cand_model", "type_models", "heads", "max_candidates", "lexicon", "df",
              "cand_context", "cstats", "cand_roles", "terms", "theads", "term_cands"),
    "extend": ("extend_model",),
}


def take_parts(merge: LearnedMerge, other: LearnedMerge, parts) -> None:
    """Give merge the classifiers (and their settings) of other's parts (names in PARTS; the
    keep and type classifiers of both must read the same features)."""
    if set(parts) & {"keep", "types"} and merge.gaz_feats != other.gaz_feats:
        raise ValueError("the two models' keep and type classifiers read other features")
    for part in parts:
        if part not in PARTS:
            raise ValueError(f"unknown part {part!r}: one of {', '.join(PARTS)}")
        for attr in PARTS[part]:
            setattr(merge, attr, getattr(other, attr))


#: The shipped learned model (trained by `paperkg train`), inside the package.
MODEL_DIR = Path(__file__).resolve().parent / "model"


def add_learned(nlp: Language, model_dir: str | Path | None = None) -> bool:
    """Copy the trained `ner` and `paperkg_learned` from model_dir into nlp; False if absent.

    They go last, after the results rules, so that results are read from the rules' entities
    alone (a result names an entity the classifiers dropped: no link, as for any unnamed one);
    the model's static vectors, if any, become nlp's.
    """
    import spacy

    from paperkg.extractors import span_gate  # noqa: F401 - registers paperkg_span_gate

    model_dir = Path(model_dir) if model_dir is not None else MODEL_DIR
    if not (model_dir / "config.cfg").is_file():
        return False
    model = spacy.load(model_dir)
    if "paperkg_entities" in nlp.pipe_names:  # keep the text for the learned part (it drops it)
        nlp.get_pipe("paperkg_entities").keep_scratch = True
    if model.vocab.vectors.shape[0]:
        nlp.vocab.vectors = model.vocab.vectors
    for name in ("ner", "paperkg_span_gate", "paperkg_learned"):
        if name in model.component_names and name not in nlp.component_names:
            nlp.add_pipe(name, source=model, last=True)
            if name in model.disabled:  # the span gate's `ner`: run by the gate alone
                nlp.disable_pipe(name)
    return True


def load_with_model(model_dir: str | Path):
    """The rules pipeline (config.cfg) plus the learned model in model_dir."""
    from paperkg.core.errors import UserError
    from paperkg.extractors.pipeline import build_pipeline

    nlp = build_pipeline()
    if not add_learned(nlp, model_dir):
        raise UserError(f"not a trained model folder (no config.cfg): {model_dir}")
    return nlp
