"""Any view's events as a file: /download.csv and /download.json take the filters of
/api/events (?year= &category= &tag= &q= &from= &to= &kind=) and answer every matching
event, as an attachment named after the view."""
from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

from flask import Blueprint, Response, request

from timeline.events.export import CSV_COLUMNS, csv_row, event_json
from timeline.store import queries
from timeline.store.queries import EventFilter
from web.db import get_session
from web.params import check_categories, event_filter_from_args

bp = Blueprint("download", __name__)


def attachment(filename: str) -> str:
    """Content-Disposition for `filename`: an ASCII fallback plus the UTF-8 name (RFC 6266),
    so a Chinese title survives in every browser."""
    fallback = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def view_name(flt: EventFilter) -> str:
    """timeline-2020-科技研发-签约: what the file holds, in its name."""
    parts = ["timeline"] + ([str(flt.year)] if flt.year else []) + list(flt.categories) + list(flt.tags)
    if flt.q:
        parts.append("_".join(flt.q.split()))
    name = "-".join(parts)
    return "".join("_" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in name)[:120]


def _events(flt: EventFilter):
    return queries.list_events(get_session(), flt)


@bp.get("/download.csv")
def download_csv():
    flt = check_categories(get_session(), event_filter_from_args(request.args))
    out = io.StringIO()
    out.write("\ufeff")                      # a BOM, so spreadsheet programs read UTF-8
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(e) for e in _events(flt))
    response = Response(out.getvalue(), content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = attachment(view_name(flt) + ".csv")
    return response


@bp.get("/download.json")
def download_json():
    flt = check_categories(get_session(), event_filter_from_args(request.args))
    body = json.dumps({"events": [event_json(e) for e in _events(flt)]}, ensure_ascii=False)
    response = Response(body, content_type="application/json; charset=utf-8")
    response.headers["Content-Disposition"] = attachment(view_name(flt) + ".json")
    return response
