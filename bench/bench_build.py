"""Build time and peak memory on the real corpus: fresh builds, and adding papers to a store.

Usage (from the repository root):

    python bench/bench_build.py [--papers 10000] [--add 500] [--runs 3] [--workers 2]
        [--synthetic 1000000] [--extra-args=--fast] [--json out.json]

Input: the first --papers lines of ../shared/corpus/papers-0*.jsonl.gz (in file order), written
once to a temporary JSON Lines file. --synthetic N instead writes N papers made from the corpus
by repeating it with a title suffix (" [copy k]") and no arXiv id, so every copy is a new paper
(its abstract is not new: the tokenizer's cache makes copies cheaper than real papers).

Each run is a fresh `python -m paperkg build` process under `/usr/bin/time` (wall time and the
peak resident memory of the main process); the other processes of the build (the fork server
and the pool workers, each holding its own pipeline and chunks) are sampled every 0.2 s with
psutil when it is installed: the largest one's peak (`worker_peak_mb`), the peak of all the
build's processes' RSS summed at the same instant (`together_peak_mb`: pages a fork shares count
once per process), and the peak of their proportional set sizes summed (`together_pss_mb`, from
/proc/PID/smaps_rollup: shared pages counted once; the figure a memory budget is about, since
the state COPY's child runs beside the main process); each run also
gives both peaks per step (`step_peaks_mb`: the build notes each step's end in a file,
graph.pipeline.MARKS_ENV; the build state's COPY child runs beside the graph and citation
steps; a store written whole splits its store step in two: `tables`, the graph's tables
written while it is held, then `store`, the engine's COPYs). With
--add N, the last N papers are left out of the fresh build, whose store is then copied before
each run of `build` adding those N papers (only they are extracted); the copy is written out to
disk before the run (`settled`), as a store one adds to has been: the add's checkpoint ends with
an fdatasync of the store file, which would otherwise also write the copy's 650 MB of dirty
pages (0.3 s of the add's store step on this machine's disk, more on a slower one). Figures
are medians over --runs, with the 1-minute load average before and after each run and the
build's own per-step seconds (read, extract, canonical, graph, citations, store). With the
learned model (no --fast) and workers, each run also reports the model's own CPU seconds in
the workers (`inference_cpu_s`, timed around its components) and the wall time less that
spread over the workers (`non_inference_s`: reading, rules, canonicalisation, citations,
store).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_lines(n: int):
    """The first n lines of the corpus files, in order."""
    files = sorted(CORPUS.glob("papers-*.jsonl.gz"))
    if not files:
        sys.exit(f"no corpus at {CORPUS}")

    def all_lines():
        for f in files:
            with gzip.open(f, "rt", encoding="utf-8") as fh:
                yield from fh

    return itertools.islice(all_lines(), n)


def write_input(path: Path, n: int, synthetic: bool) -> int:
    """Write n papers as JSON Lines; returns how many were written."""
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        if not synthetic:
            for line in corpus_lines(n):
                out.write(line if line.endswith("\n") else line + "\n")
                written += 1
            return written
        base = [json.loads(line) for line in corpus_lines(100_000)]
        for k in itertools.count():
            for rec in base:
                if written >= n:
                    return written
                rec = dict(rec)
                if k:
                    rec["title"] = f"{rec.get('title', '')} [copy {k}]"
                    rec.pop("arxiv_id", None)
                out.write(json.dumps(rec) + "\n")
                written += 1
    return written


def load1() -> float:
    """The 1-minute load average."""
    return round(os.getloadavg()[0], 2)


def _pss(pid: int) -> int:
    """A process's proportional set size in bytes (/proc/PID/smaps_rollup: each shared page
    counted once across the processes that share it), or 0 where it cannot be read."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _sample_workers(proc: subprocess.Popen, samples: list | None = None
                    ) -> tuple[int | None, int | None, int | None]:
    """Wait for proc (`time` running the build); the peak RSS (MB) of the largest process
    under the build's main process (fork server, pool workers, the state COPY's child), the
    peak of the build's processes together (main and all of them, RSS summed at each sample:
    pages a fork shares count once per process), and the peak of their PSS summed (shared
    pages counted once: the figure a memory budget is about), or (None, None, None) without
    psutil. `samples`, a list, receives (unix time, main process RSS, all processes' RSS) of
    each sample, in bytes."""
    try:
        import psutil
    except ImportError:
        proc.wait()
        return None, None, None
    peak = total = pss_total = 0
    while proc.poll() is None:
        try:
            timer = psutil.Process(proc.pid)
            for main in timer.children():
                own = together = main.memory_info().rss
                pss = _pss(main.pid)
                for child in main.children(recursive=True):
                    rss = child.memory_info().rss
                    peak = max(peak, rss)
                    together += rss
                    pss += _pss(child.pid)
                total = max(total, together)
                pss_total = max(pss_total, pss)
                if samples is not None:
                    samples.append((time.time(), own, together))
        except psutil.Error:  # a process ended while it was read
            pass
        try:
            proc.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            pass
    mb = 1 << 20
    return round(peak / mb), round(total / mb), (round(pss_total / mb) if pss_total else None)


def step_peaks(samples: list[tuple[float, int, int]], marks: list[tuple[str, float]]
               ) -> dict[str, dict[str, int]]:
    """The peak RSS (MB) of the main process and of all the build's processes during each
    step: the samples between the end of the step before (the build's start for the first)
    and the end the build noted for it (graph.pipeline.MARKS_ENV); "end" is what follows the
    last mark."""
    out: dict[str, dict[str, int]] = {}
    bounds = [*marks, ("end", float("inf"))]
    start = float("-inf")
    for step, end in bounds:
        inside = [s for s in samples if start <= s[0] < end]
        if inside:
            out[step] = {"main_mb": round(max(s[1] for s in inside) / (1 << 20)),
                         "all_mb": round(max(s[2] for s in inside) / (1 << 20))}
        start = end
    return out


def run_build(args: list[str], env: dict | None = None) -> dict:
    """One `paperkg build ... --json` process: its report, wall seconds and peak RSS (MB)."""
    times = tempfile.mkdtemp(prefix="bench_build_times.")
    marks = Path(times) / "marks.txt"
    env = {**(env or {}), "PAPERKG_PIPE_TIMES": times, "PAPERKG_STEP_MARKS": str(marks)}
    samples: list = []
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        before = load1()
        cmd = ["/usr/bin/time", "-f", "%e %M", "-o", tf.name, sys.executable, "-m", "paperkg",
               "build", *args, "--json", "-q"]
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True,
                                    env={**os.environ, **(env or {})})
            workers_mb, together_mb, pss_mb = _sample_workers(proc, samples)
            out.seek(0)
            err.seek(0)
            if proc.returncode != 0:
                sys.exit(f"build failed: {err.read().strip()[-2000:]}")
            stdout = out.read()
        wall, rss = tf.read().split()[-2:]
    report = json.loads(stdout)
    # The learned model's CPU seconds in the pool workers (extractors/pipeline.py
    # _time_learned: measured around its components, not estimated); spread over the workers,
    # what is left of the wall time is everything but model inference.
    model = [json.loads(f.read_text()) for f in Path(times).glob("*.json")]
    noted = [(step, float(t)) for step, t in (line.split() for line in
                                              marks.read_text().splitlines())] \
        if marks.exists() else []
    shutil.rmtree(times, ignore_errors=True)
    inference = round(sum(t["all"] - t["before"] for t in model), 1) if model else None
    workers = int(args[args.index("--workers") + 1]) if "--workers" in args else 1
    return {"wall_s": float(wall), "peak_mb": round(int(rss) / 1024),
            "inference_cpu_s": inference,
            "non_inference_s": None if inference is None else round(
                float(wall) - inference / max(1, min(workers, len(model))), 1),
            "worker_peak_mb": workers_mb, "together_peak_mb": together_mb,
            "together_pss_mb": pss_mb, "load_before": before,
            "load_after": load1(), "seconds": report.get("seconds", {}),
            "step_peaks_mb": step_peaks(samples, noted),
            "extracted": report.get("extracted"), "papers": report.get("total_papers"),
            "relationships": sum(report.get("relationships", {}).values())}


def settled(path: str | Path) -> str | Path:
    """path, with what the page cache holds of it written to disk (a fresh copy's pages)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def _median_of(runs: list[dict], key: str) -> float | None:
    """The median of one figure over the runs that have it."""
    found = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(found) if found else None


def summary(runs: list[dict]) -> dict:
    """Medians over runs (and every run's figures)."""
    steps = sorted({k for r in runs for k in r["seconds"]})
    return {
        "wall_s": statistics.median(r["wall_s"] for r in runs),
        "peak_mb": statistics.median(r["peak_mb"] for r in runs),
        "worker_peak_mb": max((r["worker_peak_mb"] or 0) for r in runs) or None,
        "together_peak_mb": statistics.median(r["together_peak_mb"] or 0 for r in runs)
        or None,
        "together_pss_mb": _median_of(runs, "together_pss_mb"),
        "steps_s": {k: statistics.median(r["seconds"].get(k, 0) for r in runs) for k in steps},
        "inference_cpu_s": _median_of(runs, "inference_cpu_s"),
        "non_inference_s": _median_of(runs, "non_inference_s"),
        "load": [(r["load_before"], r["load_after"]) for r in runs],
        "papers": runs[-1]["papers"], "extracted": runs[-1]["extracted"],
        "relationships": runs[-1]["relationships"], "runs": runs,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=10_000)
    ap.add_argument("--synthetic", type=int, default=0,
                    help="N synthetic papers (the corpus repeated with title suffixes)")
    ap.add_argument("--add", type=int, default=0, help="also time adding this many papers")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--extra-args", default="", help="more build options, e.g. --fast")
    ap.add_argument("--json", dest="json_out", default=None)
    ns = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench_build."))
    try:
        n = ns.synthetic or ns.papers
        src = work / "papers.jsonl"
        total = write_input(src, n, synthetic=bool(ns.synthetic))
        extra = ns.extra_args.split()
        common = ["--workers", str(ns.workers), *extra]
        out: dict = {"papers": total, "workers": ns.workers, "extra_args": extra,
                     "cpus": os.cpu_count()}
        if ns.add:
            lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
            base, add = work / "base.jsonl", work / "add.jsonl"
            base.write_text("".join(lines[:-ns.add]), encoding="utf-8")
            add.write_text("".join(lines[-ns.add:]), encoding="utf-8")
            del lines
            store = work / "base.lbug"
            out["base"] = run_build([str(base), "--db", str(store), "--rebuild", *common])
            print(f"base store: {out['base']['papers']} papers in {out['base']['wall_s']} s",
                  file=sys.stderr)
            runs = []
            for i in range(ns.runs):
                db = work / f"add{i}.lbug"
                settled(shutil.copy(store, db))
                runs.append(run_build([str(add), "--db", str(db), *common]))
                db.unlink()
                print(f"add run {i + 1}: {runs[-1]['wall_s']} s", file=sys.stderr)
            out["add"] = {"papers_added": ns.add, **summary(runs)}
        else:
            runs = []
            for i in range(ns.runs):
                runs.append(run_build([str(src), "--db", str(work / "kg.lbug"), "--rebuild",
                                       *common]))
                print(f"fresh run {i + 1}: {runs[-1]['wall_s']} s, "
                      f"{runs[-1]['peak_mb']} MB (workers {runs[-1]['worker_peak_mb']} MB, "
                      f"together {runs[-1]['together_peak_mb']} MB RSS, "
                      f"{runs[-1]['together_pss_mb']} MB PSS), per step "
                      f"{runs[-1]['step_peaks_mb']}", file=sys.stderr)
            out["fresh"] = summary(runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for part in ("fresh", "add"):
        if part in out:
            s = out[part]
            print(f"{part}: {s['papers']} papers, median {s['wall_s']} s wall, "
                  f"peak {s['peak_mb']} MB (largest worker {s['worker_peak_mb']} MB, all "
                  f"processes together {s['together_peak_mb']} MB RSS, "
                  f"{s['together_pss_mb']} MB PSS), "
                  f"steps {s['steps_s']}, load {s['load']}"
                  + (f", model inference {s['inference_cpu_s']} CPU s in the workers, "
                     f"everything else {s['non_inference_s']} s"
                     if s["inference_cpu_s"] is not None else ""))
    if ns.json_out:
        Path(ns.json_out).write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
