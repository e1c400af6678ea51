"""Twenty-fourth pass (helper prec24): rules that reject false names by shape and context."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


def test_coined_symbol_inside_a_formula_is_no_name(nlp):
    ents = run(nlp, r"We prove a regret bound of order $\tilde{O}(\sqrt{H^{5}SAT})$ and "
                    r"$\tilde{O}((dT)^{3/4})$ for our GraphMix method.")
    assert find(ents, "SAT") is None
    assert find(ents, "dT") is None
    assert find(ents, "GraphMix") is not None


def test_name_that_is_the_whole_formula_stays(nlp):
    ents = run(nlp, r"We propose an ensemble framework called $FreeTickets$, which beats "
                    r"deep ensembles at $\mathcal{O}(1)$ cost.")
    assert find(ents, "FreeTickets") is not None


def test_medical_condition_and_its_short_form_are_no_names(nlp):
    ents = run(nlp, "Obstructive sleep apnea (OSA) is a risk factor for hypertension. We "
                    "propose ApneaNet, a model that screens for Polycystic Ovary Syndrome too.")
    assert find(ents, "Obstructive sleep apnea") is None and find(ents, "OSA") is None
    assert find(ents, "Polycystic Ovary Syndrome") is None
    assert find(ents, "ApneaNet") is not None


def test_coined_condition_word_and_data_named_after_a_condition_stay(nlp):
    ents = run(nlp, "We curate three datasets (SSDF-Syndrome, SSDF-Dialogue and SSDF-PD) and "
                    "evaluate on the Chronic Kidney Disease dataset.")
    assert find(ents, "SSDF-Syndrome") is not None
    assert find(ents, "Chronic Kidney Disease") is not None


def test_treatment_and_imaging_modality_are_no_names(nlp):
    ents = run(nlp, "We segment teeth in Cone-Beam Computed Tomography (CBCT) scans and follow "
                    "Written Exposure Therapy (WET) guidelines. Our DentSeg model is fast.")
    assert find(ents, "Cone-Beam Computed Tomography") is None and find(ents, "CBCT") is None
    assert find(ents, "Written Exposure Therapy") is None
    assert find(ents, "DentSeg") is not None


def test_coined_name_before_a_hardware_noun_is_no_name(nlp):
    ents = run(nlp, "We deploy WalkPolicy on a real Unitree G1 humanoid and a TurtleBot3 mobile "
                    "robot, and time it on a GB10 GPU.")
    assert find(ents, "Unitree G1") is None
    assert find(ents, "TurtleBot3") is None
    assert find(ents, "GB10") is None
    assert find(ents, "WalkPolicy") is not None


def test_name_before_a_preposition_and_a_device_stays(nlp):
    ents = run(nlp, "We serve OrcaLM on TPU pods and compare it with FlashKV.")
    assert find(ents, "OrcaLM") is not None
