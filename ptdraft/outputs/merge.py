"""The same letter to many: one draft and a table of recipients (XLSX or CSV) give one original per row.

Every letter shares the draft's number and date (one letter sent to many, as the records office
registers it); each row brings its own Kính gửi and any template field the table has a column
for. Columns are matched to fields by id ("kinh_gui") or label ("Kính gửi"), without regard to
case or diacritics; a column "Tên tệp" names the files. A cell left empty takes the value the draft
gives every letter. Rows are checked before anything is
written; a bad row (a missing required value, a bad date, a duplicate file name, an empty row)
is reported by its row number and column. The rest are written, or nothing is, as the user
chooses. Each file is written beside its name and renamed, so an interrupted merge leaves only
complete files; the batch is synced to disk once at the end.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as _dt
import io
import re
import stat
import unicodedata
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Callable, Sequence

from ptdraft import pipeline
from ptdraft.templating import render
from ptdraft.reference import dates
from ptdraft.files import disk
from ptdraft.files import drafts
from ptdraft.templating import templates
from ptdraft.errors import InputError, OutputError
from ptdraft.errors import PtdraftError
from ptdraft.layout import Layout, layout
from ptdraft.model import Content, Draft, Field, FieldKind, Value
from ptdraft.text import fold as text_fold
from ptdraft.text import grouped

MAX_ROWS = 10_000  # letters in one merge
MAX_COLUMNS = 200
MAX_CELL_CHARS = 20_000
MAX_TABLE_BYTES = 50 * 1024 * 1024
FILE_NAME_CHARS = 80
WRITER_THREADS = 4
_UNSET = object()
RECIPIENTS_WORDS = ("kinh_gui", "kinh gui", "noi_nhan_chinh")
FILE_WORDS = ("ten_tep", "ten tep", "tep", "file", "file_name")
# Names Windows will not give a file, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


class Target(Enum):
    """Where a column's values go besides template fields."""

    FIELD = "field"
    RECIPIENTS = "recipients"  # the letter's Kính gửi, when no template field feeds it
    FILE_NAME = "file_name"
    IGNORED = "ignored"


@dataclass(frozen=True)
class Table:
    """A table read from a file: column names (header row) and the data rows as text or dates."""

    source: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    first_row: int = 2  # the spreadsheet row number of rows[0] (the header is one row above)
    sheet: str = ""
    sheets: tuple[str, ...] = ()  # every sheet of the workbook, for choosing another


@dataclass(frozen=True)
class Column:
    """One column and what it fills."""

    name: str
    target: Target
    field: Field | None = None


@dataclass(frozen=True)
class RowProblem:
    """Why one row cannot become a letter; ``row`` is the row number as the spreadsheet shows it."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"dòng {self.row}" + (f", cột '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Letter:
    """One letter of the merge: the draft for one row, and the file it goes to."""

    row: int
    draft: Draft
    file_name: str
    recipients: tuple[str, ...]
    content: Content  # the draft filled in (checked while planning, laid out when written)

    def docx(self) -> bytes:
        """The letter's DOCX."""
        from ptdraft import docx_writer

        return docx_writer.to_bytes(self.layout())

    def layout(self) -> Layout:
        return layout(self.content, title=self.draft.title, author=self.draft.author)


@dataclass(frozen=True)
class Plan:
    """What a merge will write, checked before anything is written."""

    columns: tuple[Column, ...]
    letters: tuple[Letter, ...]
    problems: tuple[RowProblem, ...]

    def preview(self, rows: int = 5) -> list[str]:
        """The mapping and the first letters, as lines for the user to look at before writing."""
        lines = ["Các cột:"]
        for column in self.columns:
            if column.target is Target.FIELD and column.field is not None:
                lines.append(f"  {column.name} → trường '{column.field.id}' ({column.field.label})")
            elif column.target is Target.RECIPIENTS:
                lines.append(f"  {column.name} → Kính gửi")
            elif column.target is Target.FILE_NAME:
                lines.append(f"  {column.name} → tên tệp")
            else:
                lines.append(f"  {column.name} → (không dùng: không có trường nào tên như vậy)")
        lines.append(f"{len(self.letters)} văn bản sẽ ghi; {len(self.problems)} dòng lỗi.")
        for letter in self.letters[:rows]:
            lines.append(f"  dòng {letter.row}: {letter.file_name} — Kính gửi: {'; '.join(letter.recipients) or '(không có)'}")
        return lines


@dataclass(frozen=True)
class Summary:
    """What a merge wrote."""

    written: tuple[Path, ...]
    pdfs: tuple[Path, ...]
    skipped: tuple[RowProblem, ...]
    cancelled: bool = False
    file_copy: Path | None = None


# -- reading the table ---------------------------------------------------------------------------------


_fold = text_fold


def _cell_text(value: object) -> object:
    """A spreadsheet cell as text, a date, or "" (whole numbers without ".0")."""
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text


def _regular_file(path: Path) -> int:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("không có tệp này", str(path)) from None
    except OSError as exc:
        raise InputError(f"không đọc được tệp ({exc.strerror})", str(path)) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError("không phải một tệp thường (thư mục, thiết bị hay ống dẫn)", str(path))
    if info.st_size > MAX_TABLE_BYTES:
        raise InputError(f"tệp quá lớn ({info.st_size // (1024 * 1024)} MB; tối đa {MAX_TABLE_BYTES // (1024 * 1024)} MB)",
                         str(path))
    return info.st_size


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The table of an .xlsx or .csv file; a bad, locked or too large file is one InputError naming it."""
    path = Path(path)
    _regular_file(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        if sheet:
            raise InputError("tệp CSV không có trang tính; bỏ --sheet", str(path))
        return _read_csv(path)
    if suffix == ".xls":
        raise InputError("tệp .xls (Excel 97–2003) chưa đọc được: mở bằng Excel hoặc LibreOffice rồi lưu thành .xlsx",
                         str(path))
    raise InputError("bảng danh sách phải là tệp .xlsx hoặc .csv", str(path))


def _table(source: str, header: Sequence[object], body: list[tuple[object, ...]], first_row: int, sheet: str = "") -> Table:
    names = [str(_cell_text(h)) for h in header]
    while names and not names[-1]:
        names.pop()
    if not names:
        raise InputError("dòng đầu phải là tên các cột (ví dụ: Kính gửi, Tên tệp)", source)
    if len(names) > MAX_COLUMNS:
        raise InputError(f"quá nhiều cột ({len(names)}; tối đa {MAX_COLUMNS})", source)
    seen: dict[str, int] = {}
    for number, name in enumerate(names, start=1):
        if not name:
            raise InputError(f"cột {number} của dòng đầu không có tên", source)
        if _fold(name) in seen:
            raise InputError(f"hai cột cùng tên '{name}' (cột {seen[_fold(name)]} và cột {number})", source)
        seen[_fold(name)] = number
    if len(body) > MAX_ROWS:
        raise InputError(f"quá nhiều dòng ({len(body)}; một lần trộn tối đa {grouped(MAX_ROWS)} văn bản)", source)
    width = len(names)
    rows = []
    for offset, row in enumerate(body):
        cells = tuple(_cell_text(v) for v in row)
        extra = [c for c in cells[width:] if c != ""]
        if extra:
            raise InputError(f"dòng {first_row + offset} có giá trị ở cột không có tên", source)
        for value in cells:
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise InputError(f"dòng {first_row + offset}: một ô dài quá {grouped(MAX_CELL_CHARS)} ký tự",
                                 source)
        rows.append((cells + ("",) * width)[:width])
    return Table(source, tuple(names), tuple(rows), first_row, sheet)


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError("tệp Excel này được đặt mật khẩu (mã hóa) hoặc là tệp .xls cũ: bỏ mật khẩu rồi lưu thành .xlsx",
                         str(path))
    if not head.startswith(b"PK"):
        raise InputError("không phải tệp Excel .xlsx", str(path))
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(path) as package:
            total = sum(info.file_size for info in package.infolist())
        if total > 8 * MAX_TABLE_BYTES:
            raise InputError("tệp Excel giải nén ra quá lớn", str(path))
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except InputError:
        raise
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, NotImplementedError,
            zlib.error, EOFError) as exc:
        raise InputError(f"tệp Excel bị hỏng hoặc không đọc được ({type(exc).__name__})", str(path)) from None
    try:
        names = book.sheetnames
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in names:
            ws = book[sheet]
        else:
            raise InputError(f"không có trang tính '{sheet}' (có: {', '.join(names)})", str(path))
        title = ws.title
        if ws.max_row is not None and ws.max_row > MAX_ROWS + 1:
            raise InputError(f"quá nhiều dòng ({ws.max_row - 1}; một lần trộn tối đa {grouped(MAX_ROWS)} văn bản)",
                             f"{path} [{title}]")
        rows = []
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS + 1:
                raise InputError(f"quá nhiều dòng (một lần trộn tối đa {grouped(MAX_ROWS)} văn bản)",
                                 f"{path} [{title}]")
            for column, value in enumerate(row, start=1):
                if isinstance(value, str) and value.startswith("="):
                    from openpyxl.utils import get_column_letter

                    raise InputError(f"ô {get_column_letter(column)}{number} chứa công thức ({value[:30]}): "
                                     "hãy sao chép rồi dán giá trị (Paste Values) trước khi trộn", f"{path} [{title}]")
            rows.append(tuple(row))
    finally:
        book.close()
    merged = _merged_ranges(path, title)
    if merged:
        raise InputError(f"trang tính có ô gộp ({', '.join(merged[:3])}): hãy bỏ gộp ô, mỗi dòng một nơi nhận",
                         f"{path} [{title}]")
    while rows and all(_cell_text(v) == "" for v in rows[0]):
        rows.pop(0)
    if not rows:
        raise InputError("trang tính trống", f"{path} [{title}]")
    while rows and all(_cell_text(v) == "" for v in rows[-1]):
        rows.pop()
    return dataclasses.replace(_table(f"{path} [{title}]", rows[0], rows[1:], 2, title), sheets=tuple(names))


def _merged_ranges(path: Path, title: str) -> list[str]:
    """The merged cell ranges of one sheet (read-only mode does not expose them)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=False, data_only=False)
    except Exception:  # noqa: BLE001 - the file was readable a moment ago; nothing more to say
        return []
    try:
        return [str(r) for r in book[title].merged_cells.ranges]
    finally:
        book.close()


def _decode(data: bytes, where: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("tệp UTF-16 bị hỏng", where) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"dòng {line} không phải chữ UTF-8: hãy lưu lại bằng \"CSV UTF-8\" (Excel) hoặc UTF-8",
                         where) from None


def _read_csv(path: Path) -> Table:
    text = _decode(path.read_bytes(), str(path))
    if "\x00" in text:
        raise InputError("tệp có ký tự NUL: không phải tệp CSV văn bản", str(path))
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(f"tệp CSV sai dạng ({exc})", str(path)) from None
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise InputError("tệp trống", str(path))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    return _table(str(path), rows[0], [tuple(r) for r in rows[1:]], 2)


# -- mapping columns to fields -------------------------------------------------------------------------


def _recipients_field(draft: Draft) -> Field | None:
    """The template field whose values print as Kính gửi, if there is one."""
    for item in draft.fields:
        if "recipients" in render.parts_using(draft.content, item.id):
            return item
    return None


def map_columns(table: Table, draft: Draft) -> tuple[Column, ...]:
    """Each column matched to a field by id or label (case and diacritics aside), to Kính gửi, or to file names."""
    by_key: dict[str, Field] = {}
    for item in draft.fields:
        by_key.setdefault(_fold(item.id), item)
        by_key.setdefault(_fold(item.label), item)
    recipients_field = _recipients_field(draft)
    out = []
    for name in table.columns:
        folded = _fold(name)
        named = by_key.get(folded)
        if named is not None:
            out.append(Column(name, Target.FIELD, named))
        elif folded in {_fold(w) for w in RECIPIENTS_WORDS}:
            if recipients_field is not None:
                out.append(Column(name, Target.FIELD, recipients_field))
            else:
                out.append(Column(name, Target.RECIPIENTS))
        elif folded in {_fold(w) for w in FILE_WORDS}:
            out.append(Column(name, Target.FILE_NAME))
        else:
            out.append(Column(name, Target.IGNORED))
    return tuple(out)


# -- planning --------------------------------------------------------------------------------------------


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


def _value(item: Field, cell: object) -> Value:
    """A cell in the field's kind; ValueError with a Vietnamese reason when it does not fit."""
    if isinstance(cell, _dt.date):
        return cell.isoformat() if item.kind is FieldKind.DATE else dates.short_date(cell)
    try:
        return templates.coerce_text(item, str(cell))
    except InputError as exc:
        raise ValueError(exc.message) from None


def safe_file_name(text: str) -> str:
    """A file name any Windows or Linux folder takes, from any text: no diacritics, a-z 0-9 and "-"."""
    plain = _fold(text)
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:FILE_NAME_CHARS].strip("-")
    if not slug or slug in _RESERVED:
        slug = f"van-ban-{slug}" if slug else "van-ban"
    return slug


def _file_name(given: str, number: int, recipients: Sequence[str]) -> str:
    if given:
        stem = given[:-5] if given.lower().endswith(".docx") else given
        return safe_file_name(stem) + ".docx"
    who = safe_file_name(recipients[0]) if recipients else "van-ban"
    return f"{number:03d}-{who}.docx"


def plan(draft: Draft, table: Table, columns: Sequence[Column] | None = None) -> Plan:
    """Check every row and build its letter; nothing is written."""
    columns = tuple(columns if columns is not None else map_columns(table, draft))
    if not any(c.target in (Target.FIELD, Target.RECIPIENTS) for c in columns):
        known = ", ".join(f"{f.label} ({f.id})" for f in draft.fields) or "Kính gửi"
        raise InputError(f"không cột nào trùng với một trường của văn bản (các trường: {known}; hoặc cột 'Kính gửi')",
                         table.source)
    letters: list[Letter] = []
    problems: list[RowProblem] = []
    names: dict[str, int] = {}
    required = [f for f in draft.fields if f.required]
    for offset, row in enumerate(table.rows):
        number = table.first_row + offset
        if all(cell == "" for cell in row):
            problems.append(RowProblem(number, "", "dòng trống"))
            continue
        values = dict(draft.values)
        recipients: tuple[str, ...] | None = None
        given_name = ""
        bad = False
        for column, cell in zip(columns, row):
            if column.target is Target.FILE_NAME:
                given_name = str(cell)
                continue
            if column.target is Target.RECIPIENTS:
                recipients = tuple(_split_list(str(cell)))
                if not recipients:
                    problems.append(RowProblem(number, column.name, "thiếu nơi nhận (Kính gửi)"))
                    bad = True
                continue
            if column.target is not Target.FIELD or column.field is None:
                continue
            if cell == "":
                if column.field.required and not values.get(column.field.id):
                    problems.append(RowProblem(number, column.name, f"thiếu giá trị bắt buộc ({column.field.label})"))
                    bad = True
                continue
            try:
                values[column.field.id] = _value(column.field, cell)
            except ValueError as exc:
                problems.append(RowProblem(number, column.name, str(exc)))
                bad = True
        if bad:
            continue
        column_of = {c.field.id: c.name for c in columns if c.field is not None}
        missing = [f for f in required if values.get(f.id) in (None, "", [])]
        if missing:
            for item in missing:
                problems.append(RowProblem(number, column_of.get(item.id, ""), f"thiếu giá trị bắt buộc: {item.label}"))
            continue
        try:
            # The draft's own values were cleaned when it was loaded; only the row's are new.
            own = {k: v for k, v in values.items() if draft.values.get(k, _UNSET) is not v}
            cleaned = {**values, **drafts.clean_strings(own, f"dòng {number}")}
            letter_draft = dataclasses.replace(draft, values=templates.resolve_values(draft.fields, cleaned,
                                                                                      f"dòng {number}"))
        except InputError as exc:
            problems.append(RowProblem(number, "", exc.message))
            continue
        if recipients is not None:
            letter_draft = dataclasses.replace(letter_draft, content=dataclasses.replace(letter_draft.content,
                                                                                      recipients=recipients))
        try:
            content = pipeline.fill(letter_draft)
        except PtdraftError as exc:
            problems.append(RowProblem(number, "", exc.message))
            continue
        shown = tuple(content.recipients)
        name = _file_name(given_name, number - table.first_row + 1, shown)
        if name.casefold() in names:
            problems.append(RowProblem(number, next((c.name for c in columns if c.target is Target.FILE_NAME), "Tên tệp"),
                                       f"tên tệp '{name}' trùng với dòng {names[name.casefold()]}"))
            continue
        names[name.casefold()] = number
        letters.append(Letter(number, letter_draft, name, shown, content))
    return Plan(columns, tuple(letters), tuple(problems))


def file_copy(draft: Draft, letters: Sequence[Letter]) -> Draft:
    """The office's file copy (bản lưu): the letter with every row's recipients in Kính gửi, in row order."""
    everyone: list[str] = []
    for letter in letters:
        for name in letter.recipients:
            if name not in everyone:
                everyone.append(name)
    base = letters[0].draft if letters else draft
    return dataclasses.replace(base, content=dataclasses.replace(base.content, recipients=tuple(everyone)),
                               values={**base.values, **_recipient_values(draft, everyone)})


def _recipient_values(draft: Draft, everyone: list[str]) -> dict[str, Value]:
    item = _recipients_field(draft)
    return {item.id: list(everyone)} if item is not None and item.kind is FieldKind.LIST else {}


# -- writing ---------------------------------------------------------------------------------------------


def write(merge: Plan, folder: Path, *, skip_bad_rows: bool = False, replace: bool = False, pdf: bool = False,
          one_file: str | None = None, with_file_copy: bool = True,
          progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> Summary:
    """Write the planned letters into ``folder``.

    With problems and ``skip_bad_rows`` False nothing is written (InputError listing them). Files
    that already exist are refused unless ``replace``. ``one_file`` names one DOCX holding every
    letter, each starting on a new page. ``progress(done, total)`` is called after each letter;
    ``cancelled()`` True stops after the letter being written, leaving complete files only.
    """
    folder = Path(folder)
    if merge.problems and not skip_bad_rows:
        shown = "; ".join(str(p) for p in merge.problems[:10])
        more = f" (và {len(merge.problems) - 10} dòng khác)" if len(merge.problems) > 10 else ""
        raise InputError(f"{len(merge.problems)} dòng lỗi, chưa ghi tệp nào: {shown}{more}", "bảng danh sách")
    if not merge.letters:
        raise InputError("không có dòng nào để ghi", "bảng danh sách")
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        pass
    if not folder.is_dir():
        raise OutputError("thư mục kết quả không có và không tạo được", str(folder))
    names = [one_file] if one_file else [letter.file_name for letter in merge.letters]
    copy_name = "ban-luu.docx" if with_file_copy and not one_file else None
    targets = [folder / n for n in names] + ([folder / copy_name] if copy_name else [])
    if not replace:
        existing = [t.name for t in targets if t.exists()]
        if existing:
            raise OutputError(f"đã có tệp {', '.join(existing[:5])}{' …' if len(existing) > 5 else ''}; "
                              "chọn thư mục khác hoặc cho phép ghi đè", str(folder))
    written: list[Path] = []
    total = len(merge.letters)
    stopped = False
    try:
        if one_file:
            from ptdraft import docx_writer

            layouts = []
            for done, letter in enumerate(merge.letters, start=1):
                layouts.append(letter.layout())
                if progress:
                    progress(done, total)
                if cancelled and cancelled():
                    stopped = True
                    break
            if not stopped:
                disk.write_atomic(folder / one_file, docx_writer.to_bytes_many(layouts), sync=False, other_name=False)
                written.append(folder / one_file)
        else:
            # Files are created by a few threads while this one builds the next letters: creating a file costs
            # about as much as building a letter, and the two overlap.
            with ThreadPoolExecutor(max_workers=WRITER_THREADS) as pool:
                pending = []
                for done, letter in enumerate(merge.letters, start=1):
                    target = folder / letter.file_name
                    pending.append((target, pool.submit(disk.write_atomic, target, letter.docx(), sync=False, other_name=False)))
                    if progress:
                        progress(done, total)
                    if cancelled and cancelled() and done < total:
                        stopped = True
                        break
                for target, future in pending:
                    future.result()  # the first failure raises, after every started file is complete
                    written.append(target)
        copy_path = None
        if copy_name and not stopped:
            copy_path = folder / copy_name
            copy_data = pipeline.docx_bytes(file_copy(merge.letters[0].draft, merge.letters))
            disk.write_atomic(copy_path, copy_data, sync=False, other_name=False)
    finally:
        disk.sync_files(written)
    pdfs: tuple[Path, ...] = ()
    if pdf and written and not stopped:
        from ptdraft.outputs import libreoffice

        pdfs = tuple(libreoffice.to_pdf(written, folder).values())
    return Summary(tuple(written), pdfs, merge.problems, stopped, copy_path)
