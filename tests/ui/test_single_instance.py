"""A second start on a database already open brings the running window to the front and ends;
when the running copy does not answer (it hangs, or its socket is a crash's leftover), the
second start tells the usual "already open" message."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QMessageBox

import main
from shopcrm import Shop
from tests.ui.conftest import ROOT
from ui.single_instance import RunningCopy, key_for


def start(path: Path, *more: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SHOPCRM_TELL_SECOND_STARTS": "1"}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(path), "--lang", "en", *more],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def next_line(process: subprocess.Popen[str], seconds: float = 60.0) -> str:
    """The next line the process prints; fails (instead of hanging) when none comes in time."""
    assert process.stdout is not None
    ready, _w, _x = select.select([process.stdout], [], [], seconds)
    assert ready, "the running copy printed nothing"
    return process.stdout.readline().strip()


@pytest.fixture
def first(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    path = tmp_path / "dükkan.sqlite3"
    Shop.open(path).close()  # an existing shop: no first-day setup in the way
    process = start(path)
    try:
        assert next_line(process) == "listening"
        yield process, path
    finally:
        process.terminate()
        process.wait(30)


def test_a_second_start_raises_the_first_and_exits_0(
    first: tuple[subprocess.Popen[str], Path],
) -> None:
    process, path = first
    second = start(path)
    _out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert next_line(process) == "raise-requested"
    assert process.poll() is None  # the first goes on


def test_the_same_database_by_another_path_is_the_same_key(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    direct = tmp_path / "a" / "shop.sqlite3"
    roundabout = tmp_path / "a" / ".." / "a" / "shop.sqlite3"
    assert key_for(direct) == key_for(roundabout)
    assert key_for(direct) != key_for(tmp_path / "shop.sqlite3")


def test_a_copy_that_does_not_answer_gets_the_usual_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shop.sqlite3"
    holder = Shop.open(path)  # holds the database, as a hung copy would
    hung = QLocalServer()
    assert hung.listen(key_for(path))  # accepts connections, never answers
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: told.append(text))
    try:
        assert main.main(["--db", str(path), "--lang", "en"]) == 1
    finally:
        hung.close()
        holder.close()
    assert len(told) == 1 and "already open" in told[0]


def test_a_leftover_socket_is_no_answer_and_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shop.sqlite3"
    holder = Shop.open(path)  # nobody listens: the copy holding it is not ours to ask
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: told.append(text))
    try:
        assert main.main(["--db", str(path), "--lang", "en"]) == 1
    finally:
        holder.close()
    assert len(told) == 1 and "already open" in told[0]
    if sys.platform != "win32":  # a socket file left by a crash does not stop the next copy
        leftover = QLocalServer()
        assert leftover.listen(key_for(path))
        stale = leftover.fullServerName()
        leftover.close()
        Path(stale).touch()
        running = RunningCopy(key_for(path))
        assert running.listen()
        running.close()


def test_a_second_start_during_the_first_day_setup_raises_the_setup(tmp_path: Path) -> None:
    """A new shop opens with its setup; started again meanwhile (the first window seemed slow),
    ShopCRM brings the setup to the front and ends, instead of saying the file is in use."""
    path = tmp_path / "yeni dükkan.sqlite3"
    process = start(path)  # a new database: the first-day setup is showing
    try:
        assert next_line(process) == "listening"
        second = start(path)
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert next_line(process) == "raise-requested"
        assert process.poll() is None
    finally:
        process.terminate()
        process.wait(30)
