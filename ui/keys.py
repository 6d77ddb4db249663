"""Keys that belong to one widget: Enter on a table opens the row, Delete voids or archives it.

Handled as key presses of that widget, not as ``QShortcut``: a shortcut is matched against the
application's focus widget, which a dialog opened from the page does not always take at once
(and PySide6's ``QShortcut(keys, parent, slot, context)`` quietly drops the context, leaving the
shortcut window-wide). A key press only ever reaches the widget that has the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

_IGNORED = Qt.KeyboardModifier.KeypadModifier


class _KeyAction(QObject):
    """Runs a slot when one of some keys is pressed, without modifiers, in one widget."""

    def __init__(self, widget: QWidget, keys: Iterable[Qt.Key], slot: Callable[[], object]):
        super().__init__(widget)
        self._keys = set(keys)
        self._slot = slot
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take the key press when it is one of ours."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self._keys
            and not event.modifiers() & ~_IGNORED
        ):
            self._slot()
            return True
        return False


def on_keys(widget: QWidget, keys: Iterable[Qt.Key], slot: Callable[[], object]) -> QObject:
    """Run ``slot`` when one of ``keys`` is pressed while ``widget`` has the keyboard."""
    return _KeyAction(widget, keys, slot)


ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
"""Return and the number pad's Enter."""
