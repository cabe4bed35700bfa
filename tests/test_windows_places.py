"""Where the program looks on a Windows workstation: the data folder under %LOCALAPPDATA%, and the Vietnamese
word list where LibreOffice (installed for all users or for one) or the user puts it, or the file the user chose.

The places are computed from the environment variables Windows sets (LOCALAPPDATA, APPDATA, PROGRAMFILES),
pointed here at temporary folders; platformdirs is made to answer as on Windows.
"""
from __future__ import annotations

import json
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from ptdraft import storage
from ptdraft.gui import settings
from ptdraft.vietnamese import lexicon

WORDS = "3\ntrân/A\ntrọng\nkính\n"


@pytest.fixture
def windows_env(tmp_path, monkeypatch):
    """LOCALAPPDATA, APPDATA and PROGRAMFILES in tmp_path; platformdirs answering as on Windows."""
    places = {name: tmp_path / name for name in ("Local", "Roaming", "Program Files")}
    for folder in places.values():
        folder.mkdir()
    monkeypatch.setenv("LOCALAPPDATA", str(places["Local"]))
    monkeypatch.setenv("APPDATA", str(places["Roaming"]))
    monkeypatch.setenv("PROGRAMFILES", str(places["Program Files"]))
    for name in ("PROGRAMFILES(X86)", "PROGRAMW6432", "PTDRAFT_DATA_DIR", "PTDRAFT_HUNSPELL_VI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER", platformdirs.windows.get_win_folder_from_env_vars)
    monkeypatch.setattr(platformdirs, "user_data_dir",
                        lambda *a, **k: platformdirs.windows.Windows(*a, **k).user_data_dir)
    lexicon.default_lexicon.cache_clear()
    yield places
    lexicon.default_lexicon.cache_clear()


def _dic(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(WORDS, encoding="utf-8")
    return path


def test_data_folder_is_under_localappdata(windows_env):
    """The window's folder and the SQLite library are %LOCALAPPDATA%\\ptdraft (local, not roaming; no author level)."""
    expected = windows_env["Local"] / "ptdraft"
    assert storage.default_path() == expected / "ptdraft.sqlite3"
    assert settings.data_dir() == expected and expected.is_dir()


def test_libreoffice_copies_are_candidates(windows_env):
    """LibreOffice for all users (Program Files), for one user (%LOCALAPPDATA%\\Programs) and the dictionary
    extension in a user's LibreOffice profile are looked at, after the user's own choice and the data folder."""
    machine = _dic(windows_env["Program Files"] / "LibreOffice" / "share" / "extensions" / "dict-vi" / "vi_VN.dic")
    per_user = windows_env["Local"] / "Programs" / "LibreOffice" / "share" / "extensions" / "dict-vi" / "vi_VN.dic"
    profile = _dic(windows_env["Roaming"] / "LibreOffice" / "4" / "user" / "uno_packages" / "cache" / "uno_packages"
                   / "lu1234.tmp_" / "dict-vi.oxt" / "vi_VN.dic")
    candidates = lexicon._candidate_paths()
    data_copy = windows_env["Local"] / "ptdraft" / "vi_VN.dic"
    for path in (data_copy, machine, per_user, profile):
        assert path in candidates, path
    assert candidates.index(data_copy) < candidates.index(machine) < candidates.index(profile)


def test_the_file_the_user_chose_comes_first(windows_env):
    """The setting hunspell_vi (written by the window's Settings) names the list that is read; the Settings
    property reads it back and clearing it goes back to the other places."""
    chosen = _dic(windows_env["Local"] / "Tu dien" / "vi_VN.dic")
    _dic(windows_env["Local"] / "ptdraft" / "vi_VN.dic").write_text("1\nkhác\n", encoding="utf-8")
    prefs = settings.Settings(settings.data_dir())
    prefs.dictionary = chosen
    assert json.loads(prefs.path.read_text(encoding="utf-8"))["hunspell_vi"] == str(chosen.resolve())
    assert settings.Settings(settings.data_dir()).dictionary == chosen.resolve()
    assert lexicon.dictionary_path() == chosen.resolve()
    found = lexicon.default_lexicon()
    assert found.source == str(chosen.resolve()) and "trân" in found and "trọng" in found
    prefs.dictionary = None
    assert lexicon.default_lexicon().source == str(windows_env["Local"] / "ptdraft" / "vi_VN.dic")


def test_a_copy_in_the_data_folder_is_found(windows_env):
    """A clerk who copies vi_VN.dic into %LOCALAPPDATA%\\ptdraft gets it, ahead of any system copy."""
    copy = _dic(windows_env["Local"] / "ptdraft" / "vi_VN.dic")
    assert lexicon.dictionary_path() == copy
    assert "kính" in lexicon.default_lexicon()


def test_a_chosen_file_that_is_gone_falls_back(windows_env, monkeypatch):
    """A setting or variable naming a file that was deleted (or a folder) is passed over, never an error."""
    (windows_env["Local"] / "ptdraft").mkdir()
    (windows_env["Local"] / "ptdraft" / "settings.json").write_text(
        json.dumps({"hunspell_vi": str(windows_env["Local"] / "mat" / "vi_VN.dic")}), encoding="utf-8")
    monkeypatch.setenv("PTDRAFT_HUNSPELL_VI", str(windows_env["Local"]))
    machine = _dic(windows_env["Program Files"] / "LibreOffice" / "share" / "extensions" / "dict-vi" / "vi_VN.dic")
    found = lexicon.dictionary_path()
    assert found is not None and found != windows_env["Local"]
    assert found in (machine, *[p for p in lexicon._candidate_paths() if str(p).startswith("/usr/share")])
