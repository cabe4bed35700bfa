"""Importing the five real documents of tests/data/samples/real recovers the fields annotated in their NN.json.

The annotation writes each field as printed; the test reads the same fields back from the
imported draft, most of them as the layout prints them. Where the draft holds a field in
another form by design, the expectation is written out below with the reason:

- subject: a named type's summary keeps its "Về việc" in the draft (the layout prints the
  summary of a Thông báo or Quyết định as written); the annotation drops the prefix.
- 12, item IV: "Quyết định số 5969/QĐ-" ends a printed line and "UBND" starts the next;
  the annotation joins them with a space ("5969/QĐ- UBND"), the import without one, as a
  symbol is written ("5969/QĐ-UBND", FORMAT.md §6.1).
- 11, signature "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG": the TL.KT. mode (FORMAT.md §8: the one
  signing by order hands the signing to a deputy) with its two titles.
- The "Lưu" line is kept as archive units and the drafter's code, and printed in the
  decree's form ("Lưu: VT, CN, pvc."), when that form has its words in their order; otherwise it is
  kept as written (14: "Lưu: VT, QHĐP (2)Q.Cường", issue 11). PRINTED_ARCHIVE lists each one.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from ptdraft import api
from ptdraft.model import ref_within
from ptdraft.layout import Para, Table, distribution_entries, symbol

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
REAL = SAMPLES / "real"
DOCUMENTS = ["03", "11", "12", "13", "14"]

PRINTED_ARCHIVE = {
    "03": "Lưu: VT, CN, pvc",  # "Lưu: VT, CN. pvc": unit CN, drafter pvc
    "11": "Lưu: VT, KGVX",
    "12": "Lưu: VT, KGVX",
    "13": "Lưu: VT, ĐTDG",
    "14": "Lưu: VT, QHĐP (2)Q.Cường",  # the decree's form would move the count ("QHĐP, Q.Cường.(2)"): as written
}
JOINED_SYMBOL = {"12": [("5969/QĐ- UBND", "5969/QĐ-UBND")]}


def norm(text: str | None) -> str | None:
    """NFC with white space folded, line by line (a newline separates the paragraphs of one item)."""
    if text is None:
        return None
    return "\n".join(" ".join(line.split()) for line in unicodedata.normalize("NFC", text).split("\n"))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())


def printed(layout, refs: tuple[str, ...]) -> list[str]:
    """The printed paragraphs of the given draft parts, in order."""
    out: list[str] = []

    def visit(block) -> None:
        if isinstance(block, Para):
            if any(ref_within(block.ref, part) for part in refs):
                out.append(norm(block.text))
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    for inner in cell.blocks:
                        visit(inner)

    for block in layout.blocks:
        visit(block)
    return out


@pytest.fixture(scope="module", params=DOCUMENTS)
def case(request):
    name = request.param
    annotation = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
    draft, report = api.import_file(REAL / f"{name}.txt")
    return name, annotation, draft, report, api.layout_draft(draft, strict=False)


def test_type_authority_number_place_and_date(case):
    """doc_type, parent_authority, authority, number ("N/SYMBOL"), place and date are the annotated ones."""
    _name, ann, draft, _report, _layout = case
    content = draft.content
    assert content.doc_type == ann["doc_type"]
    assert (norm(content.parent_authority) or None) == ann["parent_authority"]
    assert " ".join(content.authority.split()) == ann["authority"]
    assert f"{content.number}/{symbol(content)}" == ann["number"]
    assert content.place == ann["place"]
    assert content.date.isoformat() == ann["date"]


def test_subject(case):
    """The subject is the annotated one; a named type's "Về việc" stays in the draft, as it prints."""
    _name, ann, draft, _report, layout = case
    subject = draft.content.subject
    assert subject in (norm(ann["subject"]), "Về việc " + norm(ann["subject"]))
    assert re.sub(r"^Về việc ", "", subject) == norm(ann["subject"])
    assert printed(layout, ("subject",)) == [("V/v " if ann["doc_type"] == "Công văn" else "") + subject]


def test_recipients(case):
    """The Kính gửi entries (none for a thông báo, kế hoạch or quyết định) are the annotated ones."""
    _name, ann, draft, _report, _layout = case
    assert list(draft.content.recipients) == ann["recipients"]


def _item_lines(ann: dict, name: str) -> list[str]:
    items = []
    for item in ann["numbered_items"]:
        for old, new in JOINED_SYMBOL.get(name, []):
            item = item.replace(old, new)
        items.append(norm(item))
    return items


def test_body_paragraphs_and_numbered_items_as_printed(case):
    """The opening paragraphs (a decision's legal bases) and every numbered item print as annotated, in order."""
    name, ann, draft, report, layout = case
    items = _item_lines(ann, name)
    flow = printed(layout, ("body", "requirements"))
    bodies = [norm(p) for p in ann["body_paragraphs"]]
    if ann["doc_type"] == "Quyết định":
        assert printed(layout, ("legal_bases",)) == bodies
        assert flow[0] == "QUYẾT ĐỊNH:"
        flow = flow[1:]
        bodies = []
    assert flow == bodies + [line for item in items for line in item.split("\n")]
    assert [norm(x) for x in report.numbered_items] == items
    if ann["doc_type"] != "Quyết định":
        assert [norm(x) for x in report.body_paragraphs] == bodies


def test_closing(case):
    """The closing paragraph is the annotated one (none for a decision, whose "./." ends the last article)."""
    _name, ann, draft, _report, layout = case
    assert (norm(draft.content.closing) or None) == norm(ann["closing"])
    assert printed(layout, ("closing",)) == ([norm(ann["closing"])] if ann["closing"] else [])
    assert draft.content.close == "./."


def test_signature(case):
    """The signing authority lines, the position and the name are the annotated ones."""
    name, ann, draft, report, layout = case
    sig = ann["signature"]
    content = draft.content
    assert ("\n".join(report.signature_lines) or None) == sig["authority_form"]
    assert (content.signature.position, content.signature.name) == (sig["position"], sig["name"])
    lines = printed(layout, ("signature",))
    if name == "11":
        signature = content.signature
        assert (signature.mode.value, signature.head_title, signature.order_title) == (
            "TL.KT.", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG"
        )
    expected = (sig["authority_form"].split("\n") if sig["authority_form"] else []) + [sig["position"], sig["name"]]
    assert lines == expected


def test_distribution(case):
    """The Nơi nhận entries are the annotated ones, and the draft prints them back ("Như trên" and "Lưu" included)."""
    name, ann, draft, report, _layout = case
    assert [norm(e) for e in report.distribution] == [norm(e) for e in ann["distribution"]]
    entries = [e.rstrip(";.") for e in distribution_entries(draft.content)]
    assert entries[:-1] == [norm(e) for e in ann["distribution"][:-1]]
    assert entries[-1] == PRINTED_ARCHIVE[name]


def test_no_word_is_lost_or_reordered_in_the_body(case):
    """From the first body paragraph to Nơi nhận, the printed draft has the source's words in the source's order."""
    name, ann, draft, _report, layout = case
    source = words((REAL / f"{name}.txt").read_text(encoding="utf-8"))
    start = _find(source, words(ann["body_paragraphs"][0])[:6])
    end = _find(source, ["nơi", "nhận"])
    body = printed(layout, ("legal_bases", "body", "requirements", "closing", "close"))
    assert words("\n".join(body)) == source[start:end]


def test_the_sample_letter_body_keeps_every_word_in_order():
    """The same holds for the real letter: from its first paragraph to Nơi nhận, every word in order."""
    path = SAMPLES / "cong-van-van-phong-ubnd-tinh.txt"
    draft, _report = api.import_file(path)
    source = words(path.read_text(encoding="utf-8"))
    start, end = _find(source, ["trong", "thời", "gian", "qua"]), _find(source, ["nơi", "nhận"])
    body = printed(api.layout_draft(draft, strict=False), ("body", "requirements", "closing", "close"))
    assert words("\n".join(body)) == source[start:end]


def _find(haystack: list[str], needle: list[str]) -> int:
    for index in range(len(haystack) - len(needle) + 1):
        if haystack[index:index + len(needle)] == needle:
            return index
    raise AssertionError(f"{needle} not found")
