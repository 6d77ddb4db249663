"""Care: a customer's occasions (the dialog and its form), the upcoming list of the "Occasions &
calls" page, and the upcoming panel beside the counter."""
