"""Production serving with gunicorn: run `gunicorn` in the project folder (it reads this file).

Everything comes from the environment, nothing from files on the server:

    DATABASE_URL        postgresql+psycopg://user@host/dbname (several workers want PostgreSQL)
    BIND                where to listen, default 127.0.0.1:8000 (0.0.0.0:8000 in a container)
    WEB_CONCURRENCY     worker processes, default 2 × cores + 1, at most 8
    GUNICORN_WORKER_CLASS  default sync (below); gthread keeps connections alive
    GUNICORN_THREADS    threads per gthread worker, default 1 (requests here are CPU-bound
                        Python: more threads in one process only fight over its GIL; 1
                        thread gave 1.3-2x the API throughput of 4 on 2 cores)
    LOG_LEVEL           default info
    MAX_REQUESTS        recycle a worker after this many requests (default 0: never)
    TIMELINE_<KEY>      any Flask setting, e.g. TIMELINE_BASE_URL=https://timeline.example.org;
                        TIMELINE_FEED_VERSION_TTL defaults to 1 here (see below)

Access and error logs, and the application's own logging, go to stdout, one line each,
with the worker's pid. Debug mode is refused: a worker that finds app.debug on stops the
server at boot.
"""
import gc
import os

# Feeds: a worker answers 304s from the data version it read in the last second, without
# the database (web.feedcache); a change reaches revalidating clients within that second.
os.environ.setdefault("TIMELINE_FEED_VERSION_TTL", "1")

wsgi_app = "web:create_app()"
bind = [os.environ.get("BIND", "127.0.0.1:8000")]

# Each worker holds its own connection pool (timeline.store.db.make_engine: 5 + 5 overflow,
# pre-pinged), so 8 workers stay well inside PostgreSQL's default 100 connections.
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * (os.cpu_count() or 1) + 1, 8))
# sync: a worker takes a connection only when it is idle, so a request never waits behind
# another one in a busy worker while others sit idle. A gthread worker accepts connections
# while its thread is busy and keeps them: two keep-alive clients that land on one worker
# share its thread for as long as they stay (measured with wrk, 2 connections, 5 workers:
# in 2 runs of 5 the throughput halved and the latency doubled). The price is no keep-alive:
# put a reverse proxy in front (nginx, Caddy) for TLS, keep-alive and slow clients.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS") or "sync"
threads = int(os.environ.get("GUNICORN_THREADS") or 1)
keepalive = 5            # seconds (gthread only): calendar clients and a proxy reuse connections
timeout = 30             # a worker stuck this long is killed and replaced
graceful_timeout = 20
# Workers are not recycled by default: a new worker costs a second of CPU to start and
# comes with cold caches, and 304s at thousands a second would recycle each every few
# seconds. Set MAX_REQUESTS if a leak ever needs it.
max_requests = int(os.environ.get("MAX_REQUESTS") or 0)
max_requests_jitter = max_requests // 10

# gunicorn 25+ opens a control socket at one fixed path per user: two servers on a machine
# (a deploy and a benchmark, or tests) would fight over it. Management is by signals.
control_socket_disable = True

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
# %(p)s: <pid> of the worker that served the request.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms pid=%(p)s "%(a)s"'
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"},
        "access": {"format": "%(message)s"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "line"},
        "access": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "access"},
    },
    # The root logger carries the application's records (web.create_app leaves a configured
    # root alone); gunicorn's own loggers would otherwise write errors to stderr.
    "root": {"level": loglevel.upper(), "handlers": ["stdout"]},
    "loggers": {
        "gunicorn.error": {"level": loglevel.upper(), "handlers": ["stdout"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["access"], "propagate": False},
        "alembic": {"level": "WARNING"},     # its plugin registry chatters at INFO on import
    },
}


def post_worker_init(worker):
    """Refuse to serve in debug mode (FLASK_DEBUG or TIMELINE_DEBUG set by mistake); then
    freeze the app's long-lived objects out of the garbage collector's sight."""
    app = worker.wsgi
    if getattr(app, "debug", False):
        raise RuntimeError("refusing to serve with Flask debug mode on: unset FLASK_DEBUG / TIMELINE_DEBUG")
    # Full collections re-scanned every object of the app (SQLAlchemy, Jinja, the compiled
    # date grammar) and were most of the API's p99: at 100,000 events, ?year=&tag= went from
    # 113 to 60 ms p99 in-process once these objects were frozen.
    gc.freeze()
