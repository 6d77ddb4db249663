"""Care: the shop's memory of its customers' lives and of every contact with them: the contact
log and complaints, the upcoming occasions and what was done for them, and the call list."""
