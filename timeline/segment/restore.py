"""Date headings taken back from the page furniture.

Undoing PDF layout lifts out short lines that repeat as running heads. A chronicle of several
years repeats its month headings ("1月" … "12月" under each year heading), and those look
like running heads to a reader that does not know dates; segmentation does, so it takes
back the lifted lines that are date headings (not those naming a chronicle: "2021年大事记"
repeated on every page is a running head).
"""
from __future__ import annotations

from dataclasses import replace

from timeline.segment import vocabulary as v
from timeline.segment.lines import clean_piece, is_date_heading
from timeline.text import Layout, TextLine


def with_date_headings(layout: Layout) -> Layout:
    taken = [r for r in layout.removed if r.kind == "page" and _is_heading(r.text)]
    if not taken:
        return layout
    restored = [_line(layout, r.line) for r in taken]
    lines: list[TextLine] = []
    new_index: list[int] = []         # old line index -> index in the merged lines
    k = 0
    for line in layout.lines:
        while k < len(restored) and restored[k].number < line.number:
            lines.append(restored[k])
            k += 1
        new_index.append(len(lines))
        lines.append(line)
    lines.extend(restored[k:])
    new_index.append(len(lines))
    captions = tuple(replace(c, before=new_index[min(c.before, len(new_index) - 1)]) for c in layout.captions)
    back = {r.line for r in taken}
    removed = tuple(r for r in layout.removed if r.kind != "page" or r.line not in back)
    return replace(layout, lines=tuple(lines), captions=captions, removed=removed)


def _is_heading(text: str) -> bool:
    clean = clean_piece(text.strip(), 0).text
    return not any(name in clean for name in v.CHRONICLE_NAMES) and is_date_heading(clean)


def _line(layout: Layout, number: int) -> TextLine:
    start = layout.index.start(number)
    end = layout.text.find("\n", start)
    raw = layout.text[start:end if end >= 0 else len(layout.text)].rstrip()
    content = raw.lstrip()
    return TextLine(number, start + len(raw) - len(content), content, ends_paragraph=True)
