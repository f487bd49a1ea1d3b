"""Cleaned text with a map back to the original: join wrapped lines, drop layout spaces.

PDF extraction puts spaces between Chinese characters ("签 约 仪 式") and around numbers
("2020 年 9 月 16 —17 日"); they are dropped. Spaces between two Latin words or numbers
("Link Park", "Andrea Bascucci") are real and kept, as one space.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

from timeline.text.patterns import SPACES

_SPACE_RUN = re.compile(f"[{SPACES}]+")
_NEWLINE = re.compile("\n")


# Offsets are held as machine integers: a document's text is at most tens of millions of
# characters, and a Python int per character cost four times the text itself in memory.
OFFSETS = "i"


@dataclass(frozen=True, slots=True, eq=False)
class CleanText:
    """`text` and, for every character of it, its offset in the original document."""

    text: str
    # One offset per character: array(OFFSETS), or a range where the characters stand side
    # by side in the original (most lines: no layout space dropped), which costs nothing
    # to make and slices as a range. Both index, slice, iterate and extend an array alike.
    origins: array | range

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CleanText):
            return NotImplemented
        return self.text == other.text and (self.origins == other.origins
                                            or list(self.origins) == list(other.origins))

    def origin(self, index: int) -> int:
        """The original offset of text[index]; past the end, just after the last character."""
        if index < len(self.origins):
            return self.origins[index]
        return self.origins[-1] + 1 if self.origins else 0

    def slice(self, start: int, end: int | None = None) -> CleanText:
        end = len(self.text) if end is None else end
        return CleanText(self.text[start:end], self.origins[start:end])

    def strip(self, chars: str | None = None) -> CleanText:
        stripped = self.text.lstrip(chars)
        start = len(self.text) - len(stripped)
        end = start + len(stripped.rstrip(chars))
        return self if (start, end) == (0, len(self.text)) else self.slice(start, end)

    def __len__(self) -> int:
        return len(self.text)


def is_latin(ch: str) -> bool:
    """ASCII letters and digits: the characters between which a space is a real space."""
    return ch.isascii() and ch.isalnum()


def clean_line(text: str, offset: int) -> CleanText:
    """One line without layout spaces; `offset` is where `text` starts in the original."""
    if _SPACE_RUN.search(text) is None:       # most lines of Chinese text: as they are
        return CleanText(text, range(offset, offset + len(text)))
    chars: list[str] = []
    origins = array(OFFSETS)
    kept = 0                                  # end of the text copied so far
    for run in _SPACE_RUN.finditer(text):
        chars.append(text[kept:run.start()])
        origins.extend(range(offset + kept, offset + run.start()))
        left = text[run.start() - 1] if run.start() else ""
        right = text[run.end()] if run.end() < len(text) else ""
        if origins and is_latin(left) and is_latin(right):
            chars.append(" ")
            origins.append(offset + run.start())
        kept = run.end()
    chars.append(text[kept:])
    origins.extend(range(offset + kept, offset + len(text)))
    return CleanText("".join(chars), origins)


def join_lines(lines: Iterable[tuple[str, int, bool]]) -> CleanText:
    """Wrapped lines -> one text. Each line is (text, offset, ends_paragraph): a paragraph
    end becomes "\\n"; a wrap between two Latin words becomes a space; any other wrap
    vanishes (Chinese text wraps anywhere, without a hyphen, numbers too)."""
    chars: list[str] = []
    origins = array(OFFSETS)
    paragraph_end = False
    for text, offset, ends_paragraph in lines:
        piece = clean_line(text, offset)
        if not piece.text:
            continue
        if chars:
            if paragraph_end:
                chars.append("\n")
                origins.append(origins[-1] + 1)
            elif is_latin(chars[-1]) and is_latin(piece.text[0]) and not (
                    chars[-1].isdigit() and piece.text[0].isdigit()):    # "成立1\n00周年" is one number
                chars.append(" ")
                origins.append(origins[-1] + 1)
        chars.extend(piece.text)
        origins.extend(piece.origins)
        paragraph_end = ends_paragraph
    return CleanText("".join(chars), origins)


class LineIndex:
    """Original offsets -> 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in _NEWLINE.finditer(text))    # per line, not per character

    def line(self, offset: int) -> int:
        return bisect_right(self._starts, offset)

    def start(self, line: int) -> int:
        return self._starts[line - 1]
