"""The test documents, read and laid out once per test module that asks."""
from __future__ import annotations

from pathlib import Path

from tests.support import FIXTURES, SEED
from timeline.segment import segment_document, segment_yearbook
from timeline.text import Layout, decode, undo_layout

YEARBOOK_2019 = FIXTURES / "yearbook-2019.txt"
CHRONICLE_2021 = FIXTURES / "chronicle-2021.txt"


def layout_of(path: Path) -> Layout:
    return undo_layout(decode(path.read_bytes(), name=path.stem))


def yearbook(path: Path = SEED):
    return segment_yearbook(layout_of(path), default_category="综述")


def chronicle(path: Path = CHRONICLE_2021, **options):
    return segment_document(layout_of(path), category="大事记", **options)


def segmented(text: str, **options):
    """A document given as text, segmented as the pipeline does."""
    return segment_document(undo_layout(text), **options)
