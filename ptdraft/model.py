"""The document model: plain, frozen, typed data with no format rules in it.

A :class:`Draft` is what a clerk saves: the template it came from, the values of
the template's fields, and the :class:`Content` of each part of the document.
Text in a draft's content may hold Jinja expressions over the values
(``{{ nam }}``); :func:`ptdraft.templating.render.fill` turns it into plain text.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping, Union

FORMAT_VERSION = 1

Value = Union[str, int, float, bool, list, None]


class SigningMode(Enum):
    """Quyền hạn ký (FORMAT.md §8): the prefix in front of the title in box 7a."""

    NONE = ""
    TM = "TM."
    KT = "KT."
    TL = "TL."
    TUQ = "TUQ."
    Q = "Q."
    TM_KT = "TM.KT."
    TL_KT = "TL.KT."


class FieldKind(Enum):
    TEXT = "text"
    MULTILINE = "multiline"
    DATE = "date"
    NUMBER = "number"
    CHOICE = "choice"
    LIST = "list"


@dataclass(frozen=True)
class Field:
    """One value a template asks for. ``default`` None means "no default"."""

    id: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    default: Value = None
    required: bool = False
    help: str = ""
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    """A numbered item ("1. …") with its lettered sub-items ("a) …"); numbers are assigned when laid out."""

    text: str
    subitems: tuple[str, ...] = ()


def ref_within(ref: str, part: str) -> bool:
    """Whether the draft part named ``ref`` ("requirements[2].subitems[1]") lies inside ``part`` ("requirements")."""
    return ref == part or ref.startswith(part + "[") or ref.startswith(part + ".")


_REF_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?")


@dataclass(frozen=True)
class Ref:
    """A place in a draft, as problems, findings and the window name it: "body", "requirements[2].subitems[1]",
    "signature.name", "annexes[1].title", "values.co_quan", "values.thanh_phan[3]". Indexes count from 1, as
    the page numbers them. ``Ref.parse(text)`` reads one, ``str(ref)`` writes it back unchanged."""

    steps: tuple[tuple[str, int | None], ...]

    @classmethod
    def parse(cls, text: str) -> Ref:
        """The ref named by ``text``; a ValueError for text that is not one."""
        steps: list[tuple[str, int | None]] = []
        for piece in text.split("."):
            found = _REF_STEP.fullmatch(piece)
            if found is None:
                raise ValueError(f"not a draft part: {text!r}")
            steps.append((found.group(1), int(found.group(2)) if found.group(2) else None))
        return cls(tuple(steps))

    def __str__(self) -> str:
        return ".".join(name if index is None else f"{name}[{index}]" for name, index in self.steps)

    @property
    def head(self) -> str:
        """The part of the draft it starts in: "requirements", "signature", "values"."""
        return self.steps[0][0]

    @property
    def index(self) -> int | None:
        """The entry of the first part (1 for "requirements[1].subitems[2]"), None when it names the whole part."""
        return self.steps[0][1]

    @property
    def field(self) -> str | None:
        """The template field of "values.co_quan" ("co_quan"); None for a part of the content."""
        return self.steps[1][0] if self.head == "values" and len(self.steps) > 1 else None

    def within(self, part: str) -> bool:
        """Whether it lies inside ``part`` ("requirements[2].subitems[1]" lies inside "requirements")."""
        return ref_within(str(self), part)

    def get(self, content: Content) -> object:
        """The value it names in ``content``: a text, a tuple of entries, an Item; "" where there is none."""
        value: object = content
        for name, index in self.steps:
            value = getattr(value, name, "")
            if index is not None:
                entries = value if isinstance(value, tuple) else ()
                value = entries[index - 1] if 0 < index <= len(entries) else ""
        return value

    def with_value(self, content: Content, value: object) -> Content:
        """``content`` with the value it names replaced (entries out of range: unchanged)."""
        return _replaced(content, self.steps, value)  # type: ignore[return-value]


def ref_head(text: str) -> str:
    """The part a ref starts in ("requirements" of "requirements[2].subitems[1]"); "" for text that is no ref."""
    try:
        return Ref.parse(text).head
    except ValueError:
        return ""


def value_ref(text: str) -> tuple[str, int | None] | None:
    """The template field a "values." ref names and the entry of it ("values.thanh_phan[2]" → ("thanh_phan", 2);
    "values.co_quan" → ("co_quan", None)); None for a part of the content or text that is no ref."""
    try:
        ref = Ref.parse(text)
    except ValueError:
        return None
    if ref.head != "values" or len(ref.steps) != 2:
        return None
    return ref.steps[1]


def ref_field(text: str) -> str | None:
    """The template field a ref names as a whole ("co_quan" of "values.co_quan"); None for a part of the content,
    an entry of a list field ("values.thanh_phan[2]") or text that is no ref."""
    named = value_ref(text)
    return named[0] if named is not None and named[1] is None else None


def _replaced(holder: object, steps: tuple[tuple[str, int | None], ...], value: object) -> object:
    (name, index), rest = steps[0], steps[1:]
    current = getattr(holder, name)
    if index is None:
        new = _replaced(current, rest, value) if rest else value
    else:
        entries = list(current)
        if not 0 < index <= len(entries):
            return holder
        entries[index - 1] = _replaced(entries[index - 1], rest, value) if rest else value
        new = tuple(entries)
    changes: dict[str, Any] = {name: new}
    return dataclasses.replace(holder, **changes)  # type: ignore[type-var]


# The text parts of a signature, in the order they print.
SIGNATURE_TEXTS = ("collective", "head_title", "order_title", "position", "name")


@dataclass(frozen=True)
class Signature:
    """Box 7: the signing authority, the signer's position and name.

    ``collective`` is the body a TM. signature speaks for ("ỦY BAN NHÂN DÂN");
    ``head_title`` is the head's title after KT., TL., TUQ. or Q. ("CHỦ TỊCH");
    ``position`` is the signer's own title ("PHÓ CHỦ TỊCH"); ``order_title`` is, with TL.KT., the title of
    the one who signs by order, whose deputy signs ("CHÁNH VĂN PHÒNG"); empty strings mean "not printed".
    """

    mode: SigningMode = SigningMode.NONE
    collective: str = ""
    head_title: str = ""
    position: str = ""
    name: str = ""
    order_title: str = ""

    def authority_lines(self) -> tuple[str, ...]:
        """The lines of box 7a, top to bottom, as typed (case is applied by the layout)."""
        lines: list[str] = []
        mode = self.mode
        if mode in (SigningMode.TM, SigningMode.TM_KT) and self.collective:
            lines.append(f"TM. {self.collective}")
        if mode in (SigningMode.KT, SigningMode.TL, SigningMode.TUQ, SigningMode.Q) and self.head_title:
            lines.append(f"{mode.value} {self.head_title}")
        if mode is SigningMode.TM_KT and self.head_title:
            lines.append(f"KT. {self.head_title}")
        if mode is SigningMode.TL_KT:
            # FORMAT.md §8: the one signing TL. may hand the signing to a deputy, who signs KT.
            if self.head_title:
                lines.append(f"TL. {self.head_title}")
            if self.order_title:
                lines.append(f"KT. {self.order_title}")
        if self.position:
            lines.append(self.position)
        return tuple(lines)


@dataclass(frozen=True)
class Annex:
    """A text printed after the document, from a new page with its own page numbers.

    With ``doc_type`` empty it is an appendix (Phụ lục, Mẫu 2.1/2.2): "Phụ lục" (numbered I, II … when there are
    several), its ``title`` and "(Kèm theo … số … ngày … của …)". With a type name ("Quy chế", "Quy định") it is
    the text a decision issues or approves (Mẫu 1.3): the header without Số and date, the type name, ``title`` as
    its summary and the same "Kèm theo" line. ``body`` is markup as in :mod:`ptdraft.body`.
    """

    title: str = ""
    body: str = ""
    doc_type: str = ""


# Content.type_code of a symbol with no type group: the Quốc hội's and its Standing Committee's numbers
# ("Nghị quyết số: 653/2019/UBTVQH14", "Luật số 57/2014/QH13"), kept as written on import.
NO_TYPE_GROUP = "-"

# The values of Content.medium: a document on paper (the default) or in electronic form (FORMAT.md §9).
ELECTRONIC = "điện tử"


@dataclass(frozen=True)
class Content:
    """Every part of one document, in the order it prints. Empty text means "not printed".

    ``number`` None leaves the number blank for the records office; ``date`` None
    leaves the date blank. With ``date`` None, ``date_year`` (and ``date_month``) keep what is known of a date whose
    day is left blank ("ngày      tháng 11 năm 2023"); with a ``date`` they are always None. ``body`` and ``closing`` are text with one
    blank line between paragraphs; lines starting "1." open numbered items,
    "a)" their sub-items, "Điều 1." articles (see :mod:`ptdraft.body`).
    """

    doc_type: str = "Công văn"
    parent_authority: str = ""
    authority: str = ""
    issuer_code: str = ""
    unit_code: str = ""
    # The symbol's type group as the letter wrote it, where it is not the decree's abbreviation of ``doc_type``
    # (an imported joint letter's "KHLT", "TTLT" of the older form); "" prints the decree's ("KH", "QĐ"),
    # NO_TYPE_GROUP none (the Quốc hội's "653/2019/UBTVQH14").
    type_code: str = ""
    number: int | None = None
    # The year a legal normative document carries in its number ("Số: 37/2007/QĐ-UBND"); None prints none.
    number_year: int | None = None
    place: str = ""
    date: _dt.date | None = None
    # The known parts of a date whose day is blank: month 1–12 (only with a year), year 1900–2999.
    date_month: int | None = None
    date_year: int | None = None
    secrecy: str = ""
    urgency: str = ""
    circulation: str = ""
    subject: str = ""
    recipients: tuple[str, ...] = ()
    deciding_authority: str = ""
    legal_bases: tuple[str, ...] = ()
    body: str = ""
    requirements: tuple[Item, ...] = ()
    closing: str = ""
    close: str = ""
    signature: Signature = field(default_factory=Signature)
    distribution: tuple[str, ...] = ()
    # True: the Nơi nhận prints only what ``distribution``, ``archive``, ``drafter_code`` and ``copies`` hold (an
    # imported letter as it was written: no "Như trên" or "Lưu: VT" added, no block when it had none), and each
    # annex ends as its body does (no "./." added after an annex's last line), and the legal bases keep the marks
    # they were written with (no ";" or "." added).
    distribution_as_written: bool = False
    archive: tuple[str, ...] = ()
    drafter_code: str = ""
    copies: int | None = None
    contact: str = ""
    # A second signature beside the first, on the left (Biên bản: THƯ KÝ beside CHỦ TỌA; the parties of a
    # contract); the Nơi nhận block goes under it. Empty prints nothing.
    cosigner: Signature = field(default_factory=Signature)
    # The issuer as the "(Kèm theo … của …)" line of an annex names it ("Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị").
    issuer_name: str = ""
    annexes: tuple[Annex, ...] = ()
    medium: str = ""  # "" paper, ELECTRONIC: the "Kèm theo" number and date stay blank (FORMAT.md §9)

    def __post_init__(self) -> None:
        if self.date is not None:  # a whole date: no partial one beside it
            object.__setattr__(self, "date_month", None)
            object.__setattr__(self, "date_year", None)
            return
        check_partial_date(self.date_month, self.date_year)


def check_partial_date(month: object, year: object) -> None:
    """A ValueError, its text starting with the field's name, for a blank-day date's month or year out of range."""
    if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2999):
        raise ValueError(f"date_year: năm {year!r} không hợp lệ (từ 1900 đến 2999)")
    if month is not None:
        if not isinstance(month, int) or isinstance(month, bool) or not 1 <= month <= 12:
            raise ValueError(f"date_month: tháng {month!r} không hợp lệ (từ 1 đến 12)")
        if year is None:
            raise ValueError(f"date_month: có tháng {month} mà không có năm")


@dataclass(frozen=True)
class TemplateRef:
    """Which template a draft came from, for tracing a letter to its exact template."""

    id: str
    version: int
    sha256: str = ""


@dataclass(frozen=True)
class Draft:
    """A document being drafted: what is saved as JSON and edited in the window."""

    content: Content
    values: Mapping[str, Value] = field(default_factory=dict)
    fields: tuple[Field, ...] = ()
    template: TemplateRef | None = None
    title: str = ""
    author: str = ""
    format: int = FORMAT_VERSION

    def field(self, field_id: str) -> Field | None:
        for item in self.fields:
            if item.id == field_id:
                return item
        return None
