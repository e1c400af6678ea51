"""Extraction fanned out on a Dask cluster: a dask.bag over shards of the texts, one pipeline per
worker process, plain results back in input order (`paperkg build --engine dask`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from paperkg.core.errors import UserError


def run_shard(shard: tuple[Sequence[str], Sequence[tuple] | None], fast: bool = False,
              extra: Callable | None = None) -> list[tuple]:
    """Plain results of one shard (its texts, and extra's arguments per text or None), run on
    a worker (its pipeline is loaded once per process); see raw_extractions for extra."""
    from paperkg.extractors.pipeline import _plain, _with_extra, load_pipeline

    texts, extra_args = shard
    nlp = load_pipeline(fast=fast)
    return list(_with_extra((_plain(d) for d in nlp.pipe(list(texts), batch_size=256)),
                            extra, extra_args))


def client_for(scheduler: str | None, workers: int = 2, timeout: str = "20s"):
    """A distributed Client: on the scheduler at that address (waiting up to `timeout` for it),
    or on a new local cluster of `workers` processes (one thread each) when no address is given."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UserError("--engine dask needs the dask extra: pip install 'paperkg[dask]'") \
            from None
    if scheduler:
        try:
            return Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    client = Client(cluster)
    client._paperkg_cluster = cluster  # closed with the client in dask_results
    return client


def dask_results(texts: Sequence[str], scheduler: str | None = None, workers: int = 2,
                 fast: bool = False, shard: int = 512, extra: Callable | None = None,
                 extra_args: Sequence[tuple] | None = None) -> Iterator[tuple]:
    """Plain per-text results computed on Dask, yielded in input order as shards finish (each
    shard's result is released once read, so memory stays bounded by the shards in flight)."""
    import dask.bag as db

    client = client_for(scheduler, workers)
    try:
        shards = [(list(texts[i:i + shard]),
                   None if extra is None else list(extra_args[i:i + shard]))
                  for i in range(0, len(texts), shard)]
        if not shards:
            return
        bag = db.from_sequence(shards, npartitions=len(shards)).map(run_shard, fast=fast,
                                                                     extra=extra)
        futures = client.compute(bag.to_delayed())
        for future in futures:
            for part in future.result():
                yield from part
            future.release()
    finally:
        cluster = getattr(client, "_paperkg_cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()
