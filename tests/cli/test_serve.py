"""`timeline serve`, the development server of the README's first command, over real HTTP."""
from __future__ import annotations

import json
import socket
from urllib.parse import quote, urlsplit
from urllib.request import urlopen


def _raw_get(base: str, target: bytes) -> dict:
    """GET with the request line's bytes exactly as given (urllib would percent-encode)."""
    where = urlsplit(base)
    with socket.create_connection((where.hostname, where.port), timeout=10) as s:
        s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: " + where.netloc.encode()
                  + b"\r\nConnection: close\r\n\r\n")
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head
    return json.loads(body)


def test_a_query_sent_as_raw_utf8_finds_what_the_percent_encoded_one_finds(live_server):
    # curl and scripts send "?q=科技" unencoded; browsers encode it: the same answer either way
    word = "科技"
    with urlopen(f"{live_server}/api/events?q={quote(word)}") as reply:
        encoded = json.load(reply)
    raw = _raw_get(live_server, f"/api/events?q={word}".encode("utf-8"))
    assert encoded["count"] > 0
    assert raw["count"] == encoded["count"]
    assert [e["title"] for e in raw["events"]] == [e["title"] for e in encoded["events"]]
