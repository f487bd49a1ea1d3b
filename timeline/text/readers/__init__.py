"""One reader per format: bytes (or decoded text) -> the document's text."""
