"""Insert → a snippet: the approved pieces (legal bases, requests, closings, the office's Nơi nhận groups) put into
the draft where they print, and the step of that part shown (issue 12.6). The snippets and where they go are those
of ``ptdraft snippets`` (:func:`ptdraft.api.insert_snippet`)."""
from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ptdraft import api
from ptdraft.gui.host import Host, as_parent
from ptdraft.gui.i18n import _


def _kind_titles() -> dict[str, str]:
    return {
        "can_cu": _("Legal basis"),
        "de_nghi": _("Request"),
        "ket": _("Closing sentence"),
        "noi_nhan": _("Recipient group"),
    }


class SnippetsFeature:
    """The Insert menu's submenus, one for each kind of snippet, listing the snippets when the submenu opens (the
    office's groups may have changed in Office information); made and kept by the main window
    (``window.snippets``), which puts ``menus`` in its Insert menu."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.menus: dict[str, QMenu] = {}
        for kind, title in _kind_titles().items():
            menu = self.menus[kind] = QMenu(title, as_parent(host))
            menu.aboutToShow.connect(lambda k=kind: self._fill(self.menus[k], k))

    def _fill(self, menu: QMenu, kind: str) -> None:
        host = self.host
        menu.clear()
        found = host.guard(lambda: api.snippets(kind, profile=api.office_profile_for_drafts()))
        for snippet in found if isinstance(found, (list, tuple)) else ():
            action = QAction(snippet.title, menu)
            action.setToolTip(snippet.text)
            action.triggered.connect(lambda _checked=False, s=snippet: host.guard(lambda: self.insert(s)))
            menu.addAction(action)
        if not found:
            empty = menu.addAction(_("(none yet: enter the office's groups in File → Office information…)"))
            empty.setEnabled(False)

    def insert(self, snippet) -> None:
        """Put ``snippet`` into the draft, show its step, and say where it went."""
        state = self.host.state
        state.replace(api.insert_snippet(state.draft, snippet), state.path, dirty=True)
        self.host.go_to_ref(snippet.part)
        self.host.show_notice(_("Inserted: {title}").format(title=snippet.title))
