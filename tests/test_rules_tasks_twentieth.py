"""Task and measure rule changes of the twentieth pass (task20), each on sentences written for
it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def of_type(ents: dict, typ: str) -> set[str]:
    """Names of the entities of one type, case-folded."""
    return {e.name.casefold() for e in ents.values() if e.type == typ}


@pytest.mark.parametrize("sentence", [
    "The glacier tracker maps ice fronts with high precision.",
    "Low precision training of the glacier tracker saves memory on small devices.",
    "The glacier tracker improves spatial precision in the maps it draws.",
])
def test_precision_as_an_everyday_quality_is_no_measure(nlp, sentence):
    assert "precision" not in of_type(run(nlp, sentence), "METRIC")


@pytest.mark.parametrize("sentence", [
    "The glacier tracker reaches a precision of 91.2% on the ice-front maps.",
    "We report precision and recall of the glacier tracker on the ice-front maps.",
])
def test_precision_beside_a_value_or_another_measure_is_a_measure(nlp, sentence):
    assert "precision" in of_type(run(nlp, sentence), "METRIC")


@pytest.mark.parametrize("sentence, value_name", [
    ("The two glacier trackers overlap little (mean Jaccard 0.12) on the ice-front maps.",
     "Jaccard 0.12"),
    ("The glacier tracker ranks the fronts well (Spearman 0.9239) across the valleys.",
     "Spearman 0.9239"),
    ("On GlacierBench, it scores 51.1, outperforming Magistral Medium's 50.3 on every split.",
     "Magistral Medium's 50.3"),
])
def test_a_measured_value_after_a_name_is_no_part_of_it(nlp, sentence, value_name):
    names = set(run(nlp, sentence))
    assert value_name not in names


@pytest.mark.parametrize("sentence, name", [
    ("We fine-tune Wav2Vec 2.0 on the glacier recordings.", "Wav2Vec 2.0"),
    ("We prompt Llama 3.1 with the glacier reports.", "Llama 3.1"),
])
def test_a_version_after_a_name_stays_with_it(nlp, sentence, name):
    assert name in run(nlp, sentence)


def test_real_time_before_a_task_is_a_modifier(nlp):
    title = "Distilling Neural Fields for Real-Time Glacier Front Reconstruction"
    found = of_type(run(nlp, "The glacier model runs fast. We study real-time glacier front "
                             "reconstruction from radar.", title=title), "TASK")
    assert "glacier front reconstruction" in found
    assert "real-time glacier front reconstruction" not in found


def test_the_surest_tasks_are_kept_under_the_cap(nlp):
    # five tasks, at most four kept: the gazetteer's task named once outranks the task phrases
    # named twice (title first, then confidence, then mentions)
    ab = ("We study the task of snow cover classification and the task of moraine boundary "
          "labeling. Snow cover classification and moraine boundary labeling are hard. We also "
          "address the task of crevasse depth regression and the task of ice flow forecasting; "
          "crevasse depth regression and ice flow forecasting need maps. Our model also does "
          "semantic segmentation.")
    found = of_type(run(nlp, ab, title="A Graph Model for Glaciers"), "TASK")
    assert len(found) == 4
    assert "semantic segmentation" in found
