"""Where the window keeps its data: settings, recent drafts, autosave, log (platformdirs).

``PTDRAFT_DATA_DIR`` overrides the folder (tests, portable installs).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

MAX_RECENT = 10


def data_dir() -> Path:
    override = os.environ.get("PTDRAFT_DATA_DIR")
    folder = Path(override) if override else Path(platformdirs.user_data_dir("ptdraft", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Settings:
    """A small JSON file of preferences; a damaged file is ignored, never fatal."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or data_dir()) / "settings.json"
        self.values: dict = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self.values = loaded
        except (OSError, ValueError):
            self.values = {}

    def save(self) -> None:
        try:
            temp = self.path.with_suffix(".tmp")
            temp.write_text(json.dumps(self.values, ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(temp, self.path)
        except OSError:
            pass  # preferences are a convenience; the draft itself is saved elsewhere

    @property
    def language(self) -> str | None:
        value = self.values.get("language")
        return value if isinstance(value, str) else None

    @language.setter
    def language(self, code: str) -> None:
        self.values["language"] = code
        self.save()

    @property
    def dictionary(self) -> Path | None:
        """The Vietnamese word list the user chose (setting ``hunspell_vi``, read by ptdraft.vietnamese.lexicon)."""
        value = self.values.get("hunspell_vi")
        return Path(value) if isinstance(value, str) and value.strip() else None

    @dictionary.setter
    def dictionary(self, path: Path | None) -> None:
        from ptdraft.vietnamese.lexicon import default_lexicon

        if path is None:
            self.values.pop("hunspell_vi", None)
        else:
            self.values["hunspell_vi"] = str(Path(path).resolve())
        self.save()
        default_lexicon.cache_clear()  # the next check reads the chosen file

    def recent(self) -> list[Path]:
        items = self.values.get("recent", [])
        return [Path(p) for p in items if isinstance(p, str)] if isinstance(items, list) else []

    def add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        items = [p for p in (str(x) for x in self.recent()) if p != text]
        self.values["recent"] = [text, *items][:MAX_RECENT]
        self.save()

    @property
    def window(self) -> dict:
        """The drafting window as it was closed: its place, step and splitters (see gui/window_place.py)."""
        value = self.values.get("window")
        return value if isinstance(value, dict) else {}

    def remember_window(self, values: dict) -> None:
        self.values["window"] = values
        self.save()

    def last_folder(self) -> Path:
        """The folder of the last file opened, saved or exported (the home folder at first, or when it is gone)."""
        value = self.values.get("last_folder")
        if isinstance(value, str) and value and Path(value).is_dir():
            return Path(value)
        return Path.home()

    def remember_folder(self, path: Path) -> None:
        """Remember the folder of ``path`` (a file) for the next file dialog."""
        self.values["last_folder"] = str(Path(path).resolve().parent)
        self.save()
