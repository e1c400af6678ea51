"""Family: a title phrase that other papers write is not this paper's new name ("Online Agnostic
Boosting via Regret Minimization", "Copilot4D: ... via Discrete Diffusion", "Injecting ... into
Rigid Protein Docking via Bi-level Optimization", "An Integer Linear Programming Approach to
..."). The title rules (a title's "via X", its opening technique before "for", a task the
abstract repeats, a known method's variant) take such a phrase for the paper's own method; when
3+ mined corpus papers write it (data/known_names.tsv) it is a technique the paper uses. Only a
plain several-word phrase is judged: no coined word (a capital inside, a digit, an acronym), not
the title's "Name:" opening, not one the abstract restates after an intro verb ("we propose a
data-free knowledge distillation approach") or marks by a cue of its own. Merging keeps the
name, its type and its confidence as they were and only leaves its role `used`."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import Context

# a coined word: a capital after a lower-case letter, a digit, or two capitals in a row
_COINED_WORD = re.compile(r"[a-z][A-Z]|\d|[A-Z]{2}")
# papers that must write a phrase for it to count as known
MIN_PAPERS = 3
SCRATCH = "title_known"


def _plain_phrase(name: str) -> bool:
    """Whether a name is a several-word phrase with no coined word in it."""
    ws = name.split()
    return len(ws) >= 2 and not any(_COINED_WORD.search(w) for w in ws)


def title_known(ctx: Context) -> None:
    """Note the plain title phrases 3+ mined corpus papers write, which merging leaves `used`."""
    title_end = ctx.title_end
    colon = ctx.text.find(":", 0, title_end)
    restated = {canonical_key(c.name) for c in ctx.cands if c.rule == "title_phrase" or
                (c.intro and c.start > title_end)}  # an intro cue of the abstract's own
    known: set[str] = set()
    for c in ctx.cands:
        if c.start >= title_end or not _plain_phrase(c.name) or \
                (colon > 0 and c.end <= colon and not ctx.text[:c.start].strip()):
            continue  # the title's own "Name: ..." stays the title rules' call
        key = canonical_key(c.name)
        if key in known or key in restated:
            continue
        if not (c.intro or key in ctx.title_intro_keys or
                canonical_key(c.surface) in ctx.title_intro_keys):
            continue
        from paperkg.extractors.learned import corpus_counts  # lazily: learned imports the rules

        if corpus_counts().get(key, 0) >= MIN_PAPERS:
            known.add(key)
    if known:
        ctx.scratch[SCRATCH] = known


def known_in_title(ctx: Context, forms: list[str]) -> bool:
    """Whether merging should leave a group with these forms `used` (title_known found it)."""
    known = ctx.scratch.get(SCRATCH)
    return bool(known) and any(canonical_key(f) in known for f in forms)


STAGES = [(99.6, title_known)]
