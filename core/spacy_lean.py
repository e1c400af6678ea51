"""spaCy imported without its command-line package: `spacy/__init__` imports `spacy.cli.info`
for the one function `spacy.info`, and with it all of `spacy.cli` (typer, weasel, httpx,
requests, jinja2: about 360 modules and 0.22 CPU s, on an add's critical path in the workers'
fork server). Nothing paperkg runs uses that package; `spacy.info` and `spacy.cli` still work,
importing it when first used."""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

_CLI, _INFO = "spacy.cli", "spacy.cli.info"


def install() -> None:
    """Have the next `import spacy` of this process leave spacy.cli out (nothing when spaCy is
    already imported or the finder is in place)."""
    if "spacy" in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())


class _Finder:
    """A meta path finder for "spacy" alone: its own spec with a loader that imports it with
    stand-ins for spacy.cli; it leaves sys.meta_path at its first use."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        """The real spec of spacy, its loader wrapped (None for every other module)."""
        if name != "spacy":
            return None
        try:
            sys.meta_path.remove(self)
        except ValueError:
            pass
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _Loader(spec.loader)
        return spec


class _Loader:
    """spaCy's own loader, run with stand-in spacy.cli and spacy.cli.info modules in
    sys.modules; they are taken out again once spacy is imported."""

    def __init__(self, loader: Any):
        self.loader = loader

    def __getattr__(self, name: str) -> Any:
        return getattr(self.loader, name)

    def create_module(self, spec: Any) -> Any:
        """The real loader's module (None: the default one)."""
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        """Run spacy/__init__ with the stand-ins, then take them out."""
        if _CLI in sys.modules or _INFO in sys.modules:
            self.loader.exec_module(module)
            return
        cli = types.ModuleType(_CLI)
        cli.__path__ = []  # a package: its submodules are looked up in sys.modules first
        info = types.ModuleType(_INFO)
        info.info = _info  # type: ignore[attr-defined]
        cli.info = info  # type: ignore[attr-defined]
        sys.modules[_CLI], sys.modules[_INFO] = cli, info
        try:
            self.loader.exec_module(module)
        finally:
            for name, stand_in in ((_INFO, info), (_CLI, cli)):
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
            if module.__dict__.get("cli") is cli:
                del module.cli
            if "__getattr__" not in module.__dict__:
                module.__getattr__ = _spacy_attr  # type: ignore[attr-defined]


def _info(*args: Any, **kwargs: Any) -> Any:
    """spacy.info: spaCy's own, imported on the first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _spacy_attr(name: str) -> Any:
    """spacy.cli on first use (the import binds it on spacy, so this runs once)."""
    if name == "cli":
        return importlib.import_module(_CLI)
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")
