"""The `timeline` command line: migrations, ingest, inspect, export and the date resolver.

`command_line(*more)` builds the command from these core commands; web/cli.py, the console
script of setup.cfg, adds `serve` (it needs the web app, and `timeline` never imports `web`).
"""
from __future__ import annotations

import json
import re
import sys
import traceback
from datetime import date, datetime, timezone
from pathlib import Path

import click
import sqlalchemy
from sqlalchemy import exc as sa_exc

from timeline.dates import resolve as resolve_dates
from timeline.events import limits
from timeline.events.export import event_json
from timeline.bulk import Failed, Options, Parsed, Progress, default_workers, file_size, parse_all
from timeline.events.summary import summary_lines
from timeline.store import db, prepare
from timeline.store.ingest import IngestReport, ShrinkRefused, store_document
from timeline.store.instance import default_database_url
from timeline.store.problems import describe, message_of
from timeline.store.queries import EventFilter, list_events
from timeline.text.formats import DOCUMENT_SUFFIXES, NOT_DOCUMENTS


class Commands(click.Group):
    """The command group: a database error ends a command with two lines saying what
    happened and what to do (the traceback only under --verbose)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError) as exc:
            if ctx.params.get("verbose"):
                traceback.print_exc()
            problem = describe(exc)
            click.echo(f"error: {problem.what}: {message_of(exc)}", err=True)
            click.echo(f"  {problem.advice}", err=True)
            ctx.exit(1)


def database_url(ctx: click.Context) -> str:
    """--database-url (or DATABASE_URL), else the default SQLite file in the instance folder."""
    url = ctx.obj.get("database_url") or default_database_url()
    if url.startswith("sqlite:///") and "uri=true" not in url:   # a file:… URI names no folder to make
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return url


def open_store(ctx: click.Context, *, writer: bool = False):
    """A sessionmaker on an up-to-date schema (migrations are applied first); `writer` for
    sessions that write (see db.make_writer)."""
    url = database_url(ctx)
    db.upgrade(url)
    engine = db.make_engine(url)
    ctx.call_on_close(engine.dispose)   # no connection outlives the command
    return db.make_writer(engine) if writer else db.make_sessionmaker(engine)


@click.group("db")
def db_group() -> None:
    """Database schema management."""


@db_group.command("upgrade")
@click.pass_context
def db_upgrade(ctx: click.Context) -> None:
    """Apply all Alembic migrations to the database."""
    url = database_url(ctx)
    db.upgrade(url)
    click.echo(f"database is up to date: {sqlalchemy.engine.make_url(url).render_as_string(hide_password=True)}")


def document_files(paths: tuple[Path, ...]) -> list[Path]:
    """The files named, and in each folder named the entries with an accepted suffix (any
    case) but hidden files, lock files and its README; a file named directly is read
    whatever its suffix (its bytes tell its format). A subfolder is passed over; another
    entry that is not a regular file (a FIFO) is reported and skipped when read; a pipe
    named directly is read."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if not p.is_dir() and p.suffix.lower() in DOCUMENT_SUFFIXES
                                and not re.search(NOT_DOCUMENTS, p.name, re.IGNORECASE)))
        else:
            files.append(path)
    return files


jobs_option = click.option("--jobs", type=click.IntRange(1, 64), metavar="N",
                           help="Processes parsing files at the same time (default: one per core).")


def document_options(command):
    """The arguments and options of the commands that parse documents (ingest, inspect)."""
    for option in reversed((
        click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)),
        click.option("--year", type=click.IntRange(limits.FIRST_YEAR, limits.LAST_YEAR),
                     help="The documents' year (default: from the title, headings or entries)."),
        click.option("--name", help="Document name (one file only; default: the file name without extension)."),
        click.option("--category", help="Category of a chronicle's events (default: what its title calls it, "
                                        "else the document name)."),
        click.option("--default-category", default="综述", show_default=True,
                     help="Category of yearbook entries before the first section heading."),
    )):
        command = option(command)
    return command


@click.command()
@document_options
@click.option("--replace", "allow_shrink", is_flag=True,
              help="Replace a stored document even when the file now yields no events, or fewer than "
                   "half of those stored (without it such a file is reported and its events kept).")
@jobs_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or per-file progress lines.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], year: int | None, name: str | None,
           category: str | None, default_category: str, allow_shrink: bool, jobs: int | None,
           quiet: bool) -> None:
    """Load documents: files, or folders (every .txt, .md, .html/.htm, .pdf and .docx file in
    them but a README, hidden and lock files); one transaction per file. The format is read
    from the bytes.

    A file that cannot be loaded gets one line saying why and the others still load (exit
    status 1 at the end). A progress bar shows on a terminal when loading takes over a second.
    """
    files = document_files(paths)
    if name and len(files) > 1:
        raise click.UsageError("--name names one document; give one file")
    options = Options(named=frozenset(paths), name=name, year=year, category=category,
                      default_category=default_category, prepare=prepare.for_database(database_url(ctx)))
    parsed_files = parse_all(files, options, jobs or default_workers(len(files)))
    Session = open_store(ctx, writer=True)
    progress = Progress(len(files), sum(file_size(p) for p in files), enabled=not quiet)
    failures = 0
    try:
        for i, result in enumerate(parsed_files, 1):
            if len(files) > 1 and not quiet and not progress.shown:
                click.echo(f"[{i}/{len(files)}] {result.path}", err=True)
            problem = result if isinstance(result, Failed) else store_file(Session, result, allow_shrink, progress)
            if problem is not None:
                failures += 1
                progress.write(lambda: echo_failure(ctx, problem))
            progress.advance(result.size, 0 if problem else len(result.document.events))
    finally:
        progress.close()
        parsed_files.close()
    if failures:
        sys.exit(1)


def store_file(Session, parsed: Parsed, allow_shrink: bool, progress: Progress) -> Failed | None:
    """Store one parsed file in its own transaction and print its report; a Failed when the
    store refused it (nothing of it written)."""
    document = parsed.document
    try:
        with Session.begin() as session:
            report = store_document(session, document, path=str(parsed.path), sha256=parsed.sha256,
                                    now=datetime.now(timezone.utc), allow_shrink=allow_shrink,
                                    prepared=parsed.prepared)
    except ShrinkRefused as exc:
        return Failed(parsed.path, parsed.size, str(exc).split(": ", 1)[1])
    except (sa_exc.DataError, sa_exc.IntegrityError) as exc:
        # What validation missed: this file is rolled back, the others still load.
        return Failed(parsed.path, parsed.size, f"the database refused it: {message_of(exc)}")
    progress.write(lambda: echo_report(report, document.warnings + report.warnings))
    return None


@click.command()
@document_options
@click.option("--events", "first", type=click.IntRange(0, 10_000), default=10, show_default=True,
              help="How many of the first events to list.")
@jobs_option
@click.pass_context
def inspect(ctx: click.Context, paths: tuple[Path, ...], year: int | None, name: str | None,
            category: str | None, default_category: str, first: int, jobs: int | None) -> None:
    """Show what ingest would make of documents, without touching the database: the format
    and layout read, the title, year(s) and counts, the first events with their dates, and
    the warnings. A file that cannot be read gets one line saying why (exit status 1)."""
    files = document_files(paths)
    if name and len(files) > 1:
        raise click.UsageError("--name names one document; give one file")
    options = Options(named=frozenset(paths), name=name, year=year, category=category,
                      default_category=default_category)
    failures = 0
    for result in parse_all(files, options, jobs or default_workers(len(files))):
        if isinstance(result, Failed):
            failures += 1
            echo_failure(ctx, result)
        else:
            click.echo("\n".join(summary_lines(result.document, first=first)))
    if failures:
        sys.exit(1)


def echo_failure(ctx: click.Context, failed: Failed) -> None:
    click.echo(f"error: {failed.path}: {failed.reason}", err=True)
    if failed.details and ctx.find_root().params.get("verbose"):
        click.echo(failed.details.rstrip(), err=True)


def echo_report(report: IngestReport, warnings) -> None:
    total = sum(report.per_kind.values())
    click.echo(f"{report.document}: {total} events ({report.added} added, {report.updated} updated, "
               f"{report.removed} removed, {report.unchanged} unchanged)")
    click.echo("  categories: " + ", ".join(f"{c} {n}" for c, n in report.per_category.items()))
    click.echo("  kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(report.per_kind.items())))
    click.echo(f"  warnings: {len(warnings)}")
    for line, warning in warnings:
        click.echo(f"    line {line}: {warning.text!r}: {warning.message}")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "ics"]), default="json", show_default=True)
@click.option("--year", type=int, help="Only events of this year.")
@click.option("--category", multiple=True, help="Only events of this category (repeatable).")
@click.option("--base-url", default="http://127.0.0.1:5000", show_default=True,
              help="Where the site is served, for links in the calendar.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write here instead of standard output.")
@click.pass_context
def export(ctx: click.Context, fmt: str, year: int | None, category: tuple[str, ...], base_url: str,
           output: Path | None) -> None:
    """Write events as JSON, JSON lines or iCalendar."""
    Session = open_store(ctx)
    with Session() as session:
        events = list_events(session, EventFilter(year=year, categories=category))
    if fmt == "ics":
        from timeline.ical import render_calendar, calendar_title

        data = render_calendar(events, **calendar_title(year=year, categories=category), base_url=base_url)
    elif fmt == "jsonl":
        data = "".join(json.dumps(event_json(e), ensure_ascii=False) + "\n" for e in events).encode()
    else:
        payload = {"events": [event_json(e) for e in events], "count": len(events)}
        data = (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode()
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def reference_date(value: datetime | None) -> date | None:
    return value.date() if value else None


@click.command()
@click.argument("text", required=False)
@click.option("--year", type=click.IntRange(1, 9999), help="Year for mentions that give none.")
@click.option("--reference", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Reference day (YYYY-MM-DD) for relative words and missing parts.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--batch", is_flag=True, help="JSON lines on stdin ({\"text\", \"reference\"|\"year\"}), one line out each.")
def resolve(text: str | None, year: int | None, reference: datetime | None, as_json: bool, batch: bool) -> None:
    """Find and resolve the Chinese date expressions in TEXT."""
    if batch:
        resolve_batch()
        return
    if text is None:
        raise click.UsageError("give TEXT, or --batch")
    result = resolve_dates(text, year=year, reference=reference_date(reference))
    if as_json:
        click.echo(json.dumps({"mentions": [m.to_json() for m in result.mentions],
                               "warnings": [w.to_json() for w in result.warnings]}, ensure_ascii=False))
        return
    for m in result.mentions:
        extra = " ".join(filter(None, [m.time and f"{m.time}" + (f"-{m.end_time}" if m.end_time else ""),
                                       m.part_of_day and m.part_of_day.value,
                                       m.calendar.value if m.calendar.value != "gregorian" else None,
                                       "relative" if m.relative else None]))
        click.echo(f"{m.start} .. {m.end}  {m.precision.value:<7} {m.text!r} {list(m.span)} {extra}".rstrip())
    for w in result.warnings:
        click.echo(f"warning: {w.text!r} at {list(w.span)}: {w.message}", err=True)


def resolve_batch() -> None:
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError('each line must be an object with a "text" string')
            ref = date.fromisoformat(item["reference"][:10]) if item.get("reference") else None
            year = int(item["year"]) if item.get("year") is not None else None
            result = resolve_dates(item["text"], year=year, reference=ref)
            out = {"mentions": [m.to_json() for m in result.mentions],
                   "warnings": [w.to_json() for w in result.warnings]}
        except (ValueError, TypeError) as exc:
            out = {"error": f"line {number}: {exc}", "mentions": []}
        click.echo(json.dumps(out, ensure_ascii=False))


def command_line(*more: click.Command) -> click.Group:
    """The `timeline` command: the core commands above, then `more` (web/cli.py adds serve)."""

    @click.group(cls=Commands, name="timeline", commands=[db_group, ingest, inspect, export, resolve, *more],
                 context_settings={"help_option_names": ["-h", "--help"]})
    @click.option("--database-url", envvar="DATABASE_URL", metavar="URL",
                  help="SQLAlchemy URL (or DATABASE_URL); default: a SQLite file in the instance folder.")
    @click.option("-v", "--verbose", is_flag=True, help="Print the traceback of a database or parsing error.")
    @click.pass_context
    def timeline(ctx: click.Context, database_url: str | None, verbose: bool) -> None:
        """Chinese yearbooks and chronicles as a timeline and calendar feeds."""
        ctx.ensure_object(dict)
        if database_url:
            ctx.obj["database_url"] = database_url

    return timeline
