"""Every way rows reach the search indexes gives the same answers: documents loaded at once
(new events inserted in bulk, one executemany per table) and documents built up over several
ingests (rows inserted a few at a time, updated in place by the ORM, removed) answer every
search with exactly the events whose title or body holds the word, on both databases."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from testkit.corpus import CATEGORIES, Maker
from timeline.events.model import ParsedDocument
from timeline.store.ingest import store_document
from timeline.store.queries import EventFilter, list_events

T0 = datetime(2021, 1, 1, tzinfo=timezone.utc)
FINAL = [Maker(7).document(2020, category, 12) for category in CATEGORIES[:3]]


def drafts(final: ParsedDocument) -> list[ParsedDocument]:
    """Versions of `final` on the way to it: the first with the first four events in other
    words and two events that later go, then eight events (four bodies corrected), then all."""
    events = final.events
    changed = tuple(replace(e, body=f"草稿{i}：{e.body[::-1]}", summary=f"草稿{i}。") for i, e in enumerate(events[:4]))
    gone = tuple(replace(e, key=f"{e.key}-gone", title=f"撤回条目{i}", body=f"暂缓发布的旧稿第{i}号，另行通知。",
                         position=20 + i) for i, e in enumerate(events[4:6]))
    return [replace(final, events=changed + gone), replace(final, events=events[:8]), final]


def load(store, how: str) -> None:
    for final in FINAL:
        versions = [final] if how == "bulk" else drafts(final)
        for n, version in enumerate(versions):
            with store.begin() as session:
                store_document(session, version, path=f"{final.name}.txt", sha256=str(n),
                               now=T0 + timedelta(minutes=n))


def words(texts: list[str]) -> list[str]:
    """Every character of the texts and a sample of their 2-, 3- and 4-character substrings,
    with words of the drafts that no final text holds."""
    rng = random.Random(13)
    chosen = {c for t in texts for c in t if not c.isspace()}
    for n, k in ((2, 150), (3, 100), (4, 50)):
        grams = sorted({t[i:i + n] for t in texts for i in range(len(t) - n + 1)} - {""})
        chosen |= {g for g in rng.sample(grams, min(k, len(grams))) if g.split() == [g]}
    return sorted(chosen | {"草稿", "撤回", "旧稿第", "另行通知", "稿"})


@pytest.mark.parametrize("how", ["bulk", "row by row"])
def test_every_search_finds_exactly_the_holders(store, how):
    load(store, how)
    texts = {e.key: f"{e.title} {e.body}".lower() for d in FINAL for e in d.events}
    with store() as session:
        assert sorted(e.event.key for e in list_events(session)) == sorted(texts)
        for word in words(list(texts.values())):
            found = sorted(e.event.key for e in list_events(session, EventFilter(q=word)))
            assert found == sorted(k for k, t in texts.items() if word.lower() in t), word
