"""Where the site is, without trusting the request's Host header.

- A request whose Host header is malformed gets 400 before the app sees it (the header
  would otherwise reach URL building and end in a 500).
- Absolute links (feeds' URLs, subscribe links) come from BASE_URL when it is configured,
  else from the address the server is bound to: the local end of the client's connection,
  never the Host header, so a client cannot make the service link elsewhere, and a cached
  response is the same whatever Host it was asked with (no `Vary: Host` is needed).
- A malformed BASE_URL stops the app at start-up with a message naming it.
"""
from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from flask import Flask, request

from web.security import HEADERS

# RFC 3986 reg-name as DNS uses it: labels of letters, digits and hyphens, dot-separated.
_NAME = re.compile(r"(?=.{1,253}\.?$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                   r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?")
_PORT = re.compile(r"[0-9]{1,5}")


class ConfigError(ValueError):
    """A setting the app cannot start with."""


def valid_host(host: str) -> bool:
    """Whether `host` is a host name, an IPv4 address or a bracketed IPv6 address, with an
    optional port (1-65535): the forms a Host header or a URL's authority may take."""
    name, port = host, None
    if host.startswith("["):
        end = host.find("]")
        if end < 0:
            return False
        name, rest = host[1:end], host[end + 1:]
        if rest:
            if not rest.startswith(":"):
                return False
            port = rest[1:]
        try:
            ipaddress.IPv6Address(name)
        except ValueError:
            return False
    else:
        if host.count(":") == 1:
            name, port = host.split(":")
        if not _NAME.fullmatch(name):
            return False
    return port is None or (bool(_PORT.fullmatch(port)) and 1 <= int(port) <= 65535)


def checked_base_url(value: str, setting: str = "TIMELINE_BASE_URL") -> str:
    """`value` without its trailing slash; ConfigError unless an absolute http(s) URL with a
    valid host and no query or fragment."""
    try:
        parts = urlsplit(value)
        ok = (parts.scheme in ("http", "https") and valid_host(parts.netloc) and not parts.query
              and not parts.fragment and not any(c.isspace() or ord(c) < 0x20 for c in value))
    except ValueError:
        ok = False
    if not ok:
        raise ConfigError(f"{setting} must be an absolute http(s) URL such as https://timeline.example.org "
                          f"(a path is allowed, no query): got {value!r}")
    return value.rstrip("/")


def bound_base_url() -> str:
    """scheme://address:port of the server end of this request's connection (gunicorn and
    the development server hand the socket over; otherwise the server's SERVER_NAME)."""
    environ = request.environ
    scheme = environ.get("wsgi.url_scheme", "http")
    sock = environ.get("gunicorn.socket") or environ.get("werkzeug.socket")
    try:
        host, port = sock.getsockname()[:2] if sock is not None else (None, None)
    except (OSError, TypeError, ValueError):   # a UNIX socket has no address and port
        host = port = None
    if not host:
        host, port = environ.get("SERVER_NAME", "localhost"), environ.get("SERVER_PORT")
    if ":" in str(host):
        host = f"[{host}]"
    default = {"http": "80", "https": "443"}.get(scheme)
    return f"{scheme}://{host}" + (f":{port}" if port and str(port) != default else "")


def site_url() -> str:
    """The absolute URL links are made from: BASE_URL, else the bound address."""
    from flask import current_app

    return (current_app.config.get("BASE_URL") or bound_base_url()).rstrip("/")


class HostCheck:
    """WSGI middleware: 400 for a request with a malformed Host header."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        host = environ.get("HTTP_HOST")
        if host is not None and not valid_host(host):
            body = b"400 Bad Request: malformed Host header\n"
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8"),
                                               ("Content-Length", str(len(body))),
                                               ("Cache-Control", "no-store"), *HEADERS.items()])
            return [body]
        return self.app(environ, start_response)


def init_app(app: Flask) -> None:
    """Check BASE_URL (ConfigError stops the start) and refuse malformed Host headers."""
    if app.config.get("BASE_URL"):
        app.config["BASE_URL"] = checked_base_url(str(app.config["BASE_URL"]))
    app.wsgi_app = HostCheck(app.wsgi_app)
