"""Check an annotation file against its pool, as the annotators did after every batch.

    python extractors/training/annotations/check.py POOL.jsonl ANN.jsonl

Prints one line per problem, then the file's per-paper densities beside train.gold's, and exits
1 if there was any problem. A record must be the pool's record at the same position (same id
and title); every name, alias, result value, repository and link must occur verbatim in the
title or abstract; types are the guidelines' six, roles `introduced` or `used`, at most four
TASKs; a result's system, benchmark and metric are entity names of the record (the system may be
`THIS_PAPER`) or null, and its kind is score, delta or ratio.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

TYPES = {"METHOD", "MODEL", "DATASET", "BENCHMARK", "METRIC", "TASK"}
FIELDS = ("id", "title", "entities", "repos", "links", "results")
GOLD_DENSITY = ("train.gold per paper: entities 5.29, BENCHMARK 0.26, DATASET 0.23, METHOD 2.25,"
                " METRIC 0.53, MODEL 0.30, TASK 1.71, introduced 1.07,"
                " lower-case introduced METHOD 0.23, results 0.62")


def entity_problems(entity: dict, text: str, seen: set[str]) -> list[str]:
    """What is wrong with one entity of a record."""
    out = [f"entity {entity.get('name')} lacks {f}"
           for f in ("name", "aliases", "type", "alt_types", "role") if f not in entity]
    for form in [entity.get("name", "")] + list(entity.get("aliases", [])):
        if not form or form not in text:
            out.append(f"not verbatim in text: {form!r}")
        if form in seen:
            out.append(f"surface form twice: {form!r}")
        seen.add(form)
    if entity.get("type") not in TYPES:
        out.append(f"bad type {entity.get('type')} for {entity.get('name')}")
    for other in entity.get("alt_types", []):
        if other not in TYPES or other == entity.get("type"):
            out.append(f"bad alt_type {other} for {entity.get('name')}")
    if entity.get("role") not in ("introduced", "used"):
        out.append(f"bad role {entity.get('role')} for {entity.get('name')}")
    return out


def result_problems(result: dict, text: str, names: set[str]) -> list[str]:
    """What is wrong with one result of a record."""
    out = []
    value = result.get("value")
    if not value or value not in text:
        out.append(f"result value not verbatim: {value!r}")
    if result.get("kind") not in ("score", "delta", "ratio"):
        out.append(f"bad kind {result.get('kind')}")
    if result.get("system") not in names | {"THIS_PAPER", None}:
        out.append(f"result system not an entity name: {result.get('system')!r}")
    for slot in ("benchmark", "metric"):
        if result.get(slot) not in names | {None}:
            out.append(f"result {slot} not an entity name: {result.get(slot)!r}")
    return out


def record_problems(record: dict, source: dict) -> list[str]:
    """What is wrong with one annotated record, given its pool record."""
    out = [f"missing field {f}" for f in FIELDS if f not in record]
    if record.get("title") != source["title"]:
        out.append("title differs from the pool's")
    text = source["title"] + "\n" + source["abstract"]
    seen: set[str] = set()
    entities = record.get("entities", [])
    for entity in entities:
        out += entity_problems(entity, text, seen)
    tasks = sum(e.get("type") == "TASK" for e in entities)
    if tasks > 4:
        out.append(f"{tasks} TASKs (at most 4)")
    names = {e.get("name") for e in entities}
    for result in record.get("results", []):
        out += result_problems(result, text, names)
    out += [f"url not verbatim: {u!r}" for u in record.get("repos", []) + record.get("links", [])
            if u not in text]
    return out


def densities(records: list[dict]) -> str:
    """Entities, types, introductions and results per paper, as one line."""
    n = len(records)
    entities = [e for r in records for e in r.get("entities", [])]
    types = Counter(e.get("type") for e in entities)
    intro = sum(e.get("role") == "introduced" for e in entities)
    lower = sum(e.get("role") == "introduced" and e.get("type") == "METHOD"
                and e.get("name", "")[:1].islower() for e in entities)
    results = sum(len(r.get("results", [])) for r in records)
    cells = [f"entities {len(entities) / n:.2f}"]
    cells += [f"{t} {c / n:.2f}" for t, c in sorted(types.items())]
    cells += [f"introduced {intro / n:.2f}", f"lower-case introduced METHOD {lower / n:.2f}",
              f"results {results / n:.2f}"]
    return "per paper: " + ", ".join(cells)


def main(argv: list[str]) -> int:
    """Check ANN against POOL; print problems and densities; 1 if any problem."""
    if len(argv) != 2:
        print("usage: check.py POOL.jsonl ANN.jsonl")
        return 2
    with open(argv[0], encoding="utf-8") as fh:
        pool = [json.loads(line) for line in fh if line.strip()]
    records, bad = [], 0
    with open(argv[1], encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                print(f"line {number}: not JSON: {err}")
                bad += 1
    for k, record in enumerate(records):
        if k >= len(pool) or record.get("id") != pool[k]["id"]:
            print(f"{record.get('id')}: record {k} is not the pool's record {k}")
            bad += 1
            continue
        for problem in record_problems(record, pool[k]):
            print(f"{record.get('id')}: {problem}")
            bad += 1
    if records:
        print(f"{len(records)} records, {bad} problems; {densities(records)}")
        print(GOLD_DENSITY)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
