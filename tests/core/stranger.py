"""Open a shop as a user without the owner's rights, to meet read-only files and folders for real.

Root ignores file permissions, so when the tests run as root the opening runs in a child process
that gives up root for the ``nobody`` user once Python and the core are loaded (the interpreter
may live in a folder that ``nobody`` cannot read). Run as anyone else, the child keeps the user:
the tests take the rights away from the files themselves (chmod), which binds their owner too.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import grp, json, os, pwd, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from shopcrm import Shop, ShopError
from shopcrm.common.i18n import set_language

set_language("en")
if os.geteuid() == 0:
    with tempfile.TemporaryDirectory() as warm:  # load what an opening loads, while still root
        Shop.open(Path(warm) / "warm.sqlite3").close()
    try:
        group = grp.getgrnam("nogroup").gr_gid
    except KeyError:
        group = grp.getgrnam("nobody").gr_gid
    os.setgroups([])
    os.setgid(group)
    os.setuid(pwd.getpwnam("nobody").pw_uid)
try:
    Shop.open(sys.argv[2]).close()
    print(json.dumps(["opened", ""]))
except ShopError as error:
    print(json.dumps([type(error).__name__, str(error)]))
"""


def open_as_stranger(path: Path) -> tuple[str, str]:
    """Open the shop at ``path`` without the owner's rights: the error's class name and message
    (or "opened")."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    kind, message = json.loads(done.stdout.strip().splitlines()[-1])
    return str(kind), str(message)


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A fresh folder that the stranger may enter (pytest's own tmp folders are private)."""
    folder = Path(tempfile.mkdtemp(prefix="shopcrm-stranger-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if not path.is_symlink():
                path.chmod(stat.S_IRWXU | (path.stat().st_mode & 0o777))
        shutil.rmtree(folder)


def file_state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (recursively) with its bytes, to compare before and after."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and os.access(p, os.R_OK)
    }
