"""The first day: a short setup shown once, when ShopCRM opens a shop it has just created
(``ui.first_day.wizard``)."""
