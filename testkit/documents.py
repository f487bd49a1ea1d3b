"""PDF and Word documents written by code at test time (no binaries in the repository).

`chronicle_pdf` sets chronicle entries in one or two columns with a running head and page
numbers, as a printed yearbook is; `interleaved=True` writes a two-column page's lines in
reading order across the columns (left line 1, right line 1, ...), the content-stream order
some typesetters produce, so a reader must put the columns back by position. bench/ uses it
for the 300-page PDF.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")   # Debian fonts-wqy-microhei

PAGE_WIDTH, PAGE_HEIGHT = 184.0, 260.0        # mm, a 16开 yearbook page
MARGIN = 20.0
FONT_SIZE = 10.5                               # pt; a CJK character is this wide
CHAR_MM = FONT_SIZE * 25.4 / 72
LINE_MM = CHAR_MM * 1.7
GUTTER = 8.0
RUNNING_HEAD = "西岭年鉴 2020"


@dataclass(frozen=True)
class Page:
    paragraphs: tuple[str, ...]
    columns: int = 1
    interleaved: bool = False        # two columns written line by line across the page
    title: str | None = None         # centred over the columns


def wrap(text: str, width: int) -> list[str]:
    """A paragraph in lines of `width` characters, the first indented by two full-width spaces."""
    text = "\u3000\u3000" + text
    return [text[i:i + width] for i in range(0, len(text), width)]


def _column_lines(paragraphs, width: int) -> list[str]:
    return [line for paragraph in paragraphs for line in wrap(paragraph, width)]


def chronicle_pdf(pages: list[Page], *, running_head: str = RUNNING_HEAD) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=(PAGE_WIDTH, PAGE_HEIGHT))
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=str(CJK_FONT), collection_font_number=0)
    body_width = PAGE_WIDTH - 2 * MARGIN
    for number, page in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("cjk", size=9)
        pdf.text(MARGIN, MARGIN - 8, running_head)
        pdf.text(PAGE_WIDTH / 2, PAGE_HEIGHT - MARGIN + 10, f"· {number} ·")
        pdf.set_font("cjk", size=FONT_SIZE)
        top = MARGIN + LINE_MM
        if page.title:
            pdf.text((PAGE_WIDTH - pdf.get_string_width(page.title)) / 2, top, page.title)
            top += 2 * LINE_MM
        if page.columns == 1:
            for k, line in enumerate(_column_lines(page.paragraphs, int(body_width / CHAR_MM))):
                pdf.text(MARGIN, top + k * LINE_MM, line)
            continue
        column_width = (body_width - GUTTER) / 2
        lines = _column_lines(page.paragraphs, int(column_width / CHAR_MM))
        half = (len(lines) + 1) // 2
        columns = (lines[:half], lines[half:])
        lefts = (MARGIN, MARGIN + column_width + GUTTER)
        order = ([(k, c) for k in range(half) for c in (0, 1)] if page.interleaved
                 else [(k, c) for c in (0, 1) for k in range(half)])
        for k, c in order:
            if k < len(columns[c]):
                pdf.text(lefts[c], top + k * LINE_MM, columns[c][k])
    return bytes(pdf.output())


def scanned_pdf(pages: int = 2) -> bytes:
    """A scan: every page one image of text, no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (700, 900), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(CJK_FONT), 28)
    for k in range(12):
        draw.text((40, 40 + k * 60), "１月２日，县委召开常委会议，研究部署全年工作。", font=font, fill=0)
    png = io.BytesIO()
    image.save(png, format="PNG")
    pdf = FPDF(unit="mm", format=(PAGE_WIDTH, PAGE_HEIGHT))
    for _ in range(pages):
        pdf.add_page()
        pdf.image(io.BytesIO(png.getvalue()), x=10, y=10, w=PAGE_WIDTH - 20)
    return bytes(pdf.output())


def encrypted_pdf(user_password: str, paragraphs: tuple[str, ...]) -> bytes:
    """A text PDF that opens only with `user_password` ("" : anyone may open it; only the
    owner's permissions are protected)."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=(PAGE_WIDTH, PAGE_HEIGHT))
    pdf.add_font("cjk", fname=str(CJK_FONT), collection_font_number=0)
    pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    pdf.add_page()
    pdf.set_font("cjk", size=FONT_SIZE)
    for k, line in enumerate(_column_lines(paragraphs, 36)):
        pdf.text(MARGIN, MARGIN + k * LINE_MM, line)
    return bytes(pdf.output())


def chronology_docx() -> bytes:
    """A Word chronology: title, headings, bulleted and numbered lists, written numbering, a
    line break, a table with a merged cell."""
    import docx

    document = docx.Document()
    document.add_paragraph("抗击疫情工作时间线", style="Title")
    document.add_heading("（一）第一阶段：迅即应对突发疫情", level=1)
    document.add_paragraph("（1）2019年12月27日，市中心医院向区疾控中心报告不明原因肺炎病例。")
    document.add_paragraph("（2）12月30日，市卫生健康委发布紧急通知。", style="List Paragraph")
    document.add_heading("2020年1月23日 廿九", level=2)
    document.add_paragraph("10时，离汉通道关闭。", style="List Bullet")
    breaking = document.add_paragraph("同日，全市启动一级响应。", style="List Bullet")
    breaking.add_run().add_break()
    breaking.add_run("当日，各区启动社区排查。")
    document.add_paragraph("国务院常务会议召开。", style="List Number")
    document.add_paragraph("专家组抵达。", style="List Number")
    bold = document.add_paragraph()
    bold.add_run("1月25日，").bold = True
    bold.add_run("农历正月初一，").italic = True
    bold.add_run("中央政治局常委会召开会议。")
    table = document.add_table(rows=3, cols=3)
    for r, cells in enumerate([("日期", "口罩（万只）", "防护服（套）"), ("2月1日", "120", "3500"),
                               ("2月15日", "合计", "")]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    table.cell(2, 1).merge(table.cell(2, 2))
    document.add_paragraph("")
    document.add_paragraph("3月18日，新增本地确诊病例首次清零。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
