"""The demo florist's logo, drawn here so that the demo's cards and letters carry one: six teal
petals around a golden heart, on a transparent ground."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw

SIZE = 240
TEAL = (31, 95, 91, 255)
GOLD = (201, 162, 39, 255)
CREAM = (247, 240, 226, 255)


def demo_logo() -> bytes:
    """The logo as PNG bytes."""
    picture = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(picture)
    middle, reach, petal = SIZE / 2, SIZE * 0.27, SIZE * 0.2
    for n in range(6):
        angle = math.pi / 3 * n
        x, y = middle + reach * math.cos(angle), middle + reach * math.sin(angle)
        pen.ellipse((x - petal, y - petal, x + petal, y + petal), fill=TEAL, outline=CREAM, width=4)
    heart = SIZE * 0.14
    pen.ellipse(
        (middle - heart, middle - heart, middle + heart, middle + heart),
        fill=GOLD,
        outline=CREAM,
        width=4,
    )
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()
