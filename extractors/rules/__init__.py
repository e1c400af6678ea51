"""The entity rules as families: one small module per family, each with its own tests.

Every module here that defines `STAGES = [(order, function), ...]` takes part: the functions
run in `order` over one shared `Context` (the paper's text, sentences, gazetteer hits, URLs and
the candidate list they add to or annotate), then `merge` groups the candidates into entities.
Adding a family is adding one module (and its test); word lists live in extractors/data/words/.

Orders used: 10 gazetteer, 11-11.1 settings and kinds (of known tasks), 11.5 variants (of
known methods), 20 acronyms, 20.2 acronyms (a known acronym defined as something else), 30 latex,
40 names,
40.5 styled (a coined name before "-style"), 41-41.1 eponyms (a name's head noun), 45 odd
data names (digit-led or "&"-joined before a data head, year-marked with an apostrophe),
50-53.8 tasks, 54 marked (emphasised or quoted), 55 naming,
57 parts (lower case), 57.5 intro objects, 57.6 intro objects (of a passive intro verb),
58 metrics@k, 58.2 metric subscripts (a known measure with a subscript, a
range or a LaTeX k after "@"), 58.3 metric cases (a known measure's acronym in
another case or the plural), 58.5 metric bracketed (a known measure with its short form in
brackets inside it), 59.8 metric reported (the measure a reported value is given
in), 59.85 metric of value (the measure named before "of" and a value), 59.86 metric changed
(a measure between a verb of change and "by" a value), 60 overlaps (sort,
nesting),
61 headings (non-names), 65-68 heads, 65.3 appositions (a data head
in a looser appositive), 66.2 far lists (a plural head a few words before its
list), 66.5-67.2 lists, 68.5 copula ("X is a ... task"), 68.7 valued, 68.75 value symbols (a unit or
interval symbol after a number: "0.5 mJ", "95% CI"), 70 roles (intro cues),
70.3 our apposed (a name with "our ... <head>" as its appositive), 70.5 roles (a second
object the intro verb joins with "and"),
72 parts (of our method), 80-86 roles (title), 87 tasks (a name before "task"), 88 brackets
(name and short form), 88.1 loose brackets (a coined short form that does not spell its Title
Case name), 88.3 bracket names (a coined name in brackets closing the object of the paper's intro
verb), 89 initials (an acronym written apart), 89.5 initials (a title's
"Short: Long Form"), 89.7 initials (a short name beside a long form it spells loosely),
89.8 initials (a known name in brackets after its long form), 90.2 part lists (the names
opening the items of a counted list of the paper's own parts), 90.6 defined new (a name after
"a" / "an" with its short form in the sentence of the paper's intro verb), 90.7 we apposed (a
name of a "we" sentence that an appositive ", a / an ..." describes), 90.8 opening apposed (a
name restating a sentence's opening "Our / Its / The resulting ..."), 95 title task,
96.9 lower own (a lower-case name an intro verb sets off by ", a ..." or ", which ..."),
97 organisations, 97.5 places (and institutions, devices), 97.6 clinical (conditions,
treatments, imaging), 97.65 objects (things, regions, fields), 98 tasks (a task's "X problem"
form), 98.6 modifiers (an acronym before an
ordinary noun), 98.65 devices (a name before a hardware noun), 98.7 formulas (a symbol inside a
formula), 98.8 fragments (pieces of a longer Title Case phrase), 99 plain words (a lone ordinary
word is no name), 99.5 appositions (a method head against a data type), 99.6 title known (a
plain title phrase other papers write stays `used`), 99.65 known modifiers (a known name
before the head of the paper's system stays `used`), 99.7 own head alias (the paper's own
name with the part head written after it, `X loss`, as an alias), 99.9 task scored (a task-head
phrase no rule took, kept by a learned scorer), 99.95 metric subscripts (a measure of several
words before "@k"), 100 metric filter, 100.1 metric objectives (a measure named as a training
loss or an unreported objective), 100.2 metric judge (a bare general measure word judged per
paper), 100.3 metric scored (a lower-case measure-head phrase no rule took, kept by a learned
scorer), 100.35 metric compound judge (the shape rules' lower-case measure phrases, dropped below
a learned judge's cut), 100.4 method scored (a lower-case technique-head phrase no rule took,
kept by a learned scorer), 110 evaluation context.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from functools import cache

from paperkg.extractors.rules.base import Context
from paperkg.extractors.rules.merge import merge

Stage = Callable[[Context], None]

# A venue's tag before the title ("[Oral] X: ...", "[Spotlight] ..."): no part of the title.
_TITLE_TAG = re.compile(r"(?:[ \t]*(?:\[[^\]\n]{1,30}\]|【[^】\n]{1,30}】))+")


def blank_title_tags(text: str) -> str:
    """The text with a tag opening the title written as spaces (offsets unchanged), so that
    the rules read the title's own opening words as its start."""
    m = _TITLE_TAG.match(text)
    return text if m is None else " " * m.end() + text[m.end():]


@cache
def stages() -> tuple[tuple[float, str, Stage], ...]:
    """(order, name, function) of every family stage in this package, in run order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for order, fn in getattr(module, "STAGES", ()):
            found.append((order, f"{info.name}.{fn.__name__}", fn))
    found.sort(key=lambda s: (s[0], s[1]))
    return tuple(found)


def find_candidates(text: str, sents: list[int], gaz_hits, urls, gaz) -> Context:
    """Run every family stage over one text; the context holds the candidates."""
    ctx = Context(text, sents, gaz_hits, urls, gaz)
    for _, _, fn in stages():
        fn(ctx)
    return ctx


def extract_entities(text: str, sents: list[int], gaz_hits, urls, gaz,
                     min_conf: float = 0.5, max_tasks: int = 4) -> list[dict]:
    """All entities of one paper's text (title, newline, abstract) as plain dicts."""
    if not text.strip():
        return []
    ctx = find_candidates(blank_title_tags(text), sents, gaz_hits, urls, gaz)
    return merge(ctx, min_conf, max_tasks)
