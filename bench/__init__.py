"""The benchmark of the participation pages (see README.md). Not part of the
product: nothing in smartregion imports it."""
