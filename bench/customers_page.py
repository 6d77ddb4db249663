"""The Customers page at size: shown, sorted by each column, its memory, and the disk it takes.

```
.venv/bin/python -m bench.customers_page [--db PATH] [--runs N]
```

Each figure stands beside its floor, measured in the same run on the same file:

- shown: ``CustomersPage(shop)`` built, shown at 1280 x 800 and painted once (offscreen), in a
  process of its own with the shop already open (the segments' counts are read when the segment
  box is first looked at: timed apart, with the RSS after them); floor: a bare ``QTableView``
  over a bare ``QSqlQueryModel`` (Qt's SQLite driver, which fetches 256 rows at a time) of the
  same columns in the same order, shown and painted the same way, in a process of its own.
- sorted: a heading clicked (``sortByColumn``) until the table is painted again, every column
  both ways; floor: the bare model given the same ``ORDER BY``.
- memory: the process's resident memory (RSS) with the page open, after all the sorting; floor:
  the bare process's after the same.
- disk per 100,000 customers: every table and index of the customers and their search
  (``dbstat``: the pages each uses), scaled to 100,000 customers; floor: the customers table
  alone, without any index.

Results go to ``bench/out/customers_page.json`` (or ``--results``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"
REPO = OUT.parent.parent
TARGETS = {"shown_ms": 100.0, "sorted_ms": 200.0, "rss_mb": 150.0, "disk_mib": 40.0}

COLUMNS = "name, phone, email, tags, visit_count, total_spent, last_visit, created_at"
BARE_ORDERS = [  # as ``shopcrm.people.customer_list`` sorts, column by column of the page
    "name_sort",
    "phone",
    "email",
    "tags",
    "visit_count",
    "total_spent",
    "last_visit",
    "created_at",
    "SEGMENT",
]
CUSTOMER_TABLES = ("customers", "customer_prefixes", "customer_search")


def main(argv: list[str] | None = None) -> int:
    """Measure on ``--db`` and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.customers_page", description=__doc__)
    parser.add_argument("--db", type=Path, default=OUT / "bench.sqlite3")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--results", type=Path)
    parser.add_argument("--child", choices=["app", "bare"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        result = _app(args.db, args.runs) if args.child == "app" else _bare(args.db, args.runs)
        print("RESULT " + json.dumps(result))
        return 0
    results = measure(args.db.resolve(), args.runs)
    for figure, value, target, ok in verdicts(results):
        verdict = "" if ok is None else ("PASS" if ok else "FAIL")
        print(f"{figure:<58}{value:<44}{target:<16}{verdict}")
    out = args.results or OUT / "customers_page.json"
    out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    return 0


def measure(db: Path, runs: int = 3) -> dict[str, Any]:
    """Every figure of the Customers page on ``db`` (migrated first), beside its floor."""
    from shopcrm import Shop

    started = time.perf_counter()
    with Shop.open(db) as shop:
        shop.store.wait_for_daily_backup()
        customers = shop.customer_list.total(include_archived=True)
    opened = time.perf_counter() - started
    return {
        "database": str(db),
        "customers": customers,
        "open_and_migrate_s": opened,
        "disk": disk(db, customers),
        "app": _child("app", db, runs),
        "bare": _child("bare", db, runs),
    }


def disk(db: Path, customers: int) -> dict[str, Any]:
    """MiB of every table and index of the customers and their search, per 100,000 customers."""
    import sqlite3

    with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT d.name, s.tbl_name, SUM(d.pgsize) FROM dbstat d "
            "JOIN sqlite_schema s ON s.name = d.name GROUP BY d.name"
        ).fetchall()
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    scale = 100_000 / max(customers, 1) / 2**20
    objects = {
        name: size * scale
        for name, table, size in rows
        if table in CUSTOMER_TABLES or table.startswith("customer_search")
    }
    return {
        "per_100k_mib": sum(objects.values()),
        "floor_per_100k_mib": objects.get("customers", 0.0),
        "objects_per_100k_mib": dict(sorted(objects.items(), key=lambda kv: -kv[1])),
        "free_pages_mib": free * page / 2**20,
        "file_mib": db.stat().st_size / 2**20,
    }


def _child(kind: str, db: Path, runs: int) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "bench.customers_page", "--child", kind, "--db", str(db)]
    done = subprocess.run(
        [*command, "--runs", str(runs)], cwd=REPO, env=env, capture_output=True, text=True
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return dict(json.loads(line[7:]))
    raise RuntimeError(f"{kind} child failed:\n{done.stdout}\n{done.stderr}")


def _rss_mb() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss / 2**20)


def _app(db: Path, runs: int) -> dict[str, Any]:
    """In a child: the real page."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from shopcrm import Shop
    from ui.customers.page import CustomersPage

    app = QApplication([])
    shop = Shop.open(db)
    shop.store.wait_for_daily_backup()
    before = _rss_mb()
    shown: list[float] = []
    page = None
    for _ in range(runs):
        if page is not None:
            page.close()
            page.deleteLater()
            app.processEvents()
        started = time.perf_counter()
        page = CustomersPage(shop)
        page.resize(1280, 800)
        page.show()
        app.processEvents()
        page.table.viewport().repaint()
        shown.append(time.perf_counter() - started)
    assert page is not None
    rows = page.model.rowCount()
    sorted_s: dict[str, list[float]] = {}
    for column in range(page.model.columnCount()):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            times = []
            for run in range(runs):
                if run:  # sort another way first, so that each run sorts anew
                    page.table.sortByColumn((column + 1) % 9, order)
                started = time.perf_counter()
                page.table.sortByColumn(column, order)
                page.table.viewport().repaint()
                app.processEvents()
                times.append(time.perf_counter() - started)
            name = page.model.headerData(column, Qt.Orientation.Horizontal)
            sorted_s[f"{name} {'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}"] = times
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    page.table.scrollToBottom()
    page.table.viewport().repaint()
    app.processEvents()
    rss = _rss_mb()
    counted = []
    for _ in range(runs):  # the segment box looked at: every customer counted by segment
        page.top.counts_pending = True
        started = time.perf_counter()
        page.segment.showPopup()
        page.segment.hidePopup()
        counted.append(time.perf_counter() - started)
    result = {
        "rows": rows,
        "rss_before_page_mb": before,
        "rss_mb": rss,
        "shown_s": shown,
        "segment_counts_s": counted,
        "rss_after_segment_counts_mb": _rss_mb(),
        "sorted_s": sorted_s,
        "rows_in_memory": page.model.rows_read(),
    }
    page.close()
    shop.close()
    return result


def _bare(db: Path, runs: int) -> dict[str, Any]:
    """In a child: a bare QTableView over a bare QSqlQueryModel, the same columns and orders."""
    from PySide6.QtSql import QSqlDatabase, QSqlQueryModel
    from PySide6.QtWidgets import QApplication, QTableView

    from shopcrm.common.clock import local_now
    from shopcrm.common.preferences import Settings
    from shopcrm.numbers.segments import SEGMENT_PLACE_SQL, SegmentLimits

    app = QApplication([])
    base = QSqlDatabase.addDatabase("QSQLITE")
    base.setDatabaseName(str(db))
    base.setConnectOptions("QSQLITE_OPEN_READONLY")
    assert base.open(), base.lastError().text()
    before = _rss_mb()
    limits = SegmentLimits.on(Settings(), local_now().date()).params()
    segment = SEGMENT_PLACE_SQL
    for name, value in limits.items():
        segment = segment.replace(f":{name}", repr(value) if isinstance(value, str) else str(value))

    def select(order: str, descending: bool) -> str:
        way = " DESC" if descending else ""
        if order == "SEGMENT":  # as the core reads it: the names' index walked per segment
            places = [4, 3, 2, 1, 0] if descending else [0, 1, 2, 3, 4]
            return " UNION ALL ".join(
                f"SELECT * FROM (SELECT {COLUMNS} FROM customers WHERE archived_at IS NULL "
                f"AND ({segment}) = {n} ORDER BY name_sort{way}, id{way})"
                for n in places
            )
        return (
            f"SELECT {COLUMNS} FROM customers WHERE archived_at IS NULL "
            f"ORDER BY {order}{way}, id{way}"
        )

    shown: list[float] = []
    view = None
    model = None
    for _ in range(runs):
        if view is not None:
            view.close()
            view.deleteLater()
            app.processEvents()
        started = time.perf_counter()
        model = QSqlQueryModel()
        model.setQuery(select("name_sort", False), base)
        view = QTableView()
        view.setModel(model)
        view.resize(1280, 800)
        view.show()
        app.processEvents()
        view.viewport().repaint()
        shown.append(time.perf_counter() - started)
    assert view is not None and model is not None
    sorted_s: dict[str, list[float]] = {}
    for number, order in enumerate(BARE_ORDERS):
        for descending in (True, False):
            times = []
            for run in range(runs):
                if run:
                    model.setQuery(select(BARE_ORDERS[(number + 1) % 9], descending), base)
                started = time.perf_counter()
                model.setQuery(select(order, descending), base)
                view.viewport().repaint()
                app.processEvents()
                times.append(time.perf_counter() - started)
            sorted_s[f"{order} {'desc' if descending else 'asc'}"] = times
    view.scrollToBottom()  # the bare model fetches 256 rows more at each end reached
    view.viewport().repaint()
    app.processEvents()
    return {
        "rss_before_page_mb": before,
        "rss_mb": _rss_mb(),
        "shown_s": shown,
        "sorted_s": sorted_s,
    }


def verdicts(r: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """(figure, value beside its floor and their ratio, target, met) for the table."""
    size = f"{r['customers']:,} customers"
    app, bare = r["app"], r["bare"]
    rows: list[tuple[str, str, str, bool | None]] = []

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    def beside(value: float, floor: float, unit: str) -> str:
        ratio = value / floor if floor else float("nan")
        return f"{value:.1f} {unit} (floor {floor:.1f}, {ratio:.1f}x)"

    shown = ms(app["shown_s"])
    rows.append(
        (
            f"Customers page shown, {size}",
            beside(shown, ms(bare["shown_s"]), "ms"),
            f"<= {TARGETS['shown_ms']:g} ms",
            shown <= TARGETS["shown_ms"],
        )
    )
    for (name, times), bare_times in zip(
        app["sorted_s"].items(), bare["sorted_s"].values(), strict=True
    ):
        value = ms(times)
        rows.append(
            (
                f"  sorted by {name}",
                beside(value, ms(bare_times), "ms"),
                f"<= {TARGETS['sorted_ms']:g} ms",
                value <= TARGETS["sorted_ms"],
            )
        )
    rows.append(
        (
            f"RSS with the Customers page open, {size}",
            beside(app["rss_mb"], bare["rss_mb"], "MB"),
            f"<= {TARGETS['rss_mb']:g} MB",
            app["rss_mb"] <= TARGETS["rss_mb"],
        )
    )
    rows.append(
        (
            "  the segment box opened: its counts (no floor), then RSS",
            f"{ms(app['segment_counts_s']):.1f} ms, {app['rss_after_segment_counts_mb']:.1f} MB",
            "",
            None,
        )
    )
    d = r["disk"]
    rows.append(
        (
            "disk per 100k customers (customers, indexes, search)",
            beside(d["per_100k_mib"], d["floor_per_100k_mib"], "MiB"),
            f"<= {TARGETS['disk_mib']:g} MiB",
            d["per_100k_mib"] <= TARGETS["disk_mib"],
        )
    )
    rows.append((f"open + migrate, {size}", f"{r['open_and_migrate_s']:.1f} s", "", None))
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
