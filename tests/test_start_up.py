"""The first screen pays only for what it shows: when the counter has painted, the libraries
for printing, the numbers, foreign phone numbers, pictures and sqlite-utils' extras, and the
core's services the counter does not use, are not loaded yet.

Run in a fresh Python (a subprocess), so that what other tests imported does not count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from shopcrm.demo import create_demo_database

ROOT = Path(__file__).resolve().parents[1]

NOT_AT_FIRST_PAINT = [
    "sqlite_utils",  # with click, dateutil and pluggy: the store reads rows through sqlite3
    "click",
    "dateutil",
    "pluggy",
    "phonenumbers",  # the first screen's Turkish numbers are laid out without it
    "PIL",  # the shop's logo
    "reportlab",  # documents
    "openpyxl",
    "PySide6.QtCharts",  # the Numbers page
    "PySide6.QtPdf",  # the Print page's preview
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
    # The pages other than the counter (the counter shows the care wing's upcoming panel and
    # the print menu's button, so those two modules come with it).
    "ui.numbers",
    "ui.printing.page",
    "ui.printing.printer",
    "ui.printing.pdf_preview",
    "ui.customers",
    "ui.settings",
    "ui.rewards.page",
    "ui.care.page",
    # The core's services the counter does not use are made when first used (shopcrm.shop),
    # and what the window does just after its first paint is not loaded before it.
    "shopcrm.moving",
    "shopcrm.numbers.service",
    "shopcrm.numbers.draws",
    "shopcrm.documents.service",
    "shopcrm.documents.print_queue",  # the side bar's count comes right after the first paint
    "shopcrm.care.call_list",
    "PySide6.QtNetwork",  # listening for a second start comes right after the first paint
    "secrets",  # a voucher code is only drawn when a voucher is issued
    "ui.eliding_check",  # a reward's check box: nobody is served yet
    "ui.customer_form",  # the counter's dialogs
    "ui.counter.opening_balance",
]

SPY = """
import json, sys
import main

report = main._FirstPaintReporter._report

def report_loaded(self):
    print("loaded " + json.dumps(sorted(sys.modules)), flush=True)
    report(self)

main._FirstPaintReporter._report = report_loaded
sys.exit(main.main(sys.argv[1:]))
"""


def _loaded_at_first_paint(db: Path) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SHOPCRM_BENCH_FIRST_PAINT="1")
    done = subprocess.run(
        [sys.executable, "-c", SPY, "--db", str(db), "--lang", "tr"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("loaded ")]
    return set(json.loads(line.removeprefix("loaded ")))


def test_the_counters_first_paint_loads_only_what_the_counter_shows(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    create_demo_database(db)

    loaded = _loaded_at_first_paint(db)

    assert {"ui.main_window", "ui.counter.page", "PySide6.QtWidgets"} <= loaded
    too_early = [
        name
        for name in sorted(loaded)
        if any(name == early or name.startswith(early + ".") for early in NOT_AT_FIRST_PAINT)
    ]
    assert too_early == []
