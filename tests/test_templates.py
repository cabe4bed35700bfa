"""Template hygiene: every shipped template parses, uses only the fields it declares, renders its example,
and ships inside the wheel with the resources."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ptdraft import api
from ptdraft.templating import render
from ptdraft.reference import doctypes
from ptdraft.model import FieldKind
from ptdraft.templating.templates import APPROVAL_STATES, parse_template
from tests.support.packaging import wheelhouse
from tests.support import REPO, open_docx

TEMPLATES = api.list_templates()
IDS = [t.id for t in TEMPLATES]


def test_templates_folder_matches_the_list():
    """Every .toml in templates/ is listed, under an id equal to its file name."""
    files = sorted(p.stem for p in (REPO / "templates").glob("*.toml"))
    assert sorted(IDS) == files
    for template in TEMPLATES:
        assert template.path is not None and template.path.stem == template.id


def test_issue_templates_are_shipped():
    """The templates the issue asks for are shipped: the real letter, a general công văn, a Thông báo, a Giấy mời."""
    kinds = {t.doc_type for t in TEMPLATES}
    assert "cong-van-van-phong-ubnd-tinh" in IDS
    assert sum(1 for t in TEMPLATES if t.doc_type == doctypes.CONG_VAN) >= 2
    assert {"Thông báo", "Giấy mời"} <= kinds


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_template_uses_only_declared_fields(template):
    """Every name the template's Jinja text reads is a field it declares (jinja2.meta over every part)."""
    declared = {f.id for f in template.fields}
    used: set[str] = set()
    for part, text in render.content_sources(template.content):
        names = render.names_used(text, part)
        assert names <= declared, f"{template.id}: {part} uses {sorted(names - declared)}"
        used |= names
    assert used, f"{template.id}: the template uses none of its fields"


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_template_metadata(template):
    """Id, title, a type from the decree, a version, an approval state; approved templates say by whom and when."""
    assert template.title.strip()
    assert doctypes.canonical(template.doc_type) == template.doc_type
    assert template.version >= 1
    assert template.approval.state in APPROVAL_STATES
    if template.approval.state == "approved":
        assert template.approval.by.strip() and template.approval.at is not None
    for item in template.fields:
        assert item.label.strip()
        if item.kind is FieldKind.CHOICE:
            assert item.options


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_template_example_renders(template):
    """The template's example fills every required field and renders to a DOCX python-docx reopens."""
    draft = api.example_draft(template)
    assert api.missing_fields(draft) == []
    document = open_docx(api.docx_bytes(draft))
    assert any(p.text for p in document.paragraphs)


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_template_reparses_from_its_source(template):
    """Parsing the template's own text again gives the same template (the file is the whole truth)."""
    # Parsed twice here, not against the copy loaded at collection: a default date of "today" changes at midnight.
    first = parse_template(template.source, str(template.path), template.path)
    again = parse_template(template.source, str(template.path), template.path)
    assert again.fields == first.fields and again.content == first.content
    assert again.sha256 == first.sha256 == template.sha256
    assert [f.id for f in again.fields] == [f.id for f in template.fields]


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_new_draft_round_trips_through_json(template, tmp_path):
    """`ptdraft new` writes a draft that loads back to the same draft."""
    draft = api.example_draft(template)
    path = tmp_path / "draft.json"
    api.save_draft(draft, path)
    loaded = api.load_draft(path)
    assert loaded.content == draft.content
    assert dict(loaded.values) == dict(draft.values)
    assert loaded.fields == draft.fields


# ---- the wheel ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the working tree (the tree itself is left without build/ or egg-info), as
    the offline installer builds it: without fetching anything when the build backend is installed here."""
    return wheelhouse.build_own_wheel(REPO, tmp_path_factory.mktemp("wheel"))


def test_wheel_holds_templates_and_resources(wheel):
    """The wheel carries every shipped template, the draft schema and the font metrics."""
    names = set(zipfile.ZipFile(wheel).namelist())
    for template_id in IDS:
        assert f"ptdraft/_templates/{template_id}.toml" in names
    assert "ptdraft/_resources/draft.schema.json" in names
    assert "ptdraft/_resources/fonts/times-metrics.json" in names
    assert "ptdraft/_resources/docx/skeleton.json" in names and "ptdraft/_resources/docx/NOTICE.md" in names
    for data in ("don-vi-moi.csv", "sap-nhap.csv", "tinh-sap-nhap.csv", "LICENSE-dvhcvn.txt", "README.md"):
        assert f"ptdraft/_resources/data/don-vi-hanh-chinh-2025/{data}" in names  # the data travels with its licence
    assert "ptdraft/cli/main.py" in names and "ptdraft/docx_writer.py" in names
    assert not any(name.startswith("tests/") for name in names)


def test_installed_wheel_finds_its_templates(wheel, tmp_path):
    """Installed from the wheel (away from the source tree), ptdraft lists its templates and renders an example."""
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as package:
        package.extractall(target)
    code = (
        "import sys, pathlib, ptdraft\n"
        f"assert pathlib.Path(ptdraft.__file__).is_relative_to({str(target)!r}), ptdraft.__file__\n"
        "from ptdraft import api\n"
        "templates = api.list_templates()\n"
        "print(len(templates))\n"
        "draft = api.example_draft(templates[0])\n"
        "api.export_docx(draft, pathlib.Path('out.docx'))\n"
        "from ptdraft.reference import admin_units\n"
        "assert len(admin_units.communes()) == 3321\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) == len(IDS)
    assert zipfile.is_zipfile(tmp_path / "out.docx")
