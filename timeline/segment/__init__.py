"""Segmentation: a document's cleaned lines -> entries (yearbook 【entries】 or chronicle days)."""
from timeline.segment.chronicle import segment_chronicle
from timeline.segment.detect import detect_layout, infer_year
from timeline.segment.entry import Entry, Segmentation
from timeline.segment.yearbook import segment_yearbook

__all__ = ["Entry", "Segmentation", "detect_layout", "infer_year", "segment_chronicle",
           "segment_yearbook"]
