"""What an import recognised, what it changed and what it could not place, for the clerk to read."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportReport:
    """The outcome of importing one letter.

    ``recognised`` lists (part, value) in the order the parts print; ``unrecognised`` the
    pieces of text that were put into the body as they were; ``notes`` every change made
    to the text or left out of the draft, and why. The remaining fields are the letter's
    parts as printed, for a reader to compare: the body's opening paragraphs, each
    numbered item with its paragraphs joined by a newline, the closing, the signature's
    authority lines and the Nơi nhận entries (with "Như trên" and the "Lưu" line).
    """

    source: str
    encoding: str
    legacy: str | None = None
    recognised: tuple[tuple[str, str], ...] = ()
    unrecognised: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    body_paragraphs: tuple[str, ...] = ()
    numbered_items: tuple[str, ...] = ()
    closing: str = ""
    signature_lines: tuple[str, ...] = ()
    distribution: tuple[str, ...] = ()

    def part(self, name: str) -> str | None:
        """The value recognised for the part called ``name`` (as in ``recognised``), or None."""
        return next((value for label, value in self.recognised if label == name), None)

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        """The report as lines of text (what ``ptdraft import`` prints)."""
        out = [f"Nhập từ {self.source} ({self.encoding})"]
        if self.recognised:
            out.append("Đã nhận ra:")
            width = max(len(label) for label, _ in self.recognised)
            for label, value in self.recognised:
                shown = value.replace("\n", " / ")
                if len(shown) > 100:
                    shown = shown[:97] + "…"
                out.append(f"  {label.ljust(width)}  {shown}")
        if self.unrecognised:
            out.append("Chưa nhận ra, đã giữ nguyên trong nội dung:")
            out.extend(f"  - {text[:100]}" for text in self.unrecognised)
        if self.notes:
            out.append("Ghi chú:")
            out.extend(f"  - {note}" for note in self.notes)
        return out
