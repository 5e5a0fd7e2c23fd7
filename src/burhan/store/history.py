"""The history of checks, kept in the store (table ``checks``, schema v6).

Every check made by the command line, a batch, the REST API or the web page is saved with
its claim, time, verdict, basis, confidence, evidence, the corpus it was made over (how many
articles, when the last was stored), the model files (by hash) and who asked. An editor may
add a note and a verdict of their own: both are kept *beside* the machine's answer, which is
never changed.
"""

from __future__ import annotations

import json
from burhan.domain import CHANNELS, VERDICTS, CheckRecord
from burhan.store.sqlite import Store, StoreError, utc_now

MAX_NOTE_CHARS = 5000
_SUMMARY_COLUMNS = ("id, claim, checked_at, verdict, basis, confidence, p_true, evidence_ids, corpus_articles, "
                    "corpus_last_ingest, models, asked_by, channel, note, verdict_override, edited_at, edited_by")


class CheckNotFound(KeyError):
    """No check with that id in the history."""

    def __str__(self) -> str:
        return f"no check with id {self.args[0]} in the history"


def _record(row, with_result: bool) -> CheckRecord:
    return CheckRecord(
        id=row["id"], claim=row["claim"], checked_at=row["checked_at"], verdict=row["verdict"], basis=row["basis"],
        confidence=row["confidence"], p_true=row["p_true"], evidence_ids=json.loads(row["evidence_ids"]),
        corpus_articles=row["corpus_articles"], corpus_last_ingest=row["corpus_last_ingest"],
        models=json.loads(row["models"]), asked_by=row["asked_by"], channel=row["channel"], note=row["note"],
        verdict_override=row["verdict_override"], edited_at=row["edited_at"], edited_by=row["edited_by"],
        result=json.loads(row["result"]) if with_result else None,
    )


class CheckHistory:
    """``add`` / ``get`` / ``list`` / ``count`` / ``annotate`` over one store's ``checks`` table."""

    def __init__(self, store: Store):
        self.store = store

    def corpus_version(self) -> tuple[int, str | None]:
        """(articles, time of the last ingest): what a check was made over."""
        row = self.store.db.execute("SELECT count(*), max(ingested_at) FROM articles").fetchone()
        return row[0], row[1]

    def add(self, result: dict, asked_by: str, channel: str, models: dict[str, str]) -> int:
        """Save one answer (a ``Verdict`` as a dict, ``dataclasses.asdict``); returns its id."""
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel!r}; one of {', '.join(CHANNELS)}")
        articles, last_ingest = self.corpus_version()
        evidence = [e["article_id"] for e in result.get("evidence", [])
                    if e.get("stance") != "unrelated" and e.get("duplicate_of") is None]
        with self.store.transaction() as db:
            cursor = db.execute(
                "INSERT INTO checks (claim, checked_at, verdict, basis, confidence, p_true, evidence_ids, corpus_articles,"
                " corpus_last_ingest, models, asked_by, channel, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (result["claim"], utc_now(), result["verdict"], result["basis"], result.get("confidence"),
                 result.get("p_true"), json.dumps(evidence), articles, last_ingest,
                 json.dumps(models, sort_keys=True), asked_by, channel, json.dumps(result, ensure_ascii=False)),
            )
        return cursor.lastrowid

    def get(self, check_id: int) -> CheckRecord:
        row = self.store.db.execute(f"SELECT {_SUMMARY_COLUMNS}, result FROM checks WHERE id = ?", (check_id,)).fetchone()
        if row is None:
            raise CheckNotFound(check_id)
        return _record(row, with_result=True)

    def list(self, limit: int = 50, offset: int = 0) -> list[CheckRecord]:
        """Newest first, without the stored answers (``get`` one for that)."""
        rows = self.store.db.execute(f"SELECT {_SUMMARY_COLUMNS} FROM checks ORDER BY id DESC LIMIT ? OFFSET ?",
                                     (limit, offset)).fetchall()
        return [_record(row, with_result=False) for row in rows]

    def count(self) -> int:
        return self.store.db.execute("SELECT count(*) FROM checks").fetchone()[0]

    def annotate(self, check_id: int, edited_by: str, note: str | None = None, verdict_override: str | None = None,
                 clear_override: bool = False) -> CheckRecord:
        """Set the editor's note and/or verdict (``clear_override`` removes the verdict); the
        machine's answer is untouched. Fields not given keep their value."""
        if note is not None and len(note) > MAX_NOTE_CHARS:
            raise ValueError(f"the note is {len(note)} characters long; the limit is {MAX_NOTE_CHARS}")
        if verdict_override is not None and verdict_override not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict_override!r}; one of {', '.join(VERDICTS)}")
        with self.store.transaction() as db:
            row = db.execute("SELECT note, verdict_override FROM checks WHERE id = ?", (check_id,)).fetchone()
            if row is None:
                raise CheckNotFound(check_id)
            new_note = row["note"] if note is None else (note.strip() or None)
            new_override = None if clear_override else (verdict_override or row["verdict_override"])
            db.execute("UPDATE checks SET note = ?, verdict_override = ?, edited_at = ?, edited_by = ? WHERE id = ?",
                       (new_note, new_override, utc_now(), edited_by, check_id))
        return self.get(check_id)


def history_of(store) -> CheckHistory:
    """The history of a store file; a sharded corpus (read only) keeps none."""
    if not isinstance(store, Store):
        raise StoreError("a sharded corpus is read only and keeps no history of checks: check against a store file")
    return CheckHistory(store)
