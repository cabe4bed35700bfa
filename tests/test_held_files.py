"""Saving over a file that another program holds (Word has it open, an antivirus is scanning it).

On Windows the final rename of an atomic save then fails with PermissionError. The save tries again after
short pauses; when the file stays held, the command line writes "NAME (1).docx" beside it and says so, the
window asks for another name (tests/gui/test_window_bad_input.py), and a mail merge stops with a message.
PermissionError is simulated by replacing os.replace for the one held path.
"""
from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from ptdraft import api, cli
from ptdraft.files import disk
from ptdraft.files import held_files
from ptdraft.errors import OutputError
from tests.support import LETTER_JSON

OLD = b"PK the clerk's copy, open in Word"


class Holder:
    """os.replace that fails with PermissionError for ``held`` paths (``times`` tries each, None: always)."""

    def __init__(self, monkeypatch, *held: Path, times: int | None = None) -> None:
        self.held = {Path(p) for p in held}
        self.times = times
        self.refused: list[Path] = []
        self.sleeps: list[float] = []
        self._real = os.replace
        monkeypatch.setattr(os, "replace", self)
        monkeypatch.setattr(held_files.time, "sleep", self.sleeps.append)

    def __call__(self, src, dst, *args, **kwargs):
        dst_path = Path(dst)
        if dst_path in self.held and (self.times is None or self.refused.count(dst_path) < self.times):
            self.refused.append(dst_path)
            raise PermissionError(13, "The process cannot access the file because it is being used", str(dst))
        return self._real(src, dst, *args, **kwargs)


def files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def cli_policy():
    """The command line's choice (another name, a notice) for a test that calls the library directly."""
    notes: list[str] = []
    previous = held_files.save_elsewhere_when_held(notes.append)
    yield notes
    held_files.save_elsewhere_when_held(previous)


def test_a_file_let_go_after_a_moment_is_replaced_in_place(tmp_path, monkeypatch, cli_policy):
    """An antivirus that holds the file for two tries: the third rename works, after two pauses, no other name."""
    target = tmp_path / "cong-van.docx"
    target.write_bytes(OLD)
    holder = Holder(monkeypatch, target, times=2)
    written = disk.write_atomic(target, b"new")
    assert written == target and target.read_bytes() == b"new"
    assert holder.refused == [target, target]
    assert holder.sleeps == list(held_files.RETRY_DELAYS[:2])
    assert files(tmp_path) == {"cong-van.docx"} and cli_policy == []


def test_without_the_choice_a_held_file_is_an_error_and_nothing_is_left(tmp_path, monkeypatch):
    """The library on its own (and the window) gets an OutputError naming Word after every retry; the old file
    is intact and no temporary or reserved file is left."""
    target = tmp_path / "cong-van.docx"
    target.write_bytes(OLD)
    holder = Holder(monkeypatch, target)
    assert held_files.notice() is None
    with pytest.raises(OutputError, match="Word") as caught:
        disk.write_atomic(target, b"new")
    assert caught.value.where == str(target)
    assert len(holder.refused) == len(held_files.RETRY_DELAYS) + 1
    assert target.read_bytes() == OLD and files(tmp_path) == {"cong-van.docx"}


def test_the_next_free_name_is_taken(tmp_path, monkeypatch, cli_policy):
    """"X (1).docx" already there (an earlier save): the data goes to "X (2).docx"; both earlier files unchanged."""
    target = tmp_path / "cong-van.docx"
    target.write_bytes(OLD)
    (tmp_path / "cong-van (1).docx").write_bytes(b"earlier")
    Holder(monkeypatch, target)
    written = disk.write_atomic(target, b"new")
    assert written == tmp_path / "cong-van (2).docx" and written.read_bytes() == b"new"
    assert target.read_bytes() == OLD and (tmp_path / "cong-van (1).docx").read_bytes() == b"earlier"
    [note] = cli_policy
    assert str(target) in note and str(written) in note and "Word" in note


def test_other_name_false_never_renames(tmp_path, monkeypatch, cli_policy):
    """A caller that must write exactly that name (a merge's letters, the draft a number was written into) gets
    the error even when the program chose other names."""
    target = tmp_path / "thu-1.docx"
    target.write_bytes(OLD)
    Holder(monkeypatch, target)
    with pytest.raises(OutputError, match="Word"):
        disk.write_atomic(target, b"new", other_name=False)
    assert files(tmp_path) == {"thu-1.docx"} and cli_policy == []


def test_new_draft_over_a_held_file(tmp_path, monkeypatch, capsys):
    """``ptdraft new`` over a draft that another program holds: "quyet-dinh (1).json" is a valid draft, named in
    the notice and in the closing line; the command still exits 0."""
    target = tmp_path / "quyet-dinh.json"
    target.write_bytes(b"{}")
    Holder(monkeypatch, target)
    code = cli.main(["new", "quyet-dinh", "--set", "tinh=Quảng Trị", "-o", str(target)])
    out, err = capsys.readouterr()
    other = tmp_path / "quyet-dinh (1).json"
    assert code == 0, err
    assert target.read_bytes() == b"{}"
    assert api.load_draft(other).values["tinh"] == "Quảng Trị"
    assert err.startswith("ptdraft: chú ý: ") and str(other) in err and len(err.splitlines()) == 1
    assert out.strip() == f"Đã ghi bản thảo {other}"
    assert held_files.notice() is None, "the command line left its choice behind for the window"


def test_check_fix_over_a_held_output(tmp_path, monkeypatch, capsys):
    """``ptdraft check --fix -o`` whose output is held: the corrected copy goes to "… (1).docx", as --json says."""
    source = tmp_path / "cong-van.docx"
    api.export_docx(api.load_draft(LETTER_JSON), source)
    output = tmp_path / "da-sua.docx"
    output.write_bytes(OLD)
    Holder(monkeypatch, output)
    code = cli.main(["check", "--fix", "--json", str(source), "-o", str(output)])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    other = tmp_path / "da-sua (1).docx"
    assert json.loads(out)["output"] == str(other) and zipfile.is_zipfile(other)
    assert output.read_bytes() == OLD and str(other) in err


def test_merge_stops_on_a_held_letter(tmp_path, monkeypatch, capsys):
    """A mail merge whose letter file is held (``--replace`` over an open letter) names it and writes no
    renamed copy: the table decides the names."""
    folder = tmp_path / "gui"
    rows = tmp_path / "noi-nhan.csv"
    rows.write_text("Kính gửi,Tên tệp\nSở Tài chính,so-tai-chinh\n", encoding="utf-8")
    folder.mkdir()
    held = folder / "so-tai-chinh.docx"
    held.write_bytes(OLD)
    Holder(monkeypatch, held)
    code = cli.main(["merge", str(LETTER_JSON), "--rows", str(rows), "-o", str(folder), "--replace"])
    _, err = capsys.readouterr()
    assert code == 2 and "so-tai-chinh.docx" in err and "Word" in err
    assert held.read_bytes() == OLD
    assert not any("(1)" in name for name in files(folder))
