"""Family: parts of the paper's own method. A coined Title Case name that ends in a component
head ("an Adaptive Feature Fusion Module (AFFM) then fuses ...") or is followed by one ("the
Dynamic Kernel (DK) mechanism"), not a known name and not cited, is introduced here; so is a
name the paper defines with an acronym in what its own system consists of ("PDR consists of a
Conditional Generation Network (CGNet) and a ReFinement Network (RFNet)")."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import CITED, Cand, Context, family_phrase, positions
from paperkg.extractors.words import word_set, word_union

_AFTER = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?([a-z]+)\b")
# "X (LSKA) mechanism is introduced into the backbone": an existing block plugged in
_PLUGGED_IN = re.compile(r"^[^.;]{0,40}?\b(?:is|are)\s+(?:introduced|incorporated|integrated|"
                         r"inserted|added|plugged)\s+in(?:to)?\b")
_OUTSIDE = re.compile(r"\b(?:existing|previous|prior|standard|conventional|original|vanilla|"
                      r"traditional|popular|recently|widely)\s+(?:[\w\-]+\s+){0,2}$",
                      re.IGNORECASE)


def part_names(ctx: Context) -> None:
    """Mark coined component names (X Module, X (XM) mechanism) as introduced."""
    heads = word_set("part_heads")
    text = ctx.text
    for c in ctx.cands:
        if c.intro or c.start <= ctx.title_end or c.type not in ("METHOD", "") or \
                "gazetteer" in c.rule or c.gaz_canon is not None or c.org:
            continue
        if not c.name[:1].isupper():
            continue
        # the part head first (few names have one), then the list look-ups
        ws = c.name.split()
        m = _AFTER.match(text, c.end)
        last_is_head = len(ws) >= 2 and ws[-1].lower() in heads and ws[-1][:1].isupper()
        head_after = m is not None and m.group(1) in heads and (
            len(ws) >= 2 or c.name.isupper())  # "a Keras layer": a known tool, not a part
        if not (last_is_head or head_after):
            continue
        if ctx.is_generic(c.name) or family_phrase(c.name):
            continue
        if ctx.gaz is not None and canonical_key(c.name) in ctx.gaz.canonical:
            continue  # "a convolutional Gated Recurrent Unit (GRU)": a known block, spelled out
        s0, s1 = ctx.sentence(c.start)
        if CITED.search(text, s0, s1) or _PLUGGED_IN.match(text[c.end:s1]) or \
                _OUTSIDE.search(text, max(s0, c.start - 40), c.start):
            continue
        c.intro = True
        c.conf = max(c.conf, 0.7)


_LOWER_PART = re.compile(
    r"(?:[Ww]e\s+(?:further\s+|also\s+|then\s+)?(?:introduce|propose|design|devise|develop|present)"
    r"\s+(?:a|an|the)\s+|(?:introduces|proposes|designs|devises|develops|presents)\s+(?:a|an)\s+|"
    r"and\s+(?:then\s+|further\s+|also\s+)?(?:introduce|propose|design|devise|develop|present)"
    r"\s+(?:a|an)\s+|\b(?:A|An)\s+)"
    r"((?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*\s+){1,4}[a-z]+)\b"
)
# "we ... , and introduce a ...": the verb's subject is the "we" earlier in its sentence
_WE = re.compile(r"\b[Ww]e\b")
_NAME_FOLLOWS = re.compile(r"\s*,?\s*(?:named|called|termed|dubbed|coined|namely)\b")
# "prior work proposes", "Smith et al. introduces": the verb's subject is somebody else
_THEIRS = re.compile(r"\b(?:prior|previous|existing|earlier|recent|they|authors|et\s+al\.?|"
                     r"researchers|studies|works|methods|approaches|literature)\s+(?:\w+\s+)?$",
                     re.IGNORECASE)
_PASSIVE_AFTER = re.compile(r"\s+(?:is|are)\s+(?:introduced|proposed|designed|devised|developed)\b")
_PART_KEYS = ("we introduce ", "we propose ", "we design ", "we devise ", "we develop ",
              "we present ", "We introduce ", "We propose ", "We design ", "We devise ",
              "We develop ", "We present ", "we further ", "we also ", "We further ", "A ", "An ",
              "introduces ", "proposes ", "designs ", "devises ", "develops ", "presents ", "and ")


# part heads that only say what kind of thing the words before them name
_KIND_HEADS = frozenset({"strategy", "mechanism", "module", "scheme"})


def lower_parts(ctx: Context) -> None:
    """"we devise a geometric consistency loss", "A channel attention module is introduced":
    a lower-case component of the paper's own method, ending in a part head."""
    text = ctx.text
    heads = word_set("part_heads")
    skip = word_union("task_stop", "task_adjectives", "quantity_words")
    for pos in positions(text, _PART_KEYS):
        if pos < ctx.title_end or (pos > 0 and text[pos - 1].isalnum()):
            continue
        m = _LOWER_PART.match(text, pos)
        if m is None or text[pos].islower() and not text.startswith("we", pos) and \
                _THEIRS.search(text, max(0, pos - 40), pos):
            continue  # "prior work proposes a ...": somebody else's
        if text.startswith("and", pos) and not _WE.search(text, ctx.sentence(pos)[0], pos):
            continue  # "X, and introduce a ...": only where "we" is the verb's subject
        ws = m.group(1).split()
        k = next((i for i, w in enumerate(ws) if i >= 2 and w in heads), -1)
        if k < 0:
            continue
        ws = ws[:k + 1]
        end = m.start(1) + len(" ".join(ws))
        if m.group(0)[0] == "A" and not _PASSIVE_AFTER.match(text, end):
            continue
        if _NAME_FOLLOWS.match(text, end):
            continue  # "an approximate attention mechanism named HyperAttention": the name
            # comes next; the phrase only says what it is
        while ws and ws[0] in skip:
            ws.pop(0)
        if len(ws) < 3 or any(w in skip for w in ws):
            continue  # "a new training strategy": too generic to name a part
        phrase = " ".join(ws)
        mods = " ".join(ws[:-1])
        if ctx.is_generic(phrase) or ctx.is_generic(mods) or family_phrase(phrase) or (
                ctx.gaz is not None and canonical_key(mods) in ctx.gaz.canonical) or \
                ws[-2] == "learning":
            continue  # "a multi-task learning module": a known technique as a part
        a = end - len(phrase)
        c = Cand(a, a + len(phrase), phrase, phrase, "METHOD", 0.6, "lower_part")
        c.intro = True
        if len(ws) >= 3 and ws[-1] in _KIND_HEADS:
            # "a temporal perturbation strategy", "a wordless training mechanism": the words
            # before the kind word name the same thing
            c.extra.append(" ".join(ws[:-1]))
        ctx.cands.append(c)


# what the paper's own system is made of ("X consists of", "our framework includes")
_MADE_OF = re.compile(r"\b(?:consists?\s+of|consisting\s+of|comprises?|comprising|composed\s+of|"
                      r"includes?|contains?|features|equipped\s+with|introduces?|employs?)\b")
_OUR_SYSTEM = re.compile(
    r"\b(?:[Oo]ur|[Tt]he\s+proposed)\s+(?:[\w\-]+\s+){0,2}?(?:method|framework|model|approach|"
    r"system|architecture|pipeline|design|algorithm|network)s?\s+$")
# "includes circuit representations such as Register Transfer Level (RTL)": examples, not parts
_EXAMPLES = re.compile(r"\b(?:such\s+as|e\.g\.|for\s+example|like|each\s+with)\b")
_DEFINED_AFTER = re.compile(r"\s*\([A-Z][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*s?\)")
# "comprises three components: (1) Granular Adaptive Prototypes ..., (2) ...": an enumerated item
_ENUMERATED = re.compile(r"(?:\(\w{1,3}\)|(?<![\w(])\w{1,3}\))\s*(?:an?\s+|the\s+)?$")


def made_of_parts(ctx: Context) -> None:
    """A Title Case name the paper defines with an acronym, or a coined or multi-word name
    enumerated ("(1) Granular Adaptive Prototypes ...; (2) ..."), listed after "consists of",
    "comprises", "includes" ... whose subject (at most 40 characters before the verb) is the
    paper's own system (a name it introduces, "our framework", "the proposed model"), is a part
    the paper introduces."""
    text = ctx.text
    cands = ctx.cands
    ours_keys: set[str] | None = None
    for c in cands:
        if c.intro or c.start <= ctx.title_end or c.type not in ("METHOD", "MODEL", "") or \
                "gazetteer" in c.rule or c.gaz_canon is not None or c.org or \
                not c.surface[:1].isupper():
            continue
        ws = c.surface.split()
        if len(ws) < 2 and not any(ch.isupper() or ch.isdigit() for ch in c.surface[1:]):
            continue  # "(1) Profiling, a module ...": a plain word is no name of a part
        s0, s1 = ctx.sentence(c.start)
        enumerated = _ENUMERATED.search(text, max(s0, c.start - 12), c.start) is not None
        if not ((c.alias or _DEFINED_AFTER.match(text, c.end)) and len(ws) > 1 or enumerated) or \
                ctx.gaz is not None and (
                canonical_key(c.name) in ctx.gaz.canonical
                or c.alias and canonical_key(c.alias) in ctx.gaz.canonical):
            continue  # "Long Short-Term Memory (LSTM)": a known name defined again
        verb = None
        for m in _MADE_OF.finditer(text, s0, c.start):
            verb = m
        if verb is None or _EXAMPLES.search(text, verb.end(), c.start) or \
                CITED.search(text, s0, s1) or (
                ";" in text[verb.end():c.start] and not enumerated):
            continue
        lo = max(s0, verb.start() - 40)
        if ours_keys is None:  # the names the paper introduces, wherever they are written
            ours_keys = ctx.title_intro_keys | {canonical_key(o.name) for o in cands if o.intro}
        ours = _OUR_SYSTEM.search(text[lo:verb.start()]) is not None or any(
            lo <= o.end <= verb.start() and o.start >= s0 and canonical_key(o.name) in ours_keys
            for o in cands if o is not c)
        if ours:
            c.intro = True
            c.conf = max(c.conf, 0.7)


# "First, the User Group Manager (UGM) clusters users", "Finally, Omni Action employs ...": a
# sentence that opens on a name after a sequencing word describes a step of the paper's system
_SEQUENCED_SUBJECT = re.compile(
    r"^\s*(?:First|Second|Third|Fourth|Then|Next|Finally|Lastly|Specifically|Moreover|"
    r"Additionally|Furthermore|Besides|Subsequently|In\s+addition)\s*,\s*(?:(?:the|a|an|our)\s+)?$")
# the same without the sequencing word when the name is defined right there: "Scene-Anchored
# Geometry Evidence (SAGE) fuses scanning events with IMU pose"
_BARE_SUBJECT = re.compile(r"^\s*(?:(?:The|A|An|Our)\s+)?$")


def subject_parts(ctx: Context) -> None:
    """A coined or multi-word name opening a sentence after the paper has introduced its own
    system (after a sequencing word, or defined with an acronym right there), in a sentence
    with no citation, is a part the paper introduces."""
    text = ctx.text
    cands = ctx.cands
    ours_keys = ctx.title_intro_keys | {canonical_key(o.name) for o in cands if o.intro}
    if not ours_keys:
        return
    starts = [o.start for o in cands
              if o.start > ctx.title_end and canonical_key(o.name) in ours_keys]
    if not starts:
        return
    first = min(starts)
    for c in cands:
        if c.intro or c.start <= first or c.type not in ("METHOD", "MODEL", "") or \
                "gazetteer" in c.rule or c.gaz_canon is not None or c.org or \
                not c.surface[:1].isupper():
            continue
        ws = c.surface.split()
        if len(ws) < 2 and not any(ch.isupper() or ch.isdigit() for ch in c.surface[1:]):
            continue
        s0, s1 = ctx.sentence(c.start)
        lead = text[s0:c.start]
        if not (_SEQUENCED_SUBJECT.match(lead) or (
                _BARE_SUBJECT.match(lead) and _DEFINED_AFTER.match(text, c.end))):
            continue
        if CITED.search(text, s0, s1) or ctx.gaz is not None and (
                canonical_key(c.name) in ctx.gaz.canonical
                or c.alias and canonical_key(c.alias) in ctx.gaz.canonical):
            continue
        c.intro = True
        c.conf = max(c.conf, 0.65)


STAGES = [(57, lower_parts), (72, part_names), (90, made_of_parts), (90.5, subject_parts)]
