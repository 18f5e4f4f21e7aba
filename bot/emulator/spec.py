"""Telegram's Bot API description (`spec/api.json`) and the checking of values against it.

Top-level parameters arrive as strings (form fields, or JSON body values re-encoded the way the
Bot API server does); `Spec.decode_params` turns them into Python values, and nested objects are
checked field by field against the types they must have.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from bot.emulator.errors import ApiError
from bot.emulator.files import Upload, input_file

_ARRAY = "Array of "
_INTEGER = re.compile(r"-?\d+")
# Subtypes of an abstract type are told apart by a field holding a fixed value, which api.json
# only states in prose: 'Type of the result, must be article', 'always "creator"'.
_DISCRIMINATOR_FIELDS = frozenset({"type", "status", "source"})
_FIXED_VALUE = re.compile(r"(?:must be|always) \"?([\w-]+)")


@dataclass(frozen=True)
class Field:
    name: str
    types: tuple[str, ...]
    required: bool


@dataclass(frozen=True)
class Method:
    name: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class ObjectType:
    name: str
    fields: tuple[Field, ...]
    subtypes: tuple[str, ...]
    fixed: Mapping[str, str]


class InvalidValue(Exception):
    """Where in a value it goes wrong, and how."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path} {problem}")
        self.path = path
        self.expected: tuple[str, ...] = ()
        """For a discriminator that matches no subtype: the values it may have."""

    @classmethod
    def wrong_subtype(cls, path: str, expected: tuple[str, ...]) -> InvalidValue:
        values = ", ".join(f'"{value}"' for value in expected)
        error = cls(path, f"must be {values}" if len(expected) == 1 else f"must be one of {values}")
        error.expected = expected
        return error

    @property
    def depth(self) -> int:
        return self.path.count(".") + self.path.count("[")


def _fields(raw: Mapping[str, Any]) -> tuple[Field, ...]:
    return tuple(
        Field(name=f["name"], types=tuple(f["types"]), required=bool(f["required"]))
        for f in raw.get("fields", ())
    )


def _fixed_values(raw: Mapping[str, Any]) -> dict[str, str]:
    if "subtype_of" not in raw:
        return {}
    fixed = {}
    for f in raw.get("fields", ()):
        match = _FIXED_VALUE.search(f["description"].replace("\u201c", '"'))
        if f["name"] in _DISCRIMINATOR_FIELDS and match:
            fixed[f["name"]] = match.group(1)
    return fixed


class Spec:
    def __init__(self, raw: Mapping[str, Any]) -> None:
        self._methods = {
            name.lower(): Method(name=name, fields=_fields(m)) for name, m in raw["methods"].items()
        }
        self.types = {
            name: ObjectType(
                name=name,
                fields=_fields(t),
                subtypes=tuple(t.get("subtypes", ())),
                fixed=_fixed_values(t),
            )
            for name, t in raw["types"].items()
        }

    def method(self, name: str) -> Method | None:
        """The method called `name`, ignoring case as Telegram does."""
        return self._methods.get(name.lower())

    def decode_params(
        self,
        method: Method,
        raw: Mapping[str, str],
        uploads: Mapping[str, Upload],
        missing: Mapping[str, str],
        optional: frozenset[str] = frozenset(),
    ) -> dict[str, Any]:
        """The method's parameters as Python values; ApiError for what Telegram rejects.

        An empty value counts as absent, as in the Bot API server. A file parameter is an
        `Upload` from `uploads` or a string (see files.py). `missing` gives Telegram's own
        wording for some absent required parameters; `optional` names those required in
        api.json that Telegram lets be absent all the same.
        """
        values: dict[str, Any] = {}
        for field in method.fields:
            value = self._value(field, raw, uploads)
            if value is not None:
                values[field.name] = value
            elif field.required and field.name not in optional:
                default = f'parameter "{field.name}" is required'
                raise ApiError.bad_request(missing.get(field.name, default))
        return values

    def decode_leniently(
        self, method: Method, raw: Mapping[str, str], uploads: Mapping[str, Upload]
    ) -> dict[str, Any]:
        """Every parameter sent, decoded where it is valid: what a recorded call shows."""
        values: dict[str, Any] = dict(raw)
        for field in method.fields:
            with contextlib.suppress(ApiError):
                value = self._value(field, raw, uploads)
                if value is not None:
                    values[field.name] = value
        return values

    def _value(
        self, field: Field, raw: Mapping[str, str], uploads: Mapping[str, Upload]
    ) -> Any | None:
        """One parameter's value; None if it is absent."""
        text = raw.get(field.name, "")
        if "InputFile" in field.types:
            return input_file(field.name, text, uploads)
        return self.decode(field, text) if text else None

    def decode(self, field: Field, text: str) -> Any:
        """One parameter's value from its text, by the first of its types that fits."""
        errors: list[InvalidValue] = []
        unparsable_json = False
        for expr in field.types:
            if expr in ("String", "InputFile"):
                return text
            if expr == "Integer":
                if _INTEGER.fullmatch(text):
                    return int(text)
            elif expr == "Float":
                try:
                    return float(text)
                except ValueError:
                    pass
            elif expr == "Boolean":
                if text.lower() in ("true", "1"):
                    return True
                if text.lower() in ("false", "0"):
                    return False
            else:
                try:
                    value = json.loads(text)
                except ValueError:
                    unparsable_json = True
                    continue
                try:
                    self.check(expr, value, field.name)
                except InvalidValue as error:
                    errors.append(error)
                else:
                    return value
        if errors:
            raise ApiError.bad_request(f"can't parse {field.name}: {_best(errors)}")
        if unparsable_json:
            raise ApiError.bad_request(f"can't parse {field.name} JSON object")
        raise ApiError.bad_request(f'parameter "{field.name}" must be {" or ".join(field.types)}')

    def check(self, expr: str, value: object, path: str) -> None:
        """Raise InvalidValue unless `value` (decoded JSON) is of the type `expr` names."""
        if expr.startswith(_ARRAY):
            if not isinstance(value, list):
                raise InvalidValue(path, f"must be {expr}")
            for index, item in enumerate(value):
                self.check(expr.removeprefix(_ARRAY), item, f"{path}[{index}]")
            return
        if expr in ("String", "InputFile"):
            ok = isinstance(value, str)
        elif expr == "Integer":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif expr == "Float":
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        elif expr == "Boolean":
            ok = isinstance(value, bool)
        else:
            self._check_object(self.types[expr], value, path)
            return
        if not ok:
            raise InvalidValue(path, f"must be {expr}")

    def _check_object(self, kind: ObjectType, value: object, path: str) -> None:
        if kind.subtypes:
            self._check_any(kind.subtypes, value, path)
            return
        if not isinstance(value, dict):
            raise InvalidValue(path, f"must be an object of type {kind.name}")
        for name, fixed in kind.fixed.items():
            if value.get(name) != fixed:
                raise InvalidValue.wrong_subtype(f"{path}.{name}", (fixed,))
        for field in kind.fields:
            item = value.get(field.name)
            if item is not None:
                self._check_any(field.types, item, f"{path}.{field.name}")
            elif field.required:
                raise InvalidValue(f"{path}.{field.name}", "is required")

    def _check_any(self, alternatives: Sequence[str], value: object, path: str) -> None:
        errors = []
        for expr in alternatives:
            try:
                self.check(expr, value, path)
            except InvalidValue as error:
                errors.append(error)
            else:
                return
        raise _best(errors)


def _best(errors: Sequence[InvalidValue]) -> InvalidValue:
    """The error of the alternative that got furthest, which is most likely the one meant."""
    if len(errors) > 1 and all(e.expected for e in errors) and len({e.path for e in errors}) == 1:
        expected = tuple(value for error in errors for value in error.expected)
        return InvalidValue.wrong_subtype(errors[0].path, expected)
    return max(errors, key=lambda e: (not e.expected, e.depth))


@functools.cache
def load_spec() -> Spec:
    text = resources.files("bot.emulator").joinpath("spec/api.json").read_text(encoding="utf-8")
    return Spec(json.loads(text))
