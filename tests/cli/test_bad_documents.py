"""`timeline ingest` with documents that cannot be read: one line each naming the file and why,
exit status 1, nothing of them written, and the good files of the same ingest still load."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.support import FIXTURES, SEED, require
from testkit.documents import CJK_FONT, Page, chronicle_pdf, chronology_docx, encrypted_pdf, scanned_pdf

pytestmark = pytest.mark.slow   # writes and ingests PDF and Word files: seconds each

ENTRY = "3月2日，西岭县召开县委常委会议，研究部署春耕备耕工作，会议强调要抓好项目建设。"


def zip_of_photos() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/001.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    return buffer.getvalue()


def truncated_pdf() -> bytes:
    data = chronicle_pdf([Page((ENTRY,) * 6)] * 2)
    return data[:len(data) * 2 // 3]


def over_the_limit(path):
    with path.open("wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(20_000_001)


BAD = {
    "scan.pdf": (scanned_pdf, "a scanned PDF: its pages are images with no text layer, and OCR is not done"),
    "app.html": (lambda: (FIXTURES / "html" / "no-main-text.html").read_bytes(), "an HTML page with no main text"),
    "photos.docx": (zip_of_photos, "a zip archive, not a Word document (it has no word/document.xml)"),
    "cut.pdf": (truncated_pdf, "a truncated PDF (it does not end with %%EOF)"),
    "locked.pdf": (lambda: encrypted_pdf("secret", (ENTRY,)), "an encrypted PDF that needs a password to open"),
    "corrupt.pdf": (lambda: b"%PDF-1.7\n" + b"\x00\x17junk" * 400 + b"\n%%EOF\n", "a damaged PDF"),
}


@pytest.mark.parametrize("filename", [*BAD, "huge.pdf"])
def test_a_bad_document_is_one_line_and_the_others_still_load(runner, tmp_path, filename):
    require(CJK_FONT.exists(), f"the CJK font {CJK_FONT} (Debian fonts-wqy-microhei)")
    bad = tmp_path / filename
    if filename == "huge.pdf":
        over_the_limit(bad)
        reason = "too large: 20,000,001 bytes; the limit for one document is 20,000,000 bytes"
    else:
        make, reason = BAD[filename]
        bad.write_bytes(make())
    good = tmp_path / "zz-chronology.docx"
    good.write_bytes(chronology_docx())
    result = runner.invoke(["ingest", str(bad), str(SEED), str(good)])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {bad}: {reason}"), result.output
    assert "Traceback" not in result.output
    exported = json.loads(runner.invoke(["export", "--format", "json"]).output)
    documents = {event["document"] for event in exported["events"]}
    assert documents == {SEED.stem, good.stem}


def test_a_folder_of_every_format_loads(runner, tmp_path):
    require(CJK_FONT.exists(), f"the CJK font {CJK_FONT} (Debian fonts-wqy-microhei)")
    (tmp_path / "a.pdf").write_bytes(chronicle_pdf([Page(("2021年大事记",) + (ENTRY,) * 4, columns=2)]))
    (tmp_path / "b.docx").write_bytes(chronology_docx())
    (tmp_path / "c.htm").write_bytes((FIXTURES / "html" / "dashiji-2019-01.html").read_bytes())
    (tmp_path / "d.md").write_text(f"# 2021年大事记\n\n- {ENTRY}\n", encoding="utf-8")
    (tmp_path / "e.txt").write_bytes(SEED.read_bytes())
    result = runner.invoke(["ingest", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for k, stem in enumerate("abcde", 1):
        assert f"[{k}/5] {tmp_path / stem}" in result.output and f"\n{stem}: " in result.output
