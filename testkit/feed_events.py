"""Stored events for the iCalendar tests and bench_ical, built directly (no pipeline, no database)."""
from __future__ import annotations

from datetime import date

from testkit.events import UPDATED, stored  # noqa: F401 - UPDATED: the default the tests compare with
from timeline.dates.span import PartOfDay, Precision
from timeline.events.model import EventKind, StoredEvent

BASE_URL = "https://timeline.example.org"


# The seed's 2020 events, in the shapes the pipeline gives them.
VISIT = stored("qsh2020-yuanjiajun-0916", "袁家军调研杭州城西科创大走廊",
               date(2020, 9, 16), date(2020, 9, 17), category="重要会议与活动",
               tags=("视察调研",), line=348,
               summary="2020 年 9 月 16 —17 日，浙江省委书记袁家军到杭州城西科创大走廊调研，"
                       "实地察看创新平台和企业，召开座谈会听取意见。")
MORNING = stored("qsh2020-meeting-0917", "袁家军主持召开座谈会", date(2020, 9, 17),
                 part=PartOfDay.MORNING, category="重要会议与活动", tags=("会议",), line=407)
TIMED = stored("qsh2020-sign-0520", "签约仪式", date(2020, 5, 20), time="09:30",
               end_time="11:00", category="招商引资", tags=("签约",), line=900)
TIMED_NO_END = stored("qsh2020-open-0601", "青山湖宝龙广场开业", date(2020, 6, 1), time="10:00",
                      category="商业", tags=("启用/开业/通车",), line=833)
OVERVIEW = stored("qsh2020-overview", "概况", date(2020, 1, 1), date(2020, 12, 31),
                  precision=Precision.YEAR, kind=EventKind.OVERVIEW, line=1)
MONTH = stored("qsh2020-month-06", "开展复工复产", date(2020, 6, 1), date(2020, 6, 30),
               precision=Precision.MONTH)
XUN = stored("qsh2020-xun-06", "完成验收", date(2020, 6, 21), date(2020, 6, 30),
             precision=Precision.XUN)
XREF = stored("qsh2020-xref-edu", "青山湖科技城第一小学", None, kind=EventKind.XREF,
              category="教育", line=831)
DATED_XREF = stored("qsh2020-xref-mall", "青山湖宝龙广场开业照片", date(2020, 12, 18),
                    kind=EventKind.XREF, category="商业", line=833)

DAY_EVENTS = (VISIT, MORNING, TIMED, TIMED_NO_END, DATED_XREF)
VAGUE_EVENTS = (OVERVIEW, MONTH, XUN, XREF)
ALL = DAY_EVENTS + VAGUE_EVENTS

LONG_TEXT = ("青山湖科技城规模以上工业增加值85.6亿元，增长17.1%，其中，高新技术产业增加值73.6亿元，"
             "增长21.3%，占规模以上工业增加值的86%。") * 6
HOSTILE = "a\r\nX-EVIL:1\rBEGIN:VEVENT\n;b,c\\d\"e\"<script>alert(1)</script>\x00\x1b\u2028END:VCALENDAR"


def many(n: int) -> list[StoredEvent]:
    """`n` day events spread over 2020 (for the benchmark and the size tests)."""
    from datetime import timedelta

    out = []
    for i in range(n):
        day = date(2020, 1, 1) + timedelta(days=i % 366)
        out.append(stored(f"bench-{i:05d}", f"袁家军调研杭州城西科创大走廊第{i}次", day,
                          day + timedelta(days=i % 3), tags=("视察调研", "会议"),
                          summary=LONG_TEXT[: 40 + i % 80], line=i + 1,
                          time="09:30" if i % 5 == 0 else None))
    return out
