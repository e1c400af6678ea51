"""The main process's steps of a fresh build without its extraction: the extractions come from
a store built from the same listing (its PaperState), so the graph, citation and store steps
are timed (and profiled) on their own, in CPU seconds, which a loaded machine disturbs less
than wall time.

Usage (from the repository root):

    python bench/bench_main_steps.py LISTING --state-from STORE [--runs 3] [--profile out.prof]
        [--copies K] [--alone N]

LISTING is a JSON Lines file; STORE a store built from it (any tree whose extraction is the
one wanted: the stored JSON is replayed as the workers' output, in paper order). Each run
builds a new store in a temporary folder with `--workers 2 --fast` settings; what is printed
per run: wall and CPU seconds of the build in this process, the build's own step seconds
(wall), the peak resident memory of this process (it also holds the replayed extractions:
about 3.7 KB a paper), and the node and relationship counts. With --profile, the first run is
profiled by cProfile with a CPU-time timer.

With --copies K the build reads a synthetic listing of LISTING and K-1 copies of it, each
copy's titles suffixed " [copy k]" and its arXiv ids dropped (as bench_build.py --synthetic
makes it), written once to a temporary file; a copy's paper replays the extraction of the
paper its title came from, with its citation results' key made for its own title and
abstract (so the citation step uses them, as it uses a worker's). So the graph, citation and
store steps run at K times the size of STORE without extracting anything. Each run then also
prints the peak RSS of this process and of its children (the state COPY's) during each step
(`step_peaks_mb`, sampled every 0.2 s between the build's step marks, as bench_build.py), and
`held_mb`, this process's RSS before the build (the replayed extractions and the title map:
subtract it from the main figures for the build's own).

Each run also prints `step_cpu_s`, this process's CPU seconds in each step (between the
build's step marks). With --alone N a build of N papers or more takes the large build's path
(its state's writer waited for before the graph step, the citations judged by a child, the
canonicalisation by parted children: graph/parted.py), as a build of 50,000 papers or more
does. The extraction is replayed both where a build extracts in this process and where it
hands its texts to a pool (workers.pooled_results, from 1,024 papers on: before the forty-first
session this bench extracted those for real).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT.parent) not in sys.path:  # run from a checkout: import this tree's paperkg
    sys.path.insert(0, str(ROOT.parent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("listing")
    ap.add_argument("--state-from", required=True, help="a store built from the listing")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--profile", help="write the first run's cProfile stats here")
    ap.add_argument("--copies", type=int, default=1,
                    help="read LISTING this many times (copies' titles suffixed)")
    ap.add_argument("--alone", type=int, default=0,
                    help="take a large build's path from this many papers on "
                         "(pipeline.STATE_ALONE_FROM, the state's child; 0: as shipped)")
    args = ap.parse_args()

    import paperkg.extractors.pipeline as xp
    from paperkg.graph.ladybug_store import iter_state_extractions
    from paperkg.graph.pipeline import build

    stored = dict(iter_state_extractions(args.state_from))
    listing, by_title = args.listing, {}
    tmp_listing = None
    if args.copies > 1:
        from paperkg.graph.citations.cache import features_key
        from paperkg.readers import read_listings

        # a copy's stripped title -> the original paper's id and its features key
        for p in read_listings([args.listing]).papers:
            if p.id in stored:
                by_title[p.title or ""] = (p.id, features_key(p.title or "", p.abstract or ""))
        fd, tmp_listing = tempfile.mkstemp(prefix="bench_main_steps.", suffix=".jsonl")
        os.close(fd)
        write_copies(args.listing, tmp_listing, args.copies)
        listing = tmp_listing
    from paperkg.graph.citations.cache import features_key
    suffix = re.compile(r" \[copy \d+\]$")
    key_re = re.compile(r'"key":"[0-9a-f]{24}"')
    fallback = iter(())

    def replay_one(p) -> str:
        """The stored extraction JSON of a paper (a copy's: its original's, re-keyed)."""
        nonlocal fallback
        title = p.title or ""
        x = stored.get(p.id)
        if x is not None:  # its key made by this tree (the citation code's may differ)
            return rekey(x, title, p.abstract)
        orig = by_title.get(suffix.sub("", title))
        if orig is None:  # merged otherwise than its original: any stored extraction
            try:
                x = next(fallback)
            except StopIteration:
                fallback = iter(stored.values())
                x = next(fallback)
            return x
        return rekey(stored[orig[0]], title, p.abstract)

    def rekey(x: str, title: str, abstract: str | None) -> str:
        """x with its citation results' key made for this title and abstract by this tree
        (a store made by other citation code keeps other keys, which this tree's citation
        step would not take: it would make every paper's results again)."""
        found = list(key_re.finditer(x))  # the last: the results come after the entities
        if not found:
            return x
        m = found[-1]
        return f'{x[:m.start()]}"key":"{features_key(title, abstract or "")}"{x[m.end():]}'

    from paperkg.extractors.registry import tally

    def replayed(texts, progress=None, counts=None, **_):
        """The stored extraction JSON of each paper the build hands to its workers, each
        one's registry tally given to `counts` first, as the workers give theirs (without it
        the registry is made of no counts and the graph's entities differ from a build's)."""
        view = getattr(texts, "_texts", texts)  # the build's views over its papers
        for p in view._papers:
            x = replay_one(p)
            if counts is not None:
                counts(*tally((json.loads(x)[0],)))
            yield x
            if progress is not None:
                progress(1)

    xp.raw_extractions = replayed
    # from workers.POOL_FROM texts on, a build hands its texts to a pool without the pipeline
    # module (fast36): that path is replayed too, and no fork server is started
    import paperkg.extractors.workers as xw

    xw.pooled_results = lambda texts, workers, fast=False, progress=None, **kw: replayed(
        texts, progress, **kw)
    xw.start_fork_server = lambda *a, **kw: None
    import paperkg.graph.ladybug_store as ls
    import paperkg.graph.pipeline as gp

    if args.alone:  # the large build's path: the state's writer waited for, the judging child
        gp.STATE_ALONE_FROM = ls._CHILD_ROWS = args.alone
    step_cpu: dict[str, float] = {}
    mark = gp._mark

    def marked(step: str) -> None:
        """The build's step mark, with this process's CPU seconds at it."""
        step_cpu[step] = round(time.process_time(), 2)
        mark(step)

    gp._mark = marked
    from paperkg.bench.bench_build import step_peaks

    for run in range(args.runs):
        work = Path(tempfile.mkdtemp(prefix="bench_main_steps."))
        marks = work / "marks.txt"
        os.environ["PAPERKG_STEP_MARKS"] = str(marks)
        samples: list = []
        done = threading.Event()
        threading.Thread(target=sample_rss, args=(samples, done), daemon=True).start()
        held = rss_mb()
        prof = cProfile.Profile(time.process_time) if args.profile and run == 0 else None
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            if prof is not None:
                prof.enable()
            report = build([listing], db=work / "kg.lbug", workers=2, fast=True)
            if prof is not None:
                prof.disable()
                prof.dump_stats(args.profile)
            done.set()
            noted = [(a, float(b)) for a, b in (line.split() for line in
                                                marks.read_text().splitlines())]
            print(json.dumps({
                "run": run + 1, "wall_s": round(time.perf_counter() - t0, 2),
                "held_mb": held, "step_peaks_mb": step_peaks(samples, noted),
                "load": [round(v, 1) for v in os.getloadavg()],
                "cpu_s": round(time.process_time() - c0, 2), "steps": report.seconds,
                "step_cpu_s": steps_cpu(step_cpu, c0),
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                "nodes": sum(report.nodes.values()),
                "relationships": sum(report.relationships.values())}), flush=True)
        finally:
            done.set()
            shutil.rmtree(work, ignore_errors=True)
    if tmp_listing is not None:
        os.unlink(tmp_listing)


def steps_cpu(at: dict[str, float], c0: float) -> dict[str, float]:
    """This process's CPU seconds in each step, from its CPU seconds at each step's mark."""
    out, last = {}, c0
    for step, cpu in at.items():
        out[step], last = round(cpu - last, 2), cpu
    at.clear()
    return out


def write_copies(src: str, out: str, copies: int) -> None:
    """src's lines, then copies-1 copies of them with " [copy k]" after each title and no
    arXiv id (bench_build.write_input's synthetic papers, from any listing)."""
    with open(out, "w", encoding="utf-8") as fh:
        for k in range(copies):
            with open(src, encoding="utf-8") as lines:
                for line in lines:
                    if not line.strip():
                        continue
                    if k:
                        rec = json.loads(line)
                        rec["title"] = f"{rec.get('title', '')} [copy {k}]"
                        rec.pop("arxiv_id", None)
                        line = json.dumps(rec) + "\n"
                    fh.write(line if line.endswith("\n") else line + "\n")


def rss_mb() -> int:
    """This process's resident memory now (MB)."""
    import psutil

    return round(psutil.Process().memory_info().rss / (1 << 20))


def sample_rss(samples: list, done: threading.Event) -> None:
    """(time, this process's RSS, with its children's) every 0.2 s into samples until done."""
    import psutil

    me = psutil.Process()
    while not done.is_set():
        try:
            own = me.memory_info().rss
            together = own + sum(c.memory_info().rss for c in me.children(recursive=True))
            samples.append((time.time(), own, together))
        except psutil.Error:
            pass
        done.wait(0.2)


if __name__ == "__main__":
    main()
