"""The shop's logo: a whole PNG or JPEG picture of a sane size is kept (and read by the
documents); anything else is refused with a translated message and the logo kept before stays."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from shopcrm import InvalidInput, Shop
from shopcrm.common.i18n import set_language
from shopcrm.documents.shop_logo import MAX_BYTES, logo


def picture(kind: str = "PNG", size: tuple[int, int] = (120, 60)) -> bytes:
    """A small picture in ``kind`` (PNG, JPEG, GIF...)."""
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 60)).save(out, kind)
    return out.getvalue()


def test_a_png_or_jpeg_file_becomes_the_logo_and_can_be_removed(shop: Shop, tmp_path: Path) -> None:
    assert shop.logo.get() is None and shop.logo.info() is None and logo(shop.store) is None
    png = tmp_path / "Çiçekçi Gül logosu.png"
    png.write_bytes(picture("PNG"))
    info = shop.logo.set(png)
    assert (info.file_name, info.format, info.width, info.height) == (
        "Çiçekçi Gül logosu.png",
        "PNG",
        120,
        60,
    )
    assert shop.logo.get() == png.read_bytes() == logo(shop.store)
    assert shop.logo.info() == info and info.updated_at == "2026-03-09T10:30:00"

    jpeg = picture("JPEG", (400, 400))
    shop.logo.set(jpeg, file_name="/home/ayse/logo.jpg")
    assert shop.logo.get() == jpeg
    assert shop.logo.info().file_name == "logo.jpg"  # type: ignore[union-attr]
    assert shop.logo.info().format == "JPEG"  # type: ignore[union-attr]

    assert shop.logo.remove() is True
    assert shop.logo.get() is None and logo(shop.store) is None
    assert shop.logo.remove() is False


def test_what_is_not_a_sane_picture_is_refused_and_the_logo_stays(
    shop: Shop, tmp_path: Path
) -> None:
    kept = picture("PNG")
    shop.logo.set(kept, file_name="logo.png")
    whole = picture("PNG", (300, 300))
    refused = {
        "empty.png": (b"", "is empty"),
        "notes.png": ("Bu bir logo değil".encode(), "is not a PNG or JPEG picture"),
        "logo.gif": (picture("GIF"), "is not a PNG or JPEG picture"),
        "cut.png": (whole[: len(whole) // 2], "is not a PNG or JPEG picture, or it is damaged"),
        "cut.jpg": (picture("JPEG", (300, 300))[:400], "or it is damaged"),
        "dot.png": (picture("PNG", (8, 8)), "is 8 × 8 pixels: a logo must be 16 to 5,000"),
        "banner.png": (picture("PNG", (6000, 20)), "is 6,000 × 20 pixels"),
        "huge.png": (b"\x89PNG" + b"0" * MAX_BYTES, "at most 2 MB"),
    }
    for name, (data, message) in refused.items():
        with pytest.raises(InvalidInput, match=message) as told:
            shop.logo.set(data, file_name=name)
        assert f"“{name}”" in str(told.value)
    with pytest.raises(InvalidInput, match="could not be read"):
        shop.logo.set(tmp_path / "missing.png")
    with pytest.raises(InvalidInput, match="could not be read"):
        shop.logo.set(tmp_path)
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG" + b"0" * (3 * MAX_BYTES))
    with pytest.raises(InvalidInput, match="at most 2 MB"):
        shop.logo.set(big)
    with pytest.raises(InvalidInput):
        shop.logo.set(12345)  # type: ignore[arg-type]
    assert shop.logo.get() == kept

    set_language("tr")
    with pytest.raises(InvalidInput, match=r"“logo\.gif” bir PNG ya da JPEG resmi değil"):
        shop.logo.set(picture("GIF"), file_name="logo.gif")
    with pytest.raises(InvalidInput, match="en fazla 2 MB"):
        shop.logo.set(big)


def test_a_long_file_name_is_quoted_short(shop: Shop) -> None:
    name = "ç" * 500 + ".png"
    with pytest.raises(InvalidInput) as told:
        shop.logo.set(b"not a picture", file_name=name)
    assert len(str(told.value)) < 120
    info = shop.logo.set(picture("PNG"), file_name=name)
    assert len(info.file_name) <= 120 and info.file_name.startswith("ççç")
