"""Load on the API and page: N concurrent claim checks against ``burhan serve`` on localhost.

    python bench/load.py [--url http://127.0.0.1:8000] [--requests 200] [--workers 1 2]

Without --url it builds the demo store in a temporary folder and serves it: in-process
(uvicorn, one worker) by default, or with ``--workers N …`` as ``burhan serve --workers N``
subprocesses, one after the other on the same store, and prints each one's throughput beside
the first's (issue 14: 2 workers ≥ 1.7× one). For each server it first times the same checks
one at a time (the peer), then sends all requests at once (each check with a page load beside
it) and prints p50/p95 of both, their ratio, and every error (the acceptance: none).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
from timing import p50_p95  # bench/timing.py

CLAIMS = [
    "مقتل 1300 مدني في سوريا خلال نوفمبر",
    "مقتل 3000 مدني في سوريا خلال نوفمبر",
    "لافروف: روسيا ستواصل عملياتها في شرق حلب",
    "استقالة وزير الصحة السوري احتجاجا على نقص الأدوية",
    "واشنطن ترسل ألفي جندي إلى سوريا",
    "خروج جميع مستشفيات شرق حلب من الخدمة",
    "افتتاح ملعب جديد لكرة القدم في القامشلي",
]


def serve_demo() -> str:
    from burhan.api.app import create_app, serve_in_background
    from burhan.demo import build_demo_store

    url, _ = serve_in_background(create_app(build_demo_store(Path(tempfile.mkdtemp()) / "demo.db")))
    return url


async def one(client: httpx.AsyncClient, claim: str, with_page: bool) -> tuple[float, str | None]:
    start = time.perf_counter()
    try:
        if with_page:
            page = await client.get("/")
            if page.status_code != 200 or "برهان" not in page.text:
                return time.perf_counter() - start, f"page: HTTP {page.status_code}"
        response = await client.post("/api/check", json={"claim": claim})
        if response.status_code != 200:
            return time.perf_counter() - start, f"check: HTTP {response.status_code} {response.text[:200]}"
        if response.json()["verdict"] not in ("true", "false", "not_enough_evidence"):
            return time.perf_counter() - start, "check: no verdict"
    except httpx.HTTPError as err:
        return time.perf_counter() - start, f"{type(err).__name__}: {err}"
    return time.perf_counter() - start, None


async def run(url: str, n: int) -> float:
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(base_url=url, timeout=600, limits=limits) as client:
        await one(client, CLAIMS[0], False)  # warm the models
        sequential = [await one(client, CLAIMS[i % len(CLAIMS)], False) for i in range(2 * len(CLAIMS))]
        start = time.perf_counter()
        concurrent = await asyncio.gather(*(one(client, CLAIMS[i % len(CLAIMS)], True) for i in range(n)))
        wall = time.perf_counter() - start
    errors = [e for _, e in sequential + list(concurrent) if e]

    s50, s95 = p50_p95([t for t, _ in sequential])
    c50, c95 = p50_p95([t for t, _ in concurrent])
    print(f"sequential ({len(sequential)} checks): p50 {s50 * 1000:.0f} ms, p95 {s95 * 1000:.0f} ms")
    print(f"concurrent ({n} page loads + checks at once): p50 {c50 * 1000:.0f} ms, p95 {c95 * 1000:.0f} ms, "
          f"all done in {wall:.1f} s ({n / wall:.1f} checks/s)")
    print(f"ratio concurrent / sequential: p50 {c50 / s50:.1f}×, p95 {c95 / s95:.1f}×")
    print(f"errors: {len(errors)}")
    for e in errors[:20]:
        print("  ", e)
    if errors:
        raise SystemExit(1)
    return n / wall


def serve_subprocess(db: Path, workers: int, port: int) -> subprocess.Popen:
    burhan = shutil.which("burhan") or "burhan"
    server = subprocess.Popen([burhan, "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, seen = time.time() + 300, set()
    while time.time() < deadline:  # every worker warm (each loads its models at start) and answering
        try:
            seen.add(httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).json()["worker"])
            if len(seen) == workers:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit(f"burhan serve --workers {workers}: {len(seen)} worker(s) answered within 300 s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="a running 'burhan serve' (default: serve the demo corpus in-process)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", help="serve the demo with 'burhan serve --workers N' for each N")
    args = parser.parse_args()
    if not args.workers:
        asyncio.run(run(args.url or serve_demo(), args.requests))
        return
    from burhan.demo import build_demo_store

    db = build_demo_store(Path(tempfile.mkdtemp()) / "demo.db")
    throughput = {}
    for workers in args.workers:
        port = free_port()
        server = serve_subprocess(db, workers, port)
        try:
            print(f"-- burhan serve --workers {workers}")
            throughput[workers] = asyncio.run(run(f"http://127.0.0.1:{port}", args.requests))
        finally:
            server.terminate()
            server.wait(30)
    first = args.workers[0]
    for workers, value in throughput.items():
        print(f"workers {workers}: {value:.1f} checks/s, ×{value / throughput[first]:.2f} of {first} worker(s)")


if __name__ == "__main__":
    main()
