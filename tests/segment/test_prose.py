"""Prose: a sentence that opens with a clause of its year alone and then ties in a finer date
("1958年，学校于9月迁入新址") is one event, in the finer date."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.pipeline import parse_document


@pytest.mark.parametrize("sentence, start, end, title", [
    ("1958年，学校于9月迁入新址。", date(1958, 9, 1), date(1958, 9, 30), "学校迁入新址"),
    ("1995年，第三届运动会于9月14日开幕，至20日结束。", date(1995, 9, 14), date(1995, 9, 20), "第三届运动会开幕"),
    ("1983年，全村在春季推行家庭联产承包责任制。", date(1983, 3, 1), date(1983, 5, 31), "全村推行家庭联产承包责任制"),
])
def test_a_year_clause_then_a_finer_date_is_one_event(sentence, start, end, title):
    text = f"村史\n\n1950年冬，村里完成土地改革。{sentence}2001年，村里通了公路。\n"
    events = parse_document(text.encode(), name="x").events
    assert [(e.start, e.end, e.title) for e in events[1:2]] == [(start, end, title)]
    assert len(events) == 3


def test_a_date_outside_the_year_is_an_event_of_its_own():
    text = "村史\n\n1958年，学校扩建，1960年9月迁入新址。\n"
    assert [e.start.year for e in parse_document(text.encode(), name="x").events] == [1958, 1960]


def test_a_document_of_refined_dates_keeps_its_year():
    parsed = parse_document("村史\n\n1958年，学校于9月迁入新址。\n".encode(), name="x")
    assert (parsed.year, parsed.year_from, parsed.warnings) == (1958, "text", ())


def test_a_narrative_decade_and_a_date_that_only_says_when():
    """A history that has reached 1984 goes on into the 1990s ("进入九十年代"), and a word
    that only leads to the date ("进入") or follows it ("……年间") is no part of the title."""
    events = parse_document("红星厂简史\n\n1966年至1976年间，工厂生产时断时续。1984年，工厂实行厂长负责制。"
                            "进入九十年代，工厂面临市场冲击。1997年6月，工厂改制为股份公司。\n".encode(), name="x").events
    assert [(e.start.year, e.end.year, e.title) for e in events] == [
        (1966, 1976, "工厂生产时断时续"), (1984, 1984, "工厂实行厂长负责制"),
        (1990, 1999, "工厂面临市场冲击"), (1997, 1997, "工厂改制为股份公司")]


def test_a_date_that_closes_its_clause_leaves_the_title_to_the_words_before_it():
    """"……创办于1952年秋，初名……": the clause before the date says what happened; the next
    clause is another fact (it ran on into the title: 东湖中学创办初名东湖县初级中学)."""
    events = parse_document("校史\n\n东湖中学创办于1952年秋，初名东湖县初级中学，校址设在城关文庙。"
                            "该校始建新校舍于1958年，次年落成。\n".encode(), name="x").events
    assert [e.title for e in events][:2] == ["东湖中学创办", "该校始建新校舍"]
