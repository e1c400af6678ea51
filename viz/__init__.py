"""Self-contained, offline pyvis views of focused subgraphs.

`paperkg.viz` is both this package and the Python API verb (paperkg._API["viz"]): once the
package is imported it shadows the lazy verb, so the package itself is made callable.
"""

from __future__ import annotations

import sys
import types


class _CallablePackage(types.ModuleType):
    """A package that, called, draws a view: paperkg.viz(...) is paperkg.viz.page.viz(...)."""

    def __call__(self, *args, **kwargs):
        """Run paperkg.viz.page.viz."""
        from paperkg.viz.page import viz

        return viz(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
