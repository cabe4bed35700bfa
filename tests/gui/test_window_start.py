"""The window shows its first frame before the heavy work (issue 14, docs/decisions/0021-window-start-in-two-parts.md).

A fresh process starts the window as ``ptdraft letter.json`` does; at the window's first paint the layout engine,
the page painter, the tools, the library, the register and the checker are not loaded yet and the deferred part of
the start has not run, but the clerk already sees every step's name, the step the window opens on filled from the
draft, and the menu bar. Then the start finishes by itself: every step, every action and the page preview."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ptdraft import api
from ptdraft.gui.steps import STEP_CLASSES
from tests.support.gui import LETTER_JSON

CHILD = Path(__file__).resolve().parent / "start_child.py"
REPO = Path(__file__).resolve().parent.parent.parent

# Loaded only after the first frame: the layout engine and the page painter (the preview), the actions' modules,
# the checks behind the problem list, the template library and register (SQLite), Jinja, the DOCX writer.
AFTER_THE_FIRST_FRAME = (
    "ptdraft.layout", "ptdraft.body", "ptdraft.gui.pages", "ptdraft.gui.tools", "ptdraft.gui.review",
    "ptdraft.gui.library_ui", "ptdraft.gui.sending_ui", "ptdraft.gui.copy_ui", "ptdraft.gui.snippets_ui",
    "ptdraft.gui.help_ui", "ptdraft.problems", "ptdraft.office.office_defaults", "ptdraft.vietnamese",
    "ptdraft.office.library", "ptdraft.storage", "ptdraft.checker", "ptdraft.docx_writer", "jinja2", "sqlite3",
)
# Of those, what finishing the start loads (the preview and the menus need them): proof the list above is not
# simply names nothing loads.
LOADED_BY_THE_FINISH = ("ptdraft.layout", "ptdraft.gui.pages", "ptdraft.gui.tools", "ptdraft.problems")


def _start(tmp_path, *draft: Path) -> dict:
    env = {**os.environ, "PTDRAFT_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(CHILD), *map(str, draft)], capture_output=True, text=True, env=env,
                          timeout=120, cwd=REPO)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout + done.stderr
    assert "ptdraft: window shown" in done.stdout and "ptdraft: window ready" in done.stdout
    return json.loads(lines[-1])


def test_the_first_frame_is_painted_before_the_heavy_part_of_the_start(tmp_path):
    seen = _start(tmp_path)
    first, finished = seen["painted"], seen["finished"]
    letter = api.load_draft(LETTER_JSON)

    assert first["started"] is False  # painted before finish_start ran
    loaded_early = [name for name in first["modules"]
                    if any(name == heavy or name.startswith(heavy + ".") for heavy in AFTER_THE_FIRST_FRAME)]
    assert loaded_early == []
    # What the clerk sees in that frame: the steps' names, the step it opens on with the draft in it, the menus.
    assert first["step_titles"] == [f"{n}. {cls.title()}" for n, cls in enumerate(STEP_CLASSES, start=1)]
    assert first["current_step"] == 0 and first["current_step_built"]
    assert first["authority"] == letter.content.authority
    assert first["menus"] == finished["menus"] and len(first["menus"]) >= 5
    assert first["pages"] == 0 and first["menu_actions"] < finished["menu_actions"]

    assert finished["started"] is True
    assert finished["steps"] == len(STEP_CLASSES) and finished["pages"] >= 1
    for name in LOADED_BY_THE_FINISH:
        assert name in finished["modules"], name


def test_a_draft_of_an_office_template_opens_the_library_only_after_the_first_frame(tmp_path, library_db):
    """The step the window opens on shows the draft at once; the office library's version of its template (for
    "back to the template's wording") is looked up in the database by the deferred part of the start."""
    from tests.support.library_ui import approved

    stored = approved()
    draft = api.new_draft(api.library_template(stored.template_id), {"co_quan": "SỞ NỘI VỤ"})
    path = api.save_draft(draft, tmp_path / "office.ptdraft.json")

    seen = _start(tmp_path, path)
    first, finished = seen["painted"], seen["finished"]
    assert first["started"] is False
    assert [m for m in first["modules"] if m.startswith(("ptdraft.office.library", "ptdraft.storage", "sqlite3"))] == []
    assert draft.content.authority == "{{ co_quan }}"  # step 1 shows the field that fills it, with its value
    assert first["fields"].get("co_quan") == "SỞ NỘI VỤ", first["fields"]
    assert "ptdraft.office.library" in finished["modules"] and finished["pages"] >= 1
