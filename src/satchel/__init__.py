"""Satchel: an offline, encrypted desktop case file for lawyers who defend people at risk."""

__version__ = "0.1.0"
