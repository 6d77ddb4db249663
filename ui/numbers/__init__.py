"""The Numbers page and its dialogs (the draw among customers)."""
