"""Text rules: the national title and motto, the number and symbol, the date, V/v, Kính gửi and Nơi nhận
punctuation, the "Lưu: VT, …" line, signing-authority prefixes, the closing "./.", and which elements
must be present and in what order.

Text fixes are offered only when they change punctuation, spacing or leading zeros, never a word.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from ptdraft import rules
from ptdraft.reference import doctypes, forms
from ptdraft.ooxml.document import DocInfo
from ptdraft.checker.findings import ELEMENT_NAMES, Finding, Result, box_of, excerpt, text_fix
from ptdraft.reference.forms import SIGNING_PREFIX as _PREFIX, SYMBOL
from ptdraft.checker.recognise import APPENDIX_REQUIRED, DASHES, Part, Recognised, fold, starts_with_dash, text_of
from ptdraft.reference.dates import date_words
from ptdraft.rules import Element

# FORMAT.md §6.1 and §5.1 (the patterns a checker can use), with a blank number or date allowed:
# the records office writes them in by hand after signing.
NUMBER_LINE = re.compile(r"^Số:[ \u00a0]+(?P<num>[^/]*?)[ \u00a0]*/(?P<symbol>.*)$")
NUMBER = re.compile(r"^(0[1-9]|[1-9]\d+)$")
DATE = re.compile(r"^[^,]+, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")
_DATE_LOOSE = re.compile(
    r"^(?P<place>[^,]*?)\s*,?\s*ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})\s*[.;]?$"
)
_DATE_BLANK = re.compile(r"^(?:[^,]+, )?ngày[\s.…_]*tháng[\s.…_]*năm(?:[\s.…_]*|\s+\d{4})$")
# The day left blank, the month and year written ("Hà Nội, ngày      tháng 11 năm 2023"): the decree's blank form too.
_DATE_BLANK_DAY = re.compile(r"^(?:[^,]+, )?ngày[\s.…_]*tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")
_DATE_BLANK_DAY_LOOSE = re.compile(
    r"^(?P<place>[^,]*?)\s*,?\s*ngày[\s.…_]*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})\s*[.;]?$"
)
_GOOD_PREFIX = re.compile(r"^(TM|KT|TL|TUQ|Q)\. \S")
_DRAFTER = re.compile(r"^[A-ZĐ]+\.?\(\d+\)\.?$")
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _result(rule: str, element: Element, section: str, doc: DocInfo, part: Part | None, message: str,
            fix: str, repair=None) -> Result:
    index = part.index if part else None
    shown = text_of(doc, part) if part else ""
    return Result(Finding(rule, box_of(element), section, index, excerpt(shown), message, fix, repair is not None), repair)


def _replace(doc: DocInfo, part: Part, new: str):
    """A text fix that puts ``new`` in place of the part's text, or None if it would change a word."""
    text = doc.paragraphs[part.index].text
    return text_fix(part.index, text, text[:part.start] + new + text[part.end:])


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _tone_free(text: str) -> str:
    """Tone marks moved to the end of each syllable, so "HOÀ" (old placement) equals "HÒA" (new)."""
    out = []
    for syllable in unicodedata.normalize("NFD", text).split(" "):
        tones = "".join(ch for ch in syllable if ch in _TONES)
        out.append("".join(ch for ch in syllable if ch not in _TONES) + tones)
    return unicodedata.normalize("NFC", " ".join(out))


def _shown(doc: DocInfo, part: Part) -> str:
    return doc.paragraphs[part.index].shown[part.start:part.end]


# -- box 1 ----------------------------------------------------------------------------

def title_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """The national title spelled exactly (tone mark on the old or the new vowel); the motto exactly."""
    out: list[Result] = []
    title = found.first(Element.NATIONAL_TITLE)
    if title is not None:
        text = _flat(_shown(doc, title))
        if _tone_free(text).casefold() != _tone_free(rules.NATIONAL_TITLE).casefold():
            out.append(_result("national-title.text", Element.NATIONAL_TITLE, "§3.2", doc, title,
                               f"Quốc hiệu viết sai: \"{text}\".", f"Viết đúng: \"{rules.NATIONAL_TITLE}\".",
                               _replace(doc, title, rules.NATIONAL_TITLE) if text == _flat(text_of(doc, title)) else None))
    motto = found.first(Element.MOTTO)
    if motto is not None:
        text = _flat(_shown(doc, motto))
        if text != rules.MOTTO:
            same_case = text == _flat(text_of(doc, motto))
            out.append(_result("motto.text", Element.MOTTO, "§3.2", doc, motto,
                               f"Tiêu ngữ viết sai: \"{text}\".",
                               f"Viết đúng: \"{rules.MOTTO}\" (chữ đầu mỗi cụm viết hoa, giữa các cụm có gạch nối và cách chữ).",
                               _replace(doc, motto, rules.MOTTO) if same_case else None))
    return out


# -- box 3 ----------------------------------------------------------------------------

def _symbol_ok(symbol: str) -> bool:
    """The symbol's form (FORMAT.md §6.1), with the official mixed-case codes ("QĐ-TTg") taken as written."""
    if SYMBOL.match(symbol):
        return True
    groups = symbol.split("-")
    return len(groups) > 1 and bool(SYMBOL.match("-".join(
        [groups[0]] + [g.upper() if g in doctypes.MIXED_CASE_CODES else g for g in groups[1:]])))


def _one_group(doc: DocInfo, part: Part, symbol: str, wanted: str | None, number: str) -> Result:
    """A symbol of one abbreviation ("Số: 120/UBND"): what its second group should be (FORMAT.md §6.1)."""
    if wanted is None:  # a công văn: the issuer's abbreviation, then the drafting unit's or the field's
        message = (f"Ký hiệu công văn \"{symbol}\" chỉ có một nhóm chữ viết tắt: ký hiệu công văn gồm chữ viết tắt "
                   "tên cơ quan ban hành, dấu \"-\", rồi chữ viết tắt tên đơn vị soạn thảo hoặc lĩnh vực.")
        fix = (f"Viết \"Số: {number}/{symbol}-<đơn vị soạn thảo hoặc lĩnh vực>\", ví dụ \"Số: {number}/{symbol}-VP\" "
               "(Văn phòng soạn thảo).")
    elif symbol == wanted:  # "QĐ" alone: the issuer is missing
        message = (f"Ký hiệu \"{symbol}\" chỉ có chữ viết tắt tên loại: văn bản có tên loại ghi chữ viết tắt tên loại, "
                   "dấu \"-\", rồi chữ viết tắt tên cơ quan ban hành.")
        fix = f"Viết \"Số: {number}/{symbol}-<cơ quan ban hành>\", ví dụ \"Số: {number}/{symbol}-UBND\"."
    else:  # "UBND" alone on a Quyết định: the type code is missing
        message = (f"Ký hiệu \"{symbol}\" thiếu chữ viết tắt tên loại \"{wanted}\": văn bản có tên loại ghi chữ viết tắt "
                   "tên loại, dấu \"-\", rồi chữ viết tắt tên cơ quan ban hành.")
        fix = f"Viết \"Số: {number}/{wanted}-{symbol}\"."
    return _result("number.form", Element.NUMBER, "§6.1", doc, part, message, fix)


def number_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """FORMAT.md §6: "Số: 05/QĐ-UBND"; no type code for a công văn; the type code from the decree's table."""
    part = found.first(Element.NUMBER)
    if part is None:
        return []
    out: list[Result] = []
    text = text_of(doc, part)
    fixed = text
    if not NUMBER_LINE.match(text):
        fixed = re.sub(r"^Số\s*[:.]?\s*", "Số: ", text)
        fixed = re.sub(r"\s*/\s*", "/", fixed, count=1).replace("Số:/", "Số: /")
    match = NUMBER_LINE.match(fixed)
    if match is None:
        return [_result("number.form", Element.NUMBER, "§6.1", doc, part,
                        "Dòng số, ký hiệu không đúng dạng \"Số: 05/QĐ-UBND\".",
                        "Viết \"Số\", dấu hai chấm, một dấu cách, số, dấu \"/\" rồi ký hiệu.")]
    number, symbol = match["num"].strip(" \u00a0.…_"), match["symbol"].strip()
    new_number, new_symbol = match["num"], symbol
    problems: list[tuple[str, str, bool]] = []  # (rule, message, corrected in the fix)
    year = re.match(r"^(\d{4})\s*/\s*", symbol)
    if year and forms.PARLIAMENT_CODE.match(symbol[year.end():]):
        return []  # the Quốc hội's own form ("653/2019/UBTVQH14"): a law's or resolution's number, not the decree's
    if year and not doctypes.number_year_allowed(found.doc_type, int(year[1])):
        # A Quyết định, a Nghị quyết (and a Chỉ thị before 2016) may be legal normative documents: their year stays.
        problems.append(("number.form", f"Văn bản hành chính không ghi năm ban hành trong số, ký hiệu (\"{year[1]}/\"); "
                         "chỉ văn bản quy phạm pháp luật (nghị quyết, quyết định; chỉ thị trước năm 2016) mới ghi "
                         "năm.", False))
    if year:
        symbol = new_symbol = symbol[year.end():]
    if fixed != text:
        problems.append(("number.form", "Dòng số, ký hiệu không đúng dạng \"Số: 05/QĐ-UBND\" (\"Số\", dấu hai chấm, "
                         "một dấu cách, số, \"/\", ký hiệu).", True))
    if number and not NUMBER.match(number):
        if number.isdigit() and int(number) > 0:
            new_number = f"{int(number):02d}"
            problems.append(("number.leading-zero", f"Số \"{number}\": số nhỏ hơn 10 có số 0 ở trước (01…09), "
                             "số từ 10 trở lên không có số 0 ở trước.", True))
        else:
            problems.append(("number.form", f"Số \"{number}\" không phải số thứ tự bằng chữ số Ả Rập.", False))
    wanted = doctypes.abbreviation(found.doc_type) if found.doc_type else None
    single = _symbol_ok(f"{symbol}-X") and "-" not in symbol  # "UBND", "QĐ", "PC08": one abbreviation only
    if single:
        if wanted or symbol not in doctypes.ABBREVIATIONS.values():  # a type code alone: number.type-code says it
            out.append(_one_group(doc, part, symbol, wanted, number or "05"))
    elif not _symbol_ok(symbol):
        tight = re.sub(r"\s*-\s*", "-", symbol)
        new_symbol = tight if _symbol_ok(tight) else symbol
        problems.append(("number.form", f"Ký hiệu \"{symbol}\" không đúng dạng: các nhóm chữ viết tắt in hoa nối "
                         "bằng \"-\", không có dấu cách.", new_symbol != symbol))
    kept_year = year.group() if year else ""
    final = fixed[: match.start("num")] + new_number + fixed[match.end("num"): match.start("symbol")] + kept_year + new_symbol
    repair = _replace(doc, part, final)
    for rule, message, corrected in problems:
        out.append(_result(rule, Element.NUMBER, "§6.1", doc, part, message,
                           f"Viết: \"{_flat(final)}\"." if corrected else
                           "Viết dạng \"Số: 05/QĐ-UBND\" (văn bản có tên loại) hoặc \"Số: 05/UBND-VP\" (công văn).",
                           repair if corrected else None))
    code = new_symbol.split("-")[0]
    codes = set(doctypes.ABBREVIATIONS.values())
    if found.doc_type:
        if wanted and code == f"{wanted}LT" and not single:
            # The older joint form ("KHLT-SYT-SGDĐT"): the decree names every issuer after the type's code instead.
            out.append(_result("number.type-code", Element.NUMBER, "§6.2", doc, part,
                               f"Ký hiệu \"{code}\" của văn bản liên tịch theo mẫu cũ; Nghị định 30 ghi chữ viết tắt "
                               f"tên loại \"{wanted}\" rồi tên các cơ quan cùng ban hành.",
                               f"Viết \"{'-'.join([wanted, *new_symbol.split('-')[1:]])}\"."))
        elif wanted and code != wanted and not single:
            out.append(_result("number.type-code", Element.NUMBER, "§6.2", doc, part,
                               f"{found.doc_type} có chữ viết tắt tên loại \"{wanted}\", ký hiệu lại ghi \"{code}\".",
                               f"Viết ký hiệu dạng {wanted}-<chữ viết tắt tên cơ quan>."))
    elif code in codes or code.upper() == "CV":
        out.append(_result("number.type-code", Element.NUMBER, "§6.2", doc, part,
                           f"Công văn không có chữ viết tắt tên loại, ký hiệu lại bắt đầu bằng \"{code}\""
                           + (" (hay văn bản thiếu tên loại?)." if code in codes else "."),
                           "Ký hiệu công văn: <chữ viết tắt tên cơ quan>-<chữ viết tắt đơn vị soạn thảo>, ví dụ UBND-VP."))
    return out


# -- box 4 ----------------------------------------------------------------------------

def date_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """FORMAT.md §5.1: "<Địa danh>, ngày 05 tháng 3 năm 2026"; 0 before days 1–9 and months 1 and 2 only."""
    part = found.first(Element.PLACE_DATE)
    if part is None:
        return []
    text = _flat(text_of(doc, part))
    if DATE.match(text) or _DATE_BLANK.match(text) or _DATE_BLANK_DAY.match(text):
        return []
    loose = _DATE_LOOSE.match(text)
    valid = None
    if loose:
        try:
            valid = date_words(_dt.date(int(loose["y"]), int(loose["m"]), int(loose["d"])))
        except ValueError:
            valid = None
    elif (loose := _DATE_BLANK_DAY_LOOSE.match(text)) and 1 <= int(loose["m"]) <= 12:
        valid = date_words(None, int(loose["m"]), int(loose["y"]))  # the day left blank, the month written wrong
    if loose is None or valid is None or not loose["place"].strip():
        return [_result("date.form", Element.PLACE_DATE, "§5.1", doc, part,
                        f"Địa danh, ngày tháng năm không đúng dạng: \"{text}\".",
                        "Viết dạng \"Hà Nội, ngày 05 tháng 3 năm 2026\": địa danh, dấu phẩy, ngày tháng năm bằng chữ số Ả Rập.")]
    wanted = f"{loose['place'].strip()}, {valid}"
    same_numbers = [int(n) for n in re.findall(r"\d+", text)] == [int(n) for n in re.findall(r"\d+", wanted)]
    if same_numbers and re.sub(r"\d+", "#", text) == re.sub(r"\d+", "#", _flat(wanted)):
        return [_result("date.leading-zero", Element.PLACE_DATE, "§5.1", doc, part,
                        "Ngày dưới 10 và tháng 1, 2 phải có số 0 ở trước; tháng 3 đến 9 không có số 0 ở trước.",
                        f"Viết: \"{wanted}\".", _replace(doc, part, wanted))]
    return [_result("date.form", Element.PLACE_DATE, "§5.1", doc, part,
                    f"Địa danh, ngày tháng năm không đúng dạng: \"{text}\".", f"Viết: \"{wanted}\".",
                    _replace(doc, part, wanted))]


# -- box 5b ---------------------------------------------------------------------------

def vv_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    part = found.first(Element.SUBJECT_VV)
    if part is None:
        return []
    text = _flat(_shown(doc, part))
    if found.doc_type:
        return [_result("vv.form", Element.SUBJECT_VV, "§3.2", doc, part,
                        f"Trích yếu \"V/v\" chỉ dùng cho công văn; đây là {found.doc_type}.",
                        "Đặt trích yếu dưới tên loại văn bản, không ghi \"V/v\".")]
    if text.startswith("V/v ") and len(text) > 4 and text[4] not in ":.-":
        return []
    fixed = re.sub(r"^V\s*/\s*v\s*[:.\-]*\s*", "V/v ", _flat(text_of(doc, part)))
    return [_result("vv.form", Element.SUBJECT_VV, "§3.2", doc, part,
                    f"Trích yếu công văn phải mở đầu bằng \"V/v\" rồi nội dung: \"{excerpt(text)}\".",
                    "Viết \"V/v <tóm tắt nội dung>\" (chữ V hoa, chữ v thường, không có dấu hai chấm).",
                    _replace(doc, part, fixed))]


# -- boxes 9a and 9b: lists -------------------------------------------------------------

def _core(text: str) -> str:
    return text.strip().lstrip(DASHES).strip().rstrip(";.,:").rstrip()


def _list_rules(doc: DocInfo, lines: list[Part], element: Element, rule: str, what: str,
                open_end: bool = False) -> list[Result]:
    """Each entry: "- text;" and the last "- text."; an entry may wrap onto following lines without a dash.

    ``open_end``: the list is missing its last line (no "Lưu"), so its current last line may end with ";".
    """
    entries: list[list[Part]] = []
    for part in lines:
        if not entries or _has_dash(doc, part) or text_of(doc, entries[-1][-1]).rstrip()[-1:] in (";", "."):
            entries.append([part])
        else:
            entries[-1].append(part)
    out: list[Result] = []
    for number, entry in enumerate(entries):
        end = "." if number == len(entries) - 1 else ";"
        first, last = entry[0], entry[-1]
        if _DRAFTER.match(text_of(doc, first).strip()) and number == len(entries) - 1 and len(entries) > 1:
            continue  # "PL.(300)": the drafter's initials and copy count under "Lưu"
        dash_ok = _has_dash(doc, first) and (text_of(doc, first).lstrip()[:2] == "- " or doc.paragraphs[first.index].bullet)
        first_text = text_of(doc, first)
        last_text = text_of(doc, last).rstrip()
        end_ok = (last_text.endswith(end) or (open_end and end == "." and last_text.endswith(";"))) \
            and not last_text.endswith(("..", ";.", ".;"))
        if len(entry) == 1:
            prefix = "" if doc.paragraphs[first.index].bullet and not starts_with_dash(first_text) else "- "
            good = f"{prefix}{_core(first_text)}{end}"
            repair = _replace(doc, first, good)
        if not dash_ok:
            good_first = "- " + first_text.strip().lstrip(DASHES).strip()
            out.append(_result(f"{rule}.dash", element, "§7", doc, first,
                               f"Dòng {what} phải bắt đầu bằng gạch đầu dòng \"- \".", f"Viết: \"{excerpt(good_first)}\".",
                               repair if len(entry) == 1 else _replace(doc, first, good_first)))
        if not end_ok:
            good_last = last_text.rstrip(";.,:").rstrip() + end
            wanted = "dấu chấm \".\" (dòng cuối)" if end == "." else "dấu chấm phẩy \";\""
            out.append(_result(f"{rule}.punctuation", element, "§7", doc, last,
                               f"Dòng {what} phải kết thúc bằng {wanted}.", f"Viết: \"{_tail(good_last)}\".",
                               repair if len(entry) == 1 else _replace(doc, last, good_last)))
    return out


def _tail(text: str) -> str:
    flat = _flat(text)
    return flat if len(flat) <= 50 else "…" + flat[-49:]


def _has_dash(doc: DocInfo, part: Part) -> bool:
    bullet = doc.paragraphs[part.index].bullet
    return starts_with_dash(text_of(doc, part)) or (bool(bullet) and (bullet in DASHES or "\uf000" <= bullet[0] <= "\uf0ff"))


def recipient_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """FORMAT.md §7: "Kính gửi:"; one recipient on the same line; several as "- X;" … "- Y."."""
    label = found.recipients_label
    if label is None:
        return []
    out: list[Result] = []
    text = text_of(doc, label)
    match = re.match(r"^\s*kính gửi\s*(?P<colon>:?)\s*(?P<rest>.*)$", text, re.IGNORECASE | re.DOTALL)
    head = text[: match.start("rest")] if match else text
    if match is None or not head.strip().startswith("Kính gửi") or not match["colon"]:
        fixed = "Kính gửi:" + (" " + match["rest"] if match and match["rest"] else "")
        out.append(_result("recipients.label", Element.RECIPIENTS, "§7", doc, label,
                           "Phải viết \"Kính gửi:\" (có dấu hai chấm).", "Viết \"Kính gửi:\" rồi tên nơi nhận.",
                           _replace(doc, label, fixed)))
    rest = match["rest"].strip() if match else ""
    if not found.recipients:
        if rest and (";" in rest.rstrip(";") or rest.endswith((";", ","))):
            several = ";" in rest.rstrip(";")
            out.append(_result("recipients.punctuation", Element.RECIPIENTS, "§7", doc, label,
                               "Nhiều nơi nhận phải viết mỗi nơi một dòng, mở đầu \"- \", kết thúc \";\", dòng cuối \".\"."
                               if several else "Một nơi nhận viết cùng dòng với \"Kính gửi:\", không có dấu \";\" ở cuối.",
                               "Tách mỗi nơi nhận một dòng." if several else "Bỏ dấu ở cuối.",
                               None if several else _replace(doc, label, text.rstrip().rstrip(";,").rstrip())))
        return out
    lines = list(found.recipients)
    if rest:
        start = label.start + text[label.start:].index(rest)
        lines.insert(0, Part(Element.RECIPIENTS, label.index, start, start + len(rest)))
    return out + _list_rules(doc, lines, Element.RECIPIENTS, "recipients", "Kính gửi")


def distribution_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """FORMAT.md §7: "Nơi nhận:", "- X;" lines, "- Như trên;" first after a Kính gửi, "- Lưu: VT, …." last."""
    label = found.distribution_label
    if label is None:
        return []
    out: list[Result] = []
    text = _flat(text_of(doc, label))
    if text != rules.DISTRIBUTION_LABEL:
        out.append(_result("distribution.label", Element.DISTRIBUTION_LABEL, "§7", doc, label,
                           f"Phải viết \"{rules.DISTRIBUTION_LABEL}\" (chữ thường, có dấu hai chấm).",
                           f"Viết \"{rules.DISTRIBUTION_LABEL}\".", _replace(doc, label, rules.DISTRIBUTION_LABEL)))
    lines = list(found.distribution)
    cores = [(_core(text_of(doc, p)), p) for p in lines]
    has_archive = any(fold(c).startswith("luu") for c, _p in cores)
    out.extend(_list_rules(doc, lines, Element.DISTRIBUTION, "distribution", "nơi nhận", open_end=not has_archive))
    if found.recipients_label is not None and cores and not fold(cores[0][0]).startswith("nhutren"):
        out.append(_result("distribution.nhu-tren", Element.DISTRIBUTION, "§7", doc, lines[0],
                           "Văn bản có phần Kính gửi: dòng đầu của Nơi nhận phải là \"- Như trên;\".",
                           "Thêm dòng \"- Như trên;\" ở đầu danh sách nơi nhận."))
    archive = [(c, p) for c, p in cores if fold(c).startswith("luu")]
    if not archive:
        out.append(_result("archive.missing", Element.DISTRIBUTION, "§7", doc, lines[-1] if lines else label,
                           "Nơi nhận thiếu dòng \"- Lưu: VT, …\".",
                           "Thêm dòng cuối \"- Lưu: VT, <đơn vị soạn thảo>.\"."))
        return out
    core, part = archive[-1]
    tail = [c for c, _p in cores[cores.index((core, part)) + 1:]]
    if not re.match(r"^Lưu: VT\b", core):
        fixed = re.sub(r"^Lưu\s*[:.]?\s*", "Lưu: ", core)
        body = text_of(doc, part)
        start = part.start + body.index(core)
        repair = _replace(doc, Part(part.element, part.index, start, start + len(core)), fixed) if fixed.startswith("Lưu: VT") else None
        out.append(_result("archive.form", Element.DISTRIBUTION, "§7", doc, part,
                           f"Dòng lưu phải có dạng \"Lưu: VT, <đơn vị soạn thảo>.\": \"{excerpt(core)}\".",
                           "Viết \"- Lưu: VT, …\" (VT là Văn thư cơ quan).", repair))
    if tail and not all(_DRAFTER.match(c + ".") or _DRAFTER.match(c) for c in tail):
        out.append(_result("archive.form", Element.DISTRIBUTION, "§7", doc, part,
                           "Dòng \"- Lưu: VT, …\" phải là dòng cuối của Nơi nhận.", "Chuyển dòng \"Lưu\" xuống cuối."))
    return out


# -- box 7 and the end of the body ---------------------------------------------------------

def signature_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """FORMAT.md §8: TM., KT., TL., TUQ., Q. in capitals with a full stop."""
    out: list[Result] = []
    for part in found.of(Element.SIGN_AUTHORITY, Element.SIGN_POSITION):
        text = _flat(_shown(doc, part))
        match = _PREFIX.match(text)
        if match is None or _GOOD_PREFIX.match(text):
            continue
        good = match["prefix"].replace(".", "").replace("/", "").upper() + ". " + text[match.end():]
        raw = _flat(text_of(doc, part))
        raw_match = _PREFIX.match(raw)
        repair = None
        if raw_match and raw == text:
            repair = _replace(doc, part, raw_match["prefix"].replace(".", "").replace("/", "") + ". " + raw[raw_match.end():])
        out.append(_result("signature.authority-form", part.element, "§8", doc, part,
                           f"Quyền hạn ký viết \"{match.group().strip()}\"; phải viết \"{good.split()[0]}\" "
                           "(chữ in hoa, có dấu chấm, rồi một dấu cách).",
                           f"Viết: \"{good}\".", repair))
    return out


def end_mark_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """The body ends with "./." (every Phụ lục III sample, FORMAT.md §4.1)."""
    if not found.body:
        return []
    index = found.body[-1]
    text = doc.paragraphs[index].text
    if text.rstrip().endswith(rules.END_MARK):
        return []
    part = Part(Element.BODY, index, 0, len(text.rstrip()))
    good = text.rstrip().rstrip(".;,:").rstrip() + rules.END_MARK
    return [_result("body.end-mark", Element.BODY, "§4.1", doc, part,
                    f"Nội dung văn bản phải kết thúc bằng dấu \"{rules.END_MARK}\".",
                    f"Thêm \"{rules.END_MARK}\" vào cuối đoạn cuối của nội dung.", _replace(doc, part, good))]


# -- presence and order ------------------------------------------------------------------

_ORDER = (
    (Element.NATIONAL_TITLE, Element.MOTTO),
    (Element.PARENT_AUTHORITY, Element.AUTHORITY),
    (Element.AUTHORITY, Element.NUMBER),
    (Element.NUMBER, Element.SUBJECT_VV),
    (Element.MOTTO, Element.PLACE_DATE),
    (Element.PLACE_DATE, Element.DOC_TYPE),
    (Element.DOC_TYPE, Element.SUBJECT),
    (Element.SUBJECT, Element.RECIPIENTS),
    (Element.RECIPIENTS, Element.BODY),
    (Element.SIGN_AUTHORITY, Element.SIGN_NAME),
)


def _missing(doc: DocInfo, element: Element) -> Result:
    name = ELEMENT_NAMES.get(element, element.name)
    box = box_of(element)
    where = f" (ô số {box})" if box[:1].isdigit() else ""  # the appendix's lines have no box number
    return _result("element.missing", element, "§3", doc, None,
                   f"Không tìm thấy thành phần bắt buộc: {name}{where}.",
                   f"Thêm {name[0].lower() + name[1:]} đúng vị trí theo Nghị định 30.")


def presence_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """The required elements of Điều 8.2 are there, and in the decree's order."""
    out: list[Result] = []
    present = {part.element for part in found.parts}
    if found.appendix:
        return [_missing(doc, element) for element in APPENDIX_REQUIRED if element not in present]
    required = [Element.NATIONAL_TITLE, Element.MOTTO, Element.AUTHORITY, Element.NUMBER, Element.BODY,
                Element.SIGN_NAME, Element.DISTRIBUTION_LABEL]
    if found.doc_type != "Biên bản":
        required.append(Element.PLACE_DATE)
    if found.doc_type:
        required.append(Element.DOC_TYPE)
        if found.doc_type not in doctypes.NO_SUBJECT:
            required.append(Element.SUBJECT)
    else:
        required.extend((Element.SUBJECT_VV, Element.RECIPIENTS))
    if not present & {Element.SIGN_AUTHORITY, Element.SIGN_POSITION}:
        required.append(Element.SIGN_AUTHORITY)
    for element in required:
        if element is Element.SIGN_NAME and element not in present and found.name_marks:
            mark = found.name_marks[-1]
            shown = " ".join(text_of(doc, mark).split())
            out.append(_result("element.missing", element, "§8", doc, mark,
                               f"Không có họ tên người ký (ô số 7b): ở chỗ họ tên chỉ có \"{shown}\", chữ ghi thay chữ "
                               "ký của bản đã ký, không phải họ tên.",
                               "Ghi họ tên người ký ở dòng cuối khối chữ ký, dưới khoảng trống để ký."))
        elif element not in present:
            out.append(_missing(doc, element))
    for before, after in _ORDER:
        first, second = found.first(before), found.first(after)
        if first is not None and second is not None and (second.index, second.start) < (first.index, first.start):
            out.append(_result("element.order", after, "§3.1", doc, second,
                               f"{ELEMENT_NAMES[after]} đứng trước {ELEMENT_NAMES[before][0].lower() + ELEMENT_NAMES[before][1:]}.",
                               f"Đặt {ELEMENT_NAMES[after][0].lower() + ELEMENT_NAMES[after][1:]} sau "
                               f"{ELEMENT_NAMES[before][0].lower() + ELEMENT_NAMES[before][1:]}."))
    return out


TEXT_RULES = (presence_rules, title_rules, number_rules, date_rules, vv_rules, recipient_rules, distribution_rules,
              signature_rules, end_mark_rules)
