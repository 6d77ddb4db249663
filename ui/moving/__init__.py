"""Moving customers out: the export dialog, mailing lists, a customer's own data and erasure."""
