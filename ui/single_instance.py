"""One window per database: a second start of ShopCRM on a database already open brings the
running window to the front and ends, instead of refusing with a message.

The running copy listens on a local socket named after the database's path (``key_for``); the
second start connects, says ``raise`` and waits for ``ok``. Nobody answering in time (a copy
that hangs, a socket left by a crash) means the second start tells the usual "already open"
message.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise\n"
OK = b"ok\n"
CONNECT_MS = 500
ANSWER_MS = 1500


def key_for(database: Path) -> str:
    """The socket's name for ``database``: the same for every way of writing its path, and
    apart for each user of the machine."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = ""
    where = str(Path(database).resolve())
    return "shopcrm-" + hashlib.sha256(f"{who}\0{where}".encode()).hexdigest()[:24]


def ask_to_raise(key: str) -> bool:
    """Ask the copy running on ``key`` to bring its window to the front; whether it did."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    try:
        socket.write(RAISE)
        if not socket.waitForBytesWritten(CONNECT_MS):
            return False
        answer = b""
        while not answer.endswith(b"\n"):
            if not socket.waitForReadyRead(ANSWER_MS):
                return False
            answer += bytes(socket.readAll().data())
        return answer == OK
    finally:
        socket.abort()


class RunningCopy(QObject):
    """The running copy's side: listens on ``key`` and emits ``raise_requested`` when another
    start asks; answers at once, never blocking the window."""

    raise_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket left by a copy that crashed is removed first (the caller
        holds the database's lock, so no live copy owns it). Whether it listens."""
        if self.server.listen(self.key):
            return True
        QLocalServer.removeServer(self.key)
        return self.server.listen(self.key)

    def close(self) -> None:
        """Stop listening (the window is closing)."""
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                return
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > 64:
                socket.abort()  # not one of ours
            return
        line = bytes(socket.readLine().data())
        if line == RAISE:
            socket.write(OK)
            socket.flush()
            self.raise_requested.emit()
        socket.disconnectFromServer()
