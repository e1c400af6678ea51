"""Family: the acronym a paper defines for an organisation, a place or a cited person goes with
its long form ("the Army's Artificial Intelligence Integration Center (AI2C) ... the AI2C
program": the centre is dropped as a place, so its acronym names no entity either), unless the
gazetteer knows the acronym as a name of its own."""

from __future__ import annotations

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Context


def org_acronyms(ctx: Context) -> None:
    """Flag the mentions of an acronym whose defined long form was flagged as an organisation."""
    if not ctx.defined:
        return
    dropped = [fold(c.name) for c in ctx.cands if c.org and not c.gaz_canon]
    if not dropped:
        return
    # a long form some candidate still holds as no organisation is not dropped everywhere ("in
    # Federated Learning" closing a title before an abstract opening "Foundation models ...")
    kept = {fold(c.name) for c in ctx.cands if not c.org}
    gone = set()
    for acr, lf in ctx.defined.items():
        long = fold(lf)
        if long and long not in kept and any(d == long or d.endswith(" " + long) for d in dropped):
            gone.add(acr)  # "Army's Artificial Intelligence Integration Center" ends with it
    if not gone:
        return
    for c in ctx.cands:
        if (c.surface in gone or c.name in gone) and not c.gaz_canon and not c.long_form:
            c.org = True


# after every family that flags organisations, places and things (orgs 97 ... objects 97.65)
STAGES = [(97.7, org_acronyms)]
