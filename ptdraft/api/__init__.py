"""The small interface the window and the command line use. No Qt here, ever.

    from ptdraft import api
    template = api.get_template("cong-van-chung")
    draft = api.new_draft(template, {"tinh": "Quảng Trị"})
    api.export_docx(draft, Path("letter.docx"))

Four parts, one module each:

- :mod:`.drafting`: templates, drafts, filling, layout, problems, the DOCX (loaded with this package);
- :mod:`.library`: the office's template library, the outgoing register, the office profile, hand-off packages;
- :mod:`.text`: Vietnamese text hygiene (spelling, tone marks, legacy encodings) and importing existing letters;
- :mod:`.copies`: copies (bản sao) of an issued document.

The last three load on first use of one of their names (``api.issue_number`` imports :mod:`.library`), so that
rendering a letter does not pay for the database, the importer and the spelling check. Their names are listed
below for readers and type checkers; ``tests/test_architecture.py`` checks that the lists match each part's
``__all__``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ptdraft import lazy
from ptdraft.api import drafting
from ptdraft.api.drafting import (  # noqa: F401
    PtdraftError, Template, Draft, list_templates, get_template, new_draft, office_profile_for_drafts,
    example_draft, with_values, blank_draft, load_draft, save_draft, fill, layout_draft, preview,
    preview_layout, printed, document_types, parts_using, snippets, insert_snippet, find_problems,
    draft_mark_for, with_draft_mark, check_draft, check_docx, docx_bytes, export_docx, export_docx_files,
    missing_fields, proposed_file_name
)

if TYPE_CHECKING:
    from ptdraft.layout import Layout  # loaded with the first layout: the window's first frame has none
    from ptdraft.api.library import (  # noqa: F401
        LibraryEntry, NumberPreview, RegisterEntry, Storage, TemplateCheck, TemplateEvent, TemplateListing,
        TemplateVersion, apply_database_roles, approve_template, attach_register_file, cancel_number,
        check_draft_template, check_template_source, database_location, export_register, export_template,
        field_id_for, history, history_problem, import_template_file, issue_number, issue_number_for_file,
        library_template, library_templates, make_package, office_profile, open_database, register_packages,
        preview_number, roles_sql, register_entries, retire_template, save_draft_as_template, save_template,
        set_office_profile, submit_template, template_diff, template_from_draft, template_history,
        template_versions
    )
    from ptdraft.api.text import (  # noqa: F401
        FindingKind, ImportReport, StyleUsage, TextFinding, ToneStyle, check_spelling, check_text,
        convert_legacy, import_file, import_text, tone_styles, with_tone_style
    )
    from ptdraft.api.copies import (  # noqa: F401
        Copier, check_copyable, CopyKind, CopyRequest, copy_kind, copy_layout, copy_passages, copy_symbol,
        default_copier, make_copy, next_copy_number, parse_copy_passages, signature_of
    )

LAZY_PARTS = ("ptdraft.api.library", "ptdraft.api.text", "ptdraft.api.copies")


def _names_of(module_name: str) -> tuple[str, ...]:
    """The ``__all__`` of a part, read from its source without importing it (importing the register to find the
    importer's functions would cost every ``ptdraft import`` the database code)."""
    import ast
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec(module_name)
    if spec is None or spec.origin is None:
        raise ImportError(module_name)
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    return ()


class _Table(dict):
    """name → the module that defines it: the layout's ``Layout``, then the parts' names, read from their sources
    on the first lazy name asked for."""

    loaded = False

    def get(self, name, default=None):
        if not self.loaded:
            self.loaded = True
            for module_name in LAZY_PARTS:
                self.update(dict.fromkeys(_names_of(module_name), module_name))
        return super().get(name, default)


__getattr__ = lazy.attributes(__name__, globals(), _Table(Layout="ptdraft.layout"))
__all__ = ["Layout", *drafting.__all__]  # dir(api) lists the lazy parts' names too


def __dir__() -> list[str]:
    names = set(globals())
    for module_name in LAZY_PARTS:
        names.update(_names_of(module_name))
    return sorted(names)
