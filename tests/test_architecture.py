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


WINGS = [
    "common",
    "storage",
    "people",
    "loyalty",
    "sales",
    "care",
    "numbers",
    "documents",
    "moving",
]
"""The core's wings, lowest first: a wing imports only the wings below it (the top level,
shop.py, settings.py and demo.py, may import them all)."""


def core_imports() -> dict[str, set[str]]:
    """Each core module's imports of other core modules (TYPE_CHECKING ones included)."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "shopcrm").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                targets.add(node.module)
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
        found[name] = {t for t in targets if t.startswith("shopcrm.")}
    return found


def wing(module: str) -> int:
    """The rank of a module's wing (the top level is above every wing)."""
    parts = module.split(".")
    return WINGS.index(parts[1]) if len(parts) > 1 and parts[1] in WINGS else len(WINGS)


def test_a_wing_imports_only_the_wings_below_it() -> None:
    offenders = [
        f"{module} -> {target}"
        for module, targets in core_imports().items()
        if module != "shopcrm.old_paths"
        for target in targets
        if wing(target) > wing(module) or (wing(target) == len(WINGS) > wing(module))
    ]
    assert offenders == []


def test_scripts_written_against_the_old_module_paths_still_import() -> None:
    import importlib

    from shopcrm.old_paths import MOVED

    for old, new in MOVED.items():
        assert importlib.import_module(old) is importlib.import_module(new), old
    from shopcrm.loyalty import LoyaltyService  # the old shopcrm.loyalty module's names
    from shopcrm.loyalty.engine import LoyaltyService as in_the_engine

    assert LoyaltyService is in_the_engine
