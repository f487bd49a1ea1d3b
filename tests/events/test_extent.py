"""An event's range runs on to the day its text ends it on ("……开幕，11日闭幕", "……开幕，次日
闭幕", "……至15日结束"), in every layout, across a month or a year end, and across a line
break inside the sentence."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.pipeline import parse_document

ENDINGS = [("11日闭幕", date(2019, 3, 11)), ("次日闭幕", date(2019, 3, 9)),
           ("至15日结束", date(2019, 3, 15)), ("3月12日下午闭幕", date(2019, 3, 12))]

LAYOUTS = {
    "month headings": "2019年大事记\n3月\n8日 县第十届运动会开幕，{end}。\n9日 县图书馆新馆开放。\n",
    "dated lines": "2019年大事记\n3月8日 县第十届运动会开幕，{end}。\n3月9日 县图书馆新馆开放。\n",
    "web page": "2019年3月大事记\n8日,县第十届运动会开幕,{end}.\n9日,县图书馆新馆开放.\n",
    "bullets under a day heading": "# 2019年大事记\n## 3月8日\n- 上午，县第十届运动会开幕，{end}。\n"
                                   "## 3月9日\n- 县图书馆新馆开放。\n",
    "numbered items": "（1）2019年3月8日，县第十届运动会开幕，{end}。\n（2）3月9日，县图书馆新馆开放。\n",
    "date line over its text": "2019年大事记\n\n3月8日\n\n县第十届运动会开幕，{end}。\n\n3月9日\n\n县图书馆新馆开放。\n",
    "bracketed date": "2019年大事记\n【3月8日】县第十届运动会开幕，{end}。\n【3月9日】县图书馆新馆开放。\n",
    "second sentence": "2019年大事记\n3月\n8日 县第十届运动会开幕。全县28支代表队参加，{end}。\n9日 县图书馆新馆开放。\n",
    "line broken at a comma": "2019年大事记\n3月\n8日 县第十届运动会开幕，\n{end}。\n9日 县图书馆新馆开放。\n",
    "prose": "县体育史略\n\n2019年3月8日，县第十届运动会开幕，{end}。全县28支代表队参加。\n",
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("ending, last", ENDINGS, ids=[e for e, _ in ENDINGS])
def test_a_range_runs_on_to_the_day_that_ends_it(layout, ending, last):
    suffix = ".md" if layout.startswith("bullets") else ".txt"
    document = parse_document(LAYOUTS[layout].format(end=ending).encode(), name="extent", suffix=suffix)
    games = [e for e in document.events if "运动会" in e.title]
    assert [(e.primary.start, e.primary.end) for e in games] == [(date(2019, 3, 8), last)]
    assert len(document.events) == 1 + ("图书馆" in LAYOUTS[layout])


@pytest.mark.parametrize("head, ending, start, last", [
    ("3月\n30日", "2日闭幕", date(2019, 3, 30), date(2019, 4, 2)),        # the next month
    ("3月\n31日", "次日闭幕", date(2019, 3, 31), date(2019, 4, 1)),
    ("12月\n30日", "1月3日闭幕", date(2019, 12, 30), date(2020, 1, 3)),   # the next year
    ("4月\n29日", "至5月3日结束", date(2019, 4, 29), date(2019, 5, 3)),
])
def test_a_range_runs_on_across_a_month_or_year_end(head, ending, start, last):
    text = f"2019年大事记\n{head} 县艺术节开幕，{ending}。\n"
    (event,) = parse_document(text.encode(), name="extent").events
    assert (event.primary.start, event.primary.end) == (start, last)


@pytest.mark.parametrize("ending", ["此前已于15日结束", "10日闭幕"])
def test_a_day_far_before_the_start_ends_nothing(ending):
    """A day the context put before the start that would end the event weeks later is no end
    of it (an earlier event it refers to)."""
    text = f"2019年大事记\n3月\n25日 县艺术节开幕，{ending}。\n"
    (event,) = parse_document(text.encode(), name="extent").events
    assert (event.primary.start, event.primary.end) == (date(2019, 3, 25), date(2019, 3, 25))


def test_the_end_day_counts_from_the_event_not_from_the_mention_before_it():
    """"冬季" before "至10日" is no date the 10th is read from."""
    text = "2016年大事记\n11月\n8日，全镇冬季征兵体检工作开始，至10日结束。\n"
    (event,) = parse_document(text.encode(), name="extent").events
    assert (event.primary.start, event.primary.end) == (date(2016, 11, 8), date(2016, 11, 10))


@pytest.mark.parametrize("text, start, last", [
    ("11月中旬起，全区开展冬季攻坚行动，至2022年2月底结束。", date(2021, 11, 11), date(2022, 2, 28)),
    ("11月8日，城北大桥开工建设，至2022年6月完工。", date(2021, 11, 8), date(2022, 6, 30)),
    ("5月，全区开展防汛检查，至2021年7月止。", date(2021, 5, 1), date(2021, 7, 31)),
    ("12月\n上旬，县文化节开幕，15日闭幕。", date(2021, 12, 1), date(2021, 12, 15)),
])
def test_a_month_or_xun_ends_an_event_when_its_year_is_written(text, start, last):
    document = parse_document(f"2021年大事记\n{text}\n".encode(), name="extent", suffix=".txt")
    assert [(e.primary.start, e.primary.end) for e in document.events] == [(start, last)]


@pytest.mark.parametrize("text", [
    "3月2日，新区体育馆开工建设，截至3月20日完成投资2亿元。",      # as of a day: a figure's date
    "3月2日，全区开展春季植树活动，至6月结束。",                    # a month without its year
    "3月2日，城北大桥开工建设，至2023年6月完工。",                  # more than a year on
])
def test_what_ends_nothing(text):
    document = parse_document(f"2021年大事记\n{text}\n".encode(), name="extent", suffix=".txt")
    assert [(e.primary.start, e.primary.end) for e in document.events] == [(date(2021, 3, 2), date(2021, 3, 2))]
