"""Where a shop's database may live: never on a network share, and readable by its owner alone."""

from __future__ import annotations

import stat
from pathlib import Path, PureWindowsPath

import pytest

from shopcrm import NetworkDrive, Shop
from shopcrm.common.i18n import set_language
from shopcrm.storage import location
from tests.core.conftest import FakeClock

ROOT_MOUNT = "27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard\n"


def mounted(folder: Path, kind: str, source: str = "//server/share") -> str:
    point = str(folder).replace(" ", "\\040")
    return f"{ROOT_MOUNT}90 27 0:50 / {point} rw,relatime shared:7 - {kind} {source} rw\n"


@pytest.mark.parametrize(
    "kind", ["nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs", "ceph"]
)
def test_a_database_on_a_network_share_is_refused_before_anything_is_made(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    share = tmp_path / "paylaşım klasörü"
    share.mkdir()
    monkeypatch.setattr(location, "mount_table", lambda: mounted(share, kind))
    with pytest.raises(NetworkDrive) as error:
        Shop.open(share / "dükkân" / "shop.sqlite3", clock=clock)
    message = str(error.value)
    assert "network" in message and "this computer's disk" in message and "--db" in message
    assert str(share / "dükkân" / "shop.sqlite3") in message
    assert list(share.iterdir()) == []


def test_an_existing_shop_on_a_share_is_refused_untouched(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shop.sqlite3"
    Shop.open(path, clock=clock).close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    monkeypatch.setattr(location, "mount_table", lambda: mounted(tmp_path, "cifs"))
    with pytest.raises(NetworkDrive):
        Shop.open(path, clock=clock)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_the_refusal_is_translated(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language("tr")
    monkeypatch.setattr(location, "mount_table", lambda: mounted(tmp_path, "nfs4"))
    with pytest.raises(NetworkDrive, match="ağ"):
        Shop.open(tmp_path / "shop.sqlite3", clock=clock)


def test_a_local_disk_is_accepted_beside_a_share_with_a_similar_name(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = tmp_path / "share"
    look_alike = tmp_path / "share-remote"
    table = mounted(look_alike, "nfs") + f"91 27 0:51 / {local} rw - ext4 /dev/vdb rw\n"
    monkeypatch.setattr(location, "mount_table", lambda: table)
    with Shop.open(local / "shop.sqlite3", clock=clock) as shop:
        shop.customers.add(name="Yerel Disk")


def test_a_local_folder_under_a_share_mounted_deeper_is_accepted(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        location,
        "mount_table",
        lambda: (
            mounted(tmp_path, "cifs") + f"91 90 0:51 / {tmp_path / 'usb'} rw - vfat /dev/sdb1 rw\n"
        ),
    )
    Shop.open(tmp_path / "usb" / "shop.sqlite3", clock=clock).close()
    with pytest.raises(NetworkDrive):
        Shop.open(tmp_path / "other" / "shop.sqlite3", clock=clock)


def test_this_computers_own_mount_table_is_read(tmp_path: Path, clock: FakeClock) -> None:
    kind = location.filesystem_type(tmp_path)
    assert kind and kind not in location.NETWORK_FILESYSTEMS
    Shop.open(tmp_path / "shop.sqlite3", clock=clock).close()


def test_a_missing_mount_table_is_no_reason_to_refuse(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(location, "mount_table", lambda: "")
    Shop.open(tmp_path / "shop.sqlite3", clock=clock).close()


@pytest.mark.parametrize(
    ("path", "unc"),
    [
        (r"\\server\share\shop.sqlite3", True),
        (r"\\?\UNC\server\share\shop.sqlite3", True),
        (r"C:\Users\Ayşe\AppData\Roaming\ShopCRM\shopcrm.sqlite3", False),
        (r"\\?\C:\Users\shop.sqlite3", False),
    ],
)
def test_a_windows_unc_path_is_a_network_share(path: str, unc: bool) -> None:
    assert location.is_unc_path(PureWindowsPath(path)) is unc


# --- readable by the owner alone ------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_its_journal_lock_and_backups_are_the_owners_alone(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "Dükkân" / "shop.sqlite3"
    with Shop.open(path, clock=clock) as shop:
        shop.customers.add(name="Gizli Müşteri")
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        assert mode(Path(f"{path}-wal")) == 0o600
        assert mode(Path(f"{path}-shm")) == 0o600
        assert mode(path.with_name(path.name + ".lock")) == 0o600
    clock.advance(days=1)
    with Shop.open(path, clock=clock) as shop:
        shop.store.wait_for_daily_backup()
    folder = path.parent / "backups"
    assert mode(folder) == 0o700
    (backup,) = folder.iterdir()
    assert mode(backup) == 0o600


def test_a_before_migration_backup_is_the_owners_alone(tmp_path: Path, clock: FakeClock) -> None:
    import sqlite3

    from shopcrm.storage import migrations

    path = tmp_path / "shop.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    Shop.open(path, clock=clock).close()
    (backup,) = (tmp_path / "backups").glob("shop-before-v2-*.sqlite3")
    assert mode(backup) == 0o600


def test_an_existing_database_open_to_others_is_tightened(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "shop.sqlite3"
    Shop.open(path, clock=clock).close()
    path.chmod(0o664)
    lock = path.with_name(path.name + ".lock")
    lock.chmod(0o644)
    with Shop.open(path, clock=clock):
        assert mode(path) == 0o600
        assert mode(Path(f"{path}-wal")) == 0o600
        assert mode(lock) == 0o600


def test_a_file_that_cannot_be_tightened_still_opens(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shop.sqlite3"
    Shop.open(path, clock=clock).close()
    path.chmod(0o644)

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(location.os, "chmod", refused)
    with Shop.open(path, clock=clock) as shop:
        shop.customers.add(name="Yine Açılır")
