"""What the Vietnamese text checks report: one :class:`TextFinding` per problem, with its place in the text."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class FindingKind(Enum):
    ENCODING = "encoding"  # the text is in a legacy 8-bit encoding (TCVN3, VNI)
    SYLLABLE = "syllable"  # a syllable that cannot exist in Vietnamese ("trâch")
    TONE_PLACEMENT = "tone_placement"  # a tone mark on the wrong letter ("tóan")
    MISSING_MARKS = "missing_marks"  # a word typed without its marks ("ket" for "két")
    UNKNOWN_WORD = "unknown_word"  # a well-formed syllable that is not in the word list ("gải")
    DOUBLED_WORD = "doubled_word"  # "của của"
    SPACING = "spacing"  # space before , . ; : ) ! ? or none after
    CAPITALISATION = "capitalisation"  # Phụ lục II: "tỉnh Nghệ An", "Điều 5", "khoản 2"


@dataclass(frozen=True)
class TextFinding:
    """One problem in a piece of text.

    ``start``/``end`` are offsets into the checked text (``excerpt`` is ``text[start:end]``);
    ``message`` says what is wrong, in Vietnamese; ``suggestions`` are replacements for the
    excerpt, best first (may be empty). ``ref`` names the part of a draft the text comes
    from ("body", "requirements[4]"), empty for a bare text. ``fix`` says what to do when the
    suggestions alone would not ("Xóa khoảng trắng trước dấu phẩy."); :attr:`how_to_fix` always does.
    """

    kind: FindingKind
    start: int
    end: int
    excerpt: str
    message: str
    suggestions: tuple[str, ...] = ()
    ref: str = ""
    fix: str = ""

    @property
    def how_to_fix(self) -> str:
        """What to do, as a sentence: the finding's own ``fix``, or the replacement it suggests."""
        if self.fix:
            return self.fix
        if self.kind is FindingKind.ENCODING:
            return "Chuyển văn bản sang bảng mã Unicode dựng sẵn (chuột phải để thay)."
        shown = [s for s in self.suggestions if s.strip()]
        if shown:
            others = "".join(f" hoặc “{s}”" for s in shown[1:3])
            return f"Thay “{self.excerpt}” bằng “{shown[0]}”{others} (chuột phải để thay)."
        return _NO_SUGGESTION[self.kind].format(excerpt=self.excerpt)


_NO_SUGGESTION = {
    FindingKind.ENCODING: "Chuyển văn bản sang bảng mã Unicode dựng sẵn.",
    FindingKind.SYLLABLE: "Kiểm tra lại cách viết “{excerpt}”: tiếng Việt không có tiếng này.",
    FindingKind.TONE_PLACEMENT: "Đặt lại dấu thanh của “{excerpt}” đúng chỗ.",
    FindingKind.MISSING_MARKS: "Thêm dấu cho “{excerpt}”.",
    FindingKind.UNKNOWN_WORD: "Kiểm tra lại cách viết “{excerpt}”; nếu là tên riêng thì giữ nguyên.",
    FindingKind.DOUBLED_WORD: "Xóa một trong hai chữ “{excerpt}” lặp lại.",
    FindingKind.SPACING: "Sửa khoảng trắng quanh dấu câu ở “{excerpt}”.",
    FindingKind.CAPITALISATION: "Sửa chữ hoa, chữ thường của “{excerpt}” theo Phụ lục II Nghị định 30.",
}


def finding(kind: FindingKind, text: str, start: int, end: int, message: str, suggestions=(), fix: str = "") -> TextFinding:
    return TextFinding(kind, start, end, text[start:end], message, tuple(suggestions), fix=fix)
