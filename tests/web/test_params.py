"""Query parameters -> EventFilter, and back to links and feed URLs."""
from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl

import pytest
from werkzeug.datastructures import MultiDict

from timeline.store.queries import EventFilter
from web.params import BadParameter, event_filter_from_args, feed_path, query_string


def parse(query: list[tuple[str, str]] | dict) -> EventFilter:
    return event_filter_from_args(MultiDict(query))


def test_empty_query_is_the_empty_filter():
    assert parse({}) == EventFilter()


def test_every_parameter():
    flt = parse([("year", "2020"), ("category", "规划建设"), ("category", "科技研发"), ("tag", "签约"),
                 ("q", " 签约 "), ("from", "2020-09-01"), ("to", "2020年10月"), ("kind", "event")])
    assert flt == EventFilter(year=2020, categories=("规划建设", "科技研发"), tags=("签约",), q="签约",
                              date_from=date(2020, 9, 1), date_to=date(2020, 10, 31), kinds=("event",))


@pytest.mark.parametrize("text, first, last", [
    ("2020年9月", "2020-09-01", "2020-09-30"),
    ("2020-09-16", "2020-09-16", "2020-09-16"),
    ("2020年", "2020-01-01", "2020-12-31"),
    ("2020年6月下旬", "2020-06-21", "2020-06-30"),
])
def test_from_takes_the_start_and_to_the_end(text, first, last):
    flt = parse({"from": text, "to": text})
    assert (flt.date_from.isoformat(), flt.date_to.isoformat()) == (first, last)


def test_month_without_year_takes_the_year_parameter():
    assert parse({"year": "2020", "from": "9月"}).date_from == date(2020, 9, 1)


@pytest.mark.parametrize("query, param, reason", [
    ({"year": "abc"}, "year", "not a number"),
    ({"year": "２０２０"}, "year", "not a number"),
    ({"year": "0"}, "year", "out of range"),
    ({"year": "10000"}, "year", "out of range"),
    ([("year", "2020"), ("year", "2021")], "year", "more than once"),
    ({"kind": "party"}, "kind", "unknown kind"),
    ({"from": "tomorrow"}, "from", "not a date"),
    ({"to": "2020年9月有事"}, "to", "not a date"),
    ({"from": "2020-10-01", "to": "2020-09-30"}, "from", "after to"),
    ({"q": "长" * 201}, "q", "longer than"),
])
def test_bad_parameters_name_the_parameter(query, param, reason):
    with pytest.raises(BadParameter) as caught:
        parse(query)
    assert caught.value.param == param
    assert reason in caught.value.reason
    assert str(caught.value).startswith(param + ":")


def test_comma_lists_and_repeats_are_the_same():
    assert parse({"category": "a,b"}) == parse([("category", "a"), ("category", "b"), ("category", "a")])


def test_query_string_round_trips():
    flt = parse([("year", "2020"), ("category", "规划建设"), ("q", "签约"), ("from", "2020年9月")])
    assert parse(parse_qsl(query_string(flt))) == flt


@pytest.mark.parametrize("flt, slug, path", [
    (EventFilter(year=2020), None, "/feeds/2020.ics"),
    (EventFilter(categories=("规划建设",)), "guihua-jianshe", "/feeds/category/guihua-jianshe.ics"),
    (EventFilter(), None, "/feeds/all.ics"),
    (EventFilter(year=2020, categories=("规划建设",)), "guihua-jianshe",
     "/calendar.ics?year=2020&category=%E8%A7%84%E5%88%92%E5%BB%BA%E8%AE%BE"),
    (EventFilter(year=2020, q="签约"), None, "/calendar.ics?year=2020&q=%E7%AD%BE%E7%BA%A6"),
])
def test_feed_path_is_short_only_for_exactly_a_year_or_a_category(flt, slug, path):
    assert feed_path(flt, slug) == path
