"""Re-ingesting a changed document, seen by a subscriber: UIDs stay with their entries,
SEQUENCE never goes down, DTSTAMP and ETags move only where the published event changed."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import icalendar
import pytest

from tests.support import ingest_path
from timeline import ical
from timeline.store import matching
from timeline.store.queries import category_slug

from testkit.events import stored
from .test_feeds import T0, Site, document

FIXTURES = Path(__file__).parent / "fixtures"

# Entries of a chronicle-like document: distinct titles, days and texts.
A = stored("a", "区政府召开常务会议研究防汛工作", date(2020, 3, 1), category="综述",
           summary="区政府召开常务会议，研究部署防汛防台工作，要求各乡镇落实责任。")
B = stored("b", "青山湖绿道二期开工", date(2020, 3, 12), category="建设",
           summary="青山湖绿道二期工程开工，全长 8.6 千米，计划年底完工。")
C = stored("c", "科技城与浙江大学签订合作协议", date(2020, 3, 31), category="综述",
           summary="科技城管委会与浙江大学签订战略合作协议，共建联合研究中心。")
D = stored("d", "南苕溪治理工程通过验收", date(2021, 5, 20), category="建设",
           summary="南苕溪综合治理工程通过竣工验收，新增生态护岸 3.2 千米。")


def retitled(s, title, **changes):
    return replace(s, event=replace(s.event, title=title, **changes))


def events_by_uid(body: bytes) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(body).events}


def uid(s) -> str:
    return ical.event_uid(s.event.key)


@pytest.fixture
def site(sqlite_url):
    s = Site(sqlite_url)
    s.ingest(document(A, B, C, D))
    yield s
    s.close()


def feed(site, path="/feeds/all.ics") -> dict[str, icalendar.Event]:
    return events_by_uid(site.client.get(path).data)


def test_delete_and_retitle_in_one_ingest_keeps_each_uid_with_its_entry(site):
    # B is removed and C, right after it, retitled: C must not take B's UID (the old
    # matching fell back to the position, where C now stands).
    site.ingest(document(A, retitled(C, "科技城与浙江大学签署战略合作协议"), D), now=T0 + timedelta(days=1))
    events = feed(site)
    assert uid(B) not in events
    assert str(events[uid(C)]["SUMMARY"]) == "科技城与浙江大学签署战略合作协议"
    assert events[uid(C)].DTSTART == date(2020, 3, 31)
    assert set(events) == {uid(A), uid(C), uid(D)}


def test_insert_and_retitle_in_one_ingest(site):
    new = stored("n", "青山湖科技城举办人才招聘会", date(2020, 3, 5), category="综述",
                 summary="青山湖科技城举办春季人才招聘会，120 家企业提供岗位 3000 余个。")
    site.ingest(document(A, B, new, retitled(C, "科技城与浙大签约共建研究中心"), D),
                now=T0 + timedelta(days=1))
    events = feed(site)
    # The retitled entry keeps its UID and its day; the inserted one has a UID of its own.
    assert events[uid(C)].DTSTART == date(2020, 3, 31)
    assert str(events[uid(C)]["SUMMARY"]) == "科技城与浙大签约共建研究中心"
    (inserted,) = set(events) - {uid(A), uid(B), uid(C), uid(D)}
    assert events[inserted].DTSTART == date(2020, 3, 5)


def test_a_redated_entry_keeps_its_uid_and_raises_sequence(site):
    site.ingest(document(A, B, retitled(C, C.event.title, primary=replace(
        C.event.primary, start=date(2020, 3, 30), end=date(2020, 3, 30))), D), now=T0 + timedelta(days=1))
    event = feed(site)[uid(C)]
    assert event.DTSTART == date(2020, 3, 30) and event["SEQUENCE"] == 1
    assert event.DTSTAMP == T0 + timedelta(days=1)


def test_an_ambiguous_entry_is_new_and_the_old_events_are_removed(site):
    twin1 = stored("t1", "召开第一次联席会议", date(2020, 6, 1), category="综述",
                   summary="召开第一次联席会议，传达学习上级会议精神，研究部署下一阶段工作。")
    twin2 = stored("t2", "召开第二次联席会议", date(2020, 6, 1), category="综述",
                   summary="召开第二次联席会议，传达学习上级会议精神，研究部署下一阶段工作。")
    site.ingest(document(A, twin1, twin2), now=T0 + timedelta(days=1))
    # Both gone and one entry in their place, as close to one as to the other: neither
    # UID may pass to it.
    merged = stored("m", "召开第三次联席会议", date(2020, 6, 1), category="综述",
                    summary="召开第三次联席会议，传达学习上级会议精神，研究部署下一阶段工作。")
    site.ingest(document(A, merged), now=T0 + timedelta(days=2))
    events = feed(site)
    assert uid(twin1) not in events and uid(twin2) not in events
    (new_uid,) = set(events) - {uid(A)}
    assert str(events[new_uid]["SUMMARY"]) == "召开第三次联席会议"
    assert events[new_uid]["SEQUENCE"] == 0


def test_a_removed_then_restored_event_goes_on_from_its_published_sequence(site):
    later = T0 + timedelta(days=1)
    moved = retitled(B, B.event.title, primary=replace(B.event.primary, start=date(2020, 3, 13),
                                                       end=date(2020, 3, 13)))
    site.ingest(document(A, moved, C, D), now=later)
    assert feed(site)[uid(B)]["SEQUENCE"] == 1
    site.ingest(document(A, C, D), now=later + timedelta(days=1))          # removed
    assert uid(B) not in feed(site)
    site.ingest(document(A, moved, C, D), now=later + timedelta(days=2))   # restored
    event = feed(site)[uid(B)]
    assert event["SEQUENCE"] == 2 and event.DTSTAMP == later + timedelta(days=2)
    site.ingest(document(A, B, C, D), now=later + timedelta(days=3))       # and its date back
    assert feed(site)[uid(B)]["SEQUENCE"] == 3


def test_a_one_character_edit_changes_that_event_and_the_feeds_holding_it_only(site):
    paths = ["/feeds/all.ics", "/feeds/2020.ics", "/feeds/2021.ics", "/calendar.ics?q=协议",
             "/calendar.ics?q=验收"]
    with site.sessions() as session:
        paths += [f"/feeds/category/{category_slug(session, name)}.ics" for name in ("综述", "建设")]
    before = {p: site.client.get(p) for p in paths}
    edited = retitled(A, A.event.title.replace("研究", "部署"))      # one character
    site.ingest(document(edited, B, C, D), now=T0 + timedelta(days=1))
    after = {p: site.client.get(p) for p in paths}
    holding = {"/feeds/all.ics", "/feeds/2020.ics", paths[-2]}         # A: 2020, 综述
    for p in paths:
        changed = after[p].headers["ETag"] != before[p].headers["ETag"]
        assert changed == (p in holding), p
        if not changed:
            assert after[p].data == before[p].data
            assert site.client.get(p, headers={"If-None-Match": before[p].headers["ETag"]}).status_code == 304
    old, new = events_by_uid(before["/feeds/all.ics"].data), events_by_uid(after["/feeds/all.ics"].data)
    stamps = {u: (old[u].DTSTAMP, new[u].DTSTAMP) for u in old}
    assert stamps.pop(uid(A)) == (T0, T0 + timedelta(days=1))
    assert all(b == a == T0 for a, b in stamps.values())
    assert new[uid(A)]["SEQUENCE"] == 1    # the title is part of the schedule


def test_moved_offsets_and_lines_do_not_restamp_anything(store, tmp_path):
    """The real pipeline: a title edited by two characters near the top of a document
    moves every later entry's character offsets; only the edited event is re-stamped."""
    source = (FIXTURES / "tricky-chronicle.txt").read_text(encoding="utf-8")
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(source, encoding="utf-8")
    second.write_text(source.replace("学生三千余人", "学生约三千余人"), encoding="utf-8")
    ingest_path(store, first, name="tricky", now=T0)
    report = ingest_path(store, second, name="tricky", now=T0 + timedelta(days=1))
    assert report.updated >= 1 and report.added == report.removed == 0
    with store() as session:
        from timeline.store.queries import list_events

        stamps = {s.event.key: (s.updated_at, s.sequence, s.event.body) for s in list_events(session)}
    restamped = {k for k, (stamp, _, _) in stamps.items() if stamp != T0}
    assert len(restamped) == 1
    (key,) = restamped
    assert "约三千余人" in stamps[key][2]


def test_matching_never_pairs_by_position():
    old = [matching.Entry.of(k, t, None, x) for k, t, x in [
        ("k1", "甲事件", "完全不同的第一段文字内容"), ("k2", "乙事件", "另一段毫不相干的叙述")]]
    new = [matching.Entry.of("k3", "丙事件", None, "第三段全新的记录文本"),
           matching.Entry.of("k4", "丁事件", None, "第四段崭新的叙述材料")]
    assert matching.match(new, old) == {}


def test_fresh_keys_never_take_a_stored_or_published_key():
    in_use = {"abc", "abc-2"}.__contains__
    assert matching.fresh_key("xyz", in_use, lambda k: True) == "xyz"      # restore: its own key
    assert matching.fresh_key("abc", in_use, {"abc-3"}.__contains__) == "abc-4"


def test_upgrade_makes_missing_vevents_again_without_restamping(site, sqlite_url):
    """As after migration b3f1c9a7d2e5 on a database with events (or an upgrade of the
    renderer): `timeline db upgrade` makes the VEVENTs again; what was published stays."""
    from timeline.store import db

    before = site.client.get("/feeds/all.ics").data
    with site.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE events SET ics = NULL, ics_digest = NULL, ics_format = NULL")
        conn.exec_driver_sql("UPDATE published_events SET content = NULL, schedule = NULL")
    db.upgrade(sqlite_url)
    with site.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM events WHERE ics_format IS NULL").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM published_events WHERE content IS NULL").scalar() == 0
    site.app.extensions["timeline.feedcache"].validators = type(site.app.extensions["timeline.feedcache"].validators)()
    assert site.client.get("/feeds/all.ics").data == before
