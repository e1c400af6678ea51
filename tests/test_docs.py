"""The docs check: every command is documented in the README and has help text, every option
has help, the README's console examples use real verbs and its configuration defaults are the
code's (in process, through click's CliRunner)."""

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
