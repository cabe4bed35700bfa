"""Vietnam's administrative units from 1 July 2025, and what each old unit became.

Since the 2025 reorganisation local government has two levels: 34 provinces and centrally-run
cities, and 3,321 communes (xã, phường, đặc khu); there is no district level. The data ships in
``resources/data/don-vi-hanh-chinh-2025/`` (dvhcvn, MIT licence, notice beside it): the new units,
which old communes each new commune was formed from (wholly or in part), and which old provinces
each new province was formed from.

Names are matched without regard to case, Unicode form or tone-mark placement ("Khánh Hoà" is
"Khánh Hòa"). Everything is read on first use and cached; nothing here needs Qt, jinja2 or docx.
"""
from __future__ import annotations

import csv
import datetime as _dt
import functools
import re
import unicodedata
from typing import TypeVar
from collections import defaultdict
from dataclasses import dataclass
from enum import Enum

from ptdraft.resources import resource

DATA_FOLDER = ("data", "don-vi-hanh-chinh-2025")
# The day the two-level local government began (Luật Tổ chức chính quyền địa phương 72/2025/QH15).
REFORM_DATE = _dt.date(2025, 7, 1)


# Province names that left use before the 2025 merger and so are not in the merger tables: Thừa Thiên Huế
# became the centrally-run Thành phố Huế on 1 January 2025 (Nghị quyết 1314/NQ-UBTVQH15).
RENAMED_PROVINCES = {"Thừa Thiên Huế": "46"}


class UnitKind(Enum):
    """The kind word that opens a unit's full name."""

    CITY = "Thành phố"  # centrally-run city (province level) — or, before 2025, a city under a province
    PROVINCE = "Tỉnh"
    WARD = "Phường"
    COMMUNE = "Xã"
    SPECIAL_ZONE = "Đặc khu"
    TOWNLET = "Thị trấn"  # before 2025 only
    DISTRICT = "Huyện"  # before 2025 only
    URBAN_DISTRICT = "Quận"  # before 2025 only
    TOWN = "Thị xã"  # before 2025 only

    @property
    def word(self) -> str:
        """The kind as written inside a sentence (Phụ lục II: lower case): "tỉnh", "xã", "đặc khu"."""
        return self.value.lower()


_KIND_BY_WORDS = {kind.value.casefold(): kind for kind in UnitKind}
# The five tone marks as combining characters (NFD): sắc, huyền, hỏi, ngã, nặng.
_TONES = "\u0301\u0300\u0309\u0303\u0323"


@dataclass(frozen=True)
class Unit:
    """One administrative unit: its statistics-office code, kind and proper name ("Quảng Trị")."""

    code: str
    kind: UnitKind
    name: str

    @property
    def full_name(self) -> str:
        """"Tỉnh Quảng Trị", "Phường Ba Đình", "Đặc khu Phú Quốc"."""
        return f"{self.kind.value} {self.name}"

    @property
    def in_sentence(self) -> str:
        """The name as written inside a sentence: "tỉnh Quảng Trị", "xã Tân Lập"."""
        return f"{self.kind.word} {self.name}"


@dataclass(frozen=True)
class Commune(Unit):
    """A commune-level unit of 2025 and the province it belongs to."""

    province_code: str = ""


@dataclass(frozen=True)
class Successor:
    """What an old unit became: the new unit, and whether all of the old unit went into it."""

    old: Unit
    new: Unit
    whole: bool


_TONE = re.compile(f"[{_TONES}]")
_TONED_SYLLABLE = re.compile(f"[^\\s,.;:()/-]*[{_TONES}][^\\s,.;:()/-]*")


def _tone_last(match: re.Match) -> str:
    syllable = match.group(0)
    return _TONE.sub("", syllable) + "".join(_TONE.findall(syllable))


@functools.lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The comparison key of a proper name, the same for "Khánh Hoà" and "khánh hòa": case-folded, single
    spaces, and each syllable's tone mark moved to its end (the two tone-placement styles differ only in where
    the mark sits, never in which mark it is)."""
    decomposed = unicodedata.normalize("NFD", " ".join(name.split())).casefold()
    return _TONED_SYLLABLE.sub(_tone_last, decomposed)  # only syllables that carry a tone mark change


def split_name(full: str) -> tuple[UnitKind | None, str]:
    """(UnitKind.PROVINCE, "Quảng Trị") from "Tỉnh Quảng Trị"; the kind is None when no kind word opens it."""
    words = unicodedata.normalize("NFC", full).split()
    for count in (2, 1):
        kind = _KIND_BY_WORDS.get(" ".join(words[:count]).casefold()) if len(words) > count else None
        if kind is not None:
            return kind, " ".join(words[count:])
    return None, " ".join(words)


_U = TypeVar("_U", bound="Unit")


def _unit(code: str, full: str, cls: type[_U], **extra: str) -> _U:
    kind, name = split_name(full)
    if kind is None:
        raise ValueError(f"{full!r}: no kind word")
    return cls(code=code, kind=kind, name=name, **extra)


def _rows(name: str) -> list[dict[str, str]]:
    path = resource(*DATA_FOLDER, name)
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class _Provinces:
    provinces: tuple[Unit, ...]
    province_by_code: dict[str, Unit]
    province_by_key: dict[str, Unit]
    old_provinces: dict[str, tuple[Successor, ...]]  # key of an old province's name → its successors


@dataclass(frozen=True)
class _Communes:
    communes: tuple[Commune, ...]
    commune_by_code: dict[str, Commune]
    communes_of: dict[str, tuple[Commune, ...]]
    communes_by_key: dict[str, tuple[Commune, ...]]


@functools.cache
def _units_rows() -> tuple[dict[str, str], ...]:
    return tuple(_rows("don-vi-moi.csv"))


def _province_rows() -> dict[str, str]:
    """Province code → full name, from the communes' table without building its 3,321 rows."""
    found: dict[str, str] = {}
    with open(resource(*DATA_FOLDER, "don-vi-moi.csv"), encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        code_at, name_at = header.index("ma_tinh"), header.index("tinh")
        for row in reader:
            if row[code_at] not in found:
                found[row[code_at]] = row[name_at]
    return found


@functools.cache
def _province_tables() -> _Provinces:
    """The 34 provinces and the old ones, without the 3,321 communes (a check that names no commune never
    builds those)."""
    provinces = {code: _unit(code, name, Unit) for code, name in _province_rows().items()}
    old_provinces: dict[str, list[Successor]] = defaultdict(list)
    for row in _rows("tinh-sap-nhap.csv"):
        old = _unit(row["ma_tinh_cu"], row["tinh_cu"], Unit)
        old_provinces[key(old.name)].append(Successor(old, provinces[row["ma_tinh_moi"]], row["kieu"] == "full"))
    for name, code in RENAMED_PROVINCES.items():
        old = Unit(code=code, kind=UnitKind.PROVINCE, name=name)
        old_provinces[key(name)].append(Successor(old, provinces[code], True))
    return _Provinces(
        provinces=tuple(provinces.values()),
        province_by_code=provinces,
        province_by_key={key(p.name): p for p in provinces.values()},
        old_provinces={k: tuple(v) for k, v in old_provinces.items()},
    )


@functools.cache
def _commune_tables() -> _Communes:
    communes = [_unit(row["ma_xa"], row["xa"], Commune, province_code=row["ma_tinh"]) for row in _units_rows()]
    commune_by_code = {c.code: c for c in communes}
    communes_of: dict[str, list[Commune]] = defaultdict(list)
    communes_by_key: dict[str, list[Commune]] = defaultdict(list)
    for commune in communes:
        communes_of[commune.province_code].append(commune)
        communes_by_key[key(commune.name)].append(commune)
    return _Communes(
        communes=tuple(communes),
        commune_by_code=commune_by_code,
        communes_of={code: tuple(items) for code, items in communes_of.items()},
        communes_by_key={k: tuple(v) for k, v in communes_by_key.items()},
    )


@functools.cache
def _old_communes() -> dict[str, tuple[Successor, ...]]:
    """Key of an old commune's name → what it became, in every province (read only when a name is not a 2025
    commune's)."""
    commune_by_code = _commune_tables().commune_by_code
    old_communes: dict[str, list[Successor]] = defaultdict(list)
    for row in _rows("sap-nhap.csv"):
        new = commune_by_code.get(row["ma_xa_moi"])
        if new is None:
            continue
        old = _unit(row["ma_xa_cu"], row["xa_cu"], Unit)
        old_communes[key(old.name)].append(Successor(old, new, row["kieu"] == "full"))
    return {k: tuple(v) for k, v in old_communes.items()}


def provinces() -> tuple[Unit, ...]:
    """The 34 provinces and centrally-run cities of 2025, in the statistics office's order."""
    return _province_tables().provinces


def communes(province: Unit | str | None = None) -> tuple[Commune, ...]:
    """The communes of one province (a Unit, its code, or its name), or all 3,321 when ``province`` is None."""
    tables = _commune_tables()
    if province is None:
        return tables.communes
    found = province if isinstance(province, Unit) else find_province(province)
    return tables.communes_of.get(found.code, ()) if found else ()


def find_province(name_or_code: str) -> Unit | None:
    """The 2025 province with this code ("45"), name ("Quảng Trị") or full name ("Tỉnh Quảng Trị"), or None."""
    tables = _province_tables()
    if name_or_code in tables.province_by_code:
        return tables.province_by_code[name_or_code]
    kind, name = split_name(name_or_code)
    found = tables.province_by_key.get(key(name))
    if found is None or (kind is not None and kind is not found.kind):
        return None
    return found


def province_of(commune: Commune) -> Unit:
    """The province a 2025 commune belongs to."""
    return _province_tables().province_by_code[commune.province_code]


def find_communes(name: str, province: Unit | str | None = None) -> tuple[Commune, ...]:
    """The 2025 communes with this name ("Ba Đình" or "Phường Ba Đình"), within one province if given."""
    kind, bare = split_name(name)
    found = _commune_tables().communes_by_key.get(key(bare), ())
    if kind is not None:
        found = tuple(c for c in found if c.kind is kind)
    if province is not None:
        where = province if isinstance(province, Unit) else find_province(province)
        found = tuple(c for c in found if where is not None and c.province_code == where.code)
    return found


def province_successors(name: str) -> tuple[Successor, ...]:
    """What an old province became ("Hà Giang" → Tuyên Quang); empty when the name still names a 2025 province
    or was never a province."""
    _, bare = split_name(name)
    if find_province(bare) is not None:
        return ()
    return _province_tables().old_provinces.get(key(bare), ())


def commune_successors(name: str, province: Unit | str | None = None) -> tuple[Successor, ...]:
    """What an old commune became, when ``name`` ("xã Triệu Thành", "Thị trấn Ái Tử") no longer names a 2025
    commune (of ``province``, when given: a 2025 province, or an old one, which stands for the province it went
    into). Empty when the name is still in use there, or unknown."""
    kind, bare = split_name(name)
    where: Unit | None = None
    if province is not None:
        where = province if isinstance(province, Unit) else find_province(province)
        if where is None:
            moved = province_successors(str(province))
            where = moved[0].new if moved else None
    current = find_communes(bare, where)
    if kind is not None:
        current = tuple(c for c in current if c.kind is kind)
    if current:
        return ()
    found = _old_communes().get(key(bare), ())
    if kind is not None:
        found = tuple(s for s in found if s.old.kind is kind)
    if where is not None:
        found = tuple(s for s in found if isinstance(s.new, Commune) and s.new.province_code == where.code)
    return found


@functools.cache
def unit_names() -> tuple[frozenset[str], frozenset[str]]:
    """The proper names of units as written in the data ("Tiền Giang", "Ba Đình"), old and 2025: the province-level
    ones (34 of 2025, the 63 before the merger and Thừa Thiên Huế), and the commune-level ones (2025 and those merged
    into them; the data names no district, but a district often gave its name to a commune)."""
    tables = _province_tables()
    province_level = {unit.name for unit in tables.provinces}
    province_level |= {successor.old.name for successors in tables.old_provinces.values() for successor in successors}
    commune_level = {commune.name for commune in _commune_tables().communes}
    commune_level |= {successor.old.name for successors in _old_communes().values() for successor in successors}
    return frozenset(province_level), frozenset(commune_level)
