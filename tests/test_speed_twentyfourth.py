"""Speed, twenty-fourth pass (helper speed24): each fast path of this session's new rule stages
gives what the general path (the stage as lead24 wrote it) gives, on cases of every shape."""

from __future__ import annotations

import re
import sys

import pytest

from paperkg.extractors.rules import devices, stages, tasks
from paperkg.extractors.rules.base import Cand, Context, word_set, word_union

merge = sys.modules["paperkg.extractors.rules.merge"]  # (the package's `merge` is the function)


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- merge: _spans by str.find, _drop_nested_names' substring gate ---------------------------

def spans_by_regex(low: str, form: str, bounded: bool) -> list[tuple[int, int]]:
    """_spans as it was: one re.finditer over an escaped, compiled-per-form pattern."""
    pat = re.escape(form)
    if bounded:
        pat = r"(?<!\w)" + pat + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pat, low)]


def drop_nested_general(out: list[dict], text: str) -> list[dict]:
    """_drop_nested_names as it was: every named entity's longer forms gathered, no gate."""
    if sum(e["type"] in merge._NAMED for e in out) < 1 or len(out) < 2:
        return out
    forms = [(e, {f.lower() for f in [e["name"], *e["aliases"]] if len(f) >= 2}) for e in out]
    low = text.lower()
    gone: set[int] = set()
    for short, sforms in forms:
        if short["type"] not in merge._NAMED:
            continue
        longer = {lf for e, lfs in forms if e is not short for lf in lfs
                  if any(len(lf) > len(sf) and sf in lf for sf in sforms)}
        if not longer:
            continue
        occ = [sp for sf in sforms for sp in spans_by_regex(low, sf, True)]
        outer = [sp for lf in longer for sp in spans_by_regex(low, lf, False)]
        if occ and all(any(a <= x and y <= b and b - a > y - x for a, b in outer)
                       for x, y in occ):
            gone.add(id(short))
    return [e for e in out if id(e) not in gone] if gone else out


SPAN_CASES = [
    ("the rmk retinanet and rmk-2 beat xrmk and rmk_a; rmk.", "rmk"),
    ("aaaa aa aaa", "aa"),  # overlapping occurrences: left to right, none overlapping
    ("rmk", "rmk"), ("rmkrmk rmk", "rmk"), ("", "ab"), ("no hit here", "zz"),
    ("é-net and ének and 1net, net2 _net (net)", "net"),
    ("c++ and c++x and (c++)", "c++"), ("a.b and xa.b", "a.b"), ("x-y x-yz -x-y-", "x-y"),
]


@pytest.mark.parametrize("low, form", SPAN_CASES)
@pytest.mark.parametrize("bounded", [True, False])
def test_spans_by_find_are_the_regex_spans(low, form, bounded):
    assert merge._spans(low, form, bounded) == spans_by_regex(low, form, bounded)


def ent(name: str, type_: str = "METHOD", aliases: tuple[str, ...] = ()) -> dict:
    """A merged entity, with what _drop_nested_names reads."""
    return {"name": name, "type": type_, "aliases": list(aliases)}


NESTED_CASES = [
    # (entities, text): every shape of nesting and none
    ([ent("Transformer"), ent("Touch-Line Transformer")],
     "We propose Touch-Line Transformer. The Touch-Line Transformer works."),
    ([ent("Transformer"), ent("Touch-Line Transformer")],
     "A Transformer and the Touch-Line Transformer."),  # also written alone: kept
    ([ent("RMK", aliases=("RMK RetinaNet",)), ent("RetinaNet", "MODEL")],
     "RMK RetinaNet and RMK RetinaNet again."),  # a form inside its own entity's form
    ([ent("RMK"), ent("RMK RetinaNet", "MODEL", ("RMKR",))], "RMK RetinaNet (RMKR) wins."),
    ([ent("detection", "TASK"), ent("object detection", "TASK")], "object detection"),
    ([ent("BERT"), ent("RoBERTa"), ent("GLUE", "DATASET")], "RoBERTa beats BERT on GLUE."),
    ([ent("BERT"), ent("BERT", "MODEL")], "BERT and BERT."),  # the same form twice
    ([ent("A\x00B"), ent("x A\x00B y")], "x a\x00b y"),  # a NUL inside a form
    ([ent("Net"), ent("ResNet"), ent("ResNet-50", "MODEL")], "ResNet-50 and ResNet."),
    ([ent("ab"), ent("cab", "METRIC"), ent("abc", "DATASET")], "cab abc"),
    ([ent("X")], "X"),
]


@pytest.mark.parametrize("out, text", NESTED_CASES)
def test_drop_nested_names_with_the_gate_drops_the_same(out, text):
    assert merge._drop_nested_names(out, text) == drop_nested_general(out, text)


def test_the_gate_skips_a_name_no_other_form_holds():
    forms = ["bert", "roberta", "glue", "glue"]
    blob = "\x00".join(forms)
    from collections import Counter
    whole = Counter(forms)
    assert not merge._inside_another({"glue"}, blob, whole)  # held twice, both whole
    assert merge._inside_another({"bert"}, blob, whole)  # inside "roberta"
    assert not merge._inside_another({"roberta"}, blob, whole)


# --- tasks: _aims_to, _called_task_before, _named_phenomenon -------------------------------

TEXTS = [
    "Counterfactual learning to rank (CLTR) aims to learn. It refers to x; we seek to.",
    "A claim that aims at nothing; the aim to win; seeks to; xaims to; aimsto; refers  to",
    "Short", "", "refer to the", "The method aims to", "We aim to do this, claims to",
    "the problem of Incomplete Multimodal Sentiment Analysis is a new task, Visual Reasoning",
    "a critical failure mode we term sink-collapse: a challenge we define as X. known as Y",
    "We term this failure mode Tool-Induced Myopia (TIM); we call it Foo. dubbed Bar",
    "the inverse problem of the SIR model; tasks as Z; problem setting of active adaptation",
    "an associated limitation termed ``spectral mismatch'' and a bias referred to as `B'",
]


@pytest.mark.parametrize("text", TEXTS)
def test_aims_to_is_the_regex_search(text):
    for pos in range(len(text) + 2):
        fast, general = tasks._aims_to(text, pos), tasks._AIMS_TO.search(text, pos)
        assert (fast and fast.span()) == (general and general.span())


@pytest.mark.parametrize("text", TEXTS)
def test_called_task_and_phenomenon_windows_match_the_regexes(text):
    heads = word_set("phenomenon_heads")
    for start in range(len(text) + 1):
        fast = tasks._called_task_before(text, start)
        general = tasks._CALLED_TASK_BEFORE.search(text, max(0, start - 30), start)
        assert (fast and fast.span()) == (general and general.span())
        m = tasks._NAMED_PHENOMENON_BEFORE.search(text, max(0, start - 60), start)
        said = m is not None and ((m.group("h") or m.group("h2")).lower() in heads or (
            m.group("h") or m.group("h2")).lower().split()[-1] in heads)
        assert tasks._named_phenomenon(text, start) == said


# --- devices: only the names of coined candidates grouped ---------------------------------

def devices_general(ctx: Context) -> None:
    """devices as it was: every candidate grouped by name."""
    nouns = word_set("device_nouns")
    stop = word_union("connectives", "task_stop")
    groups: dict[str, list] = {}
    for c in ctx.cands:
        groups.setdefault(c.name, []).append(c)
    gone: set[int] = set()
    for group in groups.values():
        if any(c.rule != "coined_name" or c.gaz_canon or c.long_form or c.alias or c.intro
               or c.stated for c in group) or group[0].name in ctx.defined:
            continue
        if all(devices._before_device(ctx.text, c.end, nouns, stop) for c in group):
            gone.update(id(c) for c in group)
    if gone:
        ctx.cands[:] = [c for c in ctx.cands if id(c) not in gone]


DEVICE_TEXTS = [
    ("Robots", "We test on a real Unitree G1 humanoid and a TurtleBot3 mobile robot with BERT."),
    ("A study", "We use a ZED 2i depth camera and a ZED 2i model; GB10 GPU and GB10 GPU."),
    ("A study", "Llama 3 8B on TPU7x and 336,000+ H800 hours; no coined name at all here."),
    ("A study", "Plain words only, nothing coined here."),
]


def _context_before(nlp, text: str, stage: str) -> Context:
    """A context with every stage before the named one run."""
    doc = nlp.make_doc(text)
    for name, proc in nlp._components:
        if name == "paperkg_entities":
            break
        doc = proc(doc)
    data = doc.user_data
    ctx = Context(text, data["pk_sents"], data.get("pk_gaz", []), data.get("pk_urls", []),
                  nlp.get_pipe("paperkg_gazetteer"))
    for _, name, fn in stages():
        if name == stage:
            break
        fn(ctx)
    return ctx


@pytest.mark.parametrize("title, abstract", DEVICE_TEXTS)
def test_devices_drops_what_the_general_path_drops(nlp, title, abstract):
    text = title + "\n" + abstract
    got = []
    for fn in (devices.devices, devices_general):
        ctx = _context_before(nlp, text, "devices.devices")
        fn(ctx)
        got.append([(c.start, c.end, c.name, c.rule) for c in ctx.cands])
    assert got[0] == got[1]


def test_devices_on_hand_made_candidates():
    text = "A study\nOn a Foo9 robot, the Bar7 robot and a Bar7 model; Baz5 GPU."
    def cands():
        out = []
        for name, rule in [("Foo9", "coined_name"), ("Bar7", "coined_name"), ("Bar7", "acronym"),
                           ("Baz5", "coined_name"), ("study", "plain")]:
            i = text.find(name)
            out.append(Cand(i, i + len(name), name, name, "METHOD", 0.5, rule))
        return out
    got = []
    for fn in (devices.devices, devices_general):
        ctx = Context(text, [0, 8], [], [], None, title_end=7, cands=cands())
        fn(ctx)
        got.append([(c.name, c.rule) for c in ctx.cands])
    assert got[0] == got[1]
    assert ("Foo9", "coined_name") not in got[0] and ("Bar7", "acronym") in got[0]
