"""The one reading of a DOCX (Office Open XML): the parts as they are, with lxml, for the checker and the importer.

:mod:`.docx_reader` opens the package (limits, refusals named in Vietnamese) and gives :class:`.document.DocInfo`:
paragraphs in document order (tables cell by cell, content controls, text boxes after their anchor) with each run's
effective formatting resolved through the style chains (:mod:`.wordml`).
"""
