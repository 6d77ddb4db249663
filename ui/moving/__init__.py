"""Moving in: the import wizard (pick a file, preview and map its columns, import, see what was
left out)."""
