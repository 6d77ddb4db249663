"""Pages that reload from the shop only when they can be seen."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class ReloadWhenShown(QWidget):
    """A page whose ``refresh`` reloads at once when it is visible, and otherwise waits until
    it is shown again, so that a sale at the counter never waits for a long list elsewhere."""

    _stale = False

    def refresh(self) -> None:
        """Load again from the shop (when next shown, if the page is hidden in a window now)."""
        if self.parentWidget() is not None and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Reload first if something changed while the page was hidden."""
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Read what the page shows from the shop."""
        raise NotImplementedError
