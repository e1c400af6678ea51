"""words.alternation: one longest-first alternation of literal forms, used by the rule families."""

import re

from paperkg.extractors.words import alternation


def test_a_longer_form_wins_over_its_prefix():
    pat = re.compile(rf"\b(?:{alternation(['net', 'network', 'net work'])})\b")
    assert pat.match("network").group(0) == "network"
    assert pat.match("net work").group(0) == "net work"


def test_forms_are_literal_and_spaces_match_what_they_are_told():
    alt = alternation(["a.b", "state space"], r"\s+")
    pat = re.compile(rf"^(?:{alt})$")
    assert pat.match("a.b") and not pat.match("axb")
    assert pat.match("state \n space") and not pat.match("statespace")
    assert not re.match(rf"^(?:{alternation(['state space'])})$", "state  space")


def test_the_passive_introduction_still_reads_a_part_head_before_the_verb():
    from paperkg.extractors.rules.roles import _PASSIVE_INTRO

    assert _PASSIVE_INTRO.match(" (DDG) module is proposed to align")
    assert not _PASSIVE_INTRO.match(" is proposed by Smith")
