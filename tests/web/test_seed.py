"""Pages and API over the seed yearbook chapter, loaded through the real pipeline."""
from __future__ import annotations

import re

import pytest

YEAR_EVENTS = 41         # 35 dated entries (one a caption-dated xref), 4 overviews, 2 undated xrefs


def api(client, query: str) -> dict:
    response = client.get("/api/events" + query)
    assert response.status_code == 200, response.get_data(as_text=True)
    data = response.get_json()
    assert data["count"] == len(data["events"])
    return data


@pytest.mark.parametrize("query, count", [
    ("", YEAR_EVENTS),
    ("?year=2020", YEAR_EVENTS),
    ("?year=2019", 0),
    ("?category=科技研发", 10),
    ("?category=ke-ji-yan-fa", 10),
    ("?category=科技研发&category=综述", 15),
    ("?tag=签约", 5),
    ("?q=签约", 8),
    ("?q=签约&category=产业发展", 6),
    ("?kind=xref", 3),
    ("?kind=overview", 4),
    ("?from=2020年9月&to=2020年9月&kind=event", 5),
    ("?from=2020-09-01&to=2020-09-30&kind=event", 5),
    ("?from=2020年9月&to=2020年9月", 9),             # the four overviews cover all of 2020
    ("?from=2020年12月&kind=event", 8),
    ("?to=2020年1月&kind=event", 2),
])
def test_event_counts(client, query, count):
    assert api(client, query)["count"] == count


def test_event_json_shape(client):
    event = api(client, "?q=袁家军调研杭州城西科创大走廊&kind=event")["events"][0]
    assert set(event) >= {"id", "key", "title", "category", "tags", "kind", "start", "end", "precision", "time",
                          "part_of_day", "mentions", "summary", "body", "footnotes", "document", "source",
                          "url", "ics"}
    assert (event["title"], event["start"], event["end"]) == ("袁家军调研杭州城西科创大走廊", "2020-09-16", "2020-09-17")
    assert event["url"] == f"/events/{event['key']}" and event["ics"] == event["url"] + ".ics"
    assert event["mentions"][0]["span"] == [0, len(event["mentions"][0]["text"])]


def test_categories(client):
    assert client.get("/api/categories").get_json() == [
        {"name": "综述", "slug": "zong-shu", "count": 5},
        {"name": "规划建设", "slug": "gui-hua-jian-she", "count": 12},
        {"name": "科技研发", "slug": "ke-ji-yan-fa", "count": 10},
        {"name": "产业发展", "slug": "chan-ye-fa-zhan", "count": 14},
    ]


@pytest.mark.parametrize("query, param", [
    ("?year=twenty", "year"), ("?year=123456", "year"), ("?kind=meeting", "kind"),
    ("?from=2020-10-01&to=2020-09-01", "from"), ("?from=不是日期", "from"), ("?to=2020年9月某日", "to"),
    ("?q=" + "字" * 300, "q"),
])
def test_bad_parameters_are_400_naming_the_parameter(client, query, param):
    response = client.get("/api/events" + query)
    assert response.status_code == 400
    assert response.get_json()["error"].startswith(param + ":")


def test_unknown_category_is_404(client):
    response = client.get("/api/events?category=体育")
    assert response.status_code == 404
    assert "体育" in response.get_json()["error"]


def test_year_page_lists_every_dated_entry_in_date_order(client):
    html = client.get("/2020").get_data(as_text=True)
    months = html.split('id="results"')[1].split('id="overviews-heading"')[0]
    dates = re.findall(r'<time datetime="([\d-]+)"', months)
    assert len(dates) == 35 and dates == sorted(dates)
    assert ">9月16日—17日</time>" in months and ">9月10日—11日</time>" in months
    assert "袁家军调研杭州城西科创大走廊" in months


def test_overviews_are_category_summaries(client):
    html = client.get("/2020").get_data(as_text=True)
    overviews = html.split('id="overviews-heading"')[1].split("</section>")[0]
    assert re.findall(r"<h3>(.+?)</h3>", overviews) == ["综述", "规划建设", "科技研发", "产业发展"]
    assert "规模以上工业增加值85.6亿元" in overviews
    months = html.split('id="results"')[1].split('id="overviews-heading"')[0]
    assert "2020年概况" not in months and 'id="whole-year"' not in months


def test_cross_references_are_see_also_lines(client):
    html = client.get("/2020").get_data(as_text=True)
    see_also = html.split('id="see-also-heading"')[1].split("</section>")[0]
    for title, pointer in (("青山湖宝龙广场开业", "（参见《商业贸易》栏目“国内贸易”分目）"),
                           ("青山湖科技城第二小学投入使用", "（参见《教育》栏目“基础教育”分目）"),
                           ("杭州华旺新材料科技股份有限公司股票上市", "（参见《综合管理》栏目“发展和改革”分目）")):
        assert title in see_also and pointer in see_also
    assert "（12月28日）" in see_also          # dated by its photo caption: also listed in December


def test_month_counts_on_the_year_page(client):
    html = client.get("/2020").get_data(as_text=True)
    counts = dict(re.findall(r'<a href="#m(\d+)">\d+月 <span class="count">(\d+)</span>', html))
    assert counts == {"1": "2", "2": "1", "3": "2", "4": "1", "5": "4", "6": "4", "7": "3", "9": "5",
                      "10": "2", "11": "2", "12": "9"}


def test_event_page_highlights_its_dates(client):
    key = api(client, "?q=袁家军调研&kind=event")["events"][0]["key"]
    html = client.get(f"/events/{key}").get_data(as_text=True)
    assert '<mark class="date" title="2020年9月16日—17日（2020-09-16 至 2020-09-17）">2020年9月16—17日</mark>' in html
    assert "qingshanhu-2020，第 " in html
    assert f'href="/events/{key}.ics"' in html
    assert 'rel="prev"' in html and 'rel="next"' in html


def test_every_event_page_renders(client):
    for event in api(client, "")["events"]:
        assert client.get(event["url"]).status_code == 200
