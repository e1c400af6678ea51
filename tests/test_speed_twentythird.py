"""Speed, twenty-third pass (helper speed23): each fast path of the entity rules gives what the
general path gives, on invented texts of every shape it takes."""

from __future__ import annotations

import pytest

from paperkg.extractors.rules import extract_entities, names
from paperkg.extractors.rules.base import Context


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _before_entities(nlp, text: str) -> dict:
    """The user data the components before the entity rules leave on one text's Doc."""
    doc = nlp.make_doc(text)
    for name, proc in nlp._components:
        if name == "paperkg_entities":
            break
        doc = proc(doc)
    return doc.user_data


def entities(nlp, text: str) -> list[dict]:
    """extract_entities over one text, as the entity component runs it."""
    data = _before_entities(nlp, text)
    return extract_entities(text, data["pk_sents"], data.get("pk_gaz", []),
                            data.get("pk_urls", []), nlp.get_pipe("paperkg_gazetteer"))


def runs_found(nlp, text: str) -> list[tuple]:
    """The candidates capitalised_runs adds to a context that already holds the gazetteer's."""
    data = _before_entities(nlp, text)
    ctx = Context(text, data["pk_sents"], data.get("pk_gaz", []), data.get("pk_urls", []),
                  nlp.get_pipe("paperkg_gazetteer"))
    from paperkg.extractors.rules import gazetteer
    for _, fn in gazetteer.STAGES:
        fn(ctx)
    n = len(ctx.cands)
    names.capitalised_runs(ctx)
    return [(c.start, c.end, c.name, c.type, c.conf, c.rule, c.strong_type, tuple(c.extra))
            for c in ctx.cands[n:]]


LONE_WORDS = [
    # title, abstract: every shape of a one-word run
    ("SQIRL: Learning to Rank", "We propose SQIRL, which beats BERT and XLNet on GLUE."),
    ("LEARNING GRAPH NETWORKS FOR RNA FOLDING", "The model GNN folds RNA."),
    ("A study", "Results on the ACE 2005 dataset and at STOC 2020 are given. SPEC 2017 and "
     "VolRecon too."),
    ("A study", "Our Singlish benchmark and the Tamil corpus are new. Kaggle helps."),
    ("A study", "Qwen3-0.6B-style prompts and TimeGAN-augmented data help GD-based training."),
    ("A study", "We cite chen2020learning and x1D45B here; FWL(2) and ICC(2,k) are tests."),
    ("A study", "However, Transformers work. Moreover BERT's output and GPT-4's 3B size vary."),
    ("A study", "See https://github.com/Acme/FooNet for FooNet; Monday and X matter, C++ too."),
    ("A study", "We use LLM-as-a-Judge, RM-Bench, HOG+SVM and 3DGS with 6GB of memory."),
    ("A study", "In 2024 we train 24 GB models; Table 3 and Track 1 show results, as do RL.We."),
    ("A study", "The Markov Decision Process and the Transformer are generic; CNNs and KGs too."),
    ("Better MoGU V2", "The ViT-L encoder and ResNet-50, the mBERT model and LoRA adapters."),
    ("A study", "Evaluated with GBC-FS 2025, we find the T2V and E2E settings simple. TL DR."),
]


@pytest.mark.parametrize("title, abstract", LONE_WORDS)
def test_lone_word_path_finds_what_the_general_path_finds(nlp, monkeypatch, title, abstract):
    text = title + "\n" + abstract
    taken = []
    lone = names._lone_word
    monkeypatch.setattr(names, "_lone_word", lambda ctx, w, *a: taken.append(w) or lone(ctx, w, *a))
    fast_runs, fast_ents = runs_found(nlp, text), entities(nlp, text)
    assert taken  # the fast path ran
    monkeypatch.setattr(names, "LONE_WORD_FAST", False)
    taken.clear()
    assert runs_found(nlp, text) == fast_runs
    assert entities(nlp, text) == fast_ents
    assert not taken


GAP_TEXTS = [
    # (text, whether a match goes on into a next chunk somewhere)
    ("Stable Diffusion and stable diffusion beat Stable\nDiffusion.", True),
    ("We fine-tune Naive Bayes and Naive\u00a0Bayes with a deep neural network.", True),
    ("Stable models, a deep thought and neural fields on ImageNet end here: Stable", False),
    ("We use Stable Diffusion", True),
    ("Naive", False),
]


@pytest.mark.parametrize("text, goes_on", GAP_TEXTS)
def test_text_hits_reads_a_gap_only_where_a_match_could_go_on(nlp, monkeypatch, text, goes_on):
    from paperkg.extractors import components

    gaz = nlp.get_pipe("paperkg_gazetteer")
    read = []
    get = components._OneCharGaps.__getitem__
    monkeypatch.setattr(components._OneCharGaps, "__getitem__",
                        lambda self, k: read.append(k) or get(self, k))
    hits = gaz.text_hits(text)
    assert sorted(hits) == sorted(gaz._doc_hits(nlp.tokenizer.inner(text)))  # the matchers'
    assert bool(read) == goes_on


@pytest.mark.parametrize("name", [
    "FWL(2)", "ICC(2,k)", "DRO-BAS(PE)", "SE(3)", "x's 2", "GPT-4", "tau^2-Bench", "a|b",
    "Foo{bar}", "BERT", "Llama 3", "f(x) = y", "C-HMCNN(h)", "(ABC)", "X(", "Qwen2.5 (7B)",
])
def test_bad_name_without_a_bracket_skips_the_glued_argument(monkeypatch, name):
    import sys

    from paperkg.extractors.rules.names import GLUED_ARG

    merge = sys.modules["paperkg.extractors.rules.merge"]  # (the package's `merge` is the function)

    general = merge._BAD_NAME.search(GLUED_ARG.sub("", name)) is not None
    subs = []

    class Counted:
        """GLUED_ARG, its substitutions counted."""

        def sub(self, repl, text):
            subs.append(text)
            return GLUED_ARG.sub(repl, text)

    monkeypatch.setattr(merge, "GLUED_ARG", Counted())
    assert merge._bad_name(name) == general
    assert bool(subs) == ("(" in name)


def _variants_compiled_first(ctx: Context) -> None:
    """title_name_variants as it was: the title name's pattern compiled before the loop."""
    import re

    from paperkg.extractors.canonical import canonical_key, strip_latex
    from paperkg.extractors.rules.roles import _VARIANT_OK

    text, title_end = ctx.text, ctx.title_end
    colon = text.find(":", 0, title_end)
    if not 3 < colon < 40:
        return
    name = strip_latex(text[:colon]).strip()
    if " " in name or len(name) < 4 or canonical_key(name) not in ctx.title_intro_keys:
        return
    inside = re.compile(rf"(?<![\w.\-]){re.escape(name)}(?![\w.])")
    for cc in ctx.cands:
        if cc.start <= title_end or cc.intro or cc.surface == name or name not in cc.surface or \
                cc.type in ("TASK", "METRIC") or "gazetteer" in cc.rule or \
                cc.gaz_canon is not None or not _VARIANT_OK.fullmatch(cc.surface) or \
                not inside.search(cc.surface):
            continue
        cc.intro = True
        cc.conf = max(cc.conf, 0.7)


@pytest.mark.parametrize("title, abstract", [
    ("RadGame: Teaching Radiology", "In RadGame Localize, players find RadGame-Lite and "
     "RadGames tools; the KRONE Log Abstraction Model and RadGame.v2 differ."),
    ("KRONE: Log Models", "the KRONE Log Abstraction Model and KRONE-2 beat XKRONE models."),
    ("Nothing: here", "No variants at all in this abstract about BERT."),
    ("A title without a colon", "RadGame Localize is here."),
])
def test_title_name_variants_compiles_late_and_marks_the_same(nlp, monkeypatch, title, abstract):
    from paperkg.extractors import rules
    from paperkg.extractors.rules import roles

    text = title + "\n" + abstract
    data = _before_entities(nlp, text)
    got = []
    for variant in (roles.title_name_variants, _variants_compiled_first):
        ctx = Context(text, data["pk_sents"], data.get("pk_gaz", []), data.get("pk_urls", []),
                      nlp.get_pipe("paperkg_gazetteer"))
        for _, name, fn in rules.stages():
            if name == "roles.title_name_variants":
                break
            fn(ctx)
        variant(ctx)
        got.append([(c.start, c.end, c.intro, c.conf) for c in ctx.cands])
    assert got[0] == got[1]
    compiled = []
    monkeypatch.setattr(roles.re, "compile", lambda *a: compiled.append(a) or re_compile(*a))
    ctx.cands = [c for c in ctx.cands if c.start <= ctx.title_end]
    roles.title_name_variants(ctx)  # no candidate in the abstract: nothing to compile for
    assert not compiled


def re_compile(*args):
    """re.compile itself (the test above wraps the one roles.py reads)."""
    import re

    return re.__dict__["_compile"](*args)
