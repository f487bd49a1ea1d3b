"""A province's worth of generated events: 100,000 over 50 years and 20 categories by default.

Made directly as ParsedDocuments (no text pipeline), deterministic for a seed: Chinese
titles and bodies from templates, every date precision (days with times and parts of day,
ranges, xun, month, quarter, half, year overviews, undated cross-references), tags,
mentions and moments. bench/generate_corpus.py loads it into the databases.
"""
from __future__ import annotations

import calendar
import random
from datetime import date, timedelta

from timeline.dates.span import DateSpan, PartOfDay, Precision
from timeline.events.model import Event, EventKind, Moment, ParsedDocument, Source

FIRST_YEAR, YEARS = 1975, 50
CATEGORIES = ("综述", "规划建设", "科技研发", "产业发展", "农业农村", "工业经济", "商贸流通", "交通运输",
              "城乡建设", "生态环境", "教育", "文化旅游", "卫生健康", "社会保障", "政法", "党的建设",
              "人大政协", "民政", "财政金融", "体育")
PLACES = ("青山湖科技城", "锦城街道", "玲珑街道", "於潜镇", "太湖源镇", "昌化镇", "高虹镇", "板桥镇",
          "天目山镇", "清凉峰镇", "河桥镇", "湍口镇", "岛石镇", "龙岗镇", "太阳镇", "潜川镇", "横畈镇",
          "锦北街道", "锦南街道", "青山湖街道")
LEADERS = ("省委书记", "省长", "副省长", "市委书记", "市长", "副市长", "区委书记", "区长", "副区长",
           "市人大常委会主任", "市政协主席", "省人大常委会副主任")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"
GIVEN = "建国华明军平伟志强文宏海涛斌林峰云杰新光德荣春晓亮俊"
TOPICS = ("科技创新", "乡村振兴", "生态环境保护", "安全生产", "招商引资", "数字经济", "教育发展",
          "文化旅游融合", "医疗卫生", "基层治理", "民生实事", "城市更新", "交通建设", "产业转型升级",
          "共同富裕示范区建设", "营商环境", "防汛抗旱", "疫情防控", "人才引进", "森林防火")
ORGS = ("浙江大学", "中国科学院", "阿里巴巴集团", "杭州银行", "国家电网", "中国电信", "浙江省农科院",
        "西湖大学", "吉利控股集团", "海康威视", "中国移动", "浙江工业大学", "中电海康集团", "之江实验室")
PROJECTS = ("智能制造产业园", "新材料研究院", "城西科创大走廊", "高铁站综合枢纽", "污水处理厂", "人民医院新院区",
            "文化艺术中心", "体育中心", "实验学校", "物流园区", "数据中心", "生态公园", "快速路", "农贸市场",
            "人才公寓", "创新中心", "孵化器", "美丽乡村示范带", "光伏电站", "供水工程")
HONORS = ("全国文明城市", "国家生态文明建设示范区", "省级森林城市", "全国科技进步先进区", "省平安县（市、区）",
          "全国综合实力百强区", "省教育现代化县", "国家全域旅游示范区")

# (tag, title templates, opening sentence templates)
TEMPLATES = (
    ("视察调研", ("{leader}{person}到{place}调研{topic}工作", "{leader}{person}考察{project}"),
     "{leader}{person}一行到{place}调研{topic}工作，实地察看{project}建设情况，听取有关部门汇报"),
    ("签约", ("{place}与{org}签约共建{project}", "{project}项目签约仪式举行"),
     "{place}与{org}举行签约仪式，双方签订战略合作协议，共建{project}，项目总投资{money}亿元"),
    ("开工", ("{project}开工建设", "{place}{project}奠基"),
     "{project}举行开工仪式，项目总投资{money}亿元，计划{months}个月内建成"),
    ("启用/开业/通车", ("{project}正式启用", "{place}{project}建成投用", "{project}通车"),
     "{project}正式投入使用，可容纳{people}人，服务周边{count}个村（社区）"),
    ("会议", ("{place}召开{topic}工作会议", "{topic}现场推进会在{place}召开"),
     "{place}召开{topic}工作会议，总结前一阶段工作，部署下一步任务，{leader}{person}出席并讲话"),
    ("揭牌/成立", ("{org}{place}分院揭牌", "{place}{topic}服务中心成立"),
     "{org}{place}分院举行揭牌仪式，首批入驻科研人员{people}名"),
    ("荣誉", ("{place}获评{honor}", "{place}入选{honor}名单"),
     "{place}被评为{honor}，系全省{count}个获此称号的地区之一"),
    ("", ("{place}开展{topic}专项行动", "{place}举办{topic}培训班"),
     "{place}组织开展{topic}专项行动，出动检查人员{people}人次，排查整改问题{count}个"),
)
FILLER = ("活动期间，相关部门负责人介绍了{topic}的总体情况和下一步打算。",
          "据统计，全年累计完成投资{money}亿元，同比增长{percent}%。",
          "会上，与会人员就{topic}中存在的问题进行了深入交流，并提出意见建议。",
          "{place}将以此为契机，进一步推动{topic}走深走实，不断提升群众获得感和幸福感。",
          "该项目建成后，预计年产值可达{money}亿元，带动就业{people}余人。",
          "此次活动共吸引{people}余名群众参与，社会反响良好。")


class Maker:
    """Deterministic events: the same seed gives the same corpus."""

    def __init__(self, seed: int = 2020):
        self.rnd = random.Random(seed)

    def fill(self, template: str) -> str:
        r = self.rnd
        return template.format(
            leader=r.choice(LEADERS), person=r.choice(SURNAMES) + "".join(r.choices(GIVEN, k=r.randint(1, 2))),
            place=r.choice(PLACES), topic=r.choice(TOPICS), org=r.choice(ORGS), project=r.choice(PROJECTS),
            honor=r.choice(HONORS), money=r.randint(1, 300), months=r.randint(6, 36), people=r.randint(20, 5000),
            count=r.randint(2, 60), percent=r.randint(1, 30))

    def primary(self, year: int) -> tuple[DateSpan | None, EventKind]:
        """A primary date of some precision, with the Chinese text a yearbook would print."""
        r, roll = self.rnd, self.rnd.random()
        month = r.randint(1, 12)
        last = calendar.monthrange(year, month)[1]
        if roll < 0.05:
            return None, EventKind.XREF
        if roll < 0.60:          # one day, sometimes with a clock time or a part of day
            day = r.randint(1, last)
            text, extra = f"{year}年{month}月{day}日", {}
            if r.random() < 0.15:
                part = r.choice(list(PartOfDay))
                text += {"morning": "上午", "noon": "中午", "afternoon": "下午", "evening": "傍晚", "night": "晚"}[part]
                extra["part_of_day"] = part
            elif r.random() < 0.05:
                hour = r.randint(8, 20)
                text += f"{hour}时"
                extra["time"] = f"{hour:02d}:00"
            return self.span(text, date(year, month, day), date(year, month, day), Precision.DAY, **extra), EventKind.EVENT
        if roll < 0.75:          # a range of days, sometimes across a month's end
            start = date(year, month, r.randint(1, last))
            end = min(start + timedelta(days=r.randint(1, 6)), date(year, 12, 31))
            text = f"{year}年{start.month}月{start.day}日—" + (f"{end.day}日" if end.month == start.month
                                                              else f"{end.month}月{end.day}日")
            return self.span(text, start, end, Precision.DAY), EventKind.EVENT
        if roll < 0.85:          # 上旬 / 中旬 / 下旬
            third = r.randint(0, 2)
            start = date(year, month, 1 + 10 * third)
            end = date(year, month, last if third == 2 else 10 * (third + 1))
            return self.span(f"{year}年{month}月{'上中下'[third]}旬", start, end, Precision.XUN), EventKind.EVENT
        if roll < 0.95:
            return self.span(f"{year}年{month}月", date(year, month, 1), date(year, month, last), Precision.MONTH), \
                EventKind.EVENT
        if roll < 0.975:
            q = (month - 1) // 3
            end_month = 3 * q + 3
            return self.span(f"{year}年第{'一二三四'[q]}季度", date(year, 3 * q + 1, 1),
                             date(year, end_month, calendar.monthrange(year, end_month)[1]),
                             Precision.QUARTER), EventKind.EVENT
        half = r.randint(0, 1)
        return self.span(f"{year}年{'上下'[half]}半年", date(year, 1 + 6 * half, 1),
                         date(year, 6 + 6 * half, 30 + half), Precision.HALF), EventKind.EVENT

    @staticmethod
    def span(text: str, start: date, end: date, precision: Precision, *, at: int = 0, **extra) -> DateSpan:
        return DateSpan(text=text, span=(at, at + len(text)), start=start, end=end, precision=precision, **extra)

    def event(self, year: int, category: str, i: int) -> Event:
        r = self.rnd
        tag, titles, opening = r.choice(TEMPLATES)
        title = self.fill(r.choice(titles))
        primary, kind = self.primary(year)
        if kind is EventKind.XREF:
            body = f"（参见《{r.choice(CATEGORIES)}》栏目“{title}”条目）"
            return Event(key=f"c{year}-{CATEGORIES.index(category):02d}-{i:03d}", title=title, category=category,
                         kind=kind, body=body, summary=body, source=Source(line=i * 7 + 1, offset=i * 400),
                         position=i)
        first = f"{primary.text}，{self.fill(opening)}。"
        rest = "".join(self.fill(r.choice(FILLER)) for _ in range(r.randint(2, 6)))
        mentions, moments = [primary], []
        if r.random() < 0.3 and primary.precision is Precision.DAY:
            # A later moment of the same event ("次日上午，……").
            day = primary.end + timedelta(days=1) if primary.end.year == year and primary.end < date(year, 12, 31) \
                else primary.end
            clause = self.fill("{leader}{person}主持召开座谈会")
            text = f"{day.month}月{day.day}日上午"
            moment = self.span(text, day, day, Precision.DAY, at=len(first) + len(rest), relative=True,
                               part_of_day=PartOfDay.MORNING)
            rest += f"{text}，{clause}。"
            mentions.append(moment)
            moments.append(Moment(moment, clause))
        body = first + rest
        footnotes = (f"{title.split('在')[0][:8]}：据{category}部门资料整理。",) if r.random() < 0.05 else ()
        return Event(key=f"c{year}-{CATEGORIES.index(category):02d}-{i:03d}", title=title, category=category,
                     kind=kind, body=body, summary=first, source=Source(line=i * 7 + 1, offset=i * 400),
                     primary=primary, tags=(tag,) if tag else (), mentions=tuple(mentions), moments=tuple(moments),
                     footnotes=footnotes, position=i)

    def document(self, year: int, category: str, size: int) -> ParsedDocument:
        overview_text = f"{year}年"
        body = f"{year}年，{category}工作稳步推进。" + "".join(self.fill(r) for r in FILLER[:3])
        overview = Event(key=f"c{year}-{CATEGORIES.index(category):02d}-overview", title="概况", category=category,
                         kind=EventKind.OVERVIEW, body=body, summary=body.split("。")[0] + "。",
                         source=Source(line=1, offset=0), position=0,
                         primary=self.span(overview_text, date(year, 1, 1), date(year, 12, 31), Precision.YEAR),
                         mentions=(self.span(overview_text, date(year, 1, 1), date(year, 12, 31), Precision.YEAR),))
        events = [overview] + [self.event(year, category, i) for i in range(1, size)]
        return ParsedDocument(name=f"corpus-{year}-{CATEGORIES.index(category):02d}", year=year,
                              layout="yearbook", events=tuple(events))


def documents(total: int = 100_000, seed: int = 2020):
    """One document per year and category, `total` events in all."""
    maker = Maker(seed)
    per_document = total // (YEARS * len(CATEGORIES))
    for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
        for category in CATEGORIES:
            yield maker.document(year, category, per_document)
