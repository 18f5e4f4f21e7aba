"""Code that reads and writes below Whoosh's public interface; imports only under Whoosh 2.7.4.

The scorer reads Whoosh's posting blocks and length columns, and the codec subclasses its
writers: both were written against Whoosh 2.7.4 from PyPI (distribution `Whoosh`) and tested
against its own search. A fork installed under the import name `whoosh` (whoosh-reloaded, for
one) may lay these out differently, and would fail at the first search or, worse, score wrongly:
so this package refuses to import under anything else.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import whoosh

WRITTEN_FOR = "2.7.4"
DISTRIBUTION = "Whoosh"


class UnsupportedWhoosh(ImportError):
    """The installed `whoosh` is not the one this package was written for."""


def check_whoosh(version: str, from_distribution: bool) -> None:
    """Raises UnsupportedWhoosh unless `whoosh` is version WRITTEN_FOR, installed by
    DISTRIBUTION (a fork names itself otherwise, whatever version it claims)."""
    if version != WRITTEN_FOR or not from_distribution:
        source = f"PyPI's {DISTRIBUTION}" if from_distribution else "another distribution"
        raise UnsupportedWhoosh(
            f"reportbot needs whoosh {WRITTEN_FOR} from PyPI (distribution {DISTRIBUTION}), "
            f"but whoosh {version} from {source} is installed. Its scoring and codec read "
            f"Whoosh below its public interface: install the pinned one with "
            f"`pip install whoosh=={WRITTEN_FOR}` (`make test` does)."
        )


def installed_by_distribution() -> bool:
    """Whether the `whoosh` imported is the one DISTRIBUTION installed."""
    try:
        files = metadata.distribution(DISTRIBUTION).files or []
    except metadata.PackageNotFoundError:
        return False
    imported = Path(whoosh.__file__).resolve()
    return any(
        Path(file.locate()).resolve() == imported for file in files if file.name == "__init__.py"
    )


check_whoosh(".".join(map(str, whoosh.__version__)), installed_by_distribution())
