"""Family: acronyms defined in the text, "Long Form (LF)" and "LF (Long Form)"."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import canonical_key, fold, is_acronym
from paperkg.extractors.rules.base import (
    Cand,
    Context,
    family_phrase,
    word_kind,
    word_set,
    words,
)
from paperkg.extractors.rules.latex import raised_name, raised_spelled

_PAREN = re.compile(r"\(([^()\n]{1,80})\)")
_ACRONYM_CHARS = re.compile(r"[A-Za-z0-9][\w\-+.&]*$")
#: Dashes that separate words rather than join them ("complexity---Lie point", "X — Y").
_DASHES = re.compile(r"-{2,}|[–—]")
_WORD_GAP = re.compile(r"[\s\-]+")


# a dash that joins two capitalised words of one name ("Euler--Maruyama", "Magnus–Milstein",
# "TF--IDF"): two hyphens or an en dash between a capitalised word and a capital
_JOINING_DASH = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]*(?:--|\u2013)(?=[A-Z])")


def joined_long_form(text: str, s0: int, before: str, lf_words: list[str]) -> tuple[str, int]:
    """The long form lf_words as the text writes it when dashes stand between its words
    ("Source--Message--Channel--Receiver (SMCR)": `before` holds those dashes as spaces), and
    its offset in `before`; ("", -1) unless every such dash joins two capitalised words."""
    pat = re.compile(r"(?<!\S)" + r"\s+".join(re.escape(w) for w in lf_words))
    found = max(pat.finditer(before), key=lambda m: m.start(), default=None)
    if found is None:
        return "", -1
    written = text[s0 + found.start():s0 + found.end()]
    gaps = len(_DASHES.findall(written))
    if not gaps or len(_JOINING_DASH.findall(written)) != gaps:
        return "", -1
    return written, found.start()


def by_initials(acr: str, ws: list[str]) -> str | None:
    """The words before an acronym whose initials spell it ("Proximal Policy Optimization")."""
    letters = [c.lower() for c in acr if c.isalpha()]
    if len(letters) < 2 or len(letters) != sum(1 for c in acr if c.isalnum()):
        return None
    connect = word_set("connectives")
    picked: list[str] = []
    i = len(ws) - 1
    li = len(letters) - 1
    while i >= 0 and li >= 0:
        w = ws[i].strip("\"'“”,;:")
        parts = [p for p in w.split("-") if p]
        if not parts:
            return None
        if w.lower() in connect and picked:
            picked.append(w)
            i -= 1
            continue
        initials = [p[0].lower() for p in parts]
        if len(initials) > 1 and li + 1 >= len(initials) and \
                letters[li - len(initials) + 1:li + 1] == initials:
            li -= len(initials)
        elif initials[0] == letters[li]:
            li -= 1
        else:
            return None
        picked.append(w)
        i -= 1
    if li >= 0 or not picked or picked[-1].lower() in connect:
        return None
    return " ".join(reversed(picked))


def schwartz_hearst(short: str, long: str) -> str | None:
    """The shortest tail of long whose letters spell the acronym short (Schwartz & Hearst)."""
    s = len(short) - 1
    li = len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while li >= 0 and (long[li].lower() != c or (
            s == 0 and li > 0 and long[li - 1].isalnum() and not long[li].isupper()
        )):
            li -= 1
        if li < 0:
            return None
        li -= 1
        s -= 1
    start = long.rfind(" ", 0, li + 1) + 1
    return long[start:]


def named_lower(phrase: str, gaz) -> bool:
    """Whether a lower-case long form names a method or task (known, or by its head word)."""
    if gaz is not None and canonical_key(phrase) in gaz.canonical:
        return True
    last = phrase.split()[-1].split("-")[-1]
    heads = word_set("method_heads") | word_set("intro_object_heads") | word_set("part_heads")
    if last in heads or last.rstrip("s") in heads:
        return True
    return any(phrase.endswith(h) for h in words("task_heads"))


# this paper's own words in the sentence before a long form: "we propose ...", "our ...",
# "a novel ...", "this paper presents ..."
_OURS_BEFORE = re.compile(
    r"\b(?:[Oo]ur|novel|(?:propos|introduc|present|develop|design|devis)\w*)\b"
)


# a singular technique head right after the acronym: "a dynamic domain generator (DDG)
# module", "the selection via proxy (SVP) approach"; plurals name families ("reinforcement
# learning (RL) algorithms", "machine learning (ML) models")
_HEAD_AFTER = re.compile(r"[\s-]*(?:approach|framework|module|model|algorithm|architecture|"
                         r"mechanism|paradigm|scheme|strategy|optimization)\b")


def ours_lower(text: str, s0: int, lf_start: int, lf: str) -> bool:
    """Whether a lower-case long form of three to eight words names this paper's own
    technique: its sentence says so before it ("we propose a dual coalescent projection (DCP)",
    "our merge order selection (MOS)"); "whole slide images (WSIs)" in a sentence about data
    is no name."""
    ws = lf.split()
    return 3 <= len(ws) <= 8 and _OURS_BEFORE.search(text, s0, lf_start) is not None


def _coined_short(inner: str) -> bool:
    """A coined short form with at least two capitals that is no plain acronym (Geo-NeW)."""
    return sum(1 for ch in inner if ch.isupper()) >= 2 and word_kind(inner) == "coined"


def caps_follow_initials(short: str, long: str) -> bool:
    """Whether the capitals of short are, in order, initials of words of long."""
    initials = [p[0].lower() for w in long.split() for p in w.split("-") if p]
    k = 0
    for ch in short:
        if not ch.isupper():
            continue
        while k < len(initials) and initials[k] != ch.lower():
            k += 1
        if k == len(initials):
            return False
        k += 1
    return True


def _mixed_short_of(short: str, long: str) -> bool:
    """Whether a short name in mixed case ("FiRe", "SenCache") is made of the words of a long
    form though its small letters are not all in it: its first letter begins the long form and
    its capitals are, in order, initials of the long form's words."""
    return any(ch.islower() for ch in short) and len(long.split()) >= 2 and \
        short[:1].lower() == long[:1].lower() and caps_follow_initials(short, long)


# a bracket that lists names with versions or sizes ("LLMs (Llama 3.1 8B, Qwen 2.5 7B)"): the
# examples of a kind, not its long form
_LIST_OF_NAMES = re.compile(r"\d[^,]*,\s|,\s[^,]*\d")


def defined_acronyms(ctx: Context) -> None:
    """Long form and acronym candidates for every acronym defined in brackets."""
    text, generic = ctx.text, ctx.generic
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        a = m.start()
        if ctx.in_url(a):
            continue
        s0, _ = ctx.sentence(a)
        acr = inner
        if "$" in inner and raised_name(inner):
            inner = raised_spelled(inner)  # "(S$^2$RD)": the letters "SSRD" meet the long form
        plain = is_acronym(inner.rstrip("s"))
        if " " not in inner and 2 <= len(inner) <= 12 and _ACRONYM_CHARS.match(inner) and (
                plain or _coined_short(inner)):
            # a dash run becomes as many spaces, so offsets in `before` stay the text's
            before = _DASHES.sub(lambda d: " " * len(d.group()), text[s0:a]).rstrip()
            ws = before.split()
            n = min(len(inner) + 5, 2 * len(inner))
            window = " ".join(ws[-n:])
            core = inner.rstrip("s") if inner.endswith("s") else inner
            if plain:
                lf = by_initials(core, ws) or schwartz_hearst(core, window)
            else:  # "General-Geometry Neural Whitney Forms (Geo-NeW)": letters from inside words
                lf = schwartz_hearst(core, window)
                if lf is not None and (len(lf.split()) < 2 or not caps_follow_initials(core, lf)):
                    lf = None
            if lf is None or len(lf) <= len(inner) or lf.startswith(("(", "[")):
                continue
            lf = lf.strip(" ,;:\"'“”")
            lf_words = lf.split()
            while lf_words and lf_words[0].lower() in ("the", "a", "an", "our", "and", "of"):
                lf_words.pop(0)
            if not lf_words:
                continue
            lf = " ".join(lf_words)
            lf_start = before.rfind(lf)
            if lf_start < 0 or text[s0 + lf_start:s0 + lf_start + len(lf)] != lf:
                # a dash stands between its words ("Euler--Maruyama (EM)")
                joined, j_start = joined_long_form(text, s0, before, lf_words)
                if j_start >= 0:
                    lf, lf_start = joined, j_start
                elif lf_start < 0:
                    continue
            lf_start += s0
            if fold(lf) in generic or fold(acr) in generic or fold(acr.rstrip("s")) in generic or \
                    family_phrase(lf) or (lf == lf.lower() and not named_lower(lf, ctx.gaz)
                                          and not ours_lower(text, s0, lf_start, lf)
                                          and not _HEAD_AFTER.match(text, m.end())):
                ctx.generic_acr.add(acr)
                ctx.generic_acr.add(acr.rstrip("s"))
                if lf != lf.lower():  # "Magnetic Resonance Imaging (MRI)": never a name
                    ctx.scratch.setdefault("generic_long_forms", set()).add(fold(lf))
                continue
            ctx.defined[acr] = lf
            c = Cand(lf_start, lf_start + len(lf), lf, lf, "", 0.8, "acronym_definition")
            c.alias = acr
            c.long_form = True
            ctx.cands.append(c)
            a0 = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
            ctx.cands.append(Cand(a0, a0 + len(acr), acr, acr, "", 0.8, "acronym_definition"))
        elif " " in inner and 0 < a and not inner[0].islower() and not _LIST_OF_NAMES.search(
                inner):
            # "ACR (Long Form)": the word before the bracket is the acronym.
            pm = re.search(r"([A-Za-z][\w\-]{1,11})\s*$", text[s0:a])
            if pm and is_acronym(pm.group(1)):
                acr = pm.group(1)
                lf = schwartz_hearst(acr, inner)
                if lf != inner.strip() and _mixed_short_of(acr, inner.strip()):
                    lf = inner.strip()  # "FiRe (Frequency Reparameterization)"
                if lf and lf == inner.strip() and fold(lf) not in generic:
                    ctx.defined[acr] = lf
                    ls = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
                    c = Cand(ls, ls + len(inner), inner, inner, "", 0.8, "acronym_definition")
                    c.alias = acr
                    c.long_form = True
                    ctx.cands.append(c)


def _same_words(a: str, b: str) -> bool:
    """Whether two long forms may name one thing: they share a word of four letters or more
    (by its first four: "supervised finetuning" and "supervised fine-tuning", "multiagent" and
    "multi-agent reinforcement learning"; "sharpness-aware minimization" and "segment anything
    model" share none)."""
    wb = {w[:4] for w in _WORD_GAP.split(b) if len(w) >= 4}
    return any(w[:4] in wb for w in _WORD_GAP.split(a) if len(w) >= 4)


def redefined_known(ctx: Context) -> None:
    """A known acronym that this paper defines as something else is this paper's name: the
    gazetteer's "SAM | Segment Anything Model" says nothing of "Sharpness-Aware Minimization
    (SAM)", so the acronym loses the known name's type and joins its long form here. Only when
    the gazetteer knows another long form for it: a known acronym without one ("CLIP") keeps
    its type, whatever the text spells out."""
    gaz = ctx.gaz
    if gaz is None or not ctx.defined:
        return
    for c in ctx.cands:
        if c.rule != "gazetteer" or c.surface not in ctx.defined or not c.gaz_canon:
            continue
        short = c.surface.lower()
        spelled = [k for k in gaz.long_forms.get(c.gaz_canon, ())
                   if short not in _WORD_GAP.split(k)]  # "MS COCO" spells nothing of COCO
        lf = ctx.defined[c.surface].lower()
        if not spelled or len(lf.split()) < 2 or ". " in lf or \
                any(_same_words(lf, k) for k in spelled):
            continue  # no known long form to contradict, or the text spells it
        c.type, c.strong_type, c.gaz_canon = "", False, None
        c.rule = "coined_name"
        ctx.scratch.setdefault("redefined", set()).add(c.surface)  # its shape types nothing


STAGES = [(20, defined_acronyms), (20.2, redefined_known)]
