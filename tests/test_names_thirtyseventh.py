"""Names, thirty-seventh pass (helper names37): a run of coined words outside the title names one
thing ("ZorbTec AD", "Pix9Pix GAN") unless its words stand for several (a measure after a data
set, a kind in the plural, a modifier joined by "-based", words the text also writes alone); on
sentences written for these tests, with invented names."""

from __future__ import annotations

import pytest

from paperkg.extractors.rules.base import Context
from paperkg.extractors.rules.run_joins import one_name
from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, name", [
    ("We test the detectors on ZorbTec AD and report the image-level scores.", "ZorbTec AD"),
    ("Images are translated with a Plix2Plix GAN trained on paired scans.", "Plix2Plix GAN"),
    ("The kernels are lowered to QVM TIR before code generation.", "QVM TIR"),
    ("Recordings were cleaned with kZotope RX before labelling.", "kZotope RX"),
])
def test_a_run_of_coined_words_is_one_name(nlp, sentence, name):
    ents = run(nlp, sentence + " The results hold across seeds.")
    assert find(ents, name) is not None
    for part in name.split():
        assert find(ents, part) is None


@pytest.mark.parametrize("sentence, joined, part", [
    # a measure after a data set
    ("Our sampler reaches a low ZorbSet FID with few steps.", "ZorbSet FID", "ZorbSet"),
    ("It reaches a ZorbSet mAP@50 of 38.5 on the hard split.", "ZorbSet mAP", "ZorbSet"),
])
def test_a_measure_after_a_data_set_stays_apart(nlp, sentence, joined, part):
    ents = run(nlp, sentence)
    assert find(ents, part) is not None
    assert joined not in ents  # (the measure may keep the run as an alias)


def _ctx(text: str) -> Context:
    """A context over text alone (no gazetteer)."""
    return Context(text, [0], [], [], None)


def _words(text: str, run_: str) -> tuple[list[str], list[int]]:
    """The words of run_ and their offsets in text."""
    a = text.index(run_)
    words, offs, pos = run_.split(" "), [], a
    for w in words:
        offs.append(pos)
        pos += len(w) + 1
    return words, offs


@pytest.mark.parametrize("text, run_", [
    ("We tune the QuilNet-Series LMMs on rated clips.", "QuilNet-Series LMMs"),  # a kind
    ("A ReLU-based RNN forecasts the load.", "ReLU-based RNN"),  # a joined modifier
    ("A TD-trained PRM scores each step.", "TD-trained PRM"),
    ("Scores of LLMs' CQ are low.", "LLMs' CQ"),  # a possessive
    ("An E2E ASR system transcribes the calls.", "E2E ASR"),  # a listed opener
    # each word written alone too: two names side by side
    ("We pair 3DZS with SLIM. The 3DZS SLIM system maps rooms; SLIM tracks pose.", "3DZS SLIM"),
])
def test_runs_that_stand_for_several_things(text, run_):
    assert not one_name(_ctx(text), *_words(text, run_))


@pytest.mark.parametrize("text, run_", [
    ("We test on ZorbTec AD and ZorbTec LOCO.", "ZorbTec AD"),  # one word alone is no reason
    ("The kernels are lowered to QVM TIR before code generation.", "QVM TIR"),
])
def test_runs_that_name_one_thing(text, run_):
    assert one_name(_ctx(text), *_words(text, run_))


@pytest.mark.parametrize("sentence, long_, short", [
    ("The encoder adds Gated-Free Attention (ZimQM) to each block.", "Gated-Free Attention",
     "ZimQM"),
    ("Explanatory Ranking Learning (XRL) is an interactive framework.",
     "Explanatory Ranking Learning", "XRL"),
    ("Models are trained with Surrogate Spike Descent (Surrogate SD), with delays.",
     "Surrogate Spike Descent", "Surrogate SD"),
    ("We propose the Q-KDL (Quilted-KDL) method for calibration.", "Quilted-KDL", "Q-KDL"),
])
def test_a_coined_short_name_in_brackets_joins_its_long_form(nlp, sentence, long_, short):
    ents = run(nlp, sentence + " It is fast.")
    e = find(ents, short)
    assert e is not None and long_ in (e.name, *e.aliases)


@pytest.mark.parametrize("sentence, first, second", [
    # a known model in brackets is another entity, not a short name
    ("The Intent Router (GPT-5) plans each call.", "Intent Router", "GPT-5"),
    ("Meshes come from ZorbMesh-X (ViT-H) at full size.", "ZorbMesh-X", "ViT-H"),
    # a version in brackets is no name
    ("We store traces in ZorbDB (v3.50) on disk.", "ZorbDB", "v3.50"),
])
def test_brackets_that_hold_no_short_name(nlp, sentence, first, second):
    ents = run(nlp, sentence + " It is fast.")
    e = find(ents, first)
    assert e is None or second not in e.aliases
