"""Insert → snippet in the window (issue 12.6): the menus list the approved snippets and the office's groups, and a
chosen one lands in the draft where it prints, with its step shown."""
from __future__ import annotations


from ptdraft import api


def _submenu(window, title):
    menu = next(m for m in window.insert_menu.actions() if m.text() == title).menu()
    menu.aboutToShow.emit()
    return menu


def test_a_legal_basis_is_inserted_into_the_decision(make_window, library_db, qtbot):
    window = make_window(api.example_draft(api.get_template("quyet-dinh")))
    assert window.insert_menu.title() == "&Chèn"
    menu = _submenu(window, "Căn cứ")
    action = next(a for a in menu.actions() if "30/2020" in a.text())
    action.trigger()
    assert window.state.draft.values["can_cu"][-1].startswith("Căn cứ Nghị định số 30/2020/NĐ-CP")
    assert window.state.dirty
    assert window.stack.currentIndex() == window.step_for("legal_bases")  # the step where it prints is shown


def test_the_offices_groups_come_from_its_profile(make_window, library_db, qtbot):
    window = make_window(api.example_draft(api.get_template("cong-van-chung")))
    empty = _submenu(window, "Nhóm nơi nhận")
    assert [a.isEnabled() for a in empty.actions()] == [False]
    api.set_office_profile({"noi_nhan": "Cấp trên: UBND tỉnh; Sở Nội vụ"})
    menu = _submenu(window, "Nhóm nơi nhận")
    [action] = menu.actions()
    assert action.text() == "Cấp trên"
    action.trigger()
    assert window.state.draft.values["noi_nhan"][-2:] == ["UBND tỉnh", "Sở Nội vụ"]
