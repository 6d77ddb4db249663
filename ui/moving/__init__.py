"""Moving in and out: the import wizard, the export dialog, mailing lists, a customer's own data
and erasure."""
