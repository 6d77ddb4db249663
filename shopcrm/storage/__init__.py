"""The database file: opening it, its schema and migrations, transactions, backups, the integrity
check, the lock against a second copy, and what the disk or SQLite said when something failed."""
