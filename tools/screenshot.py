"""Screenshot of the web page checking a demo claim, for the README.

    python tools/screenshot.py [--out docs/screenshot.png] [--claim "..."]

Builds the demo store in a temporary folder, serves it in-process, and drives Debian's
Chromium (headless, through Playwright) to check the claim; writes a full-page PNG.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from burhan.api.app import create_app, serve_in_background
from burhan.demo import build_demo_store

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshot.png")
    parser.add_argument("--claim", default="مقتل 3000 مدني في سوريا خلال نوفمبر")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    url, server = serve_in_background(create_app(build_demo_store(Path(tempfile.mkdtemp()) / "demo.db")))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(url + "/")
        page.fill("#claim", args.claim)
        page.click("#submit")
        page.wait_for_selector("#verdict-label", timeout=120_000)
        page.screenshot(path=args.out, full_page=True)
        browser.close()
    server.should_exit = True
    print(f"screenshot → {args.out}")


if __name__ == "__main__":
    main()
