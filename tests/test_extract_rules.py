"""The entity rule families of paperkg.extractors.rules, one section per family module, on
sentences written for these tests; and the word lists they read as data."""

from __future__ import annotations

import pytest

from paperkg.extractors import rules
from paperkg.extractors.rules.base import Context
from paperkg.extractors.words import WORDS, head_forms, head_type, heads, words
from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`): these tests are about the rule families; what the shipped
    learned model changes after them is tested in test_learned.py and scored on the gold."""
    return rules_nlp


def candidates(nlp, text: str) -> Context:
    """The candidates every family leaves for one text (title, newline, abstract)."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "paperkg_entities":
            break
        doc = proc(doc)
    data = doc.user_data
    return rules.find_candidates(text, data["pk_sents"], data["pk_gaz"], data["pk_urls"],
                                 nlp.get_pipe("paperkg_gazetteer"))


def by_rule(ctx: Context, rule: str) -> list[str]:
    """Names of the candidates one rule found."""
    return [c.name for c in ctx.cands if c.rule == rule]


# --- the family registry and the data ----------------------------------------------------------


def test_every_family_module_takes_part_in_stage_order():
    names = [name for _, name, _ in rules.stages()]
    modules = {n.split(".")[0] for n in names}
    assert {"gazetteer", "acronyms", "latex", "names", "tasks", "naming", "metrics",
            "overlaps", "heads", "roles", "orgs"} <= modules
    orders = [order for order, _, _ in rules.stages()]
    assert orders == sorted(orders)
    # known names come first (later families ask whether a span is covered by one), overlaps
    # are resolved before context typing, the metric filter runs after every metric rule
    assert names[0] == "gazetteer.gazetteer_names"
    assert names.index("overlaps.resolve_overlaps") < names.index("heads.head_nouns")
    assert names.index("metrics.metric_compounds") < names.index("metrics.metric_filter")


KNOWN_CONTEXTS = {"after", "list", "subtitle", "appositive", "called", "new_list", "our",
                  "intro", "includes", "canonical", "name_after", "long_form", "copula",
                  "far_list", "apposed", "method_apposed"}


def test_head_list_names_only_known_contexts_and_types():
    for h in heads():
        assert h.contexts <= KNOWN_CONTEXTS, h
        assert h.plural_contexts <= h.contexts, h
        assert h.type in ("", "METHOD", "MODEL", "DATASET", "BENCHMARK", "METRIC", "TASK"), h
    # every context is used by at least one head noun
    assert KNOWN_CONTEXTS == {c for h in heads() for c in h.contexts}


def test_head_forms_follow_the_plural_marks():
    assert {"benchmark", "benchmarks"} <= set(head_forms("after"))
    assert "approach" in head_forms("after") and "approaches" not in head_forms("after")
    assert head_type("Corpora") == "DATASET" and head_type("family", "") == ""
    assert head_type("whatever") == "METHOD"


def test_every_word_list_loads_and_has_no_duplicates():
    for path in WORDS.glob("*.txt"):
        items = words(path.stem)
        assert items, path
        assert len(items) == len(set(items)), path


# --- gazetteer ---------------------------------------------------------------------------------


def test_gazetteer_hit_extends_to_a_versioned_name(nlp):
    ctx = candidates(nlp, "A title\nWe fine-tune Mistral-Nemo-12B on the data.")
    assert "Mistral-Nemo-12B" in by_rule(ctx, "gazetteer_variant")


@pytest.mark.parametrize("sentence, name", [
    ("We use Claude Sonnet 4.0 as a judge.", "Claude Sonnet 4.0"),
    ("We use Whisper Large v3 for speech.", "Whisper Large v3"),
])
def test_known_name_with_a_version_word_is_one_name(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "MODEL"


@pytest.mark.parametrize("sentence, name", [
    ("On the GPT-2-small circuit the heads recover.", "GPT-2-small"),
    ("GPT-5 mini leads overall while PPO does not.", "GPT-5 mini"),
    ("We compare with Llama 4 Scout on the tasks.", "Llama 4 Scout"),
    ("We pretrain Qwen3-0.6B-style models from scratch.", "Qwen3-0.6B"),
    ("We tune Apertus-70B/8B-Instruct on the vignettes.", "Apertus-70B/8B-Instruct"),
])
def test_a_models_tier_word_or_slashed_size_is_part_of_its_name(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "MODEL"


def test_a_slashed_size_joins_a_data_set_but_two_slashed_names_stay_two(nlp):
    ents = run(nlp, "We report accuracy on CIFAR-10/100 and train with Adam/AdamW in 2020/21.")
    assert find(ents, "CIFAR-10/100").type == "DATASET"
    assert find(ents, "Adam") is not None and find(ents, "AdamW") is not None
    assert find(ents, "Llama 2 base") is None
    ents = run(nlp, "We use GPT-4-based judges and the Llama 2 base model.")
    assert find(ents, "GPT-4") is not None and find(ents, "Llama 2") is not None


@pytest.mark.parametrize("sentence, name", [
    ("We train the sampler with flow matching on the data.", "flow matching"),
    ("The iterates follow mirror descent with a fixed step.", "mirror descent"),
    ("Features are compressed by vector quantization first.", "vector quantization"),
    ("Responses are scored with LLM-as-a-judge protocols.", "LLM-as-a-judge"),
])
def test_textbook_techniques_in_lower_case_are_known_methods(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD" and e.role == "used"


@pytest.mark.parametrize("sentence, name", [
    ("We compare against o3 and InternVideo on the clips.", "InternVideo"),
    ("Masks come from SAM2 and depth from Depth Anything V2.", "Depth Anything V2"),
])
def test_released_models_are_models(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "MODEL"


@pytest.mark.parametrize("sentence, name, type_", [
    ("Policies are trained on Adroit and Franka Kitchen.", "Franka Kitchen", "BENCHMARK"),
    ("We pretrain on Conceptual Captions before tuning.", "Conceptual Captions", "DATASET"),
    ("Forecasts are scored by CRPS and the Brier score.", "Brier score", "METRIC"),
])
def test_well_known_data_and_measures_are_typed(nlp, sentence, name, type_):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == type_


def test_regret_alone_is_not_a_measure(nlp):
    ents = run(nlp, "The learner suffers sublinear regret against any adversary.")
    assert not [e.name for e in ents.values() if e.type == "METRIC"]


@pytest.mark.parametrize("sentence, name", [
    ("Features come from DINOv3 and masks from SAM3.", "DINOv3"),
    ("We query ChatGPT-5 and MiniCPM-V 2.6 on each item.", "ChatGPT-5"),
])
def test_versions_of_released_model_families_are_models(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "MODEL"


def test_a_known_name_is_in_one_typed_list():
    from paperkg.extractors.canonical import canonical_key
    from paperkg.extractors.components import load_lexicon

    where: dict[str, set[str]] = {}
    for type_, groups in load_lexicon()["typed"].items():
        for group in groups:
            for form in group:
                where.setdefault(canonical_key(form), set()).add(type_)
    # MAE (masked autoencoder / mean absolute error) and Elo (rating method / score) are both
    twice = {k: t for k, t in where.items() if len(t) > 1}
    assert set(twice) <= {canonical_key("MAE"), canonical_key("Elo")}, twice


@pytest.mark.parametrize("sentence, task", [
    ("Agents are tested on web navigation and shell commands.", "web navigation"),
    ("The encoder improves Speech Separation in noisy rooms.", "speech separation"),
    ("We revisit community detection on sparse graphs.", "community detection"),
])
def test_common_problems_written_once_are_known_tasks(nlp, sentence, task):
    e = find(run(nlp, sentence), task)
    assert e is not None and e.type == "TASK"


def test_one_word_fields_are_not_in_the_task_list(nlp):
    ents = run(nlp, "Exploration, planning and interpretability matter for calibration.")
    assert not [e.name for e in ents.values() if e.type == "TASK"]


def test_generic_technique_words_are_not_in_the_method_list(nlp):
    ents = run(nlp, "We apply data augmentation and meta-learning with autoencoders.")
    assert not [e.name for e in ents.values() if e.type == "METHOD"]


def test_measure_and_its_value_are_not_one_name(nlp):
    ents = run(nlp, "Our sampler reaches FID 18.9 and PSNR 17.6 on the faces.")
    assert find(ents, "FID").type == "METRIC" and find(ents, "FID 18.9") is None


# --- acronyms ----------------------------------------------------------------------------------


def test_acronym_long_form_both_ways(nlp):
    ctx = candidates(nlp, "A title\nWe use Gradient Path Balancing (GPB) and TBL (Token Budget "
                          "Limiting) together.")
    assert ctx.defined["GPB"] == "Gradient Path Balancing"
    assert ctx.defined["TBL"] == "Token Budget Limiting"


@pytest.mark.parametrize("dash", ["---", "--", "\u2014", " \u2013 "])
def test_a_dash_run_ends_the_long_form(nlp, dash):
    ctx = candidates(nlp, f"A title\nWe cut the sample cost{dash}Warped Token Pruning (WTP) "
                          "keeps accuracy.")
    assert ctx.defined["WTP"] == "Warped Token Pruning"


def test_lower_case_long_form_ending_in_a_technique_head(nlp):
    ctx = candidates(nlp, "A title\nThe stale replay buffer is mixed with sparse prior "
                          "replay (SPR) during updates.")
    assert ctx.defined["SPR"] == "sparse prior replay"


@pytest.mark.parametrize("sentence, name, type_", [
    # the gazetteer's SAM is the Segment Anything Model: this text's SAM is an optimiser
    ("We train with Sharpness-Aware Minimization (SAM). SAM seeks flat minima.",
     "Sharpness-Aware Minimization", "METHOD"),
    # the known long form, written in the text, keeps the known name and type
    ("We prompt the Segment Anything Model (SAM) with boxes. SAM segments cells.",
     "Segment Anything Model", "MODEL"),
    # a long form that shares a word with the known one is the known name written otherwise
    ("We apply supervised finetuning (SFT) to the base model.", "SFT", "METHOD"),
])
def test_a_known_acronym_defined_as_something_else_takes_the_texts_type(nlp, sentence, name,
                                                                         type_):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == type_


def test_a_known_acronym_is_one_entity_with_the_long_form_the_text_gives_it(nlp):
    # this paper spells the known acronym's long form otherwise (a typo): the acronym is no
    # second entity beside it, whatever another paper of the batch defines it as
    from paperkg.core.records import Paper
    from paperkg.extractors.pipeline import extract

    papers = [Paper(id="a", title="A study of faces", abstract="We reduce the features with "
                    "principal component analysis (PCA) first."),
              Paper(id="b", title="A study of posts", abstract="Principle Component Analysis "
                    "(PCA) were utilized for dimensionality reduction before the classifier.")]
    _, ex = extract(papers, nlp=nlp)
    with_pca = [e for e in ex.entities if "PCA" in (e.name, *e.aliases)]
    assert len(with_pca) == 1
    assert "principle component analysis" in {f.lower() for f in (with_pca[0].name,
                                                                   *with_pca[0].aliases)}


def test_a_known_acronym_without_a_known_long_form_keeps_its_type(nlp):
    # the gazetteer lists CLIP with no long form, and "MS COCO" spells nothing of COCO
    ents = run(nlp, "We use Contrastive Language-Image Pre-training (CLIP) features on "
                    "Common Objects in Context (COCO) images.")
    assert find(ents, "CLIP").type == "MODEL"
    assert any(e.type == "DATASET" for e in ents.values() if "COCO" in (e.name, *e.aliases))


def test_a_mixed_case_short_name_before_its_bracketed_long_form(nlp):
    # "Fi" is no letter run of "Frequency": the capitals F, R begin its words
    ents = run(nlp, "We introduce FiRe (Frequency Reparameterization), a preconditioner.")
    e = find(ents, "FiRe")
    assert e is not None and e.name == "Frequency Reparameterization"


def test_long_form_of_a_mixed_case_short_form(nlp):
    ents = run(nlp, "We introduce General-Geometry Neural Whitney Forms (Geo-NeW): a solver.")
    e = find(ents, "Geo-NeW")
    assert e.name == "General-Geometry Neural Whitney Forms" and e.role == "introduced"


def test_mixed_case_short_form_in_brackets_joins_its_name_without_spelling_it(nlp):
    # names37 (rules/loose_brackets.py): the gold makes such a pair one entity in most cases
    # ("Parameter-Free Attention (SimAM)", "Latent Crossing (LaX)"), as the writer put it
    ents = run(nlp, "We train a Sparse Mixture Router (SpaMoRo) on the data.")
    assert "SpaMoRo" in find(ents, "Sparse Mixture Router").aliases


def test_title_case_long_form_with_a_task_head_is_a_method(nlp):
    ents = run(nlp, "We use Contrastive Kestrel Learning (CKL) and glacier boundary detection "
                    "(GBD) here.")
    assert find(ents, "CKL").type == "METHOD" and find(ents, "GBD").type == "TASK"


def test_title_case_long_form_with_a_strong_task_head_is_a_task(nlp):
    ents = run(nlp, "Modern Kestrel Pose Tracking (KPT) systems fail in fog. We add Retrieval "
                    "Kestrel Generation (RKG) for it.")
    assert find(ents, "KPT").type == "TASK" and find(ents, "RKG").type == "TASK"
    ents = run(nlp, "We propose Kestrel Pose Tracking (KPT), a new tracker.")
    assert find(ents, "KPT").type != "TASK"  # the paper's own: a method


def test_generic_long_form_is_no_entity(nlp):
    ctx = candidates(nlp, "A title\nWe study reinforcement learning (RL) for robots.")
    assert "RL" not in ctx.defined and "RL" in ctx.generic_acr


@pytest.mark.parametrize("sentence, kind", [
    ("Yet Modern Multimodal Large Language Models still miscount objects.",
     "Modern Multimodal Large Language Models"),
    ("We compare against Remote Sensing Foundation Models on crops.",
     "Remote Sensing Foundation Models"),
])
def test_a_generic_plural_after_modifiers_is_no_name(nlp, sentence, kind):
    assert find(run(nlp, sentence), kind) is None


def test_a_participle_joined_to_a_coined_name_is_no_part_of_it(nlp):
    ents = run(nlp, "We train on KestrelGAN-augmented traces and report GPS-denied flights. "
                    "KestrelGAN is small.")
    assert find(ents, "KestrelGAN-augmented") is None and find(ents, "GPS-denied") is None
    assert find(ents, "KestrelGAN") is not None


def test_a_named_kind_of_network_in_the_singular_is_still_a_name(nlp):
    ents = run(nlp, "We train a Kestrel Gated Neural Network on the traces.")
    assert find(ents, "Kestrel Gated Neural Network") is not None


# --- latex -------------------------------------------------------------------------------------


def test_latex_residue_name(nlp):
    ctx = candidates(nlp, "A title\nWe present $\\mathcal{Q}$-Mixer for audio.")
    assert by_rule(ctx, "latex_name") == ["Q-Mixer"]


# --- names (capitalised and coined runs) -------------------------------------------------------
def test_monte_carlo_alone_is_a_family_not_a_name(nlp):
    ents = run(nlp, "We run a Monte Carlo simulation first, and Monte Carlo Tree Search plans "
                    "the moves.")
    assert find(ents, "Monte Carlo") is None
    assert find(ents, "Monte Carlo Tree Search") is not None


def test_a_model_shaped_name_before_style_is_the_model(nlp):
    ents = run(nlp, "We train Zwen3-0.6B-style and Gamma 3 1B-style models on the data.")
    assert find(ents, "Zwen3-0.6B") is not None and find(ents, "Zwen3-0.6B-style") is None


def test_acronym_modifier_is_no_part_of_a_name(nlp):
    ents = run(nlp, "We compare LLM-based ZQRS with FLOB-native KTV. The GP-predicted curve is "
                    "shown on T7-weighted scans.")
    for fragment in ("LLM-based ZQRS", "FLOB-native KTV", "GP-predicted", "T7-weighted"):
        assert find(ents, fragment) is None, fragment
    assert find(ents, "ZQRS") is not None


@pytest.mark.parametrize("sentence, name", [
    ("Agents call tools through the Model Context Protocol in our tests.",
     "Model Context Protocol"),
    ("We use slides from The Cancer Plonk Atlas for training.", "The Cancer Plonk Atlas"),
    ("We translate with No Language Left Behind and compare.", "No Language Left Behind"),
])
def test_a_lower_case_word_capitalised_mid_sentence_begins_the_name(nlp, sentence, name):
    ents = run(nlp, sentence)
    assert find(ents, name) is not None and find(ents, name.split(" ", 1)[1]) is None


def test_a_lead_word_at_a_sentence_start_or_before_a_number_is_trimmed(nlp):
    ents = run(nlp, "We study agents. Model Context Protocol servers help. We use Task 8 data.")
    assert find(ents, "Model Context Protocol") is None
    assert find(ents, "Context Protocol") is not None and find(ents, "Task 8") is None


@pytest.mark.parametrize("name", ["PlonkBERT", "mPlonkBERT", "XLM-PlonkRoBERTa", "MedGemma",
                                  "CodePlonkT5"])
def test_a_coined_name_ending_in_a_model_family_is_a_model(nlp, name):
    e = find(run(nlp, f"We compare {name} with earlier systems on the task."), name)
    assert e is not None and e.type == "MODEL"


def test_a_capitalised_order_of_two_steps_is_a_coined_name(nlp):
    ents = run(nlp, "We compare Plonk-then-Explain with Explain-then-Plonk on three tasks. "
                    "The model must retrieve-then-generate answers.")
    assert find(ents, "Plonk-then-Explain") is not None
    assert find(ents, "Explain-then-Plonk") is not None
    assert find(ents, "retrieve-then-generate") is None


def test_a_numbered_part_of_something_is_no_name(nlp):
    ents = run(nlp, "We won Track 1 and Track 2 with PlonkNet; User 1 and User 2 share a channel, "
                    "and Layer 2 of PlonkNet is pruned with Prompt B.")
    for name in ("Track 1", "Track 2", "User 1", "User 2", "Layer 2", "Prompt B"):
        assert find(ents, name) is None, name
    assert find(ents, "PlonkNet") is not None


def test_coined_runs_split_into_single_names(nlp):
    ctx = candidates(nlp, "A title\nWe compare FooNet-7B BarLM-2 on the task.")
    names = by_rule(ctx, "coined_name")
    assert "FooNet-7B" in names and "BarLM-2" in names


@pytest.mark.parametrize("sentence, name", [
    ("We fine-tune Gemini-2.0-Flash on the data.", "Gemini-2.0-Flash"),
    ("We distil from DeepSeek R1 into small models.", "DeepSeek R1"),
])
def test_names_with_versions_are_whole_models(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "MODEL"


def test_plain_word_with_a_dataset_head_is_one_name(nlp):
    ctx = candidates(nlp, "A title\nResults on the Kestrel dataset are strong.")
    assert "Kestrel dataset" in by_rule(ctx, "named_by_head")


def test_owner_possessive_and_dashes_are_not_part_of_names(nlp):
    ents = run(nlp, "We compare Acme's FooLM-2 with the CEs---in particular the BarNet ones.")
    assert find(ents, "FooLM-2") is not None and find(ents, "Acme's FooLM-2") is None
    assert not [n for n in ents if "---" in n]


@pytest.mark.parametrize("sentence, word", [
    ("A FooNet-Driven planner reads the URL and the KV cache.", "FooNet-Driven"),
    ("A FooNet-Driven planner reads the URL and the KV cache.", "URL"),
    ("A FooNet-Driven planner reads the URL and the KV cache.", "KV"),
])
def test_modifiers_and_common_abbreviations_are_not_names(nlp, sentence, word):
    assert find(run(nlp, sentence), word) is None


def test_words_of_a_title_in_capitals_are_not_acronyms(nlp):
    ents = run(nlp, "We study SQIRL on graphs.", title="LEARNING GRAPH NETWORKS FOR BLOCK MODELS")
    assert list(ents) == ["SQIRL"]


def test_code_points_are_markup_not_names(nlp):
    ents = run(nlp, "We use \\unicode{x1D45B}\\unicode{x1D451} and &#x2013; SQIRL on NPUs.")
    assert list(ents) == ["SQIRL"]


def test_hardware_with_a_size_is_not_a_name(nlp):
    assert not run(nlp, "We train on a single 24 GB RTX 4090 GPU.")


def test_glued_sentences_and_units_are_not_names(nlp):
    ents = run(nlp, "We study SQIRL on graphs.RL.We also use FP16 and 24 GB VRAM at 3 dB.")
    assert list(ents) == ["SQIRL"]


@pytest.mark.parametrize("sentence, names", [
    ("By evaluating 3DGS, 2DGS, and triangle splatting under one budget, we see gains.",
     ["3DGS", "2DGS"]),
    ("Extensive experiments on 3DSSG show that it works.", ["3DSSG"]),
])
def test_an_acronym_led_by_a_digit_is_a_name(nlp, sentence, names):
    ents = run(nlp, sentence)
    assert all(find(ents, n) is not None for n in names)


def test_a_quantity_with_a_unit_led_by_a_digit_is_no_name(nlp):
    ents = run(nlp, "Caching takes only 6GB of memory and follows 3GPP rules for SQIRL.")
    assert list(ents) == ["SQIRL"]


def test_a_generic_acronym_with_a_benchmark_suffix_is_a_name(nlp):
    e = find(run(nlp, "Our reward models gain accuracy on RM-Bench and on RewardBench."),
             "RM-Bench")
    assert e is not None and e.type == "BENCHMARK"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Experiments on the PLONK 2005 dataset show gains in recall.", "PLONK 2005"),
    ("The design is evaluated with PlonkSuite 2017, where it halves the latency.",
     "PlonkSuite 2017"),
    ("We release a dataset PLK-FS 2025 with dense nuclei.", "PLK-FS 2025"),
])
def test_a_coined_name_with_a_year_beside_a_data_cue_is_named_with_the_year(nlp, sentence,
                                                                             name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type != "TASK"


def test_a_coined_name_with_a_year_elsewhere_is_a_venue(nlp):
    ents = run(nlp, "Our results were presented at PLONKCONF 2024 and, in conjunction with the "
                    "PLK-CRAC 2026 workshop, discussed.")
    assert not [e for e in ents.values() if "PLONKCONF" in e.name or "PLK-CRAC" in e.name]


# --- tasks -------------------------------------------------------------------------------------
def test_repeated_task_phrase_is_no_fragment_of_a_word_or_modifier(nlp):
    ctx = candidates(nlp, "Imaging based Zorp Recognition for 3D plonk reasoning\nWe study imaging "
                          "based zorp recognition and 3D plonk reasoning in wards.")
    names = {n.lower() for n in by_rule(ctx, "task_repeated")}
    assert "d plonk reasoning" not in names and "based zorp recognition" not in names


def test_title_piece_ending_in_a_task_head_is_a_task(nlp):
    ents = run(nlp, "We describe a model. It runs on phones.",
               title="Lightweight Wildfire Smoke Segmentation with Sparse Kernels")
    e = find(ents, "Wildfire Smoke Segmentation")
    assert e is not None and e.type == "TASK"


@pytest.mark.parametrize("title, task", [
    ("Fast Drug Repurposing on Knowledge Graphs", "Drug Repurposing"),
    ("Executable SQL Generation from Speech", "Executable SQL Generation"),
    ("3D Indoor Scene Generation with Layout Priors", "3D Indoor Scene Generation"),
])
def test_title_task_phrases_with_gerunds_and_modifiers(nlp, title, task):
    e = find(run(nlp, "We describe a system. It works.", title=title), task)
    assert e is not None and e.type == "TASK"


@pytest.mark.parametrize("title, task, not_task", [
    ("EvGS: Event Enhanced Motion Deblurring with Splats", "Motion Deblurring",
     "Event Enhanced Motion Deblurring"),
    ("Data Efficient Radar Channel Modeling with Vision Priors", "Radar Channel Modeling",
     "Data Efficient Radar Channel Modeling"),
])
def test_title_task_drops_a_spaced_compound_modifier(nlp, title, task, not_task):
    ctx = candidates(nlp, title + "\nWe describe a system. It works.")
    names = by_rule(ctx, "title_task")
    assert task in names and not_task not in names


def test_title_task_before_a_system_word_is_the_task(nlp):
    ctx = candidates(nlp, "Leaf Colour Extraction Pipeline for Odonates\nWe describe a tool.")
    assert "Leaf Colour Extraction" in by_rule(ctx, "title_task")


def test_title_for_phrase_written_twice_in_the_abstract_is_a_task_beside_others(nlp):
    ents = run(nlp, "Plonk collapse appears in image classification. We explain plonk collapse "
                    "by feature learning speeds.",
               title="Multi-scale Feature Learning Dynamics: Insights for Plonk Collapse")
    e = find(ents, "Plonk Collapse")
    assert e is not None and e.type == "TASK"


def test_title_task_takes_the_shorter_form_its_abstract_writes(nlp):
    ents = run(nlp, "Dropout helps uncertainty estimation. We adapt the rates per layer.",
               title="Adaptive Dropout Rates for Inference-Time Uncertainty Estimation")
    e = find(ents, "Inference-Time Uncertainty Estimation")
    assert e is not None and e.type == "TASK" and "uncertainty estimation" in e.aliases


def test_title_piece_led_by_a_gerund_verb_is_not_a_task(nlp):
    ctx = candidates(nlp, "A Note on Evaluating Retrieval for Glacier Mapping\nWe evaluate.")
    assert "Evaluating Retrieval" not in by_rule(ctx, "title_task")


def test_task_head_that_modifies_a_noun_is_not_the_end_of_a_task(nlp):
    ents = run(nlp, "We fine-tune the coder on synthetic verification traces.")
    assert find(ents, "synthetic verification") is None


def test_title_piece_inside_a_longer_title_name_is_not_a_second_name(nlp):
    ents = run(nlp, "We propose Sparse Kestrel Shaping with Counterfactual Credit (SKSCC), which "
                    "rewards agents.", title="Sparse Kestrel Shaping with Counterfactual Credit")
    assert find(ents, "SKSCC").role == "introduced"
    assert find(ents, "Sparse Kestrel Shaping") is None


def test_title_piece_after_via_is_the_means_not_the_task(nlp):
    ctx = candidates(nlp, "Better Robots via Contrastive Reward Learning\nWe train robots.")
    assert "Contrastive Reward Learning" not in by_rule(ctx, "title_task")


@pytest.mark.parametrize("sentence, task", [
    ("We apply the model for glacier boundary detection in satellite images.",
     "glacier boundary detection"),
    ("It helps in tabular anomaly detection and beyond.", "tabular anomaly detection"),
    ("It covers tasks such as link prediction and node ranking.", "link prediction"),
    ("The defence works for indirect prompt injection in agents.", "indirect prompt injection"),
    ("We give regret bounds for contextual glacier bandits with delays.",
     "contextual glacier bandits"),
])
def test_task_phrase_after_a_preposition(nlp, sentence, task):
    e = find(run(nlp, sentence), task)
    assert e is not None and e.type == "TASK"


def test_the_x_task(nlp):
    e = find(run(nlp, "We study the glacier boundary detection task on radar images."),
             "glacier boundary detection")
    assert e is not None and e.type == "TASK"


def test_an_adverb_and_participle_before_a_task_phrase_stay_out(nlp):
    ents = run(nlp, "Deep models fit the neuroscientifically inspired glacier completion task.")
    e = find(ents, "glacier completion")
    assert e is not None and e.type == "TASK"


@pytest.mark.parametrize("sentence, task", [
    ("It is strong on both scalar and vector-valued glacier property prediction tasks.",
     "glacier property prediction"),
    ("Our agents are used to solve classic glacier control tasks.", "glacier control"),
    ("We revisit the glacier calving prediction problem with radar.",
     "glacier calving prediction"),
])
def test_x_tasks_without_a_determiner(nlp, sentence, task):
    ents = run(nlp, sentence)
    e = find(ents, task)
    assert e is not None and e.type == "TASK"
    assert len([e for e in ents.values() if e.type == "TASK"]) == 1  # no verb or adjective


@pytest.mark.parametrize("sentence, tasks", [
    ("It matches the baselines on classification, detection and segmentation tasks.",
     {"classification", "detection", "segmentation"}),
    ("Encoders serve many tasks, including classification and retrieval.",
     {"classification", "retrieval"}),
    ("The corpus has three tasks: glacier classification, crevasse detection, ice type "
     "classification.",
     {"glacier classification", "crevasse detection", "ice type classification"}),
    ("We study the tasks of glacier classification and glacier segmentation.",
     {"glacier classification", "glacier segmentation"}),
])
def test_tasks_listed_with_the_word_tasks(nlp, sentence, tasks):
    ents = run(nlp, sentence)
    assert {e.name.lower() for e in ents.values() if e.type == "TASK"} == tasks


def test_one_head_word_in_a_list_is_a_task_only_beside_another(nlp):
    ents = run(nlp, "We evaluate on English and multilingual language, and reasoning tasks.")
    assert not [e for e in ents.values() if e.type == "TASK"]


def test_a_task_ending_another_task_is_its_short_form(nlp):
    ents = run(nlp, "As glacier calving detection models spread, we attack them.",
               title="No-Box Attacks on Video Glacier Calving Detection")
    tasks = [e for e in ents.values() if e.type == "TASK"]
    assert [e.name for e in tasks] == ["Video Glacier Calving Detection"]
    assert "glacier calving detection" in tasks[0].aliases
    assert len(tasks[0].mentions) == 2


@pytest.mark.parametrize("sentence, task", [
    ("Glacier calving forecasting aims to predict ice loss. We use radar.",
     "Glacier calving forecasting"),
    ("Crevasse anomaly detection (CAD) remains hard. We use radar.", "Crevasse anomaly detection"),
    ("Glacier unlearning, the removal of ice data, is new. We use radar.", "Glacier unlearning"),
    ("To improve glacier detection is our aim. We use radar.", None),
    ("We develop explicit glacier calibration in this work.", None),
])
def test_sentence_opening_with_a_task_phrase_that_it_explains(nlp, sentence, task):
    ents = run(nlp, sentence, title="A Radar Study")
    tasks = {e.name for e in ents.values() if e.type == "TASK"}
    assert tasks == ({task} if task else set())


def test_task_phrases_listed_after_the_first(nlp):
    # the paper's own sentence: a known task listed in passing ("It covers tasks such as ...")
    # may be judged no task of the paper (rules/task_judge.py)
    ents = run(nlp, "We study tasks such as link prediction, node ranking and graph matching.")
    assert {find(ents, t).type for t in ("link prediction", "node ranking", "graph matching")} \
        == {"TASK"}


def test_a_task_phrase_written_twice_is_a_task(nlp):
    ents = run(nlp, "Glacier calving detection is hard. We show that glacier calving detection "
                    "benefits from radar.")
    e = find(ents, "glacier calving detection")
    assert e is not None and e.type == "TASK"


def test_a_task_phrase_written_once_needs_a_pattern(nlp):
    # no pattern takes it; since task41 the learned scorer of task-head phrases may
    ents = run(nlp, "Our model uses glacier calving detection as a signal.")
    e = find(ents, "glacier calving detection")
    assert e is None or e.extractor == "task_scored"


@pytest.mark.parametrize("sentence", [
    "This is useful for implementing learning systems at scale.",
    "The model is trained for superior generalization on hard data.",
    "These ideas are common in machine learning today.",
])
def test_no_task_phrase_from_verbs_adjectives_or_fields(nlp, sentence):
    ents = run(nlp, sentence)
    assert not [e.name for e in ents.values() if e.type == "TASK"]


@pytest.mark.parametrize(("sentence", "task"), [
    ("We design a new encoder for temporal understanding in videos.", None),
    ("We design a new encoder for temporal understanding. Temporal understanding is hard.",
     "temporal understanding"),
    ("We design a new encoder for image synthesis on faces.", "image synthesis"),
    ("We design a new encoder for video understanding on clips.", "video understanding"),
])
def test_a_vague_two_word_task_after_for_needs_a_second_mention(nlp, sentence, task):
    tasks = [e.name.lower() for e in run(nlp, sentence).values() if e.type == "TASK"]
    assert tasks == ([task] if task else [])


# --- naming ------------------------------------------------------------------------------------


def test_lower_case_name_after_called(nlp):
    ctx = candidates(nlp, "A title\nWe propose a technique called gradient folding, which helps.")
    assert by_rule(ctx, "called_lower") == ["gradient folding"]


@pytest.mark.parametrize("sentence, name, role", [
    # "termed as", and a verb or relative word right after the name ends it
    ("The resulting operator, termed as folded spectral operators (FSOs), is stable.",
     "folded spectral operators", "introduced"),
    ("A small sub-network called rotary gap encoder is proposed to encode positions.",
     "rotary gap encoder", "introduced"),
    ("Forecasts pass through a step called plonkbeating to make them robust.",
     "plonkbeating", "used"),
])
def test_lower_case_name_after_termed_as_or_before_a_verb(nlp, sentence, name, role):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD" and e.role == role


def test_named_entity_is_no_naming(nlp):
    ctx = candidates(nlp, "A title\nIt holds over 7,000 named entity mentions linked to pages.")
    assert by_rule(ctx, "called_lower") == []


@pytest.mark.parametrize("sentence, name", [
    ("In this paper, we propose anchored rollout sampling, which reuses partial rollouts.",
     "anchored rollout sampling"),
    ("We propose margin-aware prompting to improve robustness.", "margin-aware prompting"),
    ("We design a method which we call stale gradient folding.", "stale gradient folding"),
])
def test_lower_case_coined_methods_are_introduced(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD" and e.role == "introduced"


@pytest.mark.parametrize("sentence", [
    "We present extensive experiments on three datasets.",
    "We propose using larger batches for training.",
    "We propose to reuse rollouts across updates.",
])
def test_no_coined_method_from_ordinary_objects(nlp, sentence):
    assert not run(nlp, sentence)


# --- marked ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, name", [
    ("In this paper, we propose a \\emph{lookahead drifting model}. It looks ahead.",
     "lookahead drifting model"),
    ('We introduce "Policy as Prompt," a new approach to guardrails.', "Policy as Prompt"),
    ("We study kernels that we call ``moment kernels,'' and prove a result.", "moment kernels"),
    ("We introduce the concept of ``continuous semantic similarity'' to define pairs.",
     "continuous semantic similarity"),
])
def test_marked_phrase_after_an_intro_or_naming_verb_is_introduced(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.role == "introduced"


def test_marked_names_in_a_list_are_all_named(nlp):
    ents = run(nlp, "The algorithm uses two new techniques called \\textit{episodic gradient "
                    "clipping} and \\textit{periodic resampled corrections}.")
    for name in ("episodic gradient clipping", "periodic resampled corrections"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced"


@pytest.mark.parametrize("sentence", [
    'Such data are called "unlearnable" by their owners.',
    'We introduce an "ultrafast" variant of the solver.',
])
def test_a_marked_plain_word_is_no_name(nlp, sentence):
    assert not run(nlp, sentence)


# --- intro_objects -----------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, name", [
    ("Also, we propose a multi-scale training, which improves the recall.", "multi-scale training"),
    ("Holding the encoder fixed, we introduce a scale-aware fine-tuning to merge masks.",
     "scale-aware fine-tuning"),
    ("First, the model introduces modulus transformation to encode hierarchies.",
     "modulus transformation"),
    ("We further propose overlap-aware regularization during training.",
     "overlap-aware regularization"),
])
def test_lower_case_technique_as_object_of_an_intro_verb_is_introduced(nlp, sentence, name):
    ctx = candidates(nlp, "A title\n" + sentence)
    assert name in by_rule(ctx, "intro_object")
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD" and e.role == "introduced"


@pytest.mark.parametrize("sentence", [
    "We propose a two-stage training framework for ranking.",
    "We develop a lightweight multi-task neural network for faces.",
    "We introduce a simple yet effective random-shuffling strategy for inputs.",
])
def test_intro_object_broad_heads_are_descriptions(nlp, sentence):
    assert not by_rule(candidates(nlp, "A title\n" + sentence), "intro_object")


def test_intro_object_takes_the_phrases_listed_after_it(nlp):
    ents = run(nlp, "We introduce a depth-aware ranking loss and a curvature-guided sampling "
                    "schedule.")
    for name in ("depth-aware ranking loss", "curvature-guided sampling schedule"):
        assert find(ents, name).role == "introduced"


@pytest.mark.parametrize("sentence", [
    "We propose a new framework for ranking.",  # a description: no technique head
    "We present a hierarchical approach to planning.",
    "We introduce a spectral gating network for mixing.",  # the phrase goes on past 'gating'
    "Prior work proposes a contrastive ranking loss for retrieval.",  # somebody else's
    "We propose a contrastive learning loss.",  # a known technique as a modifier
])
def test_intro_object_needs_a_technique_head_and_this_paper(nlp, sentence):
    assert not by_rule(candidates(nlp, "A title\n" + sentence), "intro_object")


# --- metrics -----------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, metric", [
    ("Our parser reaches 91.2% attachment accuracy on the test set.", "attachment accuracy"),
    ("The detector lowers the false alarm rate to 3%.", "false alarm rate"),
    ("We report a Dice score of 0.87 on the scans.", "Dice score"),
    ("It cuts the relative L2 error by 40%.", "relative L2 error"),
])
def test_compound_measures_in_an_evaluation(nlp, sentence, metric):
    e = find(run(nlp, sentence), metric)
    assert e is not None and e.type == "METRIC"


@pytest.mark.parametrize("sentence, metric", [
    ("We report 71.3 mean IoU and 0.81 Cohen's kappa on the scans.", "mean IoU"),
    ("We report 71.3 mean IoU and 0.81 Cohen's kappa on the scans.", "Cohen's kappa"),
    ("It lowers the Wasserstein distance to the target by 30%.", "Wasserstein distance"),
])
def test_averaged_possessive_and_named_measures(nlp, sentence, metric):
    e = find(run(nlp, sentence), metric)
    assert e is not None and e.type == "METRIC"


def test_average_and_scope_words_are_not_part_of_a_measure(nlp):
    # metric34: the longer written forms are the measure's aliases, never its name
    ents = run(nlp, "We report an average PSNR of 31.2 dB and a per-class Dice score of 0.8.")
    names = {e.name for e in ents.values()}
    assert find(ents, "PSNR").name == "PSNR" and "average PSNR" not in names
    assert find(ents, "Dice score").name == "Dice score" and "per-class Dice score" not in names
    assert find(ents, "average PSNR") is find(ents, "PSNR")


@pytest.mark.parametrize("sentence, not_metric", [
    ("The method achieves higher accuracy than the baseline by 3 points.", "higher accuracy"),
    ("We tune the learning rate and report 5 runs.", "learning rate"),
    ("Our method improved accuracy by 4% on the data.", "improved accuracy"),
    ("With momentum it reaches a faster convergence rate, 2x in theory.", "convergence rate"),
    ("The algorithm converges to the equilibrium at a linear rate in 3 steps.", "linear rate"),
    ("We halve the samples needed to reach a given target accuracy by 50%.", "target accuracy"),
])
def test_adjectives_verbs_and_hyperparameters_are_not_part_of_a_measure(nlp, sentence,
                                                                       not_metric):
    assert find(run(nlp, sentence), not_metric) is None


@pytest.mark.parametrize("sentence, measure, not_measure", [
    ("Results: MixMatch's accuracy drops to 80% on the test set.", "accuracy",
     "MixMatch's accuracy"),
    ("We measure the planner's collision rate of 3.2% in simulation.", "collision rate",
     "planner's collision rate"),
    ("We average seven retrieval success rates of 0.8 each.", "retrieval success rates",
     "seven retrieval success rates"),
])
def test_whose_measure_and_how_many_are_not_part_of_it(nlp, sentence, measure, not_measure):
    ents = run(nlp, sentence)
    assert find(ents, not_measure) is None
    e = find(ents, measure)
    assert e is not None and e.type == "METRIC"


def test_bare_accuracy_refers_back_to_the_compound(nlp):
    ents = run(nlp, "We report 81.0% pixel accuracy. The model also beats baselines in accuracy.")
    e = find(ents, "pixel accuracy")
    assert e is not None and "accuracy" in e.aliases
    assert [x.name for x in ents.values() if x.type == "METRIC"] == ["pixel accuracy"]


def test_bare_accuracy_without_evaluation_context_is_not_a_metric(nlp):
    assert find(run(nlp, "Whether their accuracy is equitable remains open."), "accuracy") is None


def test_names_listed_with_a_known_metric_are_metrics(nlp):
    ents = run(nlp, "We report BLEU, chrF2 and COMETx scores of 30.1, 55.2 and 0.81.")
    assert find(ents, "chrF2").type == "METRIC"


def test_long_form_ending_in_a_measure_head_is_a_metric(nlp):
    ents = run(nlp, "We report the Mean Squared Log Error (MSLE) and it drops by 10%.")
    assert find(ents, "MSLE").type == "METRIC"


def test_overall_is_no_part_of_a_measure(nlp):
    ents = run(nlp, "Our detector reaches an overall accuracy of 91.2% and a lower overall "
                    "calibration error than the baseline.")
    assert {n for n, e in ents.items() if e.type == "METRIC"} == {"accuracy", "calibration error"}


# --- heads (typing from head nouns and lists) --------------------------------------------------
def test_a_coined_name_after_a_singular_model_head_is_a_model(nlp):
    ents = run(nlp, "For instance, the open-source model Zearch-Q1 reaches 3.2% on the task.")
    assert find(ents, "Zearch-Q1").type == "MODEL"


@pytest.mark.parametrize("sentence, name", [
    ("Evaluated on the WiFi fingerprinting dataset WiPlonk, our approach achieves 94%.",
     "WiPlonk"),
    ("It improves F1 by 11% on the open-domain C-PLONK relation extraction dataset.", "C-PLONK"),
])
def test_a_data_head_apart_from_the_name_types_it(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "DATASET"


def test_a_capitalised_modifier_before_a_data_head_is_no_dataset(nlp):
    ents = run(nlp, "We introduce a new Plonkcode style evaluation dataset for Q and test models.")
    assert find(ents, "Plonkcode") is None or find(ents, "Plonkcode").type != "DATASET"


def test_a_name_before_the_word_metric_is_a_measure_and_ours_after_we_introduce(nlp):
    ents = run(nlp, "Reward models overvalue answers. We also introduce a Plonk Degree metric to "
                    "measure this preference bias.")
    e = find(ents, "Plonk Degree")
    assert e is not None and e.type == "METRIC" and e.role == "introduced"


def test_a_model_family_named_alone_is_a_model(nlp):
    ents = run(nlp, "We compare the answers of DeepSeek with those of human raters.")
    assert find(ents, "DeepSeek").type == "MODEL"


def test_dataset_or_benchmark_head_ending_a_name_types_it(nlp):
    ents = run(nlp, "Results are reported on the Zorblat Open Driving Dataset and the Long Range "
                    "Quux Benchmark.")
    assert find(ents, "Zorblat Open Driving Dataset").type == "DATASET"
    assert find(ents, "Long Range Quux Benchmark").type == "BENCHMARK"


def test_names_evaluated_on_both_are_data(nlp):
    ents = run(nlp, "We propose FooSeg. It reaches state-of-the-art performance on both QuaxA and "
                    "Real-QAD under noisy settings.")
    assert find(ents, "QuaxA").type in ("DATASET", "BENCHMARK")
    assert find(ents, "Real-QAD").type in ("DATASET", "BENCHMARK")


@pytest.mark.parametrize("name", ["Text-to-SQL", "Sketch-to-CAD", "T2V"])
def test_x_to_y_names_are_tasks(nlp, name):
    # a letter-to-letter abbreviation ("T2V") only where the title names it too (fourteenth pass)
    assert find(run(nlp, f"We study {name} with small models and report gains.",
                    title=f"{name} with Small Models"), name).type == "TASK"


def test_list_before_a_head_noun_is_typed(nlp):
    ents = run(nlp, "We evaluate on FooQA, BarSet and BazText datasets.")
    assert {find(ents, n).type for n in ("FooQA", "BarSet", "BazText")} == {"DATASET"}


@pytest.mark.parametrize("sentence", [
    "Results on three benchmarks KestoGrid, MorvaPlan, and TolluNix are strong.",
    "Experiments on three benchmarks, namely KestoGrid, MorvaPlan, and TolluNix, are strong.",
    "We test in control domains (KestoGrid, MorvaPlan, TolluNix) and report returns.",
])
def test_head_noun_before_a_list_types_the_list(nlp, sentence):
    ents = run(nlp, sentence)
    assert {find(ents, n).type for n in ("KestoGrid", "MorvaPlan", "TolluNix")} == {"BENCHMARK"}


def test_list_before_a_name_with_its_head(nlp):
    ents = run(nlp, "We evaluate on the Kestrel, Morvane and Tollund environments.")
    assert find(ents, "Kestrel").type == "BENCHMARK" and find(ents, "Morvane").type == "BENCHMARK"


def test_a_collection_is_a_dataset(nlp):
    ents = run(nlp, "We index the KestoGrid collection and report recall of 0.8.")
    assert find(ents, "KestoGrid").type == "DATASET"


def test_evaluated_on_types_the_whole_list(nlp):
    ents = run(nlp, "We evaluate our method on KestoGrid, MorvaPlan and TolluNix and it wins.")
    assert {find(ents, n).type for n in ("KestoGrid", "MorvaPlan", "TolluNix")} == {"DATASET"}


def test_a_name_after_a_sentence_opening_on_is_data(nlp):
    ents = run(nlp, "We train a small model. On KestoGrid-100, it improves accuracy by 3%.")
    assert find(ents, "KestoGrid-100").type == "DATASET"


@pytest.mark.parametrize("sentence, name", [
    ("The service relies on KestoStore and reaches 95% accuracy.", "KestoStore"),
    ("Our decoder is built on MorvaFormer, with results on two tasks.", "MorvaFormer"),
])
def test_what_a_system_rests_on_is_no_data(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type != "DATASET"


def test_a_split_of_a_dataset_is_an_alias_of_it(nlp):
    ents = run(nlp, "Accuracy on the ImageNet validation set improves by 2%.")
    e = find(ents, "ImageNet")
    assert e.name == "ImageNet" and "ImageNet validation set" in e.aliases


@pytest.mark.parametrize("title, task", [
    ("Trustworthy Autonomous Driving Testing with Scenario Graphs", "Autonomous Driving Testing"),
    ("Realistic Movie Dialogue Generation from Scripts", "Movie Dialogue Generation"),
    ("High-Fidelity Head Reconstruction from a Single Image", "Head Reconstruction"),
])
def test_a_quality_adjective_leading_a_title_task_is_not_part_of_it(nlp, title, task):
    ents = run(nlp, "We study the problem in depth.", title=title)
    e = find(ents, task)
    assert e is not None and e.type == "TASK"
    assert not [x for x in ents.values() if x.name.lower().startswith(title.split()[0].lower())]


# --- roles -------------------------------------------------------------------------------------
def test_we_establish_a_new_benchmark_is_ours(nlp):
    ents = run(nlp, "To evaluate our model, we establish a new Quorble Theory Benchmark designed "
                    "to assess long-range capture.")
    assert find(ents, "Quorble Theory Benchmark").role == "introduced"


@pytest.mark.parametrize("title, name", [
    ("PlonkEvals: Benchmarks and Litmus Tests for Agents in Unknown Worlds", "PlonkEvals"),
    ("QuorbleBoard: Evaluating Multimodal Agents in Scientific Workflows", "QuorbleBoard"),
    ("ZarpScore: Benchmarking and rewarding travel planners", "ZarpScore"),
    ("Forplonk: a lightweight testbed for continual learning", "Forplonk"),
])
def test_a_title_name_whose_subtitle_evaluates_or_names_benchmarks_is_a_benchmark(
        nlp, title, name):
    e = find(run(nlp, f"We release {name} for the community.", title=title), name)
    assert e is not None and e.type == "BENCHMARK" and e.role == "introduced"


@pytest.mark.parametrize("title, name, type_", [
    # a comma between the subtitle's modifiers; a head in a hyphen compound is a modifier
    ("PlonkHLS: A Large-Scale, Open-Source Dataset for Circuit Synthesis", "PlonkHLS", "DATASET"),
    ("QuorbAgent: A Large Language Model-Empowered Agent for Insurance", "QuorbAgent", "METHOD"),
])
def test_a_subtitle_head_after_commas_not_in_a_hyphen_compound(nlp, title, name, type_):
    e = find(run(nlp, f"We release {name} for the community.", title=title), name)
    assert e is not None and e.type == type_ and e.role == "introduced"


def test_an_evaluating_subtitle_leaves_a_name_its_own_head_types(nlp):
    e = find(run(nlp, "We introduce the Plonk Likelihood Score (PLS), a sample-based metric.",
                 title="Plonk Likelihood Score: Evaluating the Generalization of Samplers"),
             "Plonk Likelihood Score")
    assert e is not None and e.type == "METRIC"


def test_a_title_that_is_only_a_title_case_noun_phrase_is_the_papers_method(nlp):
    ents = run(nlp, "In this work, we focus on learning dense correspondences for shapes.",
               title="Continuous Surface Embeddings")
    e = find(ents, "Continuous Surface Embeddings")
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize("title, abstract", [
    ("How Noise Benefits Image Detection", "We study noise in detectors."),
    ("Revisiting Spectral Graph Filters", "We study filters on graphs."),
    ("Adversarial Plonk Mixers", "We propose AdPlonk, a mixer trained adversarially."),
    ("Critics Can Reach Optimal Efficiency", "We study critics."),
    ("Sparse Attention Is Enough", "We study attention."),
])
def test_no_whole_title_name_from_questions_verbs_or_a_named_abstract(nlp, title, abstract):
    ctx = candidates(nlp, title + "\n" + abstract)
    assert by_rule(ctx, "title_whole") == []


def test_our_overall_name_is_ours_our_reproduced_name_is_not(nlp):
    ents = run(nlp, "Our overall Quorble Flow Mixing approach surpasses all. We hope our "
                    "reproduced PlonkMatch baseline helps others.")
    assert find(ents, "Quorble Flow Mixing").role == "introduced"
    assert find(ents, "PlonkMatch").role == "used"


def test_new_list_after_a_head_is_introduced(nlp):
    ents = run(nlp, "We release two new benchmarks, QuillBench and InkEval, for writing.")
    assert find(ents, "QuillBench").role == "introduced"
    assert find(ents, "InkEval").role == "introduced"


@pytest.mark.parametrize("sentence, name, role", [
    ("We develop a family of algorithms, GradMix, for the setting.", "GradMix", "introduced"),
    ("Our proposed FluxNorm improves training stability.", "FluxNorm", "introduced"),
    ("We compare against the recently proposed DeltaTune method.", "DeltaTune", "used"),
    ("Methods previously introduced such as KappaFormer fail on long inputs.", "KappaFormer",
     "used"),
])
def test_roles_from_the_clause(nlp, sentence, name, role):
    assert find(run(nlp, sentence), name).role == role


@pytest.mark.parametrize("sentence, name", [
    ("Experiments on our newly constructed Quill Reading BenchmArk (QRBA) show gains.",
     "Quill Reading BenchmArk"),
    ("We test on indoor benchmarks and our newly curated outdoor dataset, Tollund, too.",
     "Tollund"),
    ("This paper presents the largest FOO speech quality dataset KestoGrid-10K to date.",
     "KestoGrid-10K"),
    ("Two novel strategies, MaskMerging and MaskCutting, are designed.", "MaskCutting"),
])
def test_ours_after_modifiers_and_new_lists(nlp, sentence, name):
    assert find(run(nlp, sentence), name).role == "introduced"


def test_variants_of_our_name_are_ours(nlp):
    ents = run(nlp, "We propose KVT, a new model. KVT-H-S reaches 84.2% top-1 accuracy and KVT-H-B "
                    "85.2%.")
    assert find(ents, "KVT-H-S").role == "introduced"
    assert find(ents, "KVT-H-B").role == "introduced" and find(ents, "KVT-H-B").type != "METRIC"


def test_our_own_name_with_a_weak_task_head_is_a_method(nlp):
    ents = run(nlp, "Aligning models to feedback is hard. We propose Conformal Plonk Alignment "
                    "(CPA), which calibrates the feedback. CPA improves alignment of models.",
               title="Conformal Plonk Alignment: Fitting Language Models to Feedback")
    e = find(ents, "Conformal Plonk Alignment")
    assert e is not None and e.role == "introduced" and e.type == "METHOD"


def test_a_plural_acronym_named_by_no_one_is_no_entity(nlp):
    ents = run(nlp, "Prior work maps PLNs onto KRQs. We propose Zorblax, which beats PLNs.")
    assert find(ents, "PLNs") is None and find(ents, "KRQs") is None
    assert find(ents, "Zorblax") is not None


def test_variants_of_the_acronym_of_our_long_form_are_ours(nlp):
    ents = run(nlp, "We present a novel approach called Plonking Vision Transformer (PVT) to "
                    "tackle this. We show that PVT achieves gains. PVT-H-S reaches 84.2% top-1 "
                    "accuracy, while PVT-H-B reaches 85.2%.",
               title="Plonking Vision Transformer: Spectral Mixing Matters")
    for name in ("PVT-H-S", "PVT-H-B"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced"


def test_title_phrase_proposed_in_lower_case_is_ours(nlp):
    ents = run(nlp, "In this work, we propose restoration driven generative models (RDGMs) for "
                    "images. They are good.", title="Restoration Driven Generative Models")
    e = find(ents, "RDGMs")
    assert e is not None and e.role == "introduced"
    assert "restoration driven generative models" in {f.lower() for f in (e.name, *e.aliases)}


def test_title_description_is_not_a_name(nlp):
    ents = run(nlp, "We present a novel data augmentation method for audio.",
               title="A Novel Data Augmentation Method")
    assert find(ents, "A Novel Data Augmentation Method") is None


@pytest.mark.parametrize("title, name", [
    ("Plonk Denoising via Quorble-Aware Sampling with Normalizing Flows", "Quorble-Aware Sampling"),
    ("Sequence Learning via Conditional Plonk Mapping for Mixture Signals",
     "Conditional Plonk Mapping"),
    ("Better Retrieval via Propositional Plonk Extraction: a Speech Act Approach",
     "Propositional Plonk Extraction"),
    ("Zarp Agents via Kestrel Graph Search", "Kestrel Graph Search"),
])
def test_a_title_via_name_before_the_next_title_piece_is_ours(nlp, title, name):
    e = find(run(nlp, "We describe a system. It works.", title=title), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize("title", [
    "Plonk Grounding via Quorble Relevance in Vision Transformers",  # "in": often a setting
    "Plonk Planning via Iterative Planning and Verification",  # "and": often two parts
])
def test_a_title_via_phrase_before_in_or_and_is_no_name(nlp, title):
    ctx = candidates(nlp, title + "\nWe describe a system. It works.")
    assert by_rule(ctx, "title_method") == []


@pytest.mark.parametrize(("sentence", "name"), [
    ("We study program synthesis. The simulator, called ZARPANA, models the solvers.", "ZARPANA"),
    ("We study surfaces with implicit representations, and name it PlonkINR.", "PlonkINR"),
    ("A quorble service for agents, denoted as QuorbServ, is produced.", "QuorbServ"),
])
def test_a_coined_name_given_with_a_naming_word_is_ours(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Solvers rely on a linear algebra tool called the Singular Value Decomposition (SVD).",
     "Singular Value Decomposition"),
    ("Solvers rely on a planner called ZARPANA (Lee et al., 2021).", "ZARPANA"),
    ("Solvers rely on a widely used planner called ZARPANA.", "ZARPANA"),
    ("Sites now adopt a practice here called Plonk Engine Quorbing (PEQ).", "PEQ"),
])
def test_a_known_cited_or_older_name_after_a_naming_word_is_used(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is None or e.role == "used"


@pytest.mark.parametrize(("sentence", "name"), [
    (r"From the method side, we propose \textbf{ZarpAnchor}, an MLLM for small targets.",
     "ZarpAnchor"),
    (r"We propose a new method, \emph{QuorbMH}, which trades bias for speed.", "QuorbMH"),
    ("To study shifts, we build ``PlonkShift``, an empirical testbed of tabular data.",
     "PlonkShift"),
])
def test_an_emphasised_name_after_an_intro_verb_is_ours(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.role == "introduced"


def test_a_name_after_namely_in_our_clause_is_ours(nlp):
    ents = run(nlp, "We propose a generic network applicable to both kinds of graphs, namely "
                    "Low-Rank Plonk Network (LRPN). We evaluate on three benchmarks, namely "
                    "QuorbBench and ZarpBench.")
    assert find(ents, "LRPN").role == "introduced"
    assert find(ents, "QuorbBench").role == "used"


def test_a_recently_proposed_name_is_not_ours(nlp):
    ents = run(nlp, "We improve the recently-proposed ``ZarpMatch'' algorithm by adding two "
                    "techniques.")
    e = find(ents, "ZarpMatch")
    assert e is None or e.role == "used"


def test_a_known_method_after_title_via_is_used_not_ours(nlp):
    # a well-known name in the title needs an introduction in the abstract, as a "Name: ..."
    # title's does; a coined one after "via" stays the paper's (the test above)
    ents = run(nlp, "We train a small policy for soft grippers from few demonstrations.",
               title="Plonk Grasping from Demonstrations via Flow Matching")
    e = find(ents, "Flow Matching")
    assert e is not None and e.role == "used"


def test_tasks_are_not_introduced_by_a_nearby_intro_verb(nlp):
    ents = run(nlp, "We propose a planner for dexterous object manipulation in clutter.")
    e = find(ents, "dexterous object manipulation")
    assert e is not None and e.type == "TASK" and e.role == "used"


# --- orgs -----------------------------------------------------------------------------------------


def test_cited_people_are_not_names(nlp):
    ents = run(nlp, "Maze tasks in VizDoom (Kempka et al., 2016) are hard, as McKenna (2019) says.")
    assert list(ents) == ["VizDoom"]


def test_project_and_licence_are_no_entities(nlp):
    ents = run(nlp, "The StackWorks project releases data under CC-BY-4.0 for FooCoder.")
    assert find(ents, "StackWorks") is None and find(ents, "CC-BY-4.0") is None


# --- places (places, institutions and devices by their last or first word) -----------------------


@pytest.mark.parametrize("sentence, name, other", [
    ("We survey kilns in South Asia and Central Asia with FooNet.", "South Asia", "FooNet"),
    ("Students at Columbia University used QuorbleTutor.", "Columbia University",
     "QuorbleTutor"),
    ("QuorbleDet runs on a Jetson AGX Orin board.", "Jetson AGX Orin", "QuorbleDet"),
    ("We map the Qinghai-Tibet Plateau with PlonkSeg.", "Qinghai-Tibet Plateau", "PlonkSeg"),
    ("The device is a Raspberry Pi 4 running KestrelOS.", "Raspberry Pi 4", "KestrelOS"),
])
def test_places_institutions_and_devices_are_no_entities(nlp, sentence, name, other):
    ents = run(nlp, sentence)
    assert find(ents, name) is None and find(ents, other) is not None


def test_a_data_set_named_after_a_place_stays(nlp):
    ents = run(nlp, "We evaluate on the Great Lakes dataset and report accuracy.")
    assert find(ents, "Great Lakes") is not None


# --- parts ----------------------------------------------------------------------------------------


def test_coined_parts_of_our_method_are_ours(nlp):
    ents = run(nlp, "We propose FooNet for polyp segmentation. An Adaptive Glimmer Fusion Module "
                    "(AGFM) then fuses the features, and a Quartz Kernel (QK) mechanism refines "
                    "the masks.")
    assert find(ents, "AGFM").role == "introduced"
    assert find(ents, "QK").role == "introduced"


@pytest.mark.parametrize(("sentence", "name"), [
    ("We further devise a geometric zorp consistency loss that aligns the lines.",
     "geometric zorp consistency loss"),
    ("A quartz channel attention module is introduced to weigh the features.",
     "quartz channel attention module"),
])
def test_lower_case_parts_after_an_intro_verb_are_ours(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.role == "introduced" and e.type == "METHOD"


def test_generic_lower_case_parts_are_not_names(nlp):
    ents = run(nlp, "We introduce a new training strategy and a multi-task learning module.")
    assert find(ents, "new training strategy") is None and find(ents, "training strategy") is None
    assert find(ents, "multi-task learning module") is None


@pytest.mark.parametrize("sentence", [
    "We propose ZarpNet for point clouds. ZarpNet consists of a Conditional Plonk Network "
    "(CPNet) and a Quorble Refinement Network (QRNet).",
    "Our proposed framework comprises a Conditional Plonk Network (CPNet) and a Quorble "
    "Refinement Network (QRNet) for point clouds.",
])
def test_defined_parts_our_system_is_made_of_are_ours(nlp, sentence):
    ents = run(nlp, sentence)
    assert find(ents, "CPNet").role == "introduced"
    assert find(ents, "QRNet").role == "introduced"


def test_enumerated_parts_our_system_is_made_of_are_ours(nlp):
    text = ("We propose FooSeg for segmentation. FooSeg comprises three components: (1) Granular "
            "Plonk Prototypes that capture boundaries; (2) Quorble Boundary Emphasis that adjusts "
            "the loss; and (3) ZarpSampling that focuses on hard pixels.")
    ents = run(nlp, text)
    for name in ("Granular Plonk Prototypes", "Quorble Boundary Emphasis", "ZarpSampling"):
        assert find(ents, name).role == "introduced"
    ents = run(nlp, text.replace("We propose FooSeg for segmentation. FooSeg", "The old pipeline"))
    assert find(ents, "Granular Plonk Prototypes").role == "used"


def test_a_sequenced_or_defined_sentence_subject_after_our_system_is_ours(nlp):
    ents = run(nlp, "Quorble Graph Search (QGS) is widely used for planning. We propose ZarpAgent "
                    "for recommendation. First, the User Plonk Manager clusters users. Then, a "
                    "Feedback Zarp Modeler (FZM) scores them. Scene Quorble Evidence (SQE) fuses "
                    "the two.")
    for name in ("User Plonk Manager", "FZM", "SQE"):
        assert find(ents, name).role == "introduced"
    assert find(ents, "QGS").role == "used"  # before the paper's system: background


def test_defined_names_listed_as_examples_or_known_are_not_our_parts(nlp):
    ents = run(nlp, "We propose ZarpNet for circuits. ZarpNet includes representations such as "
                    "Register Plonk Level (RPL) code. ZarpNet also contains Long Short-Term "
                    "Memory (LSTM) cells and a Quorble Refinement Network (QRNet).")
    assert find(ents, "RPL").role == "used"
    assert find(ents, "LSTM").role == "used"
    assert find(ents, "QRNet").role == "introduced"


def test_defined_parts_of_somebody_elses_system_are_used(nlp):
    ents = run(nlp, "The baseline of prior work consists of a Conditional Plonk Network (CPNet) "
                    "and a Quorble Refinement Network (QRNet).")
    assert find(ents, "CPNet").role == "used"


def test_cited_or_plugged_in_parts_are_used(nlp):
    ents = run(nlp, "We improve FooNet. A Bright Separable Kernel Attention (BSKA) mechanism is "
                    "introduced into the backbone. The Zigzag Mixing Module of Lee et al. is kept.")
    assert find(ents, "BSKA").role == "used"
    e = find(ents, "Zigzag Mixing Module")
    assert e is None or e.role == "used"


# --- settings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "task"), [
    ("Unsupervised domain adaptation of point clouds is hard.", "Unsupervised domain adaptation"),
    ("Few-Shot Out-of-Distribution Detection is hard.", "Few-Shot Out-of-Distribution Detection"),
])
def test_known_task_takes_its_setting_modifiers(nlp, sentence, task):
    ents = run(nlp, sentence)
    assert find(ents, task) is not None and find(ents, task).type == "TASK"


# --- brackets -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "long_form", "short"), [
    ("We design the Unbalanced Optimal Transport Consistency (UOT-CTM) mechanism.",
     "Unbalanced Optimal Transport Consistency", "UOT-CTM"),
    ("We present Adversarial Retriever-Ranker (AR2), which consists of two encoders.",
     "Adversarial Retriever-Ranker", "AR2"),
    # one word of hyphen-joined parts is a long form too
    ("We propose Ponder-then-Sketch (PonSke), a novel planner for drones.",
     "Ponder-then-Sketch", "PonSke"),
])
def test_a_name_and_its_bracketed_short_form_are_one_entity(nlp, sentence, long_form, short):
    ents = run(nlp, sentence)
    e = find(ents, long_form)
    assert e is not None and short in e.aliases and e.role == "introduced"


def test_a_letter_to_letter_short_form_of_one_hyphenated_word_is_a_mode(nlp):
    # "Text-to-Image (T2I)" in the abstract alone names a mode, not a model; in the title
    # the paper's own name
    ctx = candidates(nlp, "A study of prompts\nWe score Text-to-Image (T2I) outputs.")
    assert "T2I" not in ctx.defined
    ctx = candidates(nlp, "G2S: Ground to sky\nWe propose Ground-to-Sky (G2S), a renderer.")
    assert ctx.defined["G2S"] == "Ground-to-Sky"


# --- initials (an acronym written apart from its long form) ------------------------------------


@pytest.mark.parametrize(("title", "abstract", "long_form", "short"), [
    ("Graph spectra", "To this end, we propose Heron Gap Correction (dubbed HGC), a fix. "
     "Experiments show that HGC improves recall.", "Heron Gap Correction", "HGC"),
    ("Polyp maps", "We add a global Kestrel Attention module. The KA module pools features.",
     "Kestrel Attention", "KA"),
    ("Ridge fusion", "We propose Multi-Scale Ridge Fusion, and MSRF halves the error.",
     "Multi-Scale Ridge Fusion", "MSRF"),
])
def test_an_acronym_spelled_by_a_name_elsewhere_in_the_paper_is_its_alias(
        nlp, title, abstract, long_form, short):
    ents = run(nlp, abstract, title=title)
    e = find(ents, long_form)
    assert e is not None and short in e.aliases


@pytest.mark.parametrize(("title", "abstract", "long_form", "short"), [
    ("KpNet: Keypoint Pooling Network for Satellite Pose Estimation",
     "We propose a keypoint pooling network. KpNet regresses poses.",
     "Keypoint Pooling Network", "KpNet"),
    ("SH-REF: Step-Halved Residual Error Feedback for Federated Learning",
     "We propose step-halved residual error feedback, which SH-REF applies per round.",
     "Step-Halved Residual Error Feedback", "SH-REF"),
    # the spelling name later in the subtitle, after "via"
    ("SpeCache: Faster Video Diffusion via Speed-Aware Caching",
     "SpeCache reuses features across denoising steps.", "Speed-Aware Caching", "SpeCache"),
])
def test_a_title_short_name_and_the_subtitle_it_spells_are_one_entity(
        nlp, title, abstract, long_form, short):
    ents = run(nlp, abstract, title=title)
    e = find(ents, short)
    assert e is not None and long_form.lower() in {f.lower() for f in (e.name, *e.aliases)}


@pytest.mark.parametrize(("abstract", "long_form", "short"), [
    # an appositive after the short name, a few lower-case words before the long form
    ("We propose KOALAR, a generative model for learning Kinetic Object-Aware LAyout "
     "Representation of scenes.", "Kinetic Object-Aware LAyout Representation", "KOALAR"),
    ("We present OwlMCR, an Owl Multimodal Contrastive Representation for tooth scans.",
     "Owl Multimodal Contrastive Representation", "OwlMCR"),
    # a colon, with emphasis around the long form
    ("We propose **HE-LuT**: *Heron-CollEcting Lattice-based Update Trees*, a framework.",
     "Heron-CollEcting Lattice-based Update Trees", "HE-LuT"),
    # the long form, one head word, then the short name
    ("We present the Portable Kestrel-signal Decoding framework P-KD, a robust decoder.",
     "Portable Kestrel-signal Decoding", "P-KD"),
])
def test_a_short_name_beside_a_long_form_it_spells_loosely_is_one_entity(
        nlp, abstract, long_form, short):
    ctx = candidates(nlp, "A study of things\n" + abstract)
    assert ctx.defined.get(short) == long_form


def test_a_name_that_contains_the_short_name_is_no_long_form_of_it(nlp):
    # a kind of RetinaNet, and a data set named after the model: neither spells the other
    ctx = candidates(nlp, "A study of things\nWe extend RetinaNet: Rotated Multi-Kernel "
                          "RetinaNet detects ships. We train EO-1, a model on EO-Data1.5M.")
    assert "RetinaNet" not in ctx.defined and "EO-1" not in ctx.defined


def test_a_title_short_name_before_a_task_subtitle_stays_apart(nlp):
    ents = run(nlp, "DynaTune speeds up compilers.",
               title="DynaTune: Dynamic Tensor Program Optimization")
    assert find(ents, "DynaTune").aliases == []


def test_an_acronym_two_names_spell_is_joined_with_neither(nlp):
    ents = run(nlp, "We compare Heron Gap Correction with Hollow Grid Coding; HGC is faster.")
    assert "HGC" not in find(ents, "Heron Gap Correction").aliases
    assert "HGC" not in find(ents, "Hollow Grid Coding").aliases


def test_a_known_acronym_is_not_respelled_by_a_local_name(nlp):
    ents = run(nlp, "We apply Principal Curve Alignment before PCA reduces the features.")
    assert find(ents, "PCA").name == "PCA"


def test_a_long_form_the_gazetteer_renames_keeps_its_bracketed_acronym(nlp):
    ents = run(nlp, "We analyse Multiplicative Weights Updates (MWU) in games; MWU is chaotic.")
    e = find(ents, "MWU")
    assert e.name == "Multiplicative Weights Updates" and len(
        [x for x in ents.values() if "MWU" in (x.name, *x.aliases)]) == 1


# --- eponyms (a capitalised name with its head noun) --------------------------------------------


@pytest.mark.parametrize(("sentence", "name"), [
    ("Our detector beats the Pan-Tompkins algorithm and LSTM baselines on ECG data.",
     "Pan-Tompkins algorithm"),
    ("We compare against the classical iterative Von Neumann's algorithm and the debiased variant.",
     "Von Neumann's algorithm"),
])
def test_a_capitalised_name_keeps_its_head_noun(nlp, sentence, name):
    ents = run(nlp, sentence)
    assert name in ents and ents[name].type == "METHOD"
    assert name.split("'")[0].rsplit(" ", 1)[0] not in ents


@pytest.mark.parametrize(("sentence", "name"), [
    ("We test Knowledge Distillation and Pruning methods on GPT-2, since pruning is cheap.",
     "Pruning"),
    ("The models of U-Net, YOLOv8n and Roboflow neural networks were trained. We use the "
     "Roboflow model for segmentation.", "Roboflow"),
])
def test_an_ordinary_word_or_a_name_written_alone_takes_no_head(nlp, sentence, name):
    ents = run(nlp, sentence)
    assert name in ents and not any(n.startswith(name + " ") for n in ents)


# --- headings -------------------------------------------------------------------------------------


def test_headings_of_enumerated_points_are_not_names(nlp):
    ents = run(nlp, "The set has three traits: (1) Real-world Simulation: clips are filmed; "
                    "(2) High Quality: frames are sharp; 3) Extremism: values diverge.")
    assert not ents


def test_long_form_of_a_generic_acronym_is_not_a_name(nlp):
    ents = run(nlp, "Magnetic Resonance Imaging (MRI) is common. We call tools through "
                    "Application Programming Interfaces (APIs).")
    assert not ents


def test_a_named_long_form_with_an_acronym_is_kept(nlp):
    ents = run(nlp, "We propose Gradient Path Balancing (GPB) for sparse rewards.")
    assert find(ents, "Gradient Path Balancing") is not None


# --- variants -------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, name", [
    ("We track the subspace with online PCA on streams.", "online PCA"),
    ("Estimates use weighted importance sampling throughout.", "weighted importance sampling"),
    ("The policy is trained with conditional flow matching.", "conditional flow matching"),
    ("Decoding uses token-level nucleus sampling.", "token-level nucleus sampling"),
])
def test_a_variant_modifier_before_a_known_technique_is_part_of_its_name(nlp, sentence, name):
    ctx = candidates(nlp, "A title\n" + sentence)
    assert name in by_rule(ctx, "gazetteer+variant")
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD"


def test_a_variant_word_ending_the_title_is_not_joined_to_the_abstract(nlp):
    ctx = candidates(nlp, "Towards Bayesian\nDropout is applied to every layer.")
    assert not by_rule(ctx, "gazetteer+variant")


def test_other_words_before_a_known_technique_stay_out_of_its_name(nlp):
    ents = run(nlp, "We apply standard importance sampling and plain flow matching.")
    assert find(ents, "importance sampling") is not None and find(ents, "flow matching")


# --- lists ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, name, type_", [
    ("It beats approaches such as LoRA, AdaLoRA, DyLoRA, and Bitfit while training less.",
     "Bitfit", "METHOD"),
    ("We invert streams from two encoder-free VLMs, Gemma4 and Fuyu, recovering images.",
     "Fuyu", "MODEL"),
    ("Across lineages, including Vicuna-, Qwen2.5-, LLaMA2-, and Mistral-based models, it holds.",
     "Vicuna", "MODEL"),
])
def test_a_capitalised_word_listed_with_names_is_one_of_them(nlp, sentence, name, type_):
    ctx = candidates(nlp, "A title\n" + sentence)
    assert name in by_rule(ctx, "listed_word")
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == type_


@pytest.mark.parametrize("sentence", [
    "We propose the Inter- and Intra-image Refinement model with GPT-4.",  # one compound
    "It unifies losses, including cross-entropy, Bregman divergences, and KL.",  # a modifier
    "Experiments on V* Bench, HR-Bench, and POPE demonstrate it.",  # a head word alone
])
def test_pieces_of_a_longer_phrase_in_a_list_are_not_listed_names(nlp, sentence):
    assert not by_rule(candidates(nlp, "A title\n" + sentence), "listed_word")


def test_a_list_of_plain_capitalised_words_stays_out(nlp):
    # one name cannot vouch for a list of mostly plain words
    sentence = "Volunteers from Paris, Lyon, Nantes, Lille and GPT-4 agree on it."
    assert not by_rule(candidates(nlp, "A title\n" + sentence), "listed_word")


# --- far_lists (a plural head a few words before its list) ---------------------------------------


@pytest.mark.parametrize("sentence, names, type_", [
    ("We test it on six public benchmarks under two label settings: FooSeg, BarVox-2 and Qzeta.",
     ["FooSeg", "BarVox-2", "Qzeta"], "BENCHMARK"),
    ("Results on three tabular datasets - Crank MPG (7 variables), Wexford Rents (12 variables) "
     "and ZorbitLoans (9 variables) favour it.", ["Crank MPG", "Wexford Rents", "ZorbitLoans"],
     "DATASET"),
    ("We check it on graph datasets where ground truth is known, namely KX-Motifs, KX-Shapes "
     "and Zig-Grid.", ["KX-Motifs", "KX-Shapes", "Zig-Grid"], "DATASET"),
])
def test_a_plural_data_head_a_few_words_before_a_list_types_it(nlp, sentence, names, type_):
    ents = run(nlp, sentence)
    for name in names:
        e = find(ents, name)
        assert e is not None and e.type == type_, (name, e)


@pytest.mark.parametrize("sentence, first", [
    # "benchmarks" as a verb, not a head
    ("This study benchmarks four contrastive retrieval models: FlimCLIP, QX-ReTool, and BazNet.",
     "FlimCLIP"),
    # two kinds of head before the list: which one is not known
    ("We release two benchmarks built from web corpora: ZetaNet-A, ZetaNet-B and ZetaNet-C.",
     "ZetaNet-A"),
    # "models" lists name methods as often as models: no far list
    ("We compare five detection models: GlimNet, ShuffDet, and QuorDet.", "GlimNet"),
    # a clause break between the head and the list
    ("We use two datasets; the baselines (GlimNet, ShuffDet and QuorDet) are strong.", "GlimNet"),
])
def test_a_far_head_types_no_list_when_a_verb_ambiguous_models_or_apart(nlp, sentence, first):
    from paperkg.extractors.rules.far_lists import _list_head

    ctx = candidates(nlp, "A title\n" + sentence)
    c = next(c for c in ctx.cands if c.name == first)
    assert _list_head(ctx, c) is None


# --- copula ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("abstract, name, type_", [
    ("Quantum Plonk Estimation (QPlE) is a foundational algorithm for molecular energy "
     "estimation.", "Quantum Plonk Estimation", "METHOD"),  # not a task despite "Estimation"
    ("Plonk fraction (PF) is a crucial metric of cardiac function.", "Plonk fraction", "METRIC"),
    ("The Plonkset is a dataset of 3,000 annotated scans.", "Plonkset", "DATASET"),
])
def test_a_name_that_the_text_says_is_a_head_takes_its_type(nlp, abstract, name, type_):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.type == type_


def test_a_name_that_is_no_subject_of_the_copula_keeps_its_type(nlp):
    # the subject is "Designing ... ViTs", not the architecture; "a setting in which a model"
    ents = run(nlp, "Designing accurate and efficient Plonk Transformers (PTs) is a highly "
                    "important but challenging task. Continual plonking (CP) is a setting in "
                    "which a model learns from a stream.")
    assert find(ents, "Plonk Transformers") is None or \
        find(ents, "Plonk Transformers").type != "TASK"
    assert find(ents, "Continual plonking") is None or \
        find(ents, "Continual plonking").type != "MODEL"


@pytest.mark.parametrize("sentence, name, type_", [
    ("We evaluate our agent on PlonkBench, UrbanPlonk, and VisBench, where accuracy drops.",
     "UrbanPlonk", "BENCHMARK"),
    ("Results for models (e.g., Qwen2.5-VL, PLONK-L) are released and outperform baselines.",
     "PLONK-L", "MODEL"),
])
def test_an_untyped_name_listed_with_typed_names_takes_their_type(nlp, sentence, name, type_):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == type_


def test_a_list_of_mixed_kinds_types_no_listed_name(nlp):
    # a benchmark and a model in one list: no consensus, the coined name keeps the default
    ents = run(nlp, "We evaluate Qwen2.5-7B, SlimPlonk and PlonkBench, reaching higher "
                    "accuracy.")
    assert find(ents, "SlimPlonk") is not None and find(ents, "SlimPlonk").type == "METHOD"


@pytest.mark.parametrize("abstract, name, type_, role", [
    ("To address this, we introduce PlonkFake, a Bengali Deepfake Audio Dataset with 12,260 real "
     "clips.", "PlonkFake", "DATASET", "introduced"),  # the head in Title Case
    ("We release PROPLONK, the first public dataset pairing screenplays with audio.",
     "PROPLONK", "DATASET", "introduced"),
    (r"We address this by building \textit{CodePlonk}, a synthetic post-training dataset.",
     "CodePlonk", "DATASET", None),  # a LaTeX-wrapped name before the appositive
    # a head joined by a hyphen is a modifier: the head is the noun after it
    ("We propose Plonk-then-Plan, a novel offline model-based planning approach.",
     "Plonk-then-Plan", "METHOD", "introduced"),
    ("We present PlonkDetect, a model-agnostic framework for spotting generated text.",
     "PlonkDetect", "METHOD", "introduced"),
])
def test_appositive_heads_in_title_case_after_latex_and_the_first(nlp, abstract, name, type_,
                                                                   role):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.type == type_ and role in (None, e.role)


def test_the_first_system_after_an_evaluation_name_refers_to_the_subject(nlp):
    ents = run(nlp, "PlonkTrace achieves 100% Pass@1 on PlonkEval-V2, the first system to attain "
                    "perfect functional correctness on this benchmark.")
    e = find(ents, "PlonkEval-V2")
    assert e is not None and e.type == "BENCHMARK" and e.role == "used"


@pytest.mark.parametrize("sentence, names", [
    (r"It improves results on 3 benchmark datasets (\textit{i.e.,} Plonkson, MP3P, and HM3P).",
     ["Plonkson", "MP3P", "HM3P"]),
    ("It offers pipelines for datasets (e.g., PLERA5, CMIP6P, PLRISM), implementing models.",
     ["PLERA5", "CMIP6P", "PLRISM"]),
])
def test_a_list_in_brackets_after_e_g_or_i_e_takes_the_head_type(nlp, sentence, names):
    ents = run(nlp, sentence)
    assert [find(ents, n) and find(ents, n).type for n in names] == ["DATASET"] * len(names)


def test_a_name_before_the_word_database_is_data(nlp):
    e = find(run(nlp, "Answers are checked against the PlonkBase database and scored by F1."),
             "PlonkBase")
    assert e is not None and e.type == "DATASET"


# --- valued (a name with a value is a measure) ----------------------------------------------------
@pytest.mark.parametrize("sentence, name", [
    ("PlonkNet records a BPLCER of 10.44% on unseen subjects.", "BPLCER"),
    ("ThermoPlonk attains a StrictPlonk of 0.899, compared with 0.629 for FlowPlonk.",
     "StrictPlonk"),
    ("It is state of the art on the test set (34.66% JPLA).", "JPLA"),
    ("Captions improve, with peak gains of +13.6 DCPlonk over the base model.", "DCPlonk"),
])
def test_a_name_written_with_a_value_is_a_measure(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METRIC"


def test_a_name_with_a_count_or_a_margin_is_no_measure(nlp):
    ents = run(nlp, "It outperforms PlonkFormer by 5.1% and uses PlonkNet of 3 layers; "
                    "ThermoPlonk attains a StrictPlonk of 0.899, compared with 0.629 for "
                    "FlowPlonk.")
    assert [find(ents, n).type for n in ("PlonkFormer", "PlonkNet", "FlowPlonk")] == \
        ["METHOD"] * 3


def test_an_untyped_name_listed_with_measures_is_one(nlp):
    ents = run(nlp, "Experiments show gains in Accuracy, Precision, Recall, and F1-Plonk on "
                    "the test set.")
    e = find(ents, "F1-Plonk")
    assert e is not None and e.type == "METRIC"


@pytest.mark.parametrize("name", ["ViT", "ResNet", "U-Net", "Mamba", "Swin Transformer"])
def test_known_architectures_are_methods_not_models(nlp, name):
    # the guidelines count an architecture as a METHOD; a released trained model is a MODEL
    # (with a depth, "ResNet-50", it is a MODEL: tests/test_names_twentyninth.py)
    e = find(run(nlp, f"We compare {name} with BERT on two tasks."), name)
    assert e is not None and e.type == "METHOD"
    assert find(run(nlp, f"We compare {name} with BERT on two tasks."), "BERT").type == "MODEL"


@pytest.mark.parametrize(("sentence", "name", "inner"), [
    (r"We propose a new exact minibatch MH method, \emph{QuorbMH}, which trades bias for speed.",
     "QuorbMH", "MH"),
    ("We propose a new actor architecture for KGRL, Plonk-Inclusive Zarp Network (PIZN), which "
     "rearranges knowledge.", "PIZN", "KGRL"),
    ("We introduce a self-play algorithm---Zarp Iteration with Plonk Bounds (ZIPB)---and show "
     "that it achieves low regret.", "ZIPB", None),
])
def test_a_name_set_beside_the_intro_verbs_object_is_ours(nlp, sentence, name, inner):
    ents = run(nlp, sentence)
    assert find(ents, name).role == "introduced"
    if inner is not None:  # what stands inside the noun phrase only describes it
        e = find(ents, inner)
        assert e is None or e.role == "used"


def test_a_counted_list_after_our_intro_verb_is_ours(nlp):
    ents = run(nlp, "To solve this, we develop two attack methods: Binary-Aware Plonk Attack "
                    "(BAPA) and Binary Zarp Pursuit Attack (BZPA). Our results across three "
                    "datasets: QuorbSet, ZarpSet and PlonkSet, confirm it.")
    assert find(ents, "BAPA").role == "introduced"
    assert find(ents, "BZPA").role == "introduced"
    for used in ("QuorbSet", "ZarpSet", "PlonkSet"):  # counted, but no intro verb or "new"
        e = find(ents, used)
        assert e is None or e.role == "used"


@pytest.mark.parametrize(("sentence", "name", "inner"), [
    ("We introduce a novel TTA method named Zarp Your Plonk (ZYP), which prunes samples.",
     "ZYP", "TTA"),
    ("To this end, we propose a per-instance personalization FL algorithm QuorbFlow.",
     "QuorbFlow", "FL"),
])
def test_a_name_before_the_head_of_our_object_only_describes_it(nlp, sentence, name, inner):
    ents = run(nlp, sentence)
    assert find(ents, name).role == "introduced"
    e = find(ents, inner)
    assert e is None or e.role == "used"


def test_a_coined_name_the_findings_credit_is_ours(nlp):
    ents = run(nlp, "Experiments across three traffic scenarios demonstrate that ZQ-PLONK "
                    "consistently outperforms both single-agent and centralised baselines. We "
                    "also show that sparse autoencoders (SAEs) can recover the features, and "
                    "that QuorbGPT-5 is a useful teacher.",
               title="Uncertainty-Aware Plonk Coordination for Traffic Agents")
    assert find(ents, "ZQ-PLONK").role == "introduced"
    for used in ("SAEs", "QuorbGPT-5"):  # a kind spelled lower case; no "show that" before it
        e = find(ents, used)
        assert e is None or e.role == "used"


def test_a_benchmark_reports_how_other_systems_do(nlp):
    ents = run(nlp, "Experimental results demonstrate that QuorbGPT-5 achieves 61.5% accuracy.",
               title="ZarpBench: A Bilingual Benchmark for Financial Reasoning")
    e = find(ents, "QuorbGPT-5")
    assert e is None or e.role == "used"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Our key contribution is a Sliding Window Plonk (SWP) memory module that keeps state.",
     "SWP"),
    ("Our core technique, Zarp Transplantation and Cultivation (ZTC), extracts latents.", "ZTC"),
    ("Our approach leverages a novel QuorbMeshVAE architecture that compresses meshes.",
     "QuorbMeshVAE"),
])
def test_what_our_system_is_built_around_is_ours(nlp, sentence, name):
    assert find(run(nlp, sentence), name).role == "introduced"


def test_names_listed_with_our_introduced_name_are_ours(nlp):
    ents = run(nlp, "We present a new adaptation framework that leverages Hard Plonk Selection and "
                    "Denoised Zarp Mixing to align target distributions. In this paper, we "
                    "propose QuorbNet and Zarp Sampling (ZS) for retrieval.")
    for name in ("Hard Plonk Selection", "Denoised Zarp Mixing"):
        e = find(ents, name)
        assert e is None or e.role == "used"  # the object of "leverages", not of "present"
    assert find(ents, "QuorbNet").role == "introduced"
    assert find(ents, "ZS").role == "introduced"


def test_what_our_model_combines_is_not_ours(nlp):
    ents = run(nlp, "This paper proposes a novel hybrid forecasting model combining Singular "
                    "Plonk Analysis (SPA) and Zarp Convolutional Networks (ZCNs).")
    for name in ("SPA", "ZCNs"):
        e = find(ents, name)
        assert e is None or e.role == "used"


def test_the_counted_parts_of_our_system_are_ours(nlp):
    ents = run(nlp, "Our framework integrates two key components: Effective Plonk Interpolation "
                    "Strategy (EPIS) and Multimodal Zarp Clustering (MZC). Prior work integrates "
                    "two components: Quorb Pooling (QP) and Zarp Attention (ZA).")
    assert find(ents, "EPIS").role == "introduced"
    assert find(ents, "MZC").role == "introduced"
    for used in ("QP", "ZA"):
        e = find(ents, used)
        assert e is None or e.role == "used"


def test_a_known_block_spelled_out_before_a_part_head_is_used(nlp):
    ents = run(nlp, "We fuse the frozen features with QuorbNet, enhanced by a Mixture of Experts "
                    "(MoE) module with learned routing.")
    e = find(ents, "Mixture of Experts")
    assert e is not None and e.role == "used"


def test_a_title_via_phrase_never_written_again_beside_our_own_name_is_no_name(nlp):
    ents = run(nlp, "We propose QuorbDICE, an ensemble learner that keeps members diverse.",
               title="QuorbDICE: Diversity in Deep Ensembles via Conditional Plonk Estimation")
    assert find(ents, "QuorbDICE").role == "introduced"
    assert find(ents, "Conditional Plonk Estimation") is None


@pytest.mark.parametrize(("sentence", "name"), [
    ("First, we introduce quantization-aware training (QAT), which quantizes the weights of "
     "QuorbTTS during training.", "quantization-aware training"),
    ("QuorbNet regresses the depth map via a convolutional Gated Recurrent Unit (GRU).",
     "GRU"),
])
def test_a_known_name_in_words_is_not_new_whatever_the_cue(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.role == "used"


def test_a_title_list_of_plain_words_names_no_system(nlp):
    ents = run(nlp, "We scan a scene, materialize its parts and simulate them. See how it goes.",
               title="Scan, Materialize, Simulate: A Framework for Physical Plonk Scenes")
    for word in ("Scan", "Materialize", "Simulate"):
        e = find(ents, word)
        assert e is None or e.role == "used"


def test_the_enumerated_items_of_a_counted_list_are_ours(nlp):
    ents = run(nlp, "QuorbNet incorporates two key innovations: (1) Residual Plonk ViT (RPV), a "
                    "lightweight architecture with residual learning; and (2) ZARPTILES, a "
                    "tile-wise sequence scaling algorithm that reduces cost.",
               title="QuorbNet: Scalable Climate Downscaling")
    assert find(ents, "RPV").role == "introduced"
    assert find(ents, "ZARPTILES").role == "introduced"


def test_what_our_object_is_for_is_not_ours(nlp):
    ents = run(nlp, "We introduce a novel explanation method specifically designed for 3D Zarp "
                    "Plonk Networks (ZPNs), which finds the key atoms.")
    e = find(ents, "ZPNs")
    assert e is not None and e.role == "used"


def test_a_lower_case_part_phrase_before_its_name_is_no_entity(nlp):
    ents = run(nlp, "We present an approximate plonk attention mechanism named QuorbAttention to "
                    "address the cost.")
    assert find(ents, "approximate plonk attention mechanism") is None
    assert find(ents, "QuorbAttention").role == "introduced"


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("We develop a new fine-tuning objective, called Plonk-Agnostic Constraint (PAC), for "
     "transfer.", "fine-tuning objective"),
    ("Whereas others ignore rationales, this novel design yields embeddings that are robust.",
     "yields embeddings"),
])
def test_intro_object_is_not_a_description_before_a_name_or_a_noun(nlp, sentence, phrase):
    assert find(run(nlp, sentence), phrase) is None
