"""A fresh build's papers on disk between the read and the graph step, in paper order, so
that the extraction step, the longest of a large build, runs without them in memory: at
1,000,000 papers they were 3.3 GB of the main process's 3.3 GB while it extracted. The
extraction step reads each chunk's texts from the file as the workers ask for them, and the
graph step reads the papers back in order, one batch at a time."""

from __future__ import annotations

import bisect
import pickle
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from paperkg.core.records import Paper

#: Papers per batch: what a read holds at once (a chunk of texts for the workers spans at
#: most two batches).
ROWS = 4096

#: A fresh build of at least this many papers spills them (a smaller one peaks after its
#: extraction step, not in it, and writing and reading them back costs about 3.5 CPU s per
#: 100,000 papers).
FROM = 200_000


class SpilledPapers(Sequence):
    """Papers written to a file in batches (pickled: every value comes back as it was, lone
    surrogates included) and read back as a read-only sequence: items and slices are read
    from their batches (the last two read are kept), iteration goes through the batches in
    order. Reading ahead in order, as the extraction and graph steps do, reads each batch
    once or twice."""

    def __init__(self, papers: Iterable[Paper], path: Path):
        self.path = path
        self._starts = [0]  # index of each batch's first paper, then the count
        self._offsets = [0]  # byte offset of each batch, then the file's size
        batch: list[Paper] = []
        with open(path, "wb") as fh:
            def flush() -> None:
                fh.write(pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL))
                self._starts.append(self._starts[-1] + len(batch))
                self._offsets.append(fh.tell())
                batch.clear()

            for p in papers:
                batch.append(p)
                if len(batch) == ROWS:
                    flush()
            if batch:
                flush()
        self._held: dict[int, list[Paper]] = {}

    def __len__(self) -> int:
        return self._starts[-1]

    def _batch(self, i: int) -> list[Paper]:
        """The papers of batch i, read from the file."""
        with open(self.path, "rb") as fh:
            fh.seek(self._offsets[i])
            return pickle.loads(fh.read(self._offsets[i + 1] - self._offsets[i]))

    def _held_batch(self, i: int) -> list[Paper]:
        if i not in self._held:
            if len(self._held) >= 2:
                del self._held[min(self._held)]
            self._held[i] = self._batch(i)
        return self._held[i]

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step != 1:
                return [self[k] for k in range(start, stop, step)]
            out: list[Paper] = []
            k = start
            while k < stop:
                b = bisect.bisect_right(self._starts, k) - 1
                rows = self._held_batch(b)
                take = min(stop, self._starts[b + 1]) - k
                first = k - self._starts[b]
                out.extend(rows[first:first + take])
                k += take
            return out
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        b = bisect.bisect_right(self._starts, i) - 1
        return self._held_batch(b)[i - self._starts[b]]

    def __iter__(self) -> Iterator[Paper]:
        # the held batches first: the extraction step iterates just behind its slices
        for b in range(len(self._starts) - 1):
            yield from self._held_batch(b)

    def remove(self) -> None:
        """Let go of the held batches and delete the file."""
        self._held.clear()
        self.path.unlink(missing_ok=True)
