"""Stable event keys: the same event gets the same key on every ingest of its document."""
from __future__ import annotations

import hashlib
import unicodedata
from datetime import date

from timeline.events.vocabulary import KEY_LENGTH, TITLE_NOISE


def normalised_title(title: str) -> str:
    """Title compared loosely: NFKC, case-folded, without spaces and punctuation."""
    return TITLE_NOISE.sub("", unicodedata.normalize("NFKC", title)).casefold()


def event_key(document: str, category: str, title: str, start: date | None) -> str:
    """A short URL-safe hash (hex) of document, category, normalised title and start date."""
    parts = (document, category, normalised_title(title), start.isoformat() if start else "")
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=KEY_LENGTH // 2)
    return digest.hexdigest()


def unique_keys(keys: list[str]) -> list[str]:
    """Keys made unique in document order: a repeat gets "-2", "-3"… (stable on re-ingest)."""
    seen: dict[str, int] = {}
    unique = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        unique.append(key if seen[key] == 1 else f"{key}-{seen[key]}")
    return unique
