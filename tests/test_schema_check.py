"""ptdraft.files.schema_check reads the draft schema as a full JSON Schema 2020-12 validator does: the jsonschema package
(a test dependency only) and ptdraft's own check agree, error for error and in the same order, on valid drafts and
on many generated broken ones."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptdraft import api
from ptdraft.files import drafts as draft_files
from ptdraft.files.schema_check import Checker
from tests.support import RENDER_REAL_LETTER, REPO, modules_loaded_by

SCHEMA = draft_files.schema()
REFERENCE = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
OURS = Checker(SCHEMA)


def _valid_drafts() -> list[dict]:
    drafts = [draft_files.draft_to_dict(api.example_draft(t)) for t in api.list_templates()]
    drafts += [json.loads(p.read_text(encoding="utf-8")) for p in sorted((REPO / "examples").glob("*.json"))
               if "content" in json.loads(p.read_text(encoding="utf-8"))]
    return drafts


VALID = _valid_drafts()


def _reference(data) -> list[tuple[tuple, str]]:
    errors = sorted(REFERENCE.iter_errors(data), key=lambda e: (len(e.path), list(map(str, e.path))))
    return [(tuple(e.absolute_path), e.validator) for e in errors]


def _ours(data) -> list[tuple[tuple, str]]:
    errors = sorted(OURS.errors(data), key=lambda e: (len(e.path), list(map(str, e.path))))
    return [(e.path, e.keyword) for e in errors]


def test_valid_drafts_pass_both():
    assert len(VALID) >= 6
    for data in VALID:
        assert _reference(data) == [] and _ours(data) == []


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 2_000_000) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6) | st.sampled_from(["", "KHẨN", "MẬT", "today", "2026-01-05", "a" * 64, "x_1", "Bad-Id"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "label", "kind", "text", "subitems", "mode", "name", "x", "Bad", "format", "content"]),
        inner, max_size=3),
    max_leaves=8,
)


def _places(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _places(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _places(value, path + (index,))


def _mutate(data, path, action, value, key):
    data = copy.deepcopy(data)
    if not path:
        return value if action == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent[last], dict):
        parent[last][key] = value
    elif action == "add" and isinstance(parent[last], list):
        parent[last].append(value)
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_both_find_the_same_errors_in_broken_drafts(data):
    """One to three random changes (replace a value, delete an entry, add an entry) anywhere in a valid draft:
    the same errors at the same paths with the same keywords, in the same order."""
    draft = data.draw(st.sampled_from(VALID))
    for _ in range(data.draw(st.integers(1, 3))):
        places = list(_places(draft))
        path = data.draw(st.sampled_from(places))
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        value = data.draw(JSON)
        key = data.draw(st.sampled_from(["x", "id", "kind", "zz", "Bad-Name", "text"]))
        if action == "delete" and not path:
            continue
        draft = _mutate(draft, path, action, value, key)
    assert _ours(draft) == _reference(draft)


@pytest.mark.parametrize("definition", ["field", "content"])
def test_definitions_alone_agree(definition):
    target = {"$ref": f"#/$defs/{definition}", "$defs": SCHEMA["$defs"]}
    reference = jsonschema.validators.validator_for(SCHEMA)(target)
    ours = Checker(SCHEMA, {"$ref": f"#/$defs/{definition}"})
    for broken in ({}, {"id": "Bad", "label": ""}, {"number": 0, "date": "05/01/2026", "secrecy": "X"}, [], "x",
                   {"recipients": ["a", 1], "signature": {"mode": "KT"}}):
        expected = sorted((tuple(e.absolute_path), e.validator) for e in reference.iter_errors(broken))
        assert sorted((e.path, e.keyword) for e in ours.errors(broken)) == expected


def test_a_keyword_the_check_does_not_read_is_refused():
    with pytest.raises(ValueError, match="uniqueItems"):
        list(Checker({"type": "array", "uniqueItems": True}).errors([1, 1]))


def test_no_jsonschema_import_when_a_command_starts():
    assert "jsonschema" not in modules_loaded_by(RENDER_REAL_LETTER)
