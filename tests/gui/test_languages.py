"""The interface in Vietnamese (default) and English: every dialog opens in both, nothing is left untranslated."""
from __future__ import annotations


import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QTimer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

from ptdraft import __version__, api
from ptdraft.gui import dialogs, i18n
from tests.support.gui import LETTER_JSON, REPO

PO = REPO / "resources" / "locale" / "vi" / "LC_MESSAGES" / "ptdraft.po"
LANGUAGES = ["vi", "en"]


def _catalog():
    with open(PO, "rb") as handle:
        return read_po(handle, locale="vi", domain="ptdraft")


CATALOG = _catalog()
TRANSLATED = {m.id: m.string for m in CATALOG if m.id and m.string and m.string != m.id}


def tr(msgid: str, language: str) -> str:
    """What the interface must show for ``msgid`` in ``language``."""
    return TRANSLATED.get(msgid, msgid) if language == "vi" else msgid


def _pattern(msgid: str) -> re.Pattern:
    """An English message as shown, its {placeholders} filled with anything, HTML tags dropped."""
    plain = re.sub(r"<[^>]+>", "", msgid)
    parts = re.split(r"\{\w*\}", plain)
    body = r".+?".join(re.escape(p) for p in parts)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


ENGLISH = {msgid: _pattern(msgid) for msgid in TRANSLATED if len(re.sub(r"[^A-Za-z]", "", msgid)) >= 3}
# Qt's own button texts, which Qt ships no Vietnamese translation for.
QT_ENGLISH = re.compile(r"^&?(OK|Cancel|Open|Save|Close|Yes|No|Apply|Discard|Help|Abort|Retry|Ignore)$")


def _texts(widget: QWidget) -> list[str]:
    """Every piece of interface text a window or dialog shows: titles, labels, buttons, menus, tips, lists."""
    out = [widget.windowTitle(), widget.toolTip()]
    for child in widget.findChildren(QWidget):
        out += [child.toolTip(), child.accessibleName()]
        if isinstance(child, QLabel):
            out.append(child.text())
        elif isinstance(child, QAbstractButton):
            out.append(child.text())
        elif isinstance(child, QGroupBox):
            out.append(child.title())
        elif isinstance(child, QLineEdit | QPlainTextEdit):
            out.append(child.placeholderText())
        elif isinstance(child, QComboBox):
            out += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QListWidget):
            out += [child.item(i).text() for i in range(child.count())]
        elif isinstance(child, QTreeWidget):
            header = child.headerItem()
            out += [header.text(i) for i in range(header.columnCount())]
        elif isinstance(child, QTableView):
            model = child.model()
            out += [str(model.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(model.columnCount())]
        elif isinstance(child, QTabWidget):
            out += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QMenu):
            out.append(child.title())
            out += [a.text() for a in child.actions()] + [a.toolTip() for a in child.actions()]
        elif isinstance(child, QAbstractItemView) and child.model() is not None:  # a file dialog's views
            model = child.model()
            out += [str(model.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(model.columnCount())]
            out += [str(model.index(r, 0, child.rootIndex()).data() or "")
                    for r in range(min(model.rowCount(child.rootIndex()), 50))]
        elif isinstance(child, QTextBrowser):
            out.append(child.toPlainText())
    return [t for t in out if t]


def _untranslated(texts: list[str]) -> list[str]:
    """Shown texts that still hold an English message the catalog translates (or one of Qt's English buttons)."""
    leaks = []
    for text in texts:
        plain = re.sub(r"<[^>]+>", "", text)
        if QT_ENGLISH.match(plain.strip()):
            leaks.append(text)
            continue
        for msgid, pattern in ENGLISH.items():
            if pattern.search(plain) and TRANSLATED[msgid] not in text:
                leaks.append(f"{text!r} (untranslated {msgid!r})")
                break
    return leaks


def test_every_message_of_the_catalog_has_a_translation():
    """Every msgid of the Vietnamese catalog has a msgstr, and none is marked fuzzy."""
    missing = [m.id for m in CATALOG if m.id and not m.string]
    fuzzy = [m.id for m in CATALOG if m.id and m.fuzzy]
    assert len(CATALOG) > 100
    assert missing == []
    assert fuzzy == []


def test_update_catalog_finds_nothing_untranslated_and_nothing_missing(tmp_path, capsys, monkeypatch):
    """scripts/update_catalog.py, run on a copy of the catalog, reports no untranslated message and keeps exactly
    the catalog's messages: every message the window uses is in the catalog, and none is stale."""
    spec = importlib.util.spec_from_file_location("update_catalog", REPO / "scripts" / "update_catalog.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    copy = tmp_path / "ptdraft.po"
    shutil.copy(PO, copy)
    monkeypatch.setattr(script, "PO", copy)
    assert script.main() == 0
    assert "untranslated" not in capsys.readouterr().out
    with open(copy, "rb") as handle:
        refreshed = read_po(handle, locale="vi")
    assert {m.id for m in refreshed if m.id} == {m.id for m in CATALOG if m.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_window_and_its_menus_speak_the_language(make_window, language):
    """The window, its menus, steps, buttons and preview bar are in the chosen language (File menu "&Tệp" / "&File"),
    with no English message left in the Vietnamese interface."""
    i18n.set_language(language)
    window = make_window(api.load_draft(LETTER_JSON))
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == [tr(m, language) for m in ("&File", "&View", "&Tools", "&Insert", "&Language", "&Help")]
    assert menus[0] == {"vi": "&Tệp", "en": "&File"}[language]
    file_menu = window.menuBar().actions()[0].menu()
    assert tr("&Export DOCX…", language) in [a.text() for a in file_menu.actions()]
    assert window.step_list.item(0).text().endswith(tr("Issuing authority", language))
    assert window.back_button.text() == tr("Back", language)
    texts = _texts(window)
    for action in window.menuBar().actions():
        texts += [action.text()] + [a.text() for a in action.menu().actions()]
    if language == "vi":
        assert _untranslated(texts) == []
    else:
        assert "&File" in texts and "Next" in texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_template_chooser_and_problems_dialog_speak_the_language(qtbot, language, tmp_path):
    """The start dialog (templates, blank document, recent drafts, its buttons) and the problems list are translated."""
    i18n.set_language(language)
    recent = tmp_path / "cu.ptdraft.json"
    chooser = dialogs.TemplateChooser(api.list_templates(), [recent])
    qtbot.addWidget(chooser)
    assert chooser.windowTitle() == tr("New document", language)
    assert chooser.list.item(0).text() == tr("Blank document (công văn)", language)
    assert chooser.search.placeholderText() == tr("Search by title or type", language)
    problems = api.find_problems(api.blank_draft())
    assert problems
    problem_dialog = dialogs.ProblemsDialog(problems)
    qtbot.addWidget(problem_dialog)
    assert problem_dialog.windowTitle() == tr("Check before export", language)
    buttons = [b.text() for b in problem_dialog.findChildren(QAbstractButton)]
    assert tr("Export anyway", language) in buttons and tr("Go back and fix", language) in buttons
    about = dialogs.about_text()
    assert __version__ in about
    assert re.sub(r"<[^>]+>", " ", about).split()[2] == {"vi": "Soạn", "en": "Drafting"}[language]
    if language == "vi":
        assert _untranslated(_texts(chooser) + _texts(problem_dialog) + [about]) == []


def _answer_modal(found: list, button_text: str | None = None) -> None:
    """Record the texts of the modal dialog on screen, then press the button showing ``button_text`` (or close it)."""
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(10, lambda: _answer_modal(found, button_text))
        return
    found.append(_texts(dialog) + [getattr(dialog, "text", lambda: "")()])
    for button in dialog.findChildren(QAbstractButton):
        if button_text is not None and button.text() == button_text:
            button.click()
            return
    dialog.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_of_the_window_speaks_the_language(qtbot, language, tmp_path):
    """Each real question box the window asks through Prompts (unsaved changes, restore, error, other name,
    after export, about, a confirmation, a reason, a template import) opens in the chosen language, Qt's own
    buttons included, and gives its answer."""
    i18n.set_language(language)
    parent = QWidget()
    qtbot.addWidget(parent)
    prompts = dialogs.Prompts(parent)
    asked = [
        (lambda: prompts.save_changes("thu.json"), tr("Don't save", language), "discard"),
        (lambda: prompts.restore(0.0, Path("thu.json")), None, None),
        (lambda: prompts.error("Lỗi thử"), None, None),
        (lambda: prompts.try_other_name("Tệp đang mở"), None, None),
        (lambda: prompts.exported(tmp_path / "x.docx"), tr("Open folder", language), "folder"),
        (lambda: prompts.about(), None, None),
        (lambda: prompts.confirm_problems(api.find_problems(api.blank_draft())), tr("Export anyway", language), True),
        (lambda: prompts.confirm("Cấp số 01?"), tr("Yes", language), True),
        (lambda: prompts.ask_text(i18n._("Cancel a number"), "Lý do?"), tr("OK", language), ""),
        (lambda: prompts.confirm_import("mau.toml", api.check_template_source(api.list_templates()[0].source)),
         tr("Add to the library", language), True),
    ]
    for ask, button, expected in asked:
        found: list = []
        QTimer.singleShot(0, lambda f=found, b=button: _answer_modal(f, b))
        answer = ask()
        assert found, f"no dialog opened for {ask}"
        if button is not None:
            assert button in found[0], (button, found[0])
        if expected is not None:
            assert answer == expected
        if language == "vi":
            assert _untranslated(found[0]) == [], found[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_and_register_windows_speak_the_language(make_window, qtbot, language, library_db):
    """The template library window, the template editor, "Save as template", the register view, the import
    review and the start page's library toggle (and its database message) open in the chosen language."""
    from ptdraft.gui.import_review import ImportReview
    from tests.support.library_ui import approved, plain_letter

    first = approved()
    api.save_template(first.source.replace("Trân trọng", "Xin trân trọng"), by="An", submit=True)
    api.issue_number(plain_letter(), user="văn thư")
    i18n.set_language(language)
    window = make_window(plain_letter())
    window.library.library_action.trigger()
    library = window.library.library_dialog
    library.select(first.template_id, 2)
    library.new_button.click()
    editor = library.editor
    window.library.register_action.trigger()
    window.library.save_template_action.trigger()
    review = ImportReview("mau.toml", api.check_template_source(first.source))
    qtbot.addWidget(review)
    dialogs_shown = {
        "Template library": library,
        "Outgoing register": window.library.register_dialog,
        "Save as template": window.library.save_template_dialog,
    }
    for msgid, dialog in dialogs_shown.items():
        assert dialog.windowTitle() == tr(msgid, language)
    assert editor.windowTitle().startswith(tr("Template editor", language))
    assert review.windowTitle() == tr("Import {name}", language).format(name="mau.toml")
    assert library.tabs.tabText(2) == tr("Compare versions", language)
    assert window.library.register_dialog.model.headerData(1, Qt.Orientation.Horizontal) == tr("Number and symbol", language)
    assert window.library.register_dialog.model.data(window.library.register_dialog.model.index(0, 2)) == tr("Ordinary", language)
    assert window.library.register_dialog.model.data(window.library.register_dialog.model.index(0, 8)) == tr("Issued", language)
    library_db.write_bytes(b"garbage" * 300)
    chooser = dialogs.TemplateChooser(api.list_templates(), [],
                                      listing=lambda include_all: api.library_templates(include_all=include_all))
    qtbot.addWidget(chooser)
    chooser.show_all.setChecked(True)
    assert chooser.show_all.text() == tr("Show all versions and states (reviewer)", language)
    assert chooser.error_label.text().startswith(
        tr("The template library cannot be used; only the shipped templates are shown.", language))
    texts = [t for d in (library, editor, review, chooser, *dialogs_shown.values()) for t in _texts(d)]
    texts += [window.library.library_action.text(), window.library.register_action.text(), window.library.save_template_action.text(),
              window.library.issue_number_action.text(), editor.problem.text(), library.details.text()]
    if language == "vi":
        assert _untranslated(texts) == []
    else:
        assert "Approve" in texts and "Cancel number…" in texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_sending_dialogs_speak_the_language(make_window, language, library_db, tmp_path):
    """Send to many (with a table read, its mapping and bad rows shown) and Office information open in the chosen
    language, and so do their menu entries."""
    table = tmp_path / "noi-nhan.csv"
    table.write_text("Kính gửi,Tên tệp,Ghi chú\nSở Tài chính,a,x\nSở Y tế,a,y\n", encoding="utf-8")
    i18n.set_language(language)
    window = make_window(api.load_draft(LETTER_JSON))
    window.sending.merge_action.trigger()
    merge_dialog = window.sending.merge_dialog
    merge_dialog.table_path.setText(str(table))
    merge_dialog.load_table()
    assert merge_dialog.problems.count() == 1
    window.sending.office_action.trigger()
    assert merge_dialog.windowTitle() == tr("Send to many", language)
    assert window.sending.office_dialog.windowTitle() == tr("Office information", language)
    texts = _texts(merge_dialog) + _texts(window.sending.office_dialog)
    texts += [window.sending.merge_action.text(), window.sending.package_action.text(), window.sending.office_action.text(),
              merge_dialog.status.text()]
    texts += [merge_dialog.mapping.item(r, 1).text() for r in range(merge_dialog.mapping.rowCount())]
    if language == "vi":
        assert _untranslated(texts) == []
    else:
        assert "Write letters" in texts and "Send to &many…" in texts


def test_switching_language_keeps_the_draft(qtbot, patched_prompts):
    """Application.switch_language rebuilds the window in English around the same, still unsaved draft,
    without asking to save it."""
    from ptdraft.gui.app import Application

    application = Application(str(LETTER_JSON))
    old = application.window
    qtbot.addWidget(old)
    old.show()
    old.state.update_content(subject="đổi ngôn ngữ giữa chừng")
    draft = application.state.draft

    application.switch_language("en")
    window = application.window
    qtbot.addWidget(window)
    assert window is not old
    assert not old.isVisible()
    assert patched_prompts.calls["save_changes"] == []
    assert window.state is application.state
    assert application.state.draft is draft and application.state.dirty
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.steps[3].subject.toPlainText() == "đổi ngôn ngữ giữa chừng"
    assert application.settings.language == "en"

    application.switch_language("vi")
    qtbot.addWidget(application.window)
    assert application.window.menuBar().actions()[0].text() == "&Tệp"
    assert application.state.draft is draft


def test_compiled_catalog_is_the_one_loaded(compiled_catalogs):
    """The tests compile every .po to a .mo, and the interface then reads the compiled catalog with the same text."""
    import gettext

    from babel.messages.pofile import read_po

    assert [p.name for p in compiled_catalogs] == ["ptdraft.mo"]
    mo = compiled_catalogs[0]
    with open(mo.with_suffix(".po"), "rb") as handle:
        catalog = read_po(handle)
    with open(mo, "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in catalog:
        if message.id:
            assert compiled.gettext(message.id) == message.string
    assert i18n._load("vi").gettext("&File") == "&Tệp"


def test_switching_language_keeps_the_review_panel_and_the_step(qtbot, monkeypatch, tmp_path):
    """After a language switch the window shows the same step, and the review panel stays open if it was."""
    from ptdraft.gui.app import Application

    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(tmp_path / "lang-data"))
    i18n.set_language("vi")
    application = Application(str(LETTER_JSON))
    old = application.window
    qtbot.addWidget(old)
    old.tools.review_action.setChecked(True)
    old.go_to_step(6)
    application.switch_language("en")
    qtbot.addWidget(application.window)
    assert application.window.tools.review_action.isChecked()
    assert application.window.stack.currentIndex() == 6
    i18n.set_language("vi")


# English a clerk must not meet in the Vietnamese interface: Qt's own dialog words (the file dialog's labels,
# buttons, views and menus, the print dialog) and the window's.
ENGLISH_WORDS = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in (
    "Cancel", "Open", "Save", "Save As", "File name", "Look in", "Files of type", "Directory", "Back", "Forward",
    "Parent Directory", "Create New Folder", "List View", "Detail View", "Name", "Size", "Date Modified", "Type",
    "Folder", "Computer", "Print", "Printer", "Properties", "Copies", "Options", "Close", "Yes", "No", "OK",
    "Guide", "Help", "Undo", "Paste", "Select All")) + r")(?!\w)")


def _english_words(texts: list[str]) -> list[str]:
    return [t for t in texts if ENGLISH_WORDS.search(t.replace("&", ""))]


def _answer_file_dialog(found: list) -> None:
    """Record the texts of the file or print dialog on screen (with a file dialog's five labels), then close it."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(10, lambda: _answer_file_dialog(found))
        return
    QApplication.processEvents()
    texts = _texts(dialog)
    if isinstance(dialog, QFileDialog):
        texts += [dialog.labelText(label) for label in QFileDialog.DialogLabel]
    found.append(texts)
    dialog.reject()


@pytest.mark.parametrize("language", LANGUAGES)
def test_file_print_and_guide_dialogs_speak_the_language(make_window, language, tmp_path):
    """Every file dialog the window opens (open and save a draft, export DOCX and PDF, open a file, save a file,
    choose a folder), the print dialog, the guide (F1), the findings of a checked DOCX and the right-click menu of the fields open in the chosen language: in Vietnamese no English
    word of Qt's dialogs shows (Cancel, Open, Save, File name, Look in…), in English they do."""
    from PySide6.QtPrintSupport import QPrinter

    folder = tmp_path / "Văn bản đi"
    folder.mkdir()
    (folder / "giay-moi.docx").write_bytes(b"")
    i18n.set_language(language)
    window = make_window(api.load_draft(LETTER_JSON))
    prompts = dialogs.Prompts(window)
    asked = {
        "open draft": lambda: prompts.open_path(str(folder)),
        "save draft": lambda: prompts.save_path(str(folder / "thu.ptdraft.json")),
        "export docx": lambda: prompts.export_path(str(folder / "thu.docx"), "docx"),
        "export pdf": lambda: prompts.export_path(str(folder / "thu.pdf"), "pdf"),
        "open file": lambda: prompts.open_file(i18n._("Import a letter"), str(folder), i18n._("Letters (*.txt *.md *.docx *.doc *.pdf)")),
        "save file": lambda: prompts.save_file(i18n._("Export the register"), str(folder / "so.csv"),
                                               i18n._("CSV files (*.csv)"), ".csv"),
        "choose folder": lambda: prompts.choose_folder(i18n._("Write the letters to"), str(folder)),
        "print": lambda: prompts.print_setup(QPrinter()),
    }
    shown = {}
    for name, ask in asked.items():
        found: list = []
        QTimer.singleShot(0, lambda f=found: _answer_file_dialog(f))
        assert ask() in (None, False)
        assert found, f"no dialog opened for {name}"
        shown[name] = found[0]
    window.go_to_step(4)
    window.guide.action.trigger()
    shown["guide"] = _texts(window.guide.dialog)

    docx = api.export_docx(api.load_draft(LETTER_JSON), folder / "cong-van.docx", strict=False)
    shown["check a DOCX"] = _texts(window.tools.show_file_findings(docx))  # its Close is Qt's standard button
    for name, field in (("line menu", window.steps[1].place), ("text menu", window.steps[7].closing)):
        shown[name] = [a.text() for a in field.createStandardContextMenu().actions() if a.text()]  # right click
    assert any(tr("&Guide", language) == a.text() for a in window.menuBar().actions()[-1].menu().actions())
    for name, texts in shown.items():
        if language == "vi":
            assert _english_words(texts) == [], name
            assert _untranslated(texts) == [], name
        else:
            assert _english_words(texts), name
    labels = {t.replace("&", "") for t in shown["open draft"]}
    expected = {"en": {"Look in:", "File name:", "Files of type:"}, "vi": {"Tìm trong:", "Tên tệp:", "Loại tệp:"}}
    assert expected[language] <= labels
