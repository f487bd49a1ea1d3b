"""`list_timeline`, the light query of the year page, against `list_events`."""
from __future__ import annotations

from dataclasses import fields

import pytest

from timeline.events.model import EventHeading, ListedEvent
from timeline.store import db
from timeline.store.queries import EventFilter, list_events, list_timeline


@pytest.mark.parametrize("flt", [EventFilter(), EventFilter(year=2020), EventFilter(year=2020, q="签约"),
                                 EventFilter(categories=("产业发展",), tags=("签约",))])
def test_same_events_in_the_same_order_without_their_text(handmade_url, flt):
    engine = db.make_engine(handmade_url)
    with db.make_sessionmaker(engine)() as session:
        full, light = list_events(session, flt), list_timeline(session, flt)
    engine.dispose()
    assert full
    heading = [f.name for f in fields(EventHeading)]
    assert [ListedEvent(id=s.id, event=EventHeading(**{name: getattr(s.event, name) for name in heading}),
                        document=s.document, sequence=s.sequence, updated_at=s.updated_at) for s in full] == light
    assert not any(hasattr(s.event, "body") for s in light)   # not read, not faked as ""
