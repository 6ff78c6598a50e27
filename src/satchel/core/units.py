"""Byte counts as people read them ("512 B", "2.4 MB"): the one size formatter.

The command line uses it as it is (English); the client passes the interface locale's
decimal separator and translated unit names (`satchel.i18n.format_size`).
"""

from __future__ import annotations

__all__ = ["SI_UNITS", "format_size"]

SI_UNITS = ("B", "kB", "MB", "GB", "TB")
"""Decimal (SI) units, as file managers and Qt show sizes: 1 kB = 1,000 bytes."""


def format_size(size: int, *, decimal: str = ".", units: tuple[str, ...] = SI_UNITS) -> str:
    """`size` bytes with one decimal above 1,000 bytes: '512 B', '2.4 MB', '3.0 GB'."""
    if size < 0:
        raise ValueError("a size is never negative")
    if size < 1000:
        return f"{size} {units[0]}"
    value = float(size)
    for unit in units[1:]:
        value /= 1000
        if value < 999.95 or unit == units[-1]:
            return f"{value:.1f}".replace(".", decimal) + f" {unit}"
    raise AssertionError("unreachable")  # the loop returns at the last unit
