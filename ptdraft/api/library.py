"""Part of :mod:`ptdraft.api`: the template library and the outgoing register, for the window and the command line.

Every function takes ``db``: a SQLite file path, a ``postgresql://`` URL, an open
:class:`~ptdraft.storage.Storage` (used and left open), or None for ``PTDRAFT_DB`` or
the SQLite file in the user data folder (created on first use). ``by``/``user`` None
means the login name of whoever runs the program. Errors are PtdraftError with a
Vietnamese message; a database that cannot be used is a StorageError.

    listing = api.library_templates()            # never raises for the database
    if listing.error: show(listing.error)        # the shipped templates are still there
    draft, entry = api.issue_number(draft)       # "Cấp số"
"""
from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

from ptdraft import storage
from ptdraft.office import library
from ptdraft.office import register
from ptdraft.templating import save_as_template
from ptdraft.errors import OutputError, PtdraftError
from ptdraft.office.library import LibraryEntry
from ptdraft.templating.template_check import TemplateCheck, check_source
from ptdraft.model import Draft
from ptdraft.office.register import NumberPreview
from ptdraft.storage import RegisterEntry, Storage, TemplateEvent, TemplateVersion
from ptdraft.files.disk import read_text
from ptdraft.templating.templates import Template

__all__ = [
    "LibraryEntry",
    "NumberPreview",
    "RegisterEntry",
    "Storage",
    "TemplateCheck",
    "TemplateEvent",
    "TemplateListing",
    "TemplateVersion",
    "apply_database_roles",
    "approve_template",
    "attach_register_file",
    "cancel_number",
    "check_draft_template",
    "check_template_source",
    "database_location",
    "export_register",
    "export_template",
    "field_id_for",
    "history",
    "history_problem",
    "import_template_file",
    "issue_number",
    "issue_number_for_file",
    "library_template",
    "library_templates",
    "make_package",
    "office_profile",
    "open_database",
    "register_packages",
    "preview_number",
    "roles_sql",
    "register_entries",
    "retire_template",
    "save_draft_as_template",
    "save_template",
    "set_office_profile",
    "submit_template",
    "template_diff",
    "template_from_draft",
    "template_history",
    "template_versions",
]


def open_database(db: str | os.PathLike[str] | None = None) -> Storage:
    """The database, opened and migrated (close it, or use ``with``)."""
    return storage.open_storage(db)


def database_location(db: str | os.PathLike[str] | None = None) -> str:
    """Which database ``db`` means (path or URL), for the window's settings and messages."""
    location = storage.resolve(db)
    if storage.is_url(location):
        from ptdraft.storage.postgres import display_url

        return display_url(location)
    return location


@contextlib.contextmanager
def _opened(db) -> Iterator[Storage]:
    if isinstance(db, Storage):
        yield db
        return
    with storage.open_storage(db) as opened:
        yield opened


def _who(name: str | None) -> str:
    name = (name or "").strip()
    return name or library.current_user()


# -- template library --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateListing:
    """Templates to offer. ``error``: the database could not be used, so ``entries`` holds the
    shipped templates only; ``problems``: stored versions refused (tampered or unreadable)."""

    entries: tuple[LibraryEntry, ...]
    error: PtdraftError | None = None
    problems: tuple[PtdraftError, ...] = ()

    @property
    def templates(self) -> list[Template]:
        """The templates of the listing, in its order."""
        return [entry.template for entry in self.entries]


def library_templates(db=None, *, include_all: bool = False) -> TemplateListing:
    """Shipped and office templates (approved only, unless ``include_all``); never raises for the database."""
    try:
        with _opened(db) as opened:
            entries, problems = library.listing(opened, include_all=include_all)
        return TemplateListing(tuple(entries), None, tuple(problems))
    except PtdraftError as exc:
        shipped = [e for e in library.shipped_entries() if include_all or e.state == "approved"]
        return TemplateListing(tuple(shipped), exc)


def library_template(template_id: str, version: int | None = None, *, db=None) -> Template:
    """A template by id (default: its latest approved version), office or shipped, checked against its hash."""
    with _opened(db) as opened:
        return library.get(opened, template_id, version).template


def template_versions(template_id: str, *, db=None) -> list[TemplateVersion]:
    """Every stored version of an office template, oldest first (with its text, state and hash)."""
    with _opened(db) as opened:
        return library.versions(opened, template_id)


def template_history(template_id: str, version: int | None = None, *, db=None) -> list[TemplateEvent]:
    """Who did what to a template (or one version) and when, in order."""
    with _opened(db) as opened:
        return library.history(opened, template_id, version)


def template_diff(template_id: str, old: int, new: int, *, db=None) -> str:
    """A readable unified diff between two versions' texts ("" when the same)."""
    with _opened(db) as opened:
        return library.diff(opened, template_id, old, new)


def check_template_source(source: str, where: str = "mẫu", *, isolated: bool = False) -> TemplateCheck:
    """Validate a template text as the editor types: parse, no file access, example rendered in the sandbox.

    Raises TemplateError naming the line or part; returns the template and a summary of it.
    ``isolated`` also renders it in a child process with time and memory limits.
    """
    return check_source(source, where, isolated=isolated)


def save_template(source: str, *, by: str | None = None, submit: bool = False, db=None,
                  where: str = "mẫu") -> TemplateVersion:
    """Store a template text as a new version of its id: a draft, or submitted for approval with ``submit``."""
    with _opened(db) as opened:
        return library.save(
            opened, source, actor=_who(by), state="submitted" if submit else "draft",
            action="submitted" if submit else "created", where=where,
        )


def submit_template(template_id: str, version: int, *, by: str | None = None, db=None) -> TemplateVersion:
    """A draft version sent for approval."""
    with _opened(db) as opened:
        return library.submit(opened, template_id, version, actor=_who(by))


def approve_template(template_id: str, version: int, *, by: str | None = None, db=None) -> TemplateVersion:
    """A submitted version approved (stamped with who and when; its hash recorded; never changed again)."""
    with _opened(db) as opened:
        return library.approve(opened, template_id, version, actor=_who(by))


def retire_template(template_id: str, version: int | None = None, *, by: str | None = None,
                    db=None) -> list[TemplateVersion]:
    """One version, or every version, of an office template no longer offered."""
    with _opened(db) as opened:
        return library.retire(opened, template_id, version, actor=_who(by))


def import_template_file(path: Path, *, by: str | None = None, db=None) -> tuple[TemplateVersion, TemplateCheck]:
    """A template file from another office: checked (also in a child process), summarised, stored as submitted."""
    path = Path(path)
    source = read_text(path)
    check = check_source(source, str(path), isolated=True)
    with _opened(db) as opened:
        stored = library.save(
            opened, source, actor=_who(by), state="submitted", action="imported", where=str(path),
            note=f"nhập từ tệp {path.name}",
        )
    return stored, check


def export_template(template_id: str, path: Path, *, version: int | None = None, db=None) -> LibraryEntry:
    """Write a version's text, as stored (same SHA-256), to a .toml file, atomically."""
    from ptdraft.files.disk import write_atomic

    with _opened(db) as opened:
        entry = library.get(opened, template_id, version)
    write_atomic(Path(path), entry.template.source.encode("utf-8"))
    return entry


def template_from_draft(draft: Draft, template_id: str, title: str, marked: Mapping[str, object], *,
                        description: str = "") -> str:
    """The TOML text of a template made from a draft; ``marked`` maps text → field id or (field id, label)."""
    return save_as_template.template_from_draft(draft, template_id, title, marked, description=description)


def save_draft_as_template(draft: Draft, template_id: str, title: str, marked: Mapping[str, object], *,
                           description: str = "", by: str | None = None, db=None) -> TemplateVersion:
    """"Lưu thành mẫu": make the template text from the draft and submit it for approval."""
    text = save_as_template.template_from_draft(draft, template_id, title, marked, description=description)
    with _opened(db) as opened:
        return library.save(
            opened, text, actor=_who(by), state="submitted", action="submitted", where=f"mẫu '{template_id}'",
            note=f"lưu từ bản thảo \"{draft.title}\"" if draft.title else "lưu từ bản thảo",
        )


def check_draft_template(draft: Draft, *, db=None) -> str:
    """"library"/"shipped" when the draft's recorded template hash still matches, "unknown" when the
    template is not here; TemplateError when it does not match (the template or the draft was changed)."""
    with _opened(db) as opened:
        return library.check_draft(opened, draft)


def field_id_for(label: str) -> str:
    """A field id for a label ("Trích yếu" → "trich_yeu"), to propose in "Save as template"."""
    return save_as_template.field_id_for(label)


# -- outgoing register ----------------------------------------------------------------------------------


def preview_number(draft: Draft, *, db=None) -> NumberPreview:
    """The number "Cấp số" would give the draft now, not taken."""
    with _opened(db) as opened:
        return register.preview(opened, draft)


def issue_number(draft: Draft, *, db=None, user: str | None = None,
                 draft_path: str | os.PathLike[str] = "") -> tuple[Draft, RegisterEntry]:
    """"Cấp số": the draft with its number, and the register entry recorded for it."""
    with _opened(db) as opened:
        return register.issue(opened, draft, user=_who(user), draft_path=str(draft_path))


def issue_number_for_file(path: Path, *, db=None, user: str | None = None,
                          docx: Path | None = None) -> tuple[Draft, RegisterEntry]:
    """"Cấp số" for a draft file: the number written into the file atomically; with ``docx``, the
    numbered document exported there and its path and SHA-256 recorded in the register.

    A draft folder or DOCX path that cannot be written is refused before a number is taken; a
    failure after that says which number was issued and recorded.
    """
    from ptdraft.files import drafts
    from ptdraft.api import drafting as api
    from ptdraft.files.disk import check_writable

    path = Path(path)
    draft = api.load_draft(path)
    if not path.stat().st_mode & 0o222:
        raise OutputError("bản thảo chỉ cho đọc nên không ghi số vào được; chưa cấp số", str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"không có quyền ghi vào thư mục '{folder}' để ghi số vào bản thảo", str(path))
    if docx is not None:
        check_writable(Path(docx), note="; chưa cấp số")
    with _opened(db) as opened:
        numbered, entry = register.issue(opened, draft, user=_who(user), draft_path=str(path.resolve()))
        try:
            # The register names this very file: never another name for it.
            drafts.save_draft(numbered, path, other_name=False)
        except PtdraftError as exc:
            raise OutputError(
                f"đã cấp số {entry.symbol} và ghi vào sổ, nhưng không ghi được số vào bản thảo ({exc.message}); "
                "hãy ghi số bằng tay, hoặc hủy số đó",
                str(path),
            ) from None
        if docx is not None:
            try:
                docx = api.export_docx(numbered, Path(docx))  # another name when Word holds the file
            except PtdraftError as exc:
                raise OutputError(
                    f"đã cấp số {entry.symbol} và ghi vào sổ, nhưng không ghi được tệp DOCX: {exc}; số đã ghi vào "
                    f"bản thảo {path}, hãy xuất lại tệp DOCX từ bản thảo đó (ptdraft render)"
                ) from None
            try:
                entry = register.attach_file(opened, entry, Path(docx))
            except PtdraftError as exc:
                raise OutputError(
                    f"đã cấp số {entry.symbol} và ghi vào sổ, đã ghi tệp DOCX {docx}, nhưng không ghi được đường dẫn "
                    f"và mã SHA-256 của tệp vào sổ: {exc}"
                ) from None
    return numbered, entry


def attach_register_file(entry: RegisterEntry, path: Path, *, db=None) -> RegisterEntry:
    """Record the file sent out under a number: its path and SHA-256."""
    with _opened(db) as opened:
        return register.attach_file(opened, entry, Path(path))


def cancel_number(number: int, *, year: int | None = None, issuer: str | None = None, book: str | None = None,
                  reason: str = "", user: str | None = None, db=None) -> RegisterEntry:
    """Mark a number given in error as cancelled (kept in the register, never given again)."""
    with _opened(db) as opened:
        return register.cancel(opened, number, actor=_who(user), reason=reason, year=year, issuer=issuer,
                               book=register.book_name(book) if book else None)


def register_entries(*, db=None, year: int | None = None, issuer: str | None = None, book: str | None = None,
                     doc_type: str | None = None, signer: str | None = None, status: str | None = None,
                     search: str | None = None) -> list[RegisterEntry]:
    """The register, filtered (the register view: year, type, signer, text search)."""
    with _opened(db) as opened:
        return register.entries(
            opened, year=year, issuer=issuer, book=register.book_name(book) if book else None,
            doc_type=doc_type, signer=signer, status=status, search=search,
        )


def export_register(path: Path, fmt: str, *, db=None, year: int | None = None, issuer: str | None = None,
                    book: str | None = None) -> int:
    """Write the register (filtered) to ``path`` as "csv" or "xlsx"; the number of rows written."""
    rows = register_entries(db=db, year=year, issuer=issuer, book=book)
    register.export(rows, Path(path), fmt)
    return len(rows)


# -- office profile and hand-off packages --------------------------------------------------------------


def office_profile(*, db=None) -> dict[str, str]:
    """The office profile (Thông tin cơ quan): item id → value."""
    with _opened(db) as opened:
        return opened.profile()


def set_office_profile(values: Mapping[str, str], *, by: str | None = None, db=None) -> dict[str, str]:
    """Check and store profile items (an empty value removes one); the whole profile after."""
    from ptdraft.office import profile as office

    checked = {office.item(name).id: office.check_item(name, value) for name, value in values.items()}
    with _opened(db) as opened:
        stored = opened.profile()
        whole = office.check_profile({**stored, **checked})
        # What the clerk typed, as checked, and what the checks completed (the province of a commune).
        changed = {name: whole.get(name, "") for name in set(checked) | set(whole)
                   if name in checked or whole.get(name, "") != stored.get(name, "")}
        return opened.set_profile(changed, actor=_who(by))


def make_package(draft: Draft, out: Path, *, db=None, by: str | None = None, deadline=None, replace: bool = False,
                 painter=None):
    """Write the e-office hand-off package of a numbered draft (folder or .zip) and record it in the register;
    ``painter`` draws the PDF where LibreOffice is missing (the window's ``printing.layout_pdf``)."""
    from ptdraft.outputs import package

    with _opened(db) as opened:
        return package.build_package(opened, draft, Path(out), actor=_who(by), deadline=deadline, replace=replace,
                                     painter=painter)


def register_packages(entry: RegisterEntry, *, db=None):
    """The packages written for one register entry, oldest first."""
    with _opened(db) as opened:
        return opened.packages(entry.issuer, entry.year, entry.book, entry.number)


# -- who may approve: the history and the PostgreSQL roles -------------------------------------------------


def history(*, db=None):
    """The append-only history (approvals, retirements, cancellations, submissions, numbers), oldest first."""
    with _opened(db) as opened:
        return opened.history()


def history_problem(*, db=None) -> str | None:
    """The first break in the history's hash chain (a row edited, inserted or deleted behind the program's back),
    or None when the chain is whole."""
    with _opened(db) as opened:
        return opened.history_problem()


def roles_sql(schema: str = "public") -> str:
    """The SQL the administrator runs as the tables' owner to set up the clerk's and the reviewer's roles."""
    from ptdraft.storage.roles import setup_sql

    return setup_sql(schema)


def apply_database_roles(*, db=None) -> str:
    """Run :func:`roles_sql` on the PostgreSQL database ``db`` (connected as the tables' owner); returns its schema."""
    from ptdraft.errors import StorageError

    with _opened(db) as opened:
        if opened.engine != "postgresql":
            raise StorageError(
                "vai trò người duyệt của máy chủ chỉ có với PostgreSQL; với tệp SQLite, ghi tên đăng nhập của người "
                "duyệt vào thông tin cơ quan: ptdraft office set nguoi_duyet=TEN1,TEN2",
                opened.location,
            )
        from ptdraft.storage.postgres import PostgresStorage

        assert isinstance(opened, PostgresStorage)  # the engine said so
        return opened.apply_roles()
