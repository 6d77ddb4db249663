"""Dialog buttons in the app's own words: Cancel is "Vazgeç", never Qt's own "İptal".

In Turkish "İptal" reads as "void" (İptal et), which the Rewards page also offers; a dialog
that voids a voucher must not have a Cancel button that says the same thing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from shopcrm.common.i18n import _


def name_cancel(buttons: QDialogButtonBox) -> None:
    """Label the Cancel button of ``buttons`` "Cancel" ("Vazgeç") in the app's language."""
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    if cancel is not None:
        cancel.setText(_("Cancel"))
