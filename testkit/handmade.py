"""A hand-made document for the web tests (and bench_web): known events without the pipeline."""
from __future__ import annotations

from testkit.events import entry, span
from timeline.dates.span import PartOfDay, Precision
from timeline.events.model import Event, EventKind, Moment, ParsedDocument


def _dated(key, title, text, start, end=None, *, rest="，举行活动。", precision=Precision.DAY, **kw) -> Event:
    primary = span(text, start, end, precision)
    return entry(key, title, text + rest, primary, **kw)


BODY_SCRIPT = "2020年3月2日，<script>alert(1)</script>与“引号”&符号。"


def handmade_document() -> ParsedDocument:
    afternoon = span("9月16日下午", "2020-09-16", at=14, part_of_day=PartOfDay.AFTERNOON)
    events = [
        entry("overview-plan", "概况", "2020年，规划建设稳步推进。全年完成投资100亿元。",
              span("2020年", "2020-01-01", "2020-12-31", Precision.YEAR), kind=EventKind.OVERVIEW),
        _dated("survey", "省领导调研科技城", "2020年9月16日—17日", "2020-09-16", "2020-09-17",
               category="综述", tags=("视察调研",)),
        entry("moments", "峰会召开", "2020年9月16日，峰会召开。9月16日下午，举行签约仪式。",
              span("2020年9月16日", "2020-09-16"), category="产业发展", tags=("会议", "签约"),
              mentions=(span("2020年9月16日", "2020-09-16"), afternoon),
              moments=(Moment(afternoon, "举行签约仪式"),), footnotes=("峰会：指青山湖峰会。",)),
        _dated("sign", "招商项目集中签约", "2020年6月下旬", "2020-06-21", "2020-06-30", category="产业发展",
               tags=("签约",), rest="，14个项目集中签约。", precision=Precision.XUN),
        _dated("cross", "园区跨月活动", "2020年9月30日—10月2日", "2020-09-30", "2020-10-02"),
        entry("script", "<b>转义</b>测试", BODY_SCRIPT, span("2020年3月2日", "2020-03-02"), category="科技研发"),
        entry("xref-mall", "青山湖宝龙广场开业", "（参见《商业》栏目）", None, kind=EventKind.XREF),
        _dated("y2019", "上一年的事件", "2019年5月1日", "2019-05-01", category="综述"),
    ]
    return ParsedDocument(name="handmade-2020", year=2020, layout="yearbook",
                          events=tuple(e.__class__(**{**{f: getattr(e, f) for f in e.__slots__}, "position": i})
                                       for i, e in enumerate(events)))
