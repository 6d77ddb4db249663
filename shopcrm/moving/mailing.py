"""A mailing list for the shop's SMS or e-mail service: the customers who consented to that
channel (Law 6563), and only they, with the name, the phone in +90 form (E.164) and the e-mail.

Customers not archived are counted in three: listed; left out for lack of consent on the
channel; left out for want of a phone number (SMS) or an e-mail address (e-mail) though they
consented. The file is CSV in UTF-8 without a BOM, ',' between fields, as message services
take it; the phone is written bare ("+905321234567": the program wrote it from a checked
number, it cannot hold a formula), the name and e-mail are guarded like every export.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from shopcrm.common.clock import Clock
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _, ngettext
from shopcrm.common.text import sort_key_text
from shopcrm.moving import export_columns as col
from shopcrm.moving.cells import guarded
from shopcrm.moving.table_files import ExportFailed, Written
from shopcrm.people.consent import Channel, checked_channel, consent_condition
from shopcrm.storage.store import Store

MAILING_CHANNELS = (Channel.SMS, Channel.EMAIL)
"""The channels a message service sends on."""


@dataclass(frozen=True)
class Recipient:
    """A customer on a mailing list."""

    customer_id: int
    name: str
    phone: str
    email: str


@dataclass(frozen=True)
class MailingList:
    """Who is on a channel's list, and how many were left out and why."""

    channel: Channel
    recipients: tuple[Recipient, ...]
    without_consent: int
    """Customers (not archived) left out: no consent on this channel now."""
    without_address: int
    """Customers who consented but have no phone number (SMS) or e-mail address (e-mail)."""

    def summary(self) -> str:
        """What the user is told ("42 customers on the list. 17 left out: no consent to SMS.")."""
        listed = ngettext(
            "{n} customer on the list.", "{n} customers on the list.", len(self.recipients)
        ).format(n=len(self.recipients))
        parts = [listed]
        if self.without_consent:
            message = (
                ngettext(
                    "{n} left out: no consent to SMS.",
                    "{n} left out: no consent to SMS.",
                    self.without_consent,
                )
                if self.channel is Channel.SMS
                else ngettext(
                    "{n} left out: no consent to e-mail.",
                    "{n} left out: no consent to e-mail.",
                    self.without_consent,
                )
            )
            parts.append(message.format(n=self.without_consent))
        if self.without_address:
            message = (
                ngettext(
                    "{n} left out: no phone number.",
                    "{n} left out: no phone number.",
                    self.without_address,
                )
                if self.channel is Channel.SMS
                else ngettext(
                    "{n} left out: no e-mail address.",
                    "{n} left out: no e-mail address.",
                    self.without_address,
                )
            )
            parts.append(message.format(n=self.without_address))
        return " ".join(parts)


def mailing_channel(channel: Channel | str) -> Channel:
    """An SMS or e-mail channel, checked; ``InvalidInput`` for calls, letters or anything else."""
    code = checked_channel(channel)
    if code not in MAILING_CHANNELS:
        raise InvalidInput(_("A mailing list is for SMS or e-mail."))
    return code


class MailingService:
    """Mailing lists for message services, built from the consents that hold now."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def build(self, channel: Channel | str) -> MailingList:
        """The list for ``channel`` (SMS or e-mail) as it stands now."""
        code = mailing_channel(channel)
        address = "phone" if code is Channel.SMS else "email"
        rows = self._store.query(
            f"SELECT c.id, c.name, c.phone, c.email, {consent_condition(code, 'c.id')} AS yes "
            "FROM customers c WHERE c.archived_at IS NULL"
        )
        consenting = [r for r in rows if r["yes"]]
        listed = [r for r in consenting if r[address]]
        recipients = sorted(
            (Recipient(r["id"], r["name"], r["phone"], r["email"]) for r in listed),
            key=lambda r: sort_key_text(r.name),
        )
        return MailingList(
            channel=code,
            recipients=tuple(recipients),
            without_consent=len(rows) - len(consenting),
            without_address=len(consenting) - len(listed),
        )

    def write(
        self, path: str | Path, channel: Channel | str, language: str | None = None
    ) -> tuple[Written, MailingList]:
        """Write the list for ``channel`` to ``path`` (CSV, UTF-8); what was written, and the
        list with its counts of those left out."""
        mailing = self.build(channel)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(col.headers(col.MAILING_COLUMNS, language))
        for r in mailing.recipients:
            writer.writerow([guarded(r.name), r.phone, guarded(r.email)])
        target = Path(path)
        part = target.with_name(target.name + ".part")
        try:
            part.write_bytes(buffer.getvalue().encode("utf-8"))
            os.replace(part, target)
        except OSError as error:
            part.unlink(missing_ok=True)
            raise ExportFailed(
                _("The file {path} could not be written: {reason}").format(
                    path=target, reason=error.strerror or error
                )
            ) from error
        return Written(target, len(mailing.recipients)), mailing
