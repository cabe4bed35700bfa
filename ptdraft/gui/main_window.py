"""The drafting window: steps on the left, the form in the middle, the page preview on the right.

It composes panels and turns each user action into "ask, call the engine, show";
every action goes through :meth:`MainWindow.guard`, the one error boundary.
"""
from __future__ import annotations

import functools
import logging
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, QTimer, QUrl, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ptdraft import api
from ptdraft.templating import part_fields
from ptdraft.errors import OutputError, PtdraftError
from ptdraft.gui import i18n, qt_texts, window_place
from ptdraft.gui.autosave import Autosaver
from ptdraft.gui.dialogs import BLANK, DRAFT_SUFFIX, Prompts
from ptdraft.gui.i18n import _
from ptdraft.gui.preview import PreviewPanel
from ptdraft.gui.settings import Settings
from ptdraft.gui.state import DraftState
from ptdraft.gui.steps import STEP_CLASSES, Step
from ptdraft.gui.layouting import MARGIN, SPACING, STRETCH, hbox, page
from ptdraft.gui.widgets import install_wheel_guard, push_button, single_shot
from ptdraft.model import Ref, ref_field

log = logging.getLogger("ptdraft")

# Which step owns a ref that the layout gives a piece of the page.
_PAGE_REFS = {"page_number": "number"}

if TYPE_CHECKING:
    from ptdraft.layout import Layout
    from ptdraft.model import Content


class _FirstPaint(QObject):
    """Calls ``then`` once, when ``window`` is first painted, and removes itself."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then: Callable[[], object] | None = then
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            then()
        return False


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    preview_updated = Signal()
    first_frame_painted = Signal()  # the first frame is drawn (finish_start_when_painted), finish_start comes next
    start_finished = Signal()  # finish_start has run: every step, action and the preview are there
    step_shown = Signal(int)  # the step at this index is now the one shown
    steps: list[Step]
    _early_steps: dict[int, Step]
    filled: Content | None
    layout_shown: Layout | None

    def __init__(self, state: DraftState, settings: Settings, data_dir: Path, prompts: Prompts | None = None) -> None:
        """The frame a clerk sees first: the step list, the step the window was closed on (filled from the draft),
        the menu bar's menus and the empty page area. The rest (the other steps, the menus' actions, the page
        preview, the Qt translations, the wheel guard) is :meth:`finish_start`, which the program runs from the
        event loop once the window has been painted (:meth:`finish_start_when_painted`) and every other caller
        runs before using the window."""
        super().__init__()
        self.state = state
        self.settings = settings
        self.data_dir = data_dir
        self.prompts = prompts or Prompts(self)
        self.autosaver = Autosaver(state, data_dir)
        self.problems: list = []
        self.pages: list = []
        self.filled = None
        self.layout_shown = None
        self.started = False
        self._closing_for_language = False
        self._build()
        self._build_menu_bar()
        # Through the error boundary too: an engine failure while the clerk types becomes one message.
        self.preview_timer = single_shot(self, 0, lambda: self.guard(self.update_preview))
        state.status_changed.connect(self.update_title)
        # The shipped template's wording only: the office library's database is opened by finish_start.
        self._wording = part_fields.template_content(state.draft)
        self.update_title()
        self.restore_place()

    def finish_start(self) -> None:
        """Build what the first frame did without and show the draft in full: every step, the menus' actions,
        the page preview. Runs once; the window is fully usable after it (``started`` is True, ``start_finished``
        has been emitted)."""
        if self.started:
            return
        self.started = True
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window runs in an application
        install_wheel_guard(app)
        qt_texts.install(app)  # Qt's own dialogs and menus in the interface language
        built = self._early_steps
        self._early_steps = {}
        self.steps = [built[index] if index in built else self._make_step(index) for index in range(len(STEP_CLASSES))]
        self._build_actions()
        self.state.changed.connect(self.preview_timer.start)
        self.state.replaced.connect(self.load_steps)
        try:
            self.load_steps()
            self.update_preview()
        finally:  # the start is over even when the draft could not be shown (the error boundary says why)
            self.start_finished.emit()

    def finish_start_when_painted(self) -> None:
        """Once the window's first frame is on the screen (a zero-timer after its first paint, when the whole frame
        has been drawn), emit ``first_frame_painted`` and run :meth:`finish_start`; after a short while anyway if
        the window is never painted (minimised, covered)."""
        self._paint_watch = _FirstPaint(self, lambda: QTimer.singleShot(0, self, self._first_frame_painted))
        QTimer.singleShot(500, self, lambda: self.guard(self.finish_start))

    def _first_frame_painted(self) -> None:
        self.first_frame_painted.emit()
        self.guard(self.finish_start)  # from the event loop: a failure becomes one message, like every action's

    # -- building ---------------------------------------------------------
    def _build(self) -> None:
        self.step_list = QListWidget(self)
        self.step_list.setMinimumWidth(200)
        self.step_list.setMaximumWidth(300)
        self.step_list.setWordWrap(True)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setAccessibleName(_("Steps"))
        self.stack = QStackedWidget(self)
        self.steps = []  # every step, in order, from finish_start on
        self._early_steps = {}  # before it: the steps already shown (the one the window opens on)
        for number, cls in enumerate(STEP_CLASSES, start=1):
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            self.stack.addWidget(scroll)
            self.step_list.addItem(QListWidgetItem(f"{number}. {cls.title()}"))
        self.back_button = push_button(_("Back"), self)
        self.next_button = push_button(_("Next"), self)
        self.back_button.setToolTip(_("Previous step (Ctrl+PgUp)"))
        self.next_button.setToolTip(_("Next step (Ctrl+PgDown)"))
        self.back_button.clicked.connect(lambda: self.go_to_step(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_step(self.stack.currentIndex() + 1))
        nav = hbox(self.back_button, STRETCH, self.next_button)
        form_side = page(self, (self.stack, 1), nav, spacing=SPACING)
        self.preview = PreviewPanel(self)
        self.preview.clicked_ref.connect(self.go_to_ref)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.step_list)
        splitter.addWidget(form_side)
        self.right_split = QSplitter(Qt.Orientation.Vertical, self)
        self.right_split.addWidget(self.preview)
        splitter.addWidget(self.right_split)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([230, 480, 600])
        splitter.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self.setCentralWidget(splitter)
        self.step_list.currentRowChanged.connect(self._step_selected)
        self.stack.currentChanged.connect(self.step_shown)

    def make_action(self, text: str, slot: Callable[[], object], keys=None) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: self.guard(slot))
        self.addAction(action)
        return action

    def _make_step(self, index: int) -> Step:
        step = STEP_CLASSES[index](self.state)
        step.notice.connect(self.show_notice)
        step.reload_needed.connect(self.reload_steps)
        scroll = self.stack.widget(index)
        assert isinstance(scroll, QScrollArea)  # each step sits in its scroll area (_build)
        scroll.setWidget(step)
        return step

    def _step_at(self, index: int) -> Step:
        """The step at ``index``; before finish_start, built (and filled from the draft) when first shown."""
        if self.steps:
            return self.steps[index]
        step = self._early_steps.get(index)
        if step is None:
            step = self._early_steps[index] = self._make_step(index)
            step.load(self.state.draft)
            step.load_parts(self.state.draft, self._wording)
        return step

    def _build_menu_bar(self) -> None:
        """The menus themselves, in their order; their actions come with finish_start."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu(_("&File"))
        self.view_menu = bar.addMenu(_("&View"))
        self.tools_menu = bar.addMenu(_("&Tools"))
        self.insert_menu = bar.addMenu(_("&Insert"))
        language = bar.addMenu(_("&Language"))
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = QAction(self)  # the text after: QAction(text, parent) would build QIcon's enums (push_button)
            action.setText(name)
            action.setCheckable(True)
            action.setChecked(code == i18n.language())
            action.triggered.connect(lambda _checked=False, c=code: self.language_requested.emit(c))
            group.addAction(action)
            language.addAction(action)
        self.help_menu = bar.addMenu(_("&Help"))

    def _build_actions(self) -> None:
        file_menu = self.file_menu
        self.new_action = self.make_action(_("&New…"), self.new_document, QKeySequence.StandardKey.New)
        self.open_action = self.make_action(_("&Open…"), self.open_document, QKeySequence.StandardKey.Open)
        self.save_action = self.make_action(_("&Save"), self.save, QKeySequence.StandardKey.Save)
        self.save_as_action = self.make_action(_("Save &as…"), self.save_as, QKeySequence("Ctrl+Shift+S"))
        self.export_action = self.make_action(_("&Export DOCX…"), self.export_docx, QKeySequence("Ctrl+E"))
        self.pdf_action = self.make_action(_("Export &PDF…"), self.export_pdf, QKeySequence("Ctrl+Shift+E"))
        self.print_action = self.make_action(_("&Print…"), self.print_document, QKeySequence.StandardKey.Print)
        self.quit_action = self.make_action(_("&Quit"), self.close, QKeySequence("Ctrl+Q"))
        self.recent_menu = file_menu.addMenu(_("Open &recent"))
        file_menu.aboutToShow.connect(self._fill_recent)
        for action in (self.new_action, self.open_action):
            file_menu.insertAction(self.recent_menu.menuAction(), action)
        file_menu.addSeparator()
        for action in (self.save_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.export_action, self.pdf_action, self.print_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view = self.view_menu
        for key, label in (("fit_width", _("Fit width")), ("fit_page", _("Fit page")), ("100", "100 %")):
            view.addAction(self.make_action(label, functools.partial(self.preview.set_zoom_mode, key)))
        view.addSeparator()
        self.next_action = self.make_action(_("Next step"), lambda: self.go_to_step(self.stack.currentIndex() + 1), QKeySequence("Ctrl+PgDown"))
        self.back_action = self.make_action(_("Previous step"), lambda: self.go_to_step(self.stack.currentIndex() - 1), QKeySequence("Ctrl+PgUp"))
        view.addAction(self.next_action)
        view.addAction(self.back_action)

        self._build_features()

    def _build_features(self) -> None:
        """The parts of the window that come as features it owns (each written against gui/host.Host), with
        their actions put in the menus here."""
        from ptdraft.gui.annex_editor import AnnexExportFeature
        from ptdraft.gui.copy_ui import CopyFeature
        from ptdraft.gui.help_ui import GuideFeature
        from ptdraft.gui.library_ui import LibraryFeature
        from ptdraft.gui.sending_ui import SendingFeature
        from ptdraft.gui.snippets_ui import SnippetsFeature
        from ptdraft.gui.tools import ToolsFeature

        file_menu, tools_menu = self.file_menu, self.tools_menu
        # The review panel under the preview (View → Review panel, F8), the tools in Tools and File → Import.
        self.tools = tools = ToolsFeature(self)
        self.review = tools.panel  # the review panel, placed here under the preview
        self.right_split.addWidget(tools.panel)
        self.right_split.setStretchFactor(0, 3)
        self.right_split.setStretchFactor(1, 1)
        tools.review_action.toggled.connect(lambda on: self._share_review_height() if on else None)
        self.view_menu.addAction(tools.review_action)
        tools_menu.addActions(list(tools.tone_actions))
        tools_menu.addSeparator()
        tools_menu.addAction(tools.check_action)
        file_menu.insertAction(self.recent_menu.menuAction(), tools.import_action)

        # Template library, save as template, Cấp số, outgoing register.
        self.library = library = LibraryFeature(self)
        tools_menu.addSeparator()
        tools_menu.addAction(library.library_action)
        tools_menu.addAction(library.register_action)
        file_menu.insertAction(self.export_action, library.save_template_action)
        file_menu.insertAction(self.export_action, library.issue_number_action)
        file_menu.insertSeparator(self.export_action)
        # Send to many, hand-off package, office information.
        self.sending = SendingFeature(self)
        file_menu.insertActions(self.export_action, list(self.sending.actions()))
        file_menu.insertSeparator(self.export_action)
        # Make a copy… (bản sao)
        self.copying = CopyFeature(self)
        file_menu.insertAction(self.export_action, self.copying.copy_action)
        # Export with each appendix in a file of its own, after Export DOCX….
        self.annex_export = AnnexExportFeature(self)
        actions = file_menu.actions()
        after = actions.index(self.export_action) + 1
        file_menu.insertAction(actions[after], self.annex_export.action)
        # Insert: legal bases, requests, closings, recipient groups.
        self.snippets = SnippetsFeature(self)
        for menu in self.snippets.menus.values():
            self.insert_menu.addMenu(menu)
        # F1: the guide, open at the step shown.
        self.guide = GuideFeature(self)
        self.help_menu.addAction(self.guide.action)
        self.help_menu.addAction(self.make_action(_("&About ptdraft"), lambda: self.prompts.about()))

    def _share_review_height(self) -> None:
        """Shown, the review panel takes a third of the height under the preview (it starts as a sliver)."""
        split = self.right_split
        total = sum(split.sizes()) or split.height()
        if total and split.sizes()[-1] < total // 4:
            split.setSizes([total - total // 3, total // 3])

    # -- the error boundary -------------------------------------------------
    def guard(self, action: Callable[[], object]) -> object:
        """Run a user action; any error becomes one message, never a traceback or a lost draft."""
        try:
            return action()
        except PtdraftError as exc:
            self.prompts.error(str(exc))
        except Exception:  # noqa: BLE001 - the boundary must catch everything
            log.error("unexpected error\n%s", traceback.format_exc())
            self.autosaver.save_now()
            self.prompts.error(_("Something unexpected went wrong. Your work has been autosaved; details are in the log."))
        return None

    # -- steps and preview ------------------------------------------------------
    def load_steps(self) -> None:
        # The template's own text, for "back to the wording": shipped, or the office library's version of it.
        self._wording = part_fields.template_content(self.state.draft, self._library_template)
        self.reload_steps()

    @staticmethod
    def _library_template(template_id: str, version: int):
        """A version of a template from the office library; None when the database cannot be used."""
        try:
            return api.library_template(template_id, version)
        except (PtdraftError, OSError):
            return None

    def reload_steps(self) -> None:
        """Show every step's parts as the draft has them: a part's fields where its text comes from them."""
        draft = self.state.draft
        shown: set[str] = set()
        for step in self.steps:
            step.load(draft)
            step.load_parts(draft, getattr(self, "_wording", None))
            shown |= set(step.field_widgets)
        others = tuple(item for item in draft.fields if item.id not in shown)
        for step in self.steps:
            if hasattr(step, "set_other_fields"):
                step.set_other_fields(others, draft)

    def _step_selected(self, row: int) -> None:
        if 0 <= row < self.stack.count():
            self._step_at(row)
            self.stack.setCurrentIndex(row)
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.stack.count() - 1)

    def go_to_step(self, index: int) -> None:
        index = max(0, min(index, len(STEP_CLASSES) - 1))
        step = self._step_at(index)
        self.step_list.setCurrentRow(index)
        step.focus_ref("")

    def step_for(self, ref: str) -> int | None:
        ref = _PAGE_REFS.get(ref, ref)
        field_id = ref_field(ref)
        if field_id is not None:  # a template field: the first step that shows it, where its part prints
            for index, step in enumerate(self.steps):
                if field_id in step.field_widgets:
                    return index
        for index, step in enumerate(self.steps):
            if step.owns(ref):
                return index
        return None

    def describe_ref(self, ref: str) -> str:
        """A draft part as the clerk knows it: the step that edits it, and the entry's number in a list."""
        index = self.step_for(ref)
        if index is None:
            return ref
        label = f"{index + 1}. {self.steps[index].title()}"
        try:
            entry = Ref.parse(ref).index
        except ValueError:
            entry = None
        if entry is not None:
            label += f" ({entry})"
        return label

    def go_to_ref(self, ref: str) -> None:
        index = self.step_for(ref)
        if index is None:
            return
        self.step_list.setCurrentRow(index)
        self.steps[index].focus_ref(ref)

    def update_preview(self) -> None:
        draft = self.state.draft
        content, layout, errors = api.preview(draft)
        self.problems = api.find_problems(draft, (content, errors))  # one fill for both
        # The page as it would export now: while something is missing, with the "DỰ THẢO" mark.
        layout = api.with_draft_mark(layout, api.draft_mark_for(draft, self.problems))
        self.filled = content
        self.layout_shown = layout
        self.pages = self.preview.show_layout(layout)
        printed = api.printed(content)
        for step in self.steps:
            step.sync_values(draft)
            step.show_printed(content, printed)
            step.show_filled(draft.content, content)
        self._mark_steps()
        # Outlines only while the review panel is open, each around its finding's own paragraph (ReviewPanel.marks).
        self.set_marks(*self.tools.marks())
        if self.problems:
            self.preview.status.setText(_("{count} thing(s) to check before export").format(count=len(self.problems)))
        else:
            self.preview.status.setText(_("Ready to export"))
        self.preview_updated.emit()

    def step_messages(self) -> list[list[str]]:
        """For each step, what is missing or wrong in its parts. A missing template value also counts for the
        steps whose parts print it ("[Tỉnh]" in the header)."""
        printed_by: list[tuple[str, str]] = []
        for problem in self.problems:
            field_id = ref_field(problem.ref)
            if field_id is not None:
                for part in api.parts_using(self.state.draft, field_id):
                    printed_by.append((part, problem.message))
        out = []
        for step in self.steps:
            own = [p.message for p in self.problems if step.owns(p.ref)]
            own += [message for part, message in printed_by if step.owns(part) and message not in own]
            out.append(own)
        return out

    def _mark_steps(self) -> None:
        for index, (step, own) in enumerate(zip(self.steps, self.step_messages())):
            item = self.step_list.item(index)
            label = f"{index + 1}. {step.title()}"
            item.setText(f"⚠ {label}" if own else label)
            item.setToolTip("\n".join(own))

    def set_marks(self, refs: set, paragraphs: set) -> None:
        self.preview.canvas.set_marks(refs, paragraphs)

    def shown_step(self) -> tuple[int, str, str]:
        index = self.stack.currentIndex()
        step = self.steps[index]
        return index, step.key, f"{index + 1}. {step.title()}"

    def step_problems(self, index: int) -> list[str]:
        return self.step_messages()[index]

    def show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def update_title(self) -> None:
        path = self.state.path
        name = path.name if path else (self.state.draft.title or _("Untitled"))
        star = "*" if self.state.dirty else ""
        self.setWindowTitle(f"{name}{star} — ptdraft")

    # -- documents ------------------------------------------------------------
    def may_discard(self) -> bool:
        if not self.state.dirty:
            return True
        name = self.state.path.name if self.state.path else (self.state.draft.title or _("Untitled"))
        answer = self.prompts.save_changes(name)
        if answer == "save":
            return bool(self.save())
        return answer == "discard"

    def new_document(self) -> None:
        if not self.may_discard():
            return
        choice = self.prompts.choose_template(api.list_templates(), self.settings.recent())
        if choice is None:
            return
        kind, value = choice
        if kind == "recent":
            self.open_path(Path(value))
        elif kind == BLANK:
            self.state.replace(api.blank_draft(), None)
        else:
            self.state.replace(api.new_draft(value, profile=api.office_profile_for_drafts()), None)
        self.go_to_step(0)

    def open_document(self) -> None:
        if not self.may_discard():
            return
        path = self.prompts.open_path(str(self.settings.last_folder()))
        if path is not None:
            self.open_path(path)
            self.settings.remember_folder(path)

    def open_path(self, path: Path) -> None:
        draft = api.load_draft(path)
        self.state.replace(draft, path)
        self.settings.add_recent(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.guard(lambda: self._open_recent(p)))
        self.recent_menu.setEnabled(bool(self.settings.recent()))

    def _open_recent(self, path: Path) -> None:
        if self.may_discard():
            self.open_path(path)

    def save(self) -> bool:
        if self.state.path is None:
            return self.save_as()
        return self._save_to(self.state.path)

    def save_as(self) -> bool:
        suggested = str(self.state.path or self.settings.last_folder() / self.proposed_name(DRAFT_SUFFIX))
        path = self.prompts.save_path(suggested)
        return self._save_to(path) if path else False

    def _save_to(self, path: Path) -> bool:
        while True:
            try:
                api.save_draft(self.state.draft, path)
                break
            except OutputError as exc:
                if not self.prompts.try_other_name(str(exc)):
                    return False
                chosen = self.prompts.save_path(str(path))
                if chosen is None:
                    return False
                path = chosen
        self.state.mark_saved(path)
        self.settings.add_recent(path)
        self.settings.remember_folder(path)
        self.show_notice(_("Saved {path}").format(path=path))
        return True

    def proposed_name(self, suffix: str) -> str:
        """A file name built from the document as it prints: "GM-15-01-2027-trien-khai-chuyen-doi-so.docx"."""
        return api.proposed_file_name(self.state.draft, suffix)

    def _suggested_export(self, suffix: str) -> str:
        return str(self.settings.last_folder() / self.proposed_name(suffix))

    def confirm_problems(self) -> bool:
        problems = api.find_problems(self.state.draft)
        return not problems or self.prompts.confirm_problems(problems)

    def export_mark(self) -> str | None:
        """"DỰ THẢO" while the draft has problems (the clerk chose "Export anyway"), else None: an incomplete
        letter leaves the window marked as a draft, never as a finished one."""
        return api.draft_mark_for(self.state.draft)

    def export_loop(self, kind: str, write: Callable[[Path], object]) -> Path | None:
        path = self.prompts.export_path(self._suggested_export(kind), kind)
        while path is not None:
            try:
                write(path)
                self.settings.remember_folder(path)
                return path
            except OutputError as exc:
                if not self.prompts.try_other_name(str(exc)):
                    return None
                path = self.prompts.export_path(str(path), kind)
        return None

    def export_docx(self) -> Path | None:
        draft = self.state.draft
        api.layout_draft(draft, strict=False)  # a template error stops here, before any question is asked
        if not self.confirm_problems():
            return None
        mark = self.export_mark()
        path = self.export_loop("docx", lambda p: api.export_docx(draft, p, strict=False, draft_mark=mark))
        if path is not None:
            self.after_export(path)
        return path

    def export_pdf(self) -> Path | None:
        from ptdraft.gui.printing import export_pdf

        from ptdraft.gui.pages import paginate

        layout = api.layout_draft(self.state.draft, strict=False)  # a template error stops here, first
        if not self.confirm_problems():
            return None
        layout = api.with_draft_mark(layout, self.export_mark())
        pages = paginate(layout)
        path = self.export_loop("pdf", lambda p: export_pdf(pages, layout, p))
        if path is not None:
            self.after_export(path)
        return path

    def after_export(self, path: Path) -> None:
        answer = self.prompts.exported(path)
        if answer == "file":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif answer == "folder":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrinter

        from ptdraft.gui.pages import paginate
        from ptdraft.gui.printing import paint_pages, setup_printer

        layout = api.layout_draft(self.state.draft, strict=False, draft_mark=self.export_mark())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_printer(printer, layout)
        if self.prompts.print_setup(printer):
            paint_pages(printer, paginate(layout))

    # -- the window's place -----------------------------------------------------
    def restore_place(self) -> None:
        """Size, place, step and splitters as the window was closed, fitted to the screen the clerk has now."""
        saved = self.settings.window
        rect, maximized = window_place.place_from_settings(saved.get("place"))
        self.setGeometry(window_place.fit_to_screen(rect, window_place.screen_room(rect), self.minimumSizeHint()))
        if maximized:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        for key, splitter in (("splitter", self.splitter), ("right_split", self.right_split)):
            sizes = window_place.sizes_from_settings(saved.get(key), splitter.count())
            if sizes is not None:
                splitter.setSizes(sizes)
        step = saved.get("step")
        self.go_to_step(step if isinstance(step, int) and not isinstance(step, bool) else 0)

    def remember_place(self) -> None:
        maximized = self.isMaximized()
        self.settings.remember_window({
            "place": window_place.place_to_settings(self.normalGeometry() if maximized else self.geometry(), maximized),
            "step": self.stack.currentIndex(),
            "splitter": self.splitter.sizes(),
            "right_split": self.right_split.sizes(),
        })

    # -- closing -----------------------------------------------------------------
    def close_for_language(self) -> None:
        self._closing_for_language = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._closing_for_language:
            self.remember_place()
            event.accept()
            return
        if not self.may_discard():
            event.ignore()
            return
        self.remember_place()
        self.autosaver.timer.stop()
        self.autosaver.discard()
        event.accept()
