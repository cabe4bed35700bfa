"""The window is composed of parts it owns (issue 9.5, docs/decisions/0020-the-house.md), read from the sources:

- no module of ``ptdraft.gui`` but ``main_window.py`` sets an attribute on the main window (``window.x = …``,
  ``setattr(window, …)``) or reaches for one of its underscore members: a feature is an object the window makes and
  keeps, written against ``gui/host.Host``, and it keeps its own dialogs and actions;
- every question to the clerk goes through ``Prompts`` (``gui/dialogs.py``): no other module imports Qt's file
  dialog, message box or the other asking dialogs, or runs a dialog modally (``exec``), so the tests' scripted
  prompts answer every question.
"""
from __future__ import annotations

import ast

from tests.support import REPO

GUI = REPO / "ptdraft" / "gui"
# The names the main window goes by in the modules that are handed it.
WINDOW_NAMES = {"window", "window_", "host"}
ASKING_DIALOGS = {"QFileDialog", "QMessageBox", "QInputDialog", "QColorDialog", "QFontDialog", "QPrintDialog",
                  "QPageSetupDialog"}


def _is_window(node: ast.AST) -> bool:
    """``window``, ``host``, ``self.window``, ``self.host``: the main window as a feature or a dialog holds it."""
    if isinstance(node, ast.Name):
        return node.id in WINDOW_NAMES
    return (isinstance(node, ast.Attribute) and node.attr in WINDOW_NAMES and isinstance(node.value, ast.Name)
            and node.value.id == "self")


def reaches_into_the_window(source: str) -> list[str]:
    """Where ``source`` sets an attribute on the window or uses one of its underscore members."""
    found = []
    for node in ast.walk(ast.parse(source)):
        targets: list[ast.AST] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            for part in ast.walk(target):
                if isinstance(part, ast.Attribute) and isinstance(part.ctx, ast.Store) and _is_window(part.value):
                    found.append(f"line {part.lineno}: sets {part.attr} on the window")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"
                and node.args and _is_window(node.args[0])):
            found.append(f"line {node.lineno}: setattr on the window")
        if (isinstance(node, ast.Attribute) and _is_window(node.value) and node.attr.startswith("_")
                and not node.attr.startswith("__")):
            found.append(f"line {node.lineno}: uses the window's {node.attr}")
    return found


def asks_past_prompts(source: str, *, application: bool = False) -> list[str]:
    """Where ``source`` imports an asking dialog of Qt's or runs a dialog modally, ``exec()`` (``application``: the
    module that runs the program, whose ``app.exec()`` is the event loop)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
            found += [f"line {node.lineno}: imports {a.name}" for a in node.names if a.name in ASKING_DIALOGS]
        elif isinstance(node, ast.Attribute) and node.attr in ASKING_DIALOGS:
            found.append(f"line {node.lineno}: uses {node.attr}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("exec", "exec_")
              and not node.args  # a dialog's exec() takes nothing; a context menu's takes where it pops up
              and not (application and isinstance(node.func.value, ast.Name) and node.func.value.id == "app")):
            found.append(f"line {node.lineno}: runs a dialog modally ({node.func.attr})")
    return found


def _sources(*skip: str):
    for path in sorted(GUI.glob("*.py")):
        if path.name not in skip:
            yield path.name, path.read_text(encoding="utf-8")


def test_no_part_of_the_window_sets_its_attributes_or_uses_its_private_members():
    found = {name: hits for name, source in _sources("main_window.py") if (hits := reaches_into_the_window(source))}
    assert found == {}


def test_every_question_goes_through_prompts():
    found = {name: hits for name, source in _sources("dialogs.py")
             if (hits := asks_past_prompts(source, application=name == "app.py"))}
    assert found == {}


def test_the_checks_see_what_they_forbid():
    reaching = """
def install(window, menu):
    window.library_dialog = None
    window.tools_menu.addAction(window._action("x", print))
    setattr(window, "name", 1)
    window.count += 1

class Dialog:
    def __init__(self, window):
        self.window = window
        self.window.last = self
        self.host._may_discard()
        keeps_its_own = window.state.draft
"""
    assert _lines(reaches_into_the_window(reaching)) == [3, 4, 5, 6, 11, 12]
    asking = """
from PySide6.QtWidgets import QFileDialog, QLabel
from PySide6 import QtWidgets

def choose(parent):
    name, _ = QtWidgets.QFileDialog.getOpenFileName(parent)
    ProblemsDialog(parent).exec()
    app.exec()
    QMenu(parent).exec(point)
"""
    assert _lines(asks_past_prompts(asking)) == [2, 6, 7, 8]
    assert _lines(asks_past_prompts(asking, application=True)) == [2, 6, 7]


def _lines(hits: list[str]) -> list[int]:
    return sorted(int(hit.split()[1].rstrip(":")) for hit in hits)


def _host_members() -> tuple[set[str], set[str]]:
    from ptdraft.gui.host import Host

    methods = {name for name, value in vars(Host).items() if callable(value) and not name.startswith("_")}
    return set(Host.__annotations__), methods


def test_the_window_is_the_host_its_features_are_written_against(make_window):
    window = make_window()
    attributes, methods = _host_members()
    assert {"state", "prompts", "step_shown"} <= attributes and {"make_action", "guard", "may_discard"} <= methods
    assert [name for name in attributes | methods if not hasattr(window, name)] == []
    assert [name for name in methods if not callable(getattr(window, name))] == []
    features = (window.tools, window.library, window.sending, window.copying, window.annex_export, window.snippets,
                window.guide)
    assert all(feature.host is window for feature in features)


def test_the_window_puts_its_features_actions_in_its_menus(make_window):
    window = make_window()
    file_actions = window.file_menu.actions()
    before_export = file_actions[:file_actions.index(window.export_action)]
    assert file_actions.index(window.tools.import_action) < file_actions.index(window.recent_menu.menuAction())
    for action in (window.library.save_template_action, window.library.issue_number_action,
                   *window.sending.actions(), window.copying.copy_action):
        assert action in before_export
    assert file_actions[file_actions.index(window.export_action) + 1] is window.annex_export.action
    tools_actions = window.tools_menu.actions()
    for action in (*window.tools.tone_actions, window.tools.check_action, window.library.library_action,
                   window.library.register_action):
        assert action in tools_actions
    assert window.tools.review_action in window.view_menu.actions()
    assert [a.menu() for a in window.insert_menu.actions()] == list(window.snippets.menus.values())
    assert window.guide.action in window.help_menu.actions()
    # The review panel sits under the preview, and its findings outline the page only while it is open.
    assert window.right_split.indexOf(window.tools.panel) == 1
    assert window.tools.marks() == (set(), set())
