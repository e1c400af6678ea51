"""An update's extraction fork server with the pipeline loaded: started by the CLI before it
imports the build's modules, it imports the pipeline's code (extractors.workers.PRELOAD) and
then loads the pipeline once (through warm_fast or warm_default), before it forks the workers
that extract the update's papers ahead (pipeline.Ahead): each of them starts with the
pipeline loaded instead of loading it (0.5 CPU s for the rules), so a second one costs a fork.
Kept out of extractors/, whose files make the extraction's fingerprint."""

from __future__ import annotations

import gc

#: The module the fork server imports to load each kind of pipeline.
LOADERS = {"fast": "paperkg.graph.warm_fast", "default": "paperkg.graph.warm_default"}


def start(fast: bool) -> None:
    """Start the workers' fork server now, loading the pipeline of this kind once it has
    imported the pipeline's code, and return at once (extractors.workers.start_fork_server,
    whose server only imports the code). A server already running is left as it is (its
    workers load the pipeline). Nothing happens where there is no fork server."""
    from multiprocessing import forkserver

    from paperkg.extractors.workers import PRELOAD, worker_context

    ctx = worker_context()
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload([*PRELOAD, LOADERS["fast" if fast else "default"]])
        forkserver.ensure_running()


def load(fast: bool) -> None:
    """In the fork server: load the pipeline into the pipeline module's cache (where a
    worker's load_pipeline finds it) and freeze what was made (the collector of each forked
    worker then leaves it, and its pages, alone)."""
    from paperkg.extractors.pipeline import load_pipeline

    load_pipeline(fast=fast)
    gc.collect()
    gc.freeze()
