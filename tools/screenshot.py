"""Screenshot of the web page checking a demo claim, for the README.

    python tools/screenshot.py [--out docs/screenshot.png] [--claim "..."] [--views docs]

Builds the demo store in a temporary folder, serves it in-process, and drives Debian's
Chromium (headless, through Playwright) to check the claim; writes a full-page PNG. With
``--views FOLDER`` also the archive, one article, the upload view and the history with an
editor's note (``screenshot_archive.png``, ``screenshot_article.png``, ``screenshot_upload.png``,
``screenshot_history.png``).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

from burhan.api.app import create_app, serve_in_background
from burhan.demo import build_demo_store

TOKEN = "screenshot-token"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshot.png")
    parser.add_argument("--claim", default="مقتل 3000 مدني في سوريا خلال نوفمبر")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--views", type=Path, help="Also write a screenshot of each view into this folder.")
    args = parser.parse_args()
    url, server = serve_in_background(create_app(build_demo_store(Path(tempfile.mkdtemp()) / "demo.db"), token=TOKEN))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(url + "/")
        page.fill("#claim", args.claim)
        page.click("#submit")
        page.wait_for_selector("#verdict-label", timeout=120_000)
        page.screenshot(path=args.out, full_page=True)
        if args.views:
            check_id = page.inner_text("#saved-id")
            httpx.patch(f"{url}/api/checks/{check_id}", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30,
                        json={"note": "الرقم الصحيح بحسب المرصد 1300؛ راجعه المحرر", "verdict_override": "false"})
            shots = [("#corpus", "#articles tbody tr", "archive"), ("#article/1", "#article-sentences li", "article"),
                     ("#upload", "#dropzone", "upload"), (f"#history/{check_id}", "#history-detail:not([hidden])", "history")]
            for fragment, ready, name in shots:
                page.goto(f"{url}/{fragment}")
                page.wait_for_selector(ready)
                path = args.views / f"screenshot_{name}.png"
                page.screenshot(path=path, full_page=name != "archive")
                print(f"screenshot → {path}")
        browser.close()
    server.should_exit = True
    print(f"screenshot → {args.out}")


if __name__ == "__main__":
    main()
