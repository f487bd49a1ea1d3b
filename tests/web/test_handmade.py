"""Pages and API over a small hand-made document: shapes, sections, escaping, errors."""
from __future__ import annotations

import re

import pytest


def text(response) -> str:
    return response.get_data(as_text=True)


def test_every_response_carries_security_headers(hclient):
    for url in ("/2020", "/api/events", "/nope"):
        headers = hclient.get(url).headers
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"]


def test_root_redirects_to_the_latest_year_keeping_the_filter(hclient):
    response = hclient.get("/?category=产业发展")
    assert response.status_code == 302
    assert response.headers["Location"] == "/2020?category=%E4%BA%A7%E4%B8%9A%E5%8F%91%E5%B1%95"


def test_default_year_setting_wins(handmade_app, hclient, monkeypatch):
    monkeypatch.setitem(handmade_app.config, "DEFAULT_YEAR", 2019)
    assert hclient.get("/").headers["Location"] == "/2019"


LISTED = re.compile(r'<li class="ev cat-\d+" data-key="([^"]+)"')


def test_year_page_sections_in_date_order(hclient):
    html = text(hclient.get("/2020"))
    assert '<html lang="zh-CN">' in html
    for landmark in ("<header", "<nav", "<main", "<footer", 'class="skip-link"', 'role="search"'):
        assert landmark in html
    for section in ("results", "chart-heading", "overviews-heading", "see-also-heading", 'subscribe'):
        assert f'id="{section}"' in html
    # Events first: the list comes before the chart, the overviews and the see-also lines.
    assert html.index('id="results"') < html.index('id="overviews-heading"') < html.index('id="chart-heading"')
    assert LISTED.findall(html) == ["script", "sign", "moments", "survey", "cross"]   # by start, then end


def test_year_page_writes_dates_the_chinese_way(hclient):
    html = text(hclient.get("/2020"))
    for written in ("9月16日—17日", "6月下旬", "9月30日—10月2日", "3月2日"):
        assert f">{written}</time>" in html


def test_overview_is_its_category_summary_not_an_event_on_january_1(hclient):
    html = text(hclient.get("/2020"))
    overviews = html.split('id="overviews-heading"')[1].split("</section>")[0]
    assert "<h3>规划建设</h3>" in overviews and "规划建设稳步推进" in overviews
    assert 'id="m1"' not in html and 'id="whole-year"' not in html


def test_cross_reference_is_a_see_also_line_with_its_pointer(hclient):
    html = text(hclient.get("/2020"))
    see_also = html.split('id="see-also-heading"')[1]
    assert "青山湖宝龙广场开业" in see_also and "（参见《商业》栏目）" in see_also


def test_year_chart_is_one_tab_stop_with_a_labelled_link_per_cell(hclient):
    html = text(hclient.get("/2020"))
    svg = html.split("<svg class=\"year-chart\"")[1].split("</svg>")[0]
    cells = re.findall(r'<a class="cell[^"]*" href="([^"]+)" tabindex="(-?\d)"\s+aria-label="([^"]+)"', svg)
    assert len(cells) == 4 * 12                      # 4 lanes (categories with events) x 12 months
    assert [t for _, t, _ in cells].count("0") == 1  # one tab stop
    labels = {label: href for href, _, label in cells}
    assert labels["9月 · 综述：1 条"] == "#m9"
    assert labels["6月 · 产业发展：1 条"] == "#m6"
    assert '<rect class="bar"' in svg                # the 2-day and 3-day ranges are bars


def test_month_counts(hclient):
    html = text(hclient.get("/2020"))
    assert '<a href="#m9">9月 <span class="count">3</span></a>' in html
    assert '<span class="empty-month">1月 <span class="count">0</span></span>' in html


def test_category_chips_toggle_in_the_url_and_land_on_the_results(hclient):
    html = text(hclient.get("/2020?category=产业发展"))
    assert LISTED.findall(html) == ["sign", "moments"]
    chip = re.search(r'<a class="chip cat-\d+ selected" href="([^"]+)"', html)
    assert chip.group(1) == "/2020#results"                              # selected: a link that removes it
    assert 'href="/2020?category=%E4%BA%A7%E4%B8%9A%E5%8F%91%E5%B1%95&amp;category=%E7%BB%BC%E8%BF%B0#results"' in html


def test_category_slug_is_accepted(hclient):
    assert hclient.get("/2020?category=chan-ye-fa-zhan").status_code == 200


def test_search_keeps_the_category_and_finds_substrings(hclient):
    html = text(hclient.get("/2020?q=签约&category=产业发展"))
    assert LISTED.findall(html) == ["sign", "moments"]
    assert '<input type="hidden" name="category" value="产业发展">' in html
    assert '<mark class="hit">签约</mark>' in html


def test_no_match_says_so(hclient):
    html = text(hclient.get("/2020?q=不存在的词"))
    assert "没有符合筛选条件的事件" in html


def test_subscribe_panel_links_the_feed_of_exactly_this_view(hclient):
    html = text(hclient.get("/2020"))
    assert 'href="webcal://localhost/feeds/2020.ics"' in html
    assert 'value="http://localhost/feeds/2020.ics"' in html
    assert "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Flocalhost%2Ffeeds%2F2020.ics" in html
    html = text(hclient.get("/2020?tag=签约"))
    assert 'href="webcal://localhost/calendar.ics?year=2020&amp;tag=%E7%AD%BE%E7%BA%A6"' in html


def test_base_url_setting_makes_the_feed_links(handmade_app, hclient, monkeypatch):
    monkeypatch.setitem(handmade_app.config, "BASE_URL", "https://nianjian.example.org/")
    html = text(hclient.get("/2020"))
    assert 'href="webcal://nianjian.example.org/feeds/2020.ics"' in html


def test_event_page_highlights_and_escapes(hclient):
    html = text(hclient.get("/events/script"))
    assert "<script>alert" not in html and "&lt;b&gt;转义&lt;/b&gt;测试" in html
    assert '<mark class="date" title="2020年3月2日（2020-03-02）">2020年3月2日</mark>，&lt;script&gt;' in html


def test_event_page_parts(hclient):
    html = text(hclient.get("/events/moments"))
    assert "<h1>峰会召开</h1>" in html
    assert "<strong>9月16日下午</strong> 举行签约仪式" in html
    assert "峰会：指青山湖峰会。" in html
    assert "handmade-2020，第 " in html
    assert 'href="/events/moments.ics"' in html
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert html.count("<mark") >= 2


def test_vague_event_says_how_precise_the_source_is(hclient):
    assert "原文只记到旬" in text(hclient.get("/events/sign"))


@pytest.mark.parametrize("url, status, words", [
    ("/2020?year=abc", 400, "year"),
    ("/2020?from=zz", 400, "from"),
    ("/2020?kind=party", 400, "kind"),
    ("/0", 400, "year"),
    ("/99999", 400, "year"),
    ("/2020?category=没有", 404, "category"),
    ("/events/nope", 404, "nope"),
    ("/no/such/page", 404, "没有这个页面"),
])
def test_page_errors_are_html_naming_the_problem(hclient, url, status, words):
    response = hclient.get(url)
    assert response.status_code == status
    assert response.mimetype == "text/html"
    assert words in text(response)


def test_a_year_without_events_is_a_helpful_404(hclient):
    response = hclient.get("/1999")
    assert response.status_code == 404
    html = text(response)
    assert "1999年还没有事件" in html
    assert 'href="/2019"' in html and 'href="/2020"' in html


def test_api_shapes(hclient):
    data = hclient.get("/api/events?year=2020").get_json()
    assert data["count"] == len(data["events"]) == 7
    assert set(data["events"][0]) >= {"id", "key", "title", "category", "tags", "kind", "start", "end", "precision",
                                      "time", "part_of_day", "mentions", "summary", "body", "footnotes",
                                      "document", "source", "url", "ics"}
    cats = hclient.get("/api/categories").get_json()
    assert {"name": "产业发展", "slug": "chan-ye-fa-zhan", "count": 2} in cats


def test_api_errors_are_json(hclient):
    response = hclient.get("/api/events?from=2020-10-01&to=2020-09-01")
    assert response.status_code == 400
    assert response.get_json()["error"].startswith("from:")
    response = hclient.get("/api/events?category=没有")
    assert response.status_code == 404 and "category" in response.get_json()["error"]
    assert hclient.get("/api/nothing").get_json()["error"]


def test_overview_reads_in_full_behind_details(hclient):
    html = text(hclient.get("/2020"))
    assert '<p class="body-text">2020年，规划建设稳步推进。全年完成投资100亿元。</p>' in html
