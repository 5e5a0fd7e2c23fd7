"""The embedded store: one SQLite file, no server.

WAL journal: readers keep working while an ingest writes. Each ``add_articles`` call is
one transaction, so a batch lands whole or not at all, and a process killed mid-ingest
leaves the store as of the last committed batch. ``PRAGMA user_version`` holds the
schema version; ``MIGRATIONS[k]`` takes a store from version k to k+1.
"""

from __future__ import annotations

import fcntl
import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from burhan.domain import Article, FactCheck, Sentence
from burhan.ingest.dedup import BANDS, DUPLICATE_THRESHOLD, bands, signature, similarity
from burhan.text.tokens import analyze
from burhan.text.normalize import normalize

# SQLite builds before 3.32 allow 999 host parameters: ``IN (…)`` lists go in slices of this many
IN_BATCH = 500


def _in_batches(values: list) -> Iterator[tuple[list, str]]:
    """``values`` in slices of ``IN_BATCH``, each with its ``?,?,…`` for an ``IN (…)`` list."""
    for start in range(0, len(values), IN_BATCH):
        chunk = values[start : start + IN_BATCH]
        yield chunk, ",".join("?" * len(chunk))


MIGRATIONS = [
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        origin TEXT NOT NULL,
        url TEXT,
        source TEXT,
        title TEXT,
        date TEXT,
        raw_text TEXT NOT NULL,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        story_id INTEGER NOT NULL,
        signature BLOB NOT NULL,
        ingested_at TEXT NOT NULL,
        UNIQUE (origin, content_hash)
    );
    CREATE INDEX articles_hash ON articles (content_hash);
    CREATE INDEX articles_story ON articles (story_id);
    CREATE TABLE sentences (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE lsh_bands (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band, key, article_id)
    ) WITHOUT ROWID;
    """,
    # v2: dense retrieval. An article's passages (chunks of its text, by hash of the chunk),
    # and embedding vectors keyed by encoder name and the hash of the embedded text.
    """
    CREATE TABLE passages (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        key TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX passages_key ON passages (key);
    CREATE TABLE vectors (
        model TEXT NOT NULL,
        key TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model, key)
    ) WITHOUT ROWID;
    """,
    # v3: a random identity per store, so that files beside it (the search index) can tell
    # whether they belong to this store or to an earlier one of the same name
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
    """,
    # v4: published fact-checks (ClaimReview). ``key`` is their identity (URL or external id,
    # and the claim in matching form); ``tokens`` the analysed claim and title, for BM25
    """
    CREATE TABLE factchecks (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        claim TEXT NOT NULL,
        url TEXT,
        title TEXT,
        claimant TEXT,
        claim_date TEXT,
        publisher TEXT,
        publisher_site TEXT,
        review_date TEXT,
        rating TEXT,
        rating_normalised TEXT NOT NULL,
        language TEXT,
        external_id TEXT,
        origin TEXT NOT NULL,
        tokens TEXT NOT NULL,
        imported_at TEXT NOT NULL
    );
    """,
    # v5: each sentence's search stems, analysed once at ingest (issue 14); filled for older
    # stores by ``DATA_MIGRATIONS[5]`` in the same transaction
    """
    ALTER TABLE sentences ADD COLUMN stems TEXT;
    """,
    # v6: the history of checks (issue 15, ``burhan.store.history``): what was asked and answered,
    # over which corpus and models; an editor's note and verdict override beside the machine's.
    # ``content_version`` in meta counts writes to the corpus (articles, vectors), so that a
    # server worker reloads its indexes for those and not for a check another worker saved
    """
    CREATE TABLE checks (
        id INTEGER PRIMARY KEY,
        claim TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        verdict TEXT NOT NULL,
        basis TEXT NOT NULL,
        confidence REAL,
        p_true REAL,
        evidence_ids TEXT NOT NULL,
        corpus_articles INTEGER NOT NULL,
        corpus_last_ingest TEXT,
        models TEXT NOT NULL,
        asked_by TEXT NOT NULL,
        channel TEXT NOT NULL,
        result TEXT NOT NULL,
        note TEXT,
        verdict_override TEXT,
        edited_at TEXT,
        edited_by TEXT
    );
    CREATE INDEX checks_time ON checks (checked_at);
    INSERT INTO meta (key, value) VALUES ('content_version', '0');
    """,
    # v7: the API's scoped tokens (``burhan.store.tokens``): only a hash of each is kept
    """
    CREATE TABLE tokens (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def _fill_stems(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT article_id, idx, text FROM sentences WHERE stems IS NULL").fetchall()
    db.executemany("UPDATE sentences SET stems = ? WHERE article_id = ? AND idx = ?",
                   [(" ".join(analyze(text)), a, i) for a, i, text in rows])


# what a migration computes in Python after its SQL, by the version it takes the store to
DATA_MIGRATIONS = {5: _fill_stems}

ADDED, UNCHANGED, DUPLICATE = "added", "unchanged", "duplicate"


def utc_now() -> str:
    """The time things are stored with: ISO 8601, UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class StoreError(Exception):
    """The store file cannot be used (not a Burhan store, newer schema, unreadable)."""


class Store:
    """Articles, sentences and near-duplicate links in one SQLite file.

    One connection, usable from any thread but not from two at once: callers that share a
    store across threads (the web API) serialise their calls."""

    def __init__(self, path: str | Path, create: bool = True):
        self.path = Path(path)
        self._lock_depth = 0
        if not create and not self.path.exists():
            raise StoreError(f"no store at {self.path} (run 'burhan ingest' first)")
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path} is a directory, not a store file")
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path} is not a Burhan store ({err})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def store_id(self) -> str:
        return self.db.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()[0]

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this Burhan reads up to {SCHEMA_VERSION}")
        if version and not self.db.execute("SELECT 1 FROM sqlite_master WHERE name='articles'").fetchone():
            raise StoreError(f"{self.path} is not a Burhan store")
        if version == 0 and self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path} is an SQLite database but not a Burhan store")
        for target in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _statements(MIGRATIONS[target]):
                    self.db.execute(statement)
                if target + 1 in DATA_MIGRATIONS:
                    DATA_MIGRATIONS[target + 1](self.db)
                self.db.execute(f"PRAGMA user_version = {target + 1}")

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Exclusive across processes (``flock`` on ``<store>.lock``): held around a write to the
        store *and* the files beside it (BM25 index, ANN graph), so that server workers and a
        command-line ingest never interleave them. SQLite serialises its own transactions; the
        index files need this. Re-entrant within one ``Store``."""
        with ExitStack() as held:
            if not self._lock_depth:  # the lock goes with the file: closing it releases the lock
                fcntl.flock(held.enter_context(open(self.path.with_name(self.path.name + ".lock"), "a")),
                            fcntl.LOCK_EX)
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1

    def data_version(self) -> int:
        """SQLite's ``data_version``: changes when *another* connection (another process) commits."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def content_version(self) -> int:
        """Counts writes to the corpus (articles, passages, their vectors), not to the history:
        what a searcher must catch up with."""
        return int(self.db.execute("SELECT value FROM meta WHERE key = 'content_version'").fetchone()[0])

    def mark_content_changed(self, db: sqlite3.Connection | None = None) -> None:
        """Bump ``content_version`` (inside the caller's transaction when ``db`` is given)."""
        (db or self.db).execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; any exception rolls the whole block back. A full disk
        (or size limit) is a ``StoreError`` saying so, the store as it was before the block."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException as err:
            if self.db.in_transaction:  # SQLite has already rolled back after some errors (a full disk)
                self.db.execute("ROLLBACK")
            if isinstance(err, sqlite3.OperationalError) and "full" in str(err):
                raise StoreError(f"{self.path}: the disk is full (or the store reached its size limit): "
                                 f"nothing of this write was stored; the store is as it was") from None
            raise

    # -- writing ---------------------------------------------------------------------

    def add_articles(self, articles: list[Article]) -> list[str]:
        """Store a batch in one transaction. Returns, per article, ``added``, ``unchanged``
        (same origin and content already stored) or ``duplicate`` (stored and linked to the
        story of an earlier near-identical article). Sets ``id`` and ``story_id``."""
        statuses = []
        now = utc_now()
        with self.transaction() as db:
            for article in articles:
                row = db.execute(
                    "SELECT id, story_id FROM articles WHERE origin = ? AND content_hash = ?",
                    (article.origin, article.content_hash),
                ).fetchone()
                if row:
                    article.id, article.story_id = row["id"], row["story_id"]
                    statuses.append(UNCHANGED)
                    continue
                sig = np.asarray(article.signature, dtype=np.uint32) if len(article.signature) else signature(article.text)
                keys = bands(sig)
                story = self._find_story(article.content_hash, sig, keys)
                cursor = db.execute(
                    "INSERT INTO articles (origin, url, source, title, date, raw_text, text, content_hash,"
                    " story_id, signature, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.origin, article.url, article.source, article.title, article.date,
                     article.raw_text, article.text, article.content_hash, story or 0, sig.tobytes(), now),
                )
                article.id = cursor.lastrowid
                article.story_id = story or article.id
                if story is None:
                    db.execute("UPDATE articles SET story_id = id WHERE id = ?", (article.id,))
                db.executemany(
                    "INSERT INTO sentences (article_id, idx, text, stems) VALUES (?, ?, ?, ?)",
                    [(article.id, s.index, s.text, " ".join(s.stems if s.stems is not None else analyze(s.text)))
                     for s in article.sentences],
                )
                db.executemany(
                    "INSERT OR IGNORE INTO lsh_bands (band, key, article_id) VALUES (?, ?, ?)",
                    [(band, key, article.id) for band, key in enumerate(keys)],
                )
                statuses.append(ADDED if story is None else DUPLICATE)
            if ADDED in statuses or DUPLICATE in statuses:
                self.mark_content_changed(db)
        return statuses

    def _find_story(self, content_hash: str, sig: np.ndarray, keys: list[int]) -> int | None:
        row = self.db.execute(
            "SELECT min(story_id) FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        if row[0] is not None:
            return row[0]
        clauses = " OR ".join("(band = ? AND key = ?)" for _ in keys)
        params = [v for pair in enumerate(keys) for v in pair]
        candidates = self.db.execute(
            f"SELECT DISTINCT a.id, a.story_id, a.signature FROM lsh_bands b JOIN articles a ON a.id = b.article_id"
            f" WHERE {clauses}",
            params,
        ).fetchall()
        stories = [
            c["story_id"] for c in candidates
            if similarity(sig, np.frombuffer(c["signature"], dtype=np.uint32)) >= DUPLICATE_THRESHOLD
        ]
        return min(stories) if stories else None

    # -- reading ---------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        row = self.db.execute(
            "SELECT count(*) AS articles, count(DISTINCT story_id) AS stories,"
            " count(DISTINCT source) AS sources FROM articles"
        ).fetchone()
        sentences = self.db.execute("SELECT count(*) FROM sentences").fetchone()[0]
        return {"articles": row["articles"], "sentences": sentences, "stories": row["stories"],
                "sources": row["sources"], "factchecks": self.factcheck_count(),
                "checks": self.db.execute("SELECT count(*) FROM checks").fetchone()[0], "schema_version": self.schema_version}

    def article_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def list_articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Articles in id order, without text or sentences (for listings)."""
        rows = self.db.execute(
            "SELECT id, origin, url, source, title, date, content_hash, story_id FROM articles"
            " ORDER BY id LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return [
            Article(id=r["id"], origin=r["origin"], url=r["url"], source=r["source"], title=r["title"],
                    date=r["date"], content_hash=r["content_hash"], story_id=r["story_id"],
                    raw_text="", text="", sentences=[])
            for r in rows
        ]

    def get(self, article_id: int) -> Article | None:
        """One article with its text and sentences, or ``None``."""
        found = self.articles([article_id])
        return found[0] if found else None

    def sentences(self, article_id: int) -> list[Sentence]:
        return self._sentences_of([article_id]).get(article_id, [])

    def _sentences_of(self, ids: list[int]) -> dict[int, list[Sentence]]:
        """The sentences of each article in ``ids``, in order (one query per ``IN_BATCH`` articles)."""
        out: dict[int, list[Sentence]] = {}
        for chunk, marks in _in_batches(ids):
            rows = self.db.execute(f"SELECT article_id, idx, text, stems FROM sentences WHERE article_id IN ({marks})"
                                   " ORDER BY article_id, idx", chunk).fetchall()
            for article_id, idx, text, stems in rows:
                out.setdefault(article_id, []).append(Sentence(index=idx, text=text, stems=tuple(stems.split())))
        return out

    def article_ids(self, after: int = 0) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE id > ? ORDER BY id", (after,))]

    def articles(self, ids: list[int]) -> list[Article]:
        """Full articles for ``ids`` (missing ids are skipped), in the order given."""
        unique = list(dict.fromkeys(ids))
        found: dict[int, Article] = {}
        for chunk, marks in _in_batches(unique):
            for r in self.db.execute(f"SELECT * FROM articles WHERE id IN ({marks})", chunk):
                found[r["id"]] = Article(
                    id=r["id"], origin=r["origin"], url=r["url"], source=r["source"], title=r["title"], date=r["date"],
                    raw_text=r["raw_text"], text=r["text"], content_hash=r["content_hash"], story_id=r["story_id"],
                    sentences=[])
        for article_id, sentences in self._sentences_of(list(found)).items():
            found[article_id].sentences = sentences
        return [found[i] for i in ids if i in found]

    # -- vectors ---------------------------------------------------------------------

    def get_vectors(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for chunk, marks in _in_batches(keys):
            rows = self.db.execute(f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({marks})", [model, *chunk])
            out.update({r[0]: np.frombuffer(r[1], dtype=np.float16).astype(np.float32) for r in rows})
        return out

    def put_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors (model, key, vector) VALUES (?, ?, ?)",
                [(model, k, np.asarray(v, dtype=np.float16).tobytes()) for k, v in vectors.items()],
            )

    # -- checking and copying --------------------------------------------------------

    def verify(self) -> list[str]:
        """Every problem found, one line each (empty: the store is sound): SQLite's integrity
        check, the schema version, articles without sentences or stems, sentence numbering,
        story links to missing articles, missing LSH bands, passages without a vector of an
        encoder other passages were embedded with."""
        db, problems = self.db, []
        problems += [f"sqlite: {r[0]}" for r in db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {tuple(r)}" for r in db.execute("PRAGMA foreign_key_check")]
        if self.schema_version != SCHEMA_VERSION:
            problems.append(f"schema version {self.schema_version}, expected {SCHEMA_VERSION}")
        checks = {
            "articles without sentences": "SELECT id FROM articles a WHERE NOT EXISTS"
                                          " (SELECT 1 FROM sentences s WHERE s.article_id = a.id)",
            "articles whose sentences are not numbered 0..n-1": "SELECT article_id FROM sentences GROUP BY article_id"
                                                                 " HAVING max(idx) + 1 != count(*)",
            "articles with sentences lacking stems": "SELECT DISTINCT article_id FROM sentences WHERE stems IS NULL",
            "articles linked to a missing story": "SELECT id FROM articles a WHERE NOT EXISTS"
                                                  " (SELECT 1 FROM articles b WHERE b.id = a.story_id)",
            f"articles without their {BANDS} LSH bands": "SELECT a.id FROM articles a LEFT JOIN lsh_bands b"
                                                        " ON b.article_id = a.id GROUP BY a.id"
                                                        f" HAVING count(b.band) != {BANDS}",
        }
        for name, query in checks.items():
            ids = [r[0] for r in db.execute(query)]
            if ids:
                problems.append(f"{len(ids)} {name}: {_some(ids)}")
        passage_models = db.execute("SELECT DISTINCT v.model FROM vectors v JOIN passages p ON p.key = v.key").fetchall()
        for (model,) in passage_models:  # an encoder the articles were embedded with
            missing = self.passages_without_vectors(model)
            if missing:
                problems.append(f"{len(missing)} passages without a {model} vector (run 'burhan embed --encoder {model}')")
        return problems

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the store at ``target`` by SQLite's online backup (safe while
        another process ingests). The search index is not copied: 'burhan reindex' rebuilds it."""
        target = Path(target)
        if target.exists():
            raise StoreError(f"{target} exists: give a new file for the copy")
        copy = sqlite3.connect(target)
        try:
            self.db.backup(copy)
        finally:
            copy.close()

    # -- passages (for dense retrieval) ---------------------------------------------

    def articles_without_passages(self) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.article_id = a.id) ORDER BY id")]

    def put_passages(self, passages: dict[int, list[tuple[str, str]]]) -> None:
        """``{article_id: [(key, text), ...]}``, replacing what each article had."""
        with self.transaction() as db:
            for article_id, rows in passages.items():
                db.execute("DELETE FROM passages WHERE article_id = ?", (article_id,))
                db.executemany("INSERT INTO passages (article_id, idx, key, text) VALUES (?, ?, ?, ?)",
                               [(article_id, k, key, text) for k, (key, text) in enumerate(rows)])
            self.mark_content_changed(db)

    def passages_without_vectors(self, model: str) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT p.key, min(p.text) FROM passages p WHERE NOT EXISTS"
            " (SELECT 1 FROM vectors v WHERE v.model = ? AND v.key = p.key) GROUP BY p.key ORDER BY min(p.article_id)",
            (model,))]

    def passage_vectors(self, model: str) -> tuple[np.ndarray, np.ndarray]:
        """``(article_ids, matrix)``: one row per passage that has a vector, in article order."""
        rows = self.db.execute(
            "SELECT p.article_id, v.vector FROM passages p JOIN vectors v ON v.model = ? AND v.key = p.key"
            " ORDER BY p.article_id, p.idx", (model,)).fetchall()
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 1), dtype=np.float32)
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float16).reshape(len(rows), -1)
        return ids, matrix.astype(np.float32)

    # -- fact-checks ------------------------------------------------------------------

    def add_factchecks(self, factchecks: list[FactCheck], tokens: list[list[str]]) -> list[str]:
        """Store fact-checks (with their analysed claim + title) in one transaction. Returns,
        per fact-check, ``added`` or ``unchanged`` (same URL — or external id — and claim
        already stored). Sets ``id``."""
        statuses = []
        now = utc_now()
        with self.transaction() as db:
            for item, item_tokens in zip(factchecks, tokens, strict=True):
                key = factcheck_key(item)
                row = db.execute("SELECT id FROM factchecks WHERE key = ?", (key,)).fetchone()
                if row:
                    item.id = row[0]
                    statuses.append(UNCHANGED)
                    continue
                item.id = db.execute(
                    "INSERT INTO factchecks (key, claim, url, title, claimant, claim_date, publisher, publisher_site,"
                    " review_date, rating, rating_normalised, language, external_id, origin, tokens, imported_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (key, item.claim, item.url, item.title, item.claimant, item.claim_date, item.publisher,
                     item.publisher_site, item.review_date, item.rating, item.rating_normalised, item.language,
                     item.external_id, item.origin, " ".join(item_tokens), now),
                ).lastrowid
                statuses.append(ADDED)
        return statuses

    def factcheck_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM factchecks").fetchone()[0]

    def factcheck_tokens(self) -> list[tuple[int, str]]:
        """``(id, space-joined analysed tokens)`` of every fact-check, in id order."""
        return [(r[0], r[1]) for r in self.db.execute("SELECT id, tokens FROM factchecks ORDER BY id")]

    def factchecks(self, ids: list[int] | None = None) -> list[FactCheck]:
        """Fact-checks by id, in the order given (missing ids skipped); all of them when ``ids`` is None."""
        if ids is None:
            rows = self.db.execute("SELECT * FROM factchecks ORDER BY id").fetchall()
        else:
            rows = []
            for chunk, marks in _in_batches(ids):
                rows += self.db.execute(f"SELECT * FROM factchecks WHERE id IN ({marks})", chunk).fetchall()
            by_id = {r["id"]: r for r in rows}
            rows = [by_id[i] for i in ids if i in by_id]
        return [FactCheck(claim=r["claim"], url=r["url"], title=r["title"], claimant=r["claimant"],
                          claim_date=r["claim_date"], publisher=r["publisher"], publisher_site=r["publisher_site"],
                          review_date=r["review_date"], rating=r["rating"], rating_normalised=r["rating_normalised"],
                          language=r["language"], external_id=r["external_id"], origin=r["origin"], id=r["id"])
                for r in rows]

    def sources(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL")}

    def story(self, story_id: int) -> list[int]:
        """Ids of the articles linked to one story (the original and its copies)."""
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY id", (story_id,))]


def _some(ids: list[int], shown: int = 10) -> str:
    return ", ".join(map(str, ids[:shown])) + (" …" if len(ids) > shown else "")


def factcheck_key(item: FactCheck) -> str:
    """A fact-check's identity: where it is published (URL, else the dataset's id, else
    publisher and date) and the claim in matching form."""
    where = item.url or item.external_id or f"{item.publisher or ''}|{item.review_date or ''}"
    return hashlib.sha1(f"{where}\n{normalize(item.claim)}".encode("utf-8")).hexdigest()


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
