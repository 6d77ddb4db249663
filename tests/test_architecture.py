"""The house rules that keep the core testable: no Qt in the core, no SQL in the UI."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_never_imports_qt() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "shopcrm").rglob("*.py")
        if imported_modules(p) & {"PySide6", "shiboken6", "ui"}
    ]
    assert offenders == []


def test_the_ui_writes_no_sql() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "ui").rglob("*.py")
        if SQL.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
