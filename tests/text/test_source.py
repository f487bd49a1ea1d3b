"""read_source: the format comes from the bytes; each format's text is what the segmenter needs."""
from __future__ import annotations

import io
import zipfile

import pytest

from tests.support import FIXTURES, SEED
from timeline.text import SourceText, UnreadableDocument, decode, read_source, undo_layout
from timeline.text.read import MAX_DOCUMENT_BYTES, DocumentTooLarge, check_text_size

HTML = FIXTURES / "html"


def test_plain_text_is_todays_decode():
    source = read_source(SEED.read_bytes(), name=SEED.name)
    assert source == SourceText(decode(SEED.read_bytes(), name="s"), "text", False)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5", "utf-16"])
def test_text_in_every_encoding(encoding):
    text = "1月2日，縣委召開常委會議，研究部署全年工作。\n" if encoding == "big5" else "1月2日，县委召开常委会议。\n"
    assert read_source(text.encode(encoding), name="c.txt").text == text


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, reason", [
    ("a.docx", zipped({"photos/1.jpg": b"\xff\xd8\xff" + b"x" * 100}), "a zip archive, not a Word document"),
    ("a.docx", zipped({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}), "an Excel workbook"),
    ("a.docx", b"PK\x03\x04" + b"\x00" * 200, "a damaged zip file"),
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "Word 97-2003"),
    ("a.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "OCR is not done"),
    ("a.pdf", b"%PDF-1.7\n" + b"junk " * 100 + b"\n%%EOF\n", "a damaged PDF"),
], ids=["zip-of-photos", "xlsx", "bad-zip", "doc", "png", "junk-pdf"])
def test_formats_that_are_not_read_are_named(name, data, reason):
    with pytest.raises(UnreadableDocument, match=rf"^{name}: .*{reason}"):
        read_source(data, name=name)


def test_the_bytes_decide_not_the_suffix():
    page = (HTML / "dashiji-2019-01.html").read_bytes()
    assert read_source(page, name="saved.txt").format == "html"
    markdown = "# 2021年大事记\n\n- 3月2日，会议召开。\n".encode()
    assert read_source(markdown, name="a.md").format == "markdown"
    assert read_source(markdown, name="a.txt").format == "text"          # nothing in bytes says Markdown
    assert read_source("<p>1月2日，县委召开常委会议。</p>".encode(), name="a.htm").format == "html"
    assert read_source(b"1 < 2 and <p> is a tag", name="a.txt").format == "text"


def test_the_limit_holds_for_every_format_before_reading():
    with pytest.raises(DocumentTooLarge):
        read_source(b"%PDF-1.7" + b" " * MAX_DOCUMENT_BYTES, name="big.pdf")


def test_a_small_zip_that_expands_too_far_is_refused_unopened():
    body = b"<w:p><w:r><w:t>" + "事".encode() * 1000 + b"</w:t></w:r></w:p>"
    buffer = io.BytesIO()
    # Written in pieces at the fastest level: all 166 MB at once at the default level took twice as long.
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", b"<x/>")
        with archive.open("word/document.xml", "w") as part:
            part.write(b"<w:document><w:body>")
            for _ in range(55):
                part.write(body * 1000)
            part.write(b"</w:body></w:document>")
    bomb = buffer.getvalue()
    assert len(bomb) < MAX_DOCUMENT_BYTES // 20
    with pytest.raises(UnreadableDocument, match=r"^bomb.docx: expands into 166,815,046 bytes of XML"):
        read_source(bomb, name="bomb.docx")


def test_extracted_text_over_the_limit_is_refused():
    check_text_size(MAX_DOCUMENT_BYTES, name="x")
    with pytest.raises(UnreadableDocument, match="^x: expands into more than 20,000,000 bytes of text"):
        check_text_size(MAX_DOCUMENT_BYTES + 1, name="x")


MARKDOWN = """# 2020年新冠肺炎疫情大事记

## 2020年1月25日 初一

【中国】

- 下午，**国务院**召开[常务会议](https://example.org/a)，部署防控工作。<br>同日，发布通知。
- 14时，*国家卫健委*举行发布会。

【武汉-湖北】

1. 离汉通道继续关闭。
2. 各区启动社区排查。

（1）2019年12月27日，某医院报告病例。
（2）12月30日，发布紧急通知。

| 日期 | 物资 |
|---|---|
| 2月1日 | 口罩120万只 |
"""


def test_markdown_normal_form():
    source = read_source(MARKDOWN.encode(), name="t.md")
    assert source.structured and source.format == "markdown"
    assert source.text.split("\n") == [
        "# 2020年新冠肺炎疫情大事记",
        "## 2020年1月25日 初一",
        "【中国】",
        "- 下午，国务院召开常务会议，部署防控工作。",
        "同日，发布通知。",
        "- 14时，国家卫健委举行发布会。",
        "【武汉-湖北】",
        "1. 离汉通道继续关闭。",
        "2. 各区启动社区排查。",
        "（1）2019年12月27日，某医院报告病例。",
        "（2）12月30日，发布紧急通知。",
        "日期\u3000物资",
        "2月1日\u3000口罩120万只",
    ]


def test_structured_layout_keeps_every_line_as_a_paragraph():
    source = read_source(MARKDOWN.encode(), name="t.md")
    layout = undo_layout(source.text, structured=True)
    assert [line.text for line in layout.lines] == source.text.split("\n")
    assert all(line.ends_paragraph for line in layout.lines)
    assert layout.captions == () and layout.removed == ()
    for line in layout.lines:
        assert source.text[line.offset:line.offset + len(line.text)] == line.text
