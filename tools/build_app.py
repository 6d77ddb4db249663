"""Build the stand-alone ShopCRM with PyInstaller (build.spec) and tell its size.

    python tools/build_app.py [--dist DIR] [--work DIR] [--pack]

The translations are compiled first (the app reads the compiled .mo from its bundle); the app
is one folder, ``DIR/ShopCRM`` (``dist/ShopCRM`` unless told), started by ``ShopCRM`` (Linux)
or ``ShopCRM.exe`` (Windows). ``./shopcrm.sh build`` runs this with ``--pack``; the tests run it
into a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "ShopCRM"


def compile_translations() -> None:
    """translations/*/LC_MESSAGES/shopcrm.po -> .mo, as ``./shopcrm.sh`` does."""
    from babel.messages.frontend import CommandLineInterface

    folder = str(ROOT / "translations")
    CommandLineInterface().run(["pybabel", "compile", "-d", folder, "-D", "shopcrm"])


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on build.spec; the app's folder."""
    compile_translations()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(ROOT / "build.spec"),
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    return dist / NAME


def executable(app: Path) -> Path:
    """The program to start inside the app's folder."""
    return app / (f"{NAME}.exe" if os.name == "nt" else NAME)


def folder_size(folder: Path) -> int:
    """Bytes of the files under ``folder`` (a link counts as nothing: it is not a copy)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def megabytes(size: int) -> str:
    """``size`` bytes in MB, as people read it."""
    return f"{size / 2**20:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    """Build; print where and how big."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--pack", action="store_true", help="also pack the folder to hand over")
    args = parser.parse_args(argv)
    app = build(args.dist.resolve(), args.work.resolve())
    print(f"Built {executable(app)}")
    print(f"Size: {megabytes(folder_size(app))} ({app})")
    if args.pack:
        # A .zip on Windows; a .tar.gz elsewhere, which keeps the bundle's links as links.
        kind = "zip" if os.name == "nt" else "gztar"
        base = args.dist.resolve() / f"{NAME}-{sys.platform}"
        archive = Path(shutil.make_archive(str(base), kind, root_dir=app.parent, base_dir=NAME))
        print(f"Packed: {megabytes(archive.stat().st_size)} ({archive})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
