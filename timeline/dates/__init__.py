"""Chinese date resolution: text -> DateSpans with their context filled in.

Pure: no I/O, no database, no clock. `resolve` finds every mention in a text;
`label` writes a mention in Chinese; `calendar_in_force` says which calendar follows a
mention; `may_open` says cheaply whether a text can open with a date; `parse_user_date`
reads one free-form date a user typed.
"""
from __future__ import annotations

from datetime import date

from .families import MASTER, RULES
from .label import label
from .resolver import calendar_in_force, date_starts, resolve
from .span import CalendarKind, DateSpan, DateWarning, Open, PartOfDay, Precision, Resolution

__all__ = [
    "CalendarKind", "DateSpan", "DateWarning", "Open", "PartOfDay", "Precision", "Resolution",
    "calendar_in_force", "date_starts", "label", "may_open", "parse_user_date", "resolve",
]


def may_open(text: str) -> bool:
    """Whether a date expression may start at the start of `text`: the grammar's own master
    regex matches there (no meaning is made, so it costs a regex match). When False,
    `resolve(text)` finds no mention or warning at position 0; when True, resolve it.
    (The last answer is kept: a line is asked about as it stands and cleaned, mostly the
    same text.)

    Whether some family matches does not depend on the order they are tried in, so the
    commonest one, "point", is tried alone first (where it matches, the master does too):
    the master tries twenty families before it."""
    global _last_asked
    asked, answer = _last_asked
    if text != asked:
        answer = RULES["point"].regex.match(text) is not None or MASTER.match(text) is not None
        _last_asked = (text, answer)
    return answer


_last_asked: tuple[str, bool] = ("", False)


def parse_user_date(text: str, *, reference: date | None = None) -> DateSpan | None:
    """One date a user typed ("2020年9月", "2020-09-01", "2020/9/16") -> DateSpan or None.

    The Chinese grammar first (it knows 年/月/日 and precision); dateparser only when the
    grammar finds nothing, and only for a complete date. None when nothing sensible.
    """
    text = text.strip()
    if not text:
        return None
    found = resolve(text, reference=reference)
    if found.mentions:
        return found.mentions[0]
    if found.warnings:
        # The grammar knows this shape and it is impossible ("2020-13-01"): dateparser would
        # guess another day (2020-01-13), which is exactly what must not happen.
        return None
    from .dateparser_adapter import parse_free

    day = parse_free(text, reference)
    if day is None:
        return None
    return DateSpan(text, (0, len(text)), day, day, Precision.DAY)
