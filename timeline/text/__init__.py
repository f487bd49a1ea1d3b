"""Text handling: decode file bytes, undo page layout, clean text with a map to the original."""
from timeline.text.clean import CleanText, LineIndex, clean_line, join_lines
from timeline.text.layout import Caption, Layout, Removed, TextLine, undo_layout
from timeline.text.read import UnreadableDocument, decode

__all__ = [
    "Caption", "CleanText", "Layout", "LineIndex", "Removed", "TextLine", "UnreadableDocument",
    "clean_line", "decode", "join_lines", "undo_layout",
]
