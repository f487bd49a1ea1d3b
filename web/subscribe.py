"""The subscribe panel: the feeds of this view, of its category or tag across all years, and
of everything, each with its size, its links for calendar apps and a QR code of its URL."""
from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import quote

import segno

from timeline.store.queries import EventFilter
from web.hosts import site_url
from web.feeds import LARGE_FEED, feed_info
from web.params import feed_path



@dataclass(frozen=True)
class Feed:
    title: str
    path: str
    https: str
    webcal: str
    google: str
    count: int
    size: int                  # bytes, uncompressed (web.feeds.feed_info)
    qr: str                    # data: URI of a PNG QR code of `https`

    @property
    def large(self) -> bool:
        return self.size > LARGE_FEED


def feed(session, flt: EventFilter, title: str, slugs: dict[str, str]) -> Feed:
    slug = slugs.get(flt.categories[0]) if len(flt.categories) == 1 else None
    path = feed_path(flt, slug)
    base = site_url()
    https = base + path
    webcal = "webcal://" + https.split("://", 1)[1]
    info = feed_info(flt)      # from the stored VEVENTs: one aggregate, kept per data version
    qr = segno.make(https, error="m").png_data_uri(scale=3, border=2)
    return Feed(title, path, https, webcal, "https://calendar.google.com/calendar/render?cid=" + quote(webcal, safe=""),
                info.events, info.bytes, qr)


def feeds_for(session, flt: EventFilter, slugs: dict[str, str]) -> list[Feed]:
    """This view; its one category or tag across all years (when it has one); everything."""
    offers = [feed(session, flt, "当前视图", slugs)]
    if flt.year is not None and len(flt.categories) == 1:
        offers.append(feed(session, EventFilter(categories=flt.categories), f"“{flt.categories[0]}”全部年份", slugs))
    if flt.year is not None and len(flt.tags) == 1 and not flt.categories:
        offers.append(feed(session, EventFilter(tags=flt.tags), f"“{flt.tags[0]}”全部年份", slugs))
    if flt != EventFilter():
        offers.append(feed(session, EventFilter(), "全部事件", slugs))
    return offers
