"""The measurements: search per keystroke (app and bare SQL), logging, opening, first paint."""

from __future__ import annotations

import math
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from shopcrm import Shop
from shopcrm.demo import random_amount
from shopcrm.storage.backups import backup_folder, take_backup

REPO = Path(__file__).resolve().parent.parent
Query = tuple[str, Any]


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile ``p`` (0-100) of ``values``."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(values_ms: list[float]) -> dict[str, float]:
    """p50, p95 and max of timings in milliseconds."""
    return {
        "n": len(values_ms),
        "p50_ms": percentile(values_ms, 50),
        "p95_ms": percentile(values_ms, 95),
        "max_ms": max(values_ms) if values_ms else math.nan,
    }


def keystrokes(word: str) -> list[str]:
    """What the search box holds after each key: "ş", "şü", "şük"."""
    return [word[:n] for n in range(1, len(word) + 1)]


# --- search -------------------------------------------------------------------------------


@contextmanager
def recording(shop: Shop) -> Iterator[list[Query]]:
    """Record every statement the core runs on its store while inside the block."""
    store = shop.store
    seen: list[Query] = []
    originals = {name: getattr(store, name) for name in ("query", "one", "execute")}

    def wrap(name: str) -> Callable[..., Any]:
        def recorder(sql: str, params: Any = ()) -> Any:
            seen.append((sql, params))
            return originals[name](sql, params)

        return recorder

    for name in originals:
        setattr(store, name, wrap(name))
    try:
        yield seen
    finally:
        for name in originals:
            delattr(store, name)  # back to the class's methods


def capture_search_sql(shop: Shop, prefixes: list[str]) -> dict[str, list[Query]]:
    """The exact statements (SQL and parameters) the core runs for each search."""
    captured = {}
    for prefix in prefixes:
        with recording(shop) as seen:
            shop.customers.search(prefix)
        captured[prefix] = list(seen)
    return captured


def time_search(
    shop: Shop, path: Path, words: list[str], reps: int
) -> tuple[dict[str, list[float]], dict[str, list[float]], dict[str, list[Query]]]:
    """Type each word one key at a time, ``reps`` times: milliseconds per keystroke.

    Each keystroke is timed twice, one right after the other: through the app
    (``shop.customers.search``, which builds ``Customer`` objects) and "bare" (the very
    statements the core ran, recorded once, run on a plain ``sqlite3`` connection to the same
    file with ``fetchall``). Returns (app, bare, statements) by keystroke.
    """
    prefixes = [p for w in words for p in keystrokes(w)]
    captured = capture_search_sql(shop, prefixes)
    app: dict[str, list[float]] = {p: [] for p in prefixes}
    bare: dict[str, list[float]] = {p: [] for p in prefixes}
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for prefix in prefixes:  # warm the page cache and the statement caches first
            shop.customers.search(prefix)
            for sql, params in captured[prefix]:
                conn.execute(sql, params).fetchall()
        for _ in range(reps):
            for prefix in prefixes:
                t = time.perf_counter_ns()
                shop.customers.search(prefix)
                app[prefix].append((time.perf_counter_ns() - t) / 1e6)
                t = time.perf_counter_ns()
                for sql, params in captured[prefix]:
                    conn.execute(sql, params).fetchall()
                bare[prefix].append((time.perf_counter_ns() - t) / 1e6)
    finally:
        conn.close()
    return app, bare, captured


def explain(path: Path, captured: dict[str, list[Query]]) -> dict[str, list[dict[str, Any]]]:
    """For each search: its statements, their query plans and how many rows match (no LIMIT)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        out: dict[str, list[dict[str, Any]]] = {}
        for prefix, statements in captured.items():
            out[prefix] = []
            for sql, params in statements:
                plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
                matches = None
                if isinstance(params, dict) and "limit" in params:
                    unlimited = dict(params, limit=-1)
                    matches = len(conn.execute(sql, unlimited).fetchall())
                out[prefix].append(
                    {
                        "sql": " ".join(sql.split()),
                        "params": params,
                        "plan": plan,
                        "matches": matches,
                    }
                )
        return out
    finally:
        conn.close()


# --- logging ------------------------------------------------------------------------------


def time_logging(shop: Shop, count: int, seed: int = 1, print_rules: bool = False) -> list[float]:
    """Log ``count`` purchases on random customers; milliseconds each (commit included).
    ``print_rules``: with what the counter does next, the print rules queueing the cards the
    purchase calls for."""
    rng = random.Random(seed)
    top = int(shop.store.one("SELECT max(id) AS n FROM customers")["n"])  # type: ignore[index]
    out = []
    for _ in range(count):
        customer_id = rng.randint(1, top)
        amount = random_amount(rng)
        t = time.perf_counter_ns()
        shop.purchases.log(customer_id, amount=amount, note="bench")
        if print_rules:
            shop.print_queue.refresh_for_customer(customer_id)
        out.append((time.perf_counter_ns() - t) / 1e6)
    return out


def switch_on_print_rules(shop: Shop) -> None:
    """All four print rules on: a welcome card, a thank-you card over ₺500, occasion cards a
    week ahead, "we miss you" letters."""
    shop.settings.update(
        print_welcome=True,
        print_thank_you_over="500",
        print_occasion_days=7,
        print_we_miss_you=True,
    )


RULE_MIX = [
    {"kind": "visits", "reward": "percent", "value": 10, "every_visits": 4},
    {"kind": "visits", "reward": "gift", "gift": "Kupa", "every_visits": 10},
    {"kind": "spending", "reward": "amount", "value": "100", "every_spending": 200_000},
    {"kind": "spending", "reward": "percent", "value": 15, "every_spending": 1_000_000},
    {"kind": "birthday", "reward": "gift", "gift": "Çiçek", "days_before": 7},
    {"kind": "welcome", "reward": "percent", "value": 5},
    {"kind": "referral", "reward": "amount", "value": "50"},
]


def ensure_active_rules(shop: Shop, wanted: int) -> int:
    """Add rules (a realistic mix, cycled, counting all past visits: the costliest case) until
    ``wanted`` are active; return how many are."""
    active = [r for r in shop.rules.all() if r.active]
    for n in range(wanted - len(active)):
        shop.rules.add(**RULE_MIX[n % len(RULE_MIX)], count_past=True)  # type: ignore[arg-type]
    return len([r for r in shop.rules.all() if r.active])


def time_fsync(folder: Path, count: int = 200) -> list[float]:
    """Milliseconds for one 4 KB write + fsync on this disk: the floor of a durable commit."""
    probe = folder / "fsync-probe.bin"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT, 0o644)
    out = []
    try:
        for n in range(count):
            os.pwrite(fd, os.urandom(4096), (n % 64) * 4096)
            t = time.perf_counter_ns()
            os.fsync(fd)
            out.append((time.perf_counter_ns() - t) / 1e6)
    finally:
        os.close(fd)
        probe.unlink()
    return out


# --- opening ------------------------------------------------------------------------------


def drop_daily_backups(db: Path) -> None:
    """Remove the benchmark database's daily backups, so the next open takes one."""
    for old in backup_folder(db.resolve()).glob(f"{db.stem}-daily-*.sqlite3"):
        old.unlink()


def time_open(db: Path, runs: int, with_backup: bool) -> list[float]:
    """Seconds for ``Shop.open`` (quick_check, daily backup unless one exists today)."""
    out = []
    if with_backup:
        Shop.open(db).close()  # make sure today's backup exists
    for _ in range(runs):
        if not with_backup:
            drop_daily_backups(db)
        t = time.perf_counter()
        shop = Shop.open(db)
        out.append(time.perf_counter() - t)
        shop.close()
    return out


def time_quick_check(db: Path) -> float:
    """Seconds for ``PRAGMA quick_check`` alone on a plain connection."""
    conn = sqlite3.connect(db)
    try:
        t = time.perf_counter()
        conn.execute("PRAGMA quick_check").fetchone()
        return time.perf_counter() - t
    finally:
        conn.close()


def time_backup(db: Path) -> float:
    """Seconds for one backup copy alone (``shopcrm.storage.backups.take_backup``) to a temp
    file."""
    conn = sqlite3.connect(db)
    try:
        with tempfile.TemporaryDirectory(dir=db.parent) as folder:
            t = time.perf_counter()
            take_backup(conn, Path(folder) / "copy.sqlite3")
            return time.perf_counter() - t
    finally:
        conn.close()


# --- first paint --------------------------------------------------------------------------

FIRST_PAINT_ENV = "SHOPCRM_BENCH_FIRST_PAINT"


def first_paint_available() -> str | None:
    """None when main.py has the first-paint hook; otherwise why not."""
    main = REPO / "main.py"
    if not main.exists():
        return "main.py does not exist yet"
    if FIRST_PAINT_ENV not in main.read_text(encoding="utf-8"):
        return f"main.py has no {FIRST_PAINT_ENV} hook yet"
    return None


def _as_on_a_shop_computer() -> dict[str, str]:
    """The environment of an app start, offscreen. Without ``PYTHONDONTWRITEBYTECODE`` (set on
    some build machines): on a shop's computer Python keeps the modules it compiled, so only
    the very first start compiles them (about 0.12 s of every start here when it may not)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_first_paint(
    db: Path, timeout: float = 60.0, program: list[str] | None = None
) -> dict[str, Any]:
    """Start the app once on ``db``: seconds to its first paint, and its memory.

    ``program`` starts another build of the app (the stand-alone one); else ``main.py`` here.

    ``max_rss_mb`` is what the app's hook printed (``getrusage`` ``ru_maxrss``). On Linux that
    figure also counts the parent's peak (it survives fork and exec), so the bench reads the
    app's own peak, ``VmHWM`` in ``/proc/<pid>/status``, as soon as the first-paint line arrives.
    """
    env = _as_on_a_shop_computer()
    env[FIRST_PAINT_ENV] = "1"
    command = [*(program or [sys.executable, "main.py"]), "--db", str(db), "--lang", "tr"]
    values: dict[str, Any] = {}
    with tempfile.TemporaryFile("w+") as errors:
        started = time.time()
        proc = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=errors, text=True
        )
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.start()
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                parts = line.split()
                if len(parts) == 2 and parts[0] == "first-paint":
                    values["first_paint_s"] = float(parts[1]) - started
                    values.update(_own_memory(proc.pid))
                elif len(parts) == 2 and parts[0] == "max-rss-kb":
                    values["max_rss_mb"] = int(parts[1]) / 1024
            values["exit_code"] = proc.wait()
        finally:
            watchdog.cancel()
        values["process_s"] = time.time() - started
        if "first_paint_s" not in values:
            errors.seek(0)
            tail = errors.read().strip().splitlines()[-3:]
            values["error"] = "no first-paint line; " + (" | ".join(tail) or "no output")
    return values


def _own_memory(pid: int) -> dict[str, float]:
    """The peak and current resident memory of a running process, in MB (Linux)."""
    out: dict[str, float] = {}
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return out
    for line in status.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS") and value.strip().endswith("kB"):
            out["peak_rss_mb" if key == "VmHWM" else "rss_mb"] = int(value.split()[0]) / 1024
    return out


_QT_FLOOR = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

class Spy(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.time()}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
label = QLabel("Güneş Çiçekçilik")
spy = Spy()
label.installEventFilter(spy)
label.show()
app.exec()
"""


def run_qt_floor(timeout: float = 60.0) -> float | None:
    """Seconds from spawning Python to the first paint of a bare Qt label: the floor for main.py."""
    env = _as_on_a_shop_computer()
    started = time.time()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _QT_FLOOR],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    for line in done.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - started
    return None


def median(values: list[float]) -> float:
    """The median, or NaN for no values."""
    return statistics.median(values) if values else math.nan
