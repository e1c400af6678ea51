"""Bench: triples per second of the Turtle and N-Triples export of the synthetic graph.

paperkg's exporter (schema mapping + pyoxigraph, forked writers) is timed end to end on the
100,000-paper synthetic graph, writing real files through the atomic export path. The baseline,
in the same run, is plain rdflib serialising the same triples of a smaller synthetic graph
(rdflib is too slow to wait for at full size); paperkg is also timed on that smaller graph so
that the ratio compares like with like. Medians of --runs runs. Wall-clock rates depend on what
else the machine runs, so CPU time (this process plus its forked writers) is reported too:
triples per CPU-second does not change with load.

    python bench/bench_rdf.py [--papers 100000] [--baseline-papers 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from a checkout: `bench` importable

from bench.synth import synthetic_graph  # noqa: E402
from paperkg.graph import rdf  # noqa: E402
from paperkg.graph.export import export  # noqa: E402

FORMATS = (("turtle", "ttl", "turtle"), ("ntriples", "nt", "nt"))


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def time_paperkg(G, fmt: str, ext: str, runs: int, workdir: Path,
                 workers: int | None) -> tuple[float, float, int]:
    """Median wall seconds, median CPU seconds and triple count of paperkg's export of G."""
    times, cpus, triples = [], [], 0
    for _ in range(runs):
        path = workdir / f"kg.{ext}"
        cpu = cpu_seconds()
        start = time.perf_counter()
        if workers is None:
            result = export(fmt, path, graph=G)
            triples = result.triples
        else:
            with open(path, "wb") as fh:
                triples = rdf.serialize(G, fh, fmt, workers=workers).triples
        times.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - cpu)
        path.unlink()
    return statistics.median(times), statistics.median(cpus), triples


def rdflib_graph(G):
    """The same triples in a plain rdflib Graph, with the wall and CPU seconds it took."""
    import rdflib

    cpu, start = cpu_seconds(), time.perf_counter()
    g = rdflib.Graph()
    for text in rdf.ntriples_chunks(G):
        g.parse(data=text, format="nt")
    for prefix, ns in rdf.prefixes().items():
        g.bind(prefix, ns, override=True)
    return g, time.perf_counter() - start, cpu_seconds() - cpu


def time_rdflib(g, rdflib_fmt: str, runs: int, workdir: Path) -> tuple[float, float, int]:
    """Median wall and CPU seconds of plain rdflib serialising an rdflib Graph."""
    times, cpus = [], []
    for _ in range(runs):
        path = workdir / "rdflib.out"
        cpu = cpu_seconds()
        start = time.perf_counter()
        g.serialize(destination=str(path), format=rdflib_fmt, encoding="utf-8")
        times.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - cpu)
        path.unlink()
    return statistics.median(times), statistics.median(cpus), len(g)


def main(argv: list[str] | None = None) -> dict:
    """Run the bench and print a table and a JSON summary."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=100_000)
    ap.add_argument("--baseline-papers", type=int, default=5_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=None,
                    help="force this many writer processes (default: the exporter's choice)")
    args = ap.parse_args(argv)

    out: dict = {"papers": args.papers, "baseline_papers": args.baseline_papers,
                 "runs": args.runs, "cpus": os.cpu_count(), "results": {}}
    with tempfile.TemporaryDirectory(prefix="paperkg-bench-rdf-") as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        big = synthetic_graph(n_papers=args.papers, seed=0)
        small = synthetic_graph(n_papers=args.baseline_papers, seed=0)
        out["graph_seconds"] = round(time.perf_counter() - t0, 2)
        out["nodes"], out["edges"] = big.number_of_nodes(), big.number_of_edges()
        rg, build_wall, build_cpu = rdflib_graph(small)
        out["rdflib_build_seconds"] = round(build_wall, 2)
        for fmt, ext, rdflib_fmt in FORMATS:
            secs, cpu, n = time_paperkg(big, fmt, ext, args.runs, work, args.workers)
            s_secs, s_cpu, s_n = time_paperkg(small, fmt, ext, args.runs, work, args.workers)
            b_secs, b_cpu, b_n = time_rdflib(rg, rdflib_fmt, args.runs, work)
            assert b_n == s_n, (b_n, s_n)  # both wrote the same triples
            out["results"][fmt] = {
                "triples": n, "seconds": round(secs, 2), "triples_per_s": round(n / secs),
                "cpu_seconds": round(cpu, 2), "triples_per_cpu_s": round(n / cpu),
                "small_triples": s_n, "small_triples_per_s": round(s_n / s_secs),
                "small_triples_per_cpu_s": round(s_n / s_cpu),
                "rdflib_triples_per_s": round(b_n / b_secs),
                "rdflib_triples_per_cpu_s": round(b_n / b_cpu),
                "speedup_vs_rdflib": round(b_secs / s_secs, 1),
                "cpu_speedup_vs_rdflib": round(b_cpu / s_cpu, 1),
                # rdflib end to end: building its Graph from the same mapping, then writing
                "rdflib_e2e_triples_per_s": round(b_n / (b_secs + build_wall)),
                "e2e_speedup_vs_rdflib": round((b_secs + build_wall) / s_secs, 1),
            }
    print(f"synthetic graph: {args.papers:,} papers, {out['nodes']:,} nodes, "
          f"{out['edges']:,} edges (built in {out['graph_seconds']} s); median of {args.runs}; "
          f"load average {os.getloadavg()[0]:.1f} on {out['cpus']} CPUs")
    print(f"{'format':<10}{'triples':>12}{'wall s':>8}{'triples/s':>11}{'/CPU-s':>10}"
          f"{'rdflib/s':>10}{'/CPU-s':>9}{'x rdflib':>9}{'(CPU)':>7}{'x e2e':>7}")
    for fmt, r in out["results"].items():
        print(f"{fmt:<10}{r['triples']:>12,}{r['seconds']:>8}{r['triples_per_s']:>11,}"
              f"{r['triples_per_cpu_s']:>10,}{r['rdflib_triples_per_s']:>10,}"
              f"{r['rdflib_triples_per_cpu_s']:>9,}{r['speedup_vs_rdflib']:>9}"
              f"{r['cpu_speedup_vs_rdflib']:>7}{r['e2e_speedup_vs_rdflib']:>7}")
    print("rdflib columns: serialising a prebuilt rdflib Graph of the "
          f"{args.baseline_papers:,}-paper graph; x e2e counts building that Graph too "
          f"({out['rdflib_build_seconds']} s)")
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main()
