"""parse_document end to end: encodings, format and year detection, the seed's events."""
from __future__ import annotations

import codecs
from datetime import date

import pytest

from tests.pipeline.snapshot import SNAPSHOT, document_json, parsed_seed, render
from tests.support import FIXTURES, SEED
from timeline.events.model import EventKind
from timeline.pipeline import parse_document, year_in_name
from timeline.text import UnreadableDocument

DOCUMENTS = [SEED, FIXTURES / "yearbook-2019.txt", FIXTURES / "chronicle-2021.txt"]


@pytest.fixture(scope="module")
def seed():
    return parsed_seed()


def test_seed_snapshot(seed):
    """The whole parsed seed, as read and checked line by line (see tests/pipeline/snapshot.py)."""
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    actual = render(document_json(seed)).splitlines()
    assert actual == expected


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("encode", [
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("gb18030"),
    lambda t: t.encode("utf-16"),
], ids=["utf-8-bom", "gb18030", "utf-16"])
def test_encodings_give_the_same_events(path, encode):
    text = path.read_text(encoding="utf-8")
    original = parse_document(text.encode("utf-8"), name=path.stem)
    assert parse_document(encode(text), name=path.stem) == original


def test_the_gb18030_chronicle_file_gives_the_utf8_events():
    utf8 = parse_document((FIXTURES / "chronicle-2021.txt").read_bytes(), name="c")
    assert parse_document((FIXTURES / "chronicle-2021.gb18030.txt").read_bytes(), name="c") == utf8


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\x03" * 64, b"\x80\x81\x82\xfd\xfc\xff\x83" * 40],
                         ids=["empty", "binary", "undecodable"])
def test_unreadable_documents_raise(data):
    with pytest.raises(UnreadableDocument, match=r"^bad\.txt: "):
        parse_document(data, name="bad.txt")


@pytest.mark.parametrize("path, layout, year, count", [
    (SEED, "yearbook", 2020, 41),
    (FIXTURES / "yearbook-2019.txt", "yearbook", 2019, 8),
    (FIXTURES / "chronicle-2021.txt", "chronicle", 2021, 15),
], ids=lambda v: getattr(v, "stem", v))
def test_format_and_year_are_detected(path, layout, year, count):
    parsed = parse_document(path.read_bytes(), name=path.stem)
    assert (parsed.layout, parsed.year, len(parsed.events)) == (layout, year, count)


def test_a_given_year_wins_and_moves_context_dates():
    text = "1月\n2日 某某会议召开。\n".encode()
    assert parse_document(text, name="2018年大事记").events[0].start == date(2018, 1, 2)
    assert parse_document(text, name="x", year=2022).events[0].start == date(2022, 1, 2)


@pytest.mark.parametrize("file_name, year", [
    ("dashiji-2016.txt", 2016), ("2019年大事记.html", 2019), ("county_2021_events.md", 2021),
    ("大事记（2018）.docx", 2018), ("chronicle 1998-2003.pdf", 1998), ("2019-01-31.txt", 2019),
    ("report20190131.txt", None), ("v2016.txt", None), ("scan_0999.txt", None), ("plan-2300.txt", None),
    ("dashiji.txt", None),
])
def test_a_year_in_the_file_name(file_name, year):
    """A date in the name, else a standalone four-digit number within the supported years."""
    assert year_in_name(file_name) == year


CHRONICLE = "3月\n5日 县委全会召开。\n18日 县人代会开幕。\n"


@pytest.mark.parametrize("text, year, expected, source", [
    (CHRONICLE, 2017, 2017, "given"),
    ("2018年大事记\n" + CHRONICLE, None, 2018, "title"),
    ("大事记\n2015年\n" + CHRONICLE, None, 2015, "text"),
    ("大事记\n2015年3月5日 县委全会召开。\n18日 县人代会开幕。\n", None, 2015, "text"),
    ("大事记\n" + CHRONICLE, None, 2016, "name"),
])
def test_the_file_name_is_the_last_source_of_the_year(text, year, expected, source):
    parsed = parse_document(text.encode(), name="某县大事记", file_name="dashiji-2016.txt", year=year)
    assert (parsed.year, parsed.year_from) == (expected, source)
    assert {e.start.year for e in parsed.events} == {expected}


@pytest.mark.parametrize("name, category, expected", [
    ("chronicle-2021", None, "大事记"),           # from the chronicle's title line
    ("chronicle-2021", "区大事记", "区大事记"),
])
def test_chronicle_category(name, category, expected):
    parsed = parse_document((FIXTURES / "chronicle-2021.txt").read_bytes(), name=name, category=category)
    assert {e.category for e in parsed.events} == {expected}


def test_an_untitled_chronicle_takes_its_name():
    parsed = parse_document("1月\n2日 某某会议召开。\n3日 某某签约。\n".encode(), name="临安大事记", year=2020)
    assert {e.category for e in parsed.events} == {"临安大事记"}


def test_yearbook_default_category_is_configurable():
    parsed = parse_document(SEED.read_bytes(), name=SEED.stem, default_category="概览")
    assert [e.category for e in parsed.events[:5]] == ["概览"] * 5
    assert parsed.events[0].title == "2020年概况"


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_keys_are_unique_and_stable(path):
    first = parse_document(path.read_bytes(), name=path.stem)
    keys = [e.key for e in first.events]
    assert len(set(keys)) == len(keys)
    assert keys == [e.key for e in parse_document(path.read_bytes(), name=path.stem).events]


def test_seed_sections_and_kinds(seed):
    assert list(dict.fromkeys(e.category for e in seed.events)) == ["综述", "规划建设", "科技研发", "产业发展"]
    assert [e.title for e in seed.events if e.kind == EventKind.OVERVIEW] == [
        "2020年概况", "规划建设概况", "科技研发概况", "产业发展概况"]
    xrefs = [(e.title, e.start) for e in seed.events if e.kind == EventKind.XREF]
    assert xrefs == [("青山湖科技城第二小学投入使用", None), ("青山湖宝龙广场开业", None),
                     ("杭州华旺新材料科技股份有限公司股票上市", date(2020, 12, 28))]
    assert seed.warnings == ()


@pytest.mark.parametrize("title, start, end", [
    ("袁家军调研杭州城西科创大走廊", date(2020, 9, 16), date(2020, 9, 17)),
    ("青山湖峰会暨商用车智能驾驶生态大会召开", date(2020, 9, 10), date(2020, 9, 11)),
    ("浙江临安环球中小企业创业创新园获省级荣誉", date(2020, 12, 10), date(2020, 12, 10)),
    ("浙江大学·杭锅集团先进能源联合研发中心成立", date(2020, 11, 18), date(2020, 11, 18)),
    ("2020年概况", date(2020, 1, 1), date(2020, 12, 31)),
])
def test_seed_ranges(seed, title, start, end):
    event = next(e for e in seed.events if e.title == title)
    assert (event.start, event.end) == (start, end)


def test_seed_visit_has_its_two_moments(seed):
    visit = next(e for e in seed.events if e.title == "袁家军调研杭州城西科创大走廊")
    assert [(m.date.start, m.date.part_of_day.value, m.text) for m in visit.moments] == [
        (date(2020, 9, 16), "afternoon", "袁家军考察创新平台和企业"),
        (date(2020, 9, 17), "morning", "袁家军主持召开座谈会")]
    assert visit.source.line == 348


def test_no_event_is_made_of_a_caption_or_a_footnote(seed):
    caption_lines = {374, 557, 762, 1247, 1454, 1603, 1609, 1758, 1764, 1888}
    footnote_lines = {300, 314, 342, 533}
    assert not {e.source.line for e in seed.events} & (caption_lines | footnote_lines)
    assert sum(len(e.captions) for e in seed.events) == 10
    assert sum(len(e.footnotes) for e in seed.events) == 4
    for event in seed.events:
        assert "/摄" not in event.body and "提供）" not in event.body and "：承诺一" not in event.body


def test_source_offsets_point_at_the_entry_in_the_original(seed):
    text = SEED.read_text(encoding="utf-8")
    for event in seed.events:
        assert text[event.source.offset] == "【"
        assert text.count("\n", 0, event.source.offset) + 1 == event.source.line
