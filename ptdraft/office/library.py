"""The template library: the shipped templates (read-only) and the office's own, stored in the database.

A stored template version lives draft → submitted → approved → retired, each step an
event with who and when. Its text never changes after it is stored, except once: on
approval, its ``[approval]`` table is stamped with who approved it and when, and the
SHA-256 of that text is recorded. An approved version never changes again; editing
makes a new version. A version whose text no longer matches its recorded hash, or a
draft whose recorded hash no longer matches its template, is refused as tampered.

Every text that enters the library is checked first (:func:`ptdraft.templating.template_check.check_source`): it must
parse, read no file, and render its example in the sandbox within the render limits.
"Save as template" is in :mod:`ptdraft.templating.save_as_template`.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib
import functools
import hashlib
from dataclasses import dataclass

from ptdraft.templating import template_text
from ptdraft.errors import InputError, PtdraftError, TemplateError
from ptdraft.model import Draft
from ptdraft.resources import templates_dir
from ptdraft.storage import Storage, TemplateEvent, TemplateVersion
from ptdraft.templating.template_check import check_source
from ptdraft.templating.templates import (
    APPROVAL_LABELS,
    TEMPLATE_SUFFIX,
    Approval,
    Template,
    parse_template,
    shipped_templates,
)

SHIPPED = "shipped"
LIBRARY = "library"
ORIGIN_LABELS = {SHIPPED: "kèm chương trình", LIBRARY: "thư viện"}


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def current_user() -> str:
    """The login name of whoever runs the program ("không rõ" when the system cannot say)."""
    from ptdraft.storage.records import os_user

    return os_user()


@dataclass(frozen=True)
class LibraryEntry:
    """A template the window or ``ptdraft templates`` can offer: where it comes from and its state."""

    template: Template
    origin: str
    state: str
    sha256: str
    created_by: str = ""
    created_at: str = ""
    approved_by: str = ""
    approved_at: str = ""


# -- reading --------------------------------------------------------------------------------------


def verified(row: TemplateVersion) -> Template:
    """The template of a stored version, refused when its text does not match its recorded hash."""
    where = f"mẫu '{row.template_id}' phiên bản {row.version} (thư viện)"
    actual = sha256_text(row.source)
    if actual != row.sha256:
        raise TemplateError(
            f"nội dung mẫu đã bị sửa ngoài chương trình: mã băm SHA-256 là {actual[:16]}…, khác mã đã ghi "
            f"{row.sha256[:16]}…; không dùng mẫu này, hãy báo người quản lý thư viện mẫu",
            where,
        )
    template = parse_template(row.source, where)
    if template.id != row.template_id or template.version != row.version:
        raise TemplateError(
            f"nội dung mẫu ghi mã '{template.id}' phiên bản {template.version}, khác bản ghi trong thư viện", where
        )
    approval = Approval(
        state=row.state,
        by=row.approved_by or template.approval.by,
        at=_date_of(row.approved_at) or template.approval.at,
    )
    return dataclasses.replace(template, approval=approval)


def _date_of(text: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _entry(row: TemplateVersion) -> LibraryEntry:
    return LibraryEntry(
        template=verified(row),
        origin=LIBRARY,
        state=row.state,
        sha256=row.sha256,
        created_by=row.created_by,
        created_at=row.created_at,
        approved_by=row.approved_by,
        approved_at=row.approved_at,
    )


def _shipped_index() -> dict[str, Template]:
    """The shipped templates by id, parsed again only when a file in the folder changes."""
    files = sorted(templates_dir().glob(f"*{TEMPLATE_SUFFIX}"))
    fingerprint = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return _load_shipped(fingerprint)


@functools.lru_cache(maxsize=2)
def _load_shipped(_fingerprint: tuple) -> dict[str, Template]:
    return {t.id: t for t in shipped_templates()}


def shipped_entries() -> list[LibraryEntry]:
    return [
        LibraryEntry(template=t, origin=SHIPPED, state=t.approval.state, sha256=t.sha256,
                     approved_by=t.approval.by, approved_at=t.approval.at.isoformat() if t.approval.at else "")
        for t in _shipped_index().values()
    ]


def listing(storage: Storage, *, include_all: bool = False) -> tuple[list[LibraryEntry], list[PtdraftError]]:
    """The templates to offer, and the stored versions refused (tampered or unreadable).

    By default (a clerk's view): approved templates only, the latest approved version of
    each id, an office version replacing a shipped template of the same id. With
    ``include_all`` (a reviewer's view): every shipped template and every stored version.
    """
    shipped = shipped_entries()
    problems: list[PtdraftError] = []
    stored: list[LibraryEntry] = []
    for row in storage.template_versions():
        if not include_all and row.state != "approved":
            continue
        try:
            stored.append(_entry(row))
        except PtdraftError as exc:
            problems.append(exc)
    if include_all:
        return shipped + stored, problems
    latest: dict[str, LibraryEntry] = {}
    for entry in stored:
        latest[entry.template.id] = entry  # versions come in order, the last one wins
    offered = [e for e in shipped if e.state == "approved" and e.template.id not in latest] + list(latest.values())
    return sorted(offered, key=lambda e: (e.template.title, e.template.id)), problems


def _shipped(template_id: str) -> Template | None:
    return _shipped_index().get(template_id)


def versions(storage: Storage, template_id: str) -> list[TemplateVersion]:
    rows = storage.template_versions(template_id)
    if not rows and _shipped(template_id) is None:
        raise InputError(f"không có mẫu '{template_id}' trong thư viện", "mẫu")
    return rows


def get(storage: Storage, template_id: str, version: int | None = None) -> LibraryEntry:
    """One version of a template (default: the latest approved one), checked against its hash."""
    if version is not None:
        row = storage.template_version(template_id, version)
        if row is not None:
            return _entry(row)
        shipped = _shipped(template_id)
        if shipped is not None and shipped.version == version:
            return next(e for e in shipped_entries() if e.template.id == template_id)
        raise InputError(f"không có mẫu '{template_id}' phiên bản {version}", "mẫu")
    rows = storage.template_versions(template_id)
    approved = [r for r in rows if r.state == "approved"]
    if approved:
        return _entry(approved[-1])
    shipped = _shipped(template_id)
    if shipped is not None:
        return next(e for e in shipped_entries() if e.template.id == template_id)
    if rows:
        return _entry(rows[-1])
    raise InputError(f"không có mẫu '{template_id}' trong thư viện", "mẫu")


def history(storage: Storage, template_id: str, version: int | None = None) -> list[TemplateEvent]:
    return storage.template_events(template_id, version)


def diff(storage: Storage, template_id: str, old: int, new: int) -> str:
    """A unified diff of two versions' texts ("" when they are the same)."""
    a, b = get(storage, template_id, old), get(storage, template_id, new)
    return "".join(
        difflib.unified_diff(
            _lines(a.template.source),
            _lines(b.template.source),
            fromfile=f"{template_id} phiên bản {old} ({APPROVAL_LABELS.get(a.state, a.state)})",
            tofile=f"{template_id} phiên bản {new} ({APPROVAL_LABELS.get(b.state, b.state)})",
        )
    )


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return lines


# -- changing --------------------------------------------------------------------------------------


def _today() -> _dt.date:
    return _dt.date.today()


def save(
    storage: Storage,
    source: str,
    *,
    actor: str,
    state: str = "draft",
    action: str = "created",
    where: str = "mẫu",
    note: str = "",
    isolated: bool = False,
) -> TemplateVersion:
    """Check ``source`` and store it as the next version of its id, in ``state`` ("draft" or "submitted")."""
    if state not in ("draft", "submitted"):
        raise InputError("mẫu mới chỉ có thể ở trạng thái nháp hoặc chờ duyệt", "mẫu")
    template = check_source(source, where, isolated=isolated).template
    shipped = _shipped(template.id)
    first = shipped.version + 1 if shipped is not None else 1
    today = _today()

    def make_source(version: int) -> str:
        return template_text.stamp(source, version=version, state=state, by=actor, at=today)

    return storage.add_template_version(
        template.id,
        make_source,
        title=template.title,
        doc_type=template.doc_type,
        state=state,
        actor=actor,
        action=action,
        note=note,
        first_version=first,
        hash_of=sha256_text,
    )


def submit(storage: Storage, template_id: str, version: int, *, actor: str, note: str = "") -> TemplateVersion:
    """A draft version sent for approval."""
    verified(_row(storage, template_id, version))
    return storage.change_template_state(
        template_id, version, state="submitted", allowed_from=("draft",), actor=actor, action="submitted", note=note
    )


def approve(storage: Storage, template_id: str, version: int, *, actor: str, note: str = "") -> TemplateVersion:
    """A submitted version approved: its [approval] is stamped and the hash of that text recorded."""
    verified(_row(storage, template_id, version))
    today = _today()

    def restamp(current: TemplateVersion) -> str:
        if sha256_text(current.source) != current.sha256:
            verified(current)  # raises: tampered between the check above and the lock
        return template_text.stamp(current.source, version=version, state="approved", by=actor, at=today)

    return storage.change_template_state(
        template_id, version, state="approved", allowed_from=("submitted",), actor=actor, action="approved",
        note=note, restamp=restamp, hash_of=sha256_text,
    )


def retire(storage: Storage, template_id: str, version: int | None = None, *, actor: str, note: str = "") -> list[TemplateVersion]:
    """One version, or every version not yet retired, no longer offered to clerks."""
    if version is not None:
        targets = [version]
    else:
        rows = storage.template_versions(template_id)
        if not rows:
            if _shipped(template_id) is not None:
                raise InputError(f"mẫu '{template_id}' kèm theo chương trình, không ngừng dùng được", "mẫu")
            raise InputError(f"không có mẫu '{template_id}' trong thư viện", "mẫu")
        targets = [r.version for r in rows if r.state != "retired"]
        if not targets:
            raise InputError(f"mọi phiên bản của mẫu '{template_id}' đã ngừng dùng", "mẫu")
    return [
        storage.change_template_state(
            template_id, v, state="retired", allowed_from=("draft", "submitted", "approved"), actor=actor,
            action="retired", note=note,
        )
        for v in targets
    ]


def _row(storage: Storage, template_id: str, version: int) -> TemplateVersion:
    row = storage.template_version(template_id, version)
    if row is None:
        raise InputError(f"thư viện không có mẫu '{template_id}' phiên bản {version}", "mẫu")
    return row


# -- drafts and their templates ---------------------------------------------------------------------


def check_draft(storage: Storage | None, draft: Draft) -> str:
    """Whether the template a draft records is still the one it came from.

    Returns "library" or "shipped" when the recorded id, version and hash match, "unknown"
    when the template is not here (a file, another office); raises TemplateError when
    the hash differs (the template or the draft was changed).
    """
    ref = draft.template
    if ref is None or not ref.sha256:
        return "unknown"
    if storage is not None:
        row = storage.template_version(ref.id, ref.version)
        if row is not None:
            verified(row)
            if row.sha256 != ref.sha256:
                raise _ref_mismatch(ref.id, ref.version, ref.sha256, row.sha256, "thư viện")
            return LIBRARY
    shipped = _shipped(ref.id)
    if shipped is not None and shipped.version == ref.version:
        if shipped.sha256 != ref.sha256:
            raise _ref_mismatch(ref.id, ref.version, ref.sha256, shipped.sha256, "bộ mẫu kèm chương trình")
        return SHIPPED
    return "unknown"


def _ref_mismatch(template_id: str, version: int, recorded: str, actual: str, place: str) -> TemplateError:
    return TemplateError(
        f"bản thảo ghi được soạn từ mẫu '{template_id}' phiên bản {version} có mã băm {recorded[:16]}…, nhưng mẫu "
        f"đó trong {place} có mã băm {actual[:16]}…: mẫu hoặc bản thảo đã bị sửa; không dùng được",
        "mẫu",
    )
