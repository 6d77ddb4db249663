"""The care page's parts: a customer's contact log, complaints, occasions and the call list."""
