"""Run every rule over an opened DOCX, in the order a reader meets the problems."""
from __future__ import annotations

from pathlib import Path

from ptdraft.checker import rules_file, rules_format, rules_layout, rules_text, rules_units
from ptdraft.ooxml import docx_reader
from ptdraft.ooxml.docx_reader import Package
from ptdraft.checker.findings import Finding, Result
from ptdraft.checker.recognise import recognise


def check_package(package: Package) -> list[Result]:
    """Every finding of an opened DOCX with its repair, page-wide findings first, then by paragraph."""
    doc = package.info
    found = recognise(doc)
    results: list[Result] = []
    results += rules_file.tracked_change_rules(doc)
    results += rules_file.look_alike_rules(doc)
    results += rules_format.page_rules(doc)
    results += rules_format.page_number_rules(doc)
    results += rules_format.draft_mark_rules(doc, found)
    results += rules_format.font_rules(doc)
    results += rules_format.element_rules(doc, found)
    results += rules_format.body_rules(doc, found)
    for rule in rules_text.TEXT_RULES:
        results += rule(doc, found)
    results += rules_layout.layout_rules(doc, found)
    results += rules_units.unit_rules(doc, found)
    results += rules_file.date_field_rules(doc, found)
    seen: set[tuple] = set()
    unique = []
    for result in results:
        key = (result.finding.rule, result.finding.paragraph, result.finding.message)
        if key not in seen:
            seen.add(key)
            unique.append(result)
    return sorted(unique, key=lambda r: (-1 if r.finding.paragraph is None else r.finding.paragraph))


def check_bytes(data: bytes, where: str = "DOCX") -> list[Finding]:
    """The findings of a DOCX held in memory; ``where`` names it in error messages."""
    return [result.finding for result in check_package(docx_reader.read(data, where))]


def check_docx(path: Path) -> list[Finding]:
    """The findings of a DOCX file; a missing, unreadable or broken file is an InputError naming it."""
    return [result.finding for result in check_package(docx_reader.read(Path(path)))]
