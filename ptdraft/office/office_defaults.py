"""What a new draft takes from the office profile: the header forms of 2025, the signer, the codes.

The office enters its profile once (``ptdraft office set``, or Tệp → Thông tin cơ quan in the window). Every
template then starts filled: a template field whose id is one of the shared ids below takes its default from the
profile, so a clerk of Xã An Bình never types "ỦY BAN NHÂN DÂN / XÃ AN BÌNH" again.

Since 1 July 2025 local government has two levels (FORMAT.md §5.2): the People's Committee of a commune heads
its letters "ỦY BAN NHÂN DÂN / XÃ …" with no parent line and writes the commune's name as the place; the offices
under it put "UBND XÃ …" above their own name. A provincial body writes the province's name. The forms are
derived from the province and commune chosen from the 2025 list (:mod:`ptdraft.reference.admin_units`) unless the profile
says otherwise.

    >>> forms = header_forms({"tinh": "Quảng Trị", "xa": "Xã Triệu Phong"})
    >>> forms.authority, forms.place
    ('ỦY BAN NHÂN DÂN\\nXÃ TRIỆU PHONG', 'Triệu Phong')
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ptdraft.errors import InputError
from ptdraft.model import SigningMode
from ptdraft.vietnamese.names import is_personal_name

PEOPLES_COMMITTEE = "ỦY BAN NHÂN DÂN"
PEOPLES_COMMITTEE_SHORT = "UBND"

# Template field id → where its default comes from. Templates that use these ids (all shipped ones do) start
# filled from the profile; a template's own default applies only when the profile has nothing for the field.
FIELD_SOURCES = {
    "co_quan": "ten_co_quan",
    "co_quan_chu_quan": "co_quan_chu_quan",
    "ky_hieu_co_quan": "ky_hieu_co_quan",
    "ky_hieu_don_vi": "ky_hieu_don_vi",
    "dia_danh": "dia_danh",
    "tinh": "tinh",
    "nguoi_soan": "nguoi_soan",
    "nguoi_ky": "nguoi_ky",
    "chuc_vu": "nguoi_ky",
    "ky_thay": "nguoi_ky",
    "thua_lenh": "nguoi_ky",
}

# The single prefixes ("TM.", "KT.", "TL.", "TUQ.", "Q."), read from the model's signing modes.
_PREFIXES = {mode.value: mode for mode in SigningMode if mode.value.count(".") == 1}


@dataclass(frozen=True)
class Signer:
    """One signer of the office: "Trần Văn Bình; Phó Chủ tịch; KT. Chủ tịch"."""

    name: str
    position: str
    mode: SigningMode = SigningMode.NONE
    head_title: str = ""  # after KT., TL., TUQ., Q.: the head's title ("Chủ tịch")
    collective: str = ""  # after TM.: the body the signature speaks for ("Ủy ban nhân dân")


@dataclass(frozen=True)
class HeaderForms:
    """The forms the 2025 units give an office (FORMAT.md §5.2). Empty strings: nothing to derive."""

    authority: str = ""  # "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH" (the People's Committee itself)
    parent_of_offices: str = ""  # "UBND XÃ AN BÌNH": the parent line of the offices under it
    place: str = ""  # "An Bình"
    collective: str = ""  # "ỦY BAN NHÂN DÂN": after TM.
    head_title: str = ""  # "CHỦ TỊCH": after KT.
    deputy_title: str = ""  # "PHÓ CHỦ TỊCH": the position of who signs KT.


def parse_signer(line: str, where: str = "người ký") -> Signer:
    """"Họ tên; chức vụ; hình thức ký" → Signer, or InputError naming ``where``."""
    parts = [" ".join(part.split()) for part in line.split(";")]
    if len(parts) < 2 or len(parts) > 3 or not all(parts[:2]):
        raise InputError(f"'{line}': viết họ tên; chức vụ; hình thức ký (có thể bỏ), "
                         "ví dụ Trần Văn Bình; Phó Chủ tịch; KT. Chủ tịch", where)
    name, position = parts[0], parts[1]
    if not is_personal_name(name):
        raise InputError(f"'{name}' không phải họ tên người (mỗi tiếng viết hoa chữ cái đầu)", where)
    form = parts[2] if len(parts) == 3 else ""
    mode, head_title, collective = _signing_form(form, where)
    return Signer(name=name, position=position, mode=mode, head_title=head_title, collective=collective)


def _signing_form(form: str, where: str) -> tuple[SigningMode, str, str]:
    if not form:
        return SigningMode.NONE, "", ""
    pieces = [piece.strip() for piece in form.split(",") if piece.strip()]
    found: list[tuple[SigningMode, str]] = []
    for piece in pieces:
        prefix, _, rest = piece.partition(" ")
        mode = _PREFIXES.get(prefix.upper())
        if mode is None or not rest.strip():
            names = ", ".join(_PREFIXES)
            raise InputError(f"'{piece}': hình thức ký mở đầu bằng {names} rồi đến chức danh hoặc tập thể, "
                             "ví dụ KT. Chủ tịch", where)
        found.append((mode, rest.strip()))
    modes = tuple(mode for mode, _ in found)
    if modes == (SigningMode.TM,):
        return SigningMode.TM, "", found[0][1]
    if modes == (SigningMode.TM, SigningMode.KT):
        return SigningMode.TM_KT, found[1][1], found[0][1]
    if len(modes) == 1:
        return modes[0], found[0][1], ""
    raise InputError(f"'{form}': chỉ ghép được TM. với KT. (TM. Ủy ban nhân dân, KT. Chủ tịch)", where)


def parse_group(line: str, where: str = "nhóm nơi nhận") -> tuple[str, tuple[str, ...]]:
    """"Cấp trên: UBND tỉnh; Sở Nội vụ" → ("Cấp trên", ("UBND tỉnh", "Sở Nội vụ"))."""
    name, sep, rest = line.partition(":")
    entries = tuple(" ".join(e.split()).rstrip(";,.") for e in rest.split(";") if e.strip())
    if not sep or not name.strip() or not entries:
        raise InputError(f"'{line}': viết tên nhóm: nơi nhận; nơi nhận, ví dụ Cấp trên: UBND tỉnh; Sở Nội vụ", where)
    return " ".join(name.split()), entries


def signers(profile: Mapping[str, str]) -> tuple[Signer, ...]:
    lines = [line for line in profile.get("nguoi_ky", "").split("\n") if line.strip()]
    return tuple(parse_signer(line) for line in lines)


def groups(profile: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The office's usual Nơi nhận groups, by name, in the order entered."""
    lines = [line for line in profile.get("noi_nhan", "").split("\n") if line.strip()]
    return dict(parse_group(line) for line in lines)


def header_forms(profile: Mapping[str, str]) -> HeaderForms:
    """The header forms the profile's province and commune give (empty when neither is set or known)."""
    from ptdraft.reference import admin_units

    province = admin_units.find_province(profile.get("tinh", "")) if profile.get("tinh") else None
    commune = None
    if profile.get("xa"):
        found = admin_units.find_communes(profile["xa"], province)
        commune = found[0] if found else None
        if commune is not None and province is None:
            province = admin_units.province_of(commune)
    unit = commune or province
    if unit is None:
        return HeaderForms()
    place = unit.name
    if unit.kind is admin_units.UnitKind.CITY and unit.name == "Hồ Chí Minh":
        place = unit.full_name  # named after a person: written in full (FORMAT.md §5.2)
    elif unit.name.isdigit():
        place = unit.full_name  # "Phường 3"
    return HeaderForms(
        authority=f"{PEOPLES_COMMITTEE}\n{unit.full_name.upper()}",
        parent_of_offices=f"{PEOPLES_COMMITTEE_SHORT} {unit.full_name.upper()}",
        place=place,
        collective=PEOPLES_COMMITTEE,
        head_title="CHỦ TỊCH",
        deputy_title="PHÓ CHỦ TỊCH",
    )


def _first_code(text: str) -> str:
    return next((part.strip() for part in text.split(",") if part.strip()), "")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _signer_for(profile: Mapping[str, str], mode: SigningMode) -> Signer | None:
    try:
        found = signers(profile)
    except InputError:
        return None
    for signer in found:
        if signer.mode is mode:
            return signer
    return None


def draft_defaults(profile: Mapping[str, str], field_ids, signing_mode: SigningMode = SigningMode.NONE) -> dict:
    """Default values, from the profile, of the template fields named ``field_ids`` that the profile can fill."""
    wanted = [field_id for field_id in field_ids if field_id in FIELD_SOURCES]
    if not wanted or not any(profile.get(v) for v in ("tinh", "xa", *FIELD_SOURCES.values())):
        return {}
    forms = header_forms(profile)
    authority = profile.get("ten_co_quan", "") or forms.authority
    is_committee = bool(forms.authority) and _same(authority, forms.authority)
    parent = profile.get("co_quan_chu_quan", "")
    if not parent and forms.parent_of_offices and authority and not is_committee:
        parent = forms.parent_of_offices
    values = {
        "co_quan": authority,
        "co_quan_chu_quan": parent,
        "ky_hieu_co_quan": profile.get("ky_hieu_co_quan", "") or (PEOPLES_COMMITTEE_SHORT if is_committee else ""),
        "ky_hieu_don_vi": _first_code(profile.get("ky_hieu_don_vi", "")),
        "dia_danh": profile.get("dia_danh", "") or forms.place,
        "tinh": profile.get("tinh", ""),
        "nguoi_soan": _first_code(profile.get("nguoi_soan", "")),
    }
    signer = _signer_for(profile, signing_mode)
    if signer is not None:
        values.update(nguoi_ky=signer.name, chuc_vu=signer.position.upper(), ky_thay=signer.head_title.upper(),
                      thua_lenh=signer.head_title.upper())
    return {field_id: values[field_id] for field_id in wanted if values.get(field_id)}
