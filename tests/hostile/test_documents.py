"""Documents that once took the site down or that one database refused: far dates, long
names, control characters. Each is fitted with a warning, stored the same on both
databases, and every page, feed and export of it answers."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from tests.hostile.conftest import write
from tests.hostile.documents import FAR_DATES, LONG_AND_NUL, LONG_CATEGORY, LONG_TITLE
from timeline.events import limits
from timeline.store import db
from timeline.store.models import Category, Document, EventRow


def rows(url: str) -> list[EventRow]:
    engine = db.make_engine(url)
    try:
        with db.make_sessionmaker(engine)() as session:
            return list(session.scalars(select(EventRow).order_by(EventRow.position)))
    finally:
        engine.dispose()


def every_url(client, keys) -> dict[str, int]:
    paths = ["/", "/2021", "/feeds/all.ics", "/feeds/2021.ics", "/calendar.ics?q=日期", "/api/events",
             "/api/categories"]
    for key in keys:
        paths += [f"/events/{key}", f"/events/{key}.ics"]
    return {path: client.get(path).status_code for path in paths}


def test_far_dates_are_warned_about_and_never_stored(timeline, tmp_path):
    result = timeline("ingest", write(tmp_path / "far-2021.txt", FAR_DATES))
    assert result.exit_code == 0, result.output
    assert "date 9999-12-31 outside the supported years 1000–2200" in result.output
    assert "date 0001-01-01 outside the supported years 1000–2200" in result.output
    stored = rows(timeline.url)
    assert [r.title for r in stored] == ["城东污水处理厂试运行", "占位日期", "公元元年"]
    assert [r.start_date for r in stored][1:] == [None, None]       # the events stay, undated
    dates = [m["start"] for r in stored for m in r.mentions] + [m["end"] for r in stored for m in r.mentions]
    assert dates and all(limits.FIRST_YEAR <= int(d[:4]) <= limits.LAST_YEAR for d in dates)

    client = timeline.app().test_client()
    answers = every_url(client, [r.key for r in stored])
    assert answers.pop("/") == 302
    undated = {f"/events/{r.key}.ics" for r in stored if r.start_date is None}
    assert {p: s for p, s in answers.items() if p in undated} == {p: 404 for p in undated}
    assert set(s for p, s in answers.items() if p not in undated) == {200}, answers
    exported = timeline("export", "--format", "ics")
    assert exported.exit_code == 0 and b"BEGIN:VCALENDAR" in exported.stdout_bytes


def test_a_database_filled_before_validation_still_serves(timeline, tmp_path):
    """Rows already holding 9999-12-31 and 0001-01-01 (stored by an older version): pages,
    feeds and export leave those dates out instead of failing."""
    assert timeline("ingest", write(tmp_path / "good-2021.txt", FAR_DATES)).exit_code == 0
    engine = db.make_engine(timeline.url)
    with engine.begin() as conn:
        for title, day in (("占位日期", "9999-12-31"), ("公元元年", "0001-01-01")):
            primary = {"text": day, "span": [0, 0], "start": day, "end": day, "precision": "day"}
            conn.execute(EventRow.__table__.update().where(EventRow.title == title).values(
                start_date=date.fromisoformat(day), end_date=date.fromisoformat(day), year=int(day[:4]),
                primary=primary))
    engine.dispose()
    client = timeline.app().test_client()
    assert client.get("/").headers["Location"].endswith("/2021")
    for path in ("/9999", "/1"):
        response = client.get(path)
        assert response.status_code == 400 and "year" in response.get_data(as_text=True)
    keys = [r.key for r in rows(timeline.url)]
    answers = every_url(client, keys)
    answers.pop("/")
    far = {f"/events/{r.key}.ics" for r in rows(timeline.url) if r.year in (1, 9999)}
    assert len(far) == 2 and {answers.pop(p) for p in far} == {404}
    assert set(answers.values()) == {200}, answers
    feed = client.get("/feeds/all.ics").get_data(as_text=True)
    assert "占位日期" not in feed and "公元元年" not in feed and "城东污水处理厂试运行" in feed
    assert timeline("export", "--format", "ics").exit_code == 0


def test_long_names_and_control_characters_are_fitted_the_same_on_both(timeline, tmp_path):
    long_name = "城东区" * 80                                       # 240 characters
    result = timeline("ingest", write(tmp_path / "x.txt", LONG_AND_NUL), "--category", LONG_CATEGORY,
                      "--name", long_name)
    assert result.exit_code == 0, result.output
    for message in ("title shortened to 500 characters", "category shortened to 100 characters",
                    "document name shortened to 200 characters", "control characters removed from the text"):
        assert message in result.output
    stored = rows(timeline.url)
    assert len(stored) == 3
    title = stored[0].title
    assert len(title) == limits.MAX_TITLE and title.endswith("…") and LONG_TITLE.startswith(title[:-1])
    assert stored[1].title == "城东污水处理厂试运行"
    for row in stored:
        assert not limits.CONTROL.search(row.body + row.title + row.summary)
        for mention in row.mentions:           # spans still index the cleaned body
            start, end = mention["span"]
            assert row.body[start:end] == mention["text"]
    engine = db.make_engine(timeline.url)
    with db.make_sessionmaker(engine)() as session:
        assert [len(n) for n in session.scalars(select(Category.name))] == [limits.MAX_CATEGORY]
        assert len(session.scalar(select(Document.name))) == limits.MAX_DOCUMENT_NAME
        slug = session.scalar(select(Category.slug))
        assert len(slug) <= limits.MAX_CATEGORY_SLUG and slug.isascii()
    engine.dispose()
    again = timeline("ingest", write(tmp_path / "x.txt", LONG_AND_NUL), "--category", LONG_CATEGORY,
                     "--name", long_name)
    assert "0 added, 0 updated, 0 removed, 3 unchanged" in again.output      # same document, same rows
    client = timeline.app().test_client()
    assert set(every_url(client, [r.key for r in stored]).values()) <= {200, 302}
