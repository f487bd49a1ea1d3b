"""Pipeline-only throughput and memory: bytes -> ParsedDocument, no database.

    .venv/bin/python bench/bench_pipeline.py [--megabytes 5] [--repeat 3] [--seed 7]
                                             [--largest 20] [--no-scaling]

Measures, with wall-clock and CPU time (the machine may be shared: CPU time is the figure
that does not depend on the load):
- the seed, and a synthetic yearbook corpus of about --megabytes built from it (other years,
  entries shuffled within their sections, one document per year-variant);
- a synthetic chronicle corpus of the same size (chronicles of several years under year and
  month headings, with day lines, ranges, 旬, 是月, 同日, △ and numbered items);
- the shape fixtures (tests/fixtures/shapes: every layout the pipeline reads), as a corpus;
- one document of each kind at 1.25, 2.5, 5, 10 and --largest MB, each in a fresh process:
  time, CPU time and peak memory over the process's size before parsing. Doubling the
  input should about double the time (each step's ratio is printed), and the largest
  document must parse in under 30 s and 400 MB (README, "Limits and failures").
"""
from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.dates.resolver import clear_cache  # noqa: E402
from timeline.pipeline import parse_document  # noqa: E402

SEED = ROOT / "seeds" / "qingshanhu-2020.txt"
SHAPES = ROOT / "tests" / "fixtures" / "shapes"      # data files, read as documents
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


# Clauses of chronicle entries (no dates in them) and their follow-up sentences.
CLAUSES = ("区委召开常委会会议，研究部署重点工作", "市政府与省交通投资集团签订战略合作协议",
           "县领导带队检查安全生产工作", "全区开展农村人居环境整治专项行动", "区图书馆举办新春诗会",
           "镇卫生院开展义诊活动，免费发放药品", "县商务局组织外贸企业参加线上培训",
           "市人大常委会组织代表视察重点项目建设", "区纪委监委召开全体会议", "区融媒体中心挂牌成立")
FOLLOW = ("会议要求各单位抓好落实。", "参加人员共计三百余人。", "2018年，全区有24个村集体经济收入超过50万元。",
          "同日，各乡镇同步召开会议。", "活动受到群众普遍欢迎。")


def chronicle(megabytes: float, rng: random.Random, first_year: int = 1950) -> str:
    """A chronicle of several years (year headings, month headings, dated entries) of about
    `megabytes` of UTF-8. Entries are one to three clauses and sometimes a second sentence,
    about 130 bytes each, as in the shape fixtures (120-150 bytes an entry)."""
    lines, size, year = ["大事记"], 0, first_year
    while size < megabytes * 1_000_000:
        lines.append(f"{year}年")
        for month in range(1, 13):
            lines.append(f"{month}月")
            last = calendar.monthrange(year, month)[1]
            for n, day in enumerate(sorted(rng.sample(range(1, last), 6))):
                head = rng.choice([f"{day}日 ", f"{day}日，", f"{month}月{day}日，", f"{day}—{day + 1}日 ",
                                   "上旬 ", "是月，", "△", f"（{n + 1}）{day}日，", "同日，"])
                clauses = rng.sample(CLAUSES, rng.randint(1, 3))
                body = "，".join(clauses) + "。" + (rng.choice(FOLLOW) if rng.random() < 0.4 else "")
                lines.append(head + body)
                size += len(lines[-1].encode()) + 1
        year += 1
    return "\n".join(lines) + "\n"


def chronicle_corpus(megabytes: float, seed: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    documents, size = [], 0
    while size < megabytes * 1_000_000:
        data = chronicle(0.1, rng, first_year=1950 + len(documents) % 60).encode()
        documents.append((f"chronicle-{len(documents)}", data))
        size += len(data)
    return documents


def shapes_corpus() -> list[tuple[str, bytes, str]]:
    return [(p.stem, p.read_bytes(), p.suffix) for p in sorted(SHAPES.iterdir()) if p.suffix in (".txt", ".md")]


def measure(label: str, documents: list[tuple], repeat: int) -> None:
    size = sum(len(d[1]) for d in documents)
    best, best_cpu, events = float("inf"), float("inf"), 0
    for _ in range(repeat):
        clear_cache()                        # each run reads the documents afresh
        start, cpu = time.perf_counter(), time.process_time()
        events = sum(len(parse_document(d[1], name=d[0], suffix=d[2] if len(d) > 2 else None).events)
                     for d in documents)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    print(f"{label:<26} {len(documents):>4} docs {size / 1e6:>6.2f} MB {best:>7.2f} s {size / 1e6 / best:>5.2f} MB/s"
          f"   CPU {best_cpu:>7.2f} s {size / 1e6 / best_cpu:>5.2f} MB/s {events / best_cpu:>7.0f} events/s"
          f" ({events} events, {size / max(events, 1):.0f} bytes an event)")


def document_of(kind: str, megabytes: float, seed: int) -> bytes:
    """One document of `kind` of at most `megabytes` (the 20 MB limit is a hard one)."""
    limit = int(megabytes * 1_000_000)
    if kind == "chronicle":
        data = chronicle(megabytes, random.Random(seed)).encode()
        return data[:data.rindex(b"\n", 0, limit) + 1]
    joined, size = [], 0
    for _, data in corpus(megabytes, seed):
        if size + len(data) + 2 > limit:
            break
        joined.append(data)
        size += len(data) + 2
    return b"\n\n".join(joined)


def child(path: str) -> None:
    """In a fresh process: parse the document in `path`, print time, CPU time and peak
    memory (over the process's size with the document's bytes read) as JSON."""
    data = Path(path).read_bytes()
    parse_document("1月\n2日 开会。\n".encode(), name="warm-up")   # imports and compiled patterns
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start, cpu = time.perf_counter(), time.process_time()
    parsed = parse_document(data, name=Path(path).stem)
    print(json.dumps({"bytes": len(data), "seconds": time.perf_counter() - start,
                      "cpu": time.process_time() - cpu, "events": len(parsed.events),
                      "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before}))


def scaling(kind: str, sizes: list[float], seed: int) -> None:
    previous = None
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in sizes:
            path = Path(folder) / f"{kind}-{megabytes}.txt"
            path.write_bytes(document_of(kind, megabytes, seed))
            out = subprocess.run([sys.executable, __file__, "--child", str(path)],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            ratio = f"x{r['cpu'] / previous:.2f} CPU for x2 input" if previous else ""
            print(f"{kind:<10} one document {r['bytes'] / 1e6:>6.2f} MB {r['seconds']:>7.2f} s   CPU {r['cpu']:>6.2f} s"
                  f" {r['bytes'] / 1e6 / r['cpu']:>5.2f} MB/s   peak +{r['peak'] / 1e6:>5.0f} MB"
                  f" ({r['peak'] / r['bytes']:>4.1f}x input)  {r['events']:>6} events  {ratio}")
            previous = r["cpu"]


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child(argv[1])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--largest", type=float, default=20.0, help="The largest single document, in MB.")
    parser.add_argument("--no-scaling", action="store_true", help="Skip the single documents.")
    args = parser.parse_args(argv)
    measure("seed", [(SEED.stem, SEED.read_bytes())], args.repeat)
    measure("yearbook corpus", corpus(args.megabytes, args.seed), args.repeat)
    measure("chronicle corpus", chronicle_corpus(args.megabytes, args.seed), args.repeat)
    measure("shape fixtures", shapes_corpus(), args.repeat)
    if not args.no_scaling:
        sizes = [args.largest / 16, args.largest / 8, args.largest / 4, args.largest / 2, args.largest]
        for kind in ("yearbook", "chronicle"):
            scaling(kind, sizes, args.seed)


if __name__ == "__main__":
    main()
