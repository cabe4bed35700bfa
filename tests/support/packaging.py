"""scripts/wheelhouse.py loaded as a module, for the tests of the wheel and of the offline installers."""
from __future__ import annotations

import importlib.util
import sys

from tests.support import REPO

WHEELHOUSE_SCRIPT = REPO / "scripts" / "wheelhouse.py"


def _load():
    spec = importlib.util.spec_from_file_location("ptdraft_wheelhouse_script", WHEELHOUSE_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


wheelhouse = _load()
