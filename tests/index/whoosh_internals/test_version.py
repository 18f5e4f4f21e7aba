"""The code below Whoosh's interface runs only under the Whoosh it was written for."""

from __future__ import annotations

import pytest

import index.whoosh_internals as internals
from index.whoosh_internals import UnsupportedWhoosh, check_whoosh


def test_the_installed_whoosh_is_pypis_2_7_4() -> None:
    check_whoosh(internals.WRITTEN_FOR, internals.installed_by_distribution())


@pytest.mark.parametrize(
    ("version", "from_distribution", "says"),
    [
        ("2.7.5", True, "whoosh 2.7.5 from PyPI's Whoosh"),
        ("2.7.4", False, "whoosh 2.7.4 from another distribution"),
        ("2.8.0", False, "whoosh 2.8.0 from another distribution"),
    ],
)
def test_another_whoosh_is_refused_with_what_to_install(
    version: str, from_distribution: bool, says: str
) -> None:
    with pytest.raises(UnsupportedWhoosh, match=says) as refused:
        check_whoosh(version, from_distribution)
    assert "pip install whoosh==2.7.4" in str(refused.value)
    # An import of index.whoosh_internals fails with it.
    assert isinstance(refused.value, ImportError)
