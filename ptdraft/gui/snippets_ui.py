"""Insert → a snippet: the approved pieces (legal bases, requests, closings, the office's Nơi nhận groups) put into
the draft where they print, and the step of that part shown (issue 12.6). The snippets and where they go are those
of ``ptdraft snippets`` (:func:`ptdraft.api.insert_snippet`)."""
from __future__ import annotations

from PySide6.QtGui import QAction

from ptdraft import api
from ptdraft.gui.i18n import _


def _kind_titles() -> dict[str, str]:
    return {
        "can_cu": _("Legal basis"),
        "de_nghi": _("Request"),
        "ket": _("Closing sentence"),
        "noi_nhan": _("Recipient group"),
    }


def install(window, menu) -> None:
    """The Insert menu (``menu``, made with the menu bar): submenus listing the snippets of each kind, read when
    the menu opens (the office's groups may have changed in Office information)."""
    window.insert_menu = menu
    menus = {}
    for kind, title in _kind_titles().items():
        menus[kind] = menu.addMenu(title)
        menus[kind].aboutToShow.connect(lambda k=kind: _fill(window, menus[k], k))


def _fill(window, menu, kind: str) -> None:
    menu.clear()
    found = window.guard(lambda: api.snippets(kind, profile=api.office_profile_for_drafts())) or ()
    for snippet in found:
        action = QAction(snippet.title, menu)
        action.setToolTip(snippet.text)
        action.triggered.connect(lambda _checked=False, s=snippet: window.guard(lambda: insert(window, s)))
        menu.addAction(action)
    if not found:
        empty = menu.addAction(_("(none yet: enter the office's groups in File → Office information…)"))
        empty.setEnabled(False)


def insert(window, snippet) -> None:
    """Put ``snippet`` into the draft, show its step, and say where it went."""
    state = window.state
    state.replace(api.insert_snippet(state.draft, snippet), state.path, dirty=True)
    window.go_to_ref(snippet.part)
    window.show_notice(_("Inserted: {title}").format(title=snippet.title))
