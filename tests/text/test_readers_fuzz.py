"""Every reader on damaged and random input: the text, or UnreadableDocument naming the file;
never another exception."""
from __future__ import annotations

import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import examples, require
from testkit.documents import CJK_FONT, Page, chronicle_pdf, chronology_docx
from timeline.text import UnreadableDocument, read_source

FUZZ = settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ_FILES = settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = ["<html>", "</html>", "<body>", "</body>", "<div>", "</div>", "<p>", "</p>", "<br>", "<table>", "<tr>",
        "<td>", "</td>", "</tr>", "</table>", "<ol start='x'>", "<li>", "</li>", "</ol>", "<h2>", "</h2>",
        "<a href='#'>", "</a>", "<script>", "</script>", "<!--", "-->", "<title>", "</title>", "<meta charset='gbk'>",
        "当前位置：首页", "发布日期：2020-01-31 18:23:54", "1月2日，县委召开会议。", "【打印】", "&nbsp;", "<", ">", "&"]


def check(data: bytes, name: str) -> None:
    try:
        source = read_source(data, name=name)
    except UnreadableDocument as error:
        assert str(error).startswith(f"{name}: ") and "\n" not in str(error)
        return
    assert source.text.strip() and "\r" not in source.text


def damage(data: bytes, draw) -> bytes:
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(data) - 1))
        data = data[:i] + draw(st.binary(max_size=8)) + data[i + draw(st.integers(0, 64)):]
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return data


@FUZZ
@given(st.lists(st.sampled_from(TAGS), max_size=60).map("".join),
       st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_tag_soup(html, encoding):
    check(("<!DOCTYPE html>" + html).encode(encoding, "replace"), "page.html")
    check(html.encode(encoding, "replace"), "page.htm")


@FUZZ
@given(st.text(max_size=400))
def test_random_markdown(text):
    check(text.encode("utf-8", "surrogatepass"), "notes.md")


@functools.cache
def sample_pdf() -> bytes:
    return chronicle_pdf([Page(("1月2日，县委召开常委会议，研究部署全年工作。",) * 8, columns=2, interleaved=True)])


@functools.cache
def sample_docx() -> bytes:
    return chronology_docx()


@FUZZ_FILES
@given(st.data())
def test_damaged_pdf(data):
    require(CJK_FONT.exists(), f"the CJK font {CJK_FONT} (Debian fonts-wqy-microhei)")
    check(damage(sample_pdf(), data.draw), "book.pdf")


@FUZZ_FILES
@given(st.data())
def test_damaged_docx(data):
    check(damage(sample_docx(), data.draw), "book.docx")
