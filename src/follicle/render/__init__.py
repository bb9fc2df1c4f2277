"""Presentations of an assessment result (plain text for the command line; HTML comes later)."""
