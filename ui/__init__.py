"""ShopCRM's Qt face: the main window, its pages and dialogs. No SQL and no business rules here."""
