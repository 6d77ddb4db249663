"""Draw the app's icon: resources/icons/shopcrm.png (256 px) and shopcrm.ico (16 to 256 px).

A shopping bag with a heart on a deep teal tile: a shop that keeps its customers. Drawn at
four times the size and shrunk, so the edges are smooth. Run once when the icon changes:
``.venv/bin/python tools/make_icon.py``; the two files are committed.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SCALE = 4
SIZE = 256 * SCALE
TILE = (17, 94, 89, 255)  # deep teal
BAG = (250, 247, 240, 255)  # warm white
HEART = (214, 69, 65, 255)  # soft red


def _px(value: float) -> int:
    return round(value * SCALE)


def draw() -> Image.Image:
    """The icon at 256 px."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((_px(8), _px(8), _px(248), _px(248)), radius=_px(52), fill=TILE)
    # The handle, then the bag over its feet.
    pen.arc((_px(90), _px(44), _px(166), _px(150)), 180, 360, fill=BAG, width=_px(13))
    pen.rounded_rectangle((_px(56), _px(92), _px(200), _px(212)), radius=_px(18), fill=BAG)
    # A heart: two circles and a triangle.
    r = 17
    cx, cy = 128, 144
    pen.ellipse((_px(cx - 2 * r + 2), _px(cy - r), _px(cx + 2), _px(cy + r)), fill=HEART)
    pen.ellipse((_px(cx - 2), _px(cy - r), _px(cx + 2 * r - 2), _px(cy + r)), fill=HEART)
    pen.polygon(
        [
            (_px(cx - 2 * r + 3.2), _px(cy + 6)),
            (_px(cx + 2 * r - 3.2), _px(cy + 6)),
            (_px(cx), _px(cy + 2.3 * r)),
        ],
        fill=HEART,
    )
    return image.resize((256, 256), Image.Resampling.LANCZOS)


def main() -> None:
    """Write the PNG and the Windows .ico."""
    ICONS.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(ICONS / "shopcrm.png", optimize=True)
    sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    icon.save(ICONS / "shopcrm.ico", sizes=sizes)


if __name__ == "__main__":
    main()
