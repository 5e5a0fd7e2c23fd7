"""One saved check exported for people and programs: JSON, CSV or a printable HTML page.

- JSON: the history record as it is stored, the machine's whole answer under ``result``.
- CSV: one row per related article (the check's fields repeated on every row, so that a
  spreadsheet filter keeps them), or one row without article fields when none is related.
  UTF-8 with a byte-order mark: spreadsheet programs read Arabic right only with it. Text
  that would run as a formula is opened with an apostrophe.
- HTML: the batch report's self-contained page (``burhan.web.report``) for this one check,
  with when it was made, over which corpus and models, and the editor's note and verdict.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from burhan.domain import CheckRecord
from burhan.web.report import render_report

FORMATS = {"json": "application/json", "csv": "text/csv; charset=utf-8", "html": "text/html; charset=utf-8"}
CSV_COLUMNS = ("check_id", "claim", "checked_at", "verdict", "basis", "confidence", "p_true", "verdict_override", "note",
               "asked_by", "channel", "corpus_articles", "corpus_last_ingest", "article_id", "title", "source", "url",
               "date", "stance", "weight", "reliability", "copies", "rationale")


class ExportError(ValueError):
    """An export that cannot be made (unknown format, a record without its answer)."""


def export_check(record: CheckRecord, fmt: str) -> tuple[str, str]:
    """(the export's text, its media type)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if record.result is None:
        raise ExportError(f"check {record.id} was read without its answer")
    if fmt == "json":
        text = json.dumps(asdict(record), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        text = "\ufeff" + check_csv(record)
    else:
        text = render_report([{**record.result, "id": f"#{record.id}", "record": asdict(record)}],
                             title=f"برهان: التحقق رقم {record.id}")
    return text, FORMATS[fmt]


def check_csv(record: CheckRecord) -> str:
    head = {"check_id": record.id, "claim": record.claim, "checked_at": record.checked_at, "verdict": record.verdict,
            "basis": record.basis, "confidence": record.confidence, "p_true": record.p_true,
            "verdict_override": record.verdict_override, "note": record.note, "asked_by": record.asked_by,
            "channel": record.channel, "corpus_articles": record.corpus_articles,
            "corpus_last_ingest": record.corpus_last_ingest}
    related = [e for e in record.result.get("evidence", []) if e.get("stance") != "unrelated"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for e in related or [None]:
        row = dict(head)
        if e is not None:
            row.update({"article_id": e["article_id"], "title": e.get("title"), "source": e.get("source") or e.get("origin"),
                        "url": e.get("url"), "date": e.get("date"), "stance": e["stance"], "weight": e.get("weight"),
                        "reliability": e.get("reliability"), "copies": " ".join(map(str, e.get("copies", []))),
                        "rationale": " | ".join(r["text"] for r in e.get("rationale", []))})
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _cell(value: object) -> object:
    """A CSV cell; text that a spreadsheet would run as a formula (=, +, -, @ first: scraped
    titles and sentences are untrusted) is opened with an apostrophe (OWASP's advice)."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
