"""What the operating system and SQLite say, told as the core's own errors.

A full disk is a full disk and a read-only folder is a read-only folder: only real corruption is
"damaged", because the advice for damage (go back to a backup) would lose the day's purchases.
Each message names the file or folder and says what to do. SQLite's constraint errors are the
schema's own guards, not storage problems: they pass through untouched.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from shopcrm.common.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    DiskFull,
    InvalidInput,
    NoPermission,
    ShopError,
    StorageProblem,
)
from shopcrm.common.i18n import _
from shopcrm.storage import backups

REASON_CHARS = 120
"""The most of a system message quoted (it may quote what was typed)."""
NEARLY_FULL = 1024 * 1024
"""Below this much free space, a failed write is taken for a full disk."""


@contextmanager
def reported(path: Path) -> Iterator[None]:
    """Turn the OS and SQLite errors raised inside into the core's errors about ``path``; a
    number too large for SQLite (which Python's sqlite3 refuses with OverflowError) is bad
    input. An error of SQLite that Python cannot read as text (it quotes the bytes of a damaged
    page of the schema) is damage."""
    try:
        yield
    except (sqlite3.Error, OSError, OverflowError) as error:
        told = translated(error, path)
        if told is error:
            raise
        raise told from error
    except UnicodeDecodeError as error:
        raise damaged(path) from error


_PROGRAM_ERRORS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)


def translated(error: sqlite3.Error | OSError | OverflowError, path: Path) -> Exception:
    """What to raise for ``error``, met while using ``path``: the core's own error, or the
    error itself for the schema's guards (IntegrityError) and for a mistake in the program's own
    SQL or values (ProgrammingError, InterfaceError): that is a bug to see, not a disk to check."""
    if isinstance(
        error, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    ):
        return error
    if isinstance(error, OverflowError):
        return InvalidInput(_("A number is too large. Please check it."))
    return storage_error(error, path)


def storage_error(error: Exception, path: Path) -> ShopError:
    """The core's error for ``error`` (from the operating system or SQLite; anything else is
    told as what it says), met while using the file ``path``."""
    if isinstance(error, OSError):
        return _os_error(error, path)
    if isinstance(error, sqlite3.Error):
        return _sqlite_error(error, path)
    return _other(path, _reason(error))


def refuse_read_only(path: Path) -> None:
    """Raise ``NoPermission`` when this user may not change the database ``path``, its -wal and
    -shm, or make them in its folder: told at the opening, not at the first sale. (SQLite opens
    such a file without a word and refuses only the first change.)"""
    if _on_read_only_disk(path):
        raise _read_only_disk(path)
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if file.exists() and not os.access(file, os.R_OK | os.W_OK):
            raise _no_permission(file)
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise _no_folder_permission(path.parent)


def damaged(path: Path) -> DatabaseDamaged:
    """The error for a damaged ``path``, naming the newest good backup when there is one."""
    backup = backups.newest_good_backup(path)
    if backup is None:
        message = _(
            "The database file {path} is damaged and was not changed. No good backup was found "
            "in the backups folder beside it."
        ).format(path=path)
    else:
        message = _(
            "The database file {path} is damaged and was not changed. The newest good backup "
            "is {backup}: close ShopCRM and open that copy with --db, or copy it in place of "
            "the damaged file."
        ).format(path=path, backup=backup)
    return DatabaseDamaged(message, backup)


def busy() -> DatabaseInUse:
    """The error for a database that another change holds for longer than the store waits."""
    return DatabaseInUse(
        _("The database is busy with another change. Please try again in a moment.")
    )


def _sqlite_error(error: sqlite3.Error, path: Path) -> ShopError:
    name = str(getattr(error, "sqlite_errorname", "") or "")
    if name == "SQLITE_FULL":
        return _disk_full(path)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return damaged(path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return busy()
    if name == "SQLITE_READONLY_DIRECTORY":
        if _on_read_only_disk(path):
            return _read_only_disk(path)
        return _no_folder_permission(path.parent)
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")):
        return _read_only_disk(path) if _on_read_only_disk(path) else _no_permission(path)
    if name.startswith("SQLITE_CANTOPEN"):
        return _cannot_open(path, _reason(error))
    if name.startswith("SQLITE_IOERR") and _nearly_full(path):
        return _disk_full(path)
    return _other(path, _reason(error))


def _os_error(error: OSError, path: Path) -> ShopError:
    target = Path(os.fsdecode(error.filename)) if error.filename else path
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return _disk_full(target)
    if error.errno == errno.EROFS:
        return _read_only_disk(target)
    if error.errno in (errno.EACCES, errno.EPERM):
        return _no_permission(target)
    if error.errno == errno.ENOENT:
        return _missing(target)
    return _other(target, _reason(error))


def _reason(error: Exception) -> str:
    """What the system said, shortened (it may quote what was typed)."""
    if isinstance(error, OSError):
        text = error.strerror or str(error)
    else:
        text = str(error) or type(error).__name__
        name = getattr(error, "sqlite_errorname", None)
        if name:
            text = f"{text} ({name})"
    return text if len(text) <= REASON_CHARS else text[: REASON_CHARS - 1] + "…"


def _no_permission(target: Path) -> NoPermission:
    """A refused file (read or write, as its access says), or the folder a new file was refused
    in."""
    if target.is_dir():
        return _no_folder_permission(target)
    if not target.exists():
        return _no_folder_permission(target.parent)
    if not os.access(target, os.R_OK):
        return NoPermission(
            _(
                "ShopCRM may not read the file {path}: it belongs to another user, or its "
                "permissions do not allow it. Nothing was changed. Check the file's permissions "
                "(your user must be able to read and write it)."
            ).format(path=target)
        )
    return NoPermission(
        _(
            "ShopCRM may not write to the file {path}: it is read-only, or it belongs to another "
            "user. Nothing was changed. Check the file's permissions (your user must be able to "
            "read and write it), or open a copy of it with --db."
        ).format(path=target)
    )


def _no_folder_permission(folder: Path) -> NoPermission:
    return NoPermission(
        _(
            "ShopCRM may not create or change files in the folder {path}. Nothing was changed. "
            "Check the folder's permissions (your user must be able to write in it), or keep "
            "the database in a folder of your own and open it with --db."
        ).format(path=folder)
    )


def _cannot_open(path: Path, reason: str) -> ShopError:
    folder = path.parent
    if not folder.exists():
        return _missing(folder)
    if _on_read_only_disk(path):
        return _read_only_disk(path)
    if path.exists() and not os.access(path, os.R_OK):
        return _no_permission(path)
    if not os.access(folder, os.W_OK | os.X_OK):
        return _no_folder_permission(folder)
    if path.exists() and not os.access(path, os.W_OK):
        return _no_permission(path)
    return _other(path, reason)


def _disk_full(target: Path) -> DiskFull:
    return DiskFull(
        _(
            "The disk that holds {path} is full, so ShopCRM could not save there. Nothing was "
            "changed. Free some space on that disk (empty the recycle bin, move or delete large "
            "files), then try again."
        ).format(path=target)
    )


def _read_only_disk(target: Path) -> NoPermission:
    return NoPermission(
        _(
            "The disk that holds {path} is read-only, so ShopCRM could not save there. Nothing "
            "was changed. Remove the disk's write protection, or copy the database to this "
            "computer's disk and open the copy with --db."
        ).format(path=target)
    )


def _missing(target: Path) -> StorageProblem:
    return StorageProblem(
        _(
            "ShopCRM could not find {path}: the file or folder is missing, or the disk that "
            "holds it was removed. Nothing was changed. Connect the disk again, or open the "
            "right file with --db."
        ).format(path=target)
    )


def _other(target: Path, reason: str) -> StorageProblem:
    return StorageProblem(
        _(
            "ShopCRM could not read or write {path}. The system said: {reason}. Nothing was "
            "changed. Check that the disk is connected and working, then try again."
        ).format(path=target, reason=reason)
    )


def _existing_folder(path: Path) -> Path | None:
    for folder in path.parents:
        if folder.is_dir():
            return folder
    return None


def _on_read_only_disk(path: Path) -> bool:
    folder = _existing_folder(path)
    if folder is None or not hasattr(os, "statvfs"):
        return False
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _nearly_full(path: Path) -> bool:
    folder = _existing_folder(path)
    try:
        return folder is not None and shutil.disk_usage(folder).free < NEARLY_FULL
    except OSError:
        return False
