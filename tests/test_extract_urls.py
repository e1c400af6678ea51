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
    ("https://github.com/acme", "link", None, "https://github.com/acme"),
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
