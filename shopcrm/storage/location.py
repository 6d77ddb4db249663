"""Where a shop's database may live, and who may read it.

Not on a network share: SQLite's WAL journal needs shared memory that a share does not give, so
two computers (or one computer and a lost connection) would damage the file. And readable by its
owner alone: the database, its backups and its lock file are 0600, the folders ShopCRM makes 0700
(on Windows the user's own folders already keep other users out).
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path, PureWindowsPath

from shopcrm.common.errors import NetworkDrive
from shopcrm.common.i18n import _

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smb2",
        "smbfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "ncpfs",
        "coda",
        "afpfs",
        "webdav",
        "sshfs",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.ceph-fuse",
        "fuse.davfs",
        "fuse.s3fs",
        "fuse.rclone",
        "fuse.gvfsd-fuse",
        "fuse.afpfs",
    }
)
"""File systems reached over a network (Linux names from /proc/self/mountinfo, macOS names)."""

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_ESCAPED = re.compile(r"\\([0-7]{3})")


def refuse_network_drive(path: Path) -> None:
    """Raise ``NetworkDrive`` when the database ``path`` is (or would be) on a network share."""
    if on_network_drive(path):
        raise NetworkDrive(
            _(
                "The database {path} is on a network drive. ShopCRM cannot keep a database safe "
                "there, so it did not open it, and nothing was changed. Keep the database on this "
                "computer's disk: copy it to a folder on this computer and open that copy with "
                "--db."
            ).format(path=path)
        )


def on_network_drive(path: Path) -> bool:
    """Whether ``path`` (a resolved path; it need not exist yet) lies on a network share."""
    if sys.platform == "win32":
        return is_unc_path(PureWindowsPath(path)) or _windows_remote_drive(path)
    return (filesystem_type(path) or "") in NETWORK_FILESYSTEMS


def is_unc_path(path: PureWindowsPath) -> bool:
    """Whether a Windows path names a network share (\\\\server\\share, or \\\\?\\UNC\\...)."""
    drive = path.drive.upper()
    if drive.startswith("\\\\?\\UNC\\"):
        return True
    return drive.startswith("\\\\") and not drive.startswith(("\\\\?\\", "\\\\.\\"))


def filesystem_type(path: Path) -> str | None:
    """The type of file system holding ``path`` ("ext4", "nfs4"...), or None when unknown."""
    if sys.platform == "darwin":
        return _macos_filesystem_type(path)
    best, kind = "", None
    target = str(path)
    for point, fstype in _mounts(mount_table()):
        inside = point == "/" or target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fstype
    return kind


def mount_table() -> str:
    """This process's mount table (Linux's /proc/self/mountinfo), or "" where there is none."""
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as table:
            return table.read()
    except OSError:
        return ""


def _mounts(table: str) -> list[tuple[str, str]]:
    """(mount point, file system type) of each line of a mountinfo table, in mounting order."""
    mounts = []
    for line in table.splitlines():
        before, dash, after = line.partition(" - ")
        fields, tail = before.split(), after.split()
        if dash and len(fields) >= 5 and tail:
            point = _ESCAPED.sub(lambda m: chr(int(m.group(1), 8)), fields[4])
            mounts.append((point, tail[0]))
    return mounts


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes

    DRIVE_REMOTE = 4

    def _windows_remote_drive(path: Path) -> bool:
        drive = PureWindowsPath(path).drive
        if len(drive) != 2 or drive[1] != ":":
            return False
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)

else:

    def _windows_remote_drive(path: Path) -> bool:
        return False


def _macos_filesystem_type(path: Path) -> str | None:  # pragma: no cover - macOS only
    """statfs' f_fstypename ("apfs", "smbfs"...) of the nearest existing folder; best effort."""
    import ctypes
    import ctypes.util

    folder = next((p for p in (path, *path.parents) if p.exists()), None)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        try:
            statfs = libc["statfs$INODE64"]
        except AttributeError:
            statfs = libc["statfs"]
        buffer = ctypes.create_string_buffer(4096)
        if folder is None or statfs(os.fsencode(folder), buffer) != 0:
            return None
        return buffer.raw[72:88].split(b"\0", 1)[0].decode("ascii", "replace")
    except OSError:
        return None


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and any missing folder above it, each readable by the owner alone; an
    existing folder is left as it is."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for created in reversed(missing):
        created.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
        created.chmod(PRIVATE_FOLDER)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and readable by the owner alone (emptying an unfinished one)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE))
    keep_private(path)


def keep_private(*paths: Path) -> None:
    """Take the group's and others' rights away from files of ours (best effort: a file that
    cannot be changed is left as it is)."""
    if sys.platform == "win32":
        return
    for path in paths:
        try:
            info = path.stat()
            if info.st_uid == os.getuid() and info.st_mode & 0o077:
                os.chmod(path, stat.S_IMODE(info.st_mode) & ~0o077)
        except OSError:
            pass
