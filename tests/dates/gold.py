"""Gold cases: many phrasings under one expected value, each case with its own context.

A phrasing is the whole mention, or a text with the mention marked `[[like this]]` (the
marked mention is checked; the rest is context). Contexts never use today's date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from timeline.dates import CalendarKind, DateSpan, Precision

Y2020 = {"year": 2020}
REF = {"reference": date(2020, 6, 15)}
CHRONICLE_SEPT = {"year": 2020, "month": 9}
WED = {"year": 2020, "reference": date(2020, 9, 16)}     # a Wednesday
LUNAR_1674 = {"year": 1674, "calendar": CalendarKind.LUNAR}
PREV_DAY = {"previous": DateSpan("2020年9月16日", (0, 11), date(2020, 9, 16), date(2020, 9, 16), Precision.DAY)}
PREV_YEAR = {"previous": DateSpan("1913年", (0, 5), date(1913, 1, 1), date(1913, 12, 31), Precision.YEAR)}


@dataclass(frozen=True)
class Expect:
    start: str
    end: str | None = None              # None: same as start
    precision: str = "day"
    time: str | None = None
    end_time: str | None = None
    part_of_day: str | None = None
    calendar: str = "gregorian"
    relative: bool | None = None        # None: not checked
    is_list: bool = False
    open: str | None = None


@dataclass(frozen=True)
class Case:
    group: str
    context: dict
    expect: Expect
    phrasings: tuple[str, ...]
    rules: tuple[str, ...] = field(default=())   # rules these phrasings must exercise


def C(group, context, expect, *phrasings, rules=()):
    return Case(group, context, expect, phrasings, tuple(rules))


CORPUS: tuple[Case, ...] = (
    # 1. full dates, every way of writing the digits, layout noise inside
    C("full", {}, Expect("2020-09-16", relative=False),
      "2020 年 9 月 16 日", "2020年9月16日", "２０２０年９月１６日", "二〇二〇年九月十六日",
      "二零二零年九月十六日", "2020\n\n年 9 月 16 日", "2020 年\n\n9 月 16\n日", "2020年9月16号",
      "2020年09月16日", "　2020 年 9 月 16 日，[[2020 年 9 月 16 日]]", rules=["point"]),
    C("full", Y2020, Expect("2020-09-16", relative=True),
      "9 月 16 日", "九月十六日", "9月16日", "9 月 16\n\n日", "九月十六号"),
    # A Chinese-numeral day without 日 after a month is written the lunar way.
    C("full", Y2020, Expect("2020-10-01", calendar="lunar", relative=True), "八月十五", "8月十五"),
    C("full", Y2020, Expect("2020-07-12", calendar="lunar", relative=True), "五月廿二"),
    C("full", Y2020, Expect("2020-12-31"), "十二月三十一日", "12 月 31 日", "十二月卅一日"),
    C("full", CHRONICLE_SEPT, Expect("2020-09-23", relative=True), "廿三日", "23 日", "二十三日"),
    C("full", CHRONICLE_SEPT, Expect("2020-09-30"), "卅日", "30 日", "三十日"),
    C("full", {"year": 1999}, Expect("2004-08-15"), "两千零四年八月十五", "二〇〇四年八月十五日"),
    C("full", {}, Expect("1998-04-01", "1998-04-30", "month"), "98年4月", "九八年四月"),

    # 2. ranges, lists, month and year ranges, clock ranges
    C("range", {}, Expect("2020-09-16", "2020-09-17"),
      "2020 年 9 月 16 —17 日", "2020 年 9 月 16—17 日", "2020年9月16-17日", "2020 年 9 月 16 ~ 17 日",
      "2020 年 9 月 16～17 日", "2020 年 9 月 16 日至 17 日", "2020 年 9 月 16 日—17 日",
      "2020 年 9 月 16 到 17 日", "2020 年 9 月 16——17 日", "2020 年 9 月 16－17 日",
      "2020 年 9 月 16–17 日", "2020 年 9 月 16〜17 日", "2020 年 9 月 16--17 日",
      "2020 年 9 月 16 日至 9 月 17 日", "2020\n\n年 9 月 16 —\n17 日", rules=["day_range", "range"]),
    C("range", Y2020, Expect("2020-09-30", "2020-10-02"),
      "9 月 30 日—10 月 2 日", "9 月 30 日至 10 月 2 日", "9月30日-10月2日", "九月三十日到十月二日"),
    C("range", {}, Expect("2020-12-31", "2021-01-02"),
      "2020 年 12 月 31 日至 2021 年 1 月 2 日", "2020 年 12 月 31 日—2021 年 1 月 2 日",
      "2020 年 12 月 31 日至 1 月 2 日"),
    C("range", Y2020, Expect("2020-09-16", "2020-09-18", is_list=True),
      "9 月 16 日、18 日", "9 月 16、17、18 日", "9月16日、17日、18日", rules=["day_list"]),
    C("range", CHRONICLE_SEPT, Expect("2020-09-16", "2020-09-17", is_list=True), "16、17 日"),
    # Chinese-numeral day lists and ranges, from any number (not the tail of one: 十一 is 11).
    C("range", CHRONICLE_SEPT, Expect("2020-09-05", "2020-09-06", is_list=True), "五、六日"),
    C("range", CHRONICLE_SEPT, Expect("2020-09-11", "2020-09-13", is_list=True), "十一、十三日"),
    C("range", CHRONICLE_SEPT, Expect("2020-09-07", "2020-09-09"), "七至九日", "七—九日"),
    C("range", CHRONICLE_SEPT, Expect("2020-09-15", "2020-09-16"), "15—16日", "15 日至 16 日"),
    C("range", {}, Expect("2020-01-01", "2020-09-30", "month"),
      "2020 年 1—9 月", "2020 年 1 月至 9 月", "2020年1-9月", "2020 年 1－9 月份",
      rules=["month_range"]),
    C("range", Y2020, Expect("2020-08-01", "2020-11-30", "month"), "8 月至 11 月", "8—11 月"),
    C("range", Y2020, Expect("2020-01-01", "2020-09-30", "month"), "1－9 月份", "1~9月"),
    C("range", {}, Expect("2020-01-01", "2022-12-31", "year"),
      "2020—2022 年", "2020-2022 年", "2020 年至 2022 年", "2020年到2022年", "2020 至 2022 年度",
      rules=["year_range"]),
    C("range", {}, Expect("2020-11-01", "2021-02-28", "month"), "2020 年 11 月至 2021 年 2 月"),
    C("range", {"reference": date(2020, 9, 16)},
      Expect("2020-09-16", time="09:00", end_time="11:00", part_of_day="morning"),
      "上午 9 时至 11 时", "上午 9 点到 11 点", "上午9:00～11:00", "上午 9—11 时", rules=["clock"]),
    C("range", Y2020, Expect("2020-09-16", time="15:00", end_time="17:30", part_of_day="afternoon"),
      "9 月 16 日下午 3 时至 5 时半", "9月16日下午3点-5点30分", "9 月 16 日 15:00—17:30"),
    # "24 时" is the midnight that ends the day: iCalendar writes it as the next day's 00:00.
    C("range", Y2020, Expect("2020-09-16", time="20:00", end_time="24:00", part_of_day="evening"),
      "9 月 16 日 20:00—24:00", "9月16日20时至24时", "9 月 16 日晚 8 时至 24 时"),
    C("range", Y2020, Expect("2020-09-01", "2020-12-31", "day"), "9 月 1 日至年底"),

    # 3. partial dates: context supplies year or month; months, years, xun, quarters...
    C("partial", {"year": 2020}, Expect("2020-03-01", "2020-03-31", "month", relative=True),
      "3 月", "3 月份", "三月", "三月份", "3月"),
    C("partial", {}, Expect("2019-01-01", "2019-12-31", "year", relative=False),
      "2019 年", "2019 年度", "2019年", "二〇一九年", "[[2019 年]]，全区", "至 [[2019 年]]"),
    C("partial", {}, Expect("2025-01-01", "2025-12-31", "year"), "计划至 [[2025 年]]，建成"),
    C("partial", {"year": 2019}, Expect("2019-01-01", "2019-12-31", "year", relative=True),
      "是年", "当年", "同年", "年内", "[[年内]]，全县新增就业岗位"),
    C("partial", {"year": 2019, "month": 5}, Expect("2019-05-01", "2019-05-31", "month", relative=True),
      "是月", "月内", "[[月内]]，全镇完成"),
    C("partial", Y2020, Expect("2020-06-21", "2020-06-30", "xun"),
      "6 月下旬", "六月下旬", "6月下旬", "6 月底", "6 月末", "2020 年 6 月下旬"),
    C("partial", Y2020, Expect("2020-06-01", "2020-06-10", "xun"), "6 月上旬", "6 月初"),
    C("partial", Y2020, Expect("2020-02-11", "2020-02-20", "xun"), "2 月中旬", "二月中旬"),
    C("partial", Y2020, Expect("2020-02-21", "2020-02-29", "xun"), "2 月下旬", "2 月底"),
    C("partial", {"year": 2020, "month": 4}, Expect("2020-04-21", "2020-04-30", "xun"),
      "下旬", "月底", "月末"),
    C("partial", {"year": 2020, "month": 4}, Expect("2020-04-01", "2020-04-10", "xun"), "上旬", "月初"),
    C("partial", Y2020, Expect("2020-01-01", "2020-03-31", "quarter"),
      "一季度", "第一季度", "1 季度", "首季度", "2020 年一季度", "2020年第一季度"),
    C("partial", Y2020, Expect("2020-04-01", "2020-06-30", "quarter"), "第二季度", "二季度"),
    C("partial", Y2020, Expect("2020-07-01", "2020-09-30", "quarter"), "三季度", "第三季度"),
    C("partial", Y2020, Expect("2020-10-01", "2020-12-31", "quarter"), "四季度", "第四季度"),
    C("partial", Y2020, Expect("2020-01-01", "2020-09-30", "quarter"), "前三季度"),
    # Ranges and lists of quarters with 季度 written once: a statistic "1—3 季度" is
    # January to September, not the third quarter.
    C("partial", Y2020, Expect("2020-01-01", "2020-09-30", "quarter"),
      "1—3 季度", "1-3季度", "1～3季度", "一至三季度", "第一至第三季度", "第1至3季度", "2020 年 1—3 季度",
      "[[1—3 季度]]，全区实现地区生产总值", rules=["quarter_range"]),
    C("partial", Y2020, Expect("2020-07-01", "2020-12-31", "quarter", is_list=True),
      "三、四季度", "第三、四季度", "3、4 季度", "三四季度", "2020 年三、四季度", "三季度、四季度",
      "[[三、四季度]]分别增长", rules=["quarter_list"]),
    C("partial", Y2020, Expect("2020-01-01", "2020-06-30", "half"), "上半年", "2020 年上半年", "前半年"),
    C("partial", Y2020, Expect("2020-07-01", "2020-12-31", "half"), "下半年", "2020年下半年"),
    # A vague part of a year gets the wider of its plausible spans (tables.YEAR_BOUNDS).
    C("partial", Y2020, Expect("2020-12-01", "2020-12-31", "month"),
      "年底", "年末", "2020 年底", "2020 年末", "至[[年底]]", "到[[年底]]，园区", "年终", "二〇二〇年年底",
      "[[2020年末]]，全区常住人口"),
    C("partial", Y2020, Expect("2020-01-01", "2020-02-29", "month"),
      "年初", "2020 年初", "[[年初]]，区委制定", "2020年年初"),
    C("partial", Y2020, Expect("2021-01-01", "2021-02-28", "month", relative=True), "[[明年初]]，", "次年年初"),
    C("partial", Y2020, Expect("2020-01-01", "2020-01-31", "month"), "2020年伊始", "二〇二〇年伊始"),
    C("partial", Y2020, Expect("2020-06-01", "2020-07-31", "month"), "[[年中]]，", "[[2020 年中]]。"),

    # 4. part of day and clock times
    C("clock", Y2020, Expect("2020-09-17", part_of_day="morning", relative=True),
      "9 月 17 日上午", "9月17日上午", "9 月 17 日 上午", "9 月 17 日早上", "9 月 17 日早晨"),
    C("clock", Y2020, Expect("2020-09-17", part_of_day="night"), "9 月 17 日凌晨", "9 月 17 日夜间",
      "9 月 17 日夜里"),
    C("clock", Y2020, Expect("2020-09-17", part_of_day="noon"), "9 月 17 日中午"),
    C("clock", Y2020, Expect("2020-09-17", part_of_day="afternoon"), "9 月 17 日下午"),
    C("clock", Y2020, Expect("2020-09-17", part_of_day="evening"), "9 月 17 日傍晚", "9 月 17 日晚上",
      "9 月 17 日晚"),
    C("clock", Y2020, Expect("2020-09-17", time="09:00", part_of_day="morning"), "9 月 17 日 9 时", "9 月 17 日 9 点",
      "9 月 17 日 9:00", "9 月 17 日九时", "9 月 17 日 9 点整"),
    C("clock", Y2020, Expect("2020-09-17", time="09:30", part_of_day="morning"), "9 月 17 日 9 时 30 分", "9 月 17 日 9:30",
      "9 月 17 日 9 点半", "9 月 17 日九点三十分", "9 月 17 日 9点30"),
    C("clock", Y2020, Expect("2020-09-17", time="14:30", part_of_day="afternoon"), "9 月 17 日 14：30", "9 月 17 日下午 2 点半",
      "9 月 17 日 14 时 30 分"),
    C("clock", Y2020, Expect("2020-09-17", time="15:30", part_of_day="afternoon"),
      "9 月 17 日下午 3 点半", "9 月 17 日下午3时30分", "9 月 17 日下午 3:30"),
    C("clock", Y2020, Expect("2020-09-17", time="15:00", part_of_day="afternoon"), "9 月 17 日下午 3 时",
      "9 月 17 日下午三点"),
    C("clock", Y2020, Expect("2020-09-17", time="20:00", part_of_day="evening"), "9 月 17 日晚上 8 点",
      "9 月 17 日晚 8 时"),
    C("clock", Y2020, Expect("2020-09-17", time="12:00", part_of_day="noon"), "9 月 17 日中午 12 时"),
    C("clock", Y2020, Expect("2020-09-17", time="09:15", part_of_day="morning"), "9 月 17 日 9点一刻"),
    C("clock", {"reference": date(2020, 9, 17)}, Expect("2020-09-17", time="09:15", part_of_day="morning", relative=True),
      "9点一刻", "上午 9 点一刻"),
    C("clock", Y2020, Expect("2020-09-16", time="15:30", part_of_day="afternoon", relative=True),
      "9 月 16 日。[[下午 3 点半]]"),

    # 5. relative words: against the previous mention, else the context
    C("relative", {}, Expect("2020-09-16", relative=True),
      "2020 年 9 月 16 日，[[同日]]", "2020 年 9 月 16 日，[[当日]]", "2020 年 9 月 16 日，[[当天]]",
      "2020 年 9 月 17 日。[[前一天]]"),
    C("relative", {}, Expect("2020-09-17", relative=True),
      "2020 年 9 月 16 日，[[次日]]", "2020 年 9 月 16 日，[[翌日]]", "2020 年 9 月 16 日。[[第二天]]",
      "2020 年 9 月 15—16 日，[[次日]]"),
    C("relative", {"reference": date(2020, 9, 16)}, Expect("2020-09-17", relative=True), "次日", "翌日"),
    C("relative", {}, Expect("2020-09-17", part_of_day="afternoon", relative=True),
      "2020 年 9 月 16 日。[[次日下午]]"),
    C("relative", {}, Expect("2021-01-01", "2021-12-31", "year", relative=True),
      "2020 年 9 月，[[次年]]", "2020 年 9 月。[[翌年]]", "2022 年，[[上年]]"),
    C("relative", {"year": 2021}, Expect("2021-01-01", "2021-12-31", "year", relative=True), "是年",
      "当年"),
    C("relative", {}, Expect("2020-09-01", "2020-09-30", "month", relative=True),
      "2020 年 9 月 16 日。[[是月]]", "2020 年 9 月 16 日。[[当月]]", "2020 年 8 月 3 日。[[次月]]"),
    C("relative", {}, Expect("2021-01-01", "2021-01-31", "month", relative=True),
      "2020 年 12 月 3 日。[[次月]]"),
    C("relative", {}, Expect("2021-03-05", relative=True), "2020 年 9 月。[[次年 3 月 5 日]]"),
    C("relative", {}, Expect("2020-09-18", relative=True), "2020 年 9 月 16 日。[[18 日]]"),
    C("list", {}, Expect("2020-09-16", "2020-09-18", is_list=True),
      "2020 年 9 月 16 日，18 日", "2020年9月16号，17号，18号", "[[2020年9月16日，17日，18日]]，全区"),
    C("relative", {"reference": date(2017, 3, 22)}, Expect("2016-05-01", "2016-05-31", "month", relative=True),
      "去年5月", "去年 5 月"),

    # 6. lunar dates and festivals, in the context year
    C("lunar", Y2020, Expect("2020-01-25", calendar="lunar"),
      "农历正月初一", "正月初一", "春节", "阴历正月初一", "大年初一", "2020 年春节", "农历 1 月 1 日",
      rules=["lunar_marked", "lunar_named", "festival"]),
    C("lunar", Y2020, Expect("2020-10-01", calendar="lunar"), "农历八月十五", "中秋节", "中秋"),
    C("lunar", Y2020, Expect("2020-01-17", calendar="lunar"), "腊月二十三", "农历腊月廿三"),
    C("lunar", Y2020, Expect("2020-02-08", calendar="lunar"), "正月十五", "元宵节", "元宵"),
    C("lunar", Y2020, Expect("2020-06-25", calendar="lunar"), "端午节", "农历五月初五", "五月初五"),
    C("lunar", Y2020, Expect("2020-08-25", calendar="lunar"), "七夕", "七夕节"),
    C("lunar", Y2020, Expect("2020-10-25", calendar="lunar"), "重阳节"),
    C("lunar", Y2020, Expect("2020-01-24", calendar="lunar"), "除夕", "大年三十"),
    C("lunar", {"year": 2021}, Expect("2021-02-11", calendar="lunar"), "除夕"),
    C("lunar", {"year": 2020}, Expect("2020-05-23", "2020-06-20", "month", calendar="lunar"), "农历闰四月"),
    C("lunar", Y2020, Expect("2020-04-04"), "清明节"),
    C("lunar", Y2020, Expect("2020-01-01"), "元旦"),
    C("lunar", Y2020, Expect("2020-05-01"), "劳动节", "五一劳动节"),
    C("lunar", Y2020, Expect("2020-10-01"), "国庆节", "国庆"),
    C("lunar", Y2020, Expect("2020-10-01", time="20:00", part_of_day="evening", calendar="lunar"),
      "中秋节晚上 8 点"),

    # 7. era years
    C("era", {}, Expect("1937-07-07", calendar="era", relative=False), "民国二十六年七月七日",
      "民国26年7月7日", rules=["era"]),
    C("era", {}, Expect("1912-01-01", "1912-12-31", "year", calendar="era"), "民国元年", "民国1年"),
    # A day named 初一…初十 is lunar under the Republic too.
    C("era", {}, Expect("1921-03-10", calendar="era"), "民国十年二月初一日", "民国十年二月初一",
      "[[民国十年（1921年）二月初一日（公历3月10日）]]，"),
    C("era", {}, Expect("1904-01-01", "1904-12-31", "year", calendar="era"), "光绪三十年"),
    C("era", {}, Expect("1821-01-01", "1821-12-31", "year", calendar="era"), "道光元年"),
    C("era", {}, Expect("1851-01-01", "1851-12-31", "year", calendar="era"), "咸丰元年"),
    C("era", {}, Expect("1862-01-01", "1862-12-31", "year", calendar="era"), "同治元年"),
    C("era", {}, Expect("1875-01-01", "1875-12-31", "year", calendar="era"), "光绪元年"),
    C("era", {}, Expect("1909-01-01", "1909-12-31", "year", calendar="era"), "宣统元年"),
    # Qing months and days are lunar: 光绪三十年八月初三 = 1904-09-12.
    C("era", {}, Expect("1904-09-12", calendar="era"), "光绪三十年八月初三"),
    C("era", {}, Expect("1904-02-16", "1904-03-16", "month", calendar="era"), "光绪三十年正月"),

    # 8. other notations, read through the dateparser adapter
    C("numeric", {}, Expect("2020-09-16"), "2020-09-16", "2020/9/16", "2020.9.16", "2020-9-16",
      "2020/09/16", "2020．9．16", rules=["numeric"]),
    C("numeric", {}, Expect("2020-09-01", "2020-09-30", "month"), "2020.09", "2020-09", "2020/9"),
    C("compact", {}, Expect("2024-03-07"), "20240307", "查询[[20240307]]计划", "文件日期：[[20240307]]。",
      rules=["compact"]),
    # A two-digit year with a leading zero is a year whatever follows ("07年以后": after 2007).
    C("year2", {}, Expect("2008-01-01", "2008-12-31", "year"), "08年", "[[08年]]奥运会在北京举办",
      "[[零八年]]奥运会", "[[〇八年]]汶川地震"),
    C("year2", REF, Expect("2007-01-01", "2007-12-31", "year", open="end"), "07年以后", "他[[07年以后]]就没再来过"),
    C("age", Y2020, Expect("2000-01-01", "2009-12-31", "decade"), "00年代", "[[00年代]]，互联网走进千家万户"),
    C("numeric", {}, Expect("2010-01-29", time="18:00", part_of_day="evening"), "2010.01.29晚上六点"),

    # 9. five-year plans: 1953 + five years each, with the 1963-65 gap (tables.FIVE_YEAR_PLANS)
    C("plan", {}, Expect("2016-01-01", "2020-12-31", "plan"),
      "“十三五”时期", "十三五期间", "“十三五”规划期间", "[[“十三五”期间]]，全县新增", "「十三五」时期",
      "十三五时期", "“十三五”期", "在[[“十三五”规划期]]内", rules=["plan"]),
    C("plan", {}, Expect("2011-01-01", "2020-12-31", "plan"),
      "“十二五”至“十三五”期间", "十二五和十三五时期", "“十二五”、“十三五”期间", "十二五—十三五时期"),
    C("plan", {}, Expect("2021-01-01", "2021-12-31", "year"),
      "“十四五”开局之年", "十四五开局之年", "“十四五”首年", "“十四五”起步之年"),
    C("plan", {}, Expect("2020-01-01", "2020-12-31", "year"), "“十三五”收官之年", "十三五最后一年", "“十三五”末"),
    C("plan", {}, Expect("1953-01-01", "1957-12-31", "plan"), "“一五”时期", "一五期间"),
    C("plan", {}, Expect("1966-01-01", "1970-12-31", "plan"), "“三五”时期"),
    C("plan", {}, Expect("2026-01-01", "2030-12-31", "plan"), "“十五五”时期", "十五五期间"),

    # 10. decades and centuries; a century holds its ten decades (20世纪 = 1900-1999)
    C("age", Y2020, Expect("1980-01-01", "1989-12-31", "decade"),
      "20世纪80年代", "二十世纪八十年代", "上世纪80年代", "上个世纪八十年代", "1980年代", "80年代",
      "八十年代", "[[上世纪80年代]]，这里还是一片荒滩", rules=["age"]),
    C("age", Y2020, Expect("1997-01-01", "1999-12-31", "decade"),
      "上世纪90年代末", "20世纪90年代末", "90年代末", "九十年代末期", "1990年代后期"),
    C("age", Y2020, Expect("1980-01-01", "1982-12-31", "decade"), "80年代初", "20世纪80年代初期"),
    C("age", Y2020, Expect("1963-01-01", "1966-12-31", "decade"), "60年代中期", "上世纪六十年代中期"),
    C("age", Y2020, Expect("2020-01-01", "2029-12-31", "decade"), "20年代", "本世纪20年代"),
    C("age", {"year": 1995}, Expect("1920-01-01", "1929-12-31", "decade"), "20年代"),
    # A numeric date's range to a month and day of the same year ("2021.04.01—04.03").
    C("numeric", {}, Expect("2021-04-01", "2021-04-03"), "2021.04.01—04.03", "2021-04-01至04-03", "2021/4/1-4/3"),
    C("numeric", {}, Expect("2021-12-30", "2022-01-02"), "2021/12/30-01/02"),
    C("numeric", {}, Expect("2021-04-01"), "[[2021.04.01]]-2.5万元", "[[2021.04.01]]-13.40"),
    # School years: September to August; terms September-January and February-July.
    C("school_year", {}, Expect("2020-09-01", "2021-08-31", "month"),
      "2020—2021学年", "2020-2021学年", "2020～21学年度", "2020 年—2021 年学年", "[[2020/2021学年]]，全校"),
    C("school_year", {}, Expect("2020-09-01", "2021-01-31", "month"),
      "2020—2021学年第一学期", "2020-2021学年上学期", "[[2020—2021学年度第1学期]]开学"),
    C("school_year", {}, Expect("2021-02-01", "2021-07-31", "month"), "2020—2021学年第二学期", "2020-2021学年下学期"),
    # A decade that begins within ten years of the year in force is the coming one.
    C("age", {}, Expect("1990-01-01", "1999-12-31", "decade", relative=True), "1984年。进入[[九十年代]]，"),
    C("age", Y2020, Expect("2000-01-01", "2009-12-31", "century"), "21世纪初", "本世纪初", "二十一世纪初"),
    C("age", Y2020, Expect("1900-01-01", "1999-12-31", "century"), "20世纪", "上世纪", "二十世纪"),
    C("age", Y2020, Expect("1990-01-01", "1999-12-31", "century"), "20世纪末", "上世纪末"),
    C("age", Y2020, Expect("1940-01-01", "1959-12-31", "century"), "20世纪中叶"),
    C("age", {"year": 2000}, Expect("1900-01-01", "1999-12-31", "century", relative=True), "上世纪", "上个世纪"),
    C("age", {}, Expect("1700-01-01", "1799-12-31", "century"), "18世纪", "十八世纪"),

    # 11. all 24 solar terms, computed for the year (lunar-python), and "当天" after one
    C("term", Y2020, Expect("2020-02-04"), "立春", "2020年立春", "[[立春]]当天，", rules=["festival"]),
    C("term", Y2020, Expect("2020-12-21"), "冬至", "冬至节", "2020年冬至"),
    C("term", {"year": 2021}, Expect("2021-12-21"), "冬至"),
    C("term", Y2020, Expect("2020-06-21"), "夏至"),
    C("term", Y2020, Expect("2020-03-20"), "春分", "2020年春分"),
    C("term", Y2020, Expect("2020-09-22"), "秋分"),
    C("term", Y2020, Expect("2020-03-05"), "惊蛰"),
    C("term", Y2020, Expect("2020-06-05"), "芒种"),
    C("term", Y2020, Expect("2020-10-23"), "霜降"),
    C("term", Y2020, Expect("2020-01-06"), "小寒"),
    C("term", Y2020, Expect("2020-01-20"), "大寒"),
    C("term", Y2020, Expect("2020-12-07"), "2020年大雪", "[[大雪]]节气", "[[大雪]]当天"),
    C("term", Y2020, Expect("2020-02-19"), "2020年雨水", "[[雨水]]节气"),
    C("term", Y2020, Expect("2020-08-07"), "立秋", "2020年立秋"),
    C("term", {}, Expect("2020-12-21", relative=True), "2020年12月18日开工。冬至[[当天]]"),
    C("term", {}, Expect("2021-02-03"), "2021年立春"),
    # Short holiday names in quotes or before a holiday word ("五一路" is none: negative corpus).
    C("festival", {}, Expect("2021-05-01"), "2021年“五一”", "[[2021年五一]]假期", "[[2021年“五一”]]小长假"),
    C("festival", Y2020, Expect("2020-10-01"), "“十一”", "[[十一]]黄金周期间", "[[“国庆”]]期间"),
    C("festival", Y2020, Expect("2020-07-01"), "[[“七一”]]前夕，"),
    # 冬至/夏至 after a year is the term, not a range from the season ("2021年冬" 至 "当天").
    C("term", {}, Expect("2021-12-21"), "[[2021年冬至]]当天，", "[[2021年冬至]]日", "[[2021年冬至]]前后"),
    C("term", {}, Expect("2021-06-21"), "[[2021年夏至]]当日，"),
    C("range", {}, Expect("2021-12-01", "2022-03-31", "month"), "2021年冬至3月", "2021年冬至次年3月",
      "2021年冬至2022年3月"),

    # 12. seasons: 3-5, 6-8, 9-11, 12-2 (tables.SEASONS); winter crosses the year end
    C("relative", Y2020, Expect("2020-01-01", "2020-01-31", "month"), "2020年伊始", "年伊始", "[[新年伊始]]，全区召开大会"),
    C("relative", {}, Expect("1935-05-04", time="06:00", part_of_day="morning", relative=True), "1935年5月3日。[[翌晨6时]]",
      "1935年5月3日，[[次晨6时]]"),
    # A day of one Chinese digit opening an entry under a month, as older chronicles write it
    C("full", CHRONICLE_SEPT, Expect("2020-09-01", relative=True), "[[一日]]　全县各界集会", "[[一日]]，全县各界集会"),
    C("full", CHRONICLE_SEPT, Expect("2020-09-03", relative=True), "[[三日]]　县委召开扩大会议"),
    # A gazetteer's 是岁 (this year) and 是秋 (this year's autumn, opening a clause)
    C("relative", {}, Expect("1935-01-01", "1935-12-31", "year", relative=True), "1935年。[[是岁]]，大饥"),
    C("season", {}, Expect("1935-09-01", "1935-11-30", "season", relative=True),
      "1935年。[[是秋]]，大水", "1935年春。[[是秋]]，蝗", "1935年5月。[[是秋天]]，"),
    # With no "now" to count from, 下月 is the month after the last one written
    C("relative", {"year": 1935}, Expect("1935-06-11", "1935-06-20", "xun", relative=True), "1935年5月。[[下月中旬]]"),
    C("season", Y2020, Expect("2020-03-01", "2020-05-31", "season"),
      "2020年春季", "2020年春", "春季", "今年春天", "2020年春天", "[[2020年春]]，镇里", "[[春季]]开学"),
    C("season", Y2020, Expect("2020-06-01", "2020-08-31", "season"), "2020年夏季", "夏季", "2020年夏"),
    C("season", {}, Expect("1913-09-01", "1913-11-30", "season", relative=True),
      "1913年。[[是年秋]]，", "1913年，[[当年秋季]]", "1913年3月。[[同年秋]]"),
    C("season", {}, Expect("1899-12-01", "1900-02-28", "season"),
      "1899年冬", "1899年冬季", "[[1899年冬]]，大旱", "1899年冬天"),
    # Two neighbouring seasons: their six months; 之交 their turn (tables.SEASON_PAIRS)
    C("season", Y2020, Expect("2020-06-01", "2020-11-30", "month"),
      "2020年夏秋", "[[夏秋两季]]，游客增多", "[[2020年夏秋]]，旱情持续", "夏秋季节", "2020年夏秋季"),
    C("season", Y2020, Expect("2020-12-01", "2021-05-31", "month"), "2020年冬春", "[[2020年冬春季节]]，火灾多发"),
    C("season", Y2020, Expect("2020-05-01", "2020-06-30", "month"), "2020年春夏之交", "[[春夏之交]]，雨水偏多"),
    C("season", Y2020, Expect("2021-02-01", "2021-03-31", "month"), "2020年冬春之交"),
    C("season", {}, Expect("1877-06-01", "1877-11-30", "month", calendar="era"),
      "[[光绪三年夏秋]]，大旱", rules=["era"]),
    # Ming reigns too, and a reign's whole span ("年间"; tables.ERAS, REIGN_SPAN)
    C("era", {}, Expect("1369-01-01", "1369-12-31", "year", calendar="era"),
      "明洪武二年", "洪武二年", "[[大明洪武二年]]，置县", rules=["era"]),
    C("era", {}, Expect("1796-01-01", "1820-12-31", "year", calendar="era"),
      "嘉庆年间", "[[清嘉庆年间]]，县人集资修桥", rules=["era"]),
    # A season after a reign year, its gloss between ("咸丰三年（1853年）春").
    C("season", {}, Expect("1853-03-01", "1853-05-31", "season", calendar="era"),
      "咸丰三年春", "[[咸丰三年（1853年）春]]，", "咸丰三年春季", rules=["era"]),
    C("season", {}, Expect("1937-12-01", "1938-02-28", "season", calendar="era"),
      "民国二十六年冬", "[[民国二十六年（1937年）冬]]，", rules=["era"]),
    C("season", {}, Expect("1914-03-01", "1914-05-31", "season", relative=True),
      "1913年。[[翌年春]]", "1913年。[[次年春季]]", "1913年秋。[[第二年春天]]", "1913年冬。[[翌年春]]"),
    # After a winter (which runs into the next year) the year in force is the one it names.
    C("season", {}, Expect("1913-09-01", "1913-11-30", "season", relative=True), "1913年冬，动工。[[是年秋]]"),
    C("season", Y2020, Expect("2020-12-01", "2021-01-31", "month"),
      "岁末年初", "2020年岁末年初", "年末岁初", "[[岁末年初]]，走访慰问困难群众"),
    C("season", PREV_YEAR, Expect("1913-09-01", "1913-11-30", "season", relative=True), "是年秋", "当年秋天"),
    # A season alone opening an entry or sentence: the season of the year in force.
    C("season", PREV_YEAR, Expect("1913-03-01", "1913-05-31", "season", relative=True),
      "[[春]]，县境旱", "[[春]]：", "是年大水。[[春]]，米价腾贵", "▲[[春]]，", rules=["season_bare"]),
    C("season", PREV_YEAR, Expect("1913-12-01", "1914-02-28", "season", relative=True),
      "[[冬]]，县境设立农民协会", "[[冬]],", rules=["season_bare"]),

    # 13. open-ended ranges: the known bound kept, the open side named
    C("open", {}, Expect("2020-09-01", relative=False, open="end"),
      "自2020年9月1日起", "2020年9月1日起", "从2020年9月1日开始", "自 2020 年 9 月 1 日起",
      "自2020年9月1日以后", "[[自2020年9月1日起]]施行", "2020年9月1日以后", rules=["point"]),
    C("open", {}, Expect("2019-01-01", "2019-12-31", "year", open="end"),
      "2019年以来", "自2019年以来", "2019年至今", "从2019年起", "[[2019年以来]]，累计投入", "[[2019年后]]，"),
    C("open", {}, Expect("2020-12-01", "2020-12-31", "month", open="start"),
      "截至2020年底", "截止到2020年底", "截至 2020 年末", "到[[2020年底止]]", "2020年底前", "截止2020年12月",
      "[[截至2020年底]]，全市共有", "截至2020年12月"),
    C("open", {}, Expect("2021-01-01", "2021-12-31", "year", open="start"), "2021年前", "2021年以前", "2021年之前"),
    C("open", Y2020, Expect("2020-06-30", open="start"), "6月30日前", "6月30日之前", "截至6月30日", "6月30日止"),
    C("open", {}, Expect("2016-01-01", "2020-12-31", "plan", open="end"), "“十三五”以来", "十三五时期以来"),

    # 14. cumulative statistical periods
    C("cumulative", Y2020, Expect("2020-01-01", "2020-10-31", "month"),
      "前10个月", "前十个月", "2020年前10个月", "1—10月", "1至10月份", "1-10月份", "[[前10个月]]，全区"),
    C("cumulative", Y2020, Expect("2020-01-01", "2020-02-29", "month"), "前两个月", "2020年前两个月", "前2个月"),
    C("cumulative", Y2020, Expect("2020-01-01", "2020-12-31", "year", relative=True),
      "全年", "[[全年]]实现地区生产总值", "全年度"),
    C("cumulative", Y2020, Expect("2020-03-01", "2020-03-31", "month"), "一季度末", "第一季度末", "2020年一季度末"),
    C("cumulative", Y2020, Expect("2020-09-01", "2020-09-30", "month"), "三季度末", "第三季度末"),
    C("cumulative", Y2020, Expect("2020-04-01", "2020-04-30", "month"), "二季度初"),

    # 15. offsets from the previous mention, at the precision of the unit
    C("offset", {}, Expect("2020-09-19", relative=True),
      "2020年9月16日。[[3日后]]", "2020年9月16日。[[三天后]]", "2020年9月16日，[[3天以后]]",
      "2020年9月16日，[[三天之后]]", rules=["offset"]),
    C("offset", PREV_DAY, Expect("2020-09-23", relative=True), "一周后", "7天后", "一个星期后"),
    C("offset", {}, Expect("2020-11-01", "2020-11-30", "month", relative=True),
      "2020年9月16日。[[两个月后]]", "2020年9月。[[2个月后]]", "2020年9月，[[两个月以后]]"),
    C("offset", {}, Expect("2023-01-01", "2023-12-31", "year", relative=True),
      "2020年9月。[[三年后]]", "2020年，[[3年后]]", "2020年。[[三年以后]]"),
    C("offset", PREV_YEAR, Expect("1916-01-01", "1916-12-31", "year", relative=True), "三年后"),
    C("offset", PREV_DAY, Expect("2021-03-01", "2021-03-31", "month", relative=True), "半年后"),
    C("offset", PREV_DAY, Expect("2020-09-13", relative=True), "三天前", "3日前"),

    # 16. weekdays: in the week of the previous day (else the reference), Monday first
    C("week", WED, Expect("2020-09-18", relative=True),
      "星期五", "周五", "礼拜五", "本周五", "这周五", "[[周五]]，", rules=["weekday"]),
    C("week", WED, Expect("2020-09-23", relative=True), "下周三", "下星期三", "下个星期三", "下礼拜三"),
    C("week", WED, Expect("2020-09-08", relative=True), "上周二", "上星期二"),
    C("week", WED, Expect("2020-09-19", "2020-09-20", relative=True), "周末", "本周末"),
    C("week", WED, Expect("2020-09-21", "2020-09-27", relative=True), "下周", "下个星期"),
    C("week", {}, Expect("2020-10-02", relative=True), "2020年9月28日（周一）开幕。[[周五]]闭幕"),
    C("week", {"reference": date(2020, 9, 16), "prefer": "future"}, Expect("2020-09-21", relative=True), "周一"),
    C("week", {"reference": date(2020, 9, 16), "prefer": "past"}, Expect("2020-09-11", relative=True), "周五"),

    # 17. weekday annotations and glosses belong to the date
    C("note", {}, Expect("2020-09-16"),
      "2020年9月16日（星期三）", "2020年9月16日(周三)", "2020年9月16日 星期三", "2020年9月16日周三",
      "2020 年 9 月 16 日（ 星期三 ）", "[[2020年9月16日（星期三）]]，全县"),
    C("note", {}, Expect("2020-09-16", part_of_day="afternoon"), "2020年9月16日（周三）下午"),
    C("note", {}, Expect("1910-09-01", "1910-09-30", "month"),
      "1910年（清宣统二年）9月", "1910年(宣统二年)9月", "1910 年（宣统二年）九月"),
    C("note", {}, Expect("1923-09-01", "1923-11-30", "season"),
      "1923年（民国十二年）秋", "1923年(民国十二年)秋季"),
    C("note", {}, Expect("1923-07-01", "1923-12-31", "half"), "1923年（民国十二年）下半年"),
    C("note", {}, Expect("1674-01-01", "1674-12-31", "year", calendar="era"),
      "清康熙十三年（1674年）", "康熙十三年(1674年)", "大清康熙十三年（公元1674年）"),
    C("note", {"year": 1912}, Expect("1912-03-03", calendar="lunar"),
      "农历正月十五日（公历3月3日）", "正月十五（公历3月3日）"),

    # 18. a lunar text (calendar=LUNAR) and a Qing reign heading: unmarked months are lunar
    C("lunar-text", LUNAR_1674, Expect("1674-12-27", "1675-01-25", "month", calendar="lunar"), "十二月", "腊月"),
    C("lunar-text", LUNAR_1674, Expect("1674-03-08", calendar="lunar"), "二月初二", "二月初二日", "2月2日"),
    C("lunar-text", {}, Expect("1674-03-08", calendar="lunar"),
      "清康熙十三年（1674年）。十二月，大雪。[[二月初二]]，", "康熙十三年春，[[二月初二日]]"),
    C("lunar-text", {}, Expect("1912-03-03"), "宣统三年。民国元年，[[1912年3月3日]]"),
    C("lunar-text", LUNAR_1674, Expect("1674-10-14", calendar="lunar"), "九月丙子", "九月丙子日"),
    C("lunar-text", {}, Expect("1674-10-14", calendar="era"), "康熙十三年九月丙子"),
    C("lunar-text", {"year": 1674}, Expect("1674-10-14", calendar="lunar"), "农历九月丙子"),

    # 19. double-hours: 子时 begins the day at 23:00 of the day before (tables.SHICHEN)
    C("shichen", {}, Expect("2020-09-16", time="19:00", end_time="21:00", part_of_day="evening", relative=True),
      "2020年9月16日，[[戌时]]", "2020年9月16日，于[[戌时]]",
      rules=["double_hour"]),
    C("shichen", {}, Expect("2020-09-16", time="19:00", end_time="21:00", part_of_day="evening"),
      "2020年9月16日戌时", "2020年9月16日晚戌时"),
    C("shichen", {}, Expect("2020-09-15", "2020-09-16", time="23:00", end_time="01:00", part_of_day="night"),
      "2020年9月16日子时"),
    C("shichen", {}, Expect("2020-09-16", time="11:00", end_time="13:00", part_of_day="morning"), "2020年9月16日午时"),
    C("shichen", {}, Expect("2020-09-16", time="12:00", end_time="13:00", part_of_day="noon"), "2020年9月16日午正"),

    # 20. previous= seeds the first relative word; prefer= for year-less dates
    C("context", PREV_DAY, Expect("2020-09-17", relative=True), "次日", "翌日", "第二天"),
    C("context", PREV_YEAR, Expect("1914-01-01", "1914-12-31", "year", relative=True), "翌年", "次年"),
    C("context", {"reference": date(2020, 10, 1), "prefer": "future"}, Expect("2021-09-16", relative=True),
      "9月16日", "九月十六日"),
    C("context", {"reference": date(2020, 8, 1), "prefer": "future"}, Expect("2020-09-16", relative=True),
      "9月16日"),
    C("context", {"reference": date(2020, 8, 1), "prefer": "past"}, Expect("2019-09-16", relative=True),
      "9月16日"),
    C("context", {"reference": date(2020, 10, 2), "prefer": "future"}, Expect("2021-09-21", calendar="lunar", relative=True),
      "中秋节"),

    # 21. numbered parts of a year or month: Monday-first weeks inside it, months, days,
    # the N-th weekday of a month
    C("ordinal", Y2020, Expect("2020-01-06", "2020-01-12", relative=False),
      "2020年第一周", "2020年的第1周", "2020年第一个星期", rules=["ordinal"]),
    C("ordinal", Y2020, Expect("2020-03-01", "2020-03-31", "month"), "2020年第三个月", "2020年的第3个月"),
    C("ordinal", Y2020, Expect("2020-10-01", "2020-12-31", "month"), "2020年最后三个月", "2020年后3个月"),
    C("ordinal", CHRONICLE_SEPT, Expect("2020-09-01", "2020-09-03"), "9月前三天", "9月的前3天"),
    C("ordinal", CHRONICLE_SEPT, Expect("2020-09-28", "2020-09-30"), "9月最后三天"),
    C("ordinal", Y2020, Expect("2020-05-10"), "5月第二个星期日", "5月的第二个周日", "母亲节"),
    C("ordinal", Y2020, Expect("2020-06-21"), "父亲节", "6月第三个星期天"),
    C("ordinal", Y2020, Expect("2020-11-26"), "感恩节", "11月第四个星期四"),
    C("ordinal", Y2020, Expect("2020-04-27"), "4月最后一个星期一", "4月的最后一个周一"),
    C("ordinal", WED, Expect("2020-09-21", "2020-09-27", relative=True), "本月第三周", "这个月第3周"),
    C("quarter-rel", WED, Expect("2020-04-01", "2020-06-30", "quarter", relative=True), "上季度", "上个季度"),
    C("quarter-rel", WED, Expect("2020-07-01", "2020-09-30", "quarter", relative=True), "本季度", "这个季度"),
    C("quarter-rel", WED, Expect("2020-06-01", "2020-06-30", "month", relative=True), "上季度末"),
    C("half-month", CHRONICLE_SEPT, Expect("2020-09-01", "2020-09-15"), "上半月", "9月上半月"),
    C("half-month", CHRONICLE_SEPT, Expect("2020-09-16", "2020-09-30"), "下半月"),
    C("holiday", Y2020, Expect("2020-07-01", "2020-08-31", "month"), "暑假", "2020年暑假"),
    C("range", WED, Expect("2020-09-15", "2020-09-17", time="20:00", part_of_day="evening"),
      "2020年9月15日晚8时至17日"),
    C("range", {"year": 2020}, Expect("2020-01-25", "2020-02-08", calendar="lunar"), "春节至元宵节", "2020年春节到元宵节"),
    C("range", WED, Expect("2020-09-09", "2020-09-15", relative=True), "上周三到这周二", "上周星期三至本周二"),
    C("range", {}, Expect("2018-01-10", "2018-07-10"), "2018/1/10-2018/7/10", "2018-01-10至2018-07-10"),

    # A coarse mention inside an entry (a statistic's period) does not take the chronicle's
    # month or day from what follows it.
    C("context", {}, Expect("2020-03-03", relative=True),
      "2020年3月2日　通报前三季度进展。[[3日]]　项目签约。", "2020年3月2日，全年计划下达。[[次日]]，"),

    C("partial", Y2020, Expect("2020-03-11", "2020-03-31", "xun"), "3月中下旬", "三月中下旬"),
    C("partial", Y2020, Expect("2020-06-01", "2020-06-20", "xun"), "6月上中旬"),
    C("partial", {}, Expect("2021-01-01", "2021-01-31", "month"), "2021年元月", "2021 年元月份"),
    C("partial", Y2020, Expect("2020-01-05"), "元月5日", "元月五日"),
    C("clock", {}, Expect("2020-09-16", time="23:00", part_of_day="night"), "2020年9月16日夜11时"),
    C("relative", {}, Expect("2020-09-16", part_of_day="night", relative=True), "2020年9月16日。[[当夜]]", "2020年9月16日，[[是夜]]"),

    C("list", Y2020, Expect("2020-05-01", "2020-06-30", "month", is_list=True),
      "5、6月份", "5月、6月", "五、六月", "[[5、6月份]]，全区", "[[5、6两个月]]，降雨偏多", "五、六两月",
      rules=["month_list"]),
    C("list", {}, Expect("2019-01-01", "2020-12-31", "year", is_list=True),
      "2019、2020年", "2019年、2020年", "2019、2020年度", rules=["year_list"]),
    C("week", WED, Expect("2020-09-11", part_of_day="afternoon", relative=True), "上周五下午"),
    C("relative", {"reference": date(2020, 9, 16)}, Expect("2020-09-16", open="end", relative=True), "自即日起", "即日起"),

    C("offset", PREV_DAY, Expect("2020-09-18", relative=True), "第三天", "第3天", "第三日"),
    C("offset", PREV_DAY, Expect("2020-09-18", part_of_day="morning", relative=True), "第三天上午"),
    C("offset", PREV_YEAR, Expect("1919-01-01", "1919-12-31", "year", relative=True), "第七年"),

    # In a lunar text a relative year is the lunar year: 正月初一 to 除夕.
    C("lunar-text", LUNAR_1674, Expect("1674-02-06", "1675-01-25", "year", calendar="lunar", relative=True), "是年", "当年"),
    C("lunar-text", {}, Expect("1675-01-26", "1676-02-13", "year", calendar="lunar", relative=True),
      "康熙十三年，[[次年]]"),
    C("festival-name", {"year": 2019}, Expect("2019-02-06", relative=True),
      "2019年2月5日。区春节文艺晚会开幕，[[次日]]闭幕。"),

    # Month and day in figures without a year: events named by their day ("“7·21”暴雨"),
    # a day marked 号/日 after a slash, a zero-padded "MM-DD" written with its clock time.
    C("monthday", Y2020, Expect("2020-07-21", relative=True),
      "7·21", "“[[7·21]]”特大暴雨", "[[7•21]]洪灾", "07·21", "“[[7·21]]”抢险救灾表彰大会", rules=["monthday"]),
    C("monthday", Y2020, Expect("2020-03-15", relative=True), "“[[3·15]]”国际消费者权益日"),
    C("monthday", Y2020, Expect("2020-11-03", part_of_day="morning", relative=True),
      "11/3号早上", "11/3日上午", "[[11/3号上午]]到会"),
    C("monthday", Y2020, Expect("2020-09-16", time="08:30", part_of_day="morning", relative=True),
      "09-16 08:30", "09-16　08:30", "[[09-16 08:30]]发布"),
    C("monthday", Y2020, Expect("2020-09-16", "2020-09-17", time="08:30", end_time="17:00", part_of_day="morning",
                                relative=True),
      "09-16 08:30—09-17 17:00", "09-16 08:30 至 09-17 17:00"),

    # A day in figures that runs into its clock time where the layout lost the space.
    C("numeric", {}, Expect("2018-12-12", time="09:03", part_of_day="morning"),
      "2018-12-1209:03", "2018/12/1209:03", "2018.12.1209:03:00", "[[2018-12-1209:03]]起"),

    # Two neighbouring numbers, a reading of either: from the first to the second.
    C("pair", Y2020, Expect("2020-07-01", "2020-08-31", "month", relative=True),
      "七八月份", "七八月", "[[七八月]]间", "[[七八月份]]，全区", rules=["month_pair"]),
    C("pair", {}, Expect("2021-11-01", "2021-12-31", "month"), "2021年十一二月", "2021年十一二月份"),
    C("pair", {}, Expect("1998-03-01", "1998-04-30", "month"), "1998年三四月"),
    C("pair", PREV_DAY, Expect("2020-09-16", time="15:00", end_time="16:00", part_of_day="afternoon", relative=True),
      "下午三四点", "下午三四点钟", "[[下午三四点]]，"),
    C("pair", WED, Expect("2020-09-17", time="19:00", end_time="20:00", part_of_day="evening", relative=True),
      "明天晚上七八点", "明晚七八点"),

    # Two neighbouring relative years or days.
    C("relative-pair", WED, Expect("2020-01-01", "2021-12-31", "year", relative=True),
      "今明两年", "今明二年", "[[今明两年]]，全区", "今明年", rules=["relative_pair"]),
    C("relative-pair", WED, Expect("2020-09-17", "2020-09-18", relative=True), "明后两天", "明后天", "明后两日"),
    C("relative-pair", WED, Expect("2019-01-01", "2020-12-31", "year", relative=True), "去今两年"),

    # A year range whose far year is written with two digits, in the near one's century;
    # a bare year before such a year with its month.
    C("range", {}, Expect("1985-01-01", "1989-12-31", "year"), "1985—89年", "1985～89年", "1985至89年"),
    C("range", {}, Expect("1998-01-01", "2002-12-31", "year"), "1998—02年", "1998—2002年"),
    C("range", {}, Expect("1985-01-01", "1989-09-30", "month"), "1985到89年9月", "1985至1989年9月", "1985—89年9月"),
    C("range", {}, Expect("1995-01-01", "2005-03-31", "month"), "1995到05年3月"),
    # Ends of different precisions: the finest both ends' boundaries fall on (days where
    # one end is a day or a 旬, months where both are months or coarser)
    C("range", Y2020, Expect("2020-09-30", "2020-10-10"), "9月30日至10月上旬"),
    C("range", Y2020, Expect("2020-01-01", "2020-09-30", "month"), "1月至三季度", "上半年至三季度"),

    # 号 is a day when a time of day follows it; "全天" is all of the day before it.
    C("relative", {"year": 2021, "month": 9}, Expect("2021-09-08", time="21:00", part_of_day="evening", relative=True),
      "8号晚上9点", "8号 晚上9点", "[[8号晚上9点]]，"),
    C("relative", {"year": 2021, "month": 9}, Expect("2021-09-03", part_of_day="morning", relative=True), "3号上午"),
    C("relative", {}, Expect("2020-09-16"), "2020年9月16日全天", "[[2020年9月16日全天]]停水"),
    C("relative", PREV_DAY, Expect("2020-09-16", relative=True), "全天", "[[全天]]接待游客"),

    # A season or a part of the day opening a clause by itself: of the year or day before.
    C("season", PREV_YEAR, Expect("1913-03-01", "1913-05-31", "season", relative=True),
      "[[春]]，大旱。", "[[春天]]，", "[[春]]，米价腾贵"),
    C("season", {}, Expect("1927-12-01", "1928-02-29", "season", relative=True),
      "民国十六年（1927年）。[[冬]]，县境设立农民协会", "1927年。\n[[冬]]，"),
    C("relative", PREV_DAY, Expect("2020-09-16", part_of_day="afternoon", relative=True),
      "[[下午]]，市长调研", "上午开会；[[下午]]，参观"),
    C("relative", {}, Expect("2020-09-16", part_of_day="evening", relative=True),
      "2020年9月16日上午开幕。[[晚上]]，举行文艺演出"),
)
