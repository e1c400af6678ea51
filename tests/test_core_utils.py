"""Properties of the one home for identifiers, dates and sentences (core/ids, dates, text)."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from paperkg.core.dates import date_parts, parse_date, read_date
from paperkg.core.ids import merge_key, normalise_arxiv, normalise_doi, title_id, title_key
from paperkg.core.text import fold, sentence_at, sentence_starts, sentences

FAST = settings(max_examples=150, deadline=None, database=None)


@FAST
@given(st.text(max_size=80))
def test_title_key_is_idempotent_and_ids_are_stable(title):
    key = title_key(title)
    assert title_key(key) == key
    assert title_id(title) == title_id(title)
    assert len(title_id(title)) <= 106
    if not key:
        assert title_id(title).startswith("untitled")


@FAST
@given(st.text(max_size=20), st.text(max_size=20))
def test_titles_told_apart_by_merge_key_get_distinct_ids(a, b):
    if merge_key(a) != merge_key(b) and not title_key(a) and not title_key(b):
        assert title_id(a) != title_id(b)


@FAST
@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_every_real_day_parses_in_every_printed_form(day):
    iso = day.isoformat()
    assert parse_date(iso) == iso
    assert parse_date(day.strftime("%b %d, %Y")) == iso
    assert parse_date(day.strftime("%d %B %Y")) == iso
    assert parse_date(day.strftime("%b %d")) == "-" + iso[4:]  # no year: --MM-DD
    assert date_parts(iso) == (day.year, day.month, day.day)
    assert read_date(iso) == (iso, None)


@FAST
@given(st.integers(1, 12), st.integers(29, 31), st.integers(1900, 2100))
def test_impossible_days_are_never_dates(month, day, year):
    try:
        datetime.date(year, month, day)
        real = True
    except ValueError:
        real = False
    text = f"{year}-{month:02d}-{day:02d}"
    assert (parse_date(text) == text) is real
    value, warning = read_date(text)
    assert value == text and (warning is None) is real


@FAST
@given(st.text(max_size=300))
def test_sentences_cover_the_text_in_order(text):
    starts = sentence_starts(text)
    assert starts[0] == 0 and starts == sorted(set(starts))
    assert all(0 <= s <= len(text) for s in starts)
    for offset, sent in sentences(text):
        assert text[offset:].startswith(sent)
        assert sentence_at(text, offset) == sent


def test_sentence_rules():
    text = "Title: A Thing\nWe use e.g. LoRA. It works (see Fig. 2). Results hold!\nNext line"
    assert [s for _, s in sentences(text)] == [
        "Title: A Thing", "We use e.g. LoRA.", "It works (see Fig. 2).", "Results hold!",
        "Next line"]
    assert sentence_at(text, text.index("LoRA")) == "We use e.g. LoRA."
    assert sentence_at(text, 10_000) == ""


def test_a_full_stop_glued_to_the_next_sentence_ends_it():
    text = ("Title\nIt helps driving applications.In this work we propose IMP (ours).Interestingly"
            " it gains 5%.The code is out.")
    assert [s for _, s in sentences(text)] == [
        "Title", "It helps driving applications.", "In this work we propose IMP (ours).",
        "Interestingly it gains 5%.", "The code is out."]


def test_a_full_stop_inside_a_name_path_or_abbreviation_is_no_sentence_end():
    text = ("We use torch.autograd.Function and Mitsuba 3/Dr.Jit, e.g.In short, gains in "
            "Avg.Acc and Abs.Rel at github.com/org/Repo.Name hold.")
    assert [s for _, s in sentences(text)] == [text]


def test_identifier_forms():
    for raw in ("arXiv:2310.01234v2", "https://arxiv.org/abs/2310.01234", "2310.01234",
                "https://alphaxiv.org/abs/2310.01234v1", "10.48550/arXiv.2310.01234"):
        assert normalise_arxiv(raw) == "2310.01234", raw
    for raw in ("10.1145/3292500.3330701", "https://doi.org/10.1145/3292500.3330701",
                "doi: 10.1145/3292500.3330701.", "DOI:10.1145/3292500.3330701)"):
        assert normalise_doi(raw) == "10.1145/3292500.3330701", raw
    assert normalise_arxiv(None) is None and normalise_doi("no doi here") is None
    assert fold("TÜLU Ñandú") == "tulu nandu"
