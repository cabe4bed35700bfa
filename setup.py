"""Build hook: compile the interface catalogs (.po → .mo) into the wheel.

Everything else about the package is in pyproject.toml. Compiled catalogs are
never kept in git; a source checkout compiles them in memory at start, and the
tests compile them with ``python -m ptdraft.gui.catalogs``.
"""
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        source = Path(__file__).parent / "resources" / "locale"
        target = Path(self.build_lib) / "ptdraft" / "_resources" / "locale"
        for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
            with open(po, "rb") as handle:
                catalog = read_po(handle, locale=po.parent.parent.name, domain=po.stem)
            mo = target / po.relative_to(source).with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with open(mo, "wb") as out:
                write_mo(out, catalog)


setup(cmdclass={"build_py": BuildWithCatalogs})
