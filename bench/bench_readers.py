"""Reading documents: time and peak memory per format, the 300-page PDF, and the comparisons
that chose the PDF and HTML libraries (docs/readers.md).

    .venv/bin/python bench/bench_readers.py [--pages 300] [--compare]

The PDF is generated (testkit/documents.py: CJK text, a running head and page numbers, a
third of the pages in one column, a third in two columns, a third in two columns whose
content stream runs across the columns line by line). Each measurement runs in a fresh
process, so its peak resident memory (VmHWM) is its own. --compare also runs the other
PDF libraries (pdfminer.six, PyMuPDF: installed only for this) and HTML extractors
(trafilatura), when installed.
"""
from __future__ import annotations

import argparse
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

TOPICS = ("春耕备耕", "森林防火", "复工复产", "招商引资", "乡村振兴", "安全生产", "文明创建", "防汛抗旱",
          "项目建设", "民生实事", "生态保护", "教育发展")
PLACES = ("城关镇", "河口乡", "西岭街道", "东港新区", "北山村", "县会议中心")


def entries(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    result = []
    for k in range(count):
        month, day = 1 + k * 12 // count, rng.randint(1, 28)
        topic, place = rng.choice(TOPICS), rng.choice(PLACES)
        result.append(f"{month}月{day}日，县委、县政府在{place}召开{topic}工作推进会，总结前一阶段{topic}"
                      f"工作，部署下一步任务。会议指出，要坚持问题导向，压实工作责任，确保{topic}"
                      f"各项任务落到实处，共有{rng.randint(50, 900)}人参加会议。")
    return result


def book_pages(pages: int):
    from testkit.documents import Page

    text = entries(pages * 6)
    layouts = [{}, {"columns": 2}, {"columns": 2, "interleaved": True}]
    return [Page(tuple(text[k * 6:(k + 1) * 6]), **layouts[k % 3]) for k in range(pages)], text


# --- one measurement, in its own process ---------------------------------------------------

def extract(library: str, path: str) -> str:
    data = Path(path).read_bytes()
    if library == "ours":                                   # the service's reader
        from timeline.text import read_source

        return read_source(data, name=Path(path).name).text
    if library == "pdfium-stream":                          # PDFium's own text order
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        return "\n".join(pdf[k].get_textpage().get_text_range() for k in range(len(pdf)))
    if library == "pdfminer":
        from io import BytesIO

        from pdfminer.high_level import extract_text
        from pdfminer.layout import LAParams

        return extract_text(BytesIO(data), laparams=LAParams())
    if library == "pdfminer-wide":                          # lines further apart still one box
        from io import BytesIO

        from pdfminer.high_level import extract_text
        from pdfminer.layout import LAParams

        return extract_text(BytesIO(data), laparams=LAParams(line_margin=1.0))
    if library in ("pymupdf", "pymupdf-sort"):
        import pymupdf

        document = pymupdf.open(stream=data)
        return "\n".join(page.get_text(sort=library == "pymupdf-sort") for page in document)
    raise SystemExit(f"unknown library {library}")


def peak_rss() -> int:
    """This process's peak resident memory in bytes. VmHWM, not ru_maxrss: Linux keeps
    ru_maxrss across exec, so a child would report its parent's peak."""
    status = Path("/proc/self/status")
    if status.exists():
        match = re.search(r"^VmHWM:\s+(\d+) kB", status.read_text(), re.M)
        if match:
            return int(match[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure(library: str, path: str) -> None:
    started = time.perf_counter()
    text = extract(library, path)
    seconds = time.perf_counter() - started
    peak = peak_rss()
    print(json.dumps({"seconds": seconds, "peak": peak, "text": text}, ensure_ascii=False))


def run(library: str, path: Path) -> dict | None:
    result = subprocess.run([sys.executable, __file__, "--measure", library, str(path)],
                            capture_output=True, text=True)
    if result.returncode:
        tail = result.stderr.strip().splitlines()[-1:] or ["?"]
        print(f"  {library}: failed ({tail[0]})")
        return None
    return json.loads(result.stdout)


# --- checks --------------------------------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")


def in_order(text: str, paragraphs: list[str]) -> float:
    """Share of paragraphs found whole (layout spaces and line breaks aside), in order."""
    flat = re.sub(r"\s+", "", text)
    position, found = 0, 0
    for paragraph in paragraphs:
        at = flat.find(paragraph, position)
        if at >= 0:
            found, position = found + 1, at + len(paragraph)
    return found / len(paragraphs)


def cjk_intact(text: str, paragraphs: list[str]) -> float:
    """Share of the paragraphs' CJK characters the text holds (as a multiset)."""
    from collections import Counter

    want, got = Counter(_CJK.findall("".join(paragraphs))), Counter(_CJK.findall(text))
    return sum(min(n, got[ch]) for ch, n in want.items()) / sum(want.values())


def pdf_bench(pages: int, compare: bool, folder: Path) -> None:
    from testkit.documents import chronicle_pdf

    layout, paragraphs = book_pages(pages)
    started = time.perf_counter()
    path = folder / "book.pdf"
    path.write_bytes(chronicle_pdf(layout))
    print(f"PDF: {pages} pages, {path.stat().st_size / 1e6:.1f} MB, {len(''.join(paragraphs)):,} characters "
          f"(generated in {time.perf_counter() - started:.1f} s)")
    libraries = ["ours", "pdfium-stream"] + (["pdfminer", "pdfminer-wide", "pymupdf", "pymupdf-sort"] if compare else [])
    print(f"  {'library':<14} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} {'in order':>9} {'CJK':>7}")
    for library in libraries:
        result = run(library, path)
        if result:
            print(f"  {library:<14} {result['seconds']:8.2f} {pages / result['seconds']:8.0f} "
                  f"{result['peak'] / 1e6:8.0f} {in_order(result['text'], paragraphs):9.1%} "
                  f"{cjk_intact(result['text'], paragraphs):7.1%}")


# --- every format --------------------------------------------------------------------------

def format_files(folder: Path) -> list[Path]:
    import docx

    from testkit.documents import Page, chronicle_pdf

    text = entries(3000)
    files = []
    (folder / "chronicle.txt").write_text("2020年大事记\n" + "\n".join(text) + "\n", encoding="utf-8")
    (folder / "chronicle.md").write_text("# 2020年大事记\n\n" + "\n".join(f"- {t}" for t in text) + "\n",
                                         encoding="utf-8")
    page = (ROOT / "tests" / "fixtures" / "html" / "dashiji-2019-01.html").read_text(encoding="utf-8")
    body = "\n".join(f"<p>{t}</p>" for t in text)
    (folder / "chronicle.html").write_text(re.sub(r'(<div class="content" id="zoom">).*?(</div>)',
                                                  lambda m: m[1] + body + m[2], page, flags=re.S), encoding="utf-8")
    document = docx.Document()
    document.add_heading("2020年大事记", level=1)
    for t in text:
        document.add_paragraph(t)
    document.save(folder / "chronicle.docx")
    (folder / "chronicle.pdf").write_bytes(chronicle_pdf([Page(tuple(text[k:k + 6])) for k in range(0, 3000, 6)]))
    files.extend(folder / f"chronicle.{suffix}" for suffix in ("txt", "md", "html", "docx", "pdf"))
    return files


def formats_bench(folder: Path) -> None:
    print("Every format, the same 3,000 entries (about 330,000 characters):")
    print(f"  {'file':<16} {'size MB':>8} {'seconds':>8} {'MB/s':>7} {'peak MB':>8}")
    for path in format_files(folder):
        result = run("ours", path)
        if result:
            size = path.stat().st_size / 1e6
            print(f"  {path.name:<16} {size:8.2f} {result['seconds']:8.2f} {size / result['seconds']:7.1f} "
                  f"{result['peak'] / 1e6:8.0f}")


def html_compare() -> None:
    """The saved pages of tests/fixtures/html through each extractor: title kept, entries kept,
    furniture lines left in."""
    import lxml.html

    from timeline.text.furniture import furniture_prefix
    from timeline.text.normal import HtmlLines
    from timeline.text.read import decode
    from timeline.text.sniff import declared_charset
    from timeline.text.source import read_source

    def readability_alone(html: str) -> list[str]:
        from readability import Document

        return HtmlLines().write(lxml.html.fragment_fromstring(Document(html).summary(html_partial=True),
                                                               create_parent="div"))

    def trafilatura_html(html: str) -> list[str]:
        import trafilatura

        out = trafilatura.extract(html, output_format="html", include_tables=True, include_formatting=True)
        return HtmlLines().write(lxml.html.fromstring(out)) if out else []

    extractors = {"ours (readability + title)": None, "readability alone": readability_alone,
                  "trafilatura": trafilatura_html}
    pages = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
    print("HTML main text on the fixture pages (title kept / entries kept / furniture or navigation lines left / ms):")
    for name, extractor in extractors.items():
        cells = []
        for page in pages:
            data = page.read_bytes()
            html = decode(data, name=page.name, declared=declared_charset(data))
            started = time.perf_counter()
            try:
                lines = (read_source(data, name=page.name).text.split("\n") if extractor is None
                         else extractor(html))
            except ImportError:
                cells = ["not installed"]
                break
            except Exception as error:          # noqa: BLE001 - a refusal is a result here
                lines = [f"refused: {error}"]
            ms = (time.perf_counter() - started) * 1000
            entries_kept = sum(bool(re.match(r"^(?:[-#] |\d+\. |（\d）|※ )?\d+(?:月\d+)?(?:—\d+)?日", x)) for x in lines)
            title = any(re.search(r"\d+年\d+月大事记|时间线", x) for x in lines[:2])
            noise = sum(1 for x in lines if furniture_prefix(x) == len(x) or len(x) <= 6)
            cells.append(f"{page.stem}: {'T' if title else '-'}/{entries_kept}/{noise}/{ms:.0f}")
        print(f"  {name:<28} " + "  ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--compare", action="store_true", help="also the libraries not chosen")
    parser.add_argument("--measure", nargs=2, metavar=("LIBRARY", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(*args.measure)
        return
    with tempfile.TemporaryDirectory() as folder:
        pdf_bench(args.pages, args.compare, Path(folder))
        formats_bench(Path(folder))
    if args.compare:
        html_compare()


if __name__ == "__main__":
    main()
