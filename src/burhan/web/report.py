"""A self-contained, printable HTML report of a batch of claim checks (``burhan check --batch``).

One file: styles inline, charts as inline SVG, the Arabic font embedded when installed
(Debian ``fonts-noto-core``), no script. Every string from the results is escaped by the
template engine (``autoescape``): article text is scraped content.
"""

from __future__ import annotations

import base64
from collections import Counter
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from burhan.domain import BASES, STANCES, VERDICTS
from burhan.ingest import json_lines
from burhan.verdict.explain import basis_label, percent, verdict_label

COLORS = {"agree": "#1a7f37", "disagree": "#c62828", "discuss": "#8a6d00", "unrelated": "#6b7280",
          "true": "#1a7f37", "false": "#c62828", "not_enough_evidence": "#8a6d00"}
FONT_FILES = (Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"),
              Path("/usr/share/fonts/noto/NotoNaskhArabic-Regular.ttf"))


class ReportError(ValueError):
    """A results file that cannot be reported (unreadable, not JSONL, no results)."""


def read_results(path: str | Path) -> list[dict]:
    """Results of ``burhan check --batch``; a line that is not a result is named with its number."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ReportError(f"cannot read {path}: {err}") from None
    results = []
    for n, record, problem in json_lines(text):
        if problem:
            raise ReportError(f"{path}, line {n}: {problem}")
        if not isinstance(record, dict) or not ("verdict" in record or "error" in record):
            raise ReportError(f"{path}, line {n}: not a claim-check result (no 'verdict' or 'error')")
        results.append(record)
    if not results:
        raise ReportError(f"{path}: no results")
    return results


def bar_chart(counts: dict[str, int], labels: dict[str, str], width: int = 320) -> dict:
    """Geometry of a horizontal bar chart (drawn by the template, right to left)."""
    top = max([1, *counts.values()])
    rows = []
    for i, (key, n) in enumerate(counts.items()):
        length = round(n / top * (width - 140))
        rows.append({"y": 4 + 30 * i, "label": labels[key], "n": n, "color": COLORS[key],
                     "x": width - 100 - length, "length": length})
    return {"width": width, "height": 8 + 30 * len(counts), "rows": rows}


def summarise(result: dict) -> dict:
    """What the template needs of one result: leads, copies, per-stance counts, excerpts."""
    evidence = result.get("evidence", [])
    leads = [e for e in evidence if e.get("duplicate_of") is None]
    counts = Counter(e["stance"] for e in leads)
    return {
        **result,
        "related": [e for e in evidence if e["stance"] != "unrelated"],
        "stance_chart": bar_chart({s: counts.get(s, 0) for s in STANCES}, STANCE_LABELS),
        "conflicts": [n for n in result.get("numbers", []) if n["relation"] == "conflict"],
        "timeline": sorted((e for e in evidence if e["stance"] != "unrelated" and e.get("date")),
                           key=lambda e: e["date"]),
    }


STANCE_LABELS = {"agree": "يؤيد", "disagree": "يعارض", "discuss": "يناقش", "unrelated": "غير ذي صلة"}
RELATION_LABELS = {"conflict": "تعارض", "match": "تطابق", "context": "سياق: جزء من العدد، أو حدث أو فترة أو مصدر أو مكان آخر"}
VERDICT_LABELS = {v: verdict_label(v, "ar") for v in VERDICTS}


def embedded_font() -> str | None:
    for path in FONT_FILES:
        if path.is_file():
            return base64.b64encode(path.read_bytes()).decode("ascii")
    return None


def render_report(results: list[dict], title: str = "تقرير برهان") -> str:
    env = Environment(loader=PackageLoader("burhan.web", "templates"), autoescape=select_autoescape(["html"]))
    checked = [summarise(r) for r in results if "verdict" in r]
    failed = [r for r in results if "error" in r]
    verdicts = Counter(r["verdict"] for r in checked)
    return env.get_template("report.html").render(
        title=title, results=checked, failed=failed, colors=COLORS, stance_labels=STANCE_LABELS, relation_labels=RELATION_LABELS,
        verdict_labels=VERDICT_LABELS, basis_labels={b: basis_label(b) for b in BASES}, percent=percent,
        verdict_chart=bar_chart({v: verdicts.get(v, 0) for v in VERDICTS}, VERDICT_LABELS),
        conflicts=sum(len(r["conflicts"]) for r in checked), font=embedded_font(),
    )


def write_report(results_path: str | Path, out: str | Path) -> int:
    """Render ``results_path`` to ``out``; returns how many results it holds."""
    results = read_results(results_path)
    Path(out).write_text(render_report(results), encoding="utf-8")
    return len(results)
