"""Pipeline-only throughput: bytes -> ParsedDocument, no database.

    .venv/bin/python bench/bench_pipeline.py [--megabytes 5] [--repeat 3] [--seed 7]

Measures the seed, a synthetic corpus of about --megabytes built from the seed (other
years, entries shuffled within their sections, one document per year-variant), and the
same corpus as one single document (to catch anything worse than linear).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.pipeline import parse_document  # noqa: E402

SEED = ROOT / "seeds" / "qingshanhu-2020.txt"
ENTRY_START = re.compile(r"^\s*【")
HEADINGS = ("规划建设", "科技研发", "产业发展")


def sections(text: str) -> list[tuple[str | None, list[str]]]:
    """The seed's lines cut into (heading, [entry text, ...]) at headings and 【titles】."""
    result: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in text.split("\n"):
        if line.strip() in HEADINGS:
            result.append((line, []))
        elif ENTRY_START.match(line) or not result[-1][1]:
            result[-1][1].append(line + "\n")
        else:
            result[-1][1][-1] += line + "\n"
    return result


def variant(text: str, year: int, rng: random.Random) -> str:
    """The seed moved to `year`, its entries (after each overview) shuffled per section."""
    parts = []
    for heading, entries in sections(text):
        overview, rest = entries[:1], entries[1:]
        rng.shuffle(rest)
        if heading:
            parts.append(heading + "\n\n")
        parts.extend(overview + rest)
    return re.sub(r"2020(\s*年)", lambda m: f"{year}{m[1]}", "".join(parts))


def corpus(megabytes: float, seed: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    text = SEED.read_text(encoding="utf-8")
    documents, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        year = 1990 + n % 40
        data = variant(text, year, rng).encode("utf-8")
        documents.append((f"synthetic-{year}-{n}", data))
        size += len(data)
        n += 1
    return documents


def measure(label: str, documents: list[tuple[str, bytes]], repeat: int) -> None:
    size = sum(len(d) for _, d in documents)
    best, events = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        events = sum(len(parse_document(data, name=name).events) for name, data in documents)
        best = min(best, time.perf_counter() - start)
    print(f"{label:<28} {len(documents):>4} docs {size / 1e6:>7.2f} MB {best:>8.3f} s "
          f"{size / 1e6 / best:>7.2f} MB/s {events / best:>9.0f} events/s ({events} events)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    documents = corpus(args.megabytes, args.seed)
    measure("seed", [(SEED.stem, SEED.read_bytes())], args.repeat)
    measure("synthetic corpus", documents, args.repeat)
    joined = b"\n\n".join(data for _, data in documents)
    measure("synthetic, one document", [("synthetic-joined", joined)], 1)


if __name__ == "__main__":
    main()
