"""The Occasions & calls page (``ui.care.page``) and the widgets it is made of."""
