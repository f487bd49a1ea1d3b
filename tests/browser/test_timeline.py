"""Real-browser flows over the real `timeline serve` with the seed loaded (Debian Chromium)."""
from __future__ import annotations

import json
import urllib.request
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.support import ARTIFACTS

pytestmark = pytest.mark.browser


def fetch(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get("Content-Type", ""), response.read()


def api_events(base: str, **params: str) -> list[dict]:
    return json.loads(fetch(f"{base}/api/events?" + urlencode({"year": 2020, **params}))[1])["events"]


def listed_keys(events: list[dict]) -> list[str]:
    """The entries the month list shows: dated, not overviews."""
    return [e["key"] for e in events if e["start"] and e["kind"] != "overview"]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors          # CSP violations and script errors show up here


def shown_keys(page) -> list[str]:
    return page.locator(".months .event-item").evaluate_all("items => items.map(i => i.dataset.key)")


def test_year_shows_every_dated_event_in_date_order(page, live_server):
    page.goto(f"{live_server}/2020")
    expected = listed_keys(api_events(live_server))
    assert shown_keys(page) == expected
    dates = page.locator(".months time.event-date").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates)
    assert page.locator("svg.year-picture a.mark").count() == len(expected)


def test_category_chip_narrows_the_list_and_the_url(page, live_server):
    page.goto(f"{live_server}/2020")
    page.get_by_role("link", name="科技研发").first.click()
    page.wait_for_url("**/2020?category=*")
    assert parse_qs(urlsplit(page.url).query) == {"category": ["科技研发"]}
    categories = page.locator(".months .event-category").all_inner_texts()
    assert categories and set(categories) == {"科技研发"}
    assert shown_keys(page) == listed_keys(api_events(live_server, category="科技研发"))
    feed = page.locator("#feed-url").input_value()
    assert parse_qs(urlsplit(feed).query) == {"year": ["2020"], "category": ["科技研发"]}
    assert page.locator("#webcal-link").get_attribute("href") == "webcal://" + feed.split("://", 1)[1]
    content_type, body = fetch(feed)
    assert content_type.startswith("text/calendar") and body.startswith(b"BEGIN:VCALENDAR")
    assert body.count(b"BEGIN:VEVENT") == 9         # 科技研发's events dated to the day
    # A second chip adds to the selection; clicking a selected one removes it.
    page.get_by_role("link", name="综述").first.click()
    page.wait_for_url("**category=*category=*")
    assert parse_qs(urlsplit(page.url).query) == {"category": ["科技研发", "综述"]}
    page.locator("a.chip.selected", has_text="科技研发").click()
    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query) == {"category": ["综述"]}


def test_search_finds_chinese_substrings(page, live_server):
    page.goto(f"{live_server}/2020")
    page.get_by_label("搜索标题与正文").fill("签约")
    page.get_by_label("搜索标题与正文").press("Enter")
    page.wait_for_url("**q=*")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["签约"]}
    found = api_events(live_server, q="签约")
    assert all("签约" in e["title"] or "签约" in e["body"] for e in found)
    keys = shown_keys(page)
    assert keys and keys == listed_keys(found)
    assert "q=%E7%AD%BE%E7%BA%A6" in page.locator("#feed-url").input_value()


def test_event_page_highlights_its_dates(page, live_server):
    page.goto(f"{live_server}/2020")
    page.get_by_role("link", name="袁家军调研杭州城西科创大走廊").first.click()
    page.wait_for_url("**/events/*")
    mark = page.locator(".body-text mark.date").first
    assert mark.is_visible()
    assert mark.inner_text() == "2020年9月16—17日"
    assert "2020-09-16 至 2020-09-17" in mark.get_attribute("title")
    assert page.locator("h1").inner_text() == "袁家军调研杭州城西科创大走廊"
    ics = page.get_by_role("link", name="下载到日历（.ics）").get_attribute("href")
    content_type, body = fetch(live_server + ics)
    assert content_type.startswith("text/calendar") and b"DTSTART;VALUE=DATE:20200916" in body


def focus_outline(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement, s = getComputedStyle(el);
        return {id: el.id, cls: el.className, tag: el.tagName, text: el.textContent.trim(),
                style: s.outlineStyle, width: parseFloat(s.outlineWidth)};
    }""")


def test_keyboard_reaches_the_filters_with_visible_focus(page, live_server):
    page.goto(f"{live_server}/2020")
    page.keyboard.press("Tab")
    first = focus_outline(page)
    assert "skip-link" in first["cls"] and page.locator(".skip-link").is_visible()
    seen = []
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = focus_outline(page)
        seen.append(focused)
        assert focused["style"] != "none" and focused["width"] >= 2, focused
        if "chip" in str(focused["cls"]):
            break
    assert any(f["id"] == "q" for f in seen), seen
    assert "chip" in str(seen[-1]["cls"]), seen
    page.screenshot(path=str(ARTIFACTS / "keyboard-focus-chip.png"))
    page.keyboard.press("Enter")                     # a chip is a link: Enter selects it
    page.wait_for_url("**category=*")


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots(browser, live_server, width):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN",
                                  device_scale_factor=1)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/2020")
        # Nothing but the picture's own box may scroll sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(ARTIFACTS / f"year-2020-{width}.png"), full_page=True)
        page.get_by_role("link", name="袁家军调研杭州城西科创大走廊").first.click()
        page.wait_for_url("**/events/*")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(ARTIFACTS / f"event-{width}.png"), full_page=True)
    finally:
        context.close()
