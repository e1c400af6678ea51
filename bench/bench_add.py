"""Adding papers to an existing store, timed: trees alternated, a fresh copy per run.

Usage (from anywhere; each TREE is a folder holding the package as `paperkg/`, e.g. a
`git archive` of two commits unpacked into TREE/paperkg, or a worktree's parent folder):

    python bench/bench_add.py BASE.lbug ADD.jsonl TREE [TREE ...] [--runs 3]
        [--drop-caches] [--extra-args="--workers 2 --fast"] [--keep OUT.lbug]

Each run copies BASE.lbug (the store and any files beside it named BASE.lbug*) to a scratch
folder, runs `sync` (so the copy's dirty pages are not written back during the add and charged
to its store step), with --drop-caches also writes 1 to /proc/sys/vm/drop_caches (needs root;
the add then reads the store cold, as one left for a day would be), and then runs `python -m
paperkg build ADD.jsonl --db COPY --json EXTRA` with PYTHONPATH=TREE under a wall clock. The
trees take turns (A B, then B A, ...: ABBA order), so a drift of the machine's load falls on
both. This process is made the children's subreaper, so the fork server and its worker, which
outlive the CLI, are reaped here: the CPU seconds (user + sys) of each run are the whole
process tree's, not the main process's alone (what /usr/bin/time reports); the CLI process's own
CPU (the add's main process, which bounds it) is shown beside it, from its own rusage.

Prints one line per run (tree, wall, CPU, 1-minute load before and after, the build's own step
seconds), then each tree's medians. Both trees must hold the base store's extraction key (an
add with another key extracts every paper again: see docs/scale.md).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


def load1() -> float:
    """The 1-minute load average."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def subreaper() -> bool:
    """Make this process the subreaper of its descendants (Linux); whether that worked."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def reap_all() -> None:
    """Wait for every descendant left (orphans come here once this is their subreaper)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def children_cpu() -> float:
    """User + system CPU seconds of every descendant reaped so far."""
    ru = os.times()
    return ru.children_user + ru.children_system


def copy_store(base: Path, dest: Path) -> None:
    """base and the files beside it sharing its name's start (log, shadow) copied to dest."""
    for f in sorted(base.parent.glob(base.name + "*")):
        target = dest.parent / (dest.name + f.name[len(base.name):])
        if f.is_dir():
            shutil.copytree(f, target)
        else:
            shutil.copyfile(f, target)


def drained(proc: subprocess.Popen) -> tuple[str, str]:
    """A process's whole stdout and stderr, read to their ends (two threads: neither pipe
    fills while the other is read), without waiting for the process."""
    import threading

    got: dict[str, str] = {}

    def read(name: str, pipe) -> None:
        got[name] = pipe.read()
        pipe.close()

    threads = [threading.Thread(target=read, args=(n, p)) for n, p in
               (("out", proc.stdout), ("err", proc.stderr))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return got["out"], got["err"]


def drop_caches() -> bool:
    """Ask the kernel to drop its clean page cache; whether it was allowed."""
    try:
        Path("/proc/sys/vm/drop_caches").write_text("1\n")
        return True
    except OSError:
        return False


def one_add(tree: Path, base: Path, add: Path, extra: list[str], work: Path, drop: bool,
            keep: Path | None) -> dict:
    """One add of `add` into a fresh copy of `base` by the package in `tree`."""
    db = work / "add.lbug"
    for f in work.glob("add.lbug*"):
        shutil.rmtree(f) if f.is_dir() else f.unlink()
    copy_store(base, db)
    subprocess.run(["sync"], check=True)
    dropped = drop and drop_caches()
    time.sleep(1)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    cpu0, before = children_cpu(), load1()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "paperkg", "build", str(add), "--db",
                             str(db), "--json", *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=tree / "paperkg")
    out, err = drained(proc)
    # waited for here, not by subprocess: its own rusage is the CLI process's CPU alone
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    reap_all()  # the fork server and its worker, orphaned when the CLI ended
    cpu = children_cpu() - cpu0
    if proc.returncode != 0:
        sys.exit(f"add failed ({tree}): {err.strip()[-2000:]}")
    report = json.loads(out)
    if keep is not None:
        for f in keep.parent.glob(keep.name + "*"):
            shutil.rmtree(f) if f.is_dir() else f.unlink()
        copy_store(db, keep)
    return {"tree": str(tree), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "main_cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "load_before": before, "load_after": load1(), "dropped": dropped,
            "extracted": report.get("extracted"), "seconds": report.get("seconds", {})}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", type=Path)
    ap.add_argument("add", type=Path)
    ap.add_argument("trees", type=Path, nargs="+")
    ap.add_argument("--runs", type=int, default=3, help="adds per tree")
    ap.add_argument("--drop-caches", action="store_true")
    ap.add_argument("--extra-args", default="--workers 2 --fast")
    ap.add_argument("--keep", type=Path, help="keep the last run's store here")
    ap.add_argument("--json", type=Path, help="write every run's row here")
    ns = ap.parse_args()
    reaping = subreaper()
    trees = [t.resolve() for t in ns.trees]
    order = [t for i in range(ns.runs) for t in (trees if i % 2 == 0 else trees[::-1])]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench_add.", dir=ns.base.resolve().parent) as w:
        for tree in order:
            row = one_add(tree, ns.base.resolve(), ns.add.resolve(),
                          shlex.split(ns.extra_args), Path(w), ns.drop_caches, ns.keep)
            rows.append(row)
            steps = " ".join(f"{k} {v:.2f}" for k, v in row["seconds"].items())
            print(f"{tree.name}: wall {row['wall_s']:.2f} s, cpu {row['cpu_s']:.2f} s (CLI "
                  f"process {row['main_cpu_s']:.2f} s), load "
                  f"{row['load_before']:.2f} -> {row['load_after']:.2f}, extracted "
                  f"{row['extracted']} | {steps}", flush=True)
    if not reaping:
        print("(not a subreaper: cpu is the main process's only)")
    for tree in trees:
        mine = [r for r in rows if r["tree"] == str(tree)]
        print(f"{tree.name}: median wall {statistics.median(r['wall_s'] for r in mine):.2f} s, "
              f"median cpu {statistics.median(r['cpu_s'] for r in mine):.2f} s (CLI process "
              f"{statistics.median(r['main_cpu_s'] for r in mine):.2f} s) over {len(mine)} runs")
    if ns.json is not None:
        ns.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
