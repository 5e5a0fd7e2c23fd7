"""Load on the API and page: N concurrent claim checks against ``burhan serve`` on localhost.

    python bench/load.py [--url http://127.0.0.1:8000] [--requests 200] [--workers 1 2]

Without --url it builds the demo store in a temporary folder and serves it: in-process
(uvicorn, one worker) by default, or with ``--workers N …`` as ``burhan serve --workers N``
subprocesses, one after the other on the same store, and prints each one's throughput beside
the first's (issue 14: 2 workers ≥ 1.7× one). For each server it first times the same checks
one at a time (the peer), then sends all requests at once (each check with a page load beside
it) and prints p50/p95 of both, their ratio, and every error (the acceptance: none).

    python bench/load.py --workers 1 2 --ab [--requests 600] [--concurrency 16] [--rounds 3]

``--ab`` drives the servers with ApacheBench (``ab``, Debian's ``apache2-utils``) instead: a load
generator in C that leaves the cores to the servers (httpx in Python took as much CPU as a
worker on this 2-core box). Keep-alive POSTs of one claim, the servers taken in turn for
``--rounds`` rounds; each server first gets 40 checks one at a time (its warm-up, whose p50 is
printed), then prints requests/s, p50 latency and errors (refused or broken connections,
non-2xx answers; ab's "length" failures are not errors: each answer carries its own check id),
and stops if the history did not gain exactly one record per check answered.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import statistics
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


AB_WARM_UP = 40  # checks sent before each timed ab run


def run_ab(url: str, n: int, concurrency: int) -> float:
    """``ab`` against ``url``'s ``/api/check``: the p50 of checks sent one at a time, then
    requests/s with ``concurrency`` in flight (exit 1 on any error)."""
    import json
    import re

    body = Path(tempfile.mkdtemp()) / "claim.json"
    body.write_text(json.dumps({"claim": CLAIMS[0]}, ensure_ascii=False), encoding="utf-8")
    command = ["ab", "-q", "-k", "-p", str(body), "-T", "application/json", f"{url}/api/check"]
    def ab(requests: int, in_flight: int) -> str:
        return subprocess.run(command[:2] + ["-n", str(requests), "-c", str(in_flight)] + command[2:],
                              capture_output=True, text=True, check=True).stdout

    one_at_a_time = re.search(r"\s50%\s+(\d+)", ab(AB_WARM_UP, 1)).group(1)  # also the warm-up
    out = ab(n, concurrency)
    rate = float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"\s50%\s+(\d+)", out).group(1)
    broken = re.search(r"\(Connect: (\d+), Receive: (\d+), Length: \d+, Exceptions: (\d+)\)", out)
    errors = sum(map(int, broken.groups())) if broken else 0
    non_2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    print(f"ab: {AB_WARM_UP} checks one at a time: p50 {one_at_a_time} ms; "
          f"{n} checks, {concurrency} at a time: {rate:.1f} checks/s, p50 {p50} ms, errors: {errors}")
    if errors:
        raise SystemExit(1)
    return rate


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="a running 'burhan serve' (default: serve the demo corpus in-process)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", help="serve the demo with 'burhan serve --workers N' for each N")
    parser.add_argument("--ab", action="store_true", help="drive the --workers servers with ApacheBench (ab)")
    parser.add_argument("--concurrency", type=int, default=16, help="with --ab: requests in flight")
    parser.add_argument("--rounds", type=int, default=3, help="with --ab: rounds over the servers")
    args = parser.parse_args()
    if args.ab:
        if not args.workers or not shutil.which("ab"):
            raise SystemExit("--ab needs --workers N … and ab on the PATH (apt-get install apache2-utils)")
        return compare_with_ab(args.workers, args.requests, args.concurrency, args.rounds)
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


def _checks_stored(db: Path) -> int:
    from burhan.store import Store

    with Store(db, create=False) as store:
        return store.stats()["checks"]


def compare_with_ab(workers_list: list[int], n: int, concurrency: int, rounds: int) -> None:
    from burhan.demo import build_demo_store

    db = build_demo_store(Path(tempfile.mkdtemp()) / "demo.db")
    rates: dict[int, list[float]] = {w: [] for w in workers_list}
    for _ in range(rounds):
        for workers in workers_list:  # in turn, so that every server sees the same machine
            port = free_port()
            server = serve_subprocess(db, workers, port)
            before = _checks_stored(db)
            try:
                print(f"-- burhan serve --workers {workers}")
                rates[workers].append(run_ab(f"http://127.0.0.1:{port}", n, concurrency))
            finally:
                server.terminate()
                server.wait(30)
            saved = _checks_stored(db) - before
            if saved != n + AB_WARM_UP:  # each check answered is in the history once: none lost, none doubled
                raise SystemExit(f"{n + AB_WARM_UP} checks answered, {saved} saved in the history")
    first = statistics.median(rates[workers_list[0]])
    for workers, values in rates.items():
        print(f"workers {workers}: median {statistics.median(values):.1f} checks/s over {len(values)} rounds "
              f"({', '.join(f'{v:.1f}' for v in values)}), ×{statistics.median(values) / first:.2f} of {workers_list[0]}")


if __name__ == "__main__":
    main()
