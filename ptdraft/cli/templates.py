"""Templates for ``ptdraft render`` and ``ptdraft new``: office templates from the library database as well as
the shipped ones, and the check that a draft's template is still the one it was made from.

The database is the one ``--db`` or ``PTDRAFT_DB`` names, else the SQLite file in the user
data folder; it is read only when it exists (a URL always does): rendering never creates a
database, and drafts from shipped templates keep working offline without one.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ptdraft.errors import InputError, PtdraftError, TemplateError


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="ĐƯỜNG_DẪN_HOẶC_URL",
        help="thư viện mẫu: tệp SQLite hoặc postgresql://… (mặc định: biến PTDRAFT_DB, rồi tệp trong thư mục dữ "
             "liệu; chỉ đọc khi đã có)",
    )


def existing_database(db: str | None) -> str | None:
    """The database ``db`` means (path or URL), or None when it is a file that does not exist. Any URL is
    returned, so that opening one the storage does not take says so instead of being passed over."""
    from ptdraft import storage

    location = storage.resolve(db)
    if storage.looks_like_url(location) or Path(location).expanduser().is_file():
        return location
    return None


def _is_file(name: str) -> bool:
    from ptdraft.templating.templates import TEMPLATE_SUFFIX

    return name.endswith(TEMPLATE_SUFFIX) or Path(name).is_file()


def _shipped_ids() -> set[str]:
    from ptdraft import api

    return {t.id for t in api.list_templates()}


def _warn(error: PtdraftError) -> None:
    print(f"ptdraft: cảnh báo: không dùng được thư viện mẫu ({error}); dùng mẫu có sẵn", file=sys.stderr)


def template_for(name: str, db: str | None):
    """A template by path to a .toml file, by id in the library (its latest approved version), or shipped.

    An unusable database (locked, corrupt, newer) never stops a shipped template: it is used, with a warning.
    """
    from ptdraft import api

    if _is_file(name):
        return api.get_template(name)
    location = existing_database(db)
    if location is not None:
        try:
            with api.open_database(location) as opened:
                try:
                    return api.library_template(name, db=opened)
                except InputError:
                    pass  # not in the library: the shipped templates (and their message) below
        except PtdraftError as error:
            if name not in _shipped_ids():
                raise
            _warn(error)
    return api.get_template(name)


def check_recorded_template(draft, db: str | None) -> None:
    """Refuse a draft whose recorded template hash no longer matches that version in the library database
    (TemplateError); nothing to check when there is no database or it does not hold that template."""
    from ptdraft import api

    ref = draft.template
    if ref is None or not ref.sha256:
        return
    location = existing_database(db)
    if location is None:
        return
    try:
        with api.open_database(location) as opened:
            if opened.template_version(ref.id, ref.version) is None:
                return
            api.check_draft_template(draft, db=opened)
    except TemplateError:
        raise
    except PtdraftError as error:
        if ref.id not in _shipped_ids():
            raise  # an office template cannot be checked without its library
        _warn(error)
