"""Family: an acronym written apart from its long form ("we propose Spectrum Shift Correction
(dubbed SSC)", a title "Contrastive Mixed Prompt Learning for ..." and "CMPL" in the abstract,
"a global Encoder Attention module ... the EA module"): when the capitals of the acronym are the
initials of exactly one multi-word name found in the same paper, the two are one entity."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import is_acronym, strip_latex
from paperkg.extractors.rules.acronyms import caps_follow_initials
from paperkg.extractors.rules.base import Context

_SMALL = frozenset({"of", "for", "and", "the", "in", "on", "with", "to", "a", "an", "via", "by"})
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9']*")


def initials(name: str) -> set[str]:
    """The ways a name's words spell an acronym: first letters of its words, with and without
    the parts after hyphens, with and without small words ("of", "for")."""
    out = set()
    words = name.split()
    for split_hyphens in (False, True):
        parts = [p for w in words for p in (w.split("-") if split_hyphens else [w])]
        parts = [m.group() for p in parts if (m := _WORD.search(p))]
        for skip_small in (False, True):
            kept = [p for p in parts if not (skip_small and p.lower() in _SMALL)]
            if len(kept) >= 2:
                out.add("".join(p[0] for p in kept).upper())
    return out


def _long(name: str) -> bool:
    """A candidate long form: two to eight words, each significant word capitalised."""
    words = name.split()
    return 2 <= len(words) <= 8 and all(
        w[:1].isupper() or w.lower() in _SMALL for w in words)


def spelled_apart(ctx: Context) -> None:
    """Record an undefined acronym whose letters are one name's initials as defined by it."""
    shorts: set[str] = set()
    others: list[str] = []
    for c in ctx.cands:
        if c.org or c.gaz_canon or c.type in ("TASK", "METRIC"):
            continue
        name = strip_latex(c.name).strip()
        if is_acronym(name) and name.isalpha() and name.isupper() and 2 <= len(name) <= 6:
            shorts.add(name)
        elif not c.alias:
            others.append(name)
    # the acronyms left undefined (each one's test reads no other's entry), and only then the
    # initials of the long forms: most papers leave none
    todo = [short for short in sorted(shorts) if not (
        short in ctx.defined or short in ctx.generic_acr or short.lower() in ctx.generic)]
    if not todo:
        return
    longs: dict[str, set[str]] = {}
    for name in others:
        if _long(name):
            for spelled in initials(name):
                longs.setdefault(spelled, set()).add(name)
    taken = set(ctx.defined.values())
    for short in todo:
        forms = longs.get(short, set()) - taken
        if len({f.casefold() for f in forms}) == 1:
            ctx.defined[short] = min(forms)


_TITLE_SHORT = re.compile(r"\s*([^\s:]{2,30})\s*:\s*")


def title_short_and_long(ctx: Context) -> None:
    """A title "Short: Long Form ..." whose coined short name is spelled, capital by capital,
    by the initials of the name that opens the subtitle ("FGPrompt: Fine-grained Goal
    Prompting for ...", "GKNet: Graph-based Keypoints Network for ...", "SA-PEF: Step-Ahead
    Partial Error Feedback ..."): one entity, as if the title had written "Long Form (Short)".
    A subtitle typed a task or measure is left alone ("DynaTune: Dynamic Tensor Program
    Optimization" names the problem the system solves)."""
    text = ctx.text
    m = _TITLE_SHORT.match(text, 0, ctx.title_end)
    if m is None:
        return
    short = m.group(1)
    if short in ctx.defined or sum(1 for ch in short if ch.isupper()) < 2:
        return
    spelling = {strip_latex(c.name).strip() for c in ctx.cands
                if m.end() <= c.start and c.end <= ctx.title_end
                and " " in c.name.strip() and c.type not in ("TASK", "METRIC")
                and "task" not in c.rule and not c.org}
    spelling = {lf for lf in spelling if lf[:1].lower() == short[:1].lower()
                and caps_follow_initials(short, lf) and lf not in ctx.defined.values()}
    if len({lf.casefold() for lf in spelling}) == 1:
        ctx.defined[short] = min(spelling)


_PART = re.compile(r"[A-Za-z0-9]+")
#: what may stand between a short name and the long form beside it: "S, a ... L", "S: L"
#: (emphasis markers allowed), "L S" with at most one lower-case head word between
_SHORT_THEN_LONG = re.compile(r",\s+(?:an?|the)\s+(?:[a-z][\w\-]*\s+){0,6}|"
                              r"[*}$]*\s*:\s*(?:\\[a-z]+\{|[*_$])*")
_LONG_THEN_SHORT = re.compile(r"\s+(?:[a-z]+\s+)?")
_DIGIT_WORDS = {"2": ("to", "two"), "4": ("for", "four")}


def spells_loosely(short: str, long_: str) -> bool:
    """Whether a coined short name is made of the long form's letters, in order, its first
    letter the long form's first, each capital a word part's initial or a capital of the long
    form, a 2 or 4 a part "to" or "for" ("SCALable Object-oriented Representation" SCALOR,
    "Tooth Multimodal Contrastive Learning" ToothMCL, "Transferable GAN-images Detection" T-GD,
    "Valley-to-Peak" V2P)."""
    if short[:1].lower() != long_[:1].lower():
        return False
    parts = [(m.start(), m.group()) for m in _PART.finditer(long_)]
    starts = {a for a, _ in parts}
    i = 0
    for ch in short:
        if ch.isdigit():
            words = _DIGIT_WORDS.get(ch)
            nxt = next((a + len(w) for a, w in parts if a >= i and
                        (w == ch or (words and w.lower() in words))), None)
            if nxt is None:
                return False
            i = nxt
        elif ch.isupper():
            j = next((k for k in range(i, len(long_)) if long_[k].lower() == ch.lower()
                      and (k in starts or long_[k].isupper())), None)
            if j is None:
                return False
            i = j + 1
        elif ch.isalpha():
            j = long_.lower().find(ch, i)
            if j < 0:
                return False
            i = j + 1
    return True


def short_beside_long(ctx: Context) -> None:
    """A coined short name written beside a long form it spells loosely is one entity with it:
    an appositive "SCALOR, a probabilistic model for SCALable Object-oriented Representation"
    (up to six lower-case words between), "MA-LoT: *Model-CollAboration Lean-based ...*", or
    "the Transferable GAN-images Detection framework T-GD". Neither may be known, a task or a
    measure, and the long form must not contain the short name ("Rotated Multi-Kernel RetinaNet"
    is a kind of RetinaNet, not its long form)."""
    text = ctx.text
    cands = sorted((c for c in ctx.cands if not (c.org or c.gaz_canon or c.alias)
                    and c.type not in ("TASK", "METRIC") and "task" not in c.rule),
                   key=lambda c: c.start)
    taken = set(ctx.defined.values())
    for a, b in zip(cands, cands[1:], strict=False):
        if not 0 < b.start - a.end <= 80:
            continue
        gap = text[a.end:b.start]
        if " " not in a.name and _SHORT_THEN_LONG.fullmatch(gap):
            short, long_ = strip_latex(a.name).strip(), strip_latex(b.name).strip()
        elif " " not in b.name and _LONG_THEN_SHORT.fullmatch(gap) and not text.startswith(
                ("-", "("), b.end):
            short, long_ = strip_latex(b.name).strip(), strip_latex(a.name).strip()
        else:
            continue
        if short in ctx.defined or long_ in taken or sum(ch.isupper() for ch in short) < 2 or \
                len(short) > 16 or len(_PART.findall(long_)) < 2 or len(long_) <= len(short):
            continue
        if short.lower() not in long_.lower() and spells_loosely(short, long_):
            ctx.defined[short] = long_
            taken.add(long_)


def _letters_in_order(short: str, long_: str) -> bool:
    """Whether the letters of short stand in long_ in order (any case, digits skipped), the
    first of them in long_'s first word."""
    low = long_.lower()
    letters = [ch for ch in short.lower() if ch.isalpha()]
    if len(letters) < 2 or letters[0] not in low.split()[0]:
        return False
    i = 0
    for ch in letters:
        i = low.find(ch, i) + 1
        if i == 0:
            return False
    return True


def known_short_in_brackets(ctx: Context) -> None:
    """A known name in brackets right after a long form whose letters it takes in order is
    that long form's short name, though the initials do not line up simply ("Extreme Gradient
    Boosting (XGBoost)", "Adaptive Moment Estimation (Adam)", "Twin Delayed Deep Deterministic
    Policy Gradient (TD3)"): one entity, as a defined acronym is."""
    text = ctx.text
    if " (" not in text:
        return
    known = {c.start: c for c in ctx.cands if c.gaz_canon and c.type not in ("TASK", "METRIC")}
    if not known:
        return
    taken = set(ctx.defined.values())
    for c in ctx.cands:
        if c.gaz_canon or c.org or c.alias or c.long_form or c.type in ("TASK", "METRIC") or \
                "task" in c.rule or not text.startswith(" (", c.end):
            continue
        k = known.get(c.end + 2)
        if k is None or not text.startswith(")", k.end):
            continue
        short, long_ = strip_latex(k.name).strip(), strip_latex(c.name).strip()
        if short in ctx.defined or long_ in taken or not _long(long_) or \
                short.lower() in long_.lower() or not _letters_in_order(short, long_):
            continue
        if any(lf in long_ for lf in taken):
            continue  # "Twin Delayed Deep Deterministic Policy Gradient (TD3)" after "Deep
            # Deterministic Policy Gradient (DDPG)": the long form holds another's; left apart
        ctx.defined[short] = long_
        taken.add(long_)


STAGES = [(89, spelled_apart), (89.5, title_short_and_long), (89.7, short_beside_long),
          (89.8, known_short_in_brackets)]
