"""Decoding: every encoding a document arrives in gives the same text; junk is refused."""
from __future__ import annotations

import codecs

import pytest

from tests.support import FIXTURES
from timeline.text import UnreadableDocument, decode

CHRONICLE = (FIXTURES / "chronicle-2021.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("gb18030"),
    lambda t: t.encode("gbk"),
    lambda t: t.encode("utf-16"),                       # with its BOM
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    lambda t: t.encode("utf-16-le"),                    # no BOM: detected
], ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16", "utf-16-be-bom", "utf-16-le"])
def test_every_encoding_gives_the_same_text(encode):
    assert decode(encode(CHRONICLE), name="c") == CHRONICLE


def test_the_gb18030_fixture_reads_as_the_utf8_one():
    data = (FIXTURES / "chronicle-2021.gb18030.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data, name="c") == CHRONICLE


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newlines_are_normalised(newline):
    assert decode("一\n二\n".replace("\n", newline).encode(), name="n") == "一\n二\n"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \r\n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary"),
    (bytes(range(32)) * 20, "binary"),
    (b"\x80\x81\xfe\xff\x00\x80" * 40, "binary"),
    (b"\x80\x81\x82\xfd\xfc\xff\x83" * 40, "undecodable"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "invalid utf-8"),
], ids=["empty", "blank", "png", "controls", "nul-junk", "high-junk", "bad-after-bom"])
def test_unreadable_input_raises_a_clear_error(data, reason):
    with pytest.raises(UnreadableDocument, match=rf"^seeds/x\.txt: .*{reason}"):
        decode(data, name="seeds/x.txt")
