"""axe-core (npm, tests/browser/js) injected by Playwright: no violations on any kind of page."""
from __future__ import annotations

import pytest

from tests.browser.test_timeline import SIZES, open_page

pytestmark = pytest.mark.browser

PAGES = {
    "year": "/2020",
    "year-filtered": "/2020?category=科技研发&q=签约",
    "event": None,                      # the first event of the year, found on the page
    "search": "/search?q=青山湖 签约",
    "category": "/category/ke-ji-yan-fa",
    "tag": "/tag/签约",
    "error": "/2020?category=没有这个分类",
    "not-found": "/no/such/page",
}


def violations(page, axe_source: str) -> list[str]:
    # Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays on.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})" for v in result["violations"]]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(browser, live_server, axe_source, name, size):
    context, page, _ = open_page(browser, *SIZES[size])
    try:
        path = PAGES[name]
        if path is None:
            page.goto(f"{live_server}/2020")
            path = page.locator(".results a.ev-title").first.get_attribute("href")
        page.goto(live_server + path)
        assert violations(page, axe_source) == []
        # With the filter bar's menus open too (the subscribe panel's QR codes and links).
        for summary in page.locator("details.menu > summary").all()[-2:]:
            summary.click()
            assert violations(page, axe_source) == []
    finally:
        context.close()


def test_no_axe_violations_on_the_busy_year(browser, big_server, axe_source):
    context, page, _ = open_page(browser, *SIZES["desktop"])
    try:
        page.goto(f"{big_server}/2020?page=2")
        assert violations(page, axe_source) == []
    finally:
        context.close()
