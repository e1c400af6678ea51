"""The layering of issue 14: the core never imports click; the CLI is one package over it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from paperkg.cli import COMMANDS

# Everything under paperkg except the CLI itself, the tests, the bench scripts and `python -m`.
_NOT_CORE = ("paperkg.cli", "paperkg.tests", "paperkg.bench", "paperkg.__main__")

# spaCy itself imports click (its own CLI), so click cannot simply be removed from sys.modules:
# instead every import made *by a paperkg core module* of click or of paperkg.cli fails.
_IMPORT_ALL_WITHOUT_CLICK = textwrap.dedent(f"""
    import builtins, importlib, pkgutil, sys
    real_import = builtins.__import__

    def guarded(name, globals=None, locals=None, fromlist=(), level=0):
        caller = (globals or {{}}).get("__name__") or ""
        if caller.startswith("paperkg") and not caller.startswith({_NOT_CORE!r}):
            target = name if not level else caller.rsplit(".", level)[0] + "." + name
            wanted = [target] + [target + "." + f for f in fromlist or ()]
            if any(w == "click" or w.startswith(("click.", "paperkg.cli")) for w in wanted):
                raise ImportError(f"{{caller}} imports {{target}}")
        return real_import(name, globals, locals, fromlist, level)

    builtins.__import__ = guarded
    import paperkg
    names = sorted(m.name for m in pkgutil.walk_packages(paperkg.__path__, "paperkg.")
                   if not m.name.startswith({_NOT_CORE!r}))
    for name in names:
        importlib.import_module(name)
    print(len(names))
""")


def test_every_core_module_imports_with_click_blocked():
    """Import every core module with imports of click (and of paperkg.cli) failing."""
    r = subprocess.run([sys.executable, "-c", _IMPORT_ALL_WITHOUT_CLICK], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert int(r.stdout) >= 25  # the walk really found the core's modules


def test_command_table_is_the_only_registry_and_points_into_the_cli_package():
    import importlib

    import click

    for name, (target, help_) in COMMANDS.items():
        module, _, attr = target.partition(":")
        assert module.startswith("paperkg.cli."), name
        cmd = getattr(importlib.import_module(module), attr)
        assert isinstance(cmd, click.Command) and cmd.name == name
        assert help_.endswith(".")
