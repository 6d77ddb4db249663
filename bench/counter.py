"""The counter's figures, each beside its floor measured in the same run (issue 12).

- Core search per keystroke: ``shop.customers.search`` against the very statements it ran,
  replayed on a plain ``sqlite3`` connection to the same file with ``fetchall`` (same page
  cache, no ``Customer`` objects): the benchmark's words, the words that hit many names ("yıl",
  "kay", "ali" and the five most frequent three-letter pieces of names in the database) and
  the one- and two-letter keystrokes.
- Keystroke to repainted results: a key sent to the counter's search box (the real
  ``CounterPage``, offscreen) until its results have repainted, against a bare ``QLineEdit``
  and ``QListView`` that run the same statements on a plain connection and show the same
  names.

Run alone with ``python -m bench.counter [--db PATH] [--reps N] [--keys N]``; ``python -m
bench`` runs it too. The Qt part runs in a child process (``--qt``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench import measure

REPO = Path(__file__).resolve().parents[1]
BENCH_WORDS = ["şük", "ozt", "0532"]
MANY_WORDS = ["yıl", "kay", "ali"]
GOALS = {"keystroke_p95_ms": 16.0, "search_p95_ms": 2.0, "ratio": 1.5}


def frequent_pieces(db: Path, count: int = 5, sample: int = 100_000) -> list[str]:
    """The ``count`` three-letter pieces (no space) found in the most folded names, over an
    even sample of at most ``sample`` customers."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        top = int(conn.execute("SELECT max(id) FROM customers").fetchone()[0] or 0)
        step = max(1, top // sample)
        names = conn.execute(
            "SELECT name_folded FROM customers WHERE id % ? = 0 AND archived_at IS NULL", (step,)
        ).fetchall()
    finally:
        conn.close()
    pieces: Counter[str] = Counter()
    for (name,) in names:
        pieces.update({name[i : i + 3] for i in range(len(name) - 2)} - {""})
    return [p for p, _n in pieces.most_common(count * 4) if " " not in p][:count]


def words_of(db: Path) -> dict[str, list[str]]:
    """The words typed, by group."""
    return {"bench": BENCH_WORDS, "many": MANY_WORDS + frequent_pieces(db)}


def matches(db: Path, words: list[str]) -> dict[str, int]:
    """How many names (and phones) hold each word anywhere: what a search must rank."""
    from shopcrm.common.text import fold

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {
            w: int(
                conn.execute(
                    "SELECT count(*) FROM customer_search WHERE customer_search MATCH ?",
                    ('"' + fold(w) + '"',),
                ).fetchone()[0]
            )
            for w in words
        }
    finally:
        conn.close()


# --- the core search ----------------------------------------------------------------------


def time_search(
    shop: Any, db: Path, prefixes: list[str], reps: int
) -> dict[str, dict[str, dict[str, list[float]]]]:
    """Each prefix searched ``reps`` times through the app and bare (the statements the app ran,
    recorded once, on a plain connection with ``fetchall``), one right after the other:
    milliseconds of wall time and of the thread's CPU time, by clock, side and prefix."""
    captured = measure.capture_search_sql(shop, prefixes)
    out: dict[str, dict[str, dict[str, list[float]]]] = {
        clock: {side: {p: [] for p in prefixes} for side in ("app", "bare")}
        for clock in ("wall", "cpu")
    }
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for prefix in prefixes:  # warm the page cache and the statement caches first
            shop.customers.search(prefix)
            for sql, params in captured[prefix]:
                conn.execute(sql, params).fetchall()
        for _ in range(reps):
            for prefix in prefixes:
                for side in ("app", "bare"):
                    wall, cpu = time.perf_counter_ns(), time.thread_time_ns()
                    if side == "app":
                        shop.customers.search(prefix)
                    else:
                        for sql, params in captured[prefix]:
                            conn.execute(sql, params).fetchall()
                    out["cpu"][side][prefix].append((time.thread_time_ns() - cpu) / 1e6)
                    out["wall"][side][prefix].append((time.perf_counter_ns() - wall) / 1e6)
    finally:
        conn.close()
    return out


def core(shop: Any, db: Path, groups: dict[str, list[str]], reps: int) -> dict[str, Any]:
    """Per keystroke, app and bare, summed up by group: the benchmark's words, the many-match
    words (all their keystrokes, and the three-letter ones alone) and the one- and
    two-letter keystrokes of all words; by clock (wall, CPU)."""
    words = [w for ws in groups.values() for w in ws]
    keys = {name: [p for w in ws for p in measure.keystrokes(w)] for name, ws in groups.items()}
    prefixes = list(dict.fromkeys(p for ps in keys.values() for p in ps))
    times = time_search(shop, db, prefixes, reps)
    short = [p for p in prefixes if len(p) <= 2 and p.isalpha()]
    parts = {
        "bench_words": keys["bench"],
        "many_words": keys["many"],
        "many_words_whole": groups["many"],
        "one_two_letters": short,
        **{f"word {w}": [w] for w in words},
    }
    out: dict[str, Any] = {"matches": matches(db, words)}
    for clock, sides in times.items():
        out[clock] = {
            name: {
                side: measure.summary([t for p in dict.fromkeys(ps) for t in sides[side][p]])
                for side in ("app", "bare")
            }
            for name, ps in parts.items()
        }
    return out


# --- keystroke to repaint (Qt, child process) ----------------------------------------------


def _in_qt(db: Path, groups: dict[str, list[str]], reps: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QVBoxLayout, QWidget

    from shopcrm import Shop
    from shopcrm.common.i18n import set_language
    from ui.counter.page import CounterPage

    qt = QApplication.instance() or QApplication([])
    set_language("tr")

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    words = [w for ws in groups.values() for w in ws]
    prefixes = [""] + [p for w in words for p in measure.keystrokes(w)]
    shop = Shop.open(db, check_in_background=True)
    try:
        captured = measure.capture_search_sql(shop, prefixes)
        found = {p: [c.name for c in shop.customers.search(p)] for p in prefixes}
        conn = sqlite3.connect(db, isolation_level=None)

        page = CounterPage(shop)
        page.resize(1280, 800)
        page.show()
        floor = QWidget()
        floor_box = QLineEdit()
        floor_list = QListView()
        floor_model = QStringListModel()
        floor_list.setModel(floor_model)
        column = QVBoxLayout(floor)
        column.addWidget(floor_box)
        column.addWidget(floor_list)

        def bare_search(text: str) -> None:
            for sql, params in captured.get(text, []):
                conn.execute(sql, params).fetchall()
            floor_model.setStringList(found.get(text, []))
            if found.get(text):
                floor_list.setCurrentIndex(floor_model.index(0))

        floor_box.textChanged.connect(bare_search)
        floor.resize(640, 800)
        floor.show()
        spies = {}
        for name, view in (("app", page.results), ("floor", floor_list)):
            spy = Painted()
            view.viewport().installEventFilter(spy)
            spies[name] = spy
        boxes = {"app": page.search, "floor": floor_box}

        def settle() -> None:
            deadline = time.perf_counter() + 0.05
            while time.perf_counter() < deadline:
                qt.processEvents()

        def key(which: str, ch: str) -> tuple[float, float]:
            spy, box = spies[which], boxes[which]
            spy.seen = False
            cpu = time.thread_time()
            started = time.perf_counter()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(box, event)
            deadline = started + 2.0
            while not spy.seen and time.perf_counter() < deadline:
                qt.processEvents()
            return (time.perf_counter() - started) * 1000, (time.thread_time() - cpu) * 1000

        times: dict[str, dict[str, list[float]]] = {"app": {}, "floor": {}}
        cpu_times: dict[str, dict[str, list[float]]] = {"app": {}, "floor": {}}
        for rep in range(reps + 1):  # the first round warms up and is not counted
            for word in words:
                for which in ("app", "floor"):
                    boxes[which].setFocus()
                    boxes[which].clear()
                    settle()
                    for n, ch in enumerate(word, start=1):
                        elapsed, cpu = key(which, ch)
                        if rep:
                            times[which].setdefault(word[:n], []).append(elapsed)
                            cpu_times[which].setdefault(word[:n], []).append(cpu)
        conn.close()
        page.close()
        floor.close()
    finally:
        shop.close()

    def group(keys: list[str], which: str, clock: dict[str, dict[str, list[float]]]) -> Any:
        return measure.summary([t for k in dict.fromkeys(keys) for t in clock[which][k]])

    parts = {name: [p for w in ws for p in measure.keystrokes(w)] for name, ws in groups.items()}
    parts["first_key"] = [w[:1] for w in words]
    out: dict[str, Any] = {"reps": reps}
    for name, clock in (("wall", times), ("cpu", cpu_times)):
        out[name] = {
            part: {"app": group(keys, "app", clock), "floor": group(keys, "floor", clock)}
            for part, keys in parts.items()
        }
    return out


def keystrokes(db: Path, groups: dict[str, list[str]], reps: int) -> dict[str, Any]:
    """Keystroke to repaint, in a fresh process (Qt offscreen); its numbers or why none."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "bench.counter", "--db", str(db), "--keys", str(reps)]
    command += ["--qt", "--words", json.dumps(groups)]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        tail = " | ".join(done.stderr.strip().splitlines()[-3:]) or "no output"
        return {"available": False, "reason": tail}
    return {"available": True, **json.loads(lines[-1])}


# --- the table ----------------------------------------------------------------------------


def _ratio(a: float, b: float) -> float:
    return a / b if b > 0.001 else math.nan


def table(core_result: dict[str, Any], keys: dict[str, Any], clock: str) -> list[dict[str, str]]:
    """Rows of figure, app, floor, ratio and goal, in ``clock`` time ("wall" or "cpu")."""
    rows: list[dict[str, str]] = []

    def row(figure: str, pair: dict[str, dict[str, float]], goal: str) -> None:
        app, floor = pair["app"], pair.get("floor") or pair["bare"]
        rows.append(
            {
                "figure": figure,
                "app": f"{app['p50_ms']:.2f} / {app['p95_ms']:.2f}",
                "floor": f"{floor['p50_ms']:.2f} / {floor['p95_ms']:.2f}",
                "ratio": f"{_ratio(app['p50_ms'], floor['p50_ms']):.2f}x / "
                f"{_ratio(app['p95_ms'], floor['p95_ms']):.2f}x",
                "goal": goal,
            }
        )

    if keys.get("available"):
        k = keys[clock]
        goal = f"p95 <= {GOALS['keystroke_p95_ms']:g} ms"
        row("keystroke to repaint, benchmark words", k["bench"], goal)
        row("keystroke to repaint, many-match words", k["many"], goal)
        row("  first key (the list fills from empty)", k["first_key"], goal)
    else:
        reason = keys.get("reason", "")
        rows.append({"figure": "keystroke to repaint", "app": "n/a", "floor": "", "ratio": ""})
        rows[-1]["goal"] = reason
    c = core_result[clock]
    goal = f"p95 <= {GOALS['search_p95_ms']:g} ms, <= {GOALS['ratio']:g}x"
    row("core search per keystroke, benchmark words", c["bench_words"], goal)
    row("core search per keystroke, many-match words", c["many_words"], goal)
    row("  their three-letter keystrokes alone", c["many_words_whole"], goal)
    row("one or two letters", c["one_two_letters"], f"<= {GOALS['ratio']:g}x")
    return rows


def report(
    core_result: dict[str, Any], keys: dict[str, Any], say: Any = print
) -> dict[str, list[dict[str, str]]]:
    """Print the tables (p50 / p95 in ms; floor = bare widgets or the same SQL bare), in wall
    time and in the CPU time of the thread, and return their rows."""
    tables = {}
    for clock, title in (
        ("wall", "wall time"),
        ("cpu", "CPU time of the thread: what the machine's other work does not add"),
    ):
        rows = table(core_result, keys, clock)
        tables[clock] = rows
        say(f"\nThe counter, {title} (p50 / p95 ms; floor: a bare QLineEdit + list view, or the")
        say("same SQL on a plain connection):")
        width = max(len(r["figure"]) for r in rows) + 2
        say(f"{'figure':<{width}}{'app':<16}{'floor':<16}{'ratio':<18}goal")
        for r in rows:
            say(f"{r['figure']:<{width}}{r['app']:<16}{r['floor']:<16}{r['ratio']:<18}{r['goal']}")
    counts = core_result["matches"]
    words = [(w, counts[w], core_result["wall"][f"word {w}"]["app"]["p95_ms"]) for w in counts]
    say(
        "  whole words typed: "
        + ", ".join(f"{w} ({n:,} hold it; p95 {t:.2f} ms)" for w, n, t in words)
    )
    return tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.counter", description=__doc__)
    parser.add_argument("--db", type=Path, default=REPO / "bench" / "out" / "bench.sqlite3")
    parser.add_argument("--reps", type=int, default=100, help="times each word is searched")
    parser.add_argument("--keys", type=int, default=20, help="times each word is typed in Qt")
    parser.add_argument("--qt", action="store_true", help="(internal) the Qt part, as JSON")
    parser.add_argument("--words", help="(internal) the words, as JSON")
    parser.add_argument("--results", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    db = args.db.resolve()
    if args.qt:
        print(json.dumps(_in_qt(db, json.loads(args.words), args.keys)))
        return 0
    from shopcrm import Shop

    groups = words_of(db)
    print(f"Words: {groups}", flush=True)
    shop = Shop.open(db, check_in_background=True)
    try:
        core_result = core(shop, db, groups, args.reps)
    finally:
        shop.close()
    keys = keystrokes(db, groups, args.keys)
    tables = report(core_result, keys)
    if args.results:
        out = {"core": core_result, "keystrokes": keys, "tables": tables, "words": groups}
        args.results.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
