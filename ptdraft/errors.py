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


# Who hears of a break in a database's history found when it is opened (ptdraft.storage.open_storage): the command
# line collects a notice, the window shows a warning. Kept here, in the module every program loads anyway, so that
# choosing a listener costs no import of the storage.
_history_listener = None
_heard: set[tuple[str, str]] = set()


def listen_for_history_breaks(listener) -> object:
    """``listener(location, problem)`` hears each break once per database and problem in this process (None:
    nobody). Returns the previous listener."""
    global _history_listener
    previous, _history_listener = _history_listener, listener
    _heard.clear()
    return previous


def history_break_found(location: str, problem: str) -> None:
    """Tell the listener, once, that the history of ``location`` is broken (``problem`` says where)."""
    if _history_listener is not None and (location, problem) not in _heard:
        _heard.add((location, problem))
        _history_listener(location, problem)
