"""ShopCRM's speed benchmark: ``python -m bench`` (or ``./shopcrm.sh bench``).

It builds (once) a database of 100,000 customers and 1,000,000 purchases, then measures what the
shopkeeper feels: search per keystroke, logging a sale, opening the file and the app's first
paint, and memory. See ``bench/README.md``.
"""
