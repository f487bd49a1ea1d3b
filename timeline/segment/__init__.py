"""Segmentation: a document's lines -> entries with the date context they are read in.

`segment_document` surveys the lines, chooses the layout (vocabulary.LAYOUTS) and segments
accordingly: 【entries】 of a yearbook, dated entries of a chronicle, dated sentences of prose.
"""
from timeline.segment.chronicle import segment_dated
from timeline.segment.context import DateContext, from_context, whole_year
from timeline.segment.detect import survey
from timeline.segment.document import segment_document
from timeline.segment.entry import Entry, Segmentation
from timeline.segment.yearbook import segment_yearbook

__all__ = ["DateContext", "Entry", "Segmentation", "from_context", "segment_dated",
           "segment_document", "segment_yearbook", "survey", "whole_year"]
