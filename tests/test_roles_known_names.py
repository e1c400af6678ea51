"""Thirty-sixth pass (veto36): the role classifier does not make introduced, against the rules'
`used`, a name the rules find in 3 or more mined corpus papers (data/known_names.tsv)."""

from __future__ import annotations

import pytest

from paperkg.extractors import learned
from paperkg.extractors.learned import widely_written
from paperkg.extractors.training.crossfit import _Cached
from paperkg.extractors.training.known_names import count
from tests.test_roles_thirtythird import _eager, _ent

COUNTS = {"zetaroute": 2, "kapparank": 3, "omegafuse": 40}


@pytest.fixture(autouse=True)
def _counts(monkeypatch):
    """Invented corpus counts in place of the mined file."""
    monkeypatch.setattr(learned, "corpus_counts", lambda: COUNTS)


def test_widely_written_counts_by_canonical_key():
    """Case and hyphens do not matter; 2 papers (one may be the paper itself) is not enough."""
    assert widely_written({"name": "Kappa-Rank"}, 3)
    assert widely_written({"name": "OMEGAFUSE"}, 3)
    assert not widely_written({"name": "ZetaRoute"}, 3)
    assert not widely_written({"name": "NuBlend"}, 3)


@pytest.mark.parametrize("papers", [3, 0])
def test_a_widely_written_name_stays_used(papers):
    """The eager classifier promotes the rare names; the widely written one keeps the rules'
    `used` unless the setting is off."""
    text = "Routing Nets\nWe build ZetaRoute and NuBlend on top of KappaRank."
    merge = _eager()
    merge.veto_papers = papers
    ents = [_ent(n, "used", text.index(n)) for n in ("ZetaRoute", "NuBlend", "KappaRank")]
    merge(_Cached(ents, text, [0, text.index("We")]))
    assert [e["role"] for e in ents] == ["introduced", "introduced",
                                         "used" if papers else "introduced"]


def test_the_rules_introduced_and_the_title_subject_stay():
    """The veto only blocks promotions, and not of the title's subject."""
    text = "OmegaFuse: Fusing Nets\nWe propose KappaRank here."
    merge = _eager()
    ents = [_ent("OmegaFuse", "used", 0), _ent("KappaRank", "introduced", text.index("KappaRank"))]
    merge(_Cached(ents, text, [0, text.index("We")]))
    assert [e["role"] for e in ents] == ["introduced", "introduced"]


def test_mining_counts_each_paper_once():
    """A key written twice in one paper counts once."""
    lines = ['{"entities": [{"name": "OmegaFuse"}, {"name": "omega-fuse"}]}',
             '{"entities": [{"name": "OmegaFuse"}, {"name": "NuBlend"}]}']
    assert count(lines) == {"omegafuse": 2, "nublend": 1}
