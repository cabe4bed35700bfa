"""The command line, ``ptdraft …`` (with no arguments, or one draft file, the window).

:mod:`.main` parses and dispatches; each group of commands has its own module: :mod:`.library` (templates,
the register, the office), :mod:`.templates` (finding a template, ``--db``), :mod:`.drafts` (the draft a
command works on), :mod:`.check` (``ptdraft check``), :mod:`.copy` (bản sao), :mod:`.sign` (ký số);
:mod:`.argparse_vi` puts argparse's own words in Vietnamese.
"""
from ptdraft.cli.main import main

__all__ = ["main"]
