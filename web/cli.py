"""The `timeline` console script (setup.cfg: `timeline = web.cli:main`).

Its composition, in one place: the core commands come from timeline.cli, and the web adds
`serve`, which needs the app (timeline never imports web). Both take the default database
from timeline.store.instance.
"""
from __future__ import annotations

import click
from werkzeug.serving import WSGIRequestHandler

from timeline.cli import command_line, database_url
from timeline.store import db
from web import create_app
from web.hosts import ConfigError


class RequestHandler(WSGIRequestHandler):
    """The development server's handler, reading a request line that is not percent-encoded
    as the UTF-8 it is. Python's http.server decodes the line as Latin-1, and Werkzeug then
    encodes the path and query as if they were text: "?q=科技" as curl or a script sends it
    arrived as mojibake and found nothing (gunicorn hands the bytes over as they are)."""

    def make_environ(self):
        try:
            self.path = self.path.encode("latin-1").decode("utf-8")
        except UnicodeError:             # not UTF-8: left as the bytes came
            pass
        return super().make_environ()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--debug", is_flag=True, help="Flask debug mode (never in production).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, debug: bool) -> None:
    """Run the development server (production: gunicorn 'web:create_app()')."""
    url = database_url(ctx)
    db.upgrade(url)
    try:
        app = create_app({"DATABASE_URL": url})
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"Timeline:  http://{shown}:{port}/")
    click.echo(f"Subscribe: webcal://{shown}:{port}/feeds/all.ics  (or http://{shown}:{port}/feeds/all.ics)")
    app.run(host=host, port=port, debug=debug, use_reloader=debug, request_handler=RequestHandler)


cli = command_line(serve)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
