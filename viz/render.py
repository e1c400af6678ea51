"""Old import path: selection now lives in viz/select.py, the page in viz/page.py."""

from paperkg.viz.page import *  # noqa: F403 - re-exported for `paperkg.viz.render` imports
from paperkg.viz.page import viz  # noqa: F401
from paperkg.viz.select import *  # noqa: F403
