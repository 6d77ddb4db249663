"""The shop's logo on its cards and letters (``shop.logo``): one PNG or JPEG picture.

The picture is kept in the database (table ``shop_logo``), so that it travels with the shop's
backups and a copied database prints the same cards. Before it is kept it is checked to be a
whole picture that the documents can draw (Pillow decodes it, as reportlab does when it draws
it), of a sane size: at most ``MAX_BYTES`` and between ``MIN_SIDE`` and ``MAX_SIDE`` pixels on
each side. Anything else is refused with a translated message, and the logo kept before stays.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from shopcrm.common.cleaning import quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _
from shopcrm.storage.store import Store

MAX_BYTES = 2 * 1024 * 1024
"""A logo file of at most 2 MB: plenty for a sharp logo, small enough for every backup."""
MIN_SIDE = 16
MAX_SIDE = 5000
"""Pixels on each side: smaller is not a logo, larger is a photograph, not a logo."""
MAX_FILE_NAME = 120
FORMATS = {"PNG": "PNG", "JPEG": "JPEG"}
"""The picture formats a logo may be, by Pillow's name, with the name people know."""


@dataclass(frozen=True)
class LogoInfo:
    """What the shop's logo is: the file it came from, its format and size."""

    file_name: str
    format: str
    """"PNG" or "JPEG"."""
    width: int
    height: int
    size: int
    """Bytes."""
    updated_at: str


def logo(store: Store) -> bytes | None:
    """The shop's logo as the file's bytes, or None when the shop has none (the documents
    draw it on cards and letters)."""
    row = store.one("SELECT image FROM shop_logo WHERE id = 1")
    return bytes(row["image"]) if row else None


def checked_picture(data: bytes, file_name: str) -> tuple[str, int, int]:
    """The format, width and height of a logo, or ``InvalidInput`` saying why it cannot be one:
    empty, too large, not a PNG or JPEG, damaged or cut short, too small or too large a picture.
    ``file_name`` is only for the message."""
    name = quote(file_name or _("the picture"))
    if not data:
        raise InvalidInput(_("“{name}” is empty: choose a PNG or JPEG picture.").format(name=name))
    if len(data) > MAX_BYTES:
        raise InvalidInput(
            _("“{name}” is too large for a logo: it can be at most {max} MB.").format(
                name=name, max=number(MAX_BYTES // (1024 * 1024))
            )
        )
    from PIL import Image  # when a logo is chosen, not when the app starts

    not_a_picture = InvalidInput(
        _("“{name}” is not a PNG or JPEG picture, or it is damaged.").format(name=name)
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as picture:
                kind, (width, height) = picture.format or "", picture.size
                if kind not in FORMATS:
                    raise not_a_picture
                if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
                    raise InvalidInput(
                        _(
                            "“{name}” is {width} × {height} pixels: a logo must be {low} to "
                            "{high} pixels on each side."
                        ).format(
                            name=name,
                            width=number(width),
                            height=number(height),
                            low=number(MIN_SIDE),
                            high=number(MAX_SIDE),
                        )
                    )
                picture.load()  # every pixel decoded: a damaged or cut-short file fails here
    except InvalidInput:
        raise
    except Exception:  # Pillow says "not a picture" in many ways (OSError, SyntaxError...)
        raise not_a_picture from None
    return FORMATS[kind], width, height


class LogoService:
    """Set, read and remove the shop's logo."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def set(self, picture: str | Path | bytes, file_name: str = "") -> LogoInfo:
        """Make a PNG or JPEG picture the shop's logo: a file's path, or the picture's bytes
        (``file_name`` then says where they came from). A file that cannot be read, or is not
        a whole PNG or JPEG picture of a sane size (see ``checked_picture``), is refused with
        a translated ``InvalidInput`` and the logo kept before stays."""
        if isinstance(picture, bytes | bytearray):
            data, name = bytes(picture), Path(file_name).name if file_name else ""
        elif isinstance(picture, str | Path):
            data, name = read_logo_file(Path(picture)), Path(picture).name
        else:
            raise InvalidInput(_("Choose a PNG or JPEG picture for the logo."))
        kind, width, height = checked_picture(data, name)
        kept_name = quote(name, MAX_FILE_NAME) if name else ""
        now = iso(self._clock())
        with self._store.transaction():
            self._store.execute(
                "INSERT INTO shop_logo (id, image, file_name, updated_at) VALUES (1, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET image = excluded.image, "
                "file_name = excluded.file_name, updated_at = excluded.updated_at",
                (data, kept_name, now),
            )
        return LogoInfo(kept_name, kind, width, height, len(data), now)

    def get(self) -> bytes | None:
        """The logo's bytes, or None when the shop has none."""
        return logo(self._store)

    def info(self) -> LogoInfo | None:
        """What the logo is (file name, format, size), or None when the shop has none."""
        row = self._store.one("SELECT image, file_name, updated_at FROM shop_logo WHERE id = 1")
        if row is None:
            return None
        data = bytes(row["image"])
        from PIL import Image

        with Image.open(io.BytesIO(data)) as picture:
            kind, (width, height) = picture.format or "", picture.size
        return LogoInfo(
            row["file_name"], FORMATS.get(kind, kind), width, height, len(data), row["updated_at"]
        )

    def remove(self) -> bool:
        """Remove the logo: cards and letters are printed without one. Whether there was one."""
        with self._store.transaction():
            cursor = self._store.execute("DELETE FROM shop_logo WHERE id = 1")
        return cursor.rowcount > 0


def read_logo_file(path: Path) -> bytes:
    """A picture file's bytes; ``InvalidInput`` when it cannot be read or is far too large
    (never read whole)."""
    name = quote(path.name or str(path))
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError:
        raise InvalidInput(_("The file “{name}” could not be read.").format(name=name)) from None
    return data
