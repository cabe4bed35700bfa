"""Whether a signature's form fits who signs it (FORMAT.md §8): each mismatch with what to do, in words.

- KT. is a deputy ("Phó …", "Thứ trưởng") signing in place of the head; the head signs with no prefix.
- TL. and TUQ. are signed by the head of a unit under the agency (Chánh Văn phòng, Giám đốc Sở …), never by the
  agency's own head or deputies (Chủ tịch, Phó Chủ tịch, Bộ trưởng, Thứ trưởng …); with TL. … / KT. … that
  unit head's deputy signs.
- TM. names a collective (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ …), signed by its head; its deputy signs TM. … / KT. …,
  except for a standing body whose deputies sign for it themselves (TM. THƯỜNG TRỰC HĐND / PHÓ CHỦ TỊCH, T/M BAN
  THƯỜNG VỤ / PHÓ BÍ THƯ: decision 0024).
- Q. is an acting head, signing under the head's title.
- The title after KT., TL., TUQ. and Q. is the head's, never a deputy's nor a collective's name.

    >>> [m.part for m in mismatches(Signature(SigningMode.TL, head_title="CHỦ TỊCH", position="PHÓ CHỦ TỊCH"))]
    ['mode']

Titles are compared word by word, case and tone-mark placement aside ("Ủy"/"Uỷ"), diacritics kept ("Trưởng", the
head, is not "Trường", a school).
"""
from __future__ import annotations

from dataclasses import dataclass

from ptdraft.model import Signature, SigningMode
from ptdraft.vietnamese.syllable import ToneStyle
from ptdraft.vietnamese.tones import convert

Words = tuple[str, ...]

DEPUTY = "phó"
# Deputies whose title is not "Phó" + the head's: the head's title for each.
_DEPUTY_OF: dict[Words, Words] = {("thứ", "trưởng"): ("bộ", "trưởng")}
# Heads of an agency (and, with "Phó", its deputies) who sign in their own name or KT., never TL. or TUQ.
_AGENCY_HEADS: tuple[Words, ...] = (("chủ", "tịch"), ("bộ", "trưởng"), ("thủ", "tướng"))
# How the name of a collective body begins (TM. ỦY BAN NHÂN DÂN, TM. BAN THƯỜNG VỤ, TM. HỘI ĐỒNG …).
_COLLECTIVES: tuple[Words, ...] = tuple(tuple(name.split()) for name in (
    "ủy ban", "hội đồng", "ban", "thường trực", "đoàn", "chính phủ", "tập thể", "bộ chính trị", "đảng ủy",
    "đảng đoàn", "chi bộ", "ubnd", "hđnd",
))
# The standing bodies a deputy signs for with "TM." alone (decision 0024): the Thường trực of a People's Council,
# whose Phó Chủ tịch is a member of it as its Chủ tịch is, not a deputy signing in the Chủ tịch's place; a Ban
# Thường vụ and a Ban Bí thư; and the Party's committees, whose letters follow the Party's guide (Hướng dẫn
# 36-HD/VPTW: "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ"), not the decree. A Ủy ban nhân dân's or a Hội đồng's deputy still
# signs "TM. … / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (Nghị định 30, Điều 13.1).
_DEPUTY_SIGNS_FOR: tuple[str, ...] = (
    "thường trực", "ban thường vụ", "ban bí thư", "ban cán sự đảng", "đảng ủy", "đảng đoàn", "chi bộ", "chi ủy",
    "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy",
)
# A Party committee's or a Đoàn's "BAN CHẤP HÀNH" is signed for by its secretaries, the Phó Bí thư among them.
_SECRETARIES_SIGN_FOR: tuple[str, ...] = ("ban chấp hành",)
_DEPUTY_SECRETARY = "phó bí thư"
# How a person's title begins, besides "Phó …" and the agency heads; or a word "trưởng" among its first three
# (Cục trưởng, Vụ trưởng, Hiệu trưởng, Trưởng phòng …).
_TITLES: tuple[Words, ...] = tuple(tuple(name.split()) for name in (
    "giám đốc", "tổng giám đốc", "chánh", "bí thư", "chủ nhiệm", "tổng thư ký", "thư ký", "người đứng đầu",
))


@dataclass(frozen=True)
class Mismatch:
    """One way the signature does not fit: ``part`` is the Signature field to change ("mode", "collective",
    "head_title", "order_title", "position"); ``message`` says what is wrong and ``fix`` what to do, as
    Vietnamese sentences."""

    part: str
    message: str
    fix: str


def words(text: str) -> Words:
    """A title as words to compare: lower case, one tone-mark placement."""
    return tuple(convert(" ".join(text.split()), ToneStyle.NEW)[0].casefold().split())


def shown(text: str) -> str:
    """A title as box 7a prints it: upper case, single spaces."""
    return " ".join(text.split()).upper()


def is_deputy(title: Words) -> bool:
    return bool(title) and (title[0] == DEPUTY or title[:2] in _DEPUTY_OF)


def head_of(deputy: Words) -> Words:
    """The head's title of a deputy's ("phó chủ tịch" → "chủ tịch", "thứ trưởng" → "bộ trưởng")."""
    if deputy[:1] == (DEPUTY,):
        return deputy[1:]
    if deputy[:2] in _DEPUTY_OF:
        return _DEPUTY_OF[deputy[:2]] + deputy[2:]
    return deputy


def _starts(title: Words, start: Words) -> bool:
    return title[: len(start)] == start


def deputy_of(deputy: Words, head: Words) -> bool:
    """Whether ``deputy`` is a deputy of ``head`` ("phó chủ tịch thường trực" of "chủ tịch"; "phó giám đốc" of
    "giám đốc sở nội vụ")."""
    if not is_deputy(deputy) or not head:
        return False
    base = head_of(deputy)
    return bool(base) and (_starts(base, head) or _starts(head, base))


def is_agency_leader(title: Words) -> bool:
    """Chủ tịch, Bộ trưởng, Thủ tướng and their deputies: who lead the agency itself."""
    base = head_of(title) if is_deputy(title) else title
    return any(_starts(base, head) for head in _AGENCY_HEADS)


def is_collective(title: Words) -> bool:
    return any(_starts(title, start) for start in _COLLECTIVES) and not is_person_title(title)


def is_person_title(title: Words) -> bool:
    """A person's title (Phó Giám đốc, Chủ tịch, Chánh Văn phòng, Cục trưởng …), not a body's name."""
    return bool(title) and (is_deputy(title) or is_agency_leader(title) or "trưởng" in title[:3]
                            or any(_starts(title, start) for start in _TITLES))


def deputy_signs_for(collective: str, position: str) -> bool:
    """Whether the deputy ``position`` signs "TM. ``collective``" with no "KT." line: a standing body (the Thường
    trực of a People's Council, a Ban Thường vụ, a Party committee) or, for a Phó Bí thư, a Ban Chấp hành."""
    body, signer = words(collective), words(position)
    if any(_starts(body, words(start)) for start in _DEPUTY_SIGNS_FOR):
        return True
    return signer == words(_DEPUTY_SECRETARY) and any(_starts(body, words(start)) for start in _SECRETARIES_SIGN_FOR)


def _head_title(prefix: str, head: str) -> list[Mismatch]:
    """The title after KT., TL., TUQ., Q. is the head's."""
    title = words(head)
    if not title:
        return []
    if is_deputy(title):
        return [Mismatch("head_title",
                         f"Sau \"{prefix}\" là chức vụ của người đứng đầu, không phải của cấp phó (\"{shown(head)}\").",
                         f"Ghi chức vụ người đứng đầu sau \"{prefix}\": {prefix} {shown(' '.join(head_of(title)))}.")]
    if is_collective(title):
        return [Mismatch("head_title",
                         f"Sau \"{prefix}\" là chức vụ của người đứng đầu; \"{shown(head)}\" là tên một tập thể.",
                         f"Ghi chức vụ người đứng đầu sau \"{prefix}\" (ví dụ {prefix} CHỦ TỊCH); để ký thay mặt "
                         f"tập thể {shown(head)}, chọn quyền hạn ký \"TM.\".")]
    return []


def _collective(collective: str) -> list[Mismatch]:
    title = words(collective)
    if not title or not is_person_title(title) or is_collective(title):
        return []
    return [Mismatch("collective",
                     f"Sau \"TM.\" là tên tập thể lãnh đạo (ví dụ ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ), không phải "
                     f"chức vụ \"{shown(collective)}\".",
                     f"Ghi tên tập thể sau \"TM.\" (ví dụ TM. ỦY BAN NHÂN DÂN) và để {shown(collective)} ở dòng "
                     "chức vụ người ký.")]


def _deputy_signs(prefix: str, head: str, position: str, wording: str, head_part: str = "head_title") -> list[Mismatch]:
    """Who signs after "KT. ``head``" (``prefix`` the lines above it, as printed; ``head_part`` the field holding
    ``head``) is a deputy of ``head``; ``wording`` is the signing form without "KT."."""
    signer, title = words(position), words(head)
    if not signer or not title:
        return []
    if signer == title:
        return [Mismatch("mode", f"{shown(position)} là người đứng đầu, ký trực tiếp, không ghi \"KT.\".",
                         f"Chọn quyền hạn ký \"{wording}\" và giữ chức vụ {shown(position)}; \"KT.\" chỉ dùng khi "
                         "cấp phó ký thay người đứng đầu.")]
    if not is_deputy(signer):
        return [Mismatch("position",
                         f"Ký \"KT. {shown(head)}\" là cấp phó ký thay người đứng đầu; \"{shown(position)}\" không "
                         "phải chức vụ cấp phó.",
                         f"Ghi chức vụ cấp phó của người ký, ví dụ {prefix}KT. {shown(head)} / PHÓ {shown(head)}; "
                         "người không phải cấp phó ký theo ủy quyền (TUQ.) hoặc thừa lệnh (TL.).")]
    if not deputy_of(signer, title):
        own = shown(" ".join(head_of(signer)))
        return [Mismatch(head_part,
                         f"{shown(position)} không phải cấp phó của {shown(head)}: sau \"KT.\" là chức vụ cấp trưởng "
                         "của chính người ký.",
                         f"Ghi chức vụ cấp trưởng của người ký sau \"KT.\": {prefix}KT. {own} / {shown(position)}.")]
    return []


def _unit_head_signs(prefix: str, head: str, position: str, part: str) -> list[Mismatch]:
    """Who signs TL. or TUQ. heads a unit of the agency."""
    signer, title = words(position), words(head)
    if not signer:
        return []
    head_shown, signer_shown = shown(head), shown(position)
    line = f"{prefix} {head_shown}" if head_shown else prefix
    unit_example = "ví dụ CHÁNH VĂN PHÒNG hoặc GIÁM ĐỐC SỞ …"
    if title and signer == title:
        return [Mismatch("mode", f"{signer_shown} là người đứng đầu, ký trực tiếp, không ký \"{line}\".",
                         f"Chọn quyền hạn ký \"—\" để {signer_shown} ký trực tiếp; \"{prefix}\" dành cho người đứng "
                         f"đầu một đơn vị của cơ quan, {unit_example}.")]
    if title and deputy_of(signer, title):
        return [Mismatch("mode",
                         f"{signer_shown} là cấp phó của {head_shown}: cấp phó ký thay người đứng đầu bằng \"KT.\", "
                         f"không ký \"{prefix}\".",
                         f"Chọn quyền hạn ký \"KT.\": KT. {head_shown} / {signer_shown}. \"{prefix}\" dành cho "
                         f"người đứng đầu một đơn vị của cơ quan, {unit_example}.")]
    if is_agency_leader(signer):
        return [Mismatch(part,
                         f"\"{prefix}\" do người đứng đầu một đơn vị của cơ quan ký; {signer_shown} là lãnh đạo của "
                         "chính cơ quan ban hành.",
                         f"Ghi chức vụ người đứng đầu đơn vị được giao ký ({unit_example}); nếu {signer_shown} ký "
                         "thì chọn quyền hạn ký \"KT.\" hoặc \"—\".")]
    if is_deputy(signer):
        unit = shown(" ".join(head_of(signer)))
        if prefix == "TL.":
            return [Mismatch("mode",
                             f"Cấp phó ({signer_shown}) của người ký thừa lệnh ký \"TL. …\" rồi \"KT.\" chức vụ cấp "
                             "trưởng của mình.",
                             f"Chọn quyền hạn ký \"TL. … / KT. …\": {line} / KT. {unit} / {signer_shown}.")]
        return [Mismatch(part,
                         f"Ký \"TUQ.\" là người đứng đầu đơn vị được ủy quyền bằng văn bản; người được ủy quyền "
                         f"không ủy quyền lại cho cấp phó ({signer_shown}).",
                         f"Ghi chức vụ của người được ủy quyền, ví dụ {unit}; nếu cấp phó ký thì người đứng đầu phải "
                         "ủy quyền bằng văn bản cho chính người đó.")]
    return []


def _deputy_without_kt(sig: Signature, above: str, wrong: str, form: str) -> list[Mismatch]:
    """A deputy signing with no "KT." (``above``: the lines printed before it; ``form``: the form to choose)."""
    position = words(sig.position)
    if not is_deputy(position):
        return []
    head = shown(" ".join(head_of(position)))
    return [Mismatch("mode", f"Cấp phó ({shown(sig.position)}) {wrong}.",
                     f"Chọn quyền hạn ký \"{form}\": {above}KT. {head} / {shown(sig.position)}.")]


def mismatches(sig: Signature) -> list[Mismatch]:
    """Every way ``sig`` (filled, as it prints) does not fit FORMAT.md §8; empty texts are left to the check for
    missing parts."""
    mode = sig.mode
    position = words(sig.position)
    out: list[Mismatch] = []
    if mode is SigningMode.NONE:
        out += _deputy_without_kt(sig, "", "ký thay người đứng đầu phải ghi \"KT.\" trước chức vụ của người đứng đầu",
                                  "KT.")
    elif mode is SigningMode.TM:
        out += _collective(sig.collective) or ([] if deputy_signs_for(sig.collective, sig.position) else _deputy_without_kt(
            sig, f"TM. {shown(sig.collective) or '…'} / ",
            "không ký \"TM.\" một mình: thay mặt tập thể, cấp phó ký thay người đứng đầu", "TM. … / KT. …"))
    elif mode is SigningMode.TM_KT:
        out += _collective(sig.collective)
        out += _head_title("KT.", sig.head_title)
        if not out:
            out += _deputy_signs(f"TM. {shown(sig.collective)} / ", sig.head_title, sig.position, "TM.")
    elif mode is SigningMode.KT:
        out += _head_title("KT.", sig.head_title)
        if not out:
            out += _deputy_signs("", sig.head_title, sig.position, "—")
    elif mode in (SigningMode.TL, SigningMode.TUQ):
        out += _head_title(mode.value, sig.head_title)
        out += _unit_head_signs(mode.value, sig.head_title, sig.position, "position")
    elif mode is SigningMode.TL_KT:
        out += _head_title("TL.", sig.head_title)
        order, head = words(sig.order_title), words(sig.head_title)
        line = f"TL. {shown(sig.head_title)}"
        if order and (is_deputy(order) or is_agency_leader(order) or order == head):
            unit = shown(" ".join(head_of(order))) if is_deputy(order) and not is_agency_leader(order) \
                else "CHÁNH VĂN PHÒNG"
            out.append(Mismatch("order_title",
                                f"Sau \"{line} / KT.\" là chức vụ người đứng đầu một đơn vị của cơ quan, người ký "
                                f"thừa lệnh (ví dụ CHÁNH VĂN PHÒNG), không phải {shown(sig.order_title)}.",
                                f"Ghi chức vụ người đứng đầu đơn vị vào ô người ký thừa lệnh: {line} / KT. {unit} / "
                                f"PHÓ {unit}."))
        elif order:
            out += _deputy_signs(f"{line} / ", sig.order_title, sig.position, "TL.", "order_title")
    elif mode is SigningMode.Q:
        out += _head_title("Q.", sig.head_title)
        if position and (is_deputy(position) or position == words(sig.head_title)):
            out.append(Mismatch("position",
                                f"Người được giao quyền cấp trưởng ký \"Q. {shown(sig.head_title)}\" rồi họ tên, không "
                                f"ghi thêm chức vụ \"{shown(sig.position)}\".",
                                f"Xóa chức vụ \"{shown(sig.position)}\" ở dòng chức vụ người ký; nếu cấp phó chỉ ký "
                                "thay người đứng đầu thì chọn quyền hạn ký \"KT.\"."))
    return out
