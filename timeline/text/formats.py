"""Vocabulary of document formats: file name suffixes, magic numbers, and the formats refused.

Data only; `timeline.text.sniff` applies it. The bytes decide the format; a suffix only
tells Markdown from plain text (nothing in the bytes does) and vouches for an HTML file
whose start does not look like a page.
"""
from __future__ import annotations

# The formats read, with the suffixes a folder given to `ingest` picks up for each.
SUFFIXES = {
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm", ".xhtml"),
    "pdf": (".pdf",),
    "docx": (".docx",),
}
DOCUMENT_SUFFIXES = tuple(suffix for suffixes in SUFFIXES.values() for suffix in suffixes)
# Files in a folder that are not documents, whatever their suffix: hidden files and macOS
# "._" shadows, Word's "~$" lock files, and the folder's own README.
NOT_DOCUMENTS = r"^(?:\.|~\$)|^readme(?:\.[^.]*)?$"

# Formats whose reader gives the structured normal form (one paragraph per line).
STRUCTURED = frozenset({"markdown", "html", "docx"})

# Magic numbers of the binary formats read. A PDF header may follow a little junk.
PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WINDOW = 1024
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")        # a local file header; an empty archive
DOCX_MAIN_PART = "word/document.xml"

# Other formats a user may hand over, refused with the reason: (magic, reason).
REFUSED_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 (.doc) or other OLE file: save it as .docx"),
    (b"{\\rtf", "an RTF file: save it as .docx"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image: text in images is not read (OCR is not done)"),
    (b"\xff\xd8\xff", "a JPEG image: text in images is not read (OCR is not done)"),
    (b"GIF8", "a GIF image: text in images is not read (OCR is not done)"),
    (b"II*\x00", "a TIFF image: text in images is not read (OCR is not done)"),
    (b"MM\x00*", "a TIFF image: text in images is not read (OCR is not done)"),
    (b"AT&TFORM", "a DjVu file: text in scans is not read (OCR is not done)"),
    (b"\x1f\x8b", "a gzip archive: unpack it first"),
    (b"Rar!", "a RAR archive: unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive: unpack it first"),
)

# A zip that is not a Word document: what its parts say it is (first match wins).
ZIP_KINDS = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx), not a Word document"),
    ("ppt/presentation.xml", "a PowerPoint file (.pptx), not a Word document"),
    ("content.xml", "an OpenDocument file: save it as .docx"),
    ("mimetype", "an EPUB or OpenDocument file, not a Word document"),
)
ZIP_OTHER = "a zip archive, not a Word document (it has no word/document.xml)"

# How an HTML page starts (after a BOM, spaces and comments), and the tags that give away a
# page saved without a doctype. Checked on the first bytes, case-insensitively.
HTML_SNIFF_BYTES = 4096
HTML_START = r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html)"
HTML_TAGS = r"<(?:html|head|body|meta|title|div|p|table|h[1-6])[\s>/]"
# The character set a page declares (meta charset, http-equiv, XML declaration).
HTML_CHARSET = rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)"""
# Declared character sets that are trusted, each read as its superset (a page declared GB2312
# often holds GBK or GB18030 characters). Any other declaration (a Chinese page declared
# ISO-8859-1 happens) is ignored and the encoding detected as for plain text.
DECLARED_CHARSETS = {"utf-8": "utf-8", "utf8": "utf-8", "gb2312": "gb18030", "gbk": "gb18030",
                     "x-gbk": "gb18030", "gb18030": "gb18030", "big5": "big5", "big5-hkscs": "big5hkscs"}
