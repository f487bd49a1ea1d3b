"""The year page at scale (paging by months, chips, chart), the views across years, downloads,
compression and the error pages: over the seed, and over hand-made busy years."""
from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from tests.support import seed_database
from testkit.events import entry, span
from timeline.dates.span import Precision
from timeline.events.model import EventKind, ParsedDocument
from timeline.store.ingest import store_document

LISTED = re.compile(r'<li class="ev (cat-\d+)" data-key="([^"]+)" data-category="([^"]+)"')
CATEGORIES = [f"分类{i:02d}" for i in range(15)]


def busy_document(year: int, n: int) -> ParsedDocument:
    """`n` events in 15 categories: most in the first three months, some ranges, a half-year."""
    events = []
    for i in range(n):
        start = date(year, 1, 1) + timedelta(days=(i * 7) % 90)
        end = start + timedelta(days=2) if i % 9 == 0 else start
        text = f"{start.month}月{start.day}日"
        events.append(entry(f"busy-{year}-{i}", f"第{i}项工作推进", f"{text}，第{i}项工作推进会在园区召开。",
                            span(text, start.isoformat(), end.isoformat()), category=CATEGORIES[i % 15] if i % 2 == 0 else CATEGORIES[0],
                            tags=("会议",) if i % 4 == 0 else (), position=i))
    events.append(entry(f"half-{year}", "上半年重点项目", "上半年，重点项目推进顺利。",
                        span("上半年", f"{year}-01-01", f"{year}-06-30", Precision.HALF), category=CATEGORIES[0],
                        position=n))
    events.append(entry(f"overview-{year}", "概况", f"{year}年，工作稳步推进。",
                        span(f"{year}年", f"{year}-01-01", f"{year}-12-31", Precision.YEAR), kind=EventKind.OVERVIEW,
                        position=n + 1))
    return ParsedDocument(name=f"busy-{year}", year=year, layout="yearbook", events=tuple(events))


@pytest.fixture(scope="module")
def busy(tmp_path_factory):
    def load(sessionmaker):
        for year, n in ((2019, 30), (2020, 700)):
            with sessionmaker.begin() as session:
                store_document(session, busy_document(year, n), path=f"busy-{year}.txt", sha256=str(year) * 16,
                               now=datetime(2021, 1, 1, tzinfo=timezone.utc))

    from web import create_app

    url = seed_database(f"sqlite:///{tmp_path_factory.mktemp('busy') / 'timeline.sqlite'}", load)
    app = create_app({"TESTING": True, "DATABASE_URL": url})
    yield app.test_client()
    app.extensions["timeline.engine"].dispose()


def html(client, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return response.get_data(as_text=True)


def test_a_busy_year_is_paged_by_whole_months(busy):
    first = html(busy, "/2020")
    count = int(re.search(r"分 (\d+) 页", first).group(1))
    assert count >= 4                                # 700 events in three months: 233 a month
    pages = [html(busy, f"/2020?page={p}") for p in range(1, count + 1)]
    keys = [[k for _, k, _ in LISTED.findall(page)] for page in pages]
    assert all(0 < len(k) <= 200 for k in keys)
    every = [k for page in keys for k in page]
    assert len(every) == len(set(every)) == 701                   # each dated entry once, the half-year too
    assert keys[-1] == ["half-2020"] and 'id="whole-year"' in pages[-1]   # after December
    # A month longer than a page goes on over the next, and says so.
    assert sum("（续）</h3>" in page or "（续） <span" in page for page in pages) >= 3
    assert 'rel="next" href="/2020?page=2#results"' in first
    assert "page" in html(busy, f"/2020?page={count + 1}", 400)


def test_a_month_cell_links_to_the_page_holding_that_month(busy):
    page = html(busy, "/2020")
    cells = dict((label, href) for href, label in re.findall(r'<a class="cell[^"]*" href="([^"]+)" tabindex="-?\d"\s+aria-label="([^"]+)"', page))
    march = next(href for label, href in cells.items() if label.startswith("3月 · "))
    target = html(busy, march.split("#")[0])
    assert f'id="{march.split("#")[1]}"' in target
    assert cells["全年 · 分类00：1 条"].endswith("#whole-year")


def test_the_chart_folds_lanes_past_twelve_into_other(busy):
    svg = html(busy, "/2020").split('<svg class="year-chart"')[1].split("</svg>")[0]
    lanes = re.findall(r'<g class="lane (cat-\d+|cat-other)">', svg)
    assert len(lanes) == 12 and lanes[-1] == "cat-other" and len(set(lanes)) == 12
    assert svg.count('tabindex="0"') == 1


def test_chip_counts_equal_what_the_list_then_shows(busy):
    page = html(busy, "/2020?tag=会议")
    chips = re.findall(r'<a class="chip cat-\d+" href="([^"]+)"\s+data-category="[^"]+">.*?<span class="count">(\d+)</span>',
                       page, re.S)
    assert len(chips) >= 10
    for href, count in chips:
        target = html(busy, href.replace("&amp;", "&").split("#")[0])
        assert re.search(r"筛选出 <strong>(\d+)</strong>", target).group(1) == count


def test_colours_are_the_same_class_in_the_chart_the_list_and_the_chips(busy):
    page = html(busy, "/2020")
    listed = {category: css for css, _, category in LISTED.findall(page)}
    lanes = dict(re.findall(r'<g class="lane (cat-\d+)">\s*<rect class="sw"[^>]*/>\s*<text[^>]*>([^<]+)</text>', page))
    for css, name in lanes.items():
        assert listed.get(name, css) == css
    assert len(set(listed.values())) == len(listed) >= 10         # one class per category


def test_palette_gives_every_category_its_own_colour(client):
    from web.palette import PALETTE, colour

    css = client.get("/palette.css?n=40").get_data(as_text=True)
    colours = re.findall(r"\.cat-\d+\{--cat:(#[0-9a-f]{6})\}", css)
    assert len(colours) == 40 and len(set(colours)) == 40
    assert colours[:len(PALETTE)] == list(PALETTE) and colour(40) not in PALETTE


def test_filters_are_kept_between_years(busy):
    page = html(busy, "/2020?tag=会议&q=工作")
    assert 'href="/2019?tag=%E4%BC%9A%E8%AE%AE&amp;q=%E5%B7%A5%E4%BD%9C"' in page


def test_category_and_tag_across_all_years_with_their_feeds(client, busy):
    page = html(busy, "/category/fen-lei-00")
    assert "分类：分类00" in page
    expected = [(str(y), str(busy.get(f"/api/events?year={y}&category=分类00&limit=1").get_json()["count"]))
                for y in (2019, 2020)]
    assert re.findall(r'<a href="/(\d+)\?category=[^"]+">\d+年 <span class="count">(\d+)</span>', page) == expected
    assert 'value="http://localhost/feeds/category/fen-lei-00.ics"' in page
    page = html(busy, "/tag/会议")
    assert 'value="http://localhost/calendar.ics?tag=%E4%BC%9A%E8%AE%AE"' in page
    assert html(busy, "/tag/没有的标签", 404).count("没有带“没有的标签”标签的事件") == 1
    assert "没有这个分类：nothing" in html(client, "/category/nothing", 404)


def test_search_across_years_counts_per_year_and_highlights(client):
    page = html(client, "/search?q=签约")
    assert "搜索“签约”" in page and "<mark class=\"hit\">签约</mark>" in page
    assert re.search(r'<a href="/2020\?q=[^"]+">2020年 <span class="count">\d+</span></a>', page)
    year = html(client, "/2020?q=签约")
    assert re.search(r"“签约”在各年份：<strong>2020年 \d+</strong>", year)


def test_rows_are_compact_and_link_their_category_and_tags(client):
    page = html(client, "/2020")
    row = page.split('data-key="')[1].split("</li>")[0]
    assert '<a class="ev-cat" href="/category/' in row
    assert 'class="tag" href="/tag/' in page
    assert "<p class=\"ev-sum\">2020年" not in page          # a summary never repeats the row's date


def test_summary_only_when_it_adds_to_the_title():
    from web.format import summary_beyond_title

    def ev(title, summary, text="2020年1月6日"):
        return entry("k", title, summary, span(text, "2020-01-06"))

    same = ev("某基地投入使用", "2020年1月6日，某基地投入使用。")
    assert summary_beyond_title(type("S", (), {"summary": same.summary, "title": same.title, "primary": same.primary})) is None
    more = entry("k", "某基地投入使用", "2020年1月6日，自然资源部第二海洋研究所下属的某基地在园区东侧正式投入使用。",
                 span("2020年1月6日", "2020-01-06"))
    assert summary_beyond_title(more) == "自然资源部第二海洋研究所下属的某基地在园区东侧正式投入使用。"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_download_any_view_with_the_same_filters(client, fmt):
    query = "year=2020&category=产业发展&tag=签约"
    response = client.get(f"/download.{fmt}?{query}")
    assert response.status_code == 200
    assert "filename*=UTF-8''timeline-2020-%E4%BA%A7%E4%B8%9A%E5%8F%91%E5%B1%95-%E7%AD%BE%E7%BA%A6." + fmt in \
        response.headers["Content-Disposition"]
    expected = [e["key"] for e in client.get(f"/api/events?{query}").get_json()["events"]]
    if fmt == "json":
        keys = [e["key"] for e in response.get_json()["events"]]
    else:
        rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
        keys = [r["key"] for r in rows]
        assert rows[0]["category"] == "产业发展" and "签约" in rows[0]["tags"]
    assert keys == expected and keys
    assert client.get(f"/download.{fmt}?year=abc").status_code == 400


def test_pages_are_compressed(client):
    plain = client.get("/2020")
    packed = client.get("/2020", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert len(packed.data) * 4 < len(plain.data)


@pytest.mark.parametrize("path, status, words", [
    ("/2020?page=0", 400, "page"),
    ("/category/nothing", 404, "没有这个分类"),
    ("/events/nope", 404, "没有这个事件"),
    ("/2020?year=abc", 400, "网址参数有误"),
])
def test_error_pages_are_chinese(client, path, status, words):
    page = html(client, path, status)
    assert words in page and '<html lang="zh-CN">' in page


def test_one_event_url_for_pages_api_and_feeds(client):
    from timeline.events.export import event_url

    assert event_url("a b/c") == "/events/a%20b%2Fc"
    event = client.get("/api/events?limit=1").get_json()["events"][0]
    assert event["url"] == event_url(event["key"])
    assert f'href="{event_url(event["key"])}"' in html(client, "/2020")
