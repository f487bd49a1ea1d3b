"""Property: every dated entry start in a chronicle yields exactly one event, with its date.

Chronicles are drawn at random: a title or none, month headings in several forms, and under
each month entries opening with a day, a day range, a full date, 上旬/中旬/下旬, 是月, 同日,
"△"/"※" (the date of the entry before), as plain lines, bullets or numbered items, each with a body in which no date stands
at a sentence start, sometimes a second paragraph.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support import examples
from timeline.pipeline import parse_document

CN_MONTHS = "一二三四五六七八九十"
# Clauses without any date in them (no numbers before 日/月/年, no festivals, no relative words).
CLAUSES = ("区委召开常委会会议", "市政府与省交通投资集团签订合作协议", "县领导带队检查安全生产工作",
           "全区开展农村人居环境整治行动", "区图书馆举办新春诗会", "镇卫生院开展义诊活动",
           "县商务局组织外贸企业参加培训", "市人大常委会组织代表开展视察", "区纪委监委召开全体会议",
           "全县中小学开展防溺水安全教育", "区融媒体中心挂牌成立", "县城污水处理厂通过竣工验收")
TAILS = ("会议要求各单位抓好落实", "参加人员共计三百余人", "活动受到群众欢迎", "各部门负责同志参加")


@dataclass(frozen=True)
class Drawn:
    lines: tuple[str, ...]
    dates: tuple[tuple[date, date], ...]     # one per entry, in order


def _month_heading(draw, year: int, month: int) -> str:
    form = draw(st.sampled_from(["arabic", "chinese", "full", "spaced"]))
    if form == "chinese":
        return ("十" + CN_MONTHS[month - 11] if month > 10 else CN_MONTHS[month - 1]) + "月"
    if form == "full":
        return f"{year}年{month}月"
    return f"{month} 月" if form == "spaced" else f"{month}月"


@st.composite
def chronicles(draw) -> Drawn:
    year = draw(st.integers(1950, 2030))
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append(f"{year}年大事记")
        context_year = True
    else:
        context_year = False
    dates: list[tuple[date, date]] = []
    months = sorted(draw(st.sets(st.integers(1, 12), min_size=1, max_size=4)))
    for month in months:
        lines.append(_month_heading(draw, year, month) if context_year or lines else f"{year}年{month}月")
        context_year = True
        last_day = calendar.monthrange(year, month)[1]
        days = sorted(draw(st.sets(st.integers(1, last_day - 1), min_size=1, max_size=5)))
        previous: tuple[date, date] | None = None
        day_before = False
        for n, day in enumerate(days):
            kind = draw(st.sampled_from(["day", "range", "full", "xun", "same", "mark", "month"]))
            if kind == "mark" and previous is None or kind == "same" and not day_before:
                kind = "day"          # 同日 needs a day before it, "△" an entry
            if kind == "day":
                head, span = f"{day}日", (date(year, month, day),) * 2
            elif kind == "range":
                head, span = f"{day}—{day + 1}日", (date(year, month, day), date(year, month, day + 1))
            elif kind == "full":
                head, span = f"{month}月{day}日", (date(year, month, day),) * 2
            elif kind == "xun":
                word, (a, b) = draw(st.sampled_from([("上旬", (1, 10)), ("中旬", (11, 20)), ("下旬", (21, last_day))]))
                head, span = word, (date(year, month, a), date(year, month, b))
            elif kind == "month":
                head, span = "是月", (date(year, month, 1), date(year, month, last_day))
            elif kind == "same":       # 同日 is the date of the entry before, a range's whole span
                head, span = draw(st.sampled_from(["同日", "是日", "当日"])), previous
            else:                      # a same-day mark takes the date of the entry before
                head, span = draw(st.sampled_from(["△", "※"])), previous
            separator = "" if kind == "mark" else draw(st.sampled_from([" ", "，", ",", "　"]))
            body = draw(st.sampled_from(CLAUSES)) + "，" + draw(st.sampled_from(TAILS)) + "。"
            item = draw(st.sampled_from(["", "- ", f"（{n + 1}）"])) if kind != "mark" else ""
            lines.append(f"{item}{head}{separator}{body}")
            if draw(st.integers(0, 4)) == 0:
                lines.append(draw(st.sampled_from(TAILS)) + "。")
            dates.append(span)
            previous, day_before = span, kind in ("day", "range", "full", "same") or kind == "mark" and day_before
    return Drawn(tuple(lines), tuple(dates))


@settings(max_examples=examples(60), deadline=None)
@given(chronicles())
def test_every_dated_entry_start_yields_one_event(drawn):
    parsed = parse_document("\n".join(drawn.lines).encode(), name="property")
    assert parsed.layout == "chronicle", drawn.lines
    assert [(e.start, e.end) for e in parsed.events] == list(drawn.dates), "\n".join(drawn.lines)
