"""Names, thirty-sixth pass (helper names36): a venue tag before the title hides no name; and
names35's rule again, with a guard for such a tag: a coined word inside the title that the
abstract never writes again is no name the paper uses; on titles and sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run

_ABSTRACT = "We plan routes for delivery robots. The planner cuts travel time by a third."


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("title, form", [
    ("Route Planning with Sparse MixExperts for Delivery Robots", "MixExperts"),
    ("Private Route Planning with AutoRegressive Priors", "AutoRegressive"),
    ("Route Planning for Delivery Robots in Tiny SeRies of Streets", "SeRies"),
    ("Route Planning for Delivery Robots with Lidar-GNSS Fusion", "Lidar-GNSS"),
    ("Route Planning for Delivery Robots by Team RoboNaut", "RoboNaut"),
])
def test_a_coined_word_only_in_the_title_is_no_name(nlp, title, form):
    assert find(run(nlp, _ABSTRACT, title=title), form) is None


def test_a_coined_word_the_abstract_writes_again_is_kept(nlp):
    ents = run(nlp, "We plan routes with MixExperts. MixExperts cuts travel time by a third.",
               title="Route Planning with Sparse MixExperts for Delivery Robots")
    assert find(ents, "MixExperts") is not None


def test_the_titles_opening_name_is_kept(nlp):
    assert find(run(nlp, _ABSTRACT, title="ZapRoute: Planning Routes for Robots"),
                "ZapRoute") is not None


def test_a_bare_acronym_in_the_title_is_left_to_the_other_rules(nlp):
    assert find(run(nlp, _ABSTRACT, title="Route Planning for Delivery Robots with GAIL"),
                "GAIL") is not None


@pytest.mark.parametrize("title", [
    "[Oral] ZapRoute: Planning Routes for Robots",
    "(Workshop 2031) ZapRoute: Planning Routes for Robots",
    "[Demo] [Short] ZapRoute - Planning Routes for Robots",
])
def test_the_titles_opening_name_after_a_tag_is_kept(nlp, title):
    assert find(run(nlp, _ABSTRACT, title=title), "ZapRoute") is not None


@pytest.mark.parametrize("title", [
    "[Oral] ZapRoute: Planning Routes for Robots",
    "[Spotlight] [Demo] ZapRoute: Planning Routes for Robots",
])
def test_a_venue_tag_does_not_hide_the_titles_own_name(nlp, title):
    ents = run(nlp, "We plan routes for delivery robots with a new planner.", title=title)
    e = find(ents, "ZapRoute")
    assert e is not None and e.role == "introduced"


def test_blanking_a_title_tag_keeps_offsets():
    from paperkg.extractors.rules import blank_title_tags

    text = "[Oral] ZapRoute: Planning\nWe plan routes."
    out = blank_title_tags(text)
    assert len(out) == len(text) and out.index("ZapRoute") == text.index("ZapRoute")
    assert "[" not in out and blank_title_tags("(Almost) Free Lunch") == "(Almost) Free Lunch"
