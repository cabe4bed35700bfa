"""The storage interface: what the template library and the outgoing register need from a database.

:class:`Storage` is implemented once in SQL (:mod:`.sql`) that SQLite (:mod:`.sqlite`)
and PostgreSQL (:mod:`.postgres`) both run. Every change runs in one transaction: a
record is written whole or not at all, and a number taken from the register is
recorded in the same transaction that takes it.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable, Mapping, Sequence

from ptdraft.storage.records import (
    Counter,
    HistoryEvent,
    NewEntry,
    PackageRecord,
    RegisterEntry,
    TemplateEvent,
    TemplateVersion,
)


class Storage(ABC):
    """The database of one office: its template library and its outgoing register.

    ``engine`` is "sqlite" or "postgresql"; ``location`` says where it is, for messages
    (a file path, or a URL without its password). Use as a context manager, or call
    :meth:`close`.
    """

    engine: str
    location: str

    def __enter__(self) -> "Storage":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def schema_version(self) -> int:
        """The schema version the database is at (after opening: :data:`schema.LATEST`)."""

    # template library
    @abstractmethod
    def add_template_version(
        self,
        template_id: str,
        make_source: Callable[[int], str],
        *,
        title: str,
        doc_type: str,
        state: str,
        actor: str,
        action: str,
        note: str = "",
        first_version: int = 1,
        hash_of: Callable[[str], str],
    ) -> TemplateVersion:
        """Store a new version (the next number, at least ``first_version``) of ``make_source(number)``."""

    @abstractmethod
    def template_versions(self, template_id: str | None = None) -> list[TemplateVersion]:
        """Every stored version (of one template, or of all), by id then version."""

    @abstractmethod
    def template_version(self, template_id: str, version: int) -> TemplateVersion | None: ...

    @abstractmethod
    def change_template_state(
        self,
        template_id: str,
        version: int,
        *,
        state: str,
        allowed_from: Sequence[str],
        actor: str,
        action: str,
        note: str = "",
        restamp: Callable[[TemplateVersion], str] | None = None,
        hash_of: Callable[[str], str] | None = None,
    ) -> TemplateVersion:
        """Move a version to ``state`` (from one of ``allowed_from``), recording the event; ``restamp`` rewrites its text."""

    @abstractmethod
    def template_events(self, template_id: str, version: int | None = None) -> list[TemplateEvent]: ...

    # outgoing register
    @abstractmethod
    def next_number(self, issuer: str, year: int, book: str) -> int:
        """The number "Cấp số" would give now, without taking it."""

    @abstractmethod
    def issue(self, entry: NewEntry, symbol_for: Callable[[int], str]) -> RegisterEntry:
        """Take the next number of the entry's series and record the entry, in one transaction."""

    @abstractmethod
    def cancel(self, issuer: str, year: int, book: str, number: int, *, actor: str, reason: str = "") -> RegisterEntry: ...

    @abstractmethod
    def attach_file(self, issuer: str, year: int, book: str, number: int, *, path: str, sha256: str) -> RegisterEntry: ...

    @abstractmethod
    def entries(
        self, *, year: int | None = None, issuer: str | None = None, book: str | None = None
    ) -> list[RegisterEntry]:
        """Register entries in order: year, issuer, book, number."""

    @abstractmethod
    def counters(self) -> list[Counter]: ...

    @abstractmethod
    def record_package(self, issuer: str, year: int, book: str, number: int, *, path: str, sha256: str,
                       pdf_kind: str, page_count: int, actor: str) -> PackageRecord:
        """Record a package written for an issued (not cancelled) number."""

    @abstractmethod
    def packages(self, issuer: str, year: int, book: str, number: int) -> list[PackageRecord]:
        """The packages of one number, oldest first."""

    # office profile
    @abstractmethod
    def profile(self) -> dict[str, str]:
        """The office profile: item → value (items never set are absent)."""

    @abstractmethod
    def set_profile(self, values: Mapping[str, str], *, actor: str) -> dict[str, str]:
        """Set (or, with an empty value, remove) profile items in one transaction; returns the whole profile."""

    # the append-only history
    @abstractmethod
    def history(self) -> list[HistoryEvent]:
        """Every row of the history, oldest first."""

    @abstractmethod
    def history_problem(self) -> str | None:
        """The first break in the history's hash chain, as a Vietnamese sentence; None when the chain is whole."""
