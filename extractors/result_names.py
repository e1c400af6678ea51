"""Result names settled by the paper's merged entities, the step after canonicalisation: apart
from the results rules (results/), whose patterns a process that only canonicalises (an
update's main process) would otherwise compile on import (0.15 CPU s)."""

from __future__ import annotations

THIS_PAPER = "THIS_PAPER"
SYSTEM_TYPES = ("METHOD", "MODEL")
BENCH_TYPES = ("BENCHMARK", "DATASET")


def settle_names(ex) -> None:
    """After canonicalisation: name each result's system/benchmark/metric by its merged entity."""
    if not ex.results:
        return
    by_form: dict[tuple[str, str], str] = {}
    for e in ex.entities:
        for form in (e.name, *e.aliases):
            by_form.setdefault((e.type, form.casefold()), e.name)
    groups = (("system", SYSTEM_TYPES), ("benchmark", BENCH_TYPES), ("metric", ("METRIC",)))
    for r in ex.results:
        for attr, types in groups:
            name = getattr(r, attr)
            if not name or name == THIS_PAPER:
                continue
            for t in types:
                hit = by_form.get((t, name.casefold()))
                if hit:
                    setattr(r, attr, hit)
                    break
