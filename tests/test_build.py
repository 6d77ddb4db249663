"""The stand-alone app: build.spec makes one folder that starts on its own, in Turkish, and
writes nothing inside itself.

The whole build is made once for this module (about a minute here, with PyInstaller's cache in
the temporary folder), by the same script ``./shopcrm.sh build`` runs, and the built program is
started offscreen on a demo shop until it has painted its first screen (main.py's
SHOPCRM_BENCH_FIRST_PAINT hook).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from shopcrm.demo import create_demo_database

ROOT = Path(__file__).resolve().parents[1]
NAME = "ShopCRM"
UNUSED_QT = ("WebEngine", "Qt63D", "Qt6Quick", "Qt6Qml", "Multimedia", "Designer", "qml")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built app's folder."""
    folder = tmp_path_factory.mktemp("build")
    command = [
        sys.executable,
        str(ROOT / "tools" / "build_app.py"),
        "--dist",
        str(folder / "dist"),
        "--work",
        str(folder / "work"),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        pytest.fail(f"the build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    assert "Size:" in done.stdout
    return folder / "dist" / NAME


def _program(app: Path) -> Path:
    return app / (f"{NAME}.exe" if os.name == "nt" else NAME)


def _bundle(app: Path) -> Path:
    return app / "_internal"


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.lstat().st_size, path.lstat().st_mtime_ns)
        for path in folder.rglob("*")
    }


def _without_python(home: Path) -> dict[str, str]:
    """An environment with no trace of this checkout's Python or Qt."""
    venv = str(ROOT / ".venv")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "QT_", "SHOPCRM_", "VIRTUAL_ENV", "LD_LIBRARY"))
    }
    path = [p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(venv)]
    env.update(
        PATH=os.pathsep.join(path),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        APPDATA=str(home / "data"),
        QT_QPA_PLATFORM="offscreen",
        SHOPCRM_BENCH_FIRST_PAINT="1",
    )
    return env


def _start_until_first_paint(app: Path, db: Path, home: Path) -> tuple[list[str], set[str]]:
    """Start the built program; what it printed, and the shared libraries it had loaded at its
    first paint (Linux; empty elsewhere)."""
    process = subprocess.Popen(
        [str(_program(app)), "--db", str(db), "--lang", "tr"],
        cwd=home,
        env=_without_python(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(90, process.kill)
    watchdog.start()
    lines: list[str] = []
    loaded: set[str] = set()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.strip())
            maps = Path(f"/proc/{process.pid}/maps")
            if line.startswith("first-paint") and maps.exists():
                loaded = {row.split()[-1] for row in maps.read_text().splitlines() if ".so" in row}
        errors = process.stderr.read() if process.stderr else ""
        assert process.wait() == 0, errors
    finally:
        watchdog.cancel()
    return lines, loaded


def test_the_built_app_starts_on_its_own_paints_its_first_screen_and_writes_nothing_inside(
    app: Path, tmp_path: Path
) -> None:
    db = tmp_path / "demo.sqlite3"
    create_demo_database(db)
    before = _files(app)

    # --lang tr: the app refuses to start without its Turkish catalog, which it can only find
    # inside the bundle (nothing points it at the checkout).
    lines, loaded = _start_until_first_paint(app, db, tmp_path)

    assert any(line.startswith("first-paint ") for line in lines), lines
    assert _files(app) == before  # nothing written, nothing added inside the bundle
    assert db.exists()
    if sys.platform.startswith("linux"):
        python_or_qt = [
            lib
            for lib in loaded
            if any(word in Path(lib).name for word in ("libpython", "libQt6", "pyside", "shiboken"))
        ]
        assert python_or_qt, loaded
        outside = [lib for lib in python_or_qt if not lib.startswith(str(app))]
        assert outside == []  # Python and Qt came with the app, not from this machine


def test_the_bundle_carries_the_translations_fonts_icon_and_only_the_qt_it_uses(
    app: Path,
) -> None:
    bundle = _bundle(app)
    assert _program(app).exists()
    for language in ("tr", "en"):
        catalog = bundle / "translations" / language / "LC_MESSAGES"
        assert (catalog / "shopcrm.mo").stat().st_size > 10_000
        assert not (catalog / "shopcrm.po").exists()  # compiled, not compiled at each start
    fonts = sorted(p.name for p in (ROOT / "resources" / "fonts").iterdir())
    assert sorted(p.name for p in (bundle / "resources" / "fonts").iterdir()) == fonts
    assert (bundle / "resources" / "icons" / "shopcrm.png").exists()
    assert list(bundle.rglob("qtbase_tr.qm"))  # Qt's OK, Cancel, Yes in Turkish
    kept = {p.name for p in bundle.rglob("*")}
    assert {"QtCharts", "QtPdf", "QtPrintSupport"} <= {name.split(".")[0] for name in kept}
    assert [name for name in kept if any(word in name for word in UNUSED_QT)] == []
    platforms = {p.name for p in bundle.rglob("platforms/*")}
    if sys.platform.startswith("linux"):
        assert {"libqxcb.so", "libqoffscreen.so"} <= platforms


# Runs from source: opens every page of the window and draws every kind of document (with the
# samples tools/document_samples.py makes), then tells which modules that loaded.
EVERYTHING = """
import json, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1], str(Path(sys.argv[1]) / "tools")]
from PySide6.QtWidgets import QApplication
app = QApplication([])
import document_samples
from shopcrm import Shop
from shopcrm.demo import create_demo_database
from ui.main_window import MainWindow

create_demo_database(Path(sys.argv[2]))
with Shop.open(Path(sys.argv[2])) as shop:
    for job in document_samples.jobs(shop).values():
        shop.documents.render(job)
    window = MainWindow(shop)
    window.show()
    for page in range(window.side_bar.count()):
        window.go_to(page)
        app.processEvents()
    window.stop_timers()
    window.close()
files = {name: getattr(module, "__file__", None) or "" for name, module in sys.modules.items()}
print(json.dumps(files))
"""
OURS_AND_THIRD_PARTY = (
    "shopcrm",
    "ui",
    "reportlab",
    "PIL",
    "babel",
    "phonenumbers",
    "pytz",
    "PySide6",
    "shiboken6",
)


def _bundled_modules(app: Path) -> set[str]:
    from PyInstaller.archive.readers import CArchiveReader

    program = CArchiveReader(str(_program(app)))
    return set(program.open_embedded_archive("PYZ.pyz").toc) | set(program.toc)


def test_every_module_the_pages_and_documents_load_from_source_is_in_the_bundle(
    app: Path, tmp_path: Path
) -> None:
    """A module imported by name at run time (reportlab's barcodes are) is missed by
    PyInstaller's reading of the imports; this finds any such one the app really loads."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", EVERYTHING, str(ROOT), str(tmp_path / "demo.sqlite3")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    loaded: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    assert "reportlab.graphics.barcode.qr" in loaded and "ui.numbers.page" in loaded

    bundled = _bundled_modules(app)
    missing = []
    for name, file in sorted(loaded.items()):
        if name.split(".")[0] not in OURS_AND_THIRD_PARTY or not file:
            continue
        if name.startswith("PySide6.support"):
            continue  # shiboken's signature support: shiboken6 carries it inside itself
        if file.endswith(".py"):
            found = name in bundled
        else:  # a compiled extension: a file in the bundle's folder
            *package, last = name.split(".")
            found = any(_bundle(app).joinpath(*package).glob(f"{last}.*"))
        if not found:
            missing.append(name)
    assert missing == []
