"""What follows a letter's signature: its appendices (Phụ lục, Mẫu 2.1/2.2) and the texts a decision issues or
approves (Quy chế, Quy định …, Mẫu 1.3), each read into an :class:`~ptdraft.model.Annex` with its title and body.

An annex is recognised only by its own form: "Phụ lục …" over its title, or a type name (with the issuing body's
header repeated above it, as Mẫu 1.3 prints it), with the "(Kèm theo …)" / "(Ban hành kèm theo …)" line under the
title. That line and the repeated header are dropped with a note: the draft prints them from its own number, date
and issuer. Lines that make no annex stay with the caller, to be kept as written.
"""
from __future__ import annotations

from ptdraft.importer.header import upper_line
from ptdraft.importer.lines import Line, paragraphs
from ptdraft.importer.structure import markup
from ptdraft.model import Annex
from ptdraft.reference import doctypes, forms
from ptdraft.vietnamese.names import is_personal_name

_NOTE_REACH = 4  # the "(Kèm theo …)" line comes within this many lines under the heading


def _note_within(lines: list[Line], start: int) -> int | None:
    for index in range(start, min(start + _NOTE_REACH, len(lines))):
        if forms.ANNEX_NOTE_LINE.match(lines[index].text):
            return index
    return None


def _title_line(text: str) -> bool:
    """A line of an attached text's repeated header between the issuing body and the type name."""
    return bool(forms.NATIONAL_TITLE_LINE.match(text) or forms.MOTTO_LINE.match(text) or forms.RULE_LINE.match(text))


def _heading(lines: list[Line], index: int) -> tuple[bool, int | None] | None:
    """If ``lines[index]`` heads an annex: whether it is an appendix ("Phụ lục …") and its "(Kèm theo …)" line.
    A type name heads an attached text only with that line under its title."""
    text = lines[index].text
    appendix = forms.APPENDIX_LINE.match(text)
    note = _note_within(lines, index + 1)
    if appendix:
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        return (True, note) if note is not None or appendix.group("title") or upper_line(following) else None
    if upper_line(text) and doctypes.canonical(text) and note is not None:
        return False, note
    return None


def _first_line(lines: list[Line], heading: int, authority: str) -> int:
    """Where an attached text begins: its type name, or above it the header Mẫu 1.3 repeats (the issuing body's
    lines, the national title, the motto, their rules). The body's lines are taken when they read as the letter's
    own issuing body, or stand between the national title and the signer's name."""
    first = heading
    while first > 0 and _title_line(lines[first - 1].text):
        first -= 1
    if first == heading or not any(forms.NATIONAL_TITLE_LINE.match(line.text) for line in lines[first:heading]):
        return heading
    wanted = " ".join(authority.split()).casefold()
    for count in range(1, min(4, first) + 1):
        above = lines[first - count:first]
        if not all(upper_line(line.text) and not forms.SIGNING_FORM.match(line.text) for line in above):
            break
        name = lines[first - count - 1].text if first - count > 0 else ""
        named = not upper_line(name) and is_personal_name(name)  # "Hoàng Văn Nam", not "ỦY BAN NHÂN DÂN"
        if " ".join(line.text for line in above).casefold() == wanted or named:
            return first - count
    return first


def first_annex(lines: list[Line], authority: str) -> int:
    """The index of the first line of the first annex in the lines after a letter's body, or ``len(lines)``."""
    for index in range(len(lines)):
        if _heading(lines, index) is not None:
            return _first_line(lines, index, authority)
    return len(lines)


def _body(lines: list[Line], one_per_line: bool) -> str:
    # An imported letter's annex keeps its "./." where it wrote one and gets none where it did not (the draft prints
    # an imported letter's annexes as written: layout adds the mark only to a new draft's annexes).
    texts = [p.text for p in paragraphs(lines, one_per_line=one_per_line)]
    return markup([t for t in texts if t])


def parse_annexes(lines: list[Line], *, authority: str, one_per_line: bool,
                  notes: list[str]) -> tuple[list[Annex], str, list[Line]]:
    """The annexes in ``lines`` (which start where :func:`first_annex` said), the issuer their "(Kèm theo … của …)"
    line names, and the lines before the first of them (none recognised: all the lines)."""
    starts: list[tuple[int, int, bool, int | None, int]] = []  # (first line, heading, appendix?, note, line after)
    index = 0
    while index < len(lines):
        found = _heading(lines, index)
        if found is None:
            index += 1
            continue
        appendix, note = found
        after = index + 1 if note is None else note + 1
        # The first annex begins at the first line (first_annex cut the lines there); each later one where its
        # repeated header does, never inside the annex before it.
        first = max(_first_line(lines, index, authority), starts[-1][4]) if starts else 0
        starts.append((first, index, appendix, note, after))
        index = after
    if not starts:
        return [], "", lines
    annexes: list[Annex] = []
    issuer = ""
    for number, (first, heading, appendix, note, _after) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        head = lines[heading].text
        inline = forms.APPENDIX_LINE.match(head) if appendix else None
        if note is not None:
            title_lines = [line.text for line in lines[heading + 1:note]]
            body_from = note + 1
            named = forms.ANNEX_NOTE_ISSUER.search(lines[note].text)
            issuer = issuer or (" ".join(named.group("issuer").split()) if named else "")
            notes.append(f"bỏ dòng “{lines[note].text}” (dòng {lines[note].number}): bản thảo tự in theo số, ngày "
                         "của văn bản")
        else:  # "Phụ lục" over a title in capitals, with no "(Kèm theo …)" line
            title_lines = [lines[heading + 1].text] if inline and not inline.group("title") else []
            body_from = heading + 1 + len(title_lines)
        if inline and inline.group("title"):
            title_lines.insert(0, inline.group("title"))
        if first < heading:
            notes.append(f"bỏ {heading - first} dòng tiêu đề lặp lại trên “{head}” (dòng {lines[first].number}): "
                         "bản thảo tự in")
        title = " ".join(" ".join(title_lines).split())
        body = _body(lines[body_from:end], one_per_line)
        kind = "" if appendix else (doctypes.canonical(head) or head)
        annexes.append(Annex(title=title, body=body, doc_type=kind))
        notes.append(f"nhận ra {'phụ lục' if appendix else 'văn bản kèm theo'} “{head}” (dòng {lines[heading].number})"
                     + (f": {title}" if title else ""))
    return annexes, issuer, lines[:starts[0][0]]
