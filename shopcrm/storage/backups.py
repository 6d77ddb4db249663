"""Copies of the database in ``backups/`` beside it: one a day, one before every migration and
one before every import, kept within a size budget (``prune``: all of them together at most
``budget`` times the database, never more than the last 14 daily ones). Copies are taken with
SQLite's backup API, so they are consistent even while the app is writing.

A backup's name says exactly whose it is: ``shop-daily-2026-03-10.sqlite3`` belongs to
``shop.sqlite3`` and never to ``shop-kadikoy.sqlite3`` beside it. Each daily copy is checked
once taken; a copy that fails is set aside under a name no rotation counts, and on that day no
older copy is deleted; the budget never deletes the newest backup nor the last good one taken
before a copy that failed, so the last good backup from before a problem is always kept.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from shopcrm.storage import connections, location

DAILY_KEPT = 14
"""At most this many daily backups are kept, however much room the budget leaves."""
DEFAULT_BUDGET = 3
"""All backups together take at most this many times the database's size, unless the shop's
setting (``backup_budget``) says otherwise."""
SET_ASIDE = ".damaged"
"""Inserted before ``.sqlite3`` in the name of a daily copy that failed its check."""


def backup_folder(database: Path) -> Path:
    """The folder where the backups of ``database`` live."""
    return database.parent / "backups"


def _base(database: Path) -> str:
    """The start of every backup name of ``database``: the name without ``.sqlite3``, or the
    whole name for a file named otherwise (``shop.db`` and ``shop.sqlite3`` stay apart)."""
    return database.stem if database.suffix == ".sqlite3" else database.name


def _daily(database: Path) -> re.Pattern[str]:
    return re.compile(re.escape(_base(database)) + r"-daily-(\d{4}-\d{2}-\d{2})\.sqlite3")


def _before_migration(database: Path) -> re.Pattern[str]:
    return re.compile(re.escape(_base(database)) + r"-before-v\d+-(\d{8})-\d{6}\.sqlite3")


def _set_aside(database: Path) -> re.Pattern[str]:
    return re.compile(
        re.escape(_base(database))
        + r"-daily-(\d{4}-\d{2}-\d{2})"
        + re.escape(SET_ASIDE)
        + r"\.sqlite3"
    )


def day_of(database: Path, name: str) -> str | None:
    """The day (ISO) in the name of a backup of ``database``, a set-aside copy included; None
    for a file that is neither."""
    for pattern in (_daily(database), _set_aside(database)):
        match = pattern.fullmatch(name)
        if match:
            return match.group(1)
    match = _before_migration(database).fullmatch(name) or _before_import(database).fullmatch(name)
    if match:
        day = match.group(1)
        return f"{day[:4]}-{day[4:6]}-{day[6:]}"
    return None


def is_set_aside(database: Path, name: str) -> bool:
    """Whether ``name`` is a daily copy of ``database`` that failed its check and was set aside."""
    return bool(_set_aside(database).fullmatch(name))


def _before_import(database: Path) -> re.Pattern[str]:
    return re.compile(re.escape(_base(database)) + r"-before-import-(\d{8})-\d{6}\.sqlite3")


def is_backup_of(database: Path, name: str) -> bool:
    """Whether the file called ``name`` in the backups folder is a backup of ``database``."""
    return bool(
        _daily(database).fullmatch(name)
        or _before_migration(database).fullmatch(name)
        or _before_import(database).fullmatch(name)
    )


def dailies(database: Path) -> list[Path]:
    """The daily backups of ``database``, oldest first (set-aside copies are not among them)."""
    pattern = _daily(database)
    found = []
    for path in _listed(backup_folder(database)):
        match = pattern.fullmatch(path.name)
        if match:
            found.append((match.group(1), path))
    return [path for _day, path in sorted(found)]


def _listed(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


STEP_PAGES = 1024
"""Pages copied per step of a daily backup: between steps it can be stopped (at quit)."""


class Stopped(Exception):
    """The backup was stopped before it was complete (the app is quitting)."""


def take_backup(
    conn: sqlite3.Connection, target: Path, stop: threading.Event | None = None
) -> Path:
    """Copy the open database into ``target`` (a complete, self-contained file, readable by
    its owner alone). When ``stop`` is set meanwhile, ``Stopped`` is raised; an unfinished copy
    is always deleted, never left to be taken for a backup."""
    location.make_private_folder(target.parent)
    partial = target.with_name(target.name + ".partial")
    location.create_private_file(partial)
    try:
        copy = sqlite3.connect(partial)
        try:
            if stop is None:
                conn.backup(copy)
            else:
                conn.backup(copy, pages=STEP_PAGES, progress=_stopper(stop))
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
        partial.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return target


def _stopper(stop: threading.Event) -> Callable[[int, int, int], None]:
    """A backup's progress call that ends it once ``stop`` is set."""

    def progress(_status: int, _remaining: int, _total: int) -> None:
        if stop.is_set():
            raise Stopped

    return progress


def before_migration(conn: sqlite3.Connection, database: Path, version: int, now: datetime) -> Path:
    """Back up the database before it is migrated away from schema ``version``."""
    name = f"{_base(database)}-before-v{version + 1}-{now:%Y%m%d-%H%M%S}.sqlite3"
    return take_backup(conn, backup_folder(database) / name)


def before_import(conn: sqlite3.Connection, database: Path, now: datetime) -> Path:
    """Back up the database before customers are imported into it (pruned, as the others, by the
    size budget)."""
    name = f"{_base(database)}-before-import-{now:%Y%m%d-%H%M%S}.sqlite3"
    return take_backup(conn, backup_folder(database) / name)


class DailyBackup:
    """Today's backup, copied and checked in a background thread so that opening the shop does
    not wait.

    The copy shows the database exactly as it was when the backup was started: a read
    snapshot is pinned before this object is returned, whatever is written meanwhile. What went
    wrong stays in ``error`` (the system's own error) or ``set_aside`` (the copy that failed its
    check): a failed backup never stops a sale.
    """

    def __init__(self, database: Path, target: Path, budget: int | None = None) -> None:
        self.database = database
        self.target = target
        self.budget = budget
        self.error: Exception | None = None
        self.set_aside: Path | None = None
        self.stopped = False
        """Whether the backup was stopped unfinished (and its copy deleted)."""
        self._stop = threading.Event()
        self._checking: sqlite3.Connection | None = None
        self._thread = threading.Thread(target=self._run, name="daily-backup", daemon=True)
        try:
            self._source = _pinned(database)
        except sqlite3.Error as error:
            self.error = error
            return
        self._thread.start()

    def _run(self) -> None:
        unchecked = self.target.with_name(self.target.name + ".unchecked")
        try:
            take_backup(self._source, unchecked, self._stop)
            if self._stop.is_set():
                raise Stopped
            healthy = self._healthy(unchecked)
            if self._stop.is_set():
                raise Stopped
            if healthy:
                unchecked.replace(self.target)
                budget = self.budget if self.budget is not None else budget_of(self._source)
                prune(self.database, budget, size=self.target.stat().st_size)
            else:
                self.set_aside = self.target.with_name(
                    self.target.name.removesuffix(".sqlite3") + SET_ASIDE + ".sqlite3"
                )
                unchecked.replace(self.set_aside)
        except Stopped:
            self.stopped = True  # nothing unfinished is kept: the next opening takes it again
            with contextlib.suppress(OSError):
                unchecked.unlink()
        except Exception as error:  # kept in .error: a failed backup must not stop the sale
            self.error = error
        finally:
            self._source.close()

    def _healthy(self, copy: Path) -> bool:
        """``is_healthy``, on a connection ``stop`` can interrupt (the check is one long step
        of SQLite's, which its progress calls do not reach)."""
        try:
            conn = connections.read_only(copy)
        except (sqlite3.Error, OSError):
            return False
        self._checking = conn
        try:
            if self._stop.is_set():
                return False
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        except sqlite3.Error:
            return False
        finally:
            self._checking = None
            conn.close()

    def done(self) -> bool:
        """Whether the copy is over, whether it worked or not (never blocks)."""
        return not self._thread.is_alive()

    def wait(self) -> None:
        """Wait until the copy is complete (done before the database is closed)."""
        if self._thread.ident is not None:
            self._thread.join()

    def stop(self) -> None:
        """Stop an unfinished copy and wait for it to end, in a moment: what it had copied is
        deleted, and a copy already complete and checked is kept."""
        self._stop.set()
        checking = self._checking
        if checking is not None:
            with contextlib.suppress(sqlite3.Error):
                checking.interrupt()
        self.wait()


def _pinned(database: Path) -> sqlite3.Connection:
    """A read-only connection that sees the database as it is now, until it is closed."""
    conn = connections.read_only(database)
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _sorted(database: Path) -> list[tuple[Path, int, bool]]:
    """Every backup of ``database`` (set-aside copies too) as (path, size, set aside), oldest
    first: by the day in its name, then by when it was written."""
    found = []
    for path in _listed(backup_folder(database)):
        day = day_of(database, path.name)
        if day is None:
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        found.append((day, info.st_mtime, path, info.st_size, is_set_aside(database, path.name)))
    found.sort()
    return [(path, size, aside) for _day, _time, path, size, aside in found]


def prune(database: Path, budget: int = DEFAULT_BUDGET, size: int | None = None) -> list[Path]:
    """Delete the oldest backups of ``database`` until all of them together take at most
    ``budget`` times the database's size (``size``, or its file and -wal together), and at most
    ``DAILY_KEPT`` daily ones are left; the paths deleted.

    Never deleted: the newest good backup, and the last good backup taken before each copy that
    failed its check (the one to go back to if the disk or the file was failing). Set-aside
    copies are never deleted here (they count toward the size, and they are what tells where a
    problem began); a backup that cannot be deleted stays.
    """
    try:
        if size is None:
            wal = Path(f"{database}-wal")
            size = database.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    except OSError:
        return []
    limit = budget * size
    everything = _sorted(database)
    good = [path for path, _size, aside in everything if not aside]
    kept = set(good[-1:])
    last_good = None
    for path, _size, aside in everything:
        if aside and last_good is not None:
            kept.add(last_good)
        elif not aside:
            last_good = path
    too_many = set(dailies(database)[:-DAILY_KEPT])
    total = sum(size for _path, size, _aside in everything)
    deleted = []
    for path, size, aside in everything:
        if aside or path in kept or (total <= limit and path not in too_many):
            continue
        try:
            path.unlink()
        except OSError:
            continue
        total -= size
        deleted.append(path)
    return deleted


def budget_of(conn: sqlite3.Connection) -> int:
    """The shop's backup budget (``backup_budget`` in its settings), or the default."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'backup_budget'").fetchone()
        return int(row[0]) if row else DEFAULT_BUDGET
    except (sqlite3.Error, ValueError):
        return DEFAULT_BUDGET


def start_daily(database: Path, now: datetime, budget: int | None = None) -> DailyBackup | None:
    """Start today's backup unless there is one; then the backups are pruned to ``budget``
    times the database's size (``prune``; the shop's own setting unless given)."""
    target = backup_folder(database) / f"{_base(database)}-daily-{now:%Y-%m-%d}.sqlite3"
    try:
        if target.exists():
            return None
    except OSError:
        pass  # the copy meets the same problem, and keeps it in its .error
    return DailyBackup(database, target, budget)


def is_healthy(path: Path) -> bool:
    """Whether ``path`` is a SQLite database that passes its quick integrity check."""
    try:
        conn = connections.read_only(path)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except (sqlite3.Error, OSError, UnicodeDecodeError):
        return False


def newest_good_backup(database: Path) -> Path | None:
    """The most recent backup of ``database`` that is itself undamaged, if any."""
    candidates = []
    for path in _listed(backup_folder(database)):
        if is_backup_of(database, path.name):
            try:
                candidates.append((path.stat().st_mtime, path))
            except OSError:
                continue
    candidates.sort(reverse=True)
    return next((p for _time, p in candidates if is_healthy(p)), None)
