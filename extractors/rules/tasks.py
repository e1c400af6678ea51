"""Family: tasks named by a pattern: "the task/problem of X", "the X problem", "X tasks",
"we study X", "X is the task of ...", lists with "tasks" ("A, B and C tasks", "tasks such as A
and B"), a title "... for X" / "... Improves X", title pieces ending in a task head, the
abstract opening with a title phrase, a sentence opening with a task phrase it explains ("X aims
to ..."), and, when nothing else found a task, the title's "for X", the abstract's opening
subject ("Story visualization has ...") and a title piece the abstract writes again in lower
case ("Neural Decoding of ..." / "neural decoding"); an untyped name of several
words before "task(s)" or after "the task of" is typed a task; a task written only after "with",
"via", "under", ... (the means or the condition) is dropped; a title piece before "for" and
a task after it is the means (a method)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import (
    Cand,
    Context,
    family_phrase,
    positions,
    word_set,
    word_union,
    words,
)
from paperkg.extractors.rules.task_formulations import after_formulation
from paperkg.extractors.words import trie_alternation

# A lower-case word, possessive: every pattern here follows it with a space, a mark, the end or
# nothing, never with a letter, digit or hyphen, so giving back part of it could never make a
# match; possessive, a failed attempt is given up at once instead of trying every shorter word
# (the same matches).
_LOWER_WORD = r"[a-z][a-z0-9]*+(?:-[a-z0-9]++)*+"
_TASK_OF = re.compile(
    r"(?:task|problem)s?\s+(?:of|called|known\s+as|named|termed)\s+"
    rf"((?:{_LOWER_WORD}\s+){{0,5}}{_LOWER_WORD})"
)
# an acronym or "3D" may open a task phrase ("the AIGC detection task", "for 3D part segmentation")
_LEAD_ACRONYM = r"(?:[A-Z]{2,5}|[1-4]D)\s+"
# The words before a key word, up to it ("for X tasks", "the link prediction task"); its runs of
# spaces are possessive too (a word or the end comes next, never a space).
_X_BEFORE = re.compile(
    rf"(?<![\w\-])((?:(?:[A-Z]{{2,5}}|[1-4]D)\s++)?(?:{_LOWER_WORD}\s++){{0,4}}"
    rf"{_LOWER_WORD})\s++$")
_X_WORDS = 6  # the most words _X_BEFORE's phrase holds: an acronym, then five
_WE_STUDY = re.compile(
    r"(?:study|studies|address|addresses|tackle|tackles|consider|"
    rf"considers)\s+((?:{_LOWER_WORD}\s+){{0,3}}{_LOWER_WORD})(?=\s*[,.;:(]|\s+(?:in|on|for|"
    r"with|under|from|by|via|and|where|when|which|that|using)\b)"
)
_DEFINED_BEFORE = re.compile(
    r"([A-Z][a-z]+(?:[ \-][a-z][a-z0-9\-]*){0,3})(?:\s+\([A-Za-z0-9\-]{2,10}\))?\s+"
    r"(?:is|refers\s+to)\s+(?:the\s+|an?\s+(?:\w+\s+){0,2}?)$"
)
_DEFINED_AFTER = re.compile(r"(?:task|problem)\s+(?:of|that|where|in\s+which)\b")
_TITLE_FOR = re.compile(
    r"\s(?:for|in|[Ii]mproves?|[Hh]elps?|[Ee]nables?|[Bb]oosts?)\s+"
    r"((?:[A-Za-z][\w\-]*\s+){0,4}[A-Za-z][\w\-]*)"
    r"(?=\s*(?::|$|\s(?:via|with|using|by|through|in|on|under|among|across|from|at)\s))"
)
# one word alone is too general to name a task
_TOO_GENERAL_ALONE = ("learning", "control", "estimation", "modeling", "modelling", "inference",
                      "understanding", "matching")


def _words_back(text: str, lo: int, hi: int, n: int) -> int:
    """Where the last n whitespace-separated words of text[lo:hi] begin, or lo when it holds
    fewer: a match of at most n words that runs to hi starts no earlier (where a search from
    lo would find it, at the same place)."""
    parts = text[lo:hi].rsplit(None, n)
    return lo + len(parts[0]) if len(parts) > n else lo


def _cue_matches(text: str, tp: list[int]):
    """(pattern, phrase, offset) for "task/problem of|called X" (1), "for X tasks" (2) and
    "we study X" (3); regexes run only at the offsets of their key words (tp: offsets of
    "task" and "problem")."""
    for pos in tp:
        if pos > 0 and text[pos - 1].isalnum():
            continue
        m = _TASK_OF.match(text, pos)
        if m:
            yield 1, m.group(1), m.start(1)
        # "for X tasks", "the link prediction task", "vector-valued property prediction tasks",
        # "the conditional text generation problem": the words before (cut at a stop word)
        m = _X_BEFORE.search(text, _words_back(text, max(0, pos - 90), pos, _X_WORDS), pos)
        if m and m.end() == pos:
            yield 2, m.group(1), m.start(1)
    for pos in positions(text, ("study ", "studies ", "address", "tackle", "consider")):
        if not text.endswith(("we ", "We ", "paper ", "work "), 0, pos):
            continue
        m = _WE_STUDY.match(text, pos)
        if m:
            yield 3, m.group(1), m.start(1)


def _defined_matches(text: str, tp: list[int]):
    """(start, end) of X in "X is the task of ...", "X (ACR) is a hard problem where ..."."""
    for pos in tp:
        if not _DEFINED_AFTER.match(text, pos):
            continue
        m = _DEFINED_BEFORE.search(text, max(0, pos - 100), pos)
        if m and m.end() == pos:
            yield m.start(1), m.end(1)


def task_phrase(raw: str, generic, require_head: bool = True) -> str | None:
    """The task name at the start of raw: cut at a function word, leading adjectives dropped,
    ending in a task head word; None when it is not a task name."""
    stop, adj, qty = word_set("task_stop"), word_set("task_adjectives"), word_set("quantity_words")
    heads = word_set("task_pattern_heads")
    ws = []
    for w in raw.split():
        if w in stop:
            break
        ws.append(w)
    while ws and (ws[0] in adj or ws[0] in qty):
        ws.pop(0)  # "three text generation tasks", "both classification and ..."
    if len(ws) > 3 and ws[0].endswith("ly") and ws[1].endswith("ed"):
        del ws[:2]  # "neuroscientifically inspired pattern completion": a modifier phrase
    if len(ws) < 2 or len(ws) > 4:
        return None  # one word ("reasoning", "generation") is too general to name a task
    last = ws[-1]
    if require_head and last not in heads:
        return None
    if len(ws) == 1 and last in _TOO_GENERAL_ALONE:
        return None
    if ws[0].endswith("ing") and len(ws) > 1 and ws[0] not in heads \
            and ws[1] not in heads and not ws[0].endswith("-ing"):
        # "learning a policy ..." is cut above; "optimizing test-time compute" has no head;
        # a gerund object phrase is a task only when it is a compound (reward hacking)
        if ws[-1] != "hacking":
            return None
    phrase = " ".join(ws)
    if fold(phrase) in generic:
        return None
    return phrase


def task_patterns(ctx: Context) -> None:
    """TASK candidates from the task patterns (linear: regexes only at their key words)."""
    text, generic = ctx.text, ctx.generic
    stop = word_set("task_stop")
    tp = positions(text, ("task", "problem"))
    for g, raw, a in _cue_matches(text, tp):
        if ctx.in_url(a):
            continue
        if g == 2:  # "for value prediction for downstream tasks": the words before "tasks"
            ws = raw.split()
            k = max((i for i, w in enumerate(ws) if w in stop), default=-1)
            if k >= 0:
                cut = " ".join(ws[k + 1:])
                a += len(raw) - len(cut)
                raw = cut
        phrase = task_phrase(raw, generic, require_head=True)
        if phrase is None:
            continue
        a0, a = a, a + raw.find(phrase)
        if g == 2 and (after_formulation(text, a0) or after_formulation(text, a)):
            continue  # "formulate A as a (new) B problem", "the resulting B problem": no task
        c = Cand(a, a + len(phrase), phrase, phrase, "TASK", 0.6, "task_pattern")
        c.strong_type = True
        ctx.cands.append(c)
    for a, b in _defined_matches(text, tp):
        phrase = text[a:b]
        if fold(phrase) in generic or len(phrase.split()) > 4:
            continue
        if not (a in ctx.sent_starts or a == ctx.title_end + 1):
            continue
        c = Cand(a, b, phrase, phrase, "TASK", 0.6, "task_pattern")
        c.strong_type = True
        ctx.cands.append(c)


def title_task(ctx: Context) -> None:
    """A title "... for LLM-Generated Text Detection" names the task the paper addresses (the
    first "for X", "in X" of the title that is a task phrase)."""
    for fm in _TITLE_FOR.finditer(ctx.text, 0, ctx.title_end):
        if _title_for_task(ctx, fm.group(1).strip(), fm.start(1)):
            return


def _title_for_task(ctx: Context, phrase: str, off: int) -> bool:
    """Add the title's "for X" phrase as a task if it is one (ends in a task head word)."""
    adj = word_set("task_adjectives")
    while len(phrase.split()) > 2 and phrase.split()[0].lower() in adj:
        cut = phrase.split(None, 1)[1]  # "for Reliable Continual Learning"
        if phrase.split()[0].lower() in word_set("task_title_adjectives") and \
                not ctx.covered(off + len(phrase) - len(cut), off + len(phrase)):
            break  # "for Complex Query Answering": a kind of task
        off += len(phrase) - len(cut)
        phrase = cut
    low = phrase.lower()
    pw = phrase.split()
    if not (2 <= len(pw) <= 5 and fold(phrase) not in ctx.generic and pw[0] not in ctx.not_names
            and (any(low.endswith(h) or low.endswith(h + "s") for h in words("task_heads"))
                 or low.split()[-1] in word_set("task_pattern_heads"))
            and not word_set("task_stop") & set(low.split())):
        return False
    c = Cand(off, off + len(phrase), phrase, phrase, "TASK", 0.6, "title_task")
    c.strong_type = True
    if len(pw) >= 3 and (short := _abstract_suffix(ctx, pw)) is not None:
        c.extra.append(short)
    ctx.cands.append(c)
    return True




_TITLE_PIECE = re.compile(r"[^:?;,()\[\]]+")
_NON_SPACE = re.compile(r"\S+")


def _title_segments(title: str):
    """(words, word before, word after) of the pieces of a title between punctuation and
    function words; words are (offset, word) pairs."""
    stop = word_set("task_stop")
    for m in _TITLE_PIECE.finditer(title):
        piece_start = m.start()
        ws: list[tuple[int, str]] = []
        prev = ""
        for wm in _NON_SPACE.finditer(m.group()):
            w = wm.group()
            if w.lower() in stop or w.lower() in ("towards", "toward", "beyond", "versus"):
                if ws:
                    yield ws, prev, w.lower()
                ws = []
                prev = w.lower()
                continue
            ws.append((piece_start + wm.start(), w))
        if ws:
            yield ws, prev, ""


# "via X", "with X": X is the means (a method), not the task
_MEANS_BEFORE = frozenset({"via", "with", "using", "by", "through"})


def _inner_capital(w: str) -> bool:
    """Whether a title word has a capital inside it other than after a hyphen ("TextTopo",
    "GraphRAG", but not the Title Case compound "Hand-Object")."""
    return any(ch.isupper() and w[i] != "-" for i, ch in enumerate(w[1:]))


_TITLE_MODIFIER = re.compile(r"^(?:[1-4]D|[A-Z]{2,4})$")
# a system named after the task it does, in a title ("Colour Extraction Pipeline")
_SYSTEM_AFTER_TASK = frozenset({"pipeline", "pipelines", "tool", "tools", "toolkit", "system",
                                "systems", "framework", "frameworks"})


def title_task_phrases(ctx: Context) -> None:
    """A title piece that is a short phrase ending in a task head word names a task the paper
    is about ("Lightweight Human Activity Recognition", "Medical Image Segmentation with X");
    a Title Case hyphen compound counts as a coined name except in a piece right before the
    means ("Zero-Shot Object-Goal Navigation with X") not ending in "learning" or a method head."""
    title = ctx.text[:ctx.title_end]
    heads = word_set("task_pattern_heads")
    adj, qty = word_set("task_adjectives"), word_set("quantity_words")
    method_heads = word_set("method_heads")
    of_process = word_set("task_of_process_heads")
    before: tuple[list[tuple[int, str]], str] = ([], "")
    for ws, prev, nxt in _title_segments(title):
        shared = _shared_first_word(before, ws, prev)
        before = (ws, prev)
        if prev in _MEANS_BEFORE:
            continue
        if prev == "to" and len(ws) > 2 and ws[0][1].lower() in word_set("task_lead_verbs"):
            ws = ws[1:]  # "... to Enhance LLM Reasoning": the verb's object is the task
        if len(ws) > 2 and ws[0][1][0].isupper() and ws[0][1].lower().endswith("ing") and (
                not title[:ws[0][0]].strip() or title[:ws[0][0]].rstrip().endswith(":")):
            ws = ws[1:]  # "Learning Omnidirectional Locomotion for X": the title's opening
            # verb, even a task head, is what the work does to the task after it
        while ws and ((ws[0][1].lower() in adj and not _kind_of_task(ctx, ws))
                      or ws[0][1].lower() in qty or (
                          ws[0][1].lower().endswith("ing") and ws[0][1].lower() not in heads
                          and len(ws) > 1)):
            ws = ws[1:]  # "Efficient X", "Improving X Detection", "Evaluating Retrieval"
        for i in range(1, len(ws) - 2):
            if ws[i][1].lower() in adj:  # "Event Enhanced Motion Deblurring": a spaced
                ws = ws[i + 1:]  # compound modifier before the task
                break
        if len(ws) >= 3 and ws[-1][1].lower() in _SYSTEM_AFTER_TASK:
            ws = ws[:-1]  # "Colour Extraction Pipeline": the task the pipeline does
        if not 2 <= len(ws) <= 4:
            continue
        last = ws[-1][1].lower()
        if nxt == "of" and last in of_process:
            continue  # "Asymmetric Control of X", "Probabilistic Modeling of X": a process
            # applied to the object after it, no task name
        if last not in heads and not (  # "Drug Repurposing", "3D Printing": a gerund task
                last.endswith("ing") and last not in method_heads and len(last) > 5
                and nxt not in _MEANS_BEFORE  # not "Reward Shaping with X": the means
                and last not in word_set("task_field_gerunds")):  # not "Medical Imaging"
            continue
        inner = _inner_capital if nxt in _MEANS_BEFORE and last != "learning" and (
            last not in method_heads) else (
            lambda w: any(ch.isupper() for ch in w[1:]))
        if any(not _TITLE_MODIFIER.match(w) and (inner(w) or any(ch.isdigit() for ch in w))
               for _, w in ws):
            continue  # a coined name, not a task phrase ("3D" and "SQL" are modifiers)
        a = ws[0][0]
        b = ws[-1][0] + len(ws[-1][1])
        if shared is not None and shared[1] == ws and not ctx.covered(a, b):
            a = shared[0]  # "Weather and Climate Modeling": one task, its first word shared
            # (not "Locality and Weight Sharing", where the known name is a method)
        phrase = title[a:b]
        if ctx.is_generic(phrase) or family_phrase(phrase) or ctx.covered(a, b):
            continue
        if _spells_title_name(title, a, phrase):
            continue
        c = Cand(a, b, phrase, phrase, "TASK", 0.6, "title_task")
        c.strong_type = True
        if len(ws) >= 3 and (short := _abstract_suffix(ctx, [w for _, w in ws])) is not None:
            c.extra.append(short)  # "Inference-Time Uncertainty Estimation" ... "uncertainty
            # estimation": the abstract's shorter form is the same task
        ctx.cands.append(c)


def _shared_first_word(before: tuple[list[tuple[int, str]], str], ws: list[tuple[int, str]],
                       prev: str) -> tuple[int, list[tuple[int, str]]] | None:
    """(offset, ws) when a title piece is the end of a task that shares its head with one
    capitalised noun before "and" ("for Weather and Climate Modeling", "Clouds and Cloud Shadow
    Segmentation"), the noun opening its part of the title; None otherwise. Not when the noun is
    shaped as an adjective, an action or a quality ("Robust and Adaptive X", "Evaluation and Risk
    Assessment", "Expressiveness and Length Generalization": two things, or a modifier), nor when
    the piece after "and" is lower case."""
    words_before, prev_before = before
    if prev != "and" or len(words_before) != 1 or prev_before in ("and", "or") or \
            len(ws) < 2 or not ws[0][1][:1].isupper():
        return None
    at, w = words_before[0]
    low = w.lower()
    if not (w[0].isupper() and w[1:].islower() and w.isalpha()) or low.endswith(
            tuple(words("title_conjunct_not_endings"))) or low in word_union(
            "task_adjectives", "quantity_words", "task_pattern_heads", "task_lead_heads"):
        return None
    return at, ws


def _kind_of_task(ctx: Context, ws: list[tuple[int, str]]) -> bool:
    """Whether a title piece's first word names a kind of task ("Complex Query Answering",
    "Optimal Auction Design") before an unknown task phrase; before a known task ("General Image
    Restoration") it is a modifier the known name leaves out."""
    return len(ws) > 2 and ws[0][1].lower() in word_set("task_title_adjectives") and \
        not ctx.covered(ws[1][0], ws[-1][0] + len(ws[-1][1]))


_NAME_COLON = re.compile(r"\s*([A-Za-z][\w\-]*)\s*:\s*$")


def _spells_title_name(title: str, a: int, phrase: str) -> bool:
    """"DRAMA: Domain Retrieval using ...", "FRAME: Forensic Routing and ...": a piece right
    after the coined name before the title's colon whose first two words begin with the name's
    first two letters spells that name out; it names the system, not its task."""
    m = _NAME_COLON.fullmatch(title, 0, a)
    if m is None or not any(ch.isupper() for ch in m.group(1)[1:]):
        return False
    letters = "".join(ch for ch in m.group(1) if ch.isalpha()).lower()
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", phrase) if w)[:2].lower()
    return len(initials) == 2 and letters.startswith(initials)


def _abstract_suffix(ctx: Context, ws: list[str]) -> str | None:
    """The longest end of a title task phrase (two words or more) that the abstract writes,
    when the whole phrase is not written there."""
    low = ctx.text[ctx.title_end:].lower()
    if " ".join(ws).lower() in low:
        return None
    for k in range(1, len(ws) - 1):
        short = " ".join(ws[k:]).lower()
        i = low.find(short)
        while i >= 0:
            j = i + len(short)
            if not (low[i - 1].isalnum() or low[i - 1] == "-") and (
                    j == len(low) or not (low[j].isalnum() or low[j] == "-")):
                return ctx.text[ctx.title_end + i:ctx.title_end + j]
            i = low.find(short, j)
    return None


_FOR_X = re.compile(
    rf"(?:for|in|on|including|like|such\s+as)\s+((?:{_LEAD_ACRONYM})?(?:{_LOWER_WORD}\s+){{0,3}}"
    rf"{_LOWER_WORD})"
    r"(?=[\s,.;:)])"
)
_FOR_X_KEYS = (" for ", " in ", " on ", " including ", " like ", " such as ", "\nfor ", "\nin ")


# nouns after a task phrase that leave it a task ("time-series forecasting models")
_AFTER_TASK_OK = frozenset({"model", "models", "method", "methods", "approach", "approaches",
                            "system", "systems", "task", "tasks", "problem", "problems",
                            "benchmark", "benchmarks", "performance", "accuracy", "pipeline",
                            "framework", "frameworks", "setting", "settings"})


def _task_words(raw: str, stop, adj, qty, heads) -> list[str]:
    """The task phrase at the start of raw (cut at a function word, leading adjectives, verbs
    and adverbs dropped, but not the -ing and -ly words that open a compound noun: "phishing
    email detection", "anomaly localization"; ending at the last task head word), as words."""
    ws = []
    for w in raw.split():
        if w in stop:
            break
        ws.append(w)
    lead = 0
    while lead < len(ws) and (ws[lead] in adj or ws[lead] in qty):
        lead += 1
    last = max((i for i, w in enumerate(ws) if w in heads), default=-1)
    if 0 <= last < len(ws) - 1 and ws[last + 1] not in _AFTER_TASK_OK:
        return []  # "synthetic verification traces": the head word modifies a noun
    ws = ws[lead:last + 1]
    nouns = word_set("task_compound_openers")  # "phishing", "anomaly": no verb, no adverb
    while ws and ws[0] not in nouns and (
            ws[0].endswith("ing") and ws[0] not in heads or ws[0].endswith("ly")):
        ws = ws[1:]  # "implementing learning": a verb and its object; "quantitatively"
    return ws


_LIST_NEXT = re.compile(
    rf"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)((?:{_LOWER_WORD}\s+){{0,3}}{_LOWER_WORD})"
    r"(?=[\s,.;:)])"
)


_WORD_BEFORE_ON = re.compile(r"([A-Za-z]+)$")


def for_task_phrases(ctx: Context) -> None:
    """"for time-series forecasting", "in human activity recognition", "tasks such as link
    prediction and node ranking": a lower-case phrase ending in a task head word after a
    preposition, and the phrases listed after it; not after "based on", "rely on" (the means,
    words/task_means_on.txt), nor ending in a technique's head ("for policy optimization",
    words/task_for_means_heads.txt)."""
    text, generic = ctx.text, ctx.generic
    stop, heads = word_set("task_stop"), word_set("task_pattern_heads")
    adj, qty = word_set("task_adjectives"), word_set("quantity_words")
    vague, low = word_set("task_vague_heads"), ctx.low
    seen = set()
    means_on, means_heads = word_set("task_means_on"), word_set("task_for_means_heads")
    for pos in positions(text, _FOR_X_KEYS):
        if pos < ctx.title_end:
            continue
        if text.startswith(" on ", pos) and (m := _WORD_BEFORE_ON.search(
                text, max(0, pos - 12), pos)) and m.group(1).lower() in means_on:
            continue  # "based on quantile regression": the means, not the task
        m = _FOR_X.match(text, pos + 1)
        while m is not None:
            ws = _task_words(m.group(1), stop, adj, qty, heads)
            if len(ws) < 2:
                break
            if ws[-1] in means_heads:
                break  # "for policy optimization": the technique, not the task
            phrase = " ".join(ws)
            a = m.start(1) + m.group(1).find(phrase)
            b = a + len(phrase)
            # "for temporal understanding", written once: a description, no task
            described = len(ws) == 2 and ws[1] in vague and low.count(phrase.lower()) == 1
            # "for off-policy estimation of occupancies": the process applied to an object
            described = described or text.startswith(" of ", b)
            if not described and phrase not in seen and fold(phrase) not in generic \
                    and not family_phrase(phrase) and not ctx.in_url(a) and not ctx.covered(a, b):
                seen.add(phrase)
                c = Cand(a, b, phrase, phrase, "TASK", 0.55, "task_for")
                c.strong_type = True
                ctx.cands.append(c)
            m = _LIST_NEXT.match(text, b)  # "such as link prediction and node ranking"


_WORD_BEFORE = re.compile(r"([a-z][a-z0-9\-]*) $")
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-"
_ALL_WORDS = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _word_before(low: str, lo: int, hi: int) -> int:
    """Where _WORD_BEFORE.search(low, lo, hi) starts (a lower-case word, then a space at the
    end), or -1; found from the end with str.rstrip rather than by trying every offset."""
    e = hi - 1  # the space
    if e > lo and low[e] == "\n":  # "$" also matches before a newline at the end
        e -= 1
    if e <= lo or low[e] != " ":
        return -1
    run = low[lo:e]  # the word is the end of the run of word characters before the space
    word = run[len(run.rstrip(_WORD_CHARS)):].lstrip("0123456789-")  # from its first letter
    return e - len(word) if word else -1


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


@cache
def _head_trie(heads: frozenset[str]) -> re.Pattern:
    """A character other than a letter, then one of the heads that an _ALL_WORDS match could
    be, the longest one written there (a trie: as a longest-first alternation would match).
    Opening with a set, re skips along to the characters before words (a match never starts
    right after a letter) rather than trying the heads at every offset."""
    forms = sorted(h for h in heads if _ALL_WORDS.fullmatch(h))
    return re.compile("[^a-z]" + trie_alternation(forms) if forms else "(?!)")


def _in_word(low: str, p: int) -> bool:
    """Whether an _ALL_WORDS.findall match of low holds offset p and goes on past it into a
    letter at p + 1: p is a letter or digit, or a hyphen after one, of a run of letters and
    digits joined by single hyphens that has a letter at or before p (the first letter of
    such a run starts a match that takes the run to its end)."""
    if low[p] == "-":
        if p == 0 or low[p - 1] not in _ALNUM:
            return False
        p -= 1
    elif low[p] not in _ALNUM:
        return False
    while low[p] not in _LETTERS:  # a digit: back along the run to a letter
        if p == 0:
            return False
        if low[p - 1] in _ALNUM:
            p -= 1
        elif low[p - 1] == "-" and p >= 2 and low[p - 2] in _ALNUM:
            p -= 2
        else:
            return False
    return True


def _heads_written(low: str, heads: frozenset[str]) -> list[str]:
    """The _ALL_WORDS.findall(low) matches that are heads, in order, found from the heads
    (a trie search over " " + low) rather than by listing every word: a head written at
    offset a is such a match when no match runs into a (_in_word at a - 1: never after a
    letter) and none goes on past its end (a letter or digit, or a hyphen and one, after it).
    A head found inside another (or right after one) can be no match, so the search's
    skipping past each one found loses none."""
    n = len(low)
    out = []
    for m in _head_trie(heads).finditer(" " + low):
        a, b = m.start(), m.end() - 1  # in low: the head's span (the set took the space)
        if b < n and (low[b] in _ALNUM or low[b] == "-" and b + 1 < n and low[b + 1] in _ALNUM):
            continue
        if a and _in_word(low, a - 1):
            continue
        out.append(m.group()[1:])
    return out


def _head_phrases(low: str, heads, skip) -> dict[str, list[tuple[int, int]]]:
    """Lower-case phrases of one or two words plus a task head word, with their spans; only
    heads written at least twice are looked at (one search for the heads finds them)."""
    out: dict[str, list[tuple[int, int]]] = {}
    n = len(low)
    seen: set[str] = set()
    twice: list[str] = []
    for w in _heads_written(low, heads):  # the heads, in order
        if w in seen:
            twice.append(w)
        seen.add(w)
    for head in dict.fromkeys(twice):
        i = low.find(head)
        while i >= 0:
            j = i + len(head)
            if (i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "-")) and (
                    j == n or not (low[j].isalnum() or low[j] == "-")):
                ws: list[int] = []
                k = i
                while len(ws) < 2:
                    x = _word_before(low, max(0, k - 40), k)
                    if x < 0 or (x > 0 and low[x - 1] in "-"):
                        break
                    ws.insert(0, x)
                    k = x
                if ws and ws[0] > 0 and low[ws[0] - 1].isalnum():
                    ws = []  # "3d spatial reasoning": a word cut in two
                elif ws and low.startswith(("based ", "driven ", "guided "), ws[0]):
                    ws = []  # "imaging based disease recognition": the end of a modifier
                words = [low[x:low.index(" ", x)] for x in ws]
                while words and words[0] in skip:
                    words.pop(0)
                    ws.pop(0)
                if words and not any(w in skip for w in words) and not (
                        words[0].endswith("ing") and words[0] not in heads
                        and words[0] not in word_set("task_compound_openers")):
                    out.setdefault(low[ws[0]:j], []).append((ws[0], j))
            i = low.find(head, j)
    return out


def repeated_task_phrases(ctx: Context) -> None:
    """A phrase ending in a task head word written twice or more (title included, any case)
    is a task the paper is about ("... for change detection ... change detection methods")."""
    text = ctx.text
    heads = word_set("task_pattern_heads")
    skip = word_union("task_stop", "task_adjectives", "quantity_words")
    for phrase, spans in _head_phrases(ctx.low, heads, skip).items():
        if len(spans) < 2 or ctx.is_generic(phrase) or family_phrase(phrase):
            continue
        for a, b in spans:
            if ctx.in_url(a) or ctx.covered(a, b):
                continue
            c = Cand(a, b, text[a:b], text[a:b], "TASK", 0.55, "task_repeated")
            c.strong_type = True
            ctx.cands.append(c)


_ITEM_WORD = rf"(?!(?:and|or)\s){_LOWER_WORD}"  # "A, B and C": "and" joins two items
# an acronym inside an item ("IUPAC name prediction", "joint SNR/mobility recognition"); the
# item still ends in a lower-case task head; "3D"/"4D" stay out (the gold leaves a leading one
# out: "4D micro-expression recognition" / "micro-expression recognition")
_ITEM_ACRONYM = r"[A-Z][A-Z0-9]{1,5}(?:[\-/][A-Za-z0-9]++)*+"
_ITEM = rf"((?:(?:{_ITEM_WORD}|{_ITEM_ACRONYM})\s+){{0,3}}{_ITEM_WORD})"
_SEP_BEFORE = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
# an item before "tasks" opens with a lower-case word: an acronym there is more often the name
# the sentence is about ("PTCMIL unifies clustering and prediction tasks")
_ITEM_BEFORE = re.compile(rf"(?<![\w\-])(?![A-Z]){_ITEM}$")
_AFTER_TASKS = re.compile(
    r"tasks?(?:\s*,)?\s*(?:such\s+as|including|like|namely|e\.g\.,?|:|of|\()\s*(?:the\s+)?"
)
_ITEM_NEXT = re.compile(rf"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){_ITEM}(?=[\s,.;:)])")
_ITEM_FIRST = re.compile(rf"{_ITEM}(?=[\s,.;:)])")


def _list_item(ctx: Context, raw: str, a: int, heads, stop, skip,
               bounded: bool = True) -> tuple[int, str] | None:
    """(offset, phrase) of a task named as one item of a list of tasks: the words after the
    last stop word, leading adjectives dropped, ending in a task head word (one head word
    alone counts here: "on classification, detection and segmentation tasks")."""
    ws = raw.split()
    k = max((i for i, w in enumerate(ws) if w in stop), default=-1)
    if k < 0 and not bounded:
        return None  # "the method dominates planning and control": where X starts is unknown
    ws = ws[k + 1:]
    while ws and (ws[0] in skip or len(ws) > 1 and ws[0].endswith("ing") and ws[0] not in heads):
        ws = ws[1:]  # "three tasks", "supporting downstream recognition"
    if not ws or ws[-1] not in heads or (
            len(ws) == 1 and ws[0] not in word_set("task_strong_heads")):
        return None
    phrase = " ".join(ws)
    off = a + raw.rfind(phrase)
    if ctx.is_generic(phrase) or family_phrase(phrase) or ctx.in_url(off):
        return None
    return off, phrase


def _bounded_before(text: str, a: int) -> bool:
    """Whether the text before offset a ends a phrase (punctuation or a line start)."""
    k = a
    while k > 0 and text[k - 1] == " ":
        k -= 1
    return k == 0 or text[k - 1] in ",;:(\n\"“"


def _passing(ctx: Context, items, heads, stop, skip, after: bool) -> list[tuple[int, str]]:
    """The task items of one list; a single head word counts only beside another task item
    ("classification and retrieval", but not "language, and reasoning tasks")."""
    out = []
    for a, raw in items:
        bounded = after or a == 0 or _bounded_before(ctx.text, a) or (a, raw) != min(items)
        if (it := _list_item(ctx, raw, a, heads, stop, skip, bounded)) is not None:
            out.append(it)
    if len(out) < 2:
        out = [it for it in out if " " in it[1]]
    return out


def task_lists(ctx: Context) -> None:
    """Tasks listed with the word "tasks": "on classification, detection and segmentation
    tasks", "tasks such as cell clustering and cell type annotation", "the tasks of shape
    classification and shape segmentation"."""
    text = ctx.text
    heads, stop = word_set("task_pattern_heads"), word_set("task_stop")
    skip = word_union("task_adjectives", "quantity_words")
    found: list[tuple[int, str]] = []
    for pos in positions(text, ("task",)):
        if pos > 0 and text[pos - 1].isalnum():
            continue
        # the list before: at least two items joined by commas, "and" or "or"
        items = []
        window = text[max(0, pos - 60):pos]
        m = _ITEM_BEFORE.search(text, max(0, pos - 60), pos - 1) if pos > 0 and (
            "," in window or " and " in window or " or " in window) else None
        while m is not None and m.end() > m.start():
            items.append((m.start(1), m.group(1)))
            sep = _SEP_BEFORE.search(text, max(0, m.start() - 8), m.start())
            if sep is None:
                break
            m = _ITEM_BEFORE.search(text, max(0, sep.start() - 60), sep.start())
        if len(items) >= 2:
            found += _passing(ctx, items, heads, stop, skip, False)
        # the list after: "tasks such as A, B and C", "tasks: A, B, C", "the tasks of A and B"
        m = _AFTER_TASKS.match(text, pos)
        if m is None:
            continue
        im = _ITEM_FIRST.match(text, m.end())
        after = []
        while im is not None:
            after.append((im.start(1), im.group(1)))
            im = _ITEM_NEXT.match(text, im.end())
        found += _passing(ctx, after, heads, stop, skip, True)
    for a, phrase in found:
        c = Cand(a, a + len(phrase), phrase, phrase, "TASK", 0.55, "task_list")
        c.strong_type = True
        ctx.cands.append(c)


_LEAD_WORD = re.compile(r"[^\s,.;:()]+")
_TITLE_WORD = re.compile(r"[\w\-]+")
_LEAD_SKIP = ("In ", "The ")


def title_lead_task(ctx: Context) -> None:
    """The abstract opens with a phrase of the title ending in a task head word: "X-CAL:
    Explicit Calibration for Survival Analysis / Survival analysis models ...", "... for
    Continual Learning / In continual learning, ..." names the task the paper is about."""
    text, t_end = ctx.text, ctx.title_end
    if t_end >= len(text):
        return
    a0 = t_end + 1
    for lead in _LEAD_SKIP:
        if text.startswith(lead, a0):
            a0 += len(lead)
            break
    sp = text.find(" ", a0, a0 + 40)
    if sp < 0 or text[a0:sp].lower().strip(",.;:()") not in _TITLE_WORD.findall(
            text[:t_end].lower()):
        return  # the opening word is not in the title (most abstracts: "We", "Large", ...)
    ws = [(m.start(), m.group()) for m in _LEAD_WORD.finditer(text, a0, min(len(text), a0 + 90))]
    title = " " + " ".join(re.sub(r"[^\w\-]+", " ", text[:t_end].lower()).split()) + " "
    heads = word_set("task_pattern_heads") | word_set("task_lead_heads")
    strong = word_set("task_strong_heads")
    for n in range(min(6, len(ws)), 1, -1):
        if any(text[ws[i][0] + len(ws[i][1]):ws[i + 1][0]] != " " for i in range(n - 1)):
            continue  # the phrase must not run over punctuation
        phrase = " ".join(w for _, w in ws[:n])
        if " " + phrase.lower() + " " not in title:
            continue
        last = ws[n - 1][1].lower()
        if last not in heads:
            return
        titled = all(w[0].isupper() for _, w in ws[:n] if len(w) > 3)
        if titled and last not in strong:
            return  # "Generative Adversarial Imitation Learning ..." is named like a method
        if any(any(ch.isupper() for ch in w[1:]) or any(ch.isdigit() for ch in w)
               for _, w in ws[:n] if not re.fullmatch(r"[1-4]D|[A-Z]{2,4}", w)):
            return  # a coined name, not a task phrase
        if ctx.is_generic(phrase) or family_phrase(phrase):
            return
        a = ws[0][0]
        c = Cand(a, a + len(phrase), phrase, phrase, "TASK", 0.6, "title_lead_task")
        c.strong_type = True
        ctx.cands.append(c)
        return


# The subject patterns' words are possessive (as _LOWER_WORD): what follows each is a space, a
# comma or a bracket, never a letter, digit or hyphen, so no shorter word could match.
_SUBJECT = re.compile(
    r"([A-Z][a-z0-9]*+(?:-[A-Za-z0-9]++)*+(?:\s+[a-z][a-z0-9]*+(?:-[a-z0-9]++)*+){1,3}?)"
    r"(?:\s+\([A-Za-z0-9\-]{2,10}\))?(?:\s+(?:" + "|".join(words("task_subject_verbs")) +
    r")\b|\s*,)"
)


def subject_tasks(ctx: Context) -> None:
    """A sentence that opens with a lower-case phrase ending in a task head word and goes on
    to say what it is: "Quotation recommendation aims to ...", "Disease progression modeling
    is ...", "Machine unlearning, the removal of ...": the paper's task."""
    text = ctx.text
    heads = word_set("task_pattern_heads")
    adj, qty = word_set("task_adjectives"), word_set("quantity_words")
    stop = word_set("task_stop")
    for s0 in ctx.sents:
        if s0 <= ctx.title_end or not text[s0:s0 + 1].isupper():
            continue
        sp = text.find(" ", s0, s0 + 30)
        if sp < 0 or text[s0:sp].lower() in stop or not text[sp + 1:sp + 2].islower():
            continue  # "We ...", "In ...", "Large Language ...": no task phrase opens it
        m = _SUBJECT.match(text, s0)
        if m is None:
            continue
        ws = m.group(1).split()
        first = ws[0].lower()
        if ws[-1] not in heads or first in adj or first in qty or any(
                w.lower() in stop for w in ws) or (first.endswith("ing") and first not in heads):
            continue  # "To enhance X alignment", "We develop explicit calibration"
        phrase = m.group(1)
        if ctx.is_generic(phrase) or family_phrase(phrase) or ctx.in_url(s0):
            continue
        c = Cand(s0, s0 + len(phrase), phrase, phrase, "TASK", 0.6, "subject_task")
        c.strong_type = True
        ctx.cands.append(c)


# "Seismic inversion is a challenging inverse problem", "Online form filling (OFF) remains a
# hard task": the subject opens its sentence and the copula names it a task or problem
_COPULA_SUBJECT = re.compile(
    r"([A-Z][a-z][a-z\-]*+(?:\s+[a-z][a-z0-9\-]*+){1,3})(?:\s+\([A-Za-z0-9\-]{2,10}\))?,?\s+"
    r"(?:is|remains|has\s+become|has\s+been)\s+(?:a|an|the|one\s+of\s+the)\s+"
    r"(?:(?!(?:in|which|that|for|to|with|by|on|from|where|when|whose|used|using|and|or)\b)"
    r"[a-z][\w\-]*,?\s+){0,3}?(?:task|problem|challenge)s?\b"
)


def copula_subject_tasks(ctx: Context) -> None:
    """A lower-case phrase opening its sentence that the sentence calls a task, problem or
    challenge ("Seismic inversion is a challenging problem") is a task, whatever its last word;
    a gerund ("Generating such videos is a hard task") or an evaluative lead ("Efficient
    exploration remains a challenge") is no task name."""
    text = ctx.text
    if "task" not in text and "problem" not in text and "challenge" not in text:
        return
    adj, qty = word_set("task_adjectives"), word_set("quantity_words")
    stop = word_set("task_stop")
    spans = {(c.start, c.end) for c in ctx.cands}
    for s0 in ctx.sents:
        if s0 <= ctx.title_end or not text[s0:s0 + 1].isupper():
            continue
        m = _COPULA_SUBJECT.match(text, s0)
        if m is None:
            continue
        phrase = m.group(1)
        ws = phrase.lower().split()
        if ws[0] in adj or ws[0] in qty or ws[0].endswith("ing") or any(w in stop for w in ws):
            continue
        a, b = m.start(1), m.end(1)
        if (a, b) in spans or ctx.is_generic(phrase) or family_phrase(phrase) or ctx.in_url(a):
            continue
        c = Cand(a, b, phrase, phrase, "TASK", 0.6, "copula_task")
        c.strong_type = True
        ctx.cands.append(c)


_FALLBACK_FOR = re.compile(
    r"\s(?:for|towards?)\s+((?:[A-Za-z][\w\-]*\s+){0,3}[A-Za-z][\w\-]*)"
    r"(?=\s*(?::|\?|$|\s(?:via|with|using|by|through|from|under|in|on|for|of|and)\s))"
)


def fallback_title_task(ctx: Context) -> None:
    """When no rule found a task, or the abstract writes it twice, or it ends in an action or
    property noun ("for Hallucination Reduction"), the title's "for X" names it ("... Insights
    for Double Descent", "... for Scalable Oversight"): X without its leading
    adjectives, not a verb phrase, a coined name or a kind of system, model or data; the first
    "for X" of the title that passes."""
    found = any(c.type == "TASK" for c in ctx.cands)
    for fm in _FALLBACK_FOR.finditer(ctx.text, 0, ctx.title_end):
        c = _fallback_for(ctx, fm, found)
        if c is not None:
            ctx.cands.append(c)
            return


def _fallback_for(ctx: Context, fm: re.Match, found: bool) -> Cand | None:
    """The task candidate of one title "for X" match, or None."""
    adj, qty = word_set("task_adjectives"), word_set("quantity_words")
    stop = word_set("task_stop")
    ws = [(fm.start(1) + w.start(), w.group()) for w in re.finditer(r"\S+", fm.group(1))]
    while len(ws) > 2 and (ws[0][1].lower() in adj or ws[0][1].lower() in qty):
        ws = ws[1:]  # "for Scalable Oversight" keeps its adjective: one word is too little
    if not ws or len(ws) > 4 or any(w.lower() in stop for _, w in ws):
        return None
    first, last = ws[0][1].lower(), ws[-1][1].lower()
    if first.endswith(("ing", "ed", "ize", "ise")) or last in word_set("method_heads") or \
            last in word_set("task_not_last") or first in ("the", "a", "an"):
        return None  # "for Building X", "for LLM-based Agents", "for Neural PDE Solvers"
    if any(_inner_capital(w) and not re.fullmatch(r"[1-4]D|[A-Z]{2,4}s?", w)
           or any(ch.isdigit() for ch in w) for _, w in ws):
        return None  # a coined name
    a, b = ws[0][0], ws[-1][0] + len(ws[-1][1])
    phrase = ctx.text[a:b]
    if len(ws) == 1 and ctx.text.startswith(" and ", b):
        return None  # "for Noisy and Low-light Environments": one word of a coordinated modifier
    if found and (len(ws) < 2 or (ctx.text.lower().count(phrase.lower(), ctx.title_end) < 2
                                  and not _names_a_purpose(ctx.text, b, last))):
        return None  # another task was found: the title's "for X" only when the abstract
        # repeats it or X ends in an action or property noun ("for Hallucination Reduction")
    if ctx.is_generic(phrase) or family_phrase(phrase) or ctx.covered(a, b) or (
            len(ws) == 1 and last in _TOO_GENERAL_ALONE):
        return None
    c = Cand(a, b, phrase, phrase, "TASK", 0.55, "fallback_title_task")
    c.strong_type = True
    return c


# the abstract's opening subject and what the sentence says of it ("Story visualization has
# gained ...", "Neuron-level structured pruning is ...", "Robotic catching has ...")
_OPENING_SUBJECT = re.compile(
    r"([A-Z][a-z][a-z0-9\-]*+(?:\s+[a-z][a-z0-9\-]*+){0,3})(?:\s+\([A-Za-z0-9\-]{2,10}\))?,?\s+(?:"
    + "|".join(words("task_subject_verbs")) + r")\b"
)


def opening_subject_task(ctx: Context) -> None:
    """The subject opening the abstract's first sentence, a phrase ending in an action or
    property noun ("Short-form text rewriting is ...", "Robotic catching has ...") or a task
    head, names the paper's problem: taken only when the title writes it ("Temporal quality
    is ...", "Targeted advertising is ...": background the title does not name); an evaluative
    lead or a verb form is no task name."""
    text, t_end = ctx.text, ctx.title_end
    m = _OPENING_SUBJECT.match(text, t_end + 1)
    if m is None:
        return
    phrase = m.group(1)
    ws = phrase.lower().split()
    first, last = ws[0], ws[-1]
    stop, adj, qty = word_set("task_stop"), word_set("task_adjectives"), word_set("quantity_words")
    if first in stop or first in adj or first in qty or any(w in stop for w in ws[1:]):
        return
    if not (last in word_set("task_pattern_heads") or (
            last.endswith(tuple(words("task_noun_endings"))) and last not in word_set(
                "task_not_last"))) or last in word_set("method_heads"):
        return  # "Trainable sparse attention has ...": a technique
    a, b = m.start(1), m.end(1)
    if phrase.lower() not in text[:t_end].lower():
        return  # the title does not write it: the field's background, not the paper's task
    if len(ws) < 2:
        return  # "Privacy is ...", "Fine-tuning is ...": one word is too general
    if any(c.start == a and c.end == b for c in ctx.cands) or ctx.is_generic(phrase) or \
            family_phrase(phrase) or ctx.in_url(a):
        return
    c = Cand(a, b, phrase, phrase, "TASK", 0.55, "opening_subject_task")
    c.strong_type = True
    ctx.cands.append(c)


def _names_a_purpose(text: str, b: int, last: str) -> bool:
    """Whether a title "for X" ending at b names a purpose: its last word an action or property
    noun ("Reduction", "Robustness", "Transcriptomics"), not the process of an object ("for Fast
    Inversion of Y")."""
    return last.endswith(tuple(words("task_noun_endings"))) and not text.startswith(
        (" of ", " and ", " in "), b)


_WORD_END = re.compile(r"([A-Za-z]+)\s+$")


def means_only_tasks(ctx: Context) -> None:
    """A known task (gazetteer) written only after "with", "via", "under", "through", ...
    (words/task_means_before.txt) and never in the title is the means or the condition of the
    work ("trained with in-context learning", "robust under distribution shift"): no task here.
    The phrases of the other task rules are left to the learned component, which often finds
    a method in them."""
    text, t_end = ctx.text, ctx.title_end
    means = word_set("task_means_before")
    tasks = {c.name.lower() for c in ctx.cands if c.type == "TASK" and c.rule == "gazetteer"}
    tasks -= {long.lower() for long in ctx.defined.values()}  # "through text-to-speech (TTS)"
    if not tasks:
        return
    groups: dict[str, list] = {}
    for c in ctx.cands:
        if c.name.lower() in tasks:
            groups.setdefault(c.name.lower(), []).append(c)
    drop = set()
    for group in groups.values():
        if all(c.type in ("TASK", "") and c.start > t_end and (
                m := _WORD_END.search(text, max(0, c.start - 20), c.start))
               and m.group(1).lower() in means for c in group):
            drop.update(id(c) for c in group)
    if drop:
        ctx.cands = [c for c in ctx.cands if id(c) not in drop]


_LEARNING_END = re.compile(r"[Ll]earning$")
_MEANS_TAIL = re.compile(r"([a-z]+(?:\s+[a-z]+)?)\s+(?:(?:a|an|the)\s+)?$")
# what may follow the phrase: a mark, a bracket or a function word, not a noun it qualifies
# ("with in-context learning demonstrations": the demonstrations are the means)
_MEANS_NEXT = re.compile(r"\s*(?:[^\w\s]|$|(?:to|with|within|in|on|for|and|or|from|as|at|"
                         r"under|over|which|that|often|is|are|has|have|can|alone|only)\b)")


def means_learning(ctx: Context) -> None:
    """An "X learning" phrase typed a task that the abstract writes at least once right after a
    word of the means (words/learning_means_before.txt: "via domain adversarial learning",
    "integrates transfer learning", "relies on imitation learning") is a technique the work
    uses: a METHOD, whatever the title or its other mentions say."""
    t_end = ctx.title_end
    names = {c.name.lower() for c in ctx.cands if c.type in ("TASK", "")
             and _LEARNING_END.search(c.name) and " " in c.name}
    if not names:
        return
    means = word_set("learning_means_before")
    low = ctx.low
    methods = set()
    for name in names:
        i = low.find(name, t_end)
        while i >= 0:
            m = _MEANS_TAIL.search(low, max(0, i - 30), i)
            if m and (m.group(1) in means or m.group(1).split()[-1] in means) and (
                    i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "-")) and \
                    _MEANS_NEXT.match(low, i + len(name)):
                methods.add(name)
                break
            i = low.find(name, i + len(name))
    for c in ctx.cands:
        if c.name.lower() in methods and c.type in ("TASK", ""):
            c.type = c.stated = "METHOD"


# "Counterfactual learning to rank (CLTR) aims to learn ...", "Urban general intelligence (UGI)
# refers to the capacity of ...": a phrase of two or more words opening its sentence, said to
# aim or refer to something, is the field or problem the abstract sets out, whatever its last word
_AIMS_SUBJECT = re.compile(
    r"([A-Z][\w\-]*+(?:\s+[A-Za-z][\w\-]*+){1,5}?)(?:\s+\(([A-Za-z][\w\-]{1,9})\))?\s+"
    r"(?:aims?|refers?|seeks?)\s+to\b")
_AIMS_TO = re.compile(r"\b(?:aims?|refers?|seeks?) to\b")


def _aims_to(text: str, pos: int) -> re.Match | None:
    """_AIMS_TO.search(text, pos), begun at the first "aim", "refer" or "seek" (every match opens
    with one; the regex's leading \\b makes it try every offset)."""
    i = min((j for j in (text.find("aim", pos), text.find("refer", pos), text.find("seek", pos))
             if j >= 0), default=-1)
    return None if i < 0 else _AIMS_TO.search(text, i)


def _state_tasks(ctx: Context, names: set[str], types: tuple[str, ...]) -> None:
    """State a TASK every candidate named (lower case) in names, of one of types, that no
    gazetteer found and no rule has stated yet."""
    if not names:
        return
    for c in ctx.cands:
        if c.name.lower() in names and c.type in types and "gazetteer" not in c.rule \
                and not c.stated:
            c.type = c.stated = "TASK"


def aims_subject(ctx: Context) -> None:
    """A name opening its sentence, with or without its short form, that the sentence says aims,
    refers or seeks to something ("Individualized treatment rules (ITRs) aim to optimize ...") is
    a TASK: the rules' METHOD for a name no gazetteer holds, a spelled-out acronym above all,
    gives way (its short form too); one coined word ("LayerCD aims to") stays a method."""
    text = ctx.text
    if _aims_to(text, ctx.title_end) is None:
        return
    found: set[str] = set()
    for s0 in ctx.sents:
        if s0 <= ctx.title_end:
            continue
        m = _AIMS_SUBJECT.match(text, s0)
        if m is None:
            continue
        found.add(m.group(1).lower())
        if m.group(2):
            found.add(m.group(2).lower())
    _state_tasks(ctx, found, ("", "METHOD"))


# "we introduce the problem of Incomplete Multimodal Sentiment Analysis ... (IMSAUMC)", "we
# formalize this audit task as Refinement Provenance Inference (RPI)", "the novel problem
# setting of active test-time adaptation (ATTA)", "We introduce a new task, Visual Action
# Reasoning, and ...": a name the sentence says a task or problem is of or is cast as, ending
# there (not "the problem of CNOT gates", "the inverse problem of the SIR model")
_OPEN_QUOTES = "`'\"\u201c\u2018"
_CLOSE_QUOTES = "'\"\u201d\u2019"
_CALLED_TASK_BEFORE = re.compile(
    r"(?:\b(?:task|problem)s?\s+(?:of|as)|\bproblem\s+setting\s+of|\bnew\s+task,)\s+"
    r"(?:the\s+)?$")
_CALLED_TASK_AFTER = re.compile(
    r"[}$" + _CLOSE_QUOTES + r"]*\s*(?:\(([A-Za-z][\w\-]{1,14})\))?\s*"
    r"(?:[,.;:)]|$|\s+(?:and|or|that|which|where|in|within|with|for|to|is|are|by|under|from|on|as|"
    r"using|via)\b)")

# "a critical failure mode we term sink-collapse:", "a challenge we define as X.", "an associated
# limitation termed ``spectral mismatch''", "We term this failure mode Tool-Induced Myopia (TIM)":
# a phenomenon, a failure or a difficulty (words/phenomenon_heads.txt) the paper gives a name
_NAMED_PHENOMENON_BEFORE = re.compile(
    r"\b(?P<h>(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*)\s+(?:(?:that\s+|which\s+)?we\s+)?"
    r"(?:(?:term|call|dub|name)(?:ed)?|define[sd]?\s+as|refer(?:red)?\s+to\s+as|known\s+as)\s+"
    r"(?:the\s+)?[" + _OPEN_QUOTES + r"]*$"
    r"|\b[Ww]e\s+(?:term|call|dub|name)\s+(?:this|these|it|such)\s+"
    r"(?P<h2>(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*)\s+(?:as\s+)?[" + _OPEN_QUOTES + r"]*$")


def _called_task_before(text: str, start: int) -> re.Match | None:
    """_CALLED_TASK_BEFORE over the 30 characters before start, searched only when they hold
    "task" or "problem" (every match does)."""
    a = max(0, start - 30)
    w = text[a:start]
    if "task" not in w and "problem" not in w:
        return None
    return _CALLED_TASK_BEFORE.search(text, a, start)


def _named_phenomenon(text: str, start: int) -> bool:
    """Whether the words before start give a name to a phenomenon or a difficulty."""
    a = max(0, start - 60)
    w = text[a:start]
    if not ("term" in w or "call" in w or "name" in w or "dub" in w or "define" in w
            or "refer" in w or "known" in w):
        return False  # every match holds one of its verbs
    m = _NAMED_PHENOMENON_BEFORE.search(text, a, start)
    if m is None:
        return False
    heads = word_set("phenomenon_heads")
    h = (m.group("h") or m.group("h2")).lower()
    return h in heads or h.split()[-1] in heads


def named_as_task(ctx: Context) -> None:
    """A name that the sentence calls a task or problem ("the problem of X", "this audit task as
    X", "a new task, X"), ending there, is stated a TASK over the rules' METHOD (a name no
    gazetteer holds; its short form in a bracket right after it too)."""
    text = ctx.text
    if "task" not in text and "problem" not in text and " term" not in text and \
            " as " not in text and "we call" not in text.lower():
        return
    found: set[str] = set()
    for c in ctx.cands:
        if c.type not in ("", "METHOD", "TASK") or "gazetteer" in c.rule or c.stated or \
                c.start <= ctx.title_end or not (
                    _called_task_before(text, c.start)
                    or _named_phenomenon(text, c.start)):
            continue
        m = _CALLED_TASK_AFTER.match(text, c.end)
        if m is None:
            continue
        found.add(c.name.lower())
        if m.group(1):
            found.add(m.group(1).lower())
    _state_tasks(ctx, found, ("", "METHOD", "TASK"))


# "supervised learning", "self-supervised learning": how a model learns, not a task
_PARADIGM = re.compile(r"(?:(?:weakly|self)[\s\-])?(?:un)?supervised\s+learning", re.IGNORECASE)
_PATTERN_RULES = frozenset({"task_pattern", "task_for", "task_repeated", "task_list",
                            "subject_task", "copula_task", "fallback_title_task"})


def paradigm_tasks(ctx: Context) -> None:
    """A supervision paradigm that a task pattern found ("for unsupervised learning", "in
    self-supervised learning") is how a model learns, no task: the pattern's candidate is
    dropped (a name the other rules found is left to them)."""
    if "upervised" not in ctx.text:
        return
    ctx.cands = [c for c in ctx.cands if not (
        c.type == "TASK" and c.rule in _PATTERN_RULES and _PARADIGM.fullmatch(c.name))]


# "the cold start problem", "the densest subgraph problem", "the exploration problem": "the", then
# the lower-case words before "problem(s)"
_THE = re.compile(r"(?<![\w\-])[Tt]he\s+")
_PROBLEM_WORDS = re.compile(rf"(?:{_LOWER_WORD}\s+){{1,4}}")
_PROBLEM_END = re.compile(r"problems?(?![\w\-])")


def named_problems(ctx: Context) -> None:
    """"the X problem": a problem the text names by its own words is a task ("we study the cold
    start problem", "the traffic assignment problem is essential"), named X (problem_forms adds
    "X problem" as its other form); leading adjectives, quantity and role words are dropped
    ("the original problem", "the underlying optimization problem"), a function word rules the
    phrase out, and so do a generic kind of problem ("optimization problem", "learning
    problem"), a last word shaped as an adjective ("the nonconvex problem"), one word the title
    does not write ("the safety problem", "the inverse problem") and a span another candidate
    holds."""
    text = ctx.text
    if "problem" not in text:
        return
    stop = word_set("task_stop")
    drop = word_union("task_adjectives", "quantity_words", "problem_not_names")
    adj_ends, heads = tuple(words("adjective_endings")), word_set("task_pattern_heads")
    for pos in positions(text, ("problem",)):
        end = _PROBLEM_END.match(text, pos)
        if end is None or pos < 6 or not text[pos - 1].isspace():
            continue
        lo = max(0, pos - 80)
        the = None
        for m in _THE.finditer(text, lo, pos):
            the = m  # the last "the" before the key word
        if the is None or not _PROBLEM_WORDS.fullmatch(text, the.end(), pos):
            continue
        ws = [(w.start(), w.group()) for w in _NON_SPACE.finditer(text, the.end(), pos)]
        if any(w in stop for _, w in ws):
            continue  # "the nonconvexity of the problem", "the policy decomposes a problem"
        while ws and ws[0][1] in drop:
            ws = ws[1:]
        if not ws or ws[-1][1] in drop or len(ws) > 3 or (
                ws[-1][1].endswith(adj_ends) and ws[-1][1] not in heads):
            continue  # "the nonconvex problem", "the global problem": a kind of problem
        a, b = ws[0][0], ws[-1][0] + len(ws[-1][1])
        phrase = text[a:b]
        if ctx.is_generic(phrase) or any(c.start < end.end() and a < c.end for c in ctx.cands):
            continue
        if len(ws) == 1 and not re.search(
                r"(?<![\w\-])" + re.escape(phrase.lower()) + r"(?![\w\-])",
                text[:ctx.title_end].lower()):
            continue  # one word the title does not write: a side problem ("the safety problem")
        c = Cand(a, b, phrase, phrase, "TASK", 0.55, "named_problem")
        c.strong_type = True
        ctx.cands.append(c)

_PROBLEM_AFTER = re.compile(r" problems?(?![\w\-])")


def problem_forms(ctx: Context) -> None:
    """"bit allocation ... the bit allocation problem": the task written with "problem" after
    it is another surface form of the same task (an alias, no new entity)."""
    text = ctx.text
    if "problem" not in text:
        return
    low = ctx.low
    done: dict[str, list[str]] = {}
    for c in ctx.cands:
        if c.type != "TASK" or not c.name:
            continue
        key = c.name.lower()
        if key not in done:
            found: list[str] = []
            i = low.find(key)
            while i >= 0:
                j = i + len(key)
                m = _PROBLEM_AFTER.match(low, j)
                if m and (i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "-")):
                    form = text[i:m.end()]
                    if form not in found:
                        found.append(form)
                i = low.find(key, j)
            done[key] = found
        for form in done[key]:
            if form not in c.extra:
                c.extra.append(form)


def title_means_tasks(ctx: Context) -> None:
    """A title piece right before "for" is the means when the title names a task after it
    ("Deep Isometric Learning for Visual Recognition", "Dynamic Prototype Learning for
    Ejection Fraction Estimation"): the piece is a method, the task is the one after "for"."""
    text, t_end = ctx.text, ctx.title_end
    titled = [c for c in ctx.cands if c.type == "TASK" and c.end <= t_end]
    for c in titled:
        if c.rule == "title_task" and text.startswith(" for ", c.end) and any(
                o.start > c.end for o in titled):
            c.type = "METHOD"


def _plural(word: str) -> bool:
    """Whether a noun ending in an action or property suffix is written in the plural
    ("observations", "experiments"; not "analysis", "dynamics", "robustness")."""
    return word.endswith("s") and not word.endswith(("ss", "sis", "ics", "us"))


def _written_at(text: str, phrase: str, start: int) -> int:
    """Where text, from start on, writes phrase as it is (a whole phrase, not part of a longer
    word), or -1."""
    i = text.find(phrase, start)
    while i >= 0:
        j = i + len(phrase)
        if not (text[i - 1].isalnum() or text[i - 1] in "-_") and (
                j == len(text) or not (text[j].isalnum() or text[j] in "-_")):
            return i
        i = text.find(phrase, j)
    return -1


def title_piece_task(ctx: Context) -> None:
    """When no rule found a task, a title piece of two to four words ending in an action or
    property noun that the abstract writes again in lower case names the paper's task ("Neural
    Decoding of ..." and "... for low-power neural decoding"): the longest end of the piece so
    written, in the first piece that has one; not after the means ("via X", "with X"), not
    before "of", not a plural, "... learning", a method head or a generic term, not a span
    another rule read."""
    if any(c.type == "TASK" for c in ctx.cands):
        return
    text, t_end = ctx.text, ctx.title_end
    endings = tuple(words("task_noun_endings"))
    not_last = word_union("method_heads", "task_not_last")
    for ws, prev, nxt in _title_segments(text[:t_end]):
        last = ws[-1][1].lower()
        if prev in _MEANS_BEFORE or nxt == "of" or not last.endswith(endings) or (
                last in not_last or last == "learning" or _plural(last)):
            continue  # the means ("via X"), a process applied to what follows ("X of Y"),
            # things ("... Meeting Transcriptions", "... Video Representations")
        for i in range(max(0, len(ws) - 4), len(ws) - 1):
            a, b = ws[i][0], ws[-1][0] + len(ws[-1][1])
            phrase = text[a:b]
            at = _written_at(text, phrase.lower(), t_end)
            if at < 0:
                continue
            spans = ((a, b), (at, at + b - a))
            if ctx.is_generic(phrase) or family_phrase(phrase) or any(
                    c.start < y and x < c.end for c in ctx.cands for x, y in spans):
                break
            c = Cand(a, b, phrase, phrase, "TASK", 0.5, "title_piece_task")
            c.strong_type = True
            ctx.cands.append(c)
            return


_TASK_AFTER = re.compile(r"(?:\s+\([A-Za-z0-9\-]{2,10}\))?\s+tasks?\b")
_TASK_OF_BEFORE = re.compile(r"\b(?:the\s+)?tasks?\s+of\s+(?:the\s+)?$")
_INNER_CAPS = re.compile(r"\w[A-Z]")


def named_tasks(ctx: Context) -> None:
    """A name of several words written before "task(s)" or after "the task of" that nothing
    else typed is a task ("the Traffic Signal Control (TSC) task", "the task of Multilingual
    Multimodal Entity Linking"); a coined word ("TextTopoOOD") or an acronym alone is not."""
    text = ctx.text
    if "task" not in text:
        return
    for c in ctx.cands:
        if c.strong_type or c.gaz_canon or c.type not in ("", "METHOD"):
            continue
        ws = c.name.split()
        if len(ws) < 2 or _INNER_CAPS.search(c.name) or any(ch.isdigit() for ch in c.name):
            continue
        if _TASK_AFTER.match(text, c.end) or _TASK_OF_BEFORE.search(
                text, max(0, c.start - 20), c.start):
            c.type = "TASK"
            c.strong_type = True
            c.conf = max(c.conf, 0.6)


STAGES = [(50, task_patterns), (50.5, task_lists), (51, title_task_phrases), (52, for_task_phrases),
          (53, repeated_task_phrases), (53.5, title_lead_task),
          (53.6, subject_tasks), (53.7, copula_subject_tasks), (53.8, named_problems),
          (87, named_tasks), (95, title_task),
          (95.5, title_means_tasks), (96, fallback_title_task), (96.2, opening_subject_task),
          (96.4, means_learning), (96.45, aims_subject), (96.46, named_as_task),
          (96.5, means_only_tasks),
          (96.6, paradigm_tasks), (98, problem_forms), (98.5, title_piece_task)]
