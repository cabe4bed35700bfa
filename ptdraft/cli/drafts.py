"""The draft a command works on: a draft file, or a template filled from ``--data`` and ``--set``; and the refusal
to write an incomplete draft as if it were finished. Shared by ``render``, ``new``, ``merge`` and ``pdf``."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ptdraft.cli import templates as cli_templates
from ptdraft.errors import InputError

if TYPE_CHECKING:
    from ptdraft.model import Draft

DRAFT_MARK = "DỰ THẢO"  # rules.DRAFT_MARK, without importing the rules for ``ptdraft --help``


def field_values(fields, data_path: Path | None, assignments: list[str]) -> dict:
    """Values from a JSON file and ``--set`` assignments, typed by the fields they name."""
    from ptdraft.files import disk
    from ptdraft.templating import templates

    values: dict = {}
    if data_path is not None:
        data = disk.read_json(data_path)
        if not isinstance(data, dict):
            raise InputError("tệp giá trị phải là một đối tượng JSON {\"trường\": giá trị}", str(data_path))
        values.update(data)
    for assignment in assignments:
        if "=" not in assignment:
            raise InputError(f"'{assignment}' phải có dạng trường=giá_trị", "--set")
        key, text = assignment.split("=", 1)
        key = key.strip()
        item = next((f for f in fields if f.id == key), None)
        if item is None:
            known = ", ".join(f.id for f in fields)
            raise InputError(f"trường '{key}' không có trong mẫu (các trường: {known})", "--set")
        values[key] = templates.coerce_text(item, text)
    return values


def is_draft(source: str) -> bool:
    return source.lower().endswith(".json")


def draft_from(args) -> Draft:
    from ptdraft import api

    if is_draft(args.source):
        draft = api.load_draft(Path(args.source))
        if args.data or args.set:
            given = {**draft.values, **field_values(draft.fields, args.data, args.set)}
            draft = api.with_values(draft, given)
        cli_templates.check_recorded_template(draft, args.db)
        return draft
    template = cli_templates.template_for(args.source, args.db)
    profile = api.office_profile_for_drafts(args.db)
    return api.new_draft(template, field_values(template.fields, args.data, args.set), profile=profile)


def refuse_incomplete(draft, remedy: str | None = None) -> None:
    """An incomplete draft (what the window lists before export) is not written as if it were finished;
    ``remedy``: what else the user may do (default: --du-thao)."""
    from ptdraft import api

    api.fill(draft, strict=False)  # a template that cannot be filled: its own error, naming the part, first
    problems = api.find_problems(draft)
    if not problems:
        return
    named = [f"{p.message} ({p.ref.removeprefix('values.')})" if p.ref.startswith("values.") else p.message
             for p in problems]
    raise InputError(
        f"văn bản còn thiếu hoặc sai {len(problems)} điểm: " + "; ".join(named).rstrip(".")
        + ". Điền đủ rồi xuất lại, "
        + (remedy or f"hoặc thêm --du-thao để xuất bản dự thảo có dấu \"{DRAFT_MARK}\" ở góc trên bên trái trang 1")
        + "; chưa ghi tệp nào")
