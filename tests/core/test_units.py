"""The one size formatter: what a lawyer reads next to a document or a bundle."""

from __future__ import annotations

import pytest

from satchel.core.units import format_size


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1.0 kB"),
        (2_400_000, "2.4 MB"),
        (999_960, "1.0 MB"),  # never "1000.0 kB"
        (3_000_000_000, "3.0 GB"),
        (5 * 10**15, "5000.0 TB"),
    ],
)
def test_sizes_read_as_people_read_them(size: int, text: str) -> None:
    assert format_size(size) == text


def test_the_interface_passes_its_separator_and_unit_names() -> None:
    units = ("Б", "кБ", "МБ", "ГБ", "ТБ")
    assert format_size(2_400_000, decimal=",", units=units) == "2,4 МБ"
    assert format_size(21, decimal=",", units=units) == "21 Б"


def test_a_negative_size_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        format_size(-1)
