"""The one exception family of ptdraft.

Every error a user can cause is a :class:`PtdraftError` whose ``message`` is a
Vietnamese sentence naming the field, file or line at fault. The command line
prints it and exits with code 2; the window shows it in one dialog.
"""
from __future__ import annotations


class PtdraftError(Exception):
    """An error the user can understand and fix.

    ``where`` names the place at fault (a field id, a file path, "dòng 12"),
    or is ``None`` when the message already says everything.
    """

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        if self.where:
            return f"{self.where}: {self.message}"
        return self.message


class InputError(PtdraftError):
    """A value, draft or data file is not acceptable."""


class TemplateError(PtdraftError):
    """A template file is invalid, or its Jinja text cannot be rendered."""


class OutputError(PtdraftError):
    """An output file cannot be written; the existing file is left intact."""


class StorageError(PtdraftError):
    """The database (template library, outgoing register) cannot be opened, read or written."""
