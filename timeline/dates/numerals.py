"""Numbers as dates write them: Arabic, full-width and Chinese numerals -> int."""
from __future__ import annotations

from .tables import CHINESE_DIGITS, CHINESE_UNITS, FULLWIDTH_DIGITS, LAYOUT_SPACE

_TO_ASCII = str.maketrans(FULLWIDTH_DIGITS, "0123456789", LAYOUT_SPACE)


def to_int(text: str) -> int | None:
    """"2020", "２０２０", "二〇二〇", "十六", "廿三", "两千零四" -> int; None if not a number.

    Digit strings without units ("二〇二〇", "九七") read positionally, as years are written.
    """
    s = text.translate(_TO_ASCII)
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if all(ch in CHINESE_DIGITS for ch in s):
        value = 0
        for ch in s:
            value = value * 10 + CHINESE_DIGITS[ch]
        return value
    return _with_units(s)


def _with_units(s: str) -> int | None:
    total, digit = 0, None
    for ch in s:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        elif ch in CHINESE_UNITS:
            unit = CHINESE_UNITS[ch]
            if ch in "廿卅":          # 廿 = 二十, 卅 = 三十: a tens digit on their own
                total += unit
            else:
                total += (1 if digit is None else digit) * unit
            digit = None
        elif ch.isdigit() and ch.isascii():  # "初8", "农历8月"
            digit = (digit or 0) * 10 + int(ch)
        else:
            return None
    return total + (digit or 0)
