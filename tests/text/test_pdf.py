"""PDF: the text layer in reading order (two columns, however the content stream runs), page
furniture left for undo_layout; scans, encrypted, truncated and damaged files refused."""
from __future__ import annotations

import pytest

from tests.support import require
from testkit.documents import CJK_FONT, Page, chronicle_pdf, encrypted_pdf, scanned_pdf
from timeline.text import UnreadableDocument, join_lines, read_source, undo_layout

ENTRIES = tuple(
    f"{month}月{day}日，西岭县召开第{n}次县委常委会议，研究部署{topic}工作，会议强调要抓好项目建设和民生实事。"
    for n, (month, day, topic) in enumerate([
        (1, 3, "春耕备耕"), (1, 17, "森林防火"), (2, 6, "复工复产"), (2, 21, "招商引资"),
        (3, 9, "乡村振兴"), (3, 25, "安全生产"), (4, 8, "文明创建"), (4, 30, "防汛抗旱")], 1))


@pytest.fixture(scope="module", autouse=True)
def cjk_font():
    require(CJK_FONT.exists(), f"the CJK font {CJK_FONT} (Debian fonts-wqy-microhei)")


def paragraphs(data: bytes) -> list[str]:
    source = read_source(data, name="book.pdf")
    assert source.format == "pdf" and not source.structured
    layout = undo_layout(source.text)
    text = join_lines((line.text, line.offset, line.ends_paragraph) for line in layout.lines).text
    return text.split("\n")


@pytest.mark.parametrize("pages", [
    [Page(ENTRIES[:4]), Page(ENTRIES[4:]), Page(ENTRIES[:4]), Page(ENTRIES[4:])],
    [Page(ENTRIES[:4], columns=2), Page(ENTRIES[4:], columns=2), Page(ENTRIES[:4], columns=2),
     Page(ENTRIES[4:], columns=2)],
    [Page(ENTRIES[:4], columns=2, interleaved=True), Page(ENTRIES[4:], columns=2, interleaved=True),
     Page(ENTRIES[:4], columns=2, interleaved=True), Page(ENTRIES[4:], columns=2, interleaved=True)],
], ids=["one-column", "two-columns", "two-columns-interleaved"])
def test_every_paragraph_comes_back_whole_and_in_order_without_page_furniture(pages):
    assert paragraphs(chronicle_pdf(pages)) == list(ENTRIES) * 2


def test_a_title_across_both_columns_comes_first():
    title = "西岭县二〇二〇年大事记（一至四月）"
    pages = [Page(ENTRIES[:4], columns=2, interleaved=True, title=title), Page(ENTRIES[4:], columns=2)] * 2
    assert paragraphs(chronicle_pdf(pages)) == [title, *ENTRIES[:4], *ENTRIES[4:], title, *ENTRIES]


def test_a_scan_is_refused_because_ocr_is_not_done():
    with pytest.raises(UnreadableDocument, match="^scan.pdf: a scanned PDF: .*OCR is not done"):
        read_source(scanned_pdf(), name="scan.pdf")


def test_a_pdf_locked_with_a_password_is_refused():
    with pytest.raises(UnreadableDocument, match="^locked.pdf: an encrypted PDF that needs a password"):
        read_source(encrypted_pdf("secret", ENTRIES[:2]), name="locked.pdf")


def test_a_pdf_with_only_an_owner_password_reads():
    assert paragraphs(encrypted_pdf("", ENTRIES[:2])) == list(ENTRIES[:2])


def test_a_truncated_pdf_is_refused():
    data = chronicle_pdf([Page(ENTRIES)] * 3)
    with pytest.raises(UnreadableDocument, match="^cut.pdf: a truncated PDF"):
        read_source(data[:len(data) // 2], name="cut.pdf")


def test_a_corrupt_pdf_is_refused():
    data = bytearray(chronicle_pdf([Page(ENTRIES)]))
    data[9:len(data) - 200] = b"\x00" * (len(data) - 209)
    with pytest.raises(UnreadableDocument, match="^bad.pdf: a damaged PDF"):
        read_source(bytes(data), name="bad.pdf")
