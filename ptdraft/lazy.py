"""Names of a package that are loaded on first use: a command that does not use them does not pay for them."""
from __future__ import annotations

import importlib
from typing import Callable, Mapping


def attributes(package: str, namespace: dict, table: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package``: a name of ``table`` is imported from the module it maps to, kept in
    ``namespace`` (the package's globals) and returned; any other name is an AttributeError."""

    def __getattr__(name: str) -> object:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
