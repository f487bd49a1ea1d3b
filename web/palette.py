"""Category colours: one colour per category of the collection, the same in the chart, the
list, the chips and the legend (CSS classes cat-N, served as /palette.css).

A category's index is its place in the collection (queries.category_names: the order
categories first appeared), so its colour never depends on the year or the filter shown.
"""
from __future__ import annotations

import colorsys

from flask import Blueprint, Response, request

# Hand-picked to stay apart from one another and to read on white (3:1 or more as marks).
PALETTE = (
    "#b8321e", "#1f5f8b", "#2f7d32", "#a0600a", "#6a3d9a", "#0f7c7c", "#c2185b", "#5d6d1e",
    "#3949ab", "#d35400", "#795548", "#0288d1", "#558b2f", "#ad1457", "#37474f", "#b7791f",
)
OTHER = "#8a8a8a"          # "其他": categories folded together in the chart
GOLDEN_ANGLE = 137.508     # degrees: successive hues as far apart as possible


def colour(index: int) -> str:
    """The colour of the category at `index`; past the table, hues spread by the golden angle."""
    if index < len(PALETTE):
        return PALETTE[index]
    hue = (index * GOLDEN_ANGLE) % 360 / 360
    lightness = 0.34 if index % 2 else 0.42           # alternate, so neighbours in hue differ
    r, g, b = colorsys.hls_to_rgb(hue, lightness, 0.62)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def stylesheet(count: int) -> str:
    """The cat-N classes for `count` categories (at least the table's), and cat-other."""
    rules = [f".cat-{i}{{--cat:{colour(i)}}}" for i in range(max(count, len(PALETTE)))]
    return "\n".join(rules + [f".cat-other{{--cat:{OTHER}}}", ""])


bp = Blueprint("palette", __name__)


@bp.get("/palette.css")
def palette_css():
    """?n= categories; the pages put the collection's count in the URL, so a new category
    gives a new URL and the long cache never serves too few classes."""
    n = request.args.get("n", "")
    count = min(int(n), 1000) if n.isascii() and n.isdigit() else 0
    response = Response(stylesheet(count), content_type="text/css; charset=utf-8")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
