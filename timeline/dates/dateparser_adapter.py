"""The one door to dateparser, with its settings pinned.

dateparser is right for complete numeric notations ("2020-09-16", "2020/9/16", "2020.9.16")
and for free-form user input, and wrong for Chinese running text: it reads
"2020 年 9 月 16—17 日" as "17 days ago" and "9 月 16 日" as "9 months 16 days ago". So the
grammar finds the notation itself and hands over only the matched string, and nothing here
is relative to the wall clock: the base date is an argument, never "now".

dateparser is imported on first use: it takes a noticeable time to import and most callers
of `timeline.dates` never need it.
"""
from __future__ import annotations

import warnings
from datetime import date, datetime

LANGUAGES = ["zh", "en"]
# A fixed base: with PREFER_DATES_FROM and PREFER_DAY_OF_MONTH pinned, a complete date never
# depends on it; it only stops dateparser from reading the clock.
_DEFAULT_BASE = datetime(2000, 1, 1)


def _settings(base: datetime, *, numeric: bool) -> dict:
    return {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RELATIVE_BASE": base,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "YMD",
        "STRICT_PARSING": numeric,        # "2020/9/16" must give all of y/m/d or nothing
        "REQUIRE_PARTS": ["year", "month"],
        "PARSERS": ["absolute-time"] if numeric else ["absolute-time", "custom-formats"],
    }


def _parse(text: str, settings: dict) -> datetime | None:
    import dateparser

    # dateparser 1.x still calls some deprecated stdlib/regex APIs on a few inputs; those
    # warnings are about its code, not ours, and the test suite turns warnings into errors.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return dateparser.parse(text, languages=LANGUAGES, settings=settings)


def parse_numeric(text: str, reference: date | None = None) -> date | None:
    """A complete numeric date ("2020/9/16") -> date, or None if it is not a real day."""
    base = datetime.combine(reference, datetime.min.time()) if reference else _DEFAULT_BASE
    result = _parse(text, _settings(base, numeric=True))
    return result.date() if result else None


def parse_free(text: str, reference: date | None = None) -> date | None:
    """Free-form user input ("16 September 2020", "2020-9") -> date, or None.

    Words relative to now ("明天", "3 days ago") are refused: with no reference they would
    silently mean the pinned base.
    """
    base = datetime.combine(reference, datetime.min.time()) if reference else _DEFAULT_BASE
    result = _parse(text, _settings(base, numeric=False))
    return result.date() if result else None
