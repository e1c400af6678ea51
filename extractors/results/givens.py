"""Numbers that state what people agreed on or what a system was given, not what it achieved.

- People's agreement: a value within 60 characters after "NOUN agreement/reliability", where
  NOUN names people who label or read (extractors/data/words/people_agreement_nouns.txt):
  "an inter-annotator agreement of 0.81", "(reviewer agreement, a Cohen's kappa of 0.79)",
  "inter-rater agreements above 0.90". The "=" forms ("(Fleiss Kappa = 0.524)") are read by
  guards.PEOPLE_AGREE.
- A share given: "with/using (only | merely | less than ...) VALUE [one or two words] NOUN", NOUN a
  resource (extractors/data/words/given_resource_nouns.txt): "with only 0.1% trainable
  parameters", "with merely 10% model parameters"; not "of the NOUN" ("with only 24% of the
  samples", a result the annotators keep) nor "fewer/less NOUN" (a saving).
- The size of others: a factor before "the size/parameters" or "more parameters" ("models 10x
  the size", "models with 10 times the parameters count", "baselines with up to 13x more
  parameters"); not a share ("a map only 0.6% the size of ...": its own size, a result).
- A licence's version: "under an Apache 2.0 license", "released under Apache 2.0", "CC BY 4.0".
"""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.words import alternation, words

PEOPLE_AGREEMENT = True
GIVEN_SHARE = True
OTHERS_SIZE = True
LICENCE_VERSION = True


def _alt(name: str) -> str:
    """A word list as a regex alternation, longest first, spaces as any space."""
    return alternation(words(name), r"\s+")


@cache
def _agreement() -> re.Pattern:
    """People's agreement, then up to 60 characters within the clause, ending before a value."""
    return re.compile(rf"(?<![\w\-])(?:{_alt('people_agreement_nouns')})\s+(?:agreements?|"
                      r"reliability|consistency)\b[^.;]{0,60}$", re.I)


@cache
def _given() -> re.Pattern:
    """A resource noun after a value, one or two words between (not "fewer", "less", "more")."""
    return re.compile(r"\s*\$?\s*(?!(?:fewer|less|more|lower|higher)\b)(?:[\w\-]+\s+){0,2}?"
                      rf"(?:{_alt('given_resource_nouns')})\b", re.I)


_WITH_BEFORE = re.compile(r"\b(?:with|using)\s+(?:(?:only|merely|just|about|approximately|around|"
                          r"less\s+than|fewer\s+than|under|roughly|~)\s+)*\$?$", re.I)
_OTHERS_SIZE = re.compile(r"\s*\$?\s*(?:the\s+(?:size|parameters?|params)\b|"
                          r"more\s+(?:parameters|params)\b)", re.I)
# a factor, not a share ("a map only 0.6% the size of ..." is a result)
_FACTOR = re.compile(r"(?:\d\s*[xX×]|\\times\$?|\btimes|fold)\s*$")
_LICENCE_BEFORE = re.compile(r"\b(?:Apache|GPL|LGPL|AGPL|MPL|CC[\s\-]BY(?:[\s\-](?:SA|NC|ND))*)"
                             r"(?:\s+License)?[\s\-]*(?:v|version\s+)?$")


def not_achieved(text: str, a: int, b: int) -> bool:
    """Whether the value text[a:b] states people's agreement, a share a system is given or the
    size of other models rather than a result."""
    lo = max(0, a - 110)
    if PEOPLE_AGREEMENT and any(w in text[lo:a] for w in ("gree", "eliab", "onsist")) and \
            _agreement().search(text, lo, a):
        return True
    if GIVEN_SHARE and _WITH_BEFORE.search(text, max(0, a - 40), a) and \
            _given().match(text, b):
        return True
    if LICENCE_VERSION and _LICENCE_BEFORE.search(text, max(0, a - 30), a):
        return True
    return OTHERS_SIZE and _FACTOR.search(text, a, b) is not None and \
        _OTHERS_SIZE.match(text, b) is not None
