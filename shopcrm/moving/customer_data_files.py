"""A customer's own data written to a file on their request (KVKK, Article 11): JSON or a
readable PDF, each export logged in ``privacy_requests`` in the same transaction (what and when,
never the data); a file that cannot be written leaves no log and no half file."""

from __future__ import annotations

import os
from pathlib import Path

from shopcrm.common.clock import Clock, iso
from shopcrm.common.i18n import _
from shopcrm.common.preferences import SettingsReader
from shopcrm.moving.customer_data import CustomerData, gather
from shopcrm.moving.privacy_log import PrivacyAction, log_request
from shopcrm.moving.table_files import ExportFailed
from shopcrm.storage.store import Store


class CustomerDataService:
    """A customer's own data, on their request: gathered, written to a file, logged."""

    def __init__(self, store: Store, clock: Clock, settings: SettingsReader) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings

    def gather(self, customer_id: int) -> CustomerData:
        """Everything held about ``customer_id`` now."""
        return gather(self._store, customer_id, iso(self._clock()), self._settings().shop_name)

    def write_json(self, customer_id: int, path: str | Path, recorded_by: str = "") -> Path:
        """Write the customer's data as JSON to ``path`` and log that it was given."""
        data = self.gather(customer_id)
        return self._written(
            customer_id, Path(path), "json", recorded_by, data.as_json().encode("utf-8")
        )

    def write_pdf(self, customer_id: int, path: str | Path, recorded_by: str = "") -> Path:
        """Write the customer's data as a readable PDF to ``path`` and log that it was given."""
        data = self.gather(customer_id)
        from shopcrm.moving.customer_data_pdf import data_pdf  # reportlab: not at start-up

        return self._written(customer_id, Path(path), "pdf", recorded_by, data_pdf(data))

    def _written(
        self, customer_id: int, path: Path, form: str, recorded_by: str, content: bytes
    ) -> Path:
        part = path.with_name(path.name + ".part")
        with self._store.transaction():
            log_request(
                self._store,
                customer_id,
                PrivacyAction.DATA_EXPORT,
                self._clock(),
                form,
                recorded_by,
            )
            try:
                part.write_bytes(content)
                os.replace(part, path)
            except OSError as error:
                part.unlink(missing_ok=True)
                raise ExportFailed(
                    _("The file {path} could not be written: {reason}").format(
                        path=path, reason=error.strerror or error
                    )
                ) from error
        return path
