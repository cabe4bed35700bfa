"""Structural scoring of the importer (issue 11, point 2).

Each annotated letter is imported, rendered to DOCX, and the DOCX is read back by its structure: the header
table's left and right cells, the paragraphs outside tables, the signature table's two cells. Each part of the
annotation is scored only where the decree puts it, so text in the wrong place scores nothing:

- ``authority``: the lines above "Số:" in the left header cell, against parent authority + authority;
- ``number``: a left-cell paragraph reading exactly "Số: N/SYMBOL" (1 or 0);
- ``place_date``: a right-cell paragraph "PLACE, ngày D tháng M năm Y" with the annotated place and date (1 or 0);
- ``national_title``: the Quốc hiệu and the motto in the right header cell, and nowhere else (1 or 0);
- ``subject``: the "V/v" line of the left cell (công văn) or the paragraph under the type name (named types);
- ``recipients``: the Kính gửi entries (a công điện's, under "<sender> điện:"), in order;
- ``body``: the words of the paragraphs outside tables after the subject/Kính gửi; extra words cost as much as
  missing ones;
- ``signer``: the name as the signature cell's last line (0.5) and the position among its lines, in any case (0.5;
  a letter with no position line scores this half when the lines above the name are its signing-form lines alone);
- ``distribution``: the Nơi nhận entries of the signature table's left cell, in order.

Text parts score 2·matched / (expected + found) words (difflib's matching blocks), lists the same over their
entries; a part with nothing expected and nothing found scores 1.

An annotation with ``"excerpt": true`` (tests/data/corpus/excerpts: the first part of a long letter, cut in its body
by the store it came from) is scored only on the header parts it can hold, ``EXCERPT_PARTS``: authority, number,
place_date, national_title, subject, and recipients when the annotation has them. Its body, signer and distribution
are not scored (the excerpt has no end), and its annotation holds no keys for them.
"""
from __future__ import annotations

import difflib
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

PARTS = ("authority", "number", "place_date", "national_title", "subject", "recipients", "body", "signer",
         "distribution")
EXCERPT_PARTS = ("authority", "number", "place_date", "national_title", "subject", "recipients")


def parts_of(ann: dict) -> tuple[str, ...]:
    """The parts an annotation is scored on: all of ``PARTS``, or an excerpt's header parts (recipients only when
    the excerpt's annotation has them)."""
    if not ann.get("excerpt"):
        return PARTS
    return tuple(part for part in EXCERPT_PARTS if part != "recipients" or ann.get("recipients") is not None)

NATIONAL_TITLE = "cộng hòa xã hội chủ nghĩa việt nam"
MOTTO = "độc lập tự do hạnh phúc"
DATE_LINE = re.compile(r"^(?P<place>.+?), ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})$")


def fold(text: str | None) -> str:
    """NFC, casefolded, old-style tone placement ("hoà") read as new ("hòa") for the fixed lines."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    return text.replace("hoà", "hòa").replace("hoá", "hóa")


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", fold(text))


def similarity(expected: list, found: list) -> float:
    if not expected and not found:
        return 1.0
    matcher = difflib.SequenceMatcher(None, expected, found, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return 2 * matched / (len(expected) + len(found))


def _entry(text: str) -> tuple[str, ...]:
    return tuple(words(re.sub(r"^\s*[-–+•]\s*", "", text)))


@dataclass(frozen=True)
class Rendered:
    """The rendered DOCX read by its structure."""

    header_left: list[str]
    header_right: list[str]
    flow: list[str]
    signature_left: list[str]
    signature_right: list[str]
    everywhere: list[str]


def read_rendered(data: bytes) -> Rendered:
    import docx

    document = docx.Document(io.BytesIO(data))
    tables = document.tables
    left: list[str] = []
    right: list[str] = []
    sig_left: list[str] = []
    sig_right: list[str] = []
    everywhere: list[str] = []

    def cell_lines(cell) -> list[str]:
        return [p.text.strip() for p in cell.paragraphs if p.text.strip()]

    signature_table = None
    for table in tables:
        if any(fold(line).startswith("nơi nhận") for row in table.rows for line in cell_lines(row.cells[0])):
            signature_table = table
    if signature_table is None and len(tables) > 1:
        # A letter without Nơi nhận: the closing row is the last table after the header's.
        signature_table = tables[-1]
    header_tables = [t for t in tables[:1] if t is not signature_table]
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                everywhere.extend(cell_lines(cell))
    for table in header_tables:
        for row in table.rows:
            cells = row.cells
            left.extend(cell_lines(cells[0]))
            if len(cells) > 1:
                right.extend(cell_lines(cells[-1]))
    if signature_table is not None:
        for row in signature_table.rows:
            sig_left.extend(cell_lines(row.cells[0]))
            if len(row.cells) > 1:
                sig_right.extend(cell_lines(row.cells[-1]))
    flow = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    everywhere.extend(flow)
    return Rendered(left, right, flow, sig_left, sig_right, everywhere)


def _strip_about(text: str) -> str:
    """A subject without its lead-in: "V/v", "Về việc", or the older "Về" a công văn's "V/v" stands for."""
    return re.sub(r"^(v/v|về việc|về)\s+", "", text.strip(), flags=re.IGNORECASE)


_TELEGRAM = re.compile(r"^.+\s(?:ĐIỆN|điện)\s*:$")  # Mẫu 1.6: "THỦ TƯỚNG CHÍNH PHỦ điện:" before the recipients


def score_rendered(ann: dict, r: Rendered) -> dict[str, float]:
    scores: dict[str, float] = {}
    number_at = next((i for i, line in enumerate(r.header_left) if line.startswith("Số")), len(r.header_left))
    expected_authority = words(ann.get("parent_authority")) + words(ann["authority"])
    scores["authority"] = similarity(expected_authority, words(" ".join(r.header_left[:number_at])))
    scores["number"] = float(f"Số: {ann['number']}" in r.header_left)

    year, month, day = (int(x) for x in ann["date"].split("-"))
    place_date = 0.0
    for line in r.header_right:
        match = DATE_LINE.match(line)
        if match and (int(match["y"]), int(match["m"]), int(match["d"])) == (year, month, day) \
                and fold(match["place"]) == fold(ann["place"]):
            place_date = 1.0
    scores["place_date"] = place_date

    def count(phrase: str) -> int:
        return sum(1 for line in r.everywhere if " ".join(words(line)) == phrase)

    right_words = [" ".join(words(line)) for line in r.header_right]
    scores["national_title"] = float(
        NATIONAL_TITLE in right_words and MOTTO in right_words and count(NATIONAL_TITLE) == 1 and count(MOTTO) == 1
    )

    doc_type = ann["doc_type"]
    subject_found = ""
    flow_start = 0
    if doc_type == "Công văn":
        subject_found = " ".join(line for line in r.header_left[number_at + 1:])
    else:
        type_at = next((i for i, line in enumerate(r.flow) if fold(line) == fold(doc_type)), None)
        if type_at is not None and type_at + 1 < len(r.flow) and _TELEGRAM.match(r.flow[type_at + 1]):
            flow_start = type_at + 1  # a công điện with no summary: "<sender> điện:" under its name
        elif type_at is not None and type_at + 1 < len(r.flow):
            subject_found = r.flow[type_at + 1]
            flow_start = type_at + 2
    scores["subject"] = similarity(words(_strip_about(ann["subject"] or "")), words(_strip_about(subject_found)))

    recipients: list[tuple[str, ...]] = []
    flow = r.flow[flow_start:]
    body_from = 0
    for i, line in enumerate(flow):
        if fold(line).startswith("kính gửi") or _TELEGRAM.match(line):  # a công điện's "<sender> điện:" too
            rest = line.split(":", 1)[1].strip() if ":" in line else ""
            if rest:
                recipients.append(_entry(rest))
                body_from = i + 1
            else:
                j = i + 1
                while j < len(flow) and re.match(r"^\s*[-–+•]", flow[j]):
                    recipients.append(_entry(flow[j]))
                    j += 1
                body_from = j
            break
    if "recipients" in parts_of(ann):
        scores["recipients"] = similarity([_entry(x) for x in ann["recipients"]], recipients)
    if ann.get("excerpt"):
        return scores  # an excerpt stops in its body: nothing from the body on is scored

    body_lines = flow[body_from:]
    if doc_type in ("Quyết định", "Nghị quyết"):
        # The issuing authority's line above the legal bases and the "QUYẾT ĐỊNH:" ("QUYẾT NGHỊ:") line are printed
        # parts of a decision the annotation does not hold as body.
        body_lines = [line for line in body_lines if fold(line) not in ("quyết định:", "quyết nghị:")]
        first = words(ann["body_paragraphs"][0])[:3] if ann["body_paragraphs"] else []
        for i, line in enumerate(body_lines):
            if words(line)[:3] == first:
                body_lines = body_lines[i:]
                break
    expected_body = []
    for part in ann["body_paragraphs"] + ann["numbered_items"] + ([ann["closing"]] if ann["closing"] else []):
        expected_body.extend(words(part))
    scores["body"] = similarity(expected_body, [w for line in body_lines for w in words(line)])

    sig = ann["signature"]
    signer = 0.0
    if r.signature_right and r.signature_right[-1] == sig["name"]:
        signer += 0.5
    # The position as a line above the name, in whatever case the page prints titles (the decree's are capitals).
    above = [fold(line) for line in r.signature_right[:-1]]
    if sig["position"] and fold(sig["position"]) in above:
        signer += 0.5
    elif not sig["position"] and r.signature_right and above == [fold(line) for line in _signature_lines(sig)]:
        signer += 0.5  # a letter signed with no position line ("Q. GIÁM ĐỐC" over the name): none was added
    scores["signer"] = signer

    entries = r.signature_left
    if entries and fold(entries[0]).startswith("nơi nhận"):
        head = entries[0].split(":", 1)[1].strip() if ":" in entries[0] else ""
        entries = ([head] if head else []) + entries[1:]
    else:
        entries = []
    scores["distribution"] = similarity([_entry(x) for x in ann["distribution"]], [_entry(x) for x in entries])
    return scores


def score_file(source: Path, annotation: Path) -> dict[str, float]:
    """Import ``source``, render it, and score the rendered DOCX against the annotation; a source the importer
    refuses scores 0 in every part."""
    from ptdraft import api
    from ptdraft.errors import PtdraftError

    ann = json.loads(annotation.read_text(encoding="utf-8"))
    try:
        draft, _report = api.import_file(source)
        data = api.docx_bytes(draft, strict=False)
    except PtdraftError:
        return {part: 0.0 for part in parts_of(ann)}
    return score_rendered(ann, read_rendered(data))


def cases(folder: Path) -> list[tuple[Path, Path]]:
    """(source, annotation) pairs of a folder: NAME.json beside NAME.txt or NAME.docx."""
    out = []
    for annotation in sorted(folder.glob("*.json")):
        for suffix in (".txt", ".docx", ".doc"):
            source = annotation.with_suffix(suffix)
            if source.exists():
                out.append((source, annotation))
                break
    return out


def _means(per_case: dict[str, dict[str, float]]) -> dict[str, float]:
    """Each part's mean over the cases scored on it (an excerpt is not scored on body, signer, distribution)."""
    means = {}
    for part in PARTS:
        values = [scores[part] for scores in per_case.values() if part in scores]
        if values:
            means[part] = sum(values) / len(values)
    return means


def score_folder(folder: Path) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """The mean score of each part over a folder's cases, and each case's scores."""
    per_case = {source.stem: score_file(source, annotation) for source, annotation in cases(folder)}
    if not per_case:
        return {}, {}
    return _means(per_case), per_case


def run_together(text: str) -> str:
    """A text with its lines run together on one line (what a PDF viewer's copy or a page's text without its breaks
    gives): every run of spaces and line breaks one space."""
    return " ".join(text.split())


def narrow_cells(text: str, width: int = 24) -> str:
    """A text with every line wrapped at ``width`` characters, at spaces (a site that prints the letter in narrow
    cells, a phone's copy): the blank lines kept."""
    import textwrap

    return "\n".join(part for line in text.split("\n") for part in (textwrap.wrap(line, width) or [""]))


def score_variant_folder(folder: Path, variant) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """The same as ``score_folder`` with each text letter changed by ``variant`` (``run_together``,
    ``narrow_cells``) before it is imported."""
    import tempfile

    per_case = {}
    with tempfile.TemporaryDirectory() as tmp:
        for source, annotation in cases(folder):
            if source.suffix != ".txt":
                continue
            changed = Path(tmp) / source.name
            changed.write_text(variant(source.read_text(encoding="utf-8")), encoding="utf-8")
            per_case[source.stem] = score_file(changed, annotation)
    if not per_case:
        return {}, {}
    return _means(per_case), per_case


TARGET_OVERALL = 0.95  # issue 11: the held-out third scores this or more overall ...
TARGET_PART = 0.9  # ... and no part below this


def table(title: str, means: dict[str, float], count: int) -> str:
    """The overall score and each part's score on a line of its own, parts below the issue's target marked; only the
    parts scored (an excerpt folder has no body, signer or distribution lines)."""
    if not means:
        return f"{title}: no cases"
    overall = sum(means.values()) / len(means)
    rows = [f"{title} ({count} letters): overall {overall:.3f}" + ("" if overall >= TARGET_OVERALL else
                                                                     f"  (target {TARGET_OVERALL})")]
    for part in (part for part in PARTS if part in means):
        mark = "" if means[part] >= TARGET_PART else f"  < {TARGET_PART}"
        rows.append(f"    {part:<15} {means[part]:.3f}{mark}")
    return "\n".join(rows)


# -- the corpus letters typed in Word ----------------------------------------

_SIGNING_FORM_AT = re.compile(r"\s+(?=(?:KT|TL|TUQ|TM|Q)\.\s)")


def _signature_lines(sig: dict) -> list[str]:
    lines = _SIGNING_FORM_AT.split(sig["authority_form"] or "") if sig["authority_form"] else []
    return [line for line in lines if line] + ([sig["position"]] if sig["position"] else [])


# A numbered item's label as a clerk lets Word's automatic numbering print it: (w:numFmt, w:lvlText) of the list.
_AUTO_LABELS = ((re.compile(r"^Điều\s+(\d+)\.\s*"), ("decimal", "Điều %1.")),
                (re.compile(r"^(\d+)\.\s+"), ("decimal", "%1.")),
                (re.compile(r"^([IVXLC]+)\.\s+"), ("upperRoman", "%1.")))


def _auto_list(document, item: str, lists: dict) -> bool:
    """Write ``item`` as a paragraph of an automatic list (its label left to Word's numbering), when its label is
    one Word numbers; ``lists`` keeps each label form's list and the number it reached. False: not such an item."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    for form, (fmt, pattern) in _AUTO_LABELS:
        found = form.match(item)
        if not found:
            continue
        value = int(found[1]) if found[1].isdigit() else _roman(found[1])
        if pattern not in lists or lists[pattern][1] + 1 != value:  # a list of its own, starting at the label
            numbering = document.part.numbering_part.element
            num_id = 500 + len(numbering)  # past the template's own lists
            numbering.insert(0, parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}"><w:lvl w:ilvl="0"><w:start w:val="{value}"/>'
                f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{pattern}"/></w:lvl></w:abstractNum>'))
            numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/>'
                                       f'</w:num>'))
            lists[pattern] = (num_id, value - 1)
        num_id, _last = lists[pattern]
        lists[pattern] = (num_id, value)
        paragraph = document.add_paragraph(item[found.end():])
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
        return True
    return False


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for here, after in zip(text, text[1:] + " "):
        total += -values[here] if values.get(after, 0) > values[here] else values[here]
    return total


def word_docx(ann: dict, header_table: bool, auto_lists: bool = False) -> bytes:
    """An annotated letter as a clerk types it in Word (issue 11: DOCX made in Word, with the header in a table and
    without): ``header_table`` puts the header and the Nơi nhận | signature row in borderless two-column tables;
    without, each row is one paragraph with its two columns apart by tabs, the way a typist lines them up.
    ``auto_lists``: the Kính gửi and Nơi nhận entries are Word bullets ("List Bullet") and the numbered items are
    automatic lists ("1.", "Điều 1.", "I."), their dashes and labels printed by Word, in no run of the text."""
    import docx

    year, month, day = ann["date"].split("-")
    left = [line for line in (ann.get("parent_authority"), ann["authority"]) if line]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number = [f"Số: {ann['number']}"]
    if ann["doc_type"] == "Công văn" and ann["subject"]:
        number.append("V/v " + _strip_about(ann["subject"]))
    date = [f"{ann['place']}, ngày {day} tháng {month} năm {year}"]
    document = docx.Document()

    def add(container, line: str):
        if auto_lists and line.startswith("- "):  # a dash entry: Word's bullet prints the mark
            return container.add_paragraph(line[2:], style="List Bullet")
        return container.add_paragraph(line)

    def rows(pairs: list[tuple[list[str], list[str]]]) -> None:
        if header_table:
            table = document.add_table(rows=len(pairs), cols=2)
            for r, (a, b) in enumerate(pairs):
                for c, lines in enumerate((a, b)):
                    cell = table.cell(r, c)
                    cell.text = lines[0] if lines else ""
                    for line in lines[1:]:
                        add(cell, line)
            return
        for a, b in pairs:
            for i in range(max(len(a), len(b))):
                document.add_paragraph((a[i] if i < len(a) else "") + "\t\t" + (b[i] if i < len(b) else ""))

    rows([(left, right), (number, date)])
    if ann["doc_type"] != "Công văn":
        document.add_paragraph(ann["doc_type"].upper())
        document.add_paragraph(ann["subject"] or "")
    recipients = ann["recipients"]
    if ann["doc_type"] == "Công điện":  # Mẫu 1.6: "<sender> điện:", then the recipients as dash lines
        document.add_paragraph(f"{ann['authority']} điện:")
        for i, entry in enumerate(recipients):
            add(document, f"- {entry}{'.' if i == len(recipients) - 1 else ';'}")
    elif len(recipients) == 1:
        document.add_paragraph(f"Kính gửi: {recipients[0]}.")
    elif recipients:
        document.add_paragraph("Kính gửi:")
        for i, entry in enumerate(recipients):
            add(document, f"- {entry}{'.' if i == len(recipients) - 1 else ';'}")
    lists: dict = {}
    for text in ann["body_paragraphs"]:
        document.add_paragraph(text)
    for text in ann["numbered_items"]:
        if not (auto_lists and _auto_list(document, text, lists)):
            document.add_paragraph(text)
    if ann["closing"]:
        document.add_paragraph(ann["closing"])
    sig = ann["signature"]
    distribution = (["Nơi nhận:"] + [f"- {e}{'.' if i == len(ann['distribution']) - 1 else ';'}"
                                     for i, e in enumerate(ann["distribution"])]) if ann["distribution"] else []
    rows([(distribution, _signature_lines(sig) + ["", "", sig["name"]])])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def score_word_folder(folder: Path, header_table: bool,
                      auto_lists: bool = False) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """``score_folder`` for the folder's letters typed in Word (``word_docx``) and imported from the DOCX."""
    import tempfile

    from ptdraft import api
    from ptdraft.errors import PtdraftError

    per_case: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as work:
        for _source, annotation in cases(folder):
            ann = json.loads(annotation.read_text(encoding="utf-8"))
            path = Path(work) / f"{annotation.stem}.docx"
            path.write_bytes(word_docx(ann, header_table, auto_lists))
            try:
                draft, _report = api.import_file(path)
                per_case[annotation.stem] = score_rendered(ann, read_rendered(api.docx_bytes(draft, strict=False)))
            except PtdraftError:
                per_case[annotation.stem] = {part: 0.0 for part in PARTS}
    if not per_case:
        return {}, {}
    return {part: sum(s[part] for s in per_case.values()) / len(per_case) for part in PARTS}, per_case


PDF_READINGS = {"pdftotext": [], "pdftotext -layout": ["-layout"]}


def score_pdf_folder(folder: Path) -> dict[str, tuple[dict[str, float], dict[str, dict[str, float]]]]:
    """``score_folder`` for the folder's letters typed in Word (header in a table), printed to PDF by LibreOffice
    and read back by ``pdftotext`` (the text a clerk copies out of a born-digital PDF), then imported: for each
    reading of ``PDF_READINGS`` (plain, and ``-layout`` with the columns side by side), its means and cases."""
    import shutil
    import subprocess
    import tempfile

    from ptdraft import api
    from ptdraft.outputs import libreoffice
    from ptdraft.errors import PtdraftError

    results: dict[str, tuple[dict[str, float], dict[str, dict[str, float]]]] = {}
    with tempfile.TemporaryDirectory() as work:
        annotations = {annotation.stem: json.loads(annotation.read_text(encoding="utf-8"))
                       for _source, annotation in cases(folder)}
        sources = []
        for name, ann in annotations.items():
            path = Path(work) / f"{name}.docx"
            path.write_bytes(word_docx(ann, True))
            sources.append(path)
        if not sources:
            return {}
        pdfs = libreoffice.to_pdf(sources, Path(work) / "pdf")
        tool = shutil.which("pdftotext")
        if tool is None:
            raise PtdraftError("pdftotext (poppler-utils) is not installed")
        for reading, options in PDF_READINGS.items():
            per_case: dict[str, dict[str, float]] = {}
            for source, pdf in pdfs.items():
                text_path = pdf.with_name(f"{pdf.stem}{'-'.join(options)}.txt")
                subprocess.run([tool, *options, "-enc", "UTF-8", str(pdf), str(text_path)], check=True, timeout=60)
                ann = annotations[source.stem]
                try:
                    draft, _report = api.import_file(text_path)
                    per_case[source.stem] = score_rendered(ann, read_rendered(api.docx_bytes(draft, strict=False)))
                except PtdraftError:
                    per_case[source.stem] = {part: 0.0 for part in PARTS}
            means = {part: sum(s[part] for s in per_case.values()) / len(per_case) for part in PARTS}
            results[reading] = (means, per_case)
        per_case = {}
        for source, pdf in pdfs.items():  # the PDF itself imported (ptdraft reads its text with pypdf)
            try:
                draft, _report = api.import_file(pdf)
                per_case[source.stem] = score_rendered(annotations[source.stem],
                                                       read_rendered(api.docx_bytes(draft, strict=False)))
            except PtdraftError:
                per_case[source.stem] = {part: 0.0 for part in PARTS}
        results["ptdraft import of the PDF"] = (
            {part: sum(s[part] for s in per_case.values()) / len(per_case) for part in PARTS}, per_case)
    return results


# -- the corpus letters as other sites print them ----------------------------

_EXCERPT_BODY = "Thực hiện nhiệm vụ được giao, cơ quan triển khai các nội dung như sau:"


def _cells(ann: dict) -> tuple[list[list[str]], list[list[str]]]:
    """An annotated letter's header as its two columns' rows (left, right), each row a cell's lines: the authority
    broken at 32 characters as a clerk breaks it in its cell, the rules under it and the motto typed, "Số:" with the
    công văn's V/v under it, and the place-date."""
    import textwrap

    year, month, day = (int(x) for x in ann["date"].split("-"))
    left = [line for part in (ann.get("parent_authority"), ann["authority"]) if part
            for line in textwrap.wrap(part, 32, break_on_hyphens=False)]
    number = [f"Số: {ann['number']}"]
    if ann["doc_type"] == "Công văn" and ann["subject"]:
        number.append("V/v " + _strip_about(ann["subject"]))
    date = f"{ann['place']}, ngày {day:02d} tháng {month:02d} năm {year}" if month < 3 else \
        f"{ann['place']}, ngày {day:02d} tháng {month} năm {year}"
    return ([left + ["-------"], number],
            [["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"], [date]])


def _flow_lines(ann: dict) -> list[str]:
    """What follows the header: the type name and subject (named types), Kính gửi, the body and the closing line,
    a blank line between paragraphs."""
    out: list[str] = []
    if ann["doc_type"] != "Công văn":
        out += [ann["doc_type"].upper(), ann["subject"] or ""]
    recipients = ann.get("recipients") or []
    if ann["doc_type"] == "Công điện":
        out.append(f"{ann['authority']} điện:")
        out += [f"- {e}{'.' if i == len(recipients) - 1 else ';'}" for i, e in enumerate(recipients)]
    elif len(recipients) == 1:
        out.append(f"Kính gửi: {recipients[0]}.")
    elif recipients:
        out.append("Kính gửi:")
        out += [f"- {e}{'.' if i == len(recipients) - 1 else ';'}" for i, e in enumerate(recipients)]
    if ann.get("excerpt"):
        return out + ["", _EXCERPT_BODY]
    for text in ann["body_paragraphs"] + ann["numbered_items"] + ([ann["closing"]] if ann["closing"] else []):
        out += ["", text]
    return out


def _closing_cells(ann: dict) -> tuple[list[str], list[str]]:
    if ann.get("excerpt"):
        return [], []
    sig = ann["signature"]
    entries = ann["distribution"]
    distribution = (["Nơi nhận:"] + [f"- {e}{'.' if i == len(entries) - 1 else ';'}" for i, e in enumerate(entries)]
                    ) if entries else []
    return distribution, _signature_lines(sig) + ["(Đã ký)", sig["name"]]


def _wrapped(lines: list[str], width: int = 40) -> list[str]:
    """A cell's lines as the cell prints them, each wrapped at ``width`` characters (a long Nơi nhận entry)."""
    import textwrap

    return [part for line in lines for part in (textwrap.wrap(line, width, break_on_hyphens=False) or [""])]


def _side_by_side(left: list[str], right: list[str], join) -> list[str]:
    left, right = _wrapped(left), _wrapped(right, 60)  # the right cell is half as wide again as the left (9 / 6 cm)
    return [join(left[i] if i < len(left) else "", right[i] if i < len(right) else "")
            for i in range(max(len(left), len(right)))]


def _spaced(a: str, b: str) -> str:
    return f"{a:<44}{b}".rstrip()


SITE_STYLES = ("merged cells", "columns apart by spaces", "cells flattened", "columns one after the other",
               "right column first", "rows interleaved")


def site_text(ann: dict, style: str) -> str:
    """An annotated letter printed as a site or a copy of one prints it (``SITE_STYLES``): each row of the header's
    and the closing's tables on one line, its two cells flattened with " | " between (thuvienphapluat's merged
    cells); the columns' lines side by side apart by spaces (a portal's or ``pdftotext -layout``'s columns); each
    cell flattened onto a line of its own (hieuluat); the left column then the right (hoatieu), the right then the
    left; or the two columns' lines interleaved one by one."""
    (left_rows, right_rows) = _cells(ann)
    nrn, sig = _closing_cells(ann)
    header: list[str] = []
    closing: list[str] = []
    if style == "merged cells":
        header = [f"{' '.join(a)} | {' '.join(b)} |" for a, b in zip(left_rows, right_rows)]
        closing = [f"{' '.join(nrn)} | {' '.join(sig)} |"]
    elif style == "columns apart by spaces":
        for a, b in zip(left_rows, right_rows):
            header += _side_by_side(a, b, _spaced)
        closing = _side_by_side(nrn, sig, _spaced)
    elif style == "cells flattened":
        for a, b in zip(left_rows, right_rows):
            header += [" ".join(a), " ".join(b)]
        closing = [" ".join(nrn), " ".join(sig)]
    elif style in ("columns one after the other", "right column first"):
        left = _wrapped([line for row in left_rows for line in row])
        right = [line for row in right_rows for line in row]
        header = left + right if style == "columns one after the other" else right + left
        closing = nrn + [""] + sig if style == "columns one after the other" else sig + [""] + nrn
    elif style == "rows interleaved":
        for a, b in zip(left_rows, right_rows):
            header += [line for pair in _side_by_side(a, b, lambda x, y: f"{x}\n{y}") for line in pair.split("\n")
                       if line]
        closing = [line for pair in _side_by_side(nrn, sig, lambda x, y: f"{x}\n{y}") for line in pair.split("\n")
                   if line]
    else:
        raise ValueError(style)
    return "\n".join(header + _flow_lines(ann) + [""] + closing) + "\n"


def score_site_folder(folder: Path, style: str) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """``score_folder`` for the folder's letters printed in a site's ``style`` (``site_text``) and imported."""
    import tempfile

    per_case = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _source, annotation in cases(folder):
            ann = json.loads(annotation.read_text(encoding="utf-8"))
            path = Path(tmp) / f"{annotation.stem}.txt"
            path.write_text(site_text(ann, style), encoding="utf-8")
            per_case[annotation.stem] = score_file(path, annotation)
    if not per_case:
        return {}, {}
    return _means(per_case), per_case
