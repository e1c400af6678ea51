"""A task's longer written form kept as an alias (task33, rules/task_forms.py), on invented text."""

from __future__ import annotations

import pytest

from paperkg.extractors.canonical import canonical_key
from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _aliases(ents: dict, name: str) -> list[str]:
    """The aliases of the task named name."""
    e = find(ents, name)
    assert e is not None and e.type == "TASK"
    return e.aliases


def test_a_kind_word_before_the_task_gives_its_longer_form(nlp):
    ents = run(nlp, "We address speaker verification for orchard radios. Automatic speaker "
                    "verification fails when pickers shout.", "Notes on Orchard Crates")
    assert "Automatic speaker verification" in _aliases(ents, "speaker verification")


@pytest.mark.parametrize("before", [
    "Recent",  # a word of time or praise (task_form_not_modifiers, task_adjectives)
    "To avoid",  # a verb after "to"
    "We consider",  # a verb after "we"
    "Shouting harms",  # a verb in -s
])
def test_no_longer_form_after_a_non_kind_word(nlp, before):
    ents = run(nlp, f"We address speaker verification for orchard radios. {before} speaker "
                    "verification errors in loud rows.", "Notes on Orchard Crates")
    assert _aliases(ents, "speaker verification") == []


def test_two_kind_words_give_two_longer_forms(nlp):
    ents = run(nlp, "We address speaker verification for orchard radios. Low-latency automatic "
                    "speaker verification fails when pickers shout.", "Notes on Orchard Crates")
    aliases = _aliases(ents, "speaker verification")
    assert "automatic speaker verification" in aliases
    assert "Low-latency automatic speaker verification" in aliases


def test_a_longer_task_name_is_keyed_by_the_shorter_form_written_alone(nlp):
    ents = run(nlp, "Speaker verification fails when pickers shout between the rows.",
               "Pruning Crate Radios for Multi-Channel Speaker Verification")
    e = find(ents, "Multi-Channel Speaker Verification")
    assert e is not None and e.type == "TASK" and e.name == "Multi-Channel Speaker Verification"
    assert e.key == canonical_key("speaker verification")


def test_no_shorter_key_when_the_shorter_form_is_only_inside_the_longer(nlp):
    ents = run(nlp, "Multi-channel speaker verification fails when pickers shout.",
               "Pruning Crate Radios for Multi-Channel Speaker Verification")
    e = find(ents, "Multi-Channel Speaker Verification", ignore_case=True)
    assert e is not None and e.type == "TASK"
    assert e.key == canonical_key(e.name)


def test_a_word_of_means_opening_a_task_leaves_the_rest_as_an_alias(nlp):
    ents = run(nlp, "We prune crate radios before the harvest.",
               "Pruning Crate Radios for Diffusion-Based Orchard Noise Removal")
    e = find(ents, "Diffusion-Based Orchard Noise Removal")
    assert e is not None and e.type == "TASK"
    assert "Orchard Noise Removal" in e.aliases


def test_no_means_alias_that_is_a_generic_field(nlp):
    ents = run(nlp, "We prune crate radios before the harvest.",
               "Pruning Crate Radios for Simulation-Driven Reinforcement Learning")
    e = find(ents, "Simulation-Driven Reinforcement Learning")
    assert e is None or "Reinforcement Learning" not in e.aliases


def test_an_introduced_task_keeps_its_own_key():
    from paperkg.core.records import Entity, Mention, PaperExtraction
    from paperkg.extractors.task_keys import join_task_keys

    def task(role: str) -> Entity:
        """A task named by its longer form, the shorter one written on its own too."""
        name, short = "Multi-Channel Speaker Verification", "speaker verification"
        return Entity(name, "TASK", role, [short], [Mention(name, 0, 34, ""),
                                                    Mention(short, 50, 70, "")],
                      1.0, "title_task", canonical_key(name))

    used, ours = task("used"), task("introduced")
    join_task_keys(PaperExtraction(paper_id="a", entities=[used]))
    join_task_keys(PaperExtraction(paper_id="b", entities=[ours]))
    assert used.key == canonical_key("speaker verification")
    assert ours.key == canonical_key("Multi-Channel Speaker Verification")


def test_a_second_task_word_after_and_gives_the_joined_form(nlp):
    ents = run(nlp, "We study speaker verification and identification for orchard radios.",
               "Notes on Orchard Crates")
    assert "speaker verification and identification" in _aliases(ents, "speaker verification")


@pytest.mark.parametrize("after", [
    "and pruning",  # not a task word
    "and crate detection",  # a second task with its own words: two tasks, not one form
    "and reasoning",  # a weaker task word (task_pattern_heads, not task_strong_heads)
])
def test_no_joined_form_after_other_words(nlp, after):
    ents = run(nlp, f"We study speaker verification {after} for orchard radios.",
               "Notes on Orchard Crates")
    assert not [a for a in _aliases(ents, "speaker verification") if " and " in a]


def test_a_title_task_done_on_something_gives_the_longer_form(nlp):
    ents = run(nlp, "We study speaker verification for orchard radios.",
               "Speaker Verification of Orchard Radios with Crate Noise")
    assert "Speaker Verification of Orchard Radios" in _aliases(ents, "Speaker Verification")


@pytest.mark.parametrize("title", [
    "Speaker Verification of the Orchard Radios",  # a stop word right after "of"
    "Speaker Verification of Many Loud Orchard Crate Radios",  # more than four words
    "Speaker Verification of Orchard Radio Models",  # what is verified is a model
])
def test_no_object_form_past_a_stop_word_or_four_words(nlp, title):
    ents = run(nlp, "We study speaker verification for orchard radios.", title)
    assert not [a for a in _aliases(ents, "Speaker Verification") if " of " in a]
