"""Where an entry's text ends its event on a later day: "……开幕，11日闭幕", "……开幕，次日闭幕",
"……至15日结束". One rule for every layout: the events step extends the event's range with
it (timeline.events.extent), and prose keeps such a clause in the event it ends rather than
making it an event of its own (timeline.segment.prose)."""
from __future__ import annotations

from datetime import date

from timeline.dates import DateSpan, Precision, resolve
from timeline.segment import vocabulary as v


def end_of(text: str, mention: DateSpan, event: DateSpan) -> date | None:
    """The day `mention` (a mention in `text`) ends `event` on: a day up to EXTEND_MAX_DAYS
    after the event's end, followed within a few characters by an end word (闭幕, 结束, …) or
    written right after 至/到 (not 截至: as of); a month or 旬 with its year written out up to
    EXTEND_COARSE_MAX_DAYS after, its last day; None when it ends nothing. A day written without its year or
    month is read from the event's date, not from whatever the text mentioned just before
    it ("8日，全镇冬季征兵工作开始，至10日结束": the 10th after the 8th, not after 冬季)."""
    coarse = mention.precision in _COARSE and "年" in mention.text
    if mention.precision != Precision.DAY and not coarse:
        return None
    following = text[mention.span[1]:mention.span[1] + v.END_WORD_REACH + 4]
    ends = any(word in following[:v.END_WORD_REACH + len(word)] for word in v.END_WORDS)
    before = text[max(0, mention.span[0] - 2):mention.span[0]]
    if before in v.AS_OF or not ends and before[-1:] not in v.RANGE_TO:
        return None                          # "截至6月30日" is when a figure was counted
    if coarse:                               # "……起，至2022年2月底结束": its year is written
        last = mention.end
        return last if 0 < (last - event.end).days <= v.EXTEND_COARSE_MAX_DAYS else None
    if mention.relative:
        again = resolve(mention.text, year=event.end.year, previous=event, reference=event.end).mentions
        mention = again[0] if again and again[0].precision == Precision.DAY else mention
    last = _forward(mention, event.end)
    return last if 0 < (last - event.end).days <= v.EXTEND_MAX_DAYS else None


# Ends coarser than a day extend an event only with their year written out: "至2月底" alone
# after a long stretch of text is too often another year's.
_COARSE = (Precision.XUN, Precision.MONTH)
# The events an end may extend: a day, 旬 or month.
EXTENDS = (Precision.DAY, *_COARSE)


def _forward(mention: DateSpan, after: date) -> date:
    """The last day of a mention that ends an event begun by `after`: a day written without
    its month, or a month and day without the year, that the context put before it is in
    the next month or year ("30日 ……开幕，2日闭幕" is the 2nd of the next month; "12月30日
    ……开幕，1月3日闭幕" is January of the next year), when that is close enough."""
    end = mention.end
    if not mention.relative or end > after or "年" in mention.text:
        return end
    if "月" not in mention.text:
        year, month = end.year + end.month // 12, end.month % 12 + 1
    else:
        year, month = end.year + 1, end.month
    try:
        rolled = end.replace(year=year, month=month)
    except ValueError:                      # no such day in that month
        return end
    return rolled if (rolled - after).days <= v.EXTEND_ROLLED_MAX_DAYS else end
