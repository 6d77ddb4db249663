"""The few colours and text styles every page shares: refusals in red, successes in green."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color: #c62828; font-weight: bold;"
"""A refusal or an error, shown beside the field or action that caused it."""
DONE_STYLE = "color: #2e7d32; font-weight: bold;"
"""Something done: saved, logged, added."""
HINT_STYLE = "color: palette(placeholder-text);"
"""A quiet hint: what to do next."""


def bold(label: QLabel, size_delta: int = 0) -> QLabel:
    """Make ``label`` bold (and ``size_delta`` points larger); return it."""
    font = label.font()
    font.setBold(True)
    if size_delta:
        font.setPointSize(font.pointSize() + size_delta)
    label.setFont(font)
    return label
