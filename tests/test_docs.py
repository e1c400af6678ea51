"""The docs check: every command is documented in the README and has help text, every option
has help, the README's console examples use real verbs and its configuration defaults are the
code's (in process, through click's CliRunner); every extraction word list has its row in
extractors/data/README.md."""

from __future__ import annotations

import importlib
import re

import click
import pytest
from click.testing import CliRunner

import paperkg
from paperkg.cli import COMMANDS, cli
from paperkg.core import config
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")}


def _command(name: str) -> click.Command:
    module, _, attr = COMMANDS[name][0].partition(":")
    return getattr(importlib.import_module(module), attr)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme_table(name):
    assert re.search(rf"^\| `{re.escape(name)}\b", README, re.M), (
        f"README.md's Commands table has no row for `{name}`")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_option_has_help(name):
    r = CliRunner().invoke(cli, [name, "--help"], prog_name="paperkg")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith(f"Usage: paperkg {name}")
    cmd = _command(name)
    assert (cmd.help or "").strip(), f"{name} has no help text"
    assert COMMANDS[name][1].strip(), f"{name} has no one-line summary in the command table"
    for param in cmd.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), f"{name} {'/'.join(param.opts)} has no help"


def test_top_level_help_lists_every_command():
    r = CliRunner().invoke(cli, ["--help"], prog_name="paperkg")
    assert r.exit_code == 0
    listed = re.findall(r"^  (\S+)  ", r.stdout.split("Commands:", 1)[1], re.M)
    assert listed == list(COMMANDS)


def test_console_examples_use_real_verbs():
    texts = {"README.md": README, **DOCS}
    for name, text in texts.items():
        for verb in re.findall(r"^\$ (?:\S+=\S+ )*paperkg (\S+)", text, re.M):
            if verb.startswith("-"):
                continue
            assert verb in COMMANDS, f"{name}: `paperkg {verb}` is not a command"


def test_readme_configuration_defaults_are_the_codes():
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| (`[^|]+) \| ([^|]+) \|", README,
                                                        re.M)}
    db = next(v for k, v in rows.items() if "PAPERKG_DB" in k)
    neo = next(v for k, v in rows.items() if "NEO4J_URI" in k)
    assert f"`./{config.DEFAULT_DB}`" in db
    assert neo.startswith(f"`{config.DEFAULT_NEO4J_URI}`, `{config.DEFAULT_NEO4J_USER}`")
    assert "server's default" in neo  # NEO4J_DATABASE: none is sent unless given
    cache = next(v for k, v in rows.items() if "PAPERKG_CACHE" in k)
    assert "~/.cache/paperkg" in cache


def test_every_api_verb_resolves():
    for verb in paperkg.__all__:
        assert callable(getattr(paperkg, verb)) or verb == "__version__", verb


def test_every_exit_code_of_an_error_is_in_the_readme():
    import pkgutil

    from paperkg.core.errors import UserError

    for m in pkgutil.walk_packages(paperkg.__path__, "paperkg."):
        if not m.name.startswith(("paperkg.tests", "paperkg.bench", "paperkg.__main__")):
            importlib.import_module(m.name)
    codes, todo = {UserError.exit_code}, [UserError]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if not sub.__module__.startswith("paperkg.serve."):  # those become HTTP statuses
                codes.add(sub.exit_code)
    documented = {int(c) for c in re.findall(r"^\| (\d+) \| ", README, re.M)}
    assert codes | {0, 2, 130} <= documented, sorted(codes - documented)


def _readme_examples():
    """docs/readme_examples.py as a module (docs/ is no package)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("readme_examples",
                                                  ROOT / "docs" / "readme_examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_readme_examples_parser_finds_every_console_block_and_command():
    ex = _readme_examples()
    blocks = ex.parse(README)
    lines = README.split("\n")
    assert [b.start for b in blocks] == [i for i, s in enumerate(lines) if s == "```console"]
    assert all(b.commands for b in blocks)
    # every `$ ` line of the README is a command of a console block, in order
    assert [c.line for c in ex.commands(blocks)] == [
        i for i, s in enumerate(lines) if s.startswith("$ ")]
    for block in blocks:
        for cmd, after in zip(block.commands, block.commands[1:] + [None], strict=True):
            end = after.line if after else block.end
            assert cmd.output == lines[cmd.line + 1:end], cmd.text
            assert ex.first_word(cmd.text) in ex.ALLOWED, cmd.text
    assert len(ex.commands(blocks)) >= 17
    ex.check(blocks)  # no command the script would refuse


def test_readme_examples_render_replaces_only_the_given_outputs():
    ex = _readme_examples()
    text = "intro\n```console\n$ paperkg stats\na\nb\n$ ls\nc\n```\n\n```sh\n$ not run\n```\n"
    cmds = ex.commands(ex.parse(text))
    assert [(c.text, c.output) for c in cmds] == [("paperkg stats", ["a", "b"]), ("ls", ["c"])]
    assert ex.render(text, {}) == text
    assert ex.render(text, {cmds[0].line: ["x"], cmds[1].line: []}) == (
        "intro\n```console\n$ paperkg stats\nx\n$ ls\n```\n\n```sh\n$ not run\n```\n")


def test_readme_examples_normalise_only_what_varies():
    ex = _readme_examples()
    shown = ["wrote seeds.ttl (turtle): 56,961 triples in 0.12 s",
             '{"query":"x","ms":0.612,"hits":[]}', "loaded 9 nodes (load 1.8 s, rdf 0.9 s)  "]
    now = ["wrote seeds.ttl (turtle): 56,961 triples in 1.07 s",
           '{"query":"x","ms":12.5,"hits":[]}', "loaded 9 nodes (load 0.8 s, rdf 0.4 s)"]
    assert ex.normalise(shown) == ex.normalise(now)
    assert ex.normalise(["56,961 triples in 0.12 s"]) != ex.normalise(["56,725 triples in 0.12 s"])
    assert ex.normalise(["│ Method │ 626 │"]) != ex.normalise(["│ Method │ 620 │"])


def test_readme_examples_refuse_an_unknown_program():
    ex = _readme_examples()
    with pytest.raises(ValueError, match="rm"):
        ex.check(ex.parse("```console\n$ rm -rf kg.lbug\n```\n"))
    with pytest.raises(ValueError, match="before any"):
        ex.parse("```console\noutput\n$ ls\n```\n")


def test_every_word_list_is_in_the_data_readme():
    data = ROOT / "extractors" / "data"
    table = (data / "README.md").read_text(encoding="utf-8")
    rows = "\n".join(line for line in table.splitlines() if line.startswith("| "))
    missing = sorted(p.name for p in (data / "words").glob("*.txt")
                     if not re.search(rf"(?<![\w.]){re.escape(p.name)}\b", rows))
    assert not missing, f"extractors/data/README.md has no row for {missing}"
