"""The Turkish and English catalogs are complete, and Turkish really loads."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from shopcrm.common import i18n

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def source_messages() -> set[str | tuple[str, str]]:
    """Every message the code passes to _() or ngettext(), read from the source."""
    found: set[str | tuple[str, str]] = set()
    for folder in ("shopcrm", "ui"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")]
        ):
            found.add(message if isinstance(message, str) else tuple(message[:2]))
    return found


def catalog(language: str):  # type: ignore[no-untyped-def]
    path = ROOT / "translations" / language / "LC_MESSAGES" / "shopcrm.po"
    with path.open("rb") as f:
        return read_po(f, locale=language)


def test_the_code_has_messages_to_translate() -> None:
    assert "Please type an amount." in source_messages()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_every_message_of_the_code_is_in_the_catalog(language: str) -> None:
    ids = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog(language) if m.id}
    missing = source_messages() - ids
    assert not missing, f"run ./shopcrm.sh catalogs and translate: {sorted(map(str, missing))}"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_every_message_is_translated_and_not_fuzzy(language: str) -> None:
    problems = []
    for message in catalog(language):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(message.id)
        # The last form follows the plural ("{n} visits"; Turkish has only that one form); a
        # singular may say "Every visit" without the number.
        source = message.id if isinstance(message.id, str) else message.id[-1]
        wanted = set(PLACEHOLDER.findall(source))
        for position, text in enumerate(strings):
            found = set(PLACEHOLDER.findall(text))
            last = position == len(strings) - 1
            if text and (found != wanted if last else not found <= wanted):
                problems.append(f"placeholders differ: {message.id}")
    assert not problems, problems


def test_turkish_really_loads() -> None:
    try:
        i18n.set_language("tr")
        assert i18n._("Please type an amount.") == "Lütfen bir tutar yazın."
        assert i18n.babel_locale() == "tr_TR"
    finally:
        i18n.set_language("en")
    assert i18n._("Please type an amount.") == "Please type an amount."


def test_language_follows_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "tr_TR.UTF-8")
    assert i18n.system_language() == "tr"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.system_language() == "en"
