"""URL finding and classification: repositories vs links, punctuation, stray-space repair."""

from __future__ import annotations

import pytest

from paperkg.extractors.urls import classify_url, find_urls


def urls(text: str) -> list[str]:
    return [u for _, _, u in find_urls(text)]


@pytest.mark.parametrize("text, expected", [
    ("Code: https://github.com/acme/widget.", ["https://github.com/acme/widget"]),
    ("(see https://github.com/acme/widget)", ["https://github.com/acme/widget"]),
    ("at https://example.org/page?x=1, and", ["https://example.org/page?x=1"]),
    ("wiki https://en.wikipedia.org/wiki/Foo_(bar).", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
    ("two: https://a.io/x; https://b.io/y!", ["https://a.io/x", "https://b.io/y"]),
    ("bare github.com/acme/widget works", ["github.com/acme/widget"]),
    ("no url here, just e.g. text.", []),
])
def test_find_urls_strips_trailing_punctuation(text, expected):
    assert urls(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Code: https://github.com/ acme/widget.", "https://github.com/acme/widget"),
    ("Code: https://github. com/acme/widget.", "https://github.com/acme/widget"),
    ("at https://github.com/xo28/efficient- NLP-multistage-training ",
     "https://github.com/xo28/efficient-NLP-multistage-training"),
    ("see https://huggingface.co/datasets/ acme/corpus for data",
     "https://huggingface.co/datasets/acme/corpus"),
])
def test_stray_space_repaired_when_unambiguous(text, expected):
    assert urls(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # a complete URL followed by a word: nothing to repair
    ("see https://github.com/acme/widget and more", "https://github.com/acme/widget"),
    # an incomplete host path followed by an ordinary word: left alone
    ("at https://github.com/ and the docs", "https://github.com/"),
])
def test_no_repair_when_ambiguous(text, expected):
    assert urls(text) == [expected]


def test_offsets_point_into_the_text():
    text = "Our code is at https://github.com/acme/widget."
    ((a, b, url),) = find_urls(text)
    assert text[a:b] == url


@pytest.mark.parametrize("url, kind, repo_kind, id_", [
    ("https://github.com/Acme/Widget.git", "repo", "code", "https://github.com/Acme/Widget"),
    ("http://WWW.GitHub.com/acme/widget/tree/main/src/", "repo", "code",
     "https://github.com/acme/widget"),
    ("https://gitlab.com/group/project", "repo", "code", "https://gitlab.com/group/project"),
    ("https://bitbucket.org/team/repo/", "repo", "code", "https://bitbucket.org/team/repo"),
    ("https://huggingface.co/acme/model-7b", "repo", "model", "https://huggingface.co/acme/model-7b"),
    ("https://huggingface.co/datasets/acme/corpus", "repo", "dataset",
     "https://huggingface.co/datasets/acme/corpus"),
    ("https://huggingface.co/spaces/acme/demo", "repo", "space",
     "https://huggingface.co/spaces/acme/demo"),
    ("https://huggingface.co/papers/2401.00001", "link", None,
     "https://huggingface.co/papers/2401.00001"),
    # an account's page names its code (the annotators file it under repos)
    ("https://github.com/acme", "repo", "code", "https://github.com/acme"),
    ("https://github.com/features", "link", None, "https://github.com/features"),
    ("https://mm-rlhf.github.io/", "link", None, "https://mm-rlhf.github.io"),
])
def test_classify_url(url, kind, repo_kind, id_):
    info = classify_url(url)
    assert set(info) == {"kind", "id", "url", "host", "owner", "name", "repo_kind"}
    assert (info["kind"], info["repo_kind"], info["id"]) == (kind, repo_kind, id_)
    assert info["host"] == info["host"].lower()


def test_same_repository_shares_an_id():
    ids = {classify_url(u)["id"] for u in (
        "https://github.com/acme/widget", "https://github.com/acme/widget/",
        "https://github.com/acme/widget.git", "http://www.github.com/acme/widget#readme",
    )}
    assert ids == {"https://github.com/acme/widget"}


def test_malformed_urls_do_not_raise():
    for bad in ("http://[oops/x", "https://", "https://github.com/[a/b", "www.]]"):
        info = classify_url(bad)
        assert info["kind"] in ("repo", "link") and info["id"]
    assert find_urls("see http://[oops/x and https://") is not None


@pytest.mark.parametrize("text, expected", [
    # LaTeX \href{URL}{text} and \url{URL}: the URL ends at the brace
    ("Code is at \\href{https://github.com/acme/widget}{GitHub}.",
     ["https://github.com/acme/widget"]),
    ("at \\href{https://github.com/acme/widget}{https://github.com/acme/widget}.",
     ["https://github.com/acme/widget", "https://github.com/acme/widget"]),
    ("page \\url{https://acme.github.io/widget/}$ and", ["https://acme.github.io/widget/"]),
    ("data \\href{https://huggingface.co/datasets/acme/corpus}{dataset}$.",
     ["https://huggingface.co/datasets/acme/corpus"]),
    # Markdown [URL](URL)
    ("Code: [https://github.com/acme/widget](https://github.com/acme/widget).",
     ["https://github.com/acme/widget", "https://github.com/acme/widget"]),
    # LaTeX inside the URL: a math-mode dot, an escaped underscore
    ("openly available at https://github$.$com/acme/cubic", ["https://github.com/acme/cubic"]),
    ("Code: https://github.com/acme/wid\\_get.", ["https://github.com/acme/wid_get"]),
    # a space after the scheme's colon
    ("is available at https: //github.com/acme/Lazy_GNN.", ["https://github.com/acme/Lazy_GNN"]),
])
def test_latex_and_markdown_debris_stripped(text, expected):
    assert urls(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("make available at https://doi.org/10. 57745/DYIVVU, and", ["https://doi.org/10.57745/DYIVVU"]),
    ("see https://doi.org/10.5281/zenodo.6525446.", ["https://doi.org/10.5281/zenodo.6525446"]),
    # a DOI prefix alone names nothing
    ("at https://doi.org/10. and more", []),
])
def test_doi_broken_after_its_prefix(text, expected):
    assert urls(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("we release our benchmark at v-pnk.github.io/cadloc.", ["v-pnk.github.io/cadloc"]),
    ("Project page: AssetDropper.github.io", ["AssetDropper.github.io"]),
    ("Project page: gengshan-y.github.io/rac-www/", ["gengshan-y.github.io/rac-www/"]),
    ("Our code and models are available at bit.ly/sushi-mot.", ["bit.ly/sushi-mot"]),
    ("Our code is at pub.ist.ac.at/~vnk/papers/IN-FACE-FW.html.",
     ["pub.ist.ac.at/~vnk/papers/IN-FACE-FW.html"]),
    # no bare address: a capitalised glued sentence, a file name, a host without a path,
    # an e-mail address, words with slashes
    ("the data provided.Com/x are", []),
    ("built on node.js/react and torch.nn/functional", []),
    ("mail me@acme.github.io or see torch.com and and/or e.g./i.e.", []),
])
def test_bare_addresses(text, expected):
    assert urls(text) == expected


@pytest.mark.parametrize("url, id_, owner, name", [
    ("https://anonymous.4open.science/r/Vi-SAFE-3B42/README.md",
     "https://anonymous.4open.science/r/Vi-SAFE-3B42", None, "Vi-SAFE-3B42"),
    ("https://anonymous.4open.science/w/HiStyle-2517/",
     "https://anonymous.4open.science/r/HiStyle-2517", None, "HiStyle-2517"),
    ("https://gitee.com/mindspore/models/tree/master/research/cv/Gold_YOLO",
     "https://gitee.com/mindspore/models", "mindspore", "models"),
    ("https://git.tu-berlin.de/rsim/csmoe", "https://git.tu-berlin.de/rsim/csmoe", "rsim", "csmoe"),
    ("https://gitlab.kit.edu/kit/aifb", "https://gitlab.kit.edu/kit/aifb", "kit", "aifb"),
    ("https://openi.pcl.ac.cn/OpenAIDriving/CoDS", "https://openi.pcl.ac.cn/OpenAIDriving/CoDS",
     "OpenAIDriving", "CoDS"),
    ("github.com/cyclicallyneuraldecoder", "https://github.com/cyclicallyneuraldecoder",
     "cyclicallyneuraldecoder", None),
    ("https://github$.$com/acme/cubic", "https://github.com/acme/cubic", "acme", "cubic"),
])
def test_code_hosts(url, id_, owner, name):
    info = classify_url(url)
    assert (info["kind"], info["repo_kind"]) == ("repo", "code")
    assert (info["id"], info["owner"], info["name"]) == (id_, owner, name)


@pytest.mark.parametrize("url", [
    "https://git.io/JGiZA",  # a shortener, not a self-hosted GitLab
    "https://anonymous.4open.science",
    "https://sites.google.com/view/acme",
    "https://plenvdb.github.io",
])
def test_not_code_hosts(url):
    assert classify_url(url)["kind"] == "link"


def test_latex_forms_share_the_plain_id():
    assert classify_url("https://github.com/acme/wid\\_get")["id"] == classify_url(
        "https://github.com/acme/wid_get")["id"] == "https://github.com/acme/wid_get"
    assert classify_url("https://hf.co/datasets/acme/corpus")["id"] == (
        "https://huggingface.co/datasets/acme/corpus")


@pytest.mark.parametrize("text, expected", [
    ("code at “https://github.com/acme/widget” now", ["https://github.com/acme/widget"]),
    ("Data:huggingface.co/datasets/acme/corpus|Code:github.com/acme/widget",
     ["huggingface.co/datasets/acme/corpus", "github.com/acme/widget"]),
    ("代码见https://github.com/acme/widget。", ["https://github.com/acme/widget"]),
])
def test_curly_quotes_bars_and_full_width_punctuation_end_a_url(text, expected):
    assert urls(text) == expected
