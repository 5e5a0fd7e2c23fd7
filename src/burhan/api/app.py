"""The REST API and the fact-checkers' web page, one FastAPI app over one store.

Reads and checks are open (unless the server is private); writes (ingest, fact-check import,
an editor's note) need a bearer token whose role allows them: the server's ``--token`` (admin)
or one of the store's scoped tokens (``burhan.store.tokens``); with neither, writes are refused
outright. Every error answers ``ErrorResponse``, declared per operation. The store, its
index and the models are shared by every request, so requests that touch them take one
lock: SQLite and the encoders are not made for concurrent use from one process, and a
check takes tens of milliseconds. An ingest is all or nothing: every article is read and
cleaned first, and if any fails nothing is stored.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import threading
import time
from collections import Counter, deque
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path, PurePath
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Path as PathParam, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from burhan.api.models import (ArticleList, ArticleResponse, CheckEdit, CheckList, CheckRequest, CheckResponse,
                               ErrorResponse, FactCheckImportResponse, Health, IngestArticle, IngestRequest,
                               IngestResponse)
from burhan.domain import CheckRecord, Claim, Document, FactCheckMatch, SearchHit, Verdict
from burhan.engine import MAX_CLAIM_CHARS, ClaimError, Engine
from burhan.ingest import IngestError, ReadOptions
from burhan.ingest.claimreview import FACTCHECK_SUFFIXES, factcheck_tokens, read_factchecks
from burhan.ingest.clean import clean
from burhan.ingest.errors import json_problem
from burhan.ingest.pipeline import IngestReport, analyze_file
from burhan.search import SearchError
from burhan.search.dense import DEFAULT_ENCODER
from burhan.search.factchecks import MatchError
from burhan.store import Store, StoreError
from burhan.store.corpus import ShardedStore
from burhan.store.tokens import TokenInfo, TokenRegistry, allows
from burhan.store.history import CheckHistory, CheckNotFound, history_of
from burhan.web.export import FORMATS, export_check

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/noto"))
MAX_REQUEST_BYTES = 20 * 1024 * 1024
MAX_FILES = 200
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id is refused, not overflowed
MAX_OFFSET = 10**9
CheckId = Annotated[int, PathParam(ge=1, le=MAX_ID, description="The check's id in the history.")]
ArticleId = Annotated[int, PathParam(ge=1, le=MAX_ID, description="The article's id.")]
EXCERPT_CONTEXT = 1  # sentences shown either side of a rationale sentence


ERROR_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
               409: "conflict", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_request",
               429: "too_many_requests", 500: "internal", 507: "insufficient_storage"}
ERROR_MEANINGS = {400: "The body could not be parsed (not UTF-8 JSON, or broken multipart).",
                  401: "No valid bearer token (a wrong one is refused on reads too).",
                  403: "Writes are disabled (no token configured), or the token's role does not allow this.",
                  404: "No such item.", 409: "The server reads a sharded corpus, which is read only.",
                  413: "The request body is over the server's limit.", 415: "Unsupported content type.",
                  422: "Invalid request: the field at fault is named.",
                  429: "Too many failed authentications from this address (see Retry-After).",
                  500: "Unexpected failure (see the server log).",
                  507: "The disk is full: nothing of the request was stored, the store is as it was."}


def error_responses(*statuses: int, auth: bool = True) -> dict:
    """The ``responses`` of an operation: each error status it can answer, with the one error
    model (500 everywhere; with ``auth``, the token's 401 / 403 / 429 too)."""
    every = sorted({*statuses, 500, *((401, 403, 429) if auth else ())})
    return {s: {"model": ErrorResponse, "description": ERROR_MEANINGS[s]} for s in every}


def error_body(status: int, message: str, field: str | None = None, items: list | None = None) -> dict:
    body = {"code": ERROR_CODES.get(status, "bad_request"), "message": message}
    if field:
        body["field"] = field
    if items is not None:
        body["errors"] = items
    return {"error": body}


def refuse(status: int, message: str, field: str | None = None, items: list | None = None, **kwargs) -> HTTPException:
    """An HTTPException whose answer is ``ErrorResponse`` (``message``, the ``field`` at fault, bad ``items``)."""
    return HTTPException(status, {"message": message, "field": field, "errors": items}, **kwargs)


def excerpt(sentences: list, rationale_indices: set[int]) -> list[dict]:
    keep = {i for r in rationale_indices for i in range(r - EXCERPT_CONTEXT, r + EXCERPT_CONTEXT + 1)}
    return [{"index": s.index, "text": s.text, "rationale": s.index in rationale_indices}
            for s in sentences if s.index in keep]


def app_from_environment() -> FastAPI:
    """The app of ``burhan serve --workers N``: uvicorn imports it in each worker process, so
    its settings come from the environment the command set (``BURHAN_SERVE_DB``,
    ``BURHAN_SERVE_ENCODER``, ``BURHAN_TOKEN``). Each worker has its own engine over the one
    WAL store; writes are serialised by the store's write lock."""
    return create_app(os.environ["BURHAN_SERVE_DB"], token=os.environ.get("BURHAN_TOKEN") or None,
                      private=bool(os.environ.get("BURHAN_SERVE_PRIVATE")),
                      encoder=os.environ.get("BURHAN_SERVE_ENCODER", DEFAULT_ENCODER), warm=True)


class FailedLogins:
    """Failed authentications per client address (in this process): past ``limit`` within
    ``window`` seconds, the address is refused (429) until the window has passed."""

    def __init__(self, limit: int = 10, window: float = 60.0):
        self.limit, self.window = limit, window
        self.failures: dict[str, deque] = {}
        self.lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque:
        times = self.failures.setdefault(client, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def blocked_for(self, client: str) -> float:
        """Seconds ``client`` must wait (0: not blocked)."""
        with self.lock:
            now = time.monotonic()
            times = self._recent(client, now)
            return self.window - (now - times[0]) if len(times) >= self.limit else 0.0

    def fail(self, client: str) -> None:
        with self.lock:
            self._recent(client, time.monotonic()).append(time.monotonic())


def create_app(db: str | Path, token: str | None = None, encoder: str = DEFAULT_ENCODER,
               max_request_bytes: int = MAX_REQUEST_BYTES, max_claim_chars: int = MAX_CLAIM_CHARS,
               engine: Engine | None = None, warm: bool = False, private: bool = False,
               failed_logins: FailedLogins | None = None) -> FastAPI:
    """The app over the store ``db``. ``token``: an admin token (the store's scoped tokens,
    ``burhan token create``, are accepted too). ``private``: reads need a ``read`` token and
    checks a ``check`` token (else they are open). ``warm``: load the encoders and models at start-up
    (``burhan serve`` does) instead of on the first check."""
    lock = threading.Lock()
    state: dict[str, Engine] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        state["engine"] = engine or Engine.open(db, encoder=encoder, max_claim_chars=max_claim_chars)
        if warm:
            state["engine"].warm()
        yield
        if engine is None:
            state["engine"].close()

    def current() -> Engine:
        """The engine, caught up with what other processes (server workers, a command-line
        ingest) wrote to the store since the last request. Called under ``lock``."""
        e = state["engine"]
        e.searcher.follow()
        return e

    def writable() -> Engine:
        e = current()
        if isinstance(e.store, ShardedStore):
            raise HTTPException(409, "this server reads a sharded corpus (read only): ingest into a store file, "
                                     "or build a new corpus with 'burhan spark ingest'")
        return e

    # FastAPIOffline: the /docs and /redoc pages load Swagger UI and ReDoc from files of a
    # package, not from a CDN, so they work on an air-gapped machine
    app = FastAPIOffline(title="Burhan", version="0.1.0", lifespan=lifespan,
                         description="Check Arabic claims against Arabic news, offline (برهان).")
    bearer = HTTPBearer(auto_error=False)

    logins = failed_logins or FailedLogins()

    def holder(request: Request, credentials: HTTPAuthorizationCredentials | None) -> TokenInfo | None:
        """Who the bearer token belongs to; None without one; 401 for a wrong one (counted per
        client address: past the limit, 429). A token never appears in an answer or a log."""
        client = request.client.host if request.client else "unknown"
        wait = logins.blocked_for(client)
        if wait:
            raise refuse(429, f"too many failed authentications from this address; try again in {wait:.0f} s",
                         headers={"Retry-After": str(max(1, round(wait)))})
        if credentials is None:
            return None
        given = credentials.credentials
        if token is not None and secrets.compare_digest(given.encode(), token.encode()):
            return TokenInfo("admin", "admin", "")
        store = current().store
        found = TokenRegistry(store).authenticate(given) if isinstance(store, Store) else None
        if found is None:
            logins.fail(client)
            raise refuse(401, "the bearer token is not valid (unknown or revoked)", headers={"WWW-Authenticate": "Bearer"})
        return found

    def writes_enabled() -> bool:
        store = current().store
        return token is not None or (isinstance(store, Store) and TokenRegistry(store).any_active())

    def require(needed: str, write: bool):
        """A dependency: the caller's name, when their token's role allows ``needed``. Reads and
        checks are open unless the server is private; writes always need a token."""
        open_to_all = not private and not write

        def dependency(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> str:
            with lock:
                if not open_to_all and not writes_enabled():
                    raise refuse(403, "refused: the server was started without a token (--token) and the store "
                                      "has none ('burhan token create NAME --role ROLE')")
                info = holder(request, credentials)
                if info is None:
                    if open_to_all:
                        return "anonymous"
                    raise refuse(401, f"a bearer token with the role {needed!r} or above is required",
                                 headers={"WWW-Authenticate": "Bearer"})
            if not allows(info.role, needed):
                raise refuse(403, f"the token {info.name!r} has the role {info.role!r}; this needs {needed!r} or above")
            return info.name

        return dependency

    reader, checker = require("read", write=False), require("check", write=False)
    editor, ingester = require("check", write=True), require("ingest", write=True)  # a note; articles, fact-checks

    def history() -> CheckHistory:
        try:
            return history_of(current().store)
        except StoreError as err:  # a sharded corpus: read only, no history
            raise refuse(409, str(err)) from None

    @app.middleware("http")
    async def limit_request_size(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > max_request_bytes):
            return JSONResponse(error_body(413, f"request body over the limit of {max_request_bytes} bytes"), status_code=413)
        return await call_next(request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, dict) else {"message": str(exc.detail)}
        return JSONResponse(error_body(exc.status_code, detail["message"], detail.get("field"), detail.get("errors")),
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        def where(e: dict) -> str:
            return ".".join(str(p) for p in e["loc"] if p not in ("body", "query", "path", "header")) or "body"

        problems = exc.errors()
        return JSONResponse(error_body(422, "; ".join(f"{where(e)}: {e['msg']}" for e in problems),
                                       where(problems[0]) if problems else None), status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        return JSONResponse(error_body(500, "internal error; see the server log"), status_code=500)

    # -- reads --------------------------------------------------------------------------

    @app.get("/health", response_model=Health, responses=error_responses(auth=False))
    def health() -> dict:
        with lock:
            return {"status": "ok", "articles": current().store.article_count(), "worker": os.getpid()}

    @app.get("/api/stats", response_model=dict[str, int], responses=error_responses(), dependencies=[Depends(reader)])
    def stats() -> dict:
        with lock:
            return current().store.stats()

    @app.post("/api/check", response_model=CheckResponse, responses=error_responses(400, 401, 413, 422))
    def check(request: CheckRequest, asked_by: str = Depends(checker),
              client: str | None = Header(None, alias="X-Burhan-Client", pattern="^page$",
                                          description="'page' when the web page asks (kept in the history).")) -> dict:
        """Check a claim. The check is kept in the history (``check_id``) with who asked."""
        try:
            with lock:
                e = current()
                verdict = e.check(Claim(request.claim, date=request.date), k=request.k, lang=request.lang)
                sentences = {a.id: a.sentences for a in e.store.articles([x.article_id for x in verdict.evidence])}
                body = verdict_body(verdict, sentences)
                if e.keeps_history:
                    body["check_id"] = e.save(asdict(verdict), asked_by, client or "api")
        except ClaimError as err:
            raise refuse(422, str(err), "claim") from None
        except SearchError as err:
            raise refuse(422, str(err)) from None
        return body

    @app.get("/api/checks", response_model=CheckList, responses=error_responses(409, 422), dependencies=[Depends(reader)])
    def checks(limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict:
        """The history of checks, newest first, paged."""
        with lock:
            h = history()
            return {"total": h.count(), "offset": offset, "items": [asdict(r) for r in h.list(limit, offset)]}

    @app.get("/api/checks/{check_id}", response_model=CheckRecord, responses=error_responses(404, 409, 422), dependencies=[Depends(reader)])
    def check_record(check_id: CheckId) -> dict:
        """One past check with the answer as it was given (``result``)."""
        with lock:
            try:
                return asdict(history().get(check_id))
            except CheckNotFound as err:
                raise HTTPException(404, str(err)) from None

    @app.patch("/api/checks/{check_id}", response_model=CheckRecord,
                responses=error_responses(400, 401, 403, 404, 409, 413, 422))
    def edit_check(check_id: CheckId, edit: CheckEdit, edited_by: str = Depends(editor)) -> dict:
        """Add or change the editor's note and verdict; the machine's answer is never changed."""
        given = edit.model_fields_set
        if not given:
            raise HTTPException(422, "give 'note' and/or 'verdict_override'")
        with lock:
            try:
                record = history().annotate(
                    check_id, edited_by, note=(edit.note or "") if "note" in given else None,
                    verdict_override=edit.verdict_override if "verdict_override" in given else None,
                    clear_override="verdict_override" in given and edit.verdict_override is None)
            except CheckNotFound as err:
                raise HTTPException(404, str(err)) from None
        return asdict(record)

    @app.get("/api/checks/{check_id}/export", response_class=Response, dependencies=[Depends(reader)],
             responses={200: {"content": {FORMATS["json"]: {"schema": {"$ref": "#/components/schemas/CheckRecord"}},
                                          FORMATS["csv"]: {"schema": {"type": "string"}},
                                          FORMATS["html"]: {"schema": {"type": "string"}}},
                              "description": "The check as JSON, CSV (a row per related article) or a printable HTML page."},
                        **error_responses(404, 409, 422)})
    def export(check_id: CheckId, format: str = Query("json", pattern="^(json|csv|html)$")) -> Response:
        """One past check as a file to download."""
        with lock:
            try:
                record = history().get(check_id)
            except CheckNotFound as err:
                raise HTTPException(404, str(err)) from None
        text, media = export_check(record, format)
        return Response(text, media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="burhan-check-{check_id}.{format}"'})

    @app.get("/api/search", response_model=list[SearchHit], responses=error_responses(422), dependencies=[Depends(reader)])
    def search(response: Response, q: str = Query(description="What to look for."), k: int = Query(10, ge=1, le=100),
               mode: str = Query("hybrid", pattern="^(bm25|dense|hybrid)$"), sentences: bool = False) -> list[dict]:
        """Search the corpus. A hybrid search while vectors are missing (an ingest on the command
        line not yet embedded) answers with BM25 alone and says so in ``X-Burhan-Warning``."""
        if len(q) > max_claim_chars:
            raise refuse(422, f"the query is {len(q)} characters long; the limit is {max_claim_chars}", "q")
        try:
            with lock:
                searcher = current().searcher
                try:
                    hits = searcher.search(q, k, mode, sentences)
                except SearchError as err:
                    if mode != "hybrid" or "vectors" not in str(err):
                        raise
                    hits = searcher.search(q, k, "bm25", sentences)
                    response.headers["X-Burhan-Warning"] = f"searched with BM25 only: {err}"
        except SearchError as err:
            raise refuse(422, str(err)) from None
        return [asdict(h) for h in hits]

    @app.get("/api/factchecks", response_model=list[FactCheckMatch], responses=error_responses(422), dependencies=[Depends(reader)])
    def factchecks(q: str = Query(description="The claim or post to look up."), k: int = Query(10, ge=1, le=100)) -> list[dict]:
        """Published fact-checks of a claim, best first, each with P(same claim)."""
        if len(q) > max_claim_chars:
            raise refuse(422, f"the query is {len(q)} characters long; the limit is {max_claim_chars}", "q")
        try:
            with lock:
                e = current()
                matches = e.matcher.match(q, k) if e.store.factcheck_count() else []
        except MatchError as err:
            raise HTTPException(422, str(err)) from None
        return [asdict(m) for m in matches]

    @app.get("/api/articles", response_model=ArticleList, responses=error_responses(422), dependencies=[Depends(reader)])
    def articles(limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict:
        """The corpus's articles, paged, in the order they were stored."""
        with lock:
            store = current().store
            items = store.list_articles(limit, offset)
            total = store.article_count()
        return {"total": total, "offset": offset,
                "items": [{"id": a.id, "title": a.title, "origin": a.origin, "url": a.url, "source": a.source,
                           "date": a.date, "story_id": a.story_id} for a in items]}

    @app.get("/api/articles/{article_id}", response_model=ArticleResponse, responses=error_responses(404, 422), dependencies=[Depends(reader)])
    def article(article_id: ArticleId) -> dict:
        with lock:
            store = current().store
            found = store.get(article_id)
            if found is None:
                raise HTTPException(404, f"no article with id {article_id}")
            copies = [i for i in store.story(found.story_id) if i != article_id]
        return {"id": found.id, "title": found.title, "origin": found.origin, "url": found.url, "source": found.source,
                "date": found.date, "story_id": found.story_id, "copies": copies, "text": found.text,
                "sentences": [s.text for s in found.sentences]}

    # -- writes -------------------------------------------------------------------------

    @app.post("/api/ingest", response_model=IngestResponse, dependencies=[Depends(ingester)],
              responses=error_responses(400, 401, 403, 409, 413, 415, 422, 507),
              openapi_extra={"requestBody": {"content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/IngestRequest"}},
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
              }, "required": True}})
    async def ingest(request: Request) -> dict:
        """Add articles, as JSON (``{"articles": [...]}``) or as uploaded files (txt, html, json,
        jsonl, csv). All or nothing: if any article cannot be read, nothing is stored (422)."""
        kind = request.headers.get("content-type", "")
        if kind.startswith("application/json"):
            articles, problems = _from_json(await request.body())
        elif kind.startswith("multipart/form-data"):
            form = await request.form(max_files=MAX_FILES)
            articles, problems = await _from_files([f for f in form.getlist("files") if hasattr(f, "read")])
        else:
            raise HTTPException(415, "send application/json ({\"articles\": [...]}) or multipart/form-data files")
        if problems:
            raise refuse(422, "nothing was stored: some articles could not be read", items=problems)
        with lock:
            e = writable()
            with e.store.write_lock():  # the store and its index in step, whatever other workers do
                report = IngestReport()
                try:
                    report.count(e.store.add_articles(articles))
                except StoreError as err:  # a full disk: nothing of this request was stored
                    raise refuse(507, str(err)) from None
                e.searcher.sync(embed=True)
        return {"added": report.added, "unchanged": report.unchanged, "duplicates": report.duplicates, "errors": []}

    @app.post("/api/factchecks", response_model=FactCheckImportResponse, dependencies=[Depends(ingester)],
              responses=error_responses(400, 401, 403, 409, 413, 415, 422),
              openapi_extra={"requestBody": {"content": {
                  "application/json": {"schema": {"description": "A ClaimReview object or list, a Fact Check Tools "
                                                   "API response, or a DataCommons ClaimReview feed."}},
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
              }, "required": True}})
    async def import_factchecks(request: Request) -> dict:
        """Import published fact-checks: a JSON body (ClaimReview, Fact Check Tools response, DataCommons
        feed) or uploaded files (json, jsonl, html with ClaimReview markup, CheckThat! tsv). All or
        nothing: if any record cannot be read, nothing is stored (422, every bad record named)."""
        kind = request.headers.get("content-type", "")
        with tempfile.TemporaryDirectory() as tmp:
            if kind.startswith("application/json"):
                path = Path(tmp) / "body.json"
                path.write_bytes(await request.body())
                files = [(path, "body")]
            elif kind.startswith("multipart/form-data"):
                form = await request.form(max_files=MAX_FILES)
                uploads = [f for f in form.getlist("files") if hasattr(f, "read")]
                if not uploads:
                    raise HTTPException(422, "no files: send them in the 'files' field")
                files = []
                for n, upload in enumerate(uploads):
                    name = PurePath(upload.filename or f"upload-{n}.json").name or f"upload-{n}.json"
                    if PurePath(name).suffix.lower() not in FACTCHECK_SUFFIXES:
                        raise HTTPException(422, f"{name}: unsupported file type; send .json, .jsonl, .html or .tsv")
                    path = Path(tmp) / f"{n:04d}-{name}"
                    path.write_bytes(await upload.read())
                    files.append((path, name))
            else:
                raise HTTPException(415, "send application/json (ClaimReview) or multipart/form-data files")
            results = [(read_factchecks(path), name) for path, name in files]
        problems = [{"path": name, "record": e.record, "error": e.error} for result, name in results for e in result.errors]
        if problems:
            raise refuse(422, "nothing was stored: some fact-checks could not be read", items=problems)
        items = [f for result, _ in results for f in result.factchecks]
        for result, name in results:  # name the upload, not the temporary file
            for f in result.factchecks:
                f.origin = f"upload:{name}#{f.origin.rsplit('#', 1)[-1]}"
        unknown = sum((result.unknown_ratings for result, _ in results), Counter())
        with lock:
            e = writable()
            statuses = e.store.add_factchecks(items, [factcheck_tokens(f) for f in items])
            e.matcher.refresh()
        return {"added": statuses.count("added"), "unchanged": statuses.count("unchanged"), "errors": [],
                "unknown_ratings": dict(unknown.most_common())}

    # -- the page -----------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/fonts/{name}", include_in_schema=False)
    def font(name: str) -> FileResponse:
        if PurePath(name).name != name or not name.endswith(".ttf"):
            raise HTTPException(404, "no such font")
        for folder in FONT_FOLDERS:
            if (folder / name).is_file():
                return FileResponse(folder / name, media_type="font/ttf")
        raise HTTPException(404, "font not installed (Debian: apt install fonts-noto-core)")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def openapi() -> dict:
        """FastAPI's document, with the models the ingest body is read by (parsed by hand, as it
        may be JSON or files) in its components, so that every reference resolves."""
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            for model in (IngestRequest, IngestArticle):
                schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
                schema.pop("$defs", None)  # each is a component of its own
                schemas[model.__name__] = schema
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi
    return app



def verdict_body(verdict: Verdict, sentences: dict[int, list]) -> dict:
    body = asdict(verdict)
    for item, evidence in zip(body["evidence"], verdict.evidence):
        item["excerpt"] = excerpt(sentences.get(evidence.article_id, []), {r.index for r in evidence.rationale})
    return body


def _from_json(raw: bytes) -> tuple[list, list[dict]]:
    try:
        request = IngestRequest.model_validate(json.loads(raw))
    except json.JSONDecodeError as err:
        raise HTTPException(422, f"body is not valid JSON: {json_problem(err)}") from None
    except ValidationError as err:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors()]
        raise HTTPException(422, "; ".join(problems)) from None
    articles, errors = [], []
    for n, item in enumerate(request.articles):
        document = Document(origin=item.url or f"api#{n}:{item.title or ''}", raw_text=item.text, title=item.title,
                            url=item.url, date=item.date, source=item.source, is_html=item.html)
        try:
            articles.append(clean(document))
        except IngestError as err:
            errors.append({"path": f"articles[{n}]", "error": str(err)})
    return articles, errors


async def _from_files(uploads: list) -> tuple[list, list[dict]]:
    if not uploads:
        raise HTTPException(422, "no files: send them in the 'files' field")
    articles, errors = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n, upload in enumerate(uploads):
            name = PurePath(upload.filename or f"upload-{n}.txt").name or f"upload-{n}.txt"
            path = Path(tmp) / f"{n:04d}-{name}"
            path.write_bytes(await upload.read())
            result = analyze_file(path, ReadOptions())
            for a in result.articles:  # name the upload, not the temporary file
                a.origin = a.origin.replace(str(path), f"upload:{name}")
            articles += result.articles
            errors += [{"path": name, "error": e.error} for e in result.errors]
    return articles, errors


def serve_in_background(app: FastAPI, host: str = "127.0.0.1", timeout: float = 120.0):
    """Run ``app`` with uvicorn in a daemon thread on a free port (tests, benchmarks,
    screenshots). Returns ``(base_url, server)``; set ``server.should_exit = True`` to stop."""
    import socket
    import time
    import urllib.error
    import urllib.request

    import uvicorn

    with socket.socket() as s:
        s.bind((host, 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://{host}:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/health", timeout=1) as response:
                if response.status == 200:
                    return url, server
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server at {url} did not start within {timeout:.0f} s")
