"""Family: runs of capitalised or coined words (SQIRL, SWE-Search, CodeQwen1.5-7B, Diverse Beam
Search), trimmed of non-name words, split into single names where each word is coined."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import (
    Cand,
    Context,
    family_phrase,
    head_after,
    head_type,
    heads,
    type_by_shape,
    word_kind,
    word_set,
)
from paperkg.extractors.rules.run_joins import one_name

# A "name word": starts upper case or with a digit, or is lower case with a capital/digit inside.
_WORD = r"(?:[A-Z0-9\u00C0-\u00DE][\w'’+.\-]*|[a-z][a-z]*[A-Z0-9][\w'’+.\-]*)"
# The first character is a plain character class (no look-behind before it) so that the regex
# engine can skip to candidate positions quickly; runs that start inside a lower-case word
# ("text8", "alignMEnt") are extended backwards in runs().
_RUN = re.compile(
    r"[A-Z0-9\u00C0-\u00DE](?<![@/\\.\-].)[\w'’+.\-]*"
    rf"(?:(?: |- (?=\d))(?:{_WORD}|v\d[\w.]*))*"
)
_ACRONYM_MODIFIER = re.compile(r"[A-Z0-9]{2,}-[a-z]")
_STYLE_SUFFIX = re.compile(r"-(?:style|like|based|sized|scale)$")
_YEAR_AFTER = re.compile(r" (?:19|20)\d\d\b")
SUFFIX_ONLY = re.compile(
    r"-(?:based|free|style|like|aware|driven|guided|specific|level|time|only|wise|generated|"
    r"sensitive|irrelevant|agnostic|invariant|dependent|independent|conditioned|enabled|"
    r"powered|assisted|centric|oriented|approximating|compatible|intensive|preserving|"
    r"friendly|ready|scale|grade|induced|inspired|informed|enhanced|predicted|weighted|native)$",
    re.IGNORECASE,
)
# a past participle joined to a coined word ("TimeGAN-augmented", "CLEVR-derived", "MA-aided")
_PARTICIPLE = re.compile(r"(?<=[A-Za-z0-9])-[a-z]{2,}ed$")


def _without_participle(word: str) -> str:
    """A coined word without a past participle joined to it ("SSPO-trained" -> "SSPO")."""
    pm = _PARTICIPLE.search(word) if "-" in word else None
    return word[:pm.start()] if pm and not SUFFIX_ONLY.search(word) else word


# a short argument glued to a coined name of three or more characters: "FWL(2)", "ICC(2,k)",
# "DRO-BAS(PE)", "C-HMCNN(h)" (not a group in mathematics: "SE(3)", "GF(2)", "O(n)")
GLUED_ARG = re.compile(
    r"(?<=[A-Za-z0-9]{3})\((?:\d|[A-Za-z][A-Za-z0-9,.+\-]{0,4}|\d,[A-Za-z0-9]{1,3})\)(?![\w(])")
_CODEPOINT = re.compile(r"x[0-9A-Fa-f]{4,5}\b")
# a BibTeX citation key left in the text ("chen2020learning", "hajiaghayi2024ad")
_CITE_KEY = re.compile(r"[a-z]{2,}(?:19|20)\d\d[a-z]*$")
_DASHES = re.compile(r"-{2,}|\u2014|\u2013")
_SIZE = re.compile(r"(?:^|[-_ ])(\d+(?:\.\d+)?[BMKbm])(?:$|[-_ ])")
_NUMBER_LETTERS = re.compile(r"\d+[A-Za-z]{0,2}")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s$")
_VERSION_WORD = re.compile(r"^(?:[A-Z]\d{1,2}|[Vv]\d+(?:\.\d+)*|VL|XL|XXL)$")
# another size or version after a slash is part of the name ("CIFAR-10/100", "ViT-B/16",
# "Apertus-70B/8B-Instruct"); two names joined by a slash ("Adam/AdamW") stay two
SLASH_SIZE = re.compile(r"/\d[\w.]*(?:-[A-Za-z0-9.]+)*(?![\w/])")
_ENUMERATOR = re.compile(r"(?:\d{1,3}|[A-Z]|[IVX]{1,4})$")
# a measured value after a name is no version ("mean Jaccard 0.12", "Spearman 0.9239",
# "BERTScore-F1 71.20", "Magistral Medium's 50.3"): a fraction below one, three decimals, two
# digits either side of the point (a version has fewer: "Llama 3.1", "Qwen 2.5"), or after a
# possessive
VALUE_TAIL = re.compile(r"^(?:0\.\d+|\d+\.\d{3,}|\d\d\.\d\d)$")
_POSSESSIVE = re.compile(r"['\u2019]s$")
VERSION_TAIL = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BMKbmk])$")
# a capitalised word joined to a generic acronym ("Speed-RL", "Solar-VLM", "Magentic-UI"): a
# coined name where it is set apart as one ("we propose Speed-RL, a ...", "(Agent-RL)", "called
# Inp-TPU,"), not where it modifies a noun ("Human-AI collaboration", "Non-IID data")
_GENERIC_TAIL = re.compile(r"[A-Z][a-z]{2,}-[A-Z]{2,5}")
_SET_APART = re.compile(r"[,:;)}]|['’]s\b")


# two hyphens joining two capitalised words of one name, LaTeX's en dash ("Jensen--Shannon",
# "Mori--Zwanzig", "Source--Message--Channel--Receiver"): not split there
_EPONYM_DASH = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z]+--(?=[A-Z][a-z])")


def runs(text: str):
    """(start, surface) of each run, split where a word ends a sentence ("RL. Besides") and at
    dashes ("CEs---in" is LaTeX punctuation, not a name), but not at two hyphens between two
    capitalised words ("Jensen--Shannon")."""
    for a, surface in _runs(text):
        if "--" not in surface and "\u2014" not in surface and "\u2013" not in surface:
            yield a, surface
            continue
        joins = {m.end() - 2 for m in _EPONYM_DASH.finditer(surface)}
        pos = 0
        for m in _DASHES.finditer(surface):
            if m.start() in joins and m.end() - m.start() == 2:
                continue
            if m.start() > pos:
                yield a + pos, surface[pos:m.start()]
            pos = m.end()
        if pos < len(surface):
            yield a + pos, surface[pos:]


_GLUED_SENTENCE = re.compile(r"(?<=[A-Za-z])\.(?=[A-Z][a-z])")


def _runs(text: str):
    """runs() before the dash split ("RL.We" is two sentences glued together)."""
    for a, surface in _runs_raw(text):
        if "." not in surface or not _GLUED_SENTENCE.search(surface):
            yield a, surface
            continue
        pos = 0
        for m in _GLUED_SENTENCE.finditer(surface):
            yield a + pos, surface[pos:m.start()]
            pos = m.end()
        yield a + pos, surface[pos:]


def _runs_raw(text: str):
    """Runs of name words as the regex finds them."""
    for m in _RUN.finditer(text):
        surface = m.group()
        a = m.start()
        if a > 0 and text[a - 1].isalnum():
            b0 = a
            while a > 0 and text[a - 1].isalnum():
                a -= 1
            if a > 0 and text[a - 1] in "@/\\.-_":
                continue
            surface = text[a:b0] + surface
        if text.startswith("/", m.end()) and not surface[-1:].isspace():
            tail = SLASH_SIZE.match(text, m.end())
            if tail and any(ch.isalpha() for ch in surface):
                surface += tail.group()
        if ". " not in surface:
            yield a, surface
            continue
        pos = 0
        for piece in surface.split(". "):
            yield a + pos, piece + "." if pos + len(piece) < len(surface) else piece
            pos += len(piece) + 2


def _language_word(word: str) -> bool:
    """A language, people or nationality ("English", "Chinese-language", "Multilingual")."""
    langs = word_set("language_words")
    return word in langs or word.split("-")[0] in langs


def _named_by_head(ctx: Context, a: int, b: int, word: str | None) -> bool:
    """'Singlish benchmark': a plain word with a dataset/benchmark head after it is one name
    ("The dataset", "Our benchmark": a function word before the head names nothing)."""
    if ctx.text[a:b].lower() in word_set("task_stop"):
        return False
    hm = head_after(ctx.text[b:b + 40])
    if not hm or head_type(hm.group(1)) not in ("BENCHMARK", "DATASET"):
        return False
    if _language_word(ctx.text[a:b]):
        return True  # "English dataset", "German benchmarks": what it holds, no name
    full = ctx.text[a:b + hm.end()].strip()
    c = Cand(a, a + len(full), full, full, head_type(hm.group(1)), 0.6, "named_by_head")
    c.strong_type = True
    if word is not None:
        c.extra = [word]
    ctx.cands.append(c)
    return True


def _shouting(ctx: Context, pos: int, cache: dict[int, bool]) -> bool:
    """Whether the sentence holding pos is written in capitals ("LEARNING GRAPH NETWORKS FOR
    ..."): its all-caps words are ordinary words, not acronyms."""
    s0, s1 = ctx.sentence(pos)
    hit = cache.get(s0)
    if hit is None:
        ws = ctx.text[s0:s1].split()
        caps = sum(1 for w in ws if len(w) > 2 and w.isupper())
        hit = cache[s0] = len(ws) >= 3 and caps >= 0.6 * len(ws)
    return hit


@cache
def _run_words() -> tuple[tuple[str, ...], frozenset[str]]:
    """The heads that make a lone non-name word a name (" benchmark"), and the head-like
    words kept at a run's end (made once, not per text)."""
    return tuple(" " + h.word for h in heads() if "name_after" in h.contexts), word_set("headish")


_DATA_AFTER_YEAR = re.compile(r"\s+(?:dataset|data|benchmark|corpus|shared\s+task)s?\b")
_VENUE_AFTER_YEAR = re.compile(
    r"\s+(?:workshop|conference|symposium|meeting|track|edition|proceedings)s?\b", re.I)
_DATA_BEFORE = re.compile(r"\b(?:dataset|benchmark|corpus|evaluated\s+with|using)\s+(?:the\s+)?$")


def _dated_data(ctx: Context, a: int, b: int, first: str) -> None:
    """A coined name with a year ("SPEC 2017", "ACE 2005", "MOTS 2020") is a data set or
    benchmark, year and all, when a data head follows it ("the ACE 2005 dataset") or
    "evaluated with", "using" or a data head comes right before ("evaluated with SPEC 2017", "a
    dataset GBC-FS 2025"); any other such run is a venue ("improves on STOC 2020", "at MICCAI
    2024", "with the CODI-CRAC 2026 workshop")."""
    if word_kind(first, ctx.generic) != "coined" or first in ctx.orgs or \
            first in ctx.not_names or ctx.covered(a, a + len(first)) or \
            _VENUE_AFTER_YEAR.match(ctx.text, b):
        return  # a known name's edition ("Ego4D 2022") is the known name
    if _DATA_AFTER_YEAR.match(ctx.text, b) or _DATA_BEFORE.search(ctx.text, max(0, a - 30), a):
        name = ctx.text[a:b]
        ctx.cands.append(Cand(a, b, name, name, "", 0.65, "coined_name"))


# makers of software and online services whose name begins the name of a product ("Google
# Books", "Microsoft Presidio"); hardware makers' products are no entities ("NVIDIA Jetson")
_SERVICE_ORGS = frozenset({"Google", "OpenAI", "Microsoft", "Amazon", "DeepMind"})
_ORG_TAILS = frozenset({"Group", "Research", "Robotics", "Labs", "Lab", "Inc", "Corporation",
                        "Cloud", "Brain", "AI"})


# a run of one word takes _lone_word, the general path's tests for one word (tests turn it off
# to compare the two)
LONE_WORD_FAST = True


def numbered_part(words: list[str], enumerated: set | frozenset) -> bool:
    """Whether a run is a listed noun and a number, a letter or a Roman numeral, written apart
    or joined by a hyphen ("Track 1", "Prompt B", "Stage-1", "Type-II", "Round-0")."""
    if len(words) == 2:
        return words[0] in enumerated and _ENUMERATOR.match(words[1]) is not None
    if len(words) == 1 and "-" in words[0]:
        noun, _, tail = words[0].rpartition("-")
        return noun in enumerated and _ENUMERATOR.match(tail) is not None
    return False


def capitalised_runs(ctx: Context) -> None:
    """Candidates from every run of capitalised/coined words outside URLs and known names."""
    text, generic, not_names = ctx.text, ctx.generic, ctx.not_names
    if ctx.defined and not not_names.isdisjoint(ctx.defined):
        not_names = not_names - ctx.defined.keys()  # an acronym the paper spells out ("Prompt
        # Equity Transformer (PET)") names what it defines, in a run of words too ("Applying PET")
    shouting: dict[int, bool] = {}
    title_end, sent_starts = ctx.title_end, ctx.sent_starts
    name_after, headish = _run_words()
    leads = word_set("name_leads")
    eponyms = word_set("eponym_leads")
    enumerated = word_set("enumerated_words")
    for a, surface in runs(text):
        if surface.isdigit():
            continue  # a bare number ("2024", "3"): every path below drops it, with no effect
        if surface in not_names and not text.startswith(name_after, a + len(surface)):
            continue  # a lone non-name word, unless "our Singlish benchmark"
        # trim trailing punctuation inside the run
        stripped = surface.rstrip(".'’-+") if not surface.endswith("+") else surface
        if surface.endswith("+"):
            stripped = surface.rstrip(".'’-")
        if stripped.endswith(("'s", "’s")):
            stripped = stripped[:-2]
        if "-" in stripped:  # (both suffixes begin with a hyphen)
            sm = _STYLE_SUFFIX.search(stripped)
            if sm and type_by_shape(stripped[:sm.start()], ctx.gaz) == "MODEL":
                stripped = stripped[:sm.start()]  # "Qwen3-0.6B-style": the model, not the style
            pm = _PARTICIPLE.search(stripped)
            if pm and " " not in stripped and not SUFFIX_ONLY.search(stripped):
                stripped = stripped[:pm.start()]  # "TimeGAN-augmented": the name, not the use
        b = a + len(stripped)
        if b <= a or ctx.in_url(a):
            continue
        if stripped == surface and text.startswith("(", b) and " " not in stripped and \
                sum(ch.isupper() for ch in stripped) >= 2 and not ctx.covered(a, b):
            gm = GLUED_ARG.match(text, b)
            if gm:
                stripped = text[a:gm.end()]  # "FWL(2)": the argument is part of the name
                b = gm.end()
        if " " not in stripped and LONE_WORD_FAST:
            if not numbered_part([stripped], enumerated):  # "Stage-1", "Round-0"
                _lone_word(ctx, stripped, a, b, shouting)
            continue
        words = stripped.split(" ")
        offs = []
        pos = a
        for w in words:
            offs.append(pos)
            pos += len(w) + 1
        in_title = a < title_end
        after = _YEAR_AFTER.match(text, b)
        year = after or (len(words) > 1 and _YEAR_AFTER.match(" " + words[-1]))
        if year and fold(stripped) not in generic:
            _dated_data(ctx, a, after.end() if after else b, words[0])
        if fold(stripped) in generic or year:
            continue  # a generic phrase (Markov Decision Process) or a venue (ICALP 2018)
        if SUFFIX_ONLY.search(words[-1]) and (len(words) == 1 or a >= title_end):
            continue  # "GD-based", "SL-based", "Monte Carlo-based": a modifier, no name
        if _CODEPOINT.match(stripped) or _CITE_KEY.match(stripped):
            continue  # "\unicode{x1D45B}", "&#x2013;", "chen2020learning": markup debris
        if len(words) == 1 and not in_title and word_kind(words[0], generic) == "plain" or (
            len(words) == 1 and len(words[0]) == 1 and words[0].isupper()
        ):
            if a not in sent_starts and _named_by_head(
                ctx, a, b, words[0] if len(words[0]) >= 3 and words[0] not in not_names else None
            ):
                continue
        # "OpenAI's GPT-4", "Meta's Llama": the owner before a name is not part of it;
        # "LLM-based CDSS", "AI-native RAN": a modifier before a name is not part of it either
        if len(words) > 1 and (words[0].endswith(("'s", "’s")) or (
                SUFFIX_ONLY.search(words[0]) and _ACRONYM_MODIFIER.match(words[0]))):
            words.pop(0)
            offs.pop(0)
        # drop leading function/non-name words (and numbers before them: "24 GB RTX 4090"),
        # but a word written in lower case in running text, capitalised in the middle of a
        # sentence before another capitalised word, begins the name ("the Model Context
        # Protocol", "from The Cancer Genome Atlas")
        keep_lead = len(words) > 1 and not in_title and words[0] in leads and \
            a not in sent_starts and text[a - 1:a] not in ("\n", "") and \
            words[1][:1].isupper() and words[1] not in not_names
        if len(words) > 1 and not in_title and words[0] in _SERVICE_ORGS and \
                words[1][:1].isupper() and not ctx.covered(offs[1], offs[1] + len(words[1])) and \
                not (len(words) == 2 and words[1] in _ORG_TAILS):
            keep_lead = True  # "Google Street View", "OpenAI Deep Research", "Amazon Q": a
            # service named with its maker; not "OpenAI GPT-4.1" (a known model after it)
        while not keep_lead and words and (words[0] in not_names or fold(words[0]) in generic or (
                len(words) > 1 and word_kind(words[0], generic) == "number" and (
                    words[1] in not_names or fold(words[1]) in generic))) and not ctx.covered(
            offs[0], offs[0] + len(words[0])
        ):
            if len(words) > 1 and words[0] in eponyms and not in_title and \
                    offs[0] not in sent_starts and words[1][:1].isupper() and \
                    words[1] not in not_names and not _PLURAL_ACRONYM.match(words[1]):
                break  # "Poisson Texture Harmonization", "the Bayesian DRO": the name's word
                # (not "Gaussian BCs", "Bayesian MLMs": a kind of a family of things)
            words.pop(0)
            offs.pop(0)
        # drop trailing generic words (Code LLMs) and trailing bare numbers not versions
        while words and (fold(words[-1]) in generic or (words[-1] in not_names
                                                         and words[-1] not in headish)):
            words.pop()
            offs.pop()
        # (a word and its value alone, "Spearman 0.9239", is left to the measure below)
        while len(words) > 1 and ((VALUE_TAIL.match(words[-1]) and len(words) > 2) or (
                _POSSESSIVE.search(words[-2]) and words[-1][:1].isdigit())):
            words.pop()
            offs.pop()
        if not words:
            continue
        if len(words) == 2 and not in_title and offs[0] in sent_starts and \
                word_kind(words[0], generic) == "plain" \
                and not words[0].endswith(("ing", "ed")) and words[0].lower() in \
                word_set("lower_words") and word_kind(words[1], generic) == "coined" and \
                not head_after(text[offs[1] + len(words[1]):offs[1] + len(words[1]) + 40]):
            continue  # "Even GPT-4o fails", "Vanilla NAS needs": an ordinary word opens the
            # sentence; the coined name is found where it stands alone
        if len(words) > 1 and offs[0] in sent_starts and words[0].endswith(("ing", "ed")) and \
                word_kind(words[0], generic) == "plain":
            words.pop(0)
            offs.pop(0)
        a = offs[0]
        b = offs[-1] + len(words[-1])
        kinds = [word_kind(w, generic) for w in words]
        if "coined" in kinds and any(len(w) > 2 and w.isupper() for w in words) and \
                _shouting(ctx, a, shouting):
            continue  # a title or heading in capitals
        while kinds and kinds[0] == "number":
            words.pop(0)
            offs.pop(0)
            kinds.pop(0)
        if not words:
            continue
        a = offs[0]
        if ctx.covered(a, b) or len(words) == 1 and SUFFIX_ONLY.search(words[0]):
            continue
        at_sent_start = a in sent_starts or (a > 0 and text[a - 1] in "\n")
        if numbered_part(words, enumerated):
            continue  # "Track 1", "User 2", "Prompt B", "Stage-1": a numbered part of something
        has_coined = "coined" in kinds
        if in_title:
            _title_run(ctx, words, offs, kinds)
            continue
        if len(words) == 1:
            w = _without_participle(words[0])
            _single_word(ctx, w, kinds[0], a, a + len(w), at_sent_start)
            continue
        # multi-word run
        if at_sent_start and kinds[0] == "plain" and len(words) == 2 and kinds[1] == "plain":
            # "Dynamic Evaluation improves": two capitalised words at a sentence start.
            conf = 0.45
        else:
            conf = 0.65 if has_coined else 0.55
        measured = ""
        if kinds[-1] == "number" and (not VERSION_TAIL.match(words[-1]) or VALUE_TAIL.match(
                words[-1]) or text.startswith("%", b)):  # "X-B 85.2%", "Jaccard 0.12": a score
            if len(words) == 2 and VALUE_TAIL.match(words[-1]):
                measured = "METRIC"  # "Spearman 0.9239", "MATTR 0.52": a measure and its value
            words = words[:-1]
            if not words:
                continue
            b = offs[len(words) - 1] + len(words[-1])
        surface = text[a:b]
        if fold(surface) in generic or (not has_coined and (
                family_phrase(surface) or _kind_of_generic(words, generic))):
            continue
        rule = "coined_name" if has_coined else "title_case_phrase"
        # Split runs of several coined names ("GPT-4 Llama-2") into single names; a short
        # version word stays with the name before it ("DeepSeek R1", "Qwen2.5 VL"). A run that
        # names one thing ("MVTec AD", "Pix2Pix GAN": run_joins) stays whole.
        if has_coined and all(k == "coined" for k in kinds) and len(words) > 1 and \
                not one_name(ctx, words, offs):
            names: list[tuple[int, int]] = []
            for w, o in zip(words, offs, strict=False):
                if names and _VERSION_WORD.match(w):
                    names[-1] = (names[-1][0], o + len(w))
                else:
                    names.append((o, o + len(w)))
            for o, e in names:
                w = _without_participle(text[o:e])
                e = o + len(w)
                if fold(w) not in generic and (w not in ctx.not_names or w in ctx.defined):
                    ctx.cands.append(Cand(o, e, w, w, "", 0.7, "coined_name"))
            continue
        if has_coined and all(k == "coined" for k in kinds):
            conf = 0.7  # as each of its words would have had
        ctx.cands.append(Cand(a, b, surface, surface, measured, conf, rule))


_PLURAL_KINDS = ("models", "networks")


def _kind_of_generic(words: list[str], generic) -> bool:
    """A generic plural after modifiers ("Modern Large Language Models", "Remote Sensing
    Foundation Models", "Geometric Graph Neural Networks"): a kind of system, named by no one."""
    if len(words) < 3 or words[-1].lower() not in _PLURAL_KINDS:
        return False
    return any(fold(" ".join(words[k:])) in generic for k in range(1, len(words) - 1))


_TITLE_VERSION = re.compile(r"[Vv]\d+(?:\.\d+)*[,:;.]?$")
_CONTEST_HEADS = frozenset({"Challenge", "Competition"})


def _lone_word(ctx: Context, w: str, a: int, b: int, shouting: dict[int, bool]) -> None:
    """capitalised_runs' path for a run of one word text[a:b] (most runs): the same tests in
    the same order, without the word lists a run of several words needs."""
    text, generic, not_names = ctx.text, ctx.generic, ctx.not_names
    in_title = a < ctx.title_end
    after = _YEAR_AFTER.match(text, b) if text.startswith(" ", b) else None
    folded = fold(w)
    if after:
        if folded not in generic:
            _dated_data(ctx, a, after.end(), w)
        return  # a venue (ICALP 2018), or a data set with its year
    if folded in generic:
        return  # a generic word
    if "-" in w and SUFFIX_ONLY.search(w):
        return  # "GD-based": a modifier, no name
    if "a" <= w[0] <= "z" and (_CODEPOINT.match(w) or _CITE_KEY.match(w)):
        return  # "x1D45B", "chen2020learning": markup debris
    kind = word_kind(w, generic)
    if (not in_title and kind == "plain") or (len(w) == 1 and w.isupper()):
        if a not in ctx.sent_starts and _named_by_head(
            ctx, a, b, w if len(w) >= 3 and w not in not_names else None
        ):
            return
    if w in not_names and w not in ctx.defined and (
            not ctx.covered(a, b) or w not in _run_words()[1]):
        return  # a non-name word (kept only inside a known name, and then only a head); an
        # acronym the paper spells out names what it defines ("Contrastive Logit Steering (CLS)")
    if kind == "coined" and len(w) > 2 and w.isupper() and _shouting(ctx, a, shouting):
        return  # a title or heading in capitals
    if kind == "number" or ctx.covered(a, b):
        return
    if in_title:
        _title_run(ctx, [w], [a], [kind])
        return
    _single_word(ctx, w, kind, a, b, a in ctx.sent_starts or (a > 0 and text[a - 1] in "\n"))


def _title_run(ctx: Context, words: list[str], offs: list[int], kinds: list[str]) -> None:
    """In a title every word is capitalised: keep only coined words (with versions)."""
    text, generic = ctx.text, ctx.generic
    if "coined" not in kinds:
        return
    i = 0
    while i < len(words):
        if kinds[i] != "coined":
            i += 1
            continue
        j = i + 1
        while j < len(words) and (kinds[j] == "number" and VERSION_TAIL.match(words[j])
                                  or _TITLE_VERSION.match(words[j])):
            j += 1  # "CW-BASS v2", "MoGU V2", "PENGWIN 2024": the version is the name's
        if j < len(words) and words[j].rstrip("'’.,") in _CONTEST_HEADS:
            j += 1  # "PENGWIN 2024 Challenge", "ICDAR 2025 Competition": a contest's name
        w_surface = text[offs[i]:offs[j - 1] + len(words[j - 1])].rstrip("'’.,")
        if SUFFIX_ONLY.search(w_surface):
            i = j
            continue  # "QUBO-Based", "RIS-Aided", "MetaFormer-Style": a modifier, no name
        if fold(w_surface) not in generic and w_surface not in ctx.not_names and not (
            w_surface.endswith("s") and fold(w_surface[:-1]) in generic
        ):
            ctx.cands.append(Cand(offs[i], offs[i] + len(w_surface), w_surface, w_surface,
                                  "", 0.7, "coined_name"))
        i = j


def _single_word(ctx: Context, w: str, kind: str, a: int, b: int, at_sent_start: bool) -> None:
    """One coined word (an acronym or a coined name) or one capitalised word."""
    generic = ctx.generic
    if kind == "coined":
        if w in ctx.generic_acr or fold(w) in generic or len(w) < 2 or (
            w[-1] == "s" and fold(w[:-1]) in generic
        ):
            return
        if _SIZE.fullmatch(w) or _NUMBER_LETTERS.fullmatch(w):
            return
        # a bare two-letter acronym (TL, DR, SA) is weak evidence on its own
        conf = 0.45 if len(w) <= 2 and w.isupper() else 0.7
        ctx.cands.append(Cand(a, b, w, w, "", conf, "coined_name"))
    elif kind == "plain":
        if not at_sent_start and _named_by_head(ctx, a, b, None):
            return
        if at_sent_start or w in ctx.not_names or len(w) < 2:
            return
        if "-" in w and any(fold(x) in generic or fold(x.rstrip("s")) in generic
                            for x in w.split("-")):
            if _GENERIC_TAIL.fullmatch(w) and fold(w.split("-")[0]) not in generic and \
                    _SET_APART.match(ctx.text, b):
                ctx.cands.append(Cand(a, b, w, w, "", 0.7, "coined_name"))
            return  # "Human-AI", "Non-IID", "LLM-Generated": generic parts joined
        if w.isupper() and len(w) == 1:
            return
        ctx.cands.append(Cand(a, b, w, w, "", 0.35, "capitalised_word"))


STAGES = [(40, capitalised_runs)]
