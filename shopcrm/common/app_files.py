"""Where the app's own read-only files are: the compiled translations, the fonts and the icons.

Run from the source, they sit beside the ``shopcrm`` package; in the stand-alone app built by
PyInstaller (build.spec), inside the bundle's folder, which PyInstaller names ``sys._MEIPASS``.
Nothing is ever written there: the shop's database and backups live in the user's data folder.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_folder() -> Path:
    """The folder holding ``translations/`` and ``resources/``, from the source or frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def is_frozen() -> bool:
    """True inside the stand-alone app."""
    return bool(getattr(sys, "frozen", False))


def resources_folder() -> Path:
    """resources/: fonts/ and icons/."""
    return app_folder() / "resources"


def icon_path() -> Path:
    """The app's icon as a PNG (Qt reads it on every system; the .ico is for Windows' files)."""
    return resources_folder() / "icons" / "shopcrm.png"
