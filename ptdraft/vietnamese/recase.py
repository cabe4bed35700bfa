"""A line typed all in capitals put back in the case Phụ lục II of Nghị định 30 writes it in.

Law-text websites print a decision's summary (trích yếu) in capitals ("VỀ VIỆC BAN HÀNH QUY CHẾ …"); the decree
prints it in ordinary case: a capital at the start, the rest in small letters, except what Phụ lục II capitalises:

- names of bodies and organisations: the words of the body's kind and of its field ("Ủy ban nhân dân", "Bộ Chính
  trị", "Bộ Tài nguyên và Môi trường", "Sở Giáo dục và Đào tạo"), and a post named with its body ("Chủ tịch Ủy ban
  nhân dân tỉnh");
- place names: every syllable of the name, the generic word in small letters ("tỉnh Tiền Giang", "xã Tân Lập"),
  from the administrative-units data (:mod:`ptdraft.reference.admin_units`), and "Thủ đô Hà Nội", "Việt Nam";
- a document cited by its type: the type word before a number ("Nghị quyết số 15-NQ/TW", "Quyết định này"), a law's
  name ("Luật Đất đai"), a text the decision issues ("ban hành Quy chế …");
- holidays, lunar months and years, orders and titles ("Tết Nguyên đán", "tháng Giêng", "Giáp Thìn", "Huân chương
  Lao động hạng Nhất"), and the parts of a text by :mod:`.capitals` ("Điều 5", "Phụ lục III", "khoản 2").

Codes and abbreviations stay as typed: symbols ("15-NQ/TW", "QĐ-UBND"), acronyms that are no Vietnamese syllable
("UBND", "TTHC", "MARPOL") and Roman numerals after a part or a term ("Phụ lục III", "khóa XV"). Any other word goes
to small letters, a person's name too: a mixed line is worse than one in small letters, and the caller tells the
clerk to check proper names.

    from_capitals("BAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ CỦA ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG")
    # → "Ban hành Quy định về quản lý của Ủy ban nhân dân tỉnh Tiền Giang"
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ptdraft.reference import admin_units
from ptdraft.vietnamese.capitals import capitalisation
from ptdraft.vietnamese.letters import with_case
from ptdraft.vietnamese.words import WordClass, classify

# Names written with the decree's capitals; a word capitalised here is capitalised where the phrase is found.
_BODIES = (
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Chính phủ", "Thủ tướng Chính phủ", "Phó Thủ tướng Chính phủ", "Thủ tướng",
    "Quốc hội", "Ủy ban Thường vụ Quốc hội", "Đoàn đại biểu Quốc hội", "Bộ Chính trị", "Ban Bí thư",
    "Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng", "Trung ương Đảng", "Đảng Cộng sản Việt Nam",
    "Ban Thường vụ", "Ban Chấp hành", "Đảng ủy", "Đảng bộ", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy",
    "Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Chủ tịch nước", "Phó Chủ tịch nước", "Tổng Bí thư", "Văn phòng Chính phủ", "Văn phòng Quốc hội",
    "Văn phòng Trung ương Đảng", "Văn phòng Chủ tịch nước", "Thanh tra Chính phủ", "Kiểm toán nhà nước",
    "Kho bạc Nhà nước", "Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước", "Ngân hàng Chính sách xã hội",
    "Bảo hiểm xã hội Việt Nam", "Bảo hiểm xã hội", "Tòa án nhân dân tối cao", "Tòa án nhân dân",
    "Viện kiểm sát nhân dân tối cao", "Viện kiểm sát nhân dân", "Ủy ban Dân tộc", "Công an nhân dân",
    "Quân đội nhân dân Việt Nam", "Quân đội nhân dân", "Bộ đội Biên phòng", "Bộ Chỉ huy Quân sự",
    "Bộ Chỉ huy Bộ đội Biên phòng", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội Liên hiệp Phụ nữ Việt Nam",
    "Hội Liên hiệp Phụ nữ", "Hội Nông dân Việt Nam", "Hội Nông dân", "Hội Cựu chiến binh Việt Nam",
    "Hội Cựu chiến binh", "Tổng Liên đoàn Lao động Việt Nam", "Liên đoàn Lao động", "Hội Chữ thập đỏ",
    "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam", "Đài Phát thanh và Truyền hình",
    "Bảo vệ dân phố", "Cục Thuế", "Tổng cục Thuế", "Tổng cục Hải quan", "Cục Hải quan", "Cục Thống kê",
    "Tổng cục Thống kê", "Ban Chỉ đạo", "Ban Quản lý", "Ban Tổ chức", "Ban Tuyên giáo", "Ban Dân vận", "Ban Nội chính",
    "Ban Kinh tế", "Ban Pháp chế", "Ban Văn hóa - Xã hội", "Ban Dân tộc", "Ban Điều hành", "Ban Biên tập",
    "Ban Tiếp công dân", "Tổ công tác", "Ủy ban Kiểm tra", "Trung tâm Phục vụ hành chính công",
    "Liên minh Hợp tác xã Việt Nam", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "Cổng thông tin điện tử",
    "Ban Thi đua - Khen thưởng", "Hội đồng Thi đua - Khen thưởng",
)
# The fields of ministries, departments and offices: "Bộ", "Sở", "Phòng" and "Ban" with one of them name a body.
_FIELDS = (
    "Tài chính", "Tư pháp", "Công an", "Quốc phòng", "Ngoại giao", "Nội vụ", "Y tế", "Xây dựng", "Công Thương",
    "Giao thông vận tải", "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường", "Khoa học và Công nghệ",
    "Thông tin và Truyền thông", "Giáo dục và Đào tạo", "Lao động - Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch",
    "Văn hóa - Thể thao và Du lịch", "Văn hóa và Thể thao", "Văn hóa, Thể thao", "Văn hóa và Thông tin", "Văn hóa - Thông tin",
    "Tài nguyên và Môi trường", "Kế hoạch và Đầu tư", "Dân tộc và Tôn giáo", "Ngoại vụ", "Tài chính - Kế hoạch",
    "Kinh tế", "Kinh tế - Hạ tầng", "Kinh tế, Hạ tầng và Đô thị", "Kinh tế - Hạ tầng và Đô thị", "Quản lý đô thị",
    "Văn hóa - Xã hội", "Giáo dục", "Lao động - Thương binh", "Du lịch", "Thông tin", "Văn hóa", "Thể thao",
    "Nông nghiệp", "Tài nguyên", "Kế hoạch", "Thủy sản", "Lao động, Thương binh và Xã hội",
)
_PLACES = (
    "Việt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", "Thủ đô Hà Nội", "Lào", "Cộng hòa dân chủ nhân dân Lào",
    "Campuchia", "Vương quốc Campuchia", "Trung Quốc", "Hoa Kỳ", "Nhật Bản", "Hàn Quốc", "Liên bang Nga", "Ấn Độ",
    "Thái Lan", "Cu Ba", "Liên minh châu Âu", "Đông Nam Á", "Tây Nguyên", "Tây Bắc", "Đông Bắc", "Nam Bộ", "Bắc Bộ",
    "Trung Bộ", "Bắc Trung Bộ", "Nam Trung Bộ", "Đông Nam Bộ", "Tây Nam Bộ", "Duyên hải Nam Trung Bộ",
    "Đồng bằng sông Cửu Long", "Đồng bằng sông Hồng", "sông Hồng", "sông Cửu Long", "sông Mê Công", "Trường Sa",
    "Hoàng Sa", "Biển Đông", "Hồ Chí Minh",
)
_COMMON_WORD_NAMES = ("Hòa Bình", "Thái Bình")  # provinces named only after "tỉnh": "hòa bình" is "peace"
_OTHER = (
    "Tết", "Tết Nguyên đán", "Tết Trung thu", "Tết Dương lịch", "Tết Âm lịch", "Ngày hội Đại đoàn kết toàn dân tộc",
    "Ngày hội Quốc phòng toàn dân", "Quốc khánh", "Giỗ Tổ Hùng Vương", "tháng Giêng",
    "tháng Chạp", "Tổ quốc", "Bác Hồ", "Chủ tịch Hồ Chí Minh", "Huân chương", "Huân chương Sao vàng",
    "Huân chương Hồ Chí Minh", "Huân chương Độc lập", "Huân chương Lao động", "Huân chương Bảo vệ Tổ quốc",
    "Huân chương Quân công", "Huân chương Chiến công", "Huy chương", "hạng Nhất", "hạng Nhì", "hạng Ba", "Bằng khen",
    "Cờ thi đua", "Giấy khen", "Chiến sĩ thi đua toàn quốc", "Anh hùng Lao động", "Anh hùng Lực lượng vũ trang nhân dân",
    "Bà mẹ Việt Nam anh hùng", "Nhà giáo Nhân dân", "Nhà giáo Ưu tú", "Thầy thuốc Nhân dân", "Thầy thuốc Ưu tú",
    "Nghệ sĩ Nhân dân", "Nghệ sĩ Ưu tú", "Nghệ nhân Nhân dân", "Nghệ nhân Ưu tú", "Đảng", "Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Hiến pháp",
    "Đại hội Đảng bộ", "Đại hội Đảng toàn quốc", "Đại hội đại biểu toàn quốc", "Hội nghị Trung ương",
    # common words that would otherwise read as a name: never capitalised
    "đảng viên", "xã hội",
)
_POSTS = (
    "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Tổng Giám đốc", "Bộ trưởng", "Thứ trưởng",
    "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng ban", "Phó Trưởng ban", "Trưởng Ban", "Thống đốc", "Chủ nhiệm",
    "Chánh án", "Viện trưởng", "Cục trưởng", "Tổng Cục trưởng", "Trưởng phòng", "Chánh Thanh tra", "Tổng Kiểm toán",
    "Văn phòng", "Thanh tra", "Công an", "Thường trực", "Ủy viên",
)
# The two words of a lunar year ("Giáp Thìn", "Ất Tỵ"): the ten stems and twelve branches.
_STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
_BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Mẹo", "Thìn", "Tỵ", "Tị", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")

_UNITS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")
# Document types: before "số" or a number, "này" or (after "ban hành", "phê duyệt") the text a decision issues.
_TYPES = (
    "Nghị quyết", "Nghị định", "Quyết định", "Thông tư", "Thông tư liên tịch", "Nghị quyết liên tịch", "Chỉ thị",
    "Luật", "Bộ luật", "Pháp lệnh", "Kết luận", "Công văn", "Văn bản", "Kế hoạch", "Thông báo", "Quy định", "Quy chế",
    "Chương trình", "Đề án", "Hướng dẫn", "Công điện", "Lệnh", "Điều lệ", "Quy trình", "Chiến lược", "Quy hoạch",
    "Dự án", "Báo cáo", "Tờ trình", "Bộ tiêu chí", "Phương án", "Công ước", "Hiệp định",
)
_ISSUED = ("Kế hoạch", "Quy định", "Quy chế", "Chương trình", "Đề án", "Điều lệ", "Quy trình", "Chiến lược",
           "Quy hoạch", "Hướng dẫn", "Bộ tiêu chí", "Phương án")
_ISSUING = ("ban hành", "phê duyệt", "kèm theo", "điều của")
# A body a decision sets up or changes: its kind word takes a capital ("thành lập Hội đồng thẩm định", "kiện toàn Ban
# …", "thành lập Đoàn kiểm tra").
_FOUNDING = ("thành lập", "kiện toàn", "củng cố", "giải thể", "đổi tên", "tổ chức lại")
_BODY_KINDS = ("Hội đồng", "Ban", "Tổ", "Đoàn", "Ủy ban", "Trung tâm", "Quỹ", "Văn phòng", "Phòng", "Chi cục", "Cục",
               "Tiểu ban", "Tổ công tác", "Tổ giúp việc", "Ban Chỉ đạo", "Ban Quản lý")
# Laws whose name follows the type word ("Luật Đất đai", "Bộ luật Lao động"), and the words that begin no name.
_NAMED = ("Luật", "Bộ luật", "Pháp lệnh", "Công ước", "Hiệp định")
_NO_NAME = frozenset(("số", "này", "về", "của", "và", "các", "năm", "sửa", "sư", "hiện", "hành", "mới", "đã", "được"))


@functools.cache
def _no_name() -> frozenset[str]:
    return frozenset(admin_units.key(word) for word in _NO_NAME)


_PART_WORDS = ("phụ lục", "chương", "phần", "mục", "tiểu mục", "khóa", "khoá", "thứ", "kỳ", "đại hội", "điều")
# Acronyms spelled like a Vietnamese syllable, and foreign words an all-capitals line may hold in small letters.
_ACRONYMS = frozenset(("BOT", "VAT"))
_FOREIGN_WORDS = frozenset(("internet", "festival", "website", "online", "video", "camera", "logistics", "container"))
_ROMAN = re.compile(r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_RUN = re.compile(r"\w+(?:[-/.]\w+)*")


@dataclass
class _Token:
    text: str
    start: int
    end: int
    key: str
    gap: str  # the separator before it, spaces taken out ("", "-", ",", "(")
    code: bool  # kept as typed
    hard: bool = False  # a symbol or a number ("15-NQ/TW", "2030"): never a word of a name
    capital: bool = False
    claimed: bool = False
    spelled: str = ""  # a name's letters as the data spells them ("KBang"), when its case is to be copied


def _gap(text: str) -> str:
    stripped = "".join(text.split())
    return "-" if stripped in ("-", "–") else stripped


def _is_code(part: str, before: str, after: str) -> bool:
    if part.upper() in _ACRONYMS:
        return True
    if part.casefold() in _FOREIGN_WORDS:
        return False
    kind = classify(part, before, after)
    # A letter alone is a code ("nhóm A"), but for the words of one letter ("Ý kiến", "ở", "Y tế").
    return kind is not WordClass.CHECK and not (len(part) == 1 and (not part.isascii() or part in "Yy"))


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    last = 0
    for run in _RUN.finditer(text):
        parts = list(re.finditer(r"\w+", run.group(0)))
        whole_code = "/" in run.group(0) or any(ch.isdigit() for ch in run.group(0)) or (
            len(parts) > 1 and all(_is_code(p.group(0), "", "") for p in parts))
        if whole_code:
            out.append(_Token(run.group(0), run.start(), run.end(), run.group(0), _gap(text[last:run.start()]), True, True))
            last = run.end()
            continue
        for part in parts:
            start, end = run.start() + part.start(), run.start() + part.end()
            word = part.group(0)
            before, after = text[start - 1:start], text[end:end + 1]
            out.append(_Token(word, start, end, admin_units.key(word), _gap(text[last:start]), _is_code(word, before, after)))
            last = end
    return out


@dataclass(frozen=True)
class _Phrase:
    keys: tuple[str, ...]
    gaps: tuple[str, ...]  # between the words
    capitals: tuple[bool, ...]
    kind: str


def _phrase(text: str, kind: str) -> _Phrase:
    tokens = _tokens(text)
    return _Phrase(tuple(t.key for t in tokens), tuple(t.gap for t in tokens[1:]),
                   tuple(t.text[:1].isupper() for t in tokens), kind)


@functools.cache
def _phrases() -> dict[str, tuple[_Phrase, ...]]:
    """Every fixed phrase by its first word's key, the longest first."""
    provinces, _communes = admin_units.unit_names()
    found: list[_Phrase] = [_phrase(text, "body") for text in _BODIES]
    found += [_phrase(f"{prefix} {field}", "body") for prefix in ("Bộ", "Sở", "Phòng", "Ban") for field in _FIELDS]
    found += [_phrase(text, "place") for text in _PLACES]
    # A province's name without "tỉnh" is a name too, but for those that are also common words ("hòa bình": peace).
    common = {admin_units.key(name) for name in _COMMON_WORD_NAMES}
    found += [_phrase(name, "place") for name in provinces if len(name.split()) > 1 and admin_units.key(name) not in common]
    found += [_phrase(text, "other") for text in _OTHER]
    found += [_phrase(f"{stem} {branch}", "other") for stem in _STEMS for branch in _BRANCHES]
    found += [_phrase(text, "post") for text in _POSTS]
    by_first: dict[str, list[_Phrase]] = {}
    for phrase in found:
        by_first.setdefault(phrase.keys[0], []).append(phrase)
    return {first: tuple(sorted(items, key=lambda p: -len(p.keys))) for first, items in by_first.items()}


@functools.cache
def _names() -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    """Unit names by their words' keys (gaps left out), the province-level and all, with the data's spelling."""
    provinces, communes = admin_units.unit_names()

    def table(names: frozenset[str]) -> dict[tuple[str, ...], str]:
        out: dict[tuple[str, ...], str] = {}
        for name in names:
            words = re.findall(r"\w+", name)
            if words and not any(ch.isdigit() for ch in name):
                out.setdefault(tuple(admin_units.key(w) for w in words), " ".join(words))
        return out

    province_table = table(provinces)
    return province_table, {**table(communes), **province_table}


def _keys(text: str) -> tuple[str, ...]:
    return tuple(admin_units.key(w) for w in text.split())


def _matches(tokens: list[_Token], at: int, keys: tuple[str, ...], gaps: tuple[str, ...] | None = None) -> bool:
    if at + len(keys) > len(tokens):
        return False
    for offset, key in enumerate(keys):
        token = tokens[at + offset]
        if token.hard or token.key != key:
            return False
        if offset and (token.gap != gaps[offset - 1] if gaps is not None else token.gap not in ("", "-")):
            return False
    return True


def _phrase_at(tokens: list[_Token], at: int) -> _Phrase | None:
    return next((p for p in _phrases().get(tokens[at].key, ()) if _matches(tokens, at, p.keys, p.gaps)), None)


@functools.cache
def _not_a_body() -> frozenset[tuple[str, str]]:
    """Words that make "bộ", "sở", "phòng", "ban" a part of another word ("toàn bộ", "cơ sở", "dự phòng")."""
    pairs = {("bộ", w) for w in ("toàn", "cán", "nội", "sơ", "tiến", "đồng", "từng", "một", "thủ")}
    pairs |= {("sở", w) for w in ("cơ", "trụ")} | {("phòng", w) for w in ("dự", "quốc", "đề", "phòng")}
    return frozenset((admin_units.key(a), admin_units.key(b)) for a, b in pairs)


def _mark_phrases(tokens: list[_Token]) -> list[tuple[int, _Phrase]]:
    found: list[tuple[int, _Phrase]] = []
    at = 0
    while at < len(tokens):
        phrase = None if tokens[at].hard else _phrase_at(tokens, at)
        if phrase is not None and at and not tokens[at].gap \
                and (tokens[at].key, tokens[at - 1].key) in _not_a_body():
            phrase = None
        if phrase is None or phrase.kind == "post":
            at += 1
            continue
        for offset, capital in enumerate(phrase.capitals):
            tokens[at + offset].capital, tokens[at + offset].claimed, tokens[at + offset].code = capital, True, False
        found.append((at, phrase))
        at += len(phrase.keys)
    return found


def _unit_at(tokens: list[_Token], at: int) -> int:
    """The number of words of the generic word of a unit at ``at`` ("thành phố": 2), 0 when none is there."""
    for unit in _UNITS:
        keys = _keys(unit)
        if _matches(tokens, at, keys, ("",) * (len(keys) - 1)) and not tokens[at].claimed:
            return len(keys)
    return 0


def _mark_places(tokens: list[_Token]) -> None:
    provinces, every = _names()
    for at in range(len(tokens)):
        size = _unit_at(tokens, at)
        if not size:
            continue
        table = provinces if tokens[at].key == admin_units.key("tỉnh") else every
        first = at + size
        for length in range(min(6, len(tokens) - first), 0, -1):
            words = tokens[first:first + length]
            spelled = table.get(tuple(t.key for t in words))
            if spelled is None or words[0].gap or any(t.gap not in ("", "-") for t in words[1:]):
                continue
            following = tokens[first + length] if first + length < len(tokens) else None
            if length == 1 and following is not None and not following.gap:
                continue  # a one-word name ("Đông") only where the words end: not the first of a phrase
            for token, letters in zip(words, spelled.split()):
                token.capital, token.claimed, token.code = True, True, False
                token.spelled = letters if len(letters) == len(token.text) else ""
            break


def _mark_posts(tokens: list[_Token]) -> None:
    """A post, or an office of a body, named with its body or its unit: "Chủ tịch Ủy ban nhân dân", "Công an tỉnh"."""
    for at in range(len(tokens)):
        if tokens[at].code or tokens[at].claimed:
            continue
        post = next((p for p in _phrases().get(tokens[at].key, ()) if p.kind == "post"
                     and _matches(tokens, at, p.keys, p.gaps)), None)
        if post is None:
            continue
        after = at + len(post.keys)
        if after < len(tokens) and not tokens[after].gap and (
                tokens[after].claimed and tokens[after].capital or _unit_at(tokens, after)
                or tokens[after].code and not tokens[after].hard and tokens[after].text.isupper()):
            for offset, capital in enumerate(post.capitals):
                tokens[at + offset].capital, tokens[at + offset].claimed = capital, True


def _mark_documents(tokens: list[_Token]) -> None:
    types = sorted((_keys(t) for t in _TYPES), key=len, reverse=True)
    issued = {_keys(t) for t in _ISSUED}
    named = {_keys(t) for t in _NAMED}
    issuing = [_keys(t) for t in _ISSUING]
    resolutions = {_keys(t) for t in ("Nghị quyết", "Chỉ thị", "Kết luận", "Quy định", "Hướng dẫn", "Thông báo")}
    for at in range(len(tokens)):
        if tokens[at].claimed and not tokens[at].capital:
            continue
        kind = next((t for t in types if _matches(tokens, at, t, ("",) * (len(t) - 1))), None)
        if kind is None:
            continue
        after = at + len(kind)
        if after >= len(tokens):
            continue
        following = tokens[after]
        joined = not following.gap
        before = [t.key for t in tokens[max(0, at - 2):at]]
        if kind == _keys("luật") and before[-1:] == [admin_units.key("pháp")]:
            continue  # "pháp luật"
        cited = joined and (following.code and any(ch.isdigit() for ch in following.text)
                            or following.key in (admin_units.key("số"), admin_units.key("này")))
        law = kind in named and joined and following.key not in _no_name()
        of_event = kind in resolutions and joined and following.claimed and following.capital
        issued_here = kind in issued and any(tuple(before[-len(verb):]) == verb for verb in issuing) \
            and not tokens[at - 1].gap and tokens[at].gap in ("", "“", '"')
        if cited or law or issued_here or of_event:
            tokens[at].capital = tokens[at].claimed = True
            for token in tokens[at + 1:after]:
                token.capital, token.claimed = False, True
        if law and not following.claimed:
            following.capital = following.claimed = True


def _mark_founded(tokens: list[_Token]) -> None:
    verbs = [_keys(v) for v in _FOUNDING]
    kinds = sorted((_phrase(k, "body") for k in _BODY_KINDS), key=lambda p: -len(p.keys))
    for at in range(1, len(tokens)):
        before = tuple(t.key for t in tokens[max(0, at - 2):at])
        if tokens[at].gap or not any(before[-len(v):] == v for v in verbs):
            continue
        kind = next((k for k in kinds if _matches(tokens, at, k.keys, k.gaps)), None)
        if kind is not None and not (tokens[at].claimed and tokens[at].capital):
            for offset, capital in enumerate(kind.capitals):
                token = tokens[at + offset]
                token.capital, token.claimed, token.code = capital or token.capital, True, False


def _mark_plenums(tokens: list[_Token]) -> None:
    """A plenum of the Central Committee by its number: "Trung ương 4 khóa XII", "Nghị quyết Trung ương 8"."""
    central = _keys("trung ương")
    for at in range(len(tokens) - 2):
        following = tokens[at + 2]
        if _matches(tokens, at, central, ("",)) and following.hard and following.text.isdigit() and not following.gap:
            tokens[at].capital = tokens[at].claimed = True
            tokens[at + 1].claimed = True


def _mark_numerals(tokens: list[_Token]) -> None:
    """Roman numerals after a part or a term keep their capitals ("Phụ lục III", "khóa XV"); "Phụ lục" before a
    number takes a capital; the letter of a point is small ("điểm a")."""
    parts = [_keys(p) for p in _PART_WORDS]
    for at, token in enumerate(tokens):
        previous = [t.key for t in tokens[max(0, at - 2):at]]
        after_part = any(tuple(previous[-len(p):]) == p for p in parts) and not token.gap
        if after_part and _ROMAN.fullmatch(token.text) and token.text.isupper():
            token.code = True
        if previous[-1:] == [admin_units.key("điểm")] and len(token.text) == 1 and not token.gap:
            token.code, token.capital = False, False
    for at in range(len(tokens) - 2):
        if _matches(tokens, at, _keys("phụ lục"), ("",)) and tokens[at + 2].code and not tokens[at + 2].gap:
            tokens[at].capital = True


_INITIAL_AFTER = re.compile(r"(?:^|[.!?:;…\"“«(\[]|^[\W_]*(?:\d+(?:\.\d+)*|[IVXLC]+|[^\W\d_])[.)\]]?)[\W_]*$")


@dataclass(frozen=True)
class _Word:
    key: str
    capital: bool | None  # a capital first letter, a small one, or None: all in capitals ("UBND", a heading's word)
    initial: bool  # where a sentence or a line begins: its capital says nothing
    gap: str  # what separates it from the word before ("" a space, "-", ","), "\n" for the first word of a line


def _context_words(context: str) -> list[_Word]:
    words: list[_Word] = []
    for line in context.split("\n"):
        last = 0
        for match in re.finditer(r"\w+", line):
            word = match.group(0)
            before = line[:match.start()]
            letters = [ch for ch in word if ch.isalpha()]
            if not letters or not word[0].isalpha():
                capital = None
            elif word[0].isupper():
                capital = None if len(letters) > 1 and not any(ch.islower() for ch in letters) else True
            else:
                capital = False
            gap = "\n" if last == 0 else _gap(line[last:match.start()])
            words.append(_Word(admin_units.key(word), capital, bool(_INITIAL_AFTER.search(before)), gap))
            last = match.end()
    return words


def _mark_from_context(tokens: list[_Token], context: str) -> None:
    """The capitals the letter's own text gives a phrase of the subject: where the body writes the same words (two or
    more, in a row) inside a sentence with a capital the subject's words take it ("Lễ hội hoa Tam giác mạch"), when the
    body so writes them more often than in small letters; a capital that begins a longer name in the body ("Sở Giáo
    dục", "Giáo dục" alone in the subject) counts only with that name's first word."""
    words = _context_words(context)
    wanted = {token.key for token in tokens if not token.hard}
    places: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        if word.key in wanted:
            places.setdefault(word.key, []).append(index)
    votes: dict[int, list[int]] = {}
    for at, token in enumerate(tokens):
        if token.hard:
            continue
        for start in places.get(token.key, ()):
            if at and start and tokens[at - 1].key == words[start - 1].key and words[start].gap != "\n":
                continue  # not where the match begins: counted from its first word
            length = 0
            while at + length < len(tokens) and start + length < len(words) and not tokens[at + length].hard \
                    and tokens[at + length].key == words[start + length].key \
                    and (length == 0 or words[start + length].gap == tokens[at + length].gap):
                length += 1
            if length < 2:
                continue
            name_before = start > 0 and words[start].gap != "\n" and words[start - 1].capital \
                and not words[start - 1].initial
            for offset in range(length):
                word = words[start + offset]
                if word.capital is None or (offset == 0 and word.initial):
                    continue
                if word.capital and offset == 0 and name_before:
                    continue
                if word.capital and offset and name_before and all(words[start + k].capital for k in range(offset)):
                    continue  # still inside the body's longer name that began before the match
                vote = votes.setdefault(at + offset, [0, 0])
                vote[0 if word.capital else 1] += 1
    for index, (capital, small) in votes.items():
        token = tokens[index]
        if capital > small and not token.code:
            token.capital = token.claimed = True


def _one(char: str, changed: str) -> str:
    return changed if len(changed) == 1 else char  # "İ", "ẞ": a letter whose other case is two is left as it is


def _lower(text: str) -> str:
    return "".join(_one(char, char.lower()) for char in text)


def _capital(text: str) -> str:
    return _one(text[:1], text[:1].upper()) + text[1:] if text else text


def _cased(token: _Token) -> str:
    if token.code:
        return token.text
    if token.spelled:
        return with_case(token.text, token.spelled)
    lower = _lower(token.text)
    return _capital(lower) if token.capital else lower


def all_capitals(text: str) -> bool:
    """Whether ``text`` has letters and no small letter ("VỀ VIỆC …", not "Về việc …" nor "15/2024")."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and not any(ch.islower() for ch in letters)


def from_capitals(text: str, *, first_capital: bool = True, context: str = "") -> str:
    """``text``, typed all in capitals, in the decree's case (Phụ lục II): the first letter capital, names of bodies,
    places, documents, holidays and orders with theirs, codes and acronyms as typed, every other word in small
    letters. A text that is not all in capitals is returned as it is. ``first_capital=False`` for what goes on a
    line after other words (a công văn's summary after "V/v"). ``context``: the letter's own text, whose capitals
    inside a sentence come first (:func:`_mark_from_context`): a name the body writes "Tam giác mạch" stays so."""
    text = unicodedata.normalize("NFC", text)
    if not all_capitals(text):
        return text
    tokens = _tokens(text)
    _mark_phrases(tokens)
    _mark_places(tokens)
    _mark_posts(tokens)
    _mark_founded(tokens)
    _mark_plenums(tokens)
    _mark_documents(tokens)
    _mark_numerals(tokens)
    if context:
        _mark_from_context(tokens, context)
    pieces, last = [], 0
    for token in tokens:
        pieces += [text[last:token.start], _cased(token)]
        last = token.end
    out = "".join(pieces) + text[last:]
    # The capitals the decree decides by rule for units named with a number and for the parts of a text.
    for found in sorted(capitalisation(out), key=lambda f: -f.start):
        if found.suggestions and found.suggestions[0][:1].isupper():
            out = out[:found.start] + found.suggestions[0] + out[found.end:]
    if first_capital and tokens and not tokens[0].code:  # "35 năm …", "UBND …" begin with no word to capitalise
        out = out[:tokens[0].start] + _capital(out[tokens[0].start:])
    return out
