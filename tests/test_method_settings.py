"""Listed tasks the gold holds as methods off the title (method_settings.txt), on invented text."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_a_listed_setting_off_the_title_is_a_method(nlp):
    ents = run(nlp, "Pear growers rarely label their orchards. In-context learning lets a "
               "language model sort pear photographs from five labelled examples, and we "
               "measure how well in-context learning ranks ripe pears.",
               "Sorting Pears with Few Labels")
    icl = find(ents, "in-context learning")
    assert icl is not None and icl.type == "METHOD"


def test_a_listed_setting_in_the_title_stays_a_task(nlp):
    """A guard: the setting the paper is about stays its task."""
    ents = run(nlp, "We study in-context learning in small pear-sorting transformers and show "
               "that in-context learning appears only after long training.",
               "When Does In-Context Learning Emerge in Pear Sorters?")
    icl = find(ents, "in-context learning")
    assert icl is not None and icl.type == "TASK"
