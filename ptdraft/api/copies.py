"""Part of :mod:`ptdraft.api`: copies (bản sao) of an issued draft, for the window and the command line.

    copier = api.default_copier(draft, profile)            # the copying body from the office profile
    request = api.CopyRequest(api.CopyKind.SAO_Y, copier, date)
    written, entry = api.make_copy(draft, request, Path("ban-sao.docx"), db=db)

Everything the copy needs is checked before its number is taken; a failure after that says which number was given.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from pathlib import Path
from typing import Mapping

from ptdraft import rules
from ptdraft.outputs import copies
from ptdraft.outputs import copy_register
from ptdraft.office import office_defaults
from ptdraft.office import register
from ptdraft.outputs.copies import Copier, CopyKind, CopyRequest
from ptdraft.errors import OutputError, PtdraftError
from ptdraft.layout import Layout
from ptdraft.model import Draft, Signature
from ptdraft.storage import RegisterEntry

__all__ = [
    "Copier",
    "check_copyable",
    "CopyKind",
    "CopyRequest",
    "copy_kind",
    "copy_layout",
    "copy_passages",
    "copy_symbol",
    "default_copier",
    "make_copy",
    "next_copy_number",
    "parse_copy_passages",
    "signature_of",
]


def copy_kind(text: str) -> CopyKind:
    """The kind of copy a clerk names ("sao y", "SAO LỤC", "trích sao"); an InputError for any other words."""
    return copies.kind_of(text)


def _original(draft: Draft, request: CopyRequest | None = None) -> tuple:
    from ptdraft.api import drafting as api

    content = api.fill(draft)
    copy_register.check_original(content, request)
    return content, api.lay_out(content, title=draft.title, author=draft.author)


def check_copyable(draft: Draft) -> None:
    """Refuse (InputError) a draft that cannot be copied: unfinished, without its number or its date."""
    _original(draft)


def copy_passages(draft: Draft) -> list[str]:
    """The passages of the draft's body an extract (TRÍCH SAO) chooses from, passage 1 first."""
    from ptdraft.api import drafting as api

    return copies.passages(api.layout_draft(draft))


def parse_copy_passages(text: str, draft: Draft) -> tuple[int, ...]:
    """"1,3-5" → the passage numbers, checked against the draft's passages."""
    return copies.parse_passages(text, len(copy_passages(draft)))


def copy_symbol(request: CopyRequest, number: int) -> str:
    """"05/SY-UBND": the copy's number and symbol."""
    return copies.symbol_for(request.kind, request.copier.issuer_code)(number)


def signature_of(signer: office_defaults.Signer) -> Signature:
    """A signer of the office profile as a signature block."""
    return Signature(mode=signer.mode, collective=signer.collective, head_title=signer.head_title,
                     position=signer.position, name=signer.name)


def default_copier(draft: Draft, profile: Mapping[str, str] | None = None, *, signer: int = 0) -> Copier:
    """The copying body: the office profile's name, parent body, code and place (the draft's own where the profile
    has none) and its ``signer``-th signer (none when the profile has no signers)."""
    from ptdraft.api import drafting as api

    content = api.fill(draft, strict=False)
    profile = profile or {}
    forms = office_defaults.header_forms(profile)
    signers = office_defaults.signers(profile)
    chosen = signature_of(signers[signer]) if 0 <= signer < len(signers) else Signature()
    return Copier(
        authority=profile.get("ten_co_quan", "") or forms.authority or content.authority,
        parent_authority=profile.get("co_quan_chu_quan", "") if profile.get("ten_co_quan") else content.parent_authority,
        issuer_code=profile.get("ky_hieu_co_quan", "") or content.issuer_code,
        place=profile.get("dia_danh", "") or forms.place or content.place,
        signature=chosen,
    )


def copy_layout(draft: Draft, request: CopyRequest) -> Layout:
    """The Layout of the copy of a numbered, dated draft (InputError naming what is missing otherwise)."""
    _content, original = _original(draft, request)
    return copies.copy_layout(original, request)


def next_copy_number(request: CopyRequest, *, db=None) -> int:
    """The number the copy would take now (not taken)."""
    from ptdraft.api.library import _opened

    with _opened(db) as opened:
        return copy_register.next_number(opened, request)


def make_copy(draft: Draft, request: CopyRequest, output: Path, *, db=None,
              user: str | None = None) -> tuple[Path, RegisterEntry]:
    """Take the copy's number from the register, write the copy's DOCX to ``output`` and record its path and hash.

    The copy is laid out (every part checked) and ``output`` checked writable before the number is taken.
    """
    from ptdraft import docx_writer
    from ptdraft.api.library import _opened, _who
    from ptdraft.files.disk import check_writable

    if request.electronic and request.signed_at is None:
        request = dataclasses.replace(request, signed_at=_dt.datetime.now(rules.VIETNAM_TIME))
    content, original = _original(draft, request)
    copies.copy_layout(original, request)
    output = Path(output)
    check_writable(output, note="; chưa cấp số bản sao")
    with _opened(db) as opened:
        numbered, entry = copy_register.issue(opened, content, request, user=_who(user))
        try:
            written = docx_writer.write(copies.copy_layout(original, numbered), output)
        except PtdraftError as exc:
            raise OutputError(
                f"đã cấp số bản sao {entry.symbol} và ghi vào sổ bản sao, nhưng không ghi được tệp DOCX ({exc}); "
                "hãy hủy số đó (ptdraft register cancel --book sao) hoặc ghi lại tệp",
                str(output),
            ) from None
        entry = register.attach_file(opened, entry, written)
    return written, entry
