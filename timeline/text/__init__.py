"""Text handling: read a document's bytes in any accepted format, undo page layout, clean
text with a map to the original."""
from timeline.text.clean import CleanText, LineIndex, clean_line, join_lines
from timeline.text.layout import Caption, Layout, Removed, TextLine, undo_layout
from timeline.text.read import UnreadableDocument, decode
from timeline.text.source import SourceText, read_source

__all__ = [
    "Caption", "CleanText", "Layout", "LineIndex", "Removed", "SourceText", "TextLine",
    "UnreadableDocument", "clean_line", "decode", "join_lines", "read_source", "undo_layout",
]
