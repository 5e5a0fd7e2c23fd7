"""The ``burhan`` command line (Typer). Machine output with ``--json``; progress on stderr."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from contextlib import contextmanager
from functools import partial
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from burhan.demo import DEMO_CLAIMS, DEMO_CORPUS, DEMO_FACTCHECKS
# light imports only at start (`burhan --help`, `stats`, `list` start fast): the cleaner
# (trafilatura), the encoders and the models are imported by the commands that use them
from burhan.ingest.errors import IngestError
from burhan.ingest.readers import ReadOptions, json_lines
from burhan.search import DEFAULT_ENCODER, MODES, Searcher, SearchError
from burhan.cli_labels import LANGS, label
from burhan.store import Store, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Burhan (برهان): check Arabic claims against Arabic news, offline.")
eval_app = typer.Typer(no_args_is_help=True, help="Evaluate under published protocols.")
app.add_typer(eval_app, name="eval")
train_app = typer.Typer(no_args_is_help=True, help="Train Burhan's models from public corpora.")
app.add_typer(train_app, name="train")
out = Console()
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", envvar="BURHAN_DB", help="Store file (SQLite).")]
LangOption = Annotated[str, typer.Option("--lang", help="Language of the human output (headings, labels, explanation): ar or en.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
EncoderOption = Annotated[str, typer.Option("--encoder", help="Dense encoder: use-m3 or e5-small.")]


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _open(db: Path, create: bool = False) -> Store:
    """The store file ``db``, or the sharded corpus in the folder ``db`` (read only)."""
    from burhan.store.corpus import open_store

    with _exit_2_on(StoreError):
        return open_store(db, create=create)


@contextmanager
def _exit_2_on(*errors: type[Exception]):
    """Report one of ``errors`` as a one-line error and exit with status 2 (bad input)."""
    try:
        yield
    except errors as e:
        err.print(f"[red]error:[/] {e}", highlight=False)
        raise typer.Exit(2) from None


def _stage_progress(bar: Progress) -> Callable[[str, int, int], None]:
    """An ``on_progress(stage, done, total)`` that gives each stage its own bar."""
    tasks: dict[str, int] = {}

    def on_progress(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    return on_progress


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
    source_field: Annotated[Optional[str], typer.Option(help="JSON/CSV field holding the publisher "
                                                        "(default tries source, publisher, site_name, المصدر).")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="The publisher of every article read that names "
                                                  "none by a field or a URL (a folder of one site's pages, say).")] = None,
    max_article_mb: Annotated[float, typer.Option(help="Largest single-article file (.txt/.html).")] = 5.0,
    workers: Annotated[Optional[int], typer.Option(help="Analyser processes (default: by corpus size).")] = None,
    embed: Annotated[bool, typer.Option("--embed/--no-embed", help="Embed new articles for dense search now.")] = True,
    encoder: EncoderOption = DEFAULT_ENCODER,
    on_error: Annotated[str, typer.Option("--on-error", help="A bad JSONL line or CSV row: 'fail' stores nothing of "
                                          "its file, 'skip' names it and stores the file's good records.")] = "fail",
) -> None:
    """Read news files into the store and its search index; near-duplicates are linked to one story."""
    with _exit_2_on(ValueError):
        options = ReadOptions(text_field, title_field, url_field, date_field, source_field=source_field,
                              source=(source or "").strip() or None, max_document_bytes=int(max_article_mb * 1e6),
                              on_error=on_error)
    with _open(db, create=True) as store, progress_bar("ingest") as bar:
        task = bar.add_task("ingest", total=None)
        from burhan.ingest import ingest

        with _exit_2_on(StoreError):  # a full disk: the batch that did not fit is not stored
            report = ingest(paths, store, options, workers=workers,
                            on_file=lambda done, total: bar.update(task, completed=done, total=total))
            _sync(store, bar, embed, encoder)
    _report_ingest(report, as_json, str(db))


def _report_ingest(report, as_json: bool, where: str) -> None:
    """The ingest summary (JSON or one line, each error on its own line); exit 1 if any error."""
    if as_json:
        _print_json(report.to_dict())
    else:
        for e in report.errors:
            err.print(f"[red]error:[/] {e.path}: {e.error}", highlight=False)
        out.print(f"added {report.added}, unchanged {report.unchanged}, duplicates linked {report.duplicates}, "
                  f"skipped {report.skipped}, errors {len(report.errors)}  → {where}")
    if report.errors:
        raise typer.Exit(1)


def _sync(store: Store, bar: Progress, embed: bool, encoder: str) -> Searcher:
    searcher = Searcher(store, encoder=encoder)
    index_task = bar.add_task("index", total=None)
    embed_task = bar.add_task("embed", total=None, visible=embed)
    searcher.sync(
        embed=embed,
        on_index=lambda done, total: bar.update(index_task, completed=done, total=total),
        on_embed=lambda done, total: bar.update(embed_task, completed=done, total=total),
    )
    return searcher


@app.command()
def embed(db: DbOption = Path("burhan.db"), encoder: EncoderOption = DEFAULT_ENCODER) -> None:
    """Embed every article that has no vector yet (resumable; progress bar)."""
    with _open(db) as store, progress_bar("embed") as bar:
        searcher = _sync(store, bar, True, encoder)
        total = store.stats()["articles"]
    out.print(f"{total} articles have {searcher.encoder_name} vectors")


@app.command()
def reindex(db: DbOption = Path("burhan.db")) -> None:
    """Rebuild the BM25 index from the store."""
    with _open(db) as store, progress_bar("reindex") as bar:
        task = bar.add_task("reindex", total=None)
        searcher = Searcher(store)
        searcher.rebuild(on_index=lambda done, total: bar.update(task, completed=done, total=total))
        count = searcher.lexical.count()
    out.print(f"indexed {count} articles → {searcher.lexical.folder}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for (a claim, words, a name).")],
    db: DbOption = Path("burhan.db"),
    k: Annotated[int, typer.Option("--k", help="How many results.")] = 10,
    mode: Annotated[str, typer.Option("--mode", help="bm25, dense or hybrid.")] = "hybrid",
    sentences: Annotated[bool, typer.Option("--sentences", help="Return sentences instead of articles.")] = False,
    encoder: EncoderOption = DEFAULT_ENCODER,
    as_json: JsonOption = False,
    lang: LangOption = "ar",
) -> None:
    """Search articles (or sentences) by BM25, dense vectors, or both fused."""
    _check_lang(lang)
    from burhan.search.sharded import searcher_for

    with _open(db) as store:
        with _exit_2_on(SearchError):
            hits = searcher_for(store, encoder).search(query, k=k, mode=mode, sentences=sentences)
    if as_json:
        sentence_fields = () if sentences else ("sentence_index", "sentence")
        _print_json([{k: v for k, v in asdict(h).items() if k not in sentence_fields} for h in hits])
        return
    table = Table(*(label(key, lang) for key in ("rank", "score", "id", "source", "date",
                                                   "sentence" if sentences else "title")))
    for rank, h in enumerate(hits, start=1):
        table.add_row(str(rank), f"{h.score:.4f}", str(h.article_id), h.source or "", h.date or "",
                      (f"[{h.sentence_index + 1}] {h.sentence}" if sentences else h.title) or "")
    out.print(table)


@eval_app.command("retrieval")
def eval_retrieval(
    directory: Annotated[Path, typer.Argument(help="Unified-FC folder (with dataset/*.json).")],
    format: Annotated[str, typer.Option("--format", help="Dataset layout (unifiedfc).")] = "unifiedfc",
    encoder: EncoderOption = DEFAULT_ENCODER,
    as_json: JsonOption = False,
) -> None:
    """Claims as queries over all their articles in one fresh corpus: recall@k, MRR, nDCG@10."""
    from burhan.evaluation.retrieval import evaluate_retrieval

    if format != "unifiedfc":
        err.print(f"[red]error:[/] unknown format {format!r} (supported: unifiedfc)")
        raise typer.Exit(2)
    with _exit_2_on(IngestError), progress_bar("eval") as bar:
        results = evaluate_retrieval(directory, encoder=encoder, on_progress=_stage_progress(bar))
    if as_json:
        _print_json(results)
        return
    table = Table("mode", "recall@1", "recall@5", "recall@10", "recall@20", "MRR", "nDCG@10")
    for mode in MODES:
        r = results[mode]
        table.add_row(mode, *(f"{r[m]:.3f}" for m in ("recall@1", "recall@5", "recall@10", "recall@20", "mrr", "ndcg@10")))
    out.print(table)
    out.print(f"{results['claims']} claims scored ({results['claims_without_relevant']} without relevant articles), "
              f"{results['articles']} articles, encoder {results['encoder']}")


@train_app.command("evidence")
def train_evidence_command(
    data: Annotated[Path, typer.Option("--data", help="Folder holding ans/, arabic_nli/, austr/, unifiedfc/ (../shared/datasets).")],
    out_path: Annotated[Optional[Path], typer.Option("--out", help="Where to write the model (default: the shipped one).")] = None,
    seed: Annotated[int, typer.Option("--seed")] = 13,
) -> None:
    """Train the sentence-level evidence model (supports / refutes / neutral)."""
    from burhan.stance.training import SHIPPED_EVIDENCE, train_evidence

    target = out_path or SHIPPED_EVIDENCE
    with _exit_2_on(IngestError, ValueError, OSError):
        train_evidence(data, target, seed=seed)
    out.print(f"evidence model → {target} ({target.stat().st_size / 1e6:.1f} MB)")


@eval_app.command("evidence")
def eval_evidence(
    data: Annotated[Path, typer.Option("--data", help="Folder holding ans/ (../shared/datasets).")],
    model_path: Annotated[Optional[Path], typer.Option("--model", help="Model file (default: the shipped one).")] = None,
    held_out: Annotated[bool, typer.Option("--held-out", help="Also score the held-out part of ANS train "
                                                              "(by headline; score it once, at the end).")] = False,
    baselines: Annotated[bool, typer.Option("--baselines", help="Also majority, TF-IDF + LR and plain e5 LR "
                                                                "(trained on the kept part of ANS train).")] = False,
    wave1: Annotated[Optional[Path], typer.Option("--wave1", help="With --baselines: a wave-1 stance model file "
                                                  "whose sentence-pair scorer is scored too.")] = None,
    as_json: JsonOption = False,
) -> None:
    """ANS dev (and the held-out part of ANS train) with the evidence model: supports / refutes / neutral."""
    from burhan.evaluation.evidence import baseline_reports, evidence_report
    from burhan.stance.corpora import ans_pairs, split_by_headline
    from burhan.stance.evidence import EvidenceModel
    from burhan.stance.training import SHIPPED_EVIDENCE

    with _exit_2_on(ValueError, OSError, KeyError):
        model = EvidenceModel.load(model_path or SHIPPED_EVIDENCE)
        results = {"ans_dev": evidence_report(model, ans_pairs(data / "ans/stance/dev.csv"))}
        kept, held = split_by_headline(ans_pairs(data / "ans/stance/train.csv"), seed=model.seed)
        if held_out:
            results["ans_train_held_out"] = evidence_report(model, held)
        if baselines:
            from burhan.stance import StanceModel

            old = StanceModel.load(wave1) if wave1 else None
            dev = ans_pairs(data / "ans/stance/dev.csv")
            results["baselines"] = {"ans_dev": baseline_reports(kept, dev, old)}
            if held_out:
                results["baselines"]["ans_train_held_out"] = baseline_reports(kept, held, old)
    if as_json:
        _print_json(results)
        return
    for name, r in results.items():
        if name != "baselines":
            out.print(f"{name}: pairs {r['pairs']}, accuracy {r['accuracy']:.3f}, macro-F1 {r['macro_f1']:.3f}")
    for split, systems in results.get("baselines", {}).items():
        for name, r in systems.items():
            out.print(f"{split} {name}: accuracy {r['accuracy']:.3f}, macro-F1 {r['macro_f1']:.3f}")


@train_app.command("stance")
def train_stance_command(
    data: Annotated[Path, typer.Option("--data", help="Folder holding unifiedfc/ and ans/ (../shared/datasets).")],
    out_path: Annotated[Optional[Path], typer.Option("--out", help="Where to write the model (default: the shipped one).")] = None,
    evidence_path: Annotated[Optional[Path], typer.Option("--evidence", help="Evidence model (default: the shipped one).")] = None,
    seed: Annotated[int, typer.Option("--seed")] = 13,
) -> None:
    """Train the article stance model on Unified-FC (all pairs), over the evidence model's sentence scores."""
    from burhan.stance.evidence import EvidenceModel
    from burhan.stance.training import SHIPPED_MODEL, train_stance

    target = out_path or SHIPPED_MODEL
    with _exit_2_on(IngestError, ValueError, OSError):
        evidence = EvidenceModel.load(evidence_path) if evidence_path else None
        train_stance(data, target, seed=seed, evidence=evidence)
    out.print(f"stance model → {target} ({target.stat().st_size / 1e6:.1f} MB)")


@eval_app.command("stance")
def eval_stance(
    path: Annotated[Path, typer.Argument(help="Unified-FC folder, or an ANS stance CSV.")],
    format: Annotated[str, typer.Option("--format", help="unifiedfc or ans.")] = "unifiedfc",
    model_path: Annotated[Optional[Path], typer.Option("--model", help="Model file (default: the shipped one).")] = None,
    cv: Annotated[Optional[Path], typer.Option("--cv", help="Splits file: train and test per claim-level fold.")] = None,
    ans_train: Annotated[Optional[Path], typer.Option("--ans-train", help="ANS train CSV for the wave-1 pair scorer in --cv.")] = None,
    datasets: Annotated[Optional[Path], typer.Option("--datasets", help="With --cv: the datasets folder the evidence "
                                                     "model trains from, per fold (default: the folder above PATH).")] = None,
    baselines: Annotated[bool, typer.Option("--baselines", help="With --cv: also majority, TF-IDF+LR, wave-1 (no evidence model).")] = False,
    polarity_coverage: Annotated[list[float], typer.Option("--polarity-coverage", help="With --cv: also the shipped "
                                                           "model with this polarity_coverage (repeatable).")] = [],
    polarity: Annotated[list[str], typer.Option("--polarity", help="With --cv: also the shipped model with this "
                                                "polarity: classifier, evidence or explicit (repeatable).")] = [],
    seed: Annotated[int, typer.Option("--seed", help="With --cv: the seed each fold's evidence and stance models "
                                      "train with (that of 'burhan train').")] = 13,
    as_json: JsonOption = False,
) -> None:
    """Accuracy, macro-F1, per class, confusion (and rationale P/R/F1 on Unified-FC)."""
    from burhan.evaluation.stance import (MajorityBaseline, TfidfLogisticBaseline, cross_validate, evaluate_ans,
                                          evaluate_model, load_ans)
    from burhan.stance import StanceModel
    from burhan.stance.training import SHIPPED_MODEL

    with _exit_2_on(IngestError, ValueError, OSError):
        if cv is not None:
            if format != "unifiedfc":
                raise ValueError("--cv works with --format unifiedfc")
            from burhan.stance.training import EvidenceTrainer

            pair_training = load_ans(ans_train) if ans_train else None
            trainer = EvidenceTrainer(datasets or path.resolve().parent, seed=seed)

            def burhan_model(held_out: frozenset[str], **params) -> StanceModel:
                return StanceModel(evidence=trainer.fit(held_out), seed=seed, **params)

            systems = {"burhan": burhan_model}
            for value in polarity_coverage:
                systems[f"burhan_polarity_coverage_{value}"] = partial(burhan_model, polarity_coverage=value)
            for value in polarity:
                systems[f"burhan_polarity_{value}"] = partial(burhan_model, polarity=value)
            if baselines:
                systems["burhan_polarity_classifier"] = partial(burhan_model, polarity="classifier")
            if pair_training is not None:
                systems["wave1_with_embeddings"] = lambda held_out: StanceModel(use_embeddings=True)
            if baselines:
                systems = {"majority": lambda _: MajorityBaseline(), "tfidf_logreg": lambda _: TfidfLogisticBaseline(),
                           "wave1": lambda _: StanceModel(), **systems}
            with progress_bar("cv") as bar:
                results = {}
                for name, make in systems.items():
                    task = bar.add_task(name, total=None)
                    results[name] = cross_validate(path, cv, make, pair_training,
                                                   on_fold=lambda d, t, task=task: bar.update(task, completed=d, total=t))
        else:
            model = StanceModel.load(model_path or SHIPPED_MODEL)
            results = evaluate_ans(model, path) if format == "ans" else evaluate_model(model, path)
    if as_json:
        _print_json(results)
        return
    if cv is not None:
        table = Table("system", "macro-F1", "accuracy", "agree", "disagree", "discuss", "unrelated", "disagree F1 per fold")
        for name, r in results.items():
            table.add_row(name, f"{r['macro_f1']['mean']:.3f} ± {r['macro_f1']['sd']:.3f}",
                          f"{r['accuracy']['mean']:.3f}",
                          *(f"{r['per_class_f1'][c]['mean']:.3f}" for c in ("agree", "disagree", "discuss", "unrelated")),
                          ", ".join(f"{v:.2f}" for v in r["disagree_f1_per_fold"]))
        out.print(table)
        return
    out.print(f"pairs {results['pairs']}, accuracy {results['accuracy']:.3f}, macro-F1 {results['macro_f1']:.3f}")
    table = Table("class", "precision", "recall", "F1", "support")
    for label, v in results["per_class"].items():
        table.add_row(label, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", str(v["support"]))
    out.print(table)
    if "rationale" in results:
        r = results["rationale"]
        out.print(f"rationale (agree/disagree pairs): precision {r['precision']:.3f}, recall {r['recall']:.3f}, F1 {r['f1']:.3f}")


VERDICT_STYLE = {"true": "green", "false": "red", "not_enough_evidence": "yellow"}


def _engine(db: Path, encoder: str, stance_model: Path | None, verdict_model: Path | None,
            reliability: Path | None, k: int):
    from burhan.engine import Engine

    with _exit_2_on(FileNotFoundError, ValueError, StoreError):
        return Engine.open(db, encoder=encoder, stance_model=stance_model, verdict_model=verdict_model,
                           reliability_file=reliability, k=k)


@app.command()
def check(
    claim: Annotated[Optional[str], typer.Argument(help="The claim to check (or use --batch).")] = None,
    db: DbOption = Path("burhan.db"),
    k: Annotated[int, typer.Option("--k", help="How many articles to retrieve as evidence.")] = 20,
    batch: Annotated[Optional[Path], typer.Option("--batch", help='JSONL of {"id", "claim"} to check.')] = None,
    out_path: Annotated[Optional[Path], typer.Option("--out", help="With --batch: results JSONL (resumed if it exists).")] = None,
    lang: LangOption = "ar",
    reliability: Annotated[Optional[Path], typer.Option("--reliability", help="Source reliability overrides (JSON or CSV).")] = None,
    stance_model: Annotated[Optional[Path], typer.Option("--stance-model", help="Stance model file (default: shipped).")] = None,
    verdict_model: Annotated[Optional[Path], typer.Option("--verdict-model", help="Verdict model file (default: shipped).")] = None,
    encoder: EncoderOption = DEFAULT_ENCODER,
    history: Annotated[bool, typer.Option("--history/--no-history", help="Keep the check in the store's history "
                                          "('burhan history'); a sharded corpus keeps none.")] = True,
    as_json: JsonOption = False,
) -> None:
    """Check a claim: evidence, each article's stance with its rationale, and a verdict."""
    from burhan.engine import ClaimError

    _check_lang(lang)
    _one_or_batch(claim, batch, out_path)
    items = _read_claims(batch) if batch is not None else None
    with _engine(db, encoder, stance_model, verdict_model, reliability, k) as engine:
        if history and not engine.keeps_history:
            err.print("[yellow]warning:[/] a sharded corpus is read only: the check is not kept in a history", highlight=False)
            history = False
        if items is not None:
            _check_batch(engine, items, out_path, lang, save=history)
            return
        with _exit_2_on(ClaimError, SearchError):
            verdict = engine.check(claim, lang=lang)
        result = asdict(verdict)
        if history:
            result["check_id"] = engine.save(result, "cli", "cli")
    for warning in verdict.warnings:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
    if as_json:
        _print_json(result)
    else:
        _print_verdict(verdict, lang)
        if history:
            out.print(f"[dim]{label('saved', lang).format(id=result['check_id'])}[/]", highlight=False)


def _one_or_batch(claim: str | None, batch: Path | None, out_path: Path | None) -> None:
    """Exit 2 unless exactly one of a claim and ``--batch`` is given, a batch with ``--out``."""
    if (claim is None) == (batch is None):
        err.print("[red]error:[/] give one claim, or --batch FILE --out FILE")
        raise typer.Exit(2)
    if batch is not None and out_path is None:
        err.print("[red]error:[/] --batch needs --out FILE for the results")
        raise typer.Exit(2)


def _read_claims(path: Path) -> list[tuple[str, str]]:
    """(id, claim) per line of a JSONL file; every problem is named with its line, before any work."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        err.print(f"[red]error:[/] cannot read {path}: {e}")
        raise typer.Exit(2) from None
    items, seen, problems = [], set(), []
    for n, record, problem in json_lines(text):
        if problem:
            problems.append(f"{path}, line {n}: {problem}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("claim"), str):
            problems.append(f'{path}, line {n}: expected an object with a "claim" string')
            continue
        claim_id = str(record.get("id", n))
        if claim_id in seen:
            problems.append(f"{path}, line {n}: id {claim_id!r} appears twice (ids name results for resuming)")
        seen.add(claim_id)
        items.append((claim_id, record["claim"]))
    if problems or not items:
        for p in problems or [f"{path}: no claims"]:
            err.print(f"[red]error:[/] {p}", highlight=False)
        raise typer.Exit(2)
    return items


def _finished_ids(path: Path) -> set[str]:
    """Ids already in a results file; a line cut short by an interruption is dropped."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        data = data[: data.rfind(b"\n") + 1]
        path.write_bytes(data)
    return {str(record["id"]) for _, record, problem in json_lines(data.decode("utf-8"))
            if not problem and isinstance(record, dict) and "id" in record}


def _check_batch(engine, items: list[tuple[str, str]], out_path: Path, lang: str, save: bool = True) -> None:
    save_as = ("cli", "batch") if save else None
    _run_batch(items, out_path, "check", "checked",
               lambda claim_id, claim: engine.check_record(claim_id, claim, lang, save_as=save_as))


def _run_batch(items: list[tuple[str, str]], out_path: Path, label: str, verb: str,
               record_of: Callable[[str, str], dict]) -> None:
    """``record_of(id, claim)`` per claim, appended to ``out_path`` one line at a time; ids
    already there are skipped (a resumed run); a record with an ``"error"`` counts as failed."""
    done = _finished_ids(out_path)
    todo = [(i, c) for i, c in items if i not in done]
    failed = 0
    with open(out_path, "a", encoding="utf-8") as f, progress_bar(label) as bar:
        task = bar.add_task(label, total=len(todo))
        for claim_id, claim in todo:
            record = record_of(claim_id, claim)
            failed += "error" in record
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            f.flush()
            bar.advance(task)
    out.print(f"{verb} {len(todo) - failed}, failed {failed}, already done {len(items) - len(todo)} → {out_path}")


def _print_verdict(verdict, lang: str = "ar") -> None:
    from burhan.verdict.explain import basis_label, percent

    style = VERDICT_STYLE[verdict.verdict]
    out.print(f"[bold]{verdict.claim}[/]", highlight=False)
    confidence = (f"{label('sep', lang)}{label('confidence', lang)} {percent(verdict.confidence, lang)}"
                  if verdict.confidence is not None else "")
    out.print(f"[bold {style}]{label(verdict.verdict, lang)}[/] ({label('basis', lang)}: "
              f"{basis_label(verdict.basis, lang)}{confidence})", highlight=False)
    if verdict.factchecks:
        _print_factchecks(verdict.factchecks, label("already_checked", lang), lang)
    out.print(verdict.explanation, highlight=False)
    table = Table(*(label(key, lang) for key in ("weight", "stance", "source", "rationale")))
    for e in verdict.evidence:
        if e.stance == "unrelated" and not e.weight:
            continue
        merged = f" (+{len(e.copies)} {label('copies', lang)})" if e.copies else ""
        note = f"{label('copy_of', lang)} {e.duplicate_of}" if e.duplicate_of else (e.rationale[0].text if e.rationale else "")
        table.add_row(f"{e.weight:.2f}", label(e.stance, lang), f"{e.source or e.origin}{merged}", note[:160])
    if table.row_count:
        out.print(table)


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        err.print(f"[red]error:[/] unknown language {lang!r}; choose {' or '.join(LANGS)}")
        raise typer.Exit(2)


@eval_app.command("probes")
def eval_probes(
    path: Annotated[Path, typer.Argument(help="Probe file (JSON Lines; tests/data/probes.jsonl).")],
    db: DbOption = Path("burhan.db"),
    k: Annotated[int, typer.Option("--k", help="Articles retrieved per claim.")] = 20,
    encoder: EncoderOption = DEFAULT_ENCODER,
    stance_model: Annotated[Optional[Path], typer.Option("--stance-model", help="Stance model file (default: shipped).")] = None,
    verdict_model: Annotated[Optional[Path], typer.Option("--verdict-model", help="Verdict model file (default: shipped).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Check every probe claim against the store: verdicts, bases and named article stances, overall and per kind."""
    from burhan.engine import ClaimError
    from burhan.evaluation.probes import evaluate_probes, load_probes

    with _exit_2_on(ValueError, OSError, ClaimError, StoreError, SearchError):
        probes = load_probes(path)
        with _engine(db, encoder, stance_model, verdict_model, None, k) as engine, progress_bar("probes") as bar:
            results = evaluate_probes(engine, probes, k, _stage_progress(bar))
    if as_json:
        _print_json(results)
        return
    majority = results["baselines"]["majority"]
    out.print(f"probes {results['probes']}: verdicts {results['verdict_accuracy']:.1%}, bases {results['basis_accuracy']:.1%}, "
              f"article stances {results['article_stance_accuracy']:.1%} (majority answer "
              f"{majority['answers']['verdict']} / {majority['answers']['basis']} / {majority['answers']['stance']}: "
              f"{majority['verdict_accuracy']:.1%}, {majority['basis_accuracy']:.1%}, {majority['article_stance_accuracy']:.1%})")

    def percent(value: float | None) -> str:
        return f"{value:.0%}" if value is not None else "—"

    table = Table("kind", "probes", "verdict", "basis", "stance", "majority: verdict", "basis", "stance")
    for kind, r in results["per_kind"].items():
        m = majority["per_kind"][kind]
        table.add_row(kind, str(r["probes"]), *(percent(r[key]) for key in ("verdict_accuracy", "basis_accuracy", "article_stance_accuracy")),
                      *(percent(m[key]) for key in ("verdict_accuracy", "basis_accuracy", "article_stance_accuracy")))
    out.print(table)


@train_app.command("verdict")
def train_verdict_command(
    data: Annotated[Path, typer.Option("--data", help="Unified-FC folder (../shared/datasets/unifiedfc).")],
    splits: Annotated[Optional[Path], typer.Option("--splits", help="Claim-level folds (default: DATA/train_test_splits.txt).")] = None,
    out_path: Annotated[Optional[Path], typer.Option("--out", help="Model file (default: the shipped one).")] = None,
    evidence: Annotated[str, typer.Option("--evidence", help="gold or retrieved evidence to learn from.")] = "retrieved",
    k: Annotated[int, typer.Option("--k", help="Articles retrieved per claim.")] = 20,
    encoder: EncoderOption = DEFAULT_ENCODER,
    corpus_db: Annotated[Optional[Path], typer.Option("--corpus-db", help="Keep the training corpus (and its vectors) in this store between runs.")] = None,
    datasets: Annotated[Optional[Path], typer.Option("--datasets", help="The datasets folder the evidence model trains "
                                                     "from, per fold (default: the folder above the Unified-FC one).")] = None,
) -> None:
    """Train the verdict model on out-of-fold evidence (each claim scored by models trained without its fold)."""
    from burhan.engine import SHIPPED_VERDICT
    from burhan.evaluation.verdict import train_verdict

    target = out_path or SHIPPED_VERDICT
    with _exit_2_on(IngestError, ValueError, OSError), progress_bar("train verdict") as bar:
        train_verdict(data, splits or data / "train_test_splits.txt", target, evidence, k, encoder,
                      db=corpus_db, on_progress=_stage_progress(bar), datasets=datasets)
    out.print(f"verdict model → {target}")


@eval_app.command("verdict")
def eval_verdict(
    path: Annotated[Path, typer.Argument(help="Unified-FC folder.")],
    format: Annotated[str, typer.Option("--format", help="unifiedfc.")] = "unifiedfc",
    evidence: Annotated[str, typer.Option("--evidence", help="gold (each claim's own articles) or retrieved.")] = "retrieved",
    cv: Annotated[Optional[Path], typer.Option("--cv", help="Splits file: train and test per claim-level fold.")] = None,
    model_path: Annotated[Optional[Path], typer.Option("--model", help="Verdict model (default: shipped); without --cv.")] = None,
    k: Annotated[int, typer.Option("--k", help="Articles retrieved per claim.")] = 20,
    encoder: EncoderOption = DEFAULT_ENCODER,
    corpus_db: Annotated[Optional[Path], typer.Option("--corpus-db", help="Keep the evaluation corpus (and its vectors) in this store between runs.")] = None,
    datasets: Annotated[Optional[Path], typer.Option("--datasets", help="The datasets folder the evidence model trains "
                                                     "from, per fold (default: the folder above the Unified-FC one).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Verdict accuracy, macro-F1, ECE, per class, confusion; with --cv also the baselines."""
    from burhan.engine import SHIPPED_VERDICT, load_verdict_model
    from burhan.evaluation.verdict import cross_validate_verdict, evaluate_verdict_model
    from burhan.stance import StanceModel
    from burhan.stance.training import SHIPPED_MODEL

    with _exit_2_on(IngestError, ValueError, OSError), progress_bar("eval verdict") as bar:
        if format != "unifiedfc":
            raise ValueError(f"unknown format {format!r}: verdicts are evaluated on unifiedfc")
        if cv is not None:
            results = cross_validate_verdict(path, cv, evidence, k, encoder, db=corpus_db,
                                             on_progress=_stage_progress(bar), datasets=datasets)
        else:
            model, table = load_verdict_model(model_path or SHIPPED_VERDICT)
            results = evaluate_verdict_model(path, model, table, StanceModel.load(SHIPPED_MODEL), evidence, k,
                                             encoder, db=corpus_db, on_progress=_stage_progress(bar))
    if as_json:
        _print_json(results)
        return
    table = Table("system", "accuracy", "macro-F1", "ECE", "not enough evidence", "claims")
    for name, r in {"burhan": results, **results.get("baselines", {})}.items():
        table.add_row(name, f"{r['accuracy']:.3f}", f"{r['macro_f1']:.3f}",
                      f"{r['ece']:.3f}" if "ece" in r else "-", str(r["not_enough_evidence"]), str(r["claims"]))
    out.print(table)


# -- published fact-checks ---------------------------------------------------------------

spark_app = typer.Typer(no_args_is_help=True, help="Burhan on Apache Spark (pip install -e '.[spark]').")
app.add_typer(spark_app, name="spark")


def _spark_session(master: str, name: str, driver_memory: str):
    """The process's SparkSession on ``master`` (exit 2 if PySpark is not installed)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        err.print("[red]error:[/] pyspark is not installed: pip install -e '.[spark]' (and a Java runtime)")
        raise typer.Exit(2) from None
    return (SparkSession.builder.master(master).appName(name)
            .config("spark.driver.memory", driver_memory).getOrCreate())


# Spark's default driver heap (1 GB) ran out on 21,861 articles in local[1] (the driver is the
# executor there); under spark-submit, its own --driver-memory decides instead
DriverMemoryOption = Annotated[str, typer.Option(
    "--driver-memory", help="JVM heap of the Spark driver this command starts (local masters: also the executor's).")]


@spark_app.command("ingest")
def spark_ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, or Hadoop URIs (hdfs://, s3a://).")],
    out_dir: Annotated[Path, typer.Option("--out", help="A new folder for the sharded corpus.")],
    shards: Annotated[int, typer.Option("--shards", min=1, help="Stores to spread the corpus over.")] = 4,
    master: Annotated[str, typer.Option("--master", help="Spark master (local[2], spark://host:7077, yarn …).")] = "local[2]",
    embed: Annotated[bool, typer.Option("--embed/--no-embed", help="Embed each shard for dense search.")] = False,
    driver_memory: DriverMemoryOption = "4g",
    as_json: JsonOption = False,
) -> None:
    """The same readers, cleaning, analyser and near-duplicate linking as 'burhan ingest', run by
    Spark: N ordinary stores (shard-0000.db …) and corpus.json under --out."""
    from burhan.spark import spark_ingest

    session = _spark_session(master, "burhan-ingest", driver_memory)
    with _exit_2_on(ValueError, OSError):
        report = spark_ingest(session, inputs, out_dir, shards, embed=embed)
    _report_ingest(report, as_json, f"{shards} shards in {out_dir}")


@spark_app.command("check")
def spark_check_command(
    claims: Annotated[Path, typer.Argument(help='JSONL of {"id", "claim"} (as check --batch).')],
    db: DbOption = Path("burhan.db"),
    out_dir: Annotated[Path, typer.Option("--out", help="A new folder for the results (part-NNNNN.jsonl).")] = Path("checks"),
    master: Annotated[str, typer.Option("--master", help="Spark master (local[2], spark://host:7077, yarn …).")] = "local[2]",
    lang: LangOption = "ar",
    driver_memory: DriverMemoryOption = "4g",
) -> None:
    """Check many claims on Spark: the claims spread over executors, each opening the store or
    sharded corpus read only; result lines as 'burhan check --batch'."""
    from burhan.spark import spark_check

    _check_lang(lang)
    items = _read_claims(claims)
    session = _spark_session(master, "burhan-check", driver_memory)
    with _exit_2_on(ValueError, OSError):
        report = spark_check(session, items, db, out_dir, lang=lang)
    out.print(f"checked {report['checked']}, failed {report['failed']} → {report['parts']} parts in {out_dir}")


factchecks_app = typer.Typer(no_args_is_help=True, help="Published fact-checks (ClaimReview): import and match.")
app.add_typer(factchecks_app, name="factchecks")
RATING_STYLE = {"false": "red", "misleading": "red", "satire": "magenta", "mixed": "yellow", "true": "green"}


@factchecks_app.command("import")
def factchecks_import(
    paths: Annotated[list[Path], typer.Argument(help="ClaimReview JSON / JSONL, Fact Check Tools or DataCommons "
                                                "feeds, fact-check HTML pages, CheckThat! vclaims TSV, or folders.")],
    db: DbOption = Path("burhan.db"),
    embed: Annotated[bool, typer.Option("--embed/--no-embed", help="Embed the new fact-checks for matching now.")] = True,
    as_json: JsonOption = False,
) -> None:
    """Import published fact-checks; a bad record is reported (file and record number) and the rest still land."""
    from burhan.ingest.claimreview import import_factchecks
    from burhan.search.factchecks import FactCheckMatcher

    with _open(db, create=True) as store, progress_bar("import") as bar:
        task = bar.add_task("import", total=None)
        report = import_factchecks(paths, store, on_file=lambda done, total: bar.update(task, completed=done, total=total))
        if embed and report.added:
            FactCheckMatcher(store).refresh(_stage_progress(bar))
    if as_json:
        _print_json(report.to_dict())
    else:
        for e in report.errors:
            where = f"{e.path}, record {e.record}" if e.record is not None else e.path
            err.print(f"[red]error:[/] {where}: {e.error}", highlight=False)
        unknown = sum(report.unknown_ratings.values())
        out.print(f"added {report.added}, unchanged {report.unchanged}, errors {len(report.errors)}"
                  + (f", ratings the mapping does not know {unknown} (kept as published, normalised unrated)"
                     if unknown else "") + f"  → {db}")
    if report.errors:
        raise typer.Exit(1)


@factchecks_app.command("match")
def factchecks_match(
    claim: Annotated[Optional[str], typer.Argument(help="The claim or post to look up (or use --batch).")] = None,
    db: DbOption = Path("burhan.db"),
    k: Annotated[int, typer.Option("--k", help="How many fact-checks to return.")] = 10,
    batch: Annotated[Optional[Path], typer.Option("--batch", help='JSONL of {"id", "claim"} to match.')] = None,
    out_path: Annotated[Optional[Path], typer.Option("--out", help="With --batch: results JSONL (resumed if it exists).")] = None,
    as_json: JsonOption = False,
    lang: LangOption = "ar",
) -> None:
    """Has it been checked already? Published fact-checks of a claim, best first, with P(same claim)."""
    from burhan.search.factchecks import FactCheckMatcher, MatchError

    _check_lang(lang)
    _one_or_batch(claim, batch, out_path)
    if not 1 <= k <= 100:
        err.print(f"[red]error:[/] --k must be between 1 and 100, not {k}")
        raise typer.Exit(2)
    items = _read_claims(batch) if batch is not None else None
    store = _open(db)
    with store:
        with progress_bar("fact-checks") as bar:
            matcher = FactCheckMatcher(store)
            matcher.refresh(_stage_progress(bar))
        if items is not None:
            def match_record(claim_id: str, text: str) -> dict:
                try:
                    return {"id": claim_id, "claim": text, "matches": [asdict(m) for m in matcher.match(text, k)]}
                except MatchError as e:
                    return {"id": claim_id, "claim": text, "error": str(e)}

            _run_batch(items, out_path, "match", "matched", match_record)
            return
        with _exit_2_on(MatchError):
            matches = matcher.match(claim, k)
    if as_json:
        _print_json({"claim": claim, "matches": [asdict(m) for m in matches]})
        return
    if not matches:
        out.print(label("no_factcheck_match", lang))
    _print_factchecks(matches, lang=lang)


def _print_factchecks(matches, title: str | None = None, lang: str = "en") -> None:
    table = Table(*(label(key, lang) for key in ("p_same", "rating", "publisher", "date", "claim", "url")), title=title)
    for m in matches:
        style = RATING_STYLE.get(m.rating_normalised, "white")
        table.add_row(f"{m.score:.2f}", f"[{style}]{label('rating_' + m.rating_normalised, lang)}[/] ({m.rating or '—'})",
                      m.publisher or "—",
                      m.review_date or "—", m.claim[:120], m.url or "")
    if table.row_count:
        out.print(table)


@train_app.command("claim-matching")
def train_claim_matching_command(
    data: Annotated[Path, typer.Option("--data", help="CheckThat! 2021 Arabic folder (../shared/datasets/checkthat2021_ar).")],
    out_path: Annotated[Optional[Path], typer.Option("--out", help="Ranker file (default: the shipped one).")] = None,
    unmatched: Annotated[bool, typer.Option(
        "--unmatched/--no-unmatched",
        help="Also train on each query without its fact-checks in the collection (a claim never checked; "
             "not the shipped ranker's training, see its model card).")] = False,
) -> None:
    """Train the fact-check re-ranker on CheckThat! 2021 train, choose its settings on dev."""
    from burhan.evaluation.claim_matching import train_claim_matching
    from burhan.search.factchecks import SHIPPED_RANKER

    target = out_path or SHIPPED_RANKER
    files = {name: data / name for name in ("vclaims.tsv", "train_queries.tsv", "train_qrels.txt",
                                            "dev_queries.tsv", "dev_qrels.txt")}
    with _exit_2_on(IngestError, ValueError, OSError):
        missing = [str(p) for p in files.values() if not p.exists()]
        if missing:
            raise ValueError(f"missing {', '.join(missing)}")
        ranker = train_claim_matching(*files.values(), on_step=lambda line: err.print(line, highlight=False),
                                      unmatched=unmatched)
    ranker.card["command"] = (f"burhan train claim-matching --data {data}" + (" --unmatched" if unmatched else "")
                              + (f" --out {out_path}" if out_path else ""))
    ranker.save(target)
    dev = ranker.card["dev"]
    out.print(f"fact-check ranker ({ranker.document_kind} vectors, depth {ranker.candidates}, C {ranker.C}): dev MAP@5 {dev['map@5']}, "
              f"MRR {dev['mrr']} → {target}")


@eval_app.command("claim-matching")
def eval_claim_matching(
    vclaims: Annotated[Path, typer.Option("--vclaims", help="Verified claims TSV (vclaim_id, vclaim, title).")],
    queries: Annotated[Path, typer.Option("--queries", help="Tweets TSV (tweet_id, tweet_text).")],
    qrels: Annotated[Path, typer.Option("--qrels", help="TREC qrels (tweet_id 0 vclaim_id 1).")],
    mode: Annotated[str, typer.Option("--mode", help="bm25, dense, hybrid or final (the shipped re-ranker).")] = "final",
    ranker: Annotated[Optional[Path], typer.Option("--ranker", help="Ranker file (default: shipped).")] = None,
    as_json: JsonOption = False,
) -> None:
    """CheckThat! 2021 Task 2A: MAP@1/3/5/10, MRR, P@1, recall@20 (official definitions)."""
    from burhan.evaluation.claim_matching import evaluate_claim_matching
    from burhan.search.factchecks import MATCH_MODES, FactCheckRanker

    with _exit_2_on(IngestError, ValueError, OSError):
        if mode not in MATCH_MODES:
            raise ValueError(f"unknown mode {mode!r}; choose from {', '.join(MATCH_MODES)}")
        result = evaluate_claim_matching(vclaims, queries, qrels, mode, FactCheckRanker.load(ranker) if ranker else None)
    if as_json:
        _print_json(result)
        return
    measures = {k: v for k, v in result.items() if k != "thresholds"}
    table = Table(*measures.keys())
    table.add_row(*[str(v) for v in measures.values()])
    out.print(table)
    if "thresholds" in result:  # the re-ranker's P(same claim) at the show and decisive thresholds
        thresholds = Table("P ≥", "queries with a top match", "share", "its precision",
                           "shown to queries without their fact-checks")
        for at in result["thresholds"].values():
            thresholds.add_row(str(at["threshold"]), str(at["queries_with_a_top_match"]), str(at["share_with_a_top_match"]),
                               str(at["precision_of_top_match"]), str(at["unmatched_queries_with_a_top_match"]))
        out.print(thresholds)


@app.command()
def serve(
    db: DbOption = Path("burhan.db"),
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8000,
    token: Annotated[Optional[str], typer.Option("--token", envvar="BURHAN_TOKEN",
                                                 help="An admin bearer token (the store's scoped tokens, 'burhan "
                                                 "token create', are accepted too); none of either: writes refused.")] = None,
    encoder: EncoderOption = DEFAULT_ENCODER,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Server processes, each with its own engine "
                                         "over the store (use the machine's cores).")] = 1,
    private: Annotated[bool, typer.Option("--private", help="Reads need a token with the role 'read', checks one "
                                          "with 'check' (else both are open).")] = False,
) -> None:
    """The REST API (OpenAPI docs at /docs) and the fact-checkers' web page at /."""
    import uvicorn

    from burhan.api.app import create_app

    if not db.exists():
        err.print(f"[red]error:[/] no store at {db}: ingest articles first ('burhan ingest PATH --db {db}')")
        raise typer.Exit(2)
    if token is None:
        err.print("[yellow]warning:[/] no --token (or BURHAN_TOKEN): writes need a token of the store "
                  "('burhan token create NAME --role ingest')")
    if workers == 1:
        uvicorn.run(create_app(db, token=token, encoder=encoder, warm=True, private=private), host=host, port=port,
                    log_level="info")
        return
    # uvicorn starts each worker by importing the app: the settings travel in the environment;
    # the encoders' thread pools (OpenMP, BLAS) share the cores instead of each taking them all
    # (unless the environment already sets them)
    threads = str(max(1, (os.cpu_count() or 1) // workers))
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, threads)
    os.environ.update({"BURHAN_SERVE_DB": str(db.resolve()), "BURHAN_SERVE_ENCODER": encoder,
                       "BURHAN_SERVE_PRIVATE": "1" if private else ""})
    if token is not None:
        os.environ["BURHAN_TOKEN"] = token
    _serve_workers(uvicorn.Config("burhan.api.app:app_from_environment", factory=True, workers=workers, host=host,
                                  port=port, log_level="info"))


def _serve_workers(config) -> None:
    """``uvicorn.run``'s multi-worker path, with one fix: uvicorn binds the shared listening socket
    with ``proto`` 0, so asyncio never sets TCP_NODELAY on accepted connections and every
    keep-alive request after the first waited ~40 ms for a delayed ACK (uvicorn issue #3149;
    measured here: 18 ms → 60 ms per check). The socket is re-wrapped as IPPROTO_TCP."""
    import socket

    from uvicorn.supervisors import Multiprocess

    bound = config.bind_socket()
    if bound.family in (socket.AF_INET, socket.AF_INET6):
        bound = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
        bound.set_inheritable(True)
    Multiprocess(config, sockets=[bound]).run()


@app.command()
def verify(db: DbOption = Path("burhan.db"), as_json: JsonOption = False) -> None:
    """Check a store: SQLite integrity, schema, every article with its sentences, stems, bands and
    vectors, the BM25 index in step. Exit 1 naming each problem."""
    from burhan.search.searcher import verify_index

    if not db.is_file():
        err.print(f"[red]error:[/] no store file at {db}")
        raise typer.Exit(2)
    with _exit_2_on(StoreError):
        store = Store(db, create=False)
    with store:
        problems = store.verify() + verify_index(store)
    if as_json:
        _print_json({"ok": not problems, "problems": problems})
    elif problems:
        for problem in problems:
            err.print(f"[red]problem:[/] {problem}", highlight=False)
    else:
        out.print(f"{db}: no problem found")
    if problems:
        raise typer.Exit(1)


@app.command()
def backup(db: DbOption = Path("burhan.db"),
           out_path: Annotated[Path, typer.Option("--out", help="The copy (a new file).")] = Path("burhan-backup.db")) -> None:
    """A consistent copy of a store (SQLite's online backup: safe during an ingest)."""
    with _exit_2_on(StoreError):
        with Store(db, create=False) as store:
            store.backup(out_path)
    out.print(f"{db} → {out_path} (the BM25 index is rebuilt from it by 'burhan reindex --db {out_path}')")


token_app = typer.Typer(no_args_is_help=True, help="The API's scoped tokens: create, list, revoke.")
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Argument(help="Who holds it (kept in the history of their checks).")],
    role: Annotated[str, typer.Option("--role", help="read, check (and notes), ingest or admin.")] = "check",
    db: DbOption = Path("burhan.db"),
) -> None:
    """Make a token and print it once: the store keeps only its hash."""
    from burhan.store.tokens import TokenError, TokenRegistry

    with _open(db) as store, _exit_2_on(TokenError):
        secret = TokenRegistry(store).create(name, role)
    err.print(f"token {name!r} ({role}); it is shown only now:", highlight=False)
    sys.stdout.write(secret + "\n")


@token_app.command("list")
def token_list(db: DbOption = Path("burhan.db"), as_json: JsonOption = False) -> None:
    """Every token: name, role, when made and revoked (never the token)."""
    from burhan.store.tokens import TokenRegistry

    with _open(db) as store:
        tokens = TokenRegistry(store).list()
    if as_json:
        _print_json([asdict(t) for t in tokens])
        return
    table = Table("name", "role", "created", "revoked")
    for t in tokens:
        table.add_row(t.name, t.role, t.created_at, t.revoked_at or "")
    out.print(table)


@token_app.command("revoke")
def token_revoke(name: Annotated[str, typer.Argument(help="The token's name.")], db: DbOption = Path("burhan.db")) -> None:
    """Stop a token at once (every server worker checks per request)."""
    from burhan.store.tokens import TokenError, TokenRegistry

    with _open(db) as store, _exit_2_on(TokenError):
        TokenRegistry(store).revoke(name)
    out.print(f"revoked {name!r}")


history_app = typer.Typer(help="The history of checks kept in the store: list, show, note, export.")
app.add_typer(history_app, name="history")


@history_app.callback(invoke_without_command=True)
def history_list(
    ctx: typer.Context,
    db: DbOption = Path("burhan.db"),
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Show at most this many (newest first).")] = 20,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many newest first.")] = 0,
    as_json: JsonOption = False,
    lang: LangOption = "ar",
) -> None:
    """Past checks, newest first: id, time, verdict (and the editor's), basis, claim."""
    if ctx.invoked_subcommand is not None:
        return
    _check_lang(lang)
    with _history(db) as history:
        total, records = history.count(), history.list(limit, offset)
    if as_json:
        _print_json({"total": total, "offset": offset, "items": [asdict(r) for r in records]})
        return
    if not records:
        out.print(label("no_checks", lang))
        return
    table = Table(*(label(key, lang) for key in ("id", "checked_at", "verdict", "override", "basis", "claim")))
    for r in records:
        table.add_row(str(r.id), r.checked_at[:16].replace("T", " "), label(r.verdict, lang), label(r.verdict_override, lang) if r.verdict_override else "",
                      _basis(r.basis, lang), r.claim[:120])
    out.print(table)
    out.print(label("page_of", lang).format(shown=f"{offset + 1}–{offset + len(records)}", total=total))


@contextmanager
def _history(db: Path):
    from burhan.store.history import history_of

    with _open(db) as store:
        with _exit_2_on(StoreError):
            history = history_of(store)
        yield history


def _basis(basis: str, lang: str) -> str:
    from burhan.verdict.explain import basis_label

    return basis_label(basis, lang)


CheckIdArgument = Annotated[int, typer.Argument(help="The check's id (see 'burhan history').")]


@history_app.command("show")
def history_show(check_id: CheckIdArgument, db: DbOption = Path("burhan.db"), as_json: JsonOption = False,
                 lang: LangOption = "ar") -> None:
    """One past check: what was answered, over which corpus and models, and the editor's note."""
    from burhan.store.history import CheckNotFound

    _check_lang(lang)
    with _history(db) as history, _exit_2_on(CheckNotFound):
        record = history.get(check_id)
    if as_json:
        _print_json(asdict(record))
        return
    out.print(f"[bold]#{record.id}[/] {record.claim}", highlight=False)
    rows = [("checked_at", record.checked_at),
            ("verdict", f"{label(record.verdict, lang)} ({_basis(record.basis, lang)})"),
            ("corpus", label("corpus_version", lang).format(articles=record.corpus_articles, last=record.corpus_last_ingest or "—")),
            ("models", " · ".join(f"{k}: {v}" for k, v in sorted(record.models.items()))),
            ("asked_by", f"{record.asked_by} ({record.channel})"),
            ("evidence_ids", ", ".join(map(str, record.evidence_ids)) or "—")]
    if record.verdict_override:
        rows.append(("override", label(record.verdict_override, lang)))
    if record.note:
        rows.append(("note", record.note))
    table = Table(show_header=False)
    for key, value in rows:
        table.add_row(label(key, lang), value)
    out.print(table)
    if record.edited_at:
        out.print(label("edited", lang).format(by=record.edited_by, at=record.edited_at), highlight=False)
    out.print(record.result.get("explanation", ""), highlight=False)


@history_app.command("note")
def history_note(
    check_id: CheckIdArgument,
    db: DbOption = Path("burhan.db"),
    note: Annotated[Optional[str], typer.Option("--note", help="The editor's note (an empty string removes it).")] = None,
    verdict: Annotated[Optional[str], typer.Option("--verdict", help="The editor's verdict: true, false or "
                                                   "not_enough_evidence (kept beside the machine's).")] = None,
    clear_verdict: Annotated[bool, typer.Option("--clear-verdict", help="Remove the editor's verdict.")] = False,
    by: Annotated[str, typer.Option("--by", help="Who edits (kept with the edit).")] = "cli",
    as_json: JsonOption = False,
) -> None:
    """Add an editor's note or verdict to a past check; the machine's verdict is never changed."""
    from burhan.store.history import CheckNotFound

    if note is None and verdict is None and not clear_verdict:
        err.print("[red]error:[/] give --note TEXT, --verdict VERDICT or --clear-verdict")
        raise typer.Exit(2)
    if verdict is not None and clear_verdict:
        err.print("[red]error:[/] give --verdict or --clear-verdict, not both")
        raise typer.Exit(2)
    with _history(db) as history, _exit_2_on(CheckNotFound, ValueError):
        record = history.annotate(check_id, by, note=note, verdict_override=verdict, clear_override=clear_verdict)
    if as_json:
        _print_json(asdict(record))
    else:
        out.print(f"#{record.id}: {record.verdict_override or '—'} · {record.note or '—'}", highlight=False)


@history_app.command("export")
def history_export(
    check_id: CheckIdArgument,
    db: DbOption = Path("burhan.db"),
    fmt: Annotated[str, typer.Option("--format", help="json, csv or html (a printable page).")] = "json",
    out_path: Annotated[Optional[Path], typer.Option("--out", help="File to write (default: standard output).")] = None,
) -> None:
    """One past check as JSON, CSV (a row per related article) or a self-contained HTML page."""
    from burhan.store.history import CheckNotFound
    from burhan.web.export import ExportError, export_check

    with _history(db) as history, _exit_2_on(CheckNotFound, ExportError):
        text, _ = export_check(history.get(check_id), fmt)
    if out_path is None:
        sys.stdout.write(text)
    else:
        out_path.write_text(text, encoding="utf-8")
        out.print(f"#{check_id} → {out_path}")


@app.command()
def report(
    results: Annotated[Path, typer.Argument(help="Results JSONL from 'burhan check --batch'.")],
    out_path: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("report.html"),
) -> None:
    """A self-contained, printable HTML report of a batch of claim checks."""
    from burhan.web.report import ReportError, write_report

    with _exit_2_on(ReportError):
        count = write_report(results, out_path)
    out.print(f"{count} results → {out_path}")


@app.command()
def stats(db: DbOption = Path("burhan.db"), as_json: JsonOption = False, lang: LangOption = "ar") -> None:
    """Counts of articles, sentences, stories and sources."""
    _check_lang(lang)
    with _open(db) as store:
        values = store.stats()
    if as_json:
        _print_json(values)
        return
    table = Table(show_header=False)
    for key, value in values.items():
        table.add_row(label(key, lang), str(value))
    out.print(table)


@app.command("list")
def list_command(
    db: DbOption = Path("burhan.db"),
    as_json: JsonOption = False,
    limit: Annotated[Optional[int], typer.Option(help="Show at most this many.")] = None,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    lang: LangOption = "ar",
) -> None:
    """Stored articles: id, title, origin, source, date."""
    _check_lang(lang)
    with _open(db) as store:
        rows = [
            {"id": a.id, "title": a.title, "origin": a.origin, "source": a.source, "date": a.date, "story_id": a.story_id}
            for a in store.list_articles(limit, offset)
        ]
    if as_json:
        _print_json(rows)
        return
    table = Table(*(label(key, lang) for key in ("id", "date", "source", "title", "story")))
    for r in rows:
        table.add_row(str(r["id"]), r["date"] or "", r["source"] or "", r["title"] or "", str(r["story_id"]))
    out.print(table)


@app.command()
def show(
    article_id: Annotated[int, typer.Argument(help="Article id (see 'burhan list').")],
    db: DbOption = Path("burhan.db"),
    as_json: JsonOption = False,
    lang: LangOption = "ar",
) -> None:
    """One article: metadata, cleaned text and numbered sentences."""
    _check_lang(lang)
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
    out.print(f"{article.source or label('unknown_source', lang)} · {article.date or label('undated', lang)} · "
              f"{article.origin}", highlight=False)
    if copies:
        out.print(label("same_story", lang).format(story=article.story_id, copies=", ".join(map(str, copies))))
    for s in article.sentences:
        out.print(f"[dim]{s.index + 1:>3}[/] {s.text}", highlight=False)


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Where to build the demo store.")] = Path("burhan-demo.db"),
    lang: LangOption = "ar",
) -> None:
    """The main job on the bundled synthetic demo corpus: ingest it, then check a few claims."""
    from burhan.ingest.claimreview import import_factchecks
    from burhan.search.factchecks import FactCheckMatcher

    with _open(db, create=True) as store, progress_bar("demo") as bar:
        from burhan.ingest import ingest

        report = ingest([DEMO_CORPUS], store)
        _sync(store, bar, True, DEFAULT_ENCODER)
        checks = import_factchecks([DEMO_FACTCHECKS], store)
        FactCheckMatcher(store).refresh(_stage_progress(bar))
        values = store.stats()
    out.print(f"[bold]Demo corpus[/] ({DEMO_CORPUS.name}, synthetic) → {db}")
    out.print(f"added {report.added}, unchanged {report.unchanged}, duplicates linked {report.duplicates}; "
              f"fact-checks ({DEMO_FACTCHECKS.name}, synthetic) added {checks.added}, unchanged {checks.unchanged}")
    out.print(f"store: {values['articles']} articles, {values['sentences']} sentences, "
              f"{values['stories']} stories, {values['sources']} sources, {values['factchecks']} fact-checks")
    if report.errors or checks.errors:
        for e in report.errors + checks.errors:
            err.print(f"[red]error:[/] {e.path}: {e.error}", highlight=False)
        raise typer.Exit(1)
    with _engine(db, DEFAULT_ENCODER, None, None, None, 20) as engine:
        for _, claim in _read_claims(DEMO_CLAIMS):
            out.rule()
            _print_verdict(engine.check(claim, lang=lang), lang)


def main() -> None:
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    app()


if __name__ == "__main__":
    main()
