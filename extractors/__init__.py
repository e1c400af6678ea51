"""Listing readers and the spaCy extraction pipeline."""
