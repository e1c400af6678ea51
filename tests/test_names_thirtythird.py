"""Names found and left out, thirty-third pass (helper names33); on sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form", [
    ("While CNNs read local texture well, they miss the layout of a page.", "CNNs"),
    ("Older RNNs forget the start of a long receipt.", "RNNs"),
    ("We compare against GNNs that pass messages along the table's rows.", "GNNs"),
    ("Unlike recurrent neural networks, the reader sees the whole page at once.",
     "recurrent neural networks"),
])
def test_a_known_architecture_in_the_plural_is_a_name(nlp, sentence, form):
    ents = run(nlp, "We present a reader for scanned receipts. " + sentence)
    e = find(ents, form)
    assert e is not None and e.type == "METHOD"
