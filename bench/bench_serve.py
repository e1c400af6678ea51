"""Latency of `paperkg serve` on a real store: start-up, search, pages and API, and the time a
500-node neighbourhood takes to become a stable drawing in headless Chromium.

    python bench/bench_serve.py --db kg.lbug [--runs 30] [--browser-runs 3]

The server runs as `paperkg serve` in its own process (127.0.0.1, a free port) and is measured
over real HTTP with httpx from this one, one request at a time: medians and 90th percentiles
of `--runs` requests for each kind. The search queries are titles and entity names taken from
the store, a quarter of them with a typo. Report the load average with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `tests.browser`


def _typo(text: str, rnd: random.Random) -> str:
    """The text with one letter of its longest word dropped."""
    words = text.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    if len(w) > 4:
        j = rnd.randrange(1, len(w) - 1)
        words[i] = w[:j] + w[j + 1:]
    return " ".join(words)


def _stats(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p90 = ms[min(len(ms) - 1, int(round(0.9 * (len(ms) - 1))))]
    return f"p50 {statistics.median(ms):7.1f} ms   p90 {p90:7.1f} ms   (n={len(ms)})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--browser-runs", type=int, default=3)
    ap.add_argument("--neighbours", type=int, default=500)
    args = ap.parse_args()

    import httpx

    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_store import load_graph

    print(f"load average before: {os.getloadavg()}")
    # the server runs in its own process, as `paperkg serve` does (a server thread in this
    # process would share the GIL with the client and measure the contention)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    base = f"http://127.0.0.1:{port}"
    t = time.perf_counter()
    db = str(Path(args.db).resolve())
    proc = subprocess.Popen([sys.executable, "-m", "paperkg", "serve", "--db", db,
                             "--port", str(port)], cwd=str(ROOT.parent),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    health = None
    while health is None:
        if proc.poll() is not None:
            raise SystemExit(f"paperkg serve stopped: {proc.stderr.read()}")
        try:
            health = httpx.get(base + "/api/health", timeout=5).json()
        except httpx.HTTPError:
            time.sleep(0.2)
    startup = time.perf_counter() - t
    g = load_graph(args.db)
    print(f"store {args.db}: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} "
          f"relationships; {health['counts'].get(S.PAPER, 0):,} papers")
    print(f"start-up to first answer {startup:.1f} s: " + ", ".join(
        f"{k} {v:.2f} s" for k, v in health["startup_s"].items()))
    rnd = random.Random(7)
    papers = sorted(k for k in g if g.nodes[k].get("label") == S.PAPER)
    entities = sorted(k for k in g if g.nodes[k].get("label") in S.ENTITY_LABELS)
    busiest = sorted(entities, key=lambda k: -g.degree(k))
    queries = []
    for i in range(args.runs):
        if i % 2:
            name = g.nodes[rnd.choice(entities)].get("name") or "x"
        else:
            name = g.nodes[rnd.choice(papers)].get("title") or "x"
        queries.append(_typo(name, rnd) if i % 4 >= 2 else name)
    try:
        with httpx.Client(base_url=base, timeout=60) as http:
            def timed(path: str) -> float:
                t0 = time.perf_counter()
                r = http.get(path)
                r.raise_for_status()
                return time.perf_counter() - t0

            for path in ("/", "/api/overview"):
                timed(path)  # warm
            in_server = []
            rows = {
                "search API (/api/search)": [],
                "search page (/search)": [],
            }
            for q in queries:
                t0 = time.perf_counter()
                r = http.get("/api/search", params={"q": q})
                rows["search API (/api/search)"].append(time.perf_counter() - t0)
                in_server.append(r.json()["ms"] / 1000)
                rows["search page (/search)"].append(timed("/search?q=" + quote(q)))
            rows["search inside the server"] = in_server
            rows["paper page (/node)"] = [timed("/node?key=" + quote(rnd.choice(papers)))
                                          for _ in range(args.runs)]
            rows["entity page, busiest 30"] = [timed("/node?key=" + quote(k))
                                               for k in busiest[:args.runs]]
            rows["entity page (/node), random"] = [timed("/node?key=" + quote(rnd.choice(
                entities))) for _ in range(args.runs)]
            rows["neighbours API, 60"] = [timed("/api/neighbours?key=" + quote(k))
                                          for k in busiest[:args.runs]]
            rows["home page (/)"] = [timed("/") for _ in range(args.runs)]
            rows["overview API"] = [timed("/api/overview") for _ in range(args.runs)]
            rows["library query (top_datasets)"] = [
                timed("/cypher?name=top_datasets&run=1") for _ in range(max(5, args.runs // 3))]
            rows["SPARQL count titles"] = [
                timed("/sparql?query=" + quote("SELECT (COUNT(?t) AS ?n) WHERE "
                                               "{ ?p dcterms:title ?t }"))
                for _ in range(max(5, args.runs // 3))]
            big = f"/api/neighbours?limit={args.neighbours}&key=" + quote(busiest[0])
            rows[f"neighbours API, {args.neighbours}"] = [timed(big) for _ in range(5)]
            for name, samples in rows.items():
                print(f"{name:32} {_stats(samples)}")
        if args.browser_runs:
            from tests.browser import Chromium, find_chromium

            chrome = Chromium(find_chromium(install=False))
            try:
                stable = []
                for _ in range(args.browser_runs):
                    page = chrome.new_page()
                    page.goto(f"{base}/graph?limit={args.neighbours}&key=" + quote(busiest[0]))
                    page.wait_for("window.paperkgGraph && window.paperkgGraph.stable", 120)
                    state = json.loads(page.evaluate("JSON.stringify(window.paperkgGraph)"))
                    stable.append(state["stableMs"] / 1000)
                    n_nodes = state["nodes"]
                    page.close()
                print(f"graph view of {busiest[0]} ({n_nodes} nodes) stable after "
                      f"navigation start: {_stats(stable)}")
                home = []
                for _ in range(args.browser_runs):
                    page = chrome.new_page()
                    page.goto(base + "/")
                    page.wait_for("window.paperkgGraph && window.paperkgGraph.stable", 120)
                    home.append(page.evaluate("window.paperkgGraph.stableMs") / 1000)
                    n_home = page.evaluate("window.paperkgGraph.nodes")
                    page.close()
                print(f"home overview ({n_home} nodes, browser physics) stable after "
                      f"navigation start: {_stats(home)}")
            finally:
                chrome.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
