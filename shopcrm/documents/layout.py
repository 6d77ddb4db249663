"""Fitting text into a box: the largest size at which it fits, wrapped at word boundaries, and
shortened with "…" only when it cannot fit even at the smallest size allowed. So a long name or
message shrinks or wraps to fit and never runs off a card.

Sizes are in points; a box is (x, y, width, height) in points from the page's bottom left.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from reportlab.pdfgen.canvas import Canvas

from shopcrm.documents.fonts import ABOVE, BELOW, unit_width

Box = tuple[float, float, float, float]
Align = Literal["left", "center", "right"]
ELLIPSIS = "…"
NO_BREAK = "\u00a0"
SIZE_STEP = 0.25
"""Text is shrunk by quarter points: finer than the eye can tell, few enough to search fast."""


@dataclass(frozen=True)
class Block:
    """Text fitted to a width: its lines, their widths (points), the font and size."""

    font: str
    size: float
    leading: float
    """From one baseline to the next, in points."""
    lines: tuple[str, ...]
    widths: tuple[float, ...]
    shortened: bool = False
    """Whether the text did not fit even at the smallest size and was cut with "…"."""

    @property
    def height(self) -> float:
        """The height its ink takes, from the top of the first line to the bottom of the last."""
        if not self.lines:
            return 0.0
        return self.size * (ABOVE + BELOW) + (len(self.lines) - 1) * self.leading

    @property
    def width(self) -> float:
        """The width of its longest line."""
        return max(self.widths, default=0.0)


def fit(
    text: str,
    font: str,
    width: float,
    height: float,
    largest: float,
    smallest: float | None = None,
    leading: float = 1.25,
    max_lines: int | None = None,
) -> Block:
    """``text`` at the largest size from ``largest`` down to ``smallest`` (``largest`` when not
    given) at which it fits ``width`` x ``height`` (and ``max_lines``), wrapped at spaces (a
    word wider than the box is broken). Line breaks in the text are kept; ``leading`` is the
    baseline distance per point of size. The text is put in NFC first: an "ş" typed as "s"
    and a combining cedilla prints (and extracts) as the one letter."""
    text = unicodedata.normalize("NFC", text)
    return _fit(
        text, font, round(width, 3), round(height, 3), largest, smallest, leading, max_lines
    )


@lru_cache(maxsize=4096)
def _fit(
    text: str,
    font: str,
    width: float,
    height: float,
    largest: float,
    smallest: float | None,
    leading: float,
    max_lines: int | None,
) -> Block:
    smallest = largest if smallest is None else min(smallest, largest)
    steps = round((largest - smallest) / SIZE_STEP)
    sizes = [largest - i * SIZE_STEP for i in range(steps + 1)]

    def fits(size: float) -> tuple[str, ...] | None:
        lines = _wrap(text, font, width / size)
        room = (height - size * (ABOVE + BELOW)) / (size * leading) + 1 + 1e-9
        if len(lines) <= room and (max_lines is None or len(lines) <= max_lines):
            return lines
        return None

    low, high, found = 0, len(sizes) - 1, None
    while low <= high:
        middle = (low + high) // 2
        lines = fits(sizes[middle])
        if lines is not None:
            found, high = (sizes[middle], lines), middle - 1
        else:
            low = middle + 1
    if found is not None:
        size, lines = found
        return _block(font, size, leading, lines)
    return _shortened(text, font, width, height, sizes[-1], leading, max_lines)


def fit_parts(
    parts: list[str],
    separator: str,
    font: str,
    width: float,
    height: float,
    largest: float,
    smallest: float,
    max_lines: int | None = None,
) -> Block:
    """Like ``fit`` for a line of parts (an address and a phone): lines break only between
    parts when every part fits a line at the size found, else anywhere, as ``fit`` does."""
    parts = [part.strip() for part in parts if part.strip()]
    glued = separator.join(part.replace(" ", NO_BREAK) for part in parts)
    block = fit(glued, font, width, height, largest, smallest, 1.25, max_lines)
    if block.shortened or any(unit_width(p, font) * block.size > width for p in parts):
        return fit(separator.join(parts), font, width, height, largest, smallest, 1.25, max_lines)
    lines = tuple(line.replace(NO_BREAK, " ").strip(" ·") for line in block.lines)
    return _block(font, block.size, 1.25, lines)


def forget_measures() -> None:
    """Forget every fitted text and measured word, so that the next document is laid out from
    scratch (the benchmark measures each run so, as the first print of the day would be)."""
    _fit.cache_clear()
    _wrap.cache_clear()
    unit_width.cache_clear()


def _block(
    font: str, size: float, leading: float, lines: tuple[str, ...], cut: bool = False
) -> Block:
    widths = tuple(unit_width(line, font) * size for line in lines)
    return Block(font, size, leading * size, lines, widths, cut)


def _shortened(
    text: str,
    font: str,
    width: float,
    height: float,
    size: float,
    leading: float,
    max_lines: int | None,
) -> Block:
    """As much of ``text`` as fits at ``size``, the last line ending in "…"."""
    lines = list(_wrap(text, font, width / size))
    room = int((height - size * (ABOVE + BELOW)) / (size * leading) + 1 + 1e-9)
    keep = max(0, min(room, max_lines if max_lines is not None else room))
    if keep == 0:
        return Block(font, size, leading * size, (), (), True)
    kept = lines[:keep]
    last = kept[-1].rstrip()
    limit = width / size - unit_width(ELLIPSIS, font)
    while last and unit_width(last, font) > limit:
        last = last[:-1].rstrip()
    kept[-1] = last + ELLIPSIS
    return _block(font, size, leading, tuple(kept), cut=True)


@lru_cache(maxsize=4096)
def _wrap(text: str, font: str, width: float) -> tuple[str, ...]:
    """``text`` in lines no wider than ``width`` (in units of the font size)."""
    space = unit_width(" ", font)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0.0
        for word in filter(None, paragraph.split(" ")):
            word_width = unit_width(word, font)
            if line and line_width + space + word_width <= width:
                line, line_width = f"{line} {word}", line_width + space + word_width
                continue
            if line:
                lines.append(line)
            while word_width > width and len(word) > 1:
                head = _longest_head(word, font, width)
                lines.append(head)
                word = word[len(head) :]
                word_width = unit_width(word, font)
            line, line_width = word, word_width
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines)


def _longest_head(word: str, font: str, width: float) -> str:
    """The longest start of ``word`` no wider than ``width`` (at least one character)."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if unit_width(word[:middle], font) <= width:
            low = middle
        else:
            high = middle - 1
    return word[:low]


def draw(
    canvas: Canvas, block: Block, x: float, top: float, width: float, align: Align = "left"
) -> None:
    """Draw ``block`` with the top of its first line's ink at ``top``, aligned in the column
    from ``x`` that is ``width`` wide."""
    if not block.lines:
        return
    text = canvas.beginText()
    text.setFont(block.font, block.size)
    baseline = top - block.size * ABOVE
    for line, line_width in zip(block.lines, block.widths, strict=True):
        if align == "center":
            start = x + (width - line_width) / 2
        elif align == "right":
            start = x + width - line_width
        else:
            start = x
        text.setTextOrigin(start, baseline)
        text.textOut(line)
        baseline -= block.leading
    canvas.drawText(text)


def draw_in(
    canvas: Canvas,
    block: Block,
    box: Box,
    align: Align = "left",
    valign: Literal["top", "middle", "bottom"] = "top",
) -> None:
    """Draw ``block`` inside ``box``: at its top, in its middle, or at its bottom."""
    x, y, width, height = box
    if valign == "top":
        top = y + height
    elif valign == "middle":
        top = y + (height + block.height) / 2
    else:
        top = y + block.height
    draw(canvas, block, x, top, width, align)


def fit_in(
    canvas: Canvas,
    text: str,
    font: str,
    box: Box,
    largest: float,
    smallest: float | None = None,
    align: Align = "left",
    valign: Literal["top", "middle", "bottom"] = "top",
    leading: float = 1.25,
    max_lines: int | None = None,
) -> Block:
    """Fit ``text`` to ``box`` and draw it there; the block drawn."""
    block = fit(text, font, box[2], box[3], largest, smallest, leading, max_lines)
    draw_in(canvas, block, box, align, valign)
    return block
