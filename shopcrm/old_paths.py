"""The core's old module paths, from before it was grouped into wings.

``shopcrm.rules`` is now ``shopcrm.loyalty.rules``, ``shopcrm.store`` is
``shopcrm.storage.store``, and so on. Scripts written against the old paths still import them:
each old name is the very module at its new place (not a copy), so what is changed or patched
through one name is changed for both. New code uses the new paths.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Loader, MetaPathFinder

    class _Finder(MetaPathFinder, Loader):
        pass
else:
    # The import system asks only for the methods: importlib.abc (with importlib.resources)
    # would cost every start a few milliseconds.
    _Finder = object

MOVED = {
    "shopcrm.backups": "shopcrm.storage.backups",
    "shopcrm.birthdays": "shopcrm.people.birthdays",
    "shopcrm.cleaning": "shopcrm.common.cleaning",
    "shopcrm.clock": "shopcrm.common.clock",
    "shopcrm.connections": "shopcrm.storage.connections",
    "shopcrm.customers": "shopcrm.people.customers",
    "shopcrm.errors": "shopcrm.common.errors",
    "shopcrm.failures": "shopcrm.storage.failures",
    "shopcrm.formatting": "shopcrm.common.formatting",
    "shopcrm.i18n": "shopcrm.common.i18n",
    "shopcrm.identity": "shopcrm.storage.identity",
    "shopcrm.integrity": "shopcrm.storage.integrity",
    "shopcrm.location": "shopcrm.storage.location",
    "shopcrm.lock": "shopcrm.storage.lock",
    "shopcrm.migrations": "shopcrm.storage.migrations",
    "shopcrm.money": "shopcrm.common.money",
    "shopcrm.phone": "shopcrm.people.phone",
    "shopcrm.purchases": "shopcrm.sales.purchases",
    "shopcrm.records": "shopcrm.people.records",
    "shopcrm.recount": "shopcrm.loyalty.recount",
    "shopcrm.redemption": "shopcrm.loyalty.redemption",
    "shopcrm.reward_service": "shopcrm.loyalty.reward_service",
    "shopcrm.rewards": "shopcrm.loyalty.rewards",
    "shopcrm.rules": "shopcrm.loyalty.rules",
    "shopcrm.search": "shopcrm.people.search",
    "shopcrm.store": "shopcrm.storage.store",
    "shopcrm.text": "shopcrm.common.text",
    "shopcrm.visits": "shopcrm.loyalty.visits",
    "shopcrm.voids": "shopcrm.sales.voids",
    "shopcrm.vouchers": "shopcrm.loyalty.vouchers",
    "shopcrm.whole": "shopcrm.common.whole",
}
"""Old module path -> where the module is now."""


class OldPaths(_Finder):
    """Finds an old module path and hands out the module at its new place."""

    def __init__(self, moved: Mapping[str, str]) -> None:
        self._moved = dict(moved)

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        """The spec of an old path (None for any other name)."""
        if fullname not in self._moved:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        """The module at its new place."""
        return importlib.import_module(self._moved[spec.name])

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module ran at its new place."""


def keep(moved: Mapping[str, str]) -> None:
    """Let the old paths in ``moved`` be imported."""
    sys.meta_path.append(OldPaths(moved))
