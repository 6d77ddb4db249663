"""The numbers figure: ``shop.numbers`` over 1,000,000 customers and 10,000,000 purchases (two
years of sales), beside the bare SQL it runs.

The database is built once with ``bench.build`` (in a child process) and cached as
``bench/out/bench-1m.sqlite3``; the first open migrates it (the numbers' indexes) and that time
is reported too. Then, each ``--runs`` times: the Numbers page's first show (``figures`` of this
month, then the charts: revenue by month over 12 months and visits by weekday and hour), a
change of period to last month and to this year, and the same statements replayed on a plain
``sqlite3`` connection (recorded by wrapping the store, run with ``fetchall()``).

    python -m bench.numbers [--rebuild] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from shopcrm import Shop
from shopcrm.numbers.periods import Period, custom, last_month, this_month, this_year
from shopcrm.storage.store import Store

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
DB = OUT / "bench-1m.sqlite3"
TARGET_MS = 300.0
Query = tuple[str, Any]


def build(db: Path, customers: int, purchases: int) -> None:
    """Build the big database in a child process (the rows made in Python stay there)."""
    command = [sys.executable, "-m", "bench.build", str(db)]
    command += ["--customers", str(customers), "--purchases", str(purchases)]
    subprocess.run(command, cwd=REPO, check=True)


@contextmanager
def recording(store: Store) -> Iterator[list[Query]]:
    """Record every statement the core reads through ``store.query`` and ``store.one``."""
    seen: list[Query] = []
    query, one = store.query, store.one

    def recorded_query(sql: str, params: Any = ()) -> Any:
        seen.append((sql, params))
        return query(sql, params)

    def recorded_one(sql: str, params: Any = ()) -> Any:
        seen.append((sql, params))
        return one(sql, params)

    store.query, store.one = recorded_query, recorded_one  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        store.query, store.one = query, one  # type: ignore[method-assign]


def timed(action: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def bare(db: Path, statements: list[Query]) -> float:
    """Milliseconds the statements take on a plain connection, rows fetched as tuples."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        started = time.perf_counter()
        for sql, params in statements:
            conn.execute(sql, params).fetchall()
        return (time.perf_counter() - started) * 1000
    finally:
        conn.close()


def page_shown(shop: Shop, period: Period) -> None:
    """What the Numbers page asks the core for when it shows a period."""
    shop.numbers.figures(period)
    shop.numbers.revenue_by_month(12, period.end)
    shop.numbers.visits_by_weekday_hour(period)


def measure(shop: Shop, db: Path, runs: int, today: date) -> dict[str, Any]:
    """Each step's times (ms) in the app and as bare SQL."""
    steps = {
        "show: this month": this_month(today),
        "change: last month": last_month(today),
        "change: this year": this_year(today),
        "custom: 30 days": custom(today - timedelta(days=29), today, today=today),
    }
    results: dict[str, Any] = {}
    for name, period in steps.items():
        app, floor, figures_only = [], [], []
        for _ in range(runs):
            with recording(shop.store) as statements:
                app.append(timed(lambda p=period: page_shown(shop, p)))  # type: ignore[misc]
            figures_only.append(timed(lambda p=period: shop.numbers.figures(p)))  # type: ignore[misc]
            floor.append(bare(db, statements))
        results[name] = {
            "app_ms": app,
            "figures_alone_ms": figures_only,
            "bare_sql_ms": floor,
            "statements": len(statements),
        }
        print(
            f"  {name:<20} app {statistics.median(app):6.0f} ms (slowest {max(app):5.0f})  "
            f"figures alone {statistics.median(figures_only):6.0f} ms  bare SQL "
            f"{statistics.median(floor):6.0f} ms (slowest {max(floor):5.0f})  "
            f"[{len(statements)} statements]",
            flush=True,
        )
    return results


def logging_cost(shop: Shop, db: Path, count: int) -> dict[str, Any]:
    """What keeping the aggregates adds to a purchase: ``shop.purchases.log`` on random
    customers (the triggers included), and the triggers' own work on a plain connection: the
    same one-row UPDATE of a purchase with the triggers firing (``amount``) and without
    (``note``), each rolled back, on random purchases of random customers."""
    rng = random.Random(7)
    top = shop.store.one("SELECT max(id) AS n FROM customers")
    last = int(top["n"]) if top else 1
    logged: list[float] = []
    for _ in range(count):
        customer = rng.randint(1, last)
        if shop.customers.get(customer).archived:
            continue
        started = time.perf_counter()
        shop.purchases.log(customer, amount=12_345, note="bench")
        logged.append((time.perf_counter() - started) * 1000)
    shop.close()
    conn = sqlite3.connect(db, isolation_level=None)
    fired: list[float] = []
    plain: list[float] = []
    try:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM purchases WHERE voided_at IS NULL AND id IN "
                f"({', '.join(str(rng.randint(1, 10_000_000)) for _ in range(count))})"
            )
        ]
        for purchase in ids:
            for column, out in (("amount", fired), ("note", plain)):
                conn.execute("BEGIN IMMEDIATE")
                started = time.perf_counter()
                conn.execute(f"UPDATE purchases SET {column} = {column} WHERE id = ?", (purchase,))
                out.append((time.perf_counter() - started) * 1000)
                conn.execute("ROLLBACK")
    finally:
        conn.close()
    result = {
        "log_ms": logged,
        "update_with_triggers_ms": fired,
        "update_without_triggers_ms": plain,
    }
    print(
        f"  log a purchase (triggers included): p50 {_p(logged, 50):.2f} ms, p95 "
        f"{_p(logged, 95):.2f} ms over {len(logged)}\n"
        f"  the triggers' own work: p50 {_p(fired, 50) - _p(plain, 50):.2f} ms, p95 "
        f"{_p(fired, 95) - _p(plain, 95):.2f} ms ({len(fired)} purchases, rolled back)",
        flush=True,
    )
    return result


def _p(values: list[float], p: float) -> float:
    ordered = sorted(values) or [float("nan")]
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.numbers", description=__doc__)
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--db", type=Path, default=DB)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--purchases", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--log-count", type=int, default=200)
    parser.add_argument("--results", type=Path, default=OUT / "numbers.json")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        print(f"Building {args.db} ({args.customers:,} customers, {args.purchases:,} purchases)")
        started = time.perf_counter()
        build(args.db, args.customers, args.purchases)
        results["build_s"] = time.perf_counter() - started
    started = time.perf_counter()
    shop = Shop.open(args.db)
    results["open_and_migrate_s"] = time.perf_counter() - started
    print(f"Opened (and migrated, the first time) in {results['open_and_migrate_s']:.1f} s")
    # The migration's one big transaction leaves a WAL as large as what it wrote: fold it in,
    # as SQLite's automatic checkpoints do in the app, so that reads do not wade through it.
    shop.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        newest = shop.store.one("SELECT max(purchased_at) AS last FROM purchases")
        today = date.fromisoformat(newest["last"][:10]) if newest else date.today()
        results["today"] = today.isoformat()
        print(
            f"The numbers as of {today} (the newest purchase), {args.runs} runs each, median; "
            f"target {TARGET_MS:.0f} ms for the page and a change of month or year:"
        )
        results["steps"] = measure(shop, args.db, args.runs, today)
        print(f'Logging {args.log_count} purchases marked "bench" on random customers:')
        results["logging"] = logging_cost(shop, args.db, args.log_count)
    finally:
        shop.close()
    args.results.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"Written to {args.results}")


if __name__ == "__main__":
    main()
