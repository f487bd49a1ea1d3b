"""Real-browser flows over the real `timeline serve` (Debian Chromium): the seed chapter, and a
busy collection of 2,000 events a year in 20 categories."""
from __future__ import annotations

import io
import json
import urllib.request
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.support import ARTIFACTS

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1440, 900), "phone": (390, 844)}


def fetch(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get("Content-Type", ""), response.read()


def api_events(base: str, **params: str) -> list[dict]:
    return json.loads(fetch(f"{base}/api/events?" + urlencode({"year": 2020, "limit": 5000, **params}))[1])["events"]


def listed_keys(events: list[dict]) -> list[str]:
    """The entries the month list shows: dated, not overviews."""
    return [e["key"] for e in events if e["start"] and e["kind"] != "overview"]


def open_page(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, errors


@pytest.fixture(params=list(SIZES))
def sized(request, browser):
    context, page, errors = open_page(browser, *SIZES[request.param])
    yield request.param, page
    context.close()
    assert not errors, errors


@pytest.fixture
def page(browser):
    context, page, errors = open_page(browser, *SIZES["desktop"])
    yield page
    context.close()
    assert not errors, errors          # CSP violations and script errors show up here


def shown_keys(page) -> list[str]:
    return page.locator(".results .ev").evaluate_all("items => items.map(i => i.dataset.key)")


def first_event_box(page) -> dict:
    return page.locator(".results .ev").first.bounding_box()


def test_year_shows_every_dated_event_in_date_order(page, live_server):
    page.goto(f"{live_server}/2020")
    expected = listed_keys(api_events(live_server))
    assert shown_keys(page) == expected
    dates = page.locator(".results .ev time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates)
    chart_total = sum(int(t) for t in page.locator("svg.year-chart .lane-total").all_text_contents())
    assert chart_total == len(expected)


@pytest.mark.parametrize("server", ["live_server", "big_server"])
def test_first_event_is_on_the_first_screen(request, sized, server):
    size, page = sized
    base = request.getfixturevalue(server)
    page.goto(f"{base}/2020")
    box = first_event_box(page)
    height = SIZES[size][1]
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, (size, box)
    # Screenshots of the first screen and of the whole page, as a reader sees them.
    name = "seed" if server == "live_server" else "large"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"year-{name}-{size}.png"))
    page.screenshot(path=str(ARTIFACTS / f"year-{name}-{size}-full.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size][0]


def test_a_filter_click_lands_on_the_results(sized, live_server):
    size, page = sized
    page.goto(f"{live_server}/2020")
    page.locator("details.menu > summary", has_text="分类").click()
    page.locator("a.chip", has_text="科技研发").first.click()
    page.wait_for_url("**/2020?category=*#results")
    assert parse_qs(urlsplit(page.url).query) == {"category": ["科技研发"]}
    heading = page.locator("#results").bounding_box()
    bar = page.locator(".filterbar").bounding_box()
    height = SIZES[size][1]
    assert heading["y"] >= bar["y"] + bar["height"] - 1              # below the sticky bar, not under it
    box = first_event_box(page)
    assert box["y"] + box["height"] <= height
    categories = page.locator(".results .ev").evaluate_all("items => items.map(i => i.dataset.category)")
    assert categories and set(categories) == {"科技研发"}
    assert shown_keys(page) == listed_keys(api_events(live_server, category="科技研发"))


def test_chip_counts_equal_what_the_list_then_shows(page, big_server):
    page.goto(f"{big_server}/2020")
    chips = page.locator(".filterbar a.chip[data-category]").evaluate_all(
        "cs => cs.map(c => [c.href, +c.querySelector('.count').textContent])")
    for href, count in chips[:5]:
        page.goto(href)
        assert int(page.locator(".lede strong").inner_text()) == count


def test_category_chip_narrows_the_list_the_url_and_the_feed(page, live_server):
    page.goto(f"{live_server}/2020")
    page.locator("details.menu > summary", has_text="分类").click()
    page.locator("a.chip", has_text="科技研发").first.click()
    page.wait_for_url("**/2020?category=*")
    feed = page.locator("#feed-url").input_value()
    assert parse_qs(urlsplit(feed).query) == {"year": ["2020"], "category": ["科技研发"]}
    content_type, body = fetch(feed)
    assert content_type.startswith("text/calendar") and body.startswith(b"BEGIN:VCALENDAR")
    assert body.count(b"BEGIN:VEVENT") == 9         # 科技研发's events dated to the day
    # A second chip adds to the selection; the selected one (in the bar) removes it.
    page.locator("details.menu > summary", has_text="分类").click()
    page.locator(".menu-panel a.chip", has_text="综述").click()
    page.wait_for_url("**category=*category=*")
    assert parse_qs(urlsplit(page.url).query) == {"category": ["科技研发", "综述"]}
    page.locator(".active a.chip", has_text="科技研发").click()
    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query) == {"category": ["综述"]}


def test_filters_are_kept_between_years(page, big_server):
    page.goto(f"{big_server}/2020?tag=签约")
    page.locator(".year-nav a[rel=next]").click()
    page.wait_for_url("**/2021?tag=*")
    assert parse_qs(urlsplit(page.url).query) == {"tag": ["签约"]}
    tags = page.locator(".results .ev .tag").all_inner_texts()
    assert "#签约" in tags


def test_several_words_find_the_events_with_all_of_them(page, live_server):
    words = ("青山湖", "签约")
    page.goto(f"{live_server}/2020")
    page.get_by_label("搜索标题与正文").fill(" ".join(words))
    page.get_by_label("搜索标题与正文").press("Enter")
    page.wait_for_url("**q=*")
    every = api_events(live_server)
    expected = listed_keys([e for e in every if all(w in e["title"] + " " + e["body"] for w in words)])
    assert len(expected) >= 2                       # more than either phrase would find together
    assert shown_keys(page) == expected
    marks = set(page.locator(".results mark.hit").all_inner_texts())
    assert marks <= set(words) and marks
    # Across all years: the counts per year and the same events.
    page.get_by_role("link", name="全部年份一起看").click()
    page.wait_for_url("**/search?q=*")
    assert page.locator(".year-counts a").first.inner_text().replace("\n", " ") == f"2020年 {len(expected)}" or \
        page.locator(".year-counts a").first.inner_text().split()[-1] == str(len([e for e in every if all(
            w in e["title"] + " " + e["body"] for w in words)]))


def test_the_chart_is_one_tab_stop_with_arrow_keys_inside(page, big_server):
    page.goto(f"{big_server}/2020")
    cell = page.locator("svg.year-chart a.cell[tabindex='0']")
    assert cell.count() == 1
    assert page.locator("svg.year-chart a.cell").count() > 100
    cell.focus()
    label = cell.get_attribute("aria-label")
    tip = page.locator("#chart-tip")
    assert tip.is_visible() and tip.inner_text() == label          # the tooltip on focus
    page.keyboard.press("ArrowRight")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused != label and focused.startswith(("2月", "1月"))
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.row") == "1"
    page.keyboard.press("Tab")                                     # one Tab leaves the whole chart
    assert page.evaluate("document.activeElement.closest('svg') === null")
    page.keyboard.press("Shift+Tab")                               # and comes back to the last cell
    assert page.evaluate("document.activeElement.dataset.row") == "1"
    page.keyboard.press("Enter")                                   # a cell is its month
    page.wait_for_url("**#m*")


def test_colours_agree_between_the_chart_and_the_list(page, big_server):
    page.goto(f"{big_server}/2020")
    chart = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('svg.year-chart .lane')]
        .map(l => [l.querySelector('a.cell').getAttribute('aria-label').split(' · ')[1].split('：')[0].split('（')[0],
                   getComputedStyle(l.querySelector('.sw')).fill]))""")
    listed = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.results .ev')]
        .map(e => [e.dataset.category, getComputedStyle(e.querySelector('.sw')).backgroundColor]))""")
    shared = [name for name in listed if name in chart]
    assert len(shared) >= 8
    for name in shared:
        assert chart[name] == listed[name], name
    colours = [chart[name] for name in chart if name != "其他"]
    assert len(set(colours)) == len(colours)         # every lane its own colour
    assert len(chart) <= 12 and "其他" in chart       # 20 categories: the smallest folded


def test_qr_code_decodes_to_the_feed_url(page, live_server):
    import zxingcpp
    from PIL import Image

    page.goto(f"{live_server}/2020?category=科技研发")
    page.locator("details.menu > summary", has_text="订阅").click()
    feeds = page.locator(".feed")
    assert feeds.count() == 3                       # this view, 科技研发 across years, everything
    for i in range(feeds.count()):
        feed = feeds.nth(i)
        png = feed.locator("img.qr").screenshot()
        [result] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
        assert result.text == feed.locator("input[data-copy]").input_value()
        assert feed.locator("a", has_text="Google 日历").get_attribute("href").startswith(
            "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F")
    assert fetch(feeds.nth(1).locator("input[data-copy]").input_value())[1].count(b"BEGIN:VEVENT") == 9


def test_event_page_highlights_its_dates(page, live_server):
    page.goto(f"{live_server}/2020")
    page.get_by_role("link", name="袁家军调研杭州城西科创大走廊").first.click()
    page.wait_for_url("**/events/*")
    mark = page.locator(".body-text mark.date").first
    assert mark.is_visible()
    assert mark.inner_text() == "2020年9月16—17日"
    assert "2020-09-16 至 2020-09-17" in mark.get_attribute("title")
    assert page.locator("h1").inner_text() == "袁家军调研杭州城西科创大走廊"
    link = page.get_by_role("link", name="下载到日历（.ics）")
    assert link.get_attribute("download") == "袁家军调研杭州城西科创大走廊.ics"
    content_type, body = fetch(live_server + link.get_attribute("href"))
    assert content_type.startswith("text/calendar") and b"DTSTART;VALUE=DATE:20200916" in body
    page.screenshot(path=str(ARTIFACTS / "event-desktop.png"), full_page=True)


def focus_outline(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement, s = getComputedStyle(el);
        return {id: el.id, cls: el.className.baseVal ?? el.className, tag: el.tagName, text: el.textContent.trim(),
                style: s.outlineStyle, width: parseFloat(s.outlineWidth)};
    }""")


def test_keyboard_reaches_the_search_and_the_events_with_visible_focus(page, live_server):
    page.goto(f"{live_server}/2020")
    page.keyboard.press("Tab")
    first = focus_outline(page)
    assert "skip-link" in first["cls"] and page.locator(".skip-link").is_visible()
    seen = []
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = focus_outline(page)
        seen.append(focused)
        if focused["tag"] == "SUMMARY" or focused["tag"] == "A" and "ev-title" in str(focused["cls"]):
            if focused["tag"] == "A":
                break
            continue
        assert focused["style"] != "none" and focused["width"] >= 2, focused
    assert any(f["id"] == "q" for f in seen), seen
    assert "ev-title" in str(seen[-1]["cls"]), seen
    page.screenshot(path=str(ARTIFACTS / "keyboard-focus-event.png"))
