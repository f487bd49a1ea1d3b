"""The Flask application: timeline pages, the JSON API and the calendar feeds."""
from __future__ import annotations

import logging
from collections.abc import Mapping

from flask import Flask
from flask_compress import Compress

from timeline.store.instance import INSTANCE_PATH, default_database_url


def create_app(config: Mapping | None = None) -> Flask:
    """The app: defaults, then instance/config.py and TIMELINE_* variables, then `config`."""
    app = Flask(__name__, instance_path=str(INSTANCE_PATH), instance_relative_config=True)
    app.config.from_mapping(
        DATABASE_URL=default_database_url(),
        BASE_URL=None,               # absolute links in feeds; default: the address the server
                                     # is bound to (never the request's Host header: web.hosts)
        FEED_MAX_AGE=3600,           # seconds clients and proxies may reuse a feed
        FEED_VERSION_TTL=0,          # seconds a worker may answer 304s from the data version it
                                     # last read, without the database (web.feedcache)
        FEED_CACHE_DIR=None,         # feed bodies by ETag, shared by the workers (web.feedcache);
                                     # default: timeline-feeds in the system's temporary folder
        FEED_CACHE_BYTES=512 * 1024 * 1024,  # at most this much there in all (0: no cache)
        DEFAULT_YEAR=None,
    )
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("TIMELINE")
    if config:
        app.config.from_mapping(config)
    app.json.ensure_ascii = False    # Chinese stays readable in the JSON API
    if not app.debug:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    from web import db, hosts

    hosts.init_app(app)      # a bad BASE_URL stops here, before anything else starts
    db.init_app(app)
    register_blueprints(app)
    # zstd, brotli or gzip, as the client accepts: a busy year's page shrinks about tenfold.
    # Not the feeds (web.feeds owns their validators and cache).
    app.config.setdefault("COMPRESS_MIMETYPES", ["text/html", "text/css", "text/csv",
                                                 "application/json", "application/javascript", "image/svg+xml"])
    app.config.setdefault("COMPRESS_MIN_SIZE", 1000)
    Compress(app)
    return app


def register_blueprints(app: Flask) -> None:
    from web import api, download, errors, feeds, health, pages, palette, security

    app.register_blueprint(feeds.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(download.bp)
    app.register_blueprint(palette.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(health.bp)
    security.init_app(app)
    errors.init_app(app)
