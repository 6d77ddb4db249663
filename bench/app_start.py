"""``python -m bench.app_start [--app dist/ShopCRM] [--runs 7]``: the stand-alone app's start
against running from the source, to the first paint of the counter, on the demo shop.

Runs the two one after the other, ``--runs`` times each, offscreen, and prints each one's
median and the ratio (the goal: the stand-alone app within 1.25 times the source's).
``--source DIR`` measures another checkout's main.py instead (an older commit, say).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench.measure import REPO, run_first_paint
from shopcrm.demo import create_demo_database


def main(argv: list[str] | None = None) -> int:
    """Measure; print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=REPO / "dist" / "ShopCRM")
    parser.add_argument("--source", type=Path, default=REPO)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    program = args.app / ("ShopCRM.exe" if sys.platform == "win32" else "ShopCRM")
    starts = {
        "source": [sys.executable, str(args.source.resolve() / "main.py")],
        "stand-alone": [str(program)] if program.exists() else None,
    }
    times: dict[str, list[float]] = {name: [] for name, command in starts.items() if command}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite3"
        create_demo_database(db)
        for _ in range(args.runs):
            for name in times:
                run = run_first_paint(db, program=starts[name])
                if "first_paint_s" not in run:
                    print(f"{name}: {run.get('error')}", file=sys.stderr)
                    return 1
                times[name].append(run["first_paint_s"])
    for name, values in times.items():
        shown = " ".join(f"{value:.2f}" for value in values)
        print(f"{name:12} median {statistics.median(values):.3f} s  ({shown})")
    if len(times) == 2:
        ratio = statistics.median(times["stand-alone"]) / statistics.median(times["source"])
        print(f"stand-alone / source: {ratio:.2f}")
    else:
        print(f"no stand-alone app at {program}: ./shopcrm.sh build makes it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
