"""Bench: how long a viz page takes to be usable at 300, 1,000 and 2,000 nodes.

For each size, an overview of a synthetic graph (bench/synth.py) is written and opened in
headless Chromium (networking off, tests/browser.py). Reported, as medians of --runs runs:
  python_s   selection + layout + HTML in Python;
  stable_ms  navigation start to "stable" in the browser (positions final, physics off);
for the shipped page, and for baselines on the same nodes and edges:
  physics    the shipped page with the browser doing the layout (barnesHut, 150 iterations);
  pyvis      pyvis 0.3.2 defaults (in_line, Bootstrap tags stripped), stable when vis fires
             stabilizationIterationsDone (only with --pyvis, it is slow: ~200 s at 2,000).
Ratios are baseline / shipped.

    /tmp/pkvenv/bin/python bench/bench_viz.py [--sizes 300,1000,2000] [--runs 3] [--pyvis]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT.parent) not in sys.path:
    sys.path.insert(0, str(ROOT.parent))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

STABLE_HOOK = """<script>window.__t = {stable: false};
network.once("stabilizationIterationsDone", function () {
  window.__t = {stable: true, ms: Math.round(performance.now())}; });</script>"""


def _graph_of(n_nodes: int):
    """A synthetic store-sized graph and the overview view holding n_nodes of it."""
    from bench.synth import synthetic_graph
    from paperkg.viz import select as V

    g = synthetic_graph(n_papers=max(200, n_nodes), seed=1)
    return V.overview_view(g, max_nodes=n_nodes)


def _shipped(view, path: Path, physics: bool) -> float:
    """Write the shipped page (optionally with browser physics); seconds spent in Python."""
    from paperkg.viz import page as R

    saved = R.PYTHON_LAYOUT_ABOVE
    R.PYTHON_LAYOUT_ABOVE = 10**9 if physics else saved
    try:
        t = time.perf_counter()
        R.write_atomic(R.render_html(view), path)
        return time.perf_counter() - t
    finally:
        R.PYTHON_LAYOUT_ABOVE = saved


def _pyvis_defaults(view, path: Path) -> float:
    """The same nodes and edges through pyvis with its default options."""
    from pyvis.network import Network

    from paperkg.viz import page as R

    t = time.perf_counter()
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    ids = {k: i for i, k in enumerate(view.graph)}
    for k in view.graph:
        net.add_node(ids[k], label=R.shorten(R.display_name(view.graph, k), 32))
    for a, b, d in view.graph.edges(data=True):
        net.add_edge(ids[a], ids[b], label=d.get("type", ""))
    page = R._EXTERNAL_TAG.sub("", net.generate_html(name="x.html"))
    page = page.replace("</body>", STABLE_HOOK + "</body>")
    path.write_text(page, encoding="utf-8")
    return time.perf_counter() - t


def _open(browser, path: Path, expr: str, timeout: float) -> int:
    page = browser.new_page()
    try:
        page.goto(path.resolve().as_uri(), timeout=timeout)
        value = page.wait_for(expr, timeout=timeout)
        if page.external_requests():
            raise RuntimeError(f"page fetched {page.external_requests()[:2]}")
        return int(value)
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    """Run the bench and print a JSON report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="300,1000,2000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pyvis", action="store_true", help="also time pyvis defaults (slow)")
    args = ap.parse_args(argv)

    from tests.browser import Chromium, find_chromium

    shipped_expr = "window.paperkgViz && paperkgViz.stable && paperkgViz.stableMs"
    pyvis_expr = "window.__t && __t.stable && __t.ms"
    report = []
    browser = Chromium(find_chromium())
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n in (int(s) for s in args.sizes.split(",")):
                view = _graph_of(n)
                row = {"nodes": view.graph.number_of_nodes(),
                       "edges": view.graph.number_of_edges()}
                modes = [("shipped", False), ("physics", True)] + \
                    ([("pyvis", None)] if args.pyvis else [])
                for mode, physics in modes:
                    py, ms = [], []
                    for run in range(args.runs):
                        path = Path(tmp) / f"{mode}-{n}-{run}.html"
                        if physics is None:
                            py.append(_pyvis_defaults(view, path))
                            ms.append(_open(browser, path, pyvis_expr, 900))
                        else:
                            py.append(_shipped(view, path, physics))
                            ms.append(_open(browser, path, shipped_expr, 300))
                    row[mode] = {"python_s": round(statistics.median(py), 3),
                                 "stable_ms": statistics.median(ms),
                                 "html_mb": round(path.stat().st_size / 1e6, 2)}
                base = row["shipped"]["stable_ms"]
                for mode, _ in modes[1:]:
                    row[mode]["stable_ratio_to_shipped"] = round(row[mode]["stable_ms"] / base, 1)
                report.append(row)
                print(json.dumps(row), file=sys.stderr)
    finally:
        browser.close()
    print(json.dumps({"runs": args.runs, "results": report}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
