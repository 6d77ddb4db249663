"""Translations for the whole app, core and UI alike.

Every user-visible string is written in English inside ``_()`` (or ``ngettext`` for plurals) and
looked up in the catalog of the current language. The catalogs live in ``translations/``; a
compiled ``.mo`` is used when it is up to date, otherwise the ``.po`` is compiled in memory, so a
fresh checkout never shows English by accident.
"""

from __future__ import annotations

import gettext
import io
import locale
import os
from pathlib import Path

from shopcrm.common.app_files import app_folder

DOMAIN = "shopcrm"
LANGUAGES = ("tr", "en")
DEFAULT_LANGUAGE = "tr"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_compiled: dict[tuple[Path, int, int], bytes] = {}
"""Catalogs compiled in memory, by .po file, time and size: a start sets its language twice."""


def translations_dir() -> Path:
    """Where the catalogs are: beside the package, or inside a PyInstaller bundle."""
    override = os.environ.get("SHOPCRM_TRANSLATIONS")
    if override:
        return Path(override)
    return app_folder() / "translations"


def _load(language: str) -> gettext.NullTranslations:
    folder = translations_dir() / language / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as f:
            return gettext.GNUTranslations(f)
    if po.exists():
        found = po.stat()
        key = (po, found.st_mtime_ns, found.st_size)
        if key not in _compiled:
            _compiled[key] = _compile(po, language)
        return gettext.GNUTranslations(io.BytesIO(_compiled[key]))
    raise FileNotFoundError(f"no catalog for {language!r} in {folder}")


def _compile(po: Path, language: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def set_language(language: str) -> None:
    """Make ``language`` ("tr" or "en") the language of every message from now on."""
    global _translations, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _translations = _load(language)
    _language = language


def current_language() -> str:
    """The language messages are being translated into now."""
    return _language


def system_language() -> str:
    """Turkish when the system speaks Turkish, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "tr" if value.lower().startswith("tr") else "en"
    code = locale.getlocale()[0] or ""
    return "tr" if code.lower().startswith("tr") else "en"


def babel_locale(language: str | None = None) -> str:
    """The Babel locale used to format numbers, money and dates for a language."""
    return {"tr": "tr_TR", "en": "en_US"}[language or _language]


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message that depends on a count."""
    return _translations.ngettext(singular, plural, n)
