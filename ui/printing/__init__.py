"""The Print page (``ui.printing.page``): documents chosen, previewed live, printed or saved; the
print queue of routine notes."""
