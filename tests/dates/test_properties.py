"""Properties on any text: never raises; spans are exact; ranges fit their precision."""
from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support import examples
from timeline.dates import CalendarKind, Precision, resolve

# Text built from the pieces dates are made of, so most examples hold (near-)dates.
PIECES = st.sampled_from([
    "2020", "２０２０", "二〇二〇", "1", "9", "12", "13", "16", "17", "29", "30", "31", "45",
    "十", "十六", "廿三", "卅", "初一", "正", "腊", "年", "月", "日", "号", "时", "点", "分",
    "半", "—", "-", "至", "到", "～", "、", "，", " ", "\n\n", "上旬", "下旬", "季度", "一",
    "上半年", "年底", "月初", "是年", "次日", "同日", "前一天", "次月", "上午", "下午", "晚上",
    "农历", "闰", "春节", "除夕", "民国", "光绪", "元", "/", ".", ":", "：", "个", "万", "第",
    "份", "度", "人", "G", "%",
])
TEXT = st.one_of(st.text(max_size=40), st.lists(PIECES, max_size=14).map("".join))
CONTEXT = st.fixed_dictionaries({}, optional={
    "year": st.integers(1, 9999), "month": st.integers(1, 12),
    "reference": st.dates(date(1, 1, 1), date(9999, 12, 31)),
})


def _last(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def _fits(m) -> bool:
    s, e = m.start, m.end
    if m.precision == Precision.DAY:
        return True
    if m.precision == Precision.XUN:
        return s.day in (1, 11, 21) and (e.day in (10, 20) or _last(e))
    if m.precision == Precision.MONTH and m.calendar != CalendarKind.GREGORIAN:
        return 29 <= (e - s).days + 1 <= 30 or (s.day == 1 and _last(e))  # a lunar month
    if m.precision == Precision.MONTH:
        return s.day == 1 and _last(e)
    if m.precision == Precision.QUARTER:
        return s.day == 1 and s.month in (1, 4, 7, 10) and _last(e) and e.month % 3 == 0
    if m.precision == Precision.SEASON:                  # 3-5, 6-8, 9-11, 12-2
        return s.day == 1 and s.month in (3, 6, 9, 12) and _last(e) and e.month == (s.month + 1) % 12 + 1
    if m.precision == Precision.HALF:
        return (s.month, s.day) in ((1, 1), (7, 1)) and (e.month, e.day) in ((6, 30), (12, 31))
    return (s.month, s.day, e.month, e.day) == (1, 1, 12, 31)


@settings(max_examples=examples(400), deadline=None)
@given(TEXT, CONTEXT)
def test_resolve_is_total_and_exact(text, context):
    result = resolve(text, **context)
    last_end = 0
    for m in result.mentions:
        a, b = m.span
        assert 0 <= a < b <= len(text)
        assert text[a:b] == m.text
        assert a >= last_end                  # in order, not overlapping
        last_end = b
        assert m.start <= m.end
        assert _fits(m), m
        assert m.time is None or (len(m.time) == 5 and m.time[2] == ":")
        assert m.to_json()["start"] == m.start.isoformat()
    for w in result.warnings:
        assert text[w.span[0]:w.span[1]] == w.text and w.message


@settings(max_examples=examples(200), deadline=None)
@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 31), st.sampled_from([" ", "", "\n\n"]))
def test_written_dates_round_trip(year, month, day, sp):
    text = f"{year}{sp}年{sp}{month}{sp}月{sp}{day}{sp}日"
    result = resolve(text)
    if day <= calendar.monthrange(year, month)[1]:
        [m] = result.mentions
        assert (m.start, m.end, m.text) == (date(year, month, day), date(year, month, day), text)
    else:
        assert result.mentions == () and len(result.warnings) == 1


@settings(max_examples=examples(300), deadline=None)
@given(TEXT, TEXT, CONTEXT)
def test_what_was_read_before_changes_nothing(text, before, context):
    # The meanings of matches and the readings of texts are kept from call to call
    # (resolver._MEANINGS, _READINGS): reading another text first (its matches in another
    # place, before other characters), or this one in another context, must not change
    # what this one reads.
    from timeline.dates.resolver import clear_cache

    clear_cache()
    alone = resolve(text, **context)
    clear_cache()
    resolve(before + text + before, **context)
    resolve(text + "。" + before, year=1900)
    resolve(text, year=1900, month=2, reference=date(1950, 5, 5), prefer="future")  # (the text's reading is kept too)
    assert resolve(text, **context) == alone
