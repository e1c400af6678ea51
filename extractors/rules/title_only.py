"""Family: a name only the title writes, which the abstract never mentions and the paper does
not set out as its own, is no name of the paper ("Effective Targeted Attacks for Adversarial
Self-Supervised Learning", a bare "ITS" or "QCD" in a title, "Conformal Prediction-Motivated"):
when every candidate of it stands in the title and was found by a rule that reads only its
shape or place there (words/title_only_rules.txt: the coined-word rule, the title's task piece
turned means, a known name's variant), no intro cue marks it and no form of it (name, surface
or alias) is written in the abstract, its candidates are dropped. Known names (the gazetteer)
and the title's own introduced name stay."""

from __future__ import annotations

from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import Cand, Context, word_set

#: types a rule gives that no named entity has (an untyped candidate merges as a name)
_NOT_NAMED = frozenset({"TASK", "METRIC"})


@cache
def _weak_rules() -> frozenset[str]:
    """The rules whose title candidates need the abstract's support."""
    return frozenset(word_set("title_only_rules"))


def _written_in_abstract(abstract: str, c: Cand) -> bool:
    """Whether the abstract (case folded) writes a form of the candidate."""
    return any(f and f.casefold() in abstract for f in (c.name, c.surface, *c.extra))


def title_only(ctx: Context) -> None:
    """Drop the named candidates of a group that only the title writes and only weak rules found."""
    t_end = ctx.title_end
    groups: dict[str, list[Cand]] = {}
    for c in ctx.cands:
        groups.setdefault(canonical_key(c.name), []).append(c)
    abstract = ctx.text[t_end:].casefold()
    weak = _weak_rules()
    gone: set[int] = set()
    for key, group in groups.items():
        if not key or key in ctx.title_intro_keys or any(
                c.start >= t_end or c.rule not in weak or c.type in _NOT_NAMED or c.intro
                or c.long_form or c.alias or c.gaz_canon or _written_in_abstract(abstract, c)
                for c in group):
            continue
        gone.update(id(c) for c in group)
    if gone:
        ctx.cands[:] = [c for c in ctx.cands if id(c) not in gone]


STAGES = [(99.2, title_only)]
