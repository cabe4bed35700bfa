"""Shared fixtures: the documents the suite renders once per session, and the one LibreOffice batch.

Every DOCX the format tests read is rendered once here (the real letter, each shipped
template's example, a decision and two drafts with every optional element). Tests
marked ``libreoffice`` run last, so the single ``soffice --convert-to pdf`` call also
covers the files the property test produced.
"""
from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the user's own data folder or database: every test (and every child process it starts) sees an empty data
# folder of the session unless it chooses one itself.
os.environ["PTDRAFT_DATA_DIR"] = tempfile.mkdtemp(prefix="ptdraft-test-data-")
os.environ.pop("PTDRAFT_DB", None)

from tests.support import outside_reads  # noqa: E402

outside_reads.install()  # before any test module is imported: every open of the session is seen

import shutil  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from ptdraft import api  # noqa: E402
from tests.support import fuzzing  # noqa: E402
from tests.support import (  # noqa: E402
    Rendered,
    decision_draft,
    full_cong_van_draft,
    full_decision_draft,
    letter_draft,
    render_to,
    template_example,
)

SOFFICE_TIMEOUT = 900  # seconds for the whole batch; a hang is a failure, not a wait forever


def pytest_collection_modifyitems(session, config, items):
    """Run the LibreOffice tests last so the one conversion batch includes every produced DOCX.

    The check that nothing was opened beside the checkout goes after everything else.
    """
    items.sort(
        key=lambda item: (item.name == "test_zz_nothing_was_opened_beside_the_checkout", item.get_closest_marker("libreoffice") is not None)
    )


@pytest.fixture(scope="session")
def shipped_templates():
    templates = api.list_templates()
    assert templates, "no shipped template found"
    return templates


@pytest.fixture(scope="session")
def docx_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("docx")


@pytest.fixture(scope="session")
def rendered(shipped_templates, docx_dir) -> dict[str, Rendered]:
    """Every document of the format and LibreOffice tests, rendered once, by name."""
    docs = {
        "letter": render_to("letter", letter_draft(), docx_dir),
        "decision": render_to("decision", decision_draft(), docx_dir),
        "full-decision": render_to("full-decision", full_decision_draft(), docx_dir),
        "full-cong-van": render_to("full-cong-van", full_cong_van_draft(), docx_dir),
    }
    for template in shipped_templates:
        name = f"template-{template.id}"
        docs[name] = render_to(name, template_example(template), docx_dir)
    # Two copies of the two-page real letter in one file, as ``ptdraft merge --one-file`` writes them.
    from ptdraft import docx_writer
    from tests.support import Rendered

    merged = docx_dir / "merged-letters.docx"
    letter = letter_draft()
    merged.write_bytes(docx_writer.to_bytes_many([api.layout_draft(letter)] * 2))
    docs["merged-letters"] = Rendered("merged-letters", letter, api.fill(letter), merged)
    # Page breaks the window's preview must place as LibreOffice does (tests/gui/test_preview_pages.py).
    from tests.support.documents import pagination_drafts

    for name, draft in pagination_drafts().items():
        docs[name] = render_to(name, draft, docx_dir)
    # Drafts marked "DỰ THẢO" (docs/decisions/0017-du-thao.md): the two-page letter, a document whose appendices each
    # start a section (the mark on each one's first page), and an incomplete Giấy mời exported anyway.
    docs["du-thao-letter"] = render_to("du-thao-letter", letter_draft(), docx_dir, "DỰ THẢO")
    docs["du-thao-appendices"] = render_to("du-thao-appendices", pagination_drafts()["preview-long-appendices"],
                                           docx_dir, "DỰ THẢO LẦN 2")
    incomplete = api.new_draft(api.get_template("giay-moi"))
    docs["du-thao-giay-moi"] = render_to("du-thao-giay-moi", incomplete, docx_dir, api.draft_mark_for(incomplete))
    return docs


@pytest.fixture(scope="session")
def fuzz_corpus(tmp_path_factory) -> fuzzing.Corpus:
    """The DOCX files the property test produced (filled by test_properties.py)."""
    return fuzzing.Corpus(tmp_path_factory.mktemp("fuzz"))


@pytest.fixture(scope="session")
def soffice() -> str:
    """The LibreOffice binary; missing is a failure (CI installs it), never a skip."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.fail("LibreOffice (soffice) is not installed; the real-client tests need it (apt-get install libreoffice-writer-nogui)")
    for tool in ("pdftotext", "pdfinfo"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is not installed; the real-client tests need poppler-utils")
    return found


@pytest.fixture(scope="session")
def pdfs(soffice, rendered, fuzz_corpus, tmp_path_factory) -> dict[Path, Path]:
    """One ``soffice --convert-to pdf`` call for every DOCX of the session; maps each DOCX to its PDF (or a missing path)."""
    if not fuzz_corpus.paths:
        # The property test was not selected in this run: produce its files here so they still get converted.
        fuzzing.run(fuzz_corpus)
    sources = [doc.path for doc in rendered.values()] + list(fuzz_corpus.paths)
    out_dir = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    # Names must be unique: the PDF is named after the DOCX stem.
    assert len({p.stem for p in sources}) == len(sources)
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, sources),
    ]
    result = subprocess.run(command, capture_output=True, timeout=SOFFICE_TIMEOUT, cwd=out_dir)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return {source: out_dir / f"{source.stem}.pdf" for source in sources}
