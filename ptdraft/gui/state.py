"""The draft being edited, told to the panels through signals.

Every edit goes through :class:`DraftState`, which keeps the draft immutable
(each change makes a new Draft), knows whether it is saved, and where.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ptdraft.model import Content, Draft, Value


class DraftState(QObject):
    changed = Signal()  # any edit of the draft
    replaced = Signal()  # a different draft (new, open, restore): forms reload
    status_changed = Signal()  # path or saved state

    def __init__(self, draft: Draft, path: Path | None = None) -> None:
        super().__init__()
        self._draft = draft
        self._path = path
        self._dirty = False

    @property
    def draft(self) -> Draft:
        return self._draft

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set(self, draft: Draft) -> None:
        if draft == self._draft:
            return
        self._draft = draft
        was = self._dirty
        self._dirty = True
        self.changed.emit()
        if not was:
            self.status_changed.emit()

    def update_content(self, **changes: Any) -> None:
        """Change parts of the content, e.g. ``update_content(subject="…")``."""
        content = dataclasses.replace(self._draft.content, **changes)
        self._set(dataclasses.replace(self._draft, content=content))

    def set_content(self, content: Content) -> None:
        """Replace the whole content (a part turned into free text, or back to the template's wording)."""
        self._set(dataclasses.replace(self._draft, content=content))

    def update_signature(self, **changes: Any) -> None:
        signature = dataclasses.replace(self._draft.content.signature, **changes)
        self.update_content(signature=signature)

    def set_value(self, field_id: str, value: Value) -> None:
        values = dict(self._draft.values)
        if value is None:
            values.pop(field_id, None)
        else:
            values[field_id] = value
        self._set(dataclasses.replace(self._draft, values=values))

    def replace(self, draft: Draft, path: Path | None, dirty: bool = False) -> None:
        self._draft = draft
        self._path = path
        self._dirty = dirty
        self.replaced.emit()
        self.changed.emit()
        self.status_changed.emit()

    def mark_saved(self, path: Path) -> None:
        self._path = path
        self._dirty = False
        self.status_changed.emit()

    def content(self) -> Content:
        return self._draft.content
