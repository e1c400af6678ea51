"""Names, thirty-sixth pass (helper names36): a venue tag before the title hides no name; on
titles and sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


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
