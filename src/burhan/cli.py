"""The ``burhan`` command line (Typer). Machine output with ``--json``; progress on stderr."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from burhan.ingest import ReadOptions, ingest
from burhan.store import Store, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Burhan (برهان): check Arabic claims against Arabic news, offline.")
out = Console()
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", envvar="BURHAN_DB", help="Store file (SQLite).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _open(db: Path, create: bool = False) -> Store:
    try:
        return Store(db, create=create)
    except StoreError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2) from None


def progress_bar(label: str, disable: bool = False) -> Progress:
    return Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True, disable=disable or not err.is_terminal,
    )


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to ingest.")],
    db: DbOption = Path("burhan.db"),
    as_json: JsonOption = False,
    text_field: Annotated[Optional[str], typer.Option(help="JSON/CSV field holding the article text.")] = None,
    title_field: Annotated[Optional[str], typer.Option(help="JSON/CSV field holding the title.")] = None,
    url_field: Annotated[Optional[str], typer.Option(help="JSON/CSV field holding the URL.")] = None,
    date_field: Annotated[Optional[str], typer.Option(help="JSON/CSV field holding the date.")] = None,
    max_article_mb: Annotated[float, typer.Option(help="Largest single-article file (.txt/.html).")] = 5.0,
    workers: Annotated[Optional[int], typer.Option(help="Analyser processes (default: by corpus size).")] = None,
) -> None:
    """Read news files into the store; near-duplicates are linked to one story."""
    options = ReadOptions(text_field, title_field, url_field, date_field, max_document_bytes=int(max_article_mb * 1e6))
    with _open(db, create=True) as store, progress_bar("ingest") as bar:
        task = bar.add_task("ingest", total=None)
        report = ingest(paths, store, options, workers=workers,
                        on_file=lambda done, total: bar.update(task, completed=done, total=total))
    if as_json:
        _print_json(report.to_dict())
    else:
        for e in report.errors:
            err.print(f"[red]error:[/] {e.path}: {e.error}", highlight=False)
        out.print(f"added {report.added}, unchanged {report.unchanged}, "
                  f"duplicates linked {report.duplicates}, errors {len(report.errors)}  → {db}")
    if report.errors:
        raise typer.Exit(1)


@app.command()
def stats(db: DbOption = Path("burhan.db"), as_json: JsonOption = False) -> None:
    """Counts of articles, sentences, stories and sources."""
    with _open(db) as store:
        values = store.stats()
    if as_json:
        _print_json(values)
        return
    table = Table(show_header=False)
    for key, value in values.items():
        table.add_row(key, str(value))
    out.print(table)


@app.command("list")
def list_command(
    db: DbOption = Path("burhan.db"),
    as_json: JsonOption = False,
    limit: Annotated[Optional[int], typer.Option(help="Show at most this many.")] = None,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
) -> None:
    """Stored articles: id, title, origin, source, date."""
    with _open(db) as store:
        rows = [
            {"id": a.id, "title": a.title, "origin": a.origin, "source": a.source, "date": a.date, "story_id": a.story_id}
            for a in store.list_articles(limit, offset)
        ]
    if as_json:
        _print_json(rows)
        return
    table = Table("id", "date", "source", "title", "story")
    for r in rows:
        table.add_row(str(r["id"]), r["date"] or "", r["source"] or "", r["title"] or "", str(r["story_id"]))
    out.print(table)


@app.command()
def show(
    article_id: Annotated[int, typer.Argument(help="Article id (see 'burhan list').")],
    db: DbOption = Path("burhan.db"),
    as_json: JsonOption = False,
) -> None:
    """One article: metadata, cleaned text and numbered sentences."""
    with _open(db) as store:
        article = store.get(article_id)
        copies = [i for i in store.story(article.story_id) if i != article_id] if article else []
    if article is None:
        err.print(f"[red]error:[/] no article with id {article_id}")
        raise typer.Exit(1)
    if as_json:
        _print_json({
            "id": article.id, "title": article.title, "origin": article.origin, "url": article.url,
            "source": article.source, "date": article.date, "story_id": article.story_id, "copies": copies,
            "text": article.text, "sentences": [s.text for s in article.sentences],
        })
        return
    out.print(f"[bold]{article.title or ''}[/]", highlight=False)
    out.print(f"{article.source or '-'} · {article.date or 'undated'} · {article.origin}", highlight=False)
    if copies:
        out.print(f"story {article.story_id}; same story as articles {', '.join(map(str, copies))}")
    for s in article.sentences:
        out.print(f"[dim]{s.index + 1:>3}[/] {s.text}", highlight=False)


DEMO_CORPUS = Path(__file__).parent / "demo" / "demo_corpus.jsonl"


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Where to build the demo store.")] = Path("burhan-demo.db"),
) -> None:
    """The main job on the bundled synthetic demo corpus: ingest it and print its stats."""
    with _open(db, create=True) as store:
        report = ingest([DEMO_CORPUS], store)
        values = store.stats()
    out.print(f"[bold]Demo corpus[/] ({DEMO_CORPUS.name}, synthetic) → {db}")
    out.print(f"added {report.added}, unchanged {report.unchanged}, duplicates linked {report.duplicates}")
    out.print(f"store: {values['articles']} articles, {values['sentences']} sentences, "
              f"{values['stories']} stories, {values['sources']} sources")
    if report.errors:
        for e in report.errors:
            err.print(f"[red]error:[/] {e.path}: {e.error}", highlight=False)
        raise typer.Exit(1)


def main() -> None:
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    app()


if __name__ == "__main__":
    main()
