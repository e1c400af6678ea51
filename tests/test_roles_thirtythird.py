"""Thirty-third pass (intro33): the role classifier does not make introduced, against the
rules' `used`, a name a typed gazetteer list holds or one whose first sentence gives it to
others."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from paperkg.extractors.learned import DIM, LearnedMerge, listed_known
from paperkg.extractors.training.crossfit import _Cached


def _ent(name: str, role: str, start: int, aliases: tuple[str, ...] = ()) -> dict:
    """An invented rule entity with one mention."""
    return {"name": name, "type": "METHOD", "role": role, "aliases": list(aliases),
            "confidence": 0.8, "mentions": [(name, start, start + len(name), "s")],
            "extractor": "acronym", "evaluated": False, "key": name.casefold(),
            "acronym": None, "long_form": False}


def _eager() -> LearnedMerge:
    """A merge whose role classifier calls every name introduced."""
    merge = LearnedMerge("m", False, [], "model", 4, 2)
    w = np.zeros(DIM, dtype=np.float32)
    w[zlib.crc32(b"bias") % DIM] = 10.0
    merge.role_model.w = w
    return merge


def test_listed_known_reads_the_name_and_its_aliases():
    """A listed name, or a coined one with a listed alias, is known; a coined one is not."""
    assert listed_known({"name": "ResNet-50", "aliases": []})
    assert listed_known({"name": "Zeta Residual Thing", "aliases": ["ResNet-50"]})
    assert not listed_known({"name": "ZetaRoute", "aliases": []})


@pytest.mark.parametrize("veto", [True, False])
def test_a_listed_name_stays_used_the_coined_one_is_promoted(veto):
    """The eager classifier promotes the coined name; the listed one keeps the rules' verdict
    unless the setting is off."""
    text = "Routing Nets\nWe build ZetaRoute on top of a ResNet-50 encoder."
    merge = _eager()
    merge.known_stay_used = veto
    merge.veto_papers = 0  # the corpus-count veto (veto36) also knows ResNet-50
    ents = [_ent("ZetaRoute", "used", text.index("ZetaRoute")),
            _ent("ResNet-50", "used", text.index("ResNet-50"))]
    merge(_Cached(ents, text, [0, text.index("We")]))
    assert [e["role"] for e in ents] == ["introduced", "used" if veto else "introduced"]


def test_a_listed_name_the_rules_introduce_stays_introduced():
    """The veto only blocks promotions: the rules' own `introduced` is left to the demotion
    threshold as before."""
    text = "A Net\nWe propose ResNet-50 here."
    merge = _eager()
    ents = [_ent("ResNet-50", "introduced", text.index("ResNet-50"))]
    merge(_Cached(ents, text, [0, text.index("We")]))
    assert ents[0]["role"] == "introduced"


def test_a_name_its_sentence_gives_to_others_stays_used():
    """`Existing solvers such as X ...` (no we / our in the sentence): the eager classifier
    does not promote X; the same name in a sentence of the authors' own is promoted."""
    text = ("Fast Routing\nExisting solvers such as ZetaSolve are slow. "
            "We build KappaRoute on top of them.")
    merge = _eager()
    ents = [_ent("ZetaSolve", "used", text.index("ZetaSolve")),
            _ent("KappaRoute", "used", text.index("KappaRoute"))]
    merge(_Cached(ents, text, [0, text.index("Existing"), text.index("We")]))
    assert [e["role"] for e in ents] == ["used", "introduced"]


@pytest.mark.parametrize("sentence", [
    "Smith et al. first described ZetaSolve for routing.",
    "A recently proposed solver, ZetaSolve, is slow.",
])
def test_other_cues_of_somebody_elses(sentence):
    """`et al` and the older-words list (older_modifiers.txt) both count."""
    text = "Fast Routing\n" + sentence
    merge = _eager()
    ents = [_ent("ZetaSolve", "used", text.index("ZetaSolve"))]
    merge(_Cached(ents, text, [0, text.index(sentence)]))
    assert ents[0]["role"] == "used"


def test_our_in_the_sentence_keeps_the_promotion():
    """`Unlike existing solvers, our ZetaSolve ...`: the sentence speaks of the authors' own."""
    text = "Fast Routing\nUnlike existing solvers, our ZetaSolve is fast."
    merge = _eager()
    ents = [_ent("ZetaSolve", "used", text.index("ZetaSolve"))]
    merge(_Cached(ents, text, [0, text.index("Unlike")]))
    assert ents[0]["role"] == "introduced"


def test_the_titles_subject_is_promoted_even_when_listed():
    """`ResNet-50: ...` as a title: the name alone before the colon is the paper's subject, so
    the listed-name block does not hold it back."""
    text = "ResNet-50: Deeper Plonk Nets\nWe present ResNet-50 for quorb tagging."
    merge = _eager()
    ents = [_ent("ResNet-50", "used", 0)]
    ents[0]["mentions"].append(("ResNet-50", text.index("ResNet-50", 5),
                                text.index("ResNet-50", 5) + 9, "s"))
    merge(_Cached(ents, text, [0, text.index("We")]))
    assert ents[0]["role"] == "introduced"
