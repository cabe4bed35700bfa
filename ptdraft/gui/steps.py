"""The steps of the form, in the order the page prints. Each step edits its parts through the DraftState."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from ptdraft import api, rules
from ptdraft.gui.annex_editor import AnnexEditor, CosignerEditor
from ptdraft.gui.i18n import _
from ptdraft.gui.layouting import MARGIN, SPACING, form, vbox
from ptdraft.gui.outline_editor import OutlineEditor
from ptdraft.gui.part_editor import PartEditor, field_widget, focus_of, set_field_value
from ptdraft.gui.state import DraftState
from ptdraft.gui.widgets import (
    DateField,
    DateValue,
    ItemsEditor,
    LineField,
    ListEditor,
    TextField,
)
from ptdraft.model import Content, Draft, Field, Ref, SigningMode, ref_field

SECRECY = ("", *rules.SECRECY_LEVELS)  # "" first: not secret
URGENCY = ("", *rules.URGENCY_LEVELS)
CLOSES = (f"Trân trọng{rules.END_MARK}", rules.END_MARK, "")
DECIDING_TYPES = ("Quyết định", "Nghị quyết")


class Step(QWidget):
    """One page of the form. ``refs`` are the draft parts it owns (for marks and click-to-field)."""

    key = ""
    refs: tuple[str, ...] = ()
    notice = Signal(str)
    reload_needed = Signal()  # a part became free text or went back to the template's wording

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.part_editors: dict[str, PartEditor] = {}
        self.form = form(margin=MARGIN, spacing=SPACING)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A long label (a template's own, or in English) puts its field on the next line instead of
        # widening the form past the screen (1366×768).
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        heading = QLabel(f"<h3>{self.title()}</h3>", self)
        heading.setContentsMargins(MARGIN, MARGIN, MARGIN, 0)  # the form's margin, none under the heading
        self.box = vbox(heading, self.form, margin=0, parent=self)
        self.focus_targets: dict[str, QWidget] = {}

    @classmethod
    def title(cls) -> str:
        raise NotImplementedError

    def owns(self, ref: str) -> bool:
        return any(ref == r or ref.startswith(r + ".") or ref.startswith(r + "[") for r in self.refs)

    def load(self, draft: Draft) -> None:
        """Show the draft's values without emitting edits."""

    def load_parts(self, draft: Draft, wording: Content | None) -> None:
        """Show each part as its fields or as its plain text (after :meth:`load`); ``wording`` is the template's."""
        shown: set[str] = set()
        for editor in self.part_editors.values():
            editor.load(draft, wording, frozenset(shown))
            if editor.from_fields:
                shown.update(editor.field_widgets)

    def sync_values(self, draft: Draft) -> None:
        """Show field values typed in another step that prints the same field."""
        for editor in self.part_editors.values():
            editor.sync_values(draft)

    @property
    def field_widgets(self) -> dict[str, QWidget]:
        """The template fields this step shows, by id (the first widget of each)."""
        out: dict[str, QWidget] = {}
        for editor in self.part_editors.values():
            for field_id, widget in editor.field_widgets.items():
                if editor.from_fields:
                    out.setdefault(field_id, widget)
        return out

    def row_widget(self, widget: QWidget) -> QWidget:
        """The form row's widget for a part's plain editor (its PartEditor)."""
        return next((e for e in self.part_editors.values() if e.plain is widget), widget)

    def show_printed(self, content: Content, printed: dict) -> None:
        """Show how the step's parts will print (called after each preview update)."""

    def focus_ref(self, ref: str) -> None:
        field_id = ref_field(ref)
        if field_id is not None:
            widget = self.field_widgets.get(field_id)
            if widget is not None:
                focus_of(widget).setFocus(Qt.FocusReason.OtherFocusReason)
                return
        for prefix, widget in self.focus_targets.items():
            if ref == prefix or ref.startswith(prefix + ".") or ref.startswith(prefix + "["):
                self._focus_target(prefix, widget).setFocus(Qt.FocusReason.OtherFocusReason)
                return
        first = next(iter(self.focus_targets.items()), None)
        if first is not None:
            self._focus_target(*first).setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_target(self, part: str, widget: QWidget) -> QWidget:
        editor = self.part_editors.get(part)
        if editor is not None and editor.from_fields:
            return editor.focus_widget()
        return getattr(widget, "entry", widget)

    def show_filled(self, source: Content, filled: Content) -> None:
        """Under a part that its fields fill, show what it prints as."""
        for editor in self.part_editors.values():
            editor.show_filled(filled)

    # helpers
    def part_editor(self, part: str, plain: QWidget) -> PartEditor:
        editor = PartEditor(self.state, part, plain, self)
        editor.mode_changed.connect(self.reload_needed)
        self.part_editors[part] = editor
        return editor

    def _add_field(self, label: str, part: str, field: QWidget, tip: str) -> None:
        field.setToolTip(tip)
        if hasattr(field, "notice"):
            field.notice.connect(self.notice)
        self.form.addRow(label, self.part_editor(part, field))
        self.focus_targets[part] = field

    def line(self, label: str, part: str, tip: str = "") -> LineField:
        field = LineField(self)
        field.edited.connect(lambda text: self.state.update_content(**{part: text}))
        self._add_field(label, part, field, tip)
        return field

    def text(self, label: str, part: str, lines: int = 3, tip: str = "") -> TextField:
        field = TextField(self, lines=lines)
        field.edited.connect(lambda text: self.state.update_content(**{part: text}))
        self._add_field(label, part, field, tip)
        return field

    def editor_row(self, editor, part: str, label: str | None = None):
        """A list editor for one content part, on a row of its own (or labelled)."""
        editor.changed.connect(lambda values: self.state.update_content(**{part: tuple(values)}))
        editor.notice.connect(self.notice)
        row = self.part_editor(part, editor)
        if label is None:
            self.form.addRow(row)
        else:
            self.form.addRow(label, row)
        self.focus_targets[part] = editor.entry
        return editor

    def note(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.form.addRow(label)
        return label

    def finish(self) -> None:
        self.box.addStretch(1)


class AuthorityStep(Step):
    key = "authority"
    refs = ("parent_authority", "authority", "national_title")

    @classmethod
    def title(cls) -> str:
        return _("Issuing authority")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.parent_field = self.text(
            _("Parent authority"), "parent_authority", 2, _("The directly superior body, e.g. UBND TỈNH QUẢNG TRỊ; may be empty")
        )
        self.authority_field = self.text(
            _("Issuing authority"), "authority", 2, _("The body issuing the document; one line per printed line")
        )
        self.focus_targets["national_title"] = self.authority_field
        self.note(_("Both print in capitals; the issuing authority in bold, with a short rule under it."))
        self.finish()

    def load(self, draft: Draft) -> None:
        self.parent_field.set_quietly(draft.content.parent_authority)
        self.authority_field.set_quietly(draft.content.authority)


class NumberStep(Step):
    key = "number"
    refs = ("number", "issuer_code", "unit_code", "type_code", "place", "date")

    @classmethod
    def title(cls) -> str:
        return _("Number, place and date")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.number = QSpinBox(self)
        self.number.setRange(0, 999999)
        self.number.setSpecialValueText(_("(blank: the records office fills it in)"))
        self.number.valueChanged.connect(lambda v: self.state.update_content(number=v or None))
        self.form.addRow(_("Number"), self.number)
        self.focus_targets["number"] = self.number
        self.issuer = self.line(_("Authority abbreviation"), "issuer_code", _("e.g. UBND, VP, SNV"))
        self.unit = self.line(_("Unit or field abbreviation"), "unit_code", _("For a công văn: the drafting unit, e.g. VP, HCQT"))
        # Shown only for a draft that has one (an imported letter's "KHLT"): new drafts print the decree's.
        self.type_code = self.line(_("Type group as written"), "type_code",
                                   _("The symbol's first group as the letter wrote it (e.g. KHLT of an older joint plan; "
                                     "“-” for none, as in the Quốc hội's 653/2019/UBTVQH14); clear it to print the "
                                     "decree's abbreviation of the type"))
        self.printed_number = QLabel(self)
        self.form.addRow(_("Prints as"), self.printed_number)
        self.place = self.line(_("Place name"), "place", _("The province or commune name, e.g. Quảng Trị"))
        self.date = DateField(self)
        self.date.edited.connect(self._date_edited)
        self.form.addRow(_("Date"), self.date)
        self.focus_targets["date"] = self.date.picker
        self.finish()

    def load(self, draft: Draft) -> None:
        content = draft.content
        self.number.blockSignals(True)
        self.number.setValue(content.number or 0)
        self.number.blockSignals(False)
        self.issuer.set_quietly(content.issuer_code)
        self.unit.set_quietly(content.unit_code)
        self.type_code.set_quietly(content.type_code)
        self.form.setRowVisible(self.row_widget(self.type_code), bool(content.type_code))
        self.place.set_quietly(content.place)
        self.date.set_quietly(content.date or ((content.date_month, content.date_year) if content.date_year else None))

    def _date_edited(self, value: DateValue) -> None:
        if isinstance(value, tuple):  # the day left blank: its month (or None) and year
            self.state.update_content(date=None, date_month=value[0], date_year=value[1])
        else:
            self.state.update_content(date=value, date_month=None, date_year=None)

    def show_printed(self, content: Content, printed: dict) -> None:
        self.printed_number.setText(str(printed["number"]).replace("\u00a0", " "))
        # The blank day and month as wide as they print (rich text would fold their spaces into one).
        line = html.escape(str(printed["place_date"])).replace("  ", "\u00a0\u00a0")
        self.date.printed.setText(f"<i>{line}</i>")


class MarksStep(Step):
    key = "marks"
    refs = ("secrecy", "urgency", "circulation")

    @classmethod
    def title(cls) -> str:
        return _("Secrecy, urgency, circulation")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.used = QCheckBox(_("This document is secret, urgent or of limited circulation"), self)
        self.form.addRow(self.used)
        self.secrecy = self._combo(_("Secrecy"), "secrecy", SECRECY)
        self.urgency = self._combo(_("Urgency"), "urgency", URGENCY)
        self.circulation = self.line(_("Circulation note"), "circulation", _("e.g. XEM XONG TRẢ LẠI"))
        self.used.toggled.connect(self._toggle)
        self.focus_targets = {"marks": self.used, **self.focus_targets}
        self._show(False)
        self.finish()

    def _combo(self, label: str, part: str, choices: tuple[str, ...]) -> QComboBox:
        combo = QComboBox(self)
        for value in choices:
            combo.addItem(value or _("(none)"), value)
        combo.currentIndexChanged.connect(lambda _i: self.state.update_content(**{part: combo.currentData()}))
        self.form.addRow(label, combo)
        self.focus_targets[part] = combo
        return combo

    def _show(self, visible: bool) -> None:
        for widget in (self.secrecy, self.urgency, self.circulation):
            self.form.setRowVisible(self.row_widget(widget), visible)

    def _toggle(self, checked: bool) -> None:
        self._show(checked)
        if not checked:  # unused marks never print
            self.state.update_content(secrecy="", urgency="", circulation="")
            self.load(self.state.draft)

    def load(self, draft: Draft) -> None:
        content = draft.content
        used = bool(content.secrecy or content.urgency or content.circulation)
        self.used.blockSignals(True)
        self.used.setChecked(used)
        self.used.blockSignals(False)
        self._show(self.used.isChecked())
        for combo, value in ((self.secrecy, content.secrecy), (self.urgency, content.urgency)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.circulation.set_quietly(content.circulation)


class TypeStep(Step):
    key = "type"
    refs = ("doc_type", "subject", "deciding_authority", "legal_bases")

    @classmethod
    def title(cls) -> str:
        return _("Document type and subject")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.kind = QComboBox(self)
        for name in api.document_types():
            self.kind.addItem(name, name)
        self.kind.currentIndexChanged.connect(lambda _i: self.state.update_content(doc_type=self.kind.currentData()))
        self.form.addRow(_("Document type"), self.kind)
        self.focus_targets["doc_type"] = self.kind
        self.subject = self.text(_("Subject"), "subject", 2)
        self.subject_hint = QLabel(self)
        self.form.addRow("", self.subject_hint)
        self.deciding = self.text(_("Deciding authority"), "deciding_authority", 2, _("e.g. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"))
        self.bases = self.editor_row(ListEditor(self), "legal_bases", _("Legal bases"))
        self.finish()

    def _decision_parts(self, visible: bool) -> None:
        for widget in (self.deciding, self.bases):
            self.form.setRowVisible(self.row_widget(widget), visible)

    def load(self, draft: Draft) -> None:
        content = draft.content
        self.kind.blockSignals(True)
        index = self.kind.findData(content.doc_type)
        if index < 0:
            self.kind.addItem(content.doc_type, content.doc_type)
            index = self.kind.count() - 1
        self.kind.setCurrentIndex(index)
        self.kind.blockSignals(False)
        self.subject.set_quietly(content.subject)
        self.deciding.set_quietly(content.deciding_authority)
        self.bases.set_quietly(content.legal_bases)

    def show_printed(self, content: Content, printed: dict) -> None:
        self._decision_parts(content.doc_type in DECIDING_TYPES)
        if content.doc_type == "Công văn":
            self.subject_hint.setText(_("Prints under the number as \"V/v …\"; do not type \"V/v\"."))
        else:
            self.subject_hint.setText(_("Prints centred in bold under the type name."))


class RecipientsStep(Step):
    key = "recipients"
    refs = ("recipients",)

    @classmethod
    def title(cls) -> str:
        return _("Recipients (Kính gửi)")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.note(
            _(
                "One recipient prints on the \"Kính gửi:\" line; several print as a dashed list. "
                "Dashes, \";\" and the final \".\" are added for you."
            )
        )
        self.editor = self.editor_row(ListEditor(self), "recipients")
        self.finish()

    def load(self, draft: Draft) -> None:
        self.editor.set_quietly(draft.content.recipients)

    def focus_ref(self, ref: str) -> None:
        number = _index_in(_ref_steps(ref), "recipients")
        if number is not None and number <= self.editor.list.count():
            self.editor.list.setCurrentRow(number - 1)
            self.editor.list.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().focus_ref(ref)


class ContentStep(Step):
    key = "content"
    refs = ("values", "body")

    @classmethod
    def title(cls) -> str:
        return _("Content")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.body = OutlineEditor(self, lines=12)
        self.body.edited.connect(lambda text: self.state.update_content(body=text))
        self._add_field(_("Body"), "body", self.body, _("A blank line between paragraphs; \"1.\" starts a numbered item, \"a)\" a sub-item."))
        # Fields that no step's part shows (a template field printed nowhere, or in a part with no box of its own).
        self.fields_box = QGroupBox(_("Other template fields"), self)
        self.fields_form = QFormLayout(self.fields_box)
        self.fields_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # template labels run long
        self.form.addRow(self.fields_box)
        self.fields_box.hide()
        self.other_widgets: dict[str, QWidget] = {}
        self._others: tuple[Field, ...] = ()
        # The body takes the height left on the screen (no stretch under it): long letters are typed here.
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.box.setStretchFactor(self.form, 1)

    @property
    def field_widgets(self) -> dict[str, QWidget]:
        own = super().field_widgets
        return {**self.other_widgets, **own}

    def set_other_fields(self, fields: tuple[Field, ...], draft: Draft) -> None:
        """Show the template fields no other step shows, so every field can still be filled in."""
        if fields != self._others:
            while self.fields_form.rowCount():
                self.fields_form.removeRow(0)
            self.other_widgets = {}
            for item in fields:
                widget = field_widget(self.fields_box, item, self.state, self.notice)
                self.fields_form.addRow(f"{item.label} *" if item.required else item.label, widget)
                self.other_widgets[item.id] = widget
            self._others = fields
            self.fields_box.setVisible(bool(fields))
        self.sync_values(draft)

    def sync_values(self, draft: Draft) -> None:
        super().sync_values(draft)
        for item in self._others:
            widget = self.other_widgets[item.id]
            if not (isinstance(widget, DateField) and widget.picker.hasFocus()):  # a date half typed stays
                set_field_value(widget, item, draft)

    def focus_ref(self, ref: str) -> None:
        if not ref:  # entering the step: its first template field, or the body
            widgets = list(self.field_widgets.values())
            target = focus_of(widgets[0]) if widgets else self.body
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().focus_ref(ref)

    def load(self, draft: Draft) -> None:
        self.body.set_quietly(draft.content.body)
        self.body.set_doc_type(draft.content.doc_type)


def _ref_steps(ref: str) -> tuple[tuple[str, int | None], ...]:
    """The steps of ``ref`` (:class:`ptdraft.model.Ref`); none for text that is no ref."""
    try:
        return Ref.parse(ref).steps
    except ValueError:
        return ()


def _index_in(steps: tuple[tuple[str, int | None], ...], part: str) -> int | None:
    """The 1-based index of the entry of ``part`` the first of ``steps`` names ("requirements[2]" → 2), or None."""
    if not steps or steps[0][0] != part or not steps[0][1]:
        return None
    return steps[0][1]


class RequirementsStep(Step):
    key = "requirements"
    refs = ("requirements",)

    @classmethod
    def title(cls) -> str:
        return _("Requirements and tasks")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.note(_("Numbered 1., 2., … with sub-items a), b), c); renumbered as items move."))
        self.editor = self.editor_row(ItemsEditor(self), "requirements")
        self.finish()

    def load(self, draft: Draft) -> None:
        self.editor.set_quietly(draft.content.requirements)

    def focus_ref(self, ref: str) -> None:
        """"requirements[2]" selects item 2, "requirements[2].subitems[1]" its sub-item a)."""
        steps = _ref_steps(ref)
        number = _index_in(steps, "requirements")
        tree = self.editor.tree
        if number is not None and number <= tree.topLevelItemCount():
            node = tree.topLevelItem(number - 1)
            sub = _index_in(steps[1:], "subitems")
            if sub is not None and sub <= node.childCount():
                node = node.child(sub - 1)
            tree.setCurrentItem(node)
            tree.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().focus_ref(ref)


class ClosingStep(Step):
    key = "closing"
    refs = ("closing", "close")

    @classmethod
    def title(cls) -> str:
        return _("Closing")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.closing = self.text(_("Closing paragraph"), "closing", 5)
        self.close_box = QComboBox(self)
        self.close_box.setEditable(True)
        for value in CLOSES:
            self.close_box.addItem(value)
        self.close_box.setToolTip(_("\"./.\" is added to the end of the last paragraph"))
        self.close_box.currentTextChanged.connect(lambda text: self.state.update_content(close=text.strip()))
        self.form.addRow(_("Closing formula"), self.part_editor("close", self.close_box))
        self.focus_targets["close"] = self.close_box
        self.finish()

    def load(self, draft: Draft) -> None:
        self.closing.set_quietly(draft.content.closing)
        self.close_box.blockSignals(True)
        self.close_box.setCurrentText(draft.content.close)
        self.close_box.blockSignals(False)


class SignatureStep(Step):
    key = "signature"
    refs = ("signature", "cosigner")

    MODES = (
        (SigningMode.NONE, "—"),
        (SigningMode.TM, "TM."),
        (SigningMode.KT, "KT."),
        (SigningMode.TL, "TL."),
        (SigningMode.TUQ, "TUQ."),
        (SigningMode.Q, "Q."),
        (SigningMode.TM_KT, "TM. … / KT. …"),
        (SigningMode.TL_KT, "TL. … / KT. …"),
    )

    @classmethod
    def title(cls) -> str:
        return _("Signer")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.mode = QComboBox(self)
        for mode, label in self.MODES:
            self.mode.addItem(label, mode)
        self.mode.currentIndexChanged.connect(lambda _i: self.state.update_signature(mode=self.mode.currentData()))
        self.form.addRow(_("Signing authority"), self.mode)
        self.focus_targets["signature.mode"] = self.mode
        self.collective = self._sig_line(_("On behalf of (TM.)"), "collective", _("e.g. ỦY BAN NHÂN DÂN"))
        self.head = self._sig_line(_("Head's title (KT., TL., TUQ., Q.)"), "head_title", _("e.g. CHỦ TỊCH"))
        self.order = self._sig_line(
            _("Signing by order for (KT. after TL.)"), "order_title", _("e.g. CHÁNH VĂN PHÒNG, whose deputy signs")
        )
        self.position = self._sig_line(_("Signer's position"), "position", _("e.g. PHÓ CHỦ TỊCH"))
        self.name = self._sig_line(_("Signer's full name"), "name", _("No degrees or ranks before the name"))
        self.printed_block = QLabel(self)
        self.printed_block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.form.addRow(_("Prints as"), self.printed_block)
        self.cosigner = CosignerEditor(state, self.MODES, self)  # the second signature, printed on the left
        self.form.addRow(self.cosigner)
        for part, editor in self.cosigner.part_editors.items():
            editor.mode_changed.connect(self.reload_needed)
            self.part_editors[part] = editor
        self.focus_targets["cosigner"] = self.cosigner.fields["position"]
        self.finish()

    def _sig_line(self, label: str, part: str, tip: str) -> LineField:
        field = LineField(self)
        field.edited.connect(lambda text: self.state.update_signature(**{part: text}))
        self._add_field(label, f"signature.{part}", field, tip)
        return field

    def _visible(self, mode: SigningMode) -> None:
        show = {
            self.collective: mode in (SigningMode.TM, SigningMode.TM_KT),
            self.head: mode is not SigningMode.NONE and mode is not SigningMode.TM,
            self.order: mode is SigningMode.TL_KT,
        }
        for widget, visible in show.items():
            self.form.setRowVisible(self.row_widget(widget), visible)

    def load(self, draft: Draft) -> None:
        sig = draft.content.signature
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(max(0, self.mode.findData(sig.mode)))
        self.mode.blockSignals(False)
        self.collective.set_quietly(sig.collective)
        self.head.set_quietly(sig.head_title)
        self.order.set_quietly(sig.order_title)
        self.position.set_quietly(sig.position)
        self.name.set_quietly(sig.name)
        self.cosigner.load(draft)

    def show_printed(self, content: Content, printed: dict) -> None:
        self._visible(content.signature.mode)
        lines = [f"<b>{line}</b>" for line in printed["signature"]]
        self.printed_block.setText("<br>".join(lines))
        self.cosigner.show_printed(content)


class DistributionStep(Step):
    key = "distribution"
    refs = ("distribution", "archive", "drafter_code", "copies", "contact")

    @classmethod
    def title(cls) -> str:
        return _("Distribution (Nơi nhận)")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.note(_("\"Như trên\" is added first when there is a Kính gửi; the \"Lưu: VT, …\" line comes last."))
        self.editor = self.editor_row(
            ListEditor(self, suggestions=("Như trên", "Lãnh đạo cơ quan")), "distribution", _("Recipients")
        )
        self.archive = LineField(self)
        self.archive.setToolTip(_("Units that keep a copy after VT, separated by commas, e.g. HCQT"))
        self.archive.edited.connect(
            lambda text: self.state.update_content(archive=tuple(p.strip() for p in text.split(",") if p.strip()))
        )
        self.archive.notice.connect(self.notice)
        self.form.addRow(_("Kept by (after \"Lưu: VT,\")"), self.part_editor("archive", self.archive))
        self.focus_targets["archive"] = self.archive
        self.drafter = self.line(_("Drafter's initials"), "drafter_code")
        self.copies = QSpinBox(self)
        self.copies.setRange(0, 100000)
        self.copies.setSpecialValueText(_("(not printed)"))
        self.copies.valueChanged.connect(lambda v: self.state.update_content(copies=v or None))
        self.form.addRow(_("Copies issued"), self.copies)
        self.focus_targets["copies"] = self.copies
        self.printed_list = QLabel(self)
        self.form.addRow(_("Prints as"), self.printed_list)
        self.contact = self.text(_("Address and contacts (foot of page 1)"), "contact", 2)
        self.finish()

    def load(self, draft: Draft) -> None:
        content = draft.content
        self.editor.set_quietly(content.distribution)
        joined = ", ".join(content.archive)
        if ", ".join(p.strip() for p in self.archive.text().split(",") if p.strip()) != joined:
            self.archive.setText(joined)
        self.drafter.set_quietly(content.drafter_code)
        self.copies.blockSignals(True)
        self.copies.setValue(content.copies or 0)
        self.copies.blockSignals(False)
        self.contact.set_quietly(content.contact)

    def show_printed(self, content: Content, printed: dict) -> None:
        lines = "<br>".join(printed["distribution"])
        self.printed_list.setText(f"<b><i>Nơi nhận:</i></b><br><small>{lines}</small>")


class AnnexStep(Step):
    """The annexes, printed after the document from a new page (ptdraft/gui/annex_editor.py)."""

    key = "annexes"
    refs = ("annexes", "medium")

    @classmethod
    def title(cls) -> str:
        return _("Appendices and attached texts")

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.note(_("Each prints from a new page with its own page numbers: \"Phụ lục I\", its title and "
                    "\"(Kèm theo … số … ngày … của …)\"."))
        self.editor = AnnexEditor(state, self)
        self.editor.notice.connect(self.notice)
        self.form.addRow(self.editor)
        for part, editor in self.editor.part_editors.items():
            editor.mode_changed.connect(self.reload_needed)
            self.part_editors[part] = editor
        self.focus_targets["annexes"] = self.editor.add_button
        self.finish()

    def load(self, draft: Draft) -> None:
        self.editor.load(draft)

    def show_filled(self, source: Content, filled: Content) -> None:
        self.editor.show_filled(source, filled)

    def focus_ref(self, ref: str) -> None:
        if not self.editor.focus_ref(ref):
            super().focus_ref(ref)


STEP_CLASSES = (
    AuthorityStep,
    NumberStep,
    MarksStep,
    TypeStep,
    RecipientsStep,
    ContentStep,
    RequirementsStep,
    ClosingStep,
    SignatureStep,
    DistributionStep,
    AnnexStep,
)
