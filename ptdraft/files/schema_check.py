"""The draft file's JSON Schema (resources/draft.schema.json), checked without loading a JSON Schema library.

The schema stays the one description of the format, for people and for the check alike; this module
reads the keywords that schema uses (``type``, ``properties``, ``additionalProperties``, ``required``,
``items``, ``$ref`` to ``#/$defs/…``, ``enum``, ``pattern``, ``minimum``, ``maximum``, ``minLength``,
``anyOf``, ``oneOf``, ``propertyNames``; annotations are skipped) with the meaning JSON Schema 2020-12
gives them, and reports errors in the order a full validator does: keywords in the order the schema
writes them, properties in the schema's order, list items in order. A keyword it does not know is an
error of the schema itself, so a later change to the schema cannot be checked loosely by mistake
(``tests/test_schema_check.py`` compares it with the ``jsonschema`` package on many generated drafts).

Starting a command then costs no import of ``jsonschema`` (about 55 ms of each run).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "examples", "default", "$comment"})


@dataclass(frozen=True)
class SchemaError:
    """One place where the data breaks the schema: ``path`` from the root, the keyword, its value in the
    schema, the data found there and the schema object holding the keyword."""

    path: tuple[str | int, ...]
    keyword: str
    value: Any
    instance: Any
    schema: dict


def _is_type(instance: Any, name: str) -> bool:
    if name == "object":
        return isinstance(instance, dict)
    if name == "array":
        return isinstance(instance, list)
    if name == "string":
        return isinstance(instance, str)
    if name == "boolean":
        return isinstance(instance, bool)
    if name == "null":
        return instance is None
    if isinstance(instance, bool):
        return False
    if name == "integer":
        return isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer())
    if name == "number":
        return isinstance(instance, (int, float))
    raise ValueError(f"draft schema: unknown type {name!r}")


def _equal(one: Any, other: Any) -> bool:
    """JSON equality: true and 1 differ, 1 and 1.0 do not."""
    if isinstance(one, bool) or isinstance(other, bool):
        return type(one) is type(other) and one == other
    numbers = (int, float)
    if isinstance(one, numbers) and isinstance(other, numbers):
        return one == other
    if isinstance(one, list) and isinstance(other, list):
        return len(one) == len(other) and all(_equal(a, b) for a, b in zip(one, other))
    if isinstance(one, dict) and isinstance(other, dict):
        return one.keys() == other.keys() and all(_equal(one[k], other[k]) for k in one)
    return type(one) is type(other) and one == other


class Checker:
    """Checks data against a schema whose ``$defs`` hold the referenced definitions."""

    def __init__(self, root: dict, target: dict | None = None) -> None:
        self.root = root
        self.target = root if target is None else target
        self._patterns: dict[str, re.Pattern] = {}

    def _pattern(self, text: str) -> re.Pattern:
        found = self._patterns.get(text)
        if found is None:
            found = self._patterns[text] = re.compile(text)
        return found

    def _resolve(self, ref: str) -> dict:
        prefix = "#/$defs/"
        if not ref.startswith(prefix):
            raise ValueError(f"draft schema: only local #/$defs/ references are read, not {ref!r}")
        return self.root["$defs"][ref[len(prefix):]]

    def is_valid(self, instance: Any, schema: dict) -> bool:
        return next(self._errors(instance, schema, ()), None) is None

    def errors(self, instance: Any) -> Iterator[SchemaError]:
        return self._errors(instance, self.target, ())

    def _errors(self, instance: Any, schema: dict, path: tuple) -> Iterator[SchemaError]:
        for keyword, value in schema.items():
            if keyword in ANNOTATIONS or keyword == "$defs":
                continue
            if keyword == "$ref":
                yield from self._errors(instance, self._resolve(value), path)
            elif keyword == "type":
                names = value if isinstance(value, list) else [value]
                if not any(_is_type(instance, name) for name in names):
                    yield SchemaError(path, keyword, value, instance, schema)
            elif keyword == "properties":
                if isinstance(instance, dict):
                    for name, sub in value.items():
                        if name in instance:
                            yield from self._errors(instance[name], sub, path + (name,))
            elif keyword == "additionalProperties":
                if isinstance(instance, dict):
                    extra = [name for name in instance if name not in schema.get("properties", {})]
                    if value is False:
                        if extra:
                            yield SchemaError(path, keyword, value, instance, schema)
                    elif isinstance(value, dict):
                        for name in extra:
                            yield from self._errors(instance[name], value, path + (name,))
            elif keyword == "required":
                if isinstance(instance, dict):
                    for name in value:
                        if name not in instance:
                            yield SchemaError(path, keyword, value, instance, schema)
            elif keyword == "items":
                if isinstance(instance, list):
                    for index, item in enumerate(instance):
                        yield from self._errors(item, value, path + (index,))
            elif keyword == "enum":
                if not any(_equal(instance, option) for option in value):
                    yield SchemaError(path, keyword, value, instance, schema)
            elif keyword == "pattern":
                if isinstance(instance, str) and not self._pattern(value).search(instance):
                    yield SchemaError(path, keyword, value, instance, schema)
            elif keyword in ("minimum", "maximum"):
                if isinstance(instance, (int, float)) and not isinstance(instance, bool):
                    if (instance < value) if keyword == "minimum" else (instance > value):
                        yield SchemaError(path, keyword, value, instance, schema)
            elif keyword == "minLength":
                if isinstance(instance, str) and len(instance) < value:
                    yield SchemaError(path, keyword, value, instance, schema)
            elif keyword == "anyOf":
                if not any(self.is_valid(instance, sub) for sub in value):
                    yield SchemaError(path, keyword, value, instance, schema)
            elif keyword == "oneOf":
                if sum(1 for sub in value if self.is_valid(instance, sub)) != 1:
                    yield SchemaError(path, keyword, value, instance, schema)
            elif keyword == "propertyNames":
                if isinstance(instance, dict):
                    for name in instance:
                        yield from self._errors(name, value, path)
            else:
                raise ValueError(f"draft schema: keyword {keyword!r} is not read by ptdraft.files.schema_check")
