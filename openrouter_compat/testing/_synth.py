"""Deterministic content: echo text, JSON that fits a schema, tool arguments, ids and vectors."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
import struct
import time
from collections.abc import Mapping
from typing import Any

from .._json import is_array, is_mapping, is_object

_ALNUM = string.ascii_letters + string.digits
_LOREM = ("lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit")
_rng = random.Random()  # fast, non-cryptographic: ids only need to be unique


def random_token(length: int = 20) -> str:
    """A random alphanumeric token, like the tail of OpenRouter ids."""
    return "".join(_rng.choices(_ALNUM, k=length))


def generation_id(prefix: str = "gen") -> str:
    """A fresh ``gen-<unix time>-<random>`` id."""
    return f"{prefix}-{int(time.time())}-{random_token()}"


def stable_hex(*parts: str, length: int = 24) -> str:
    """A hex string derived from the inputs, for ids that must not change between runs."""
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:length]


def signature(text: str) -> str:
    """A fake but stable reasoning signature (base64 of a hash)."""
    return base64.b64encode(hashlib.sha512(text.encode()).digest()).decode()


def content_text(content: Any) -> str:
    """The text of a message ``content``: a string, or the text parts of a list joined by spaces."""
    if isinstance(content, str):
        return content
    if is_array(content):
        texts = [part.get("text") for part in content if is_object(part)]
        return " ".join(t for t in texts if isinstance(t, str))
    return ""


def word_count(text: str) -> int:
    """Tokens as the emulator counts them: whitespace-separated words."""
    return len(text.split())


def lorem(count: int) -> str:
    """``count`` filler words, for long streams."""
    return " ".join(_LOREM[i % len(_LOREM)] for i in range(count))


def pieces(text: str) -> list[str]:
    """Split text into stream pieces (word plus its space) that join back to exactly ``text``."""
    words = text.split(" ")
    out = [word + " " for word in words[:-1]]
    if words[-1]:
        out.append(words[-1])
    return out


def fill_schema(schema: Any, root: Mapping[str, Any] | None = None) -> Any:
    """A placeholder value that satisfies a simple JSON schema (objects, scalars, arrays, enums, refs)."""
    if not is_mapping(schema):
        return "placeholder"
    root = root if root is not None else schema
    if "$ref" in schema:
        return fill_schema(_resolve(root, str(schema["$ref"])), root)
    if "const" in schema:
        return schema["const"]
    enum = schema.get("enum")
    if is_array(enum) and enum:
        return enum[0]
    for key in ("anyOf", "oneOf", "allOf"):
        options = schema.get(key)
        if is_array(options) and options:
            non_null = [o for o in options if not (is_mapping(o) and o.get("type") == "null")]
            return fill_schema((non_null or options)[0], root)
    kind = schema.get("type")
    if is_array(kind):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or (kind is None and "properties" in schema):
        found = schema.get("properties")
        props: Mapping[str, Any] = found if is_mapping(found) else {}
        required = schema.get("required")
        names = [n for n in props if n in required] if is_array(required) else list(props)
        return {name: fill_schema(props[name], root) for name in names}
    if kind == "array":
        count = max(1, int(schema.get("minItems", 1)))
        return [fill_schema(schema.get("items", {}), root) for _ in range(count)]
    return _scalar(str(kind), schema)


def _scalar(kind: str, schema: Mapping[str, Any]) -> Any:
    """A placeholder for a scalar schema type, honouring a minimum when given."""
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 1.5))
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if schema.get("format") == "date-time":
        return "2025-01-01T00:00:00Z"
    if schema.get("format") == "date":
        return "2025-01-01"
    return "placeholder"


def _resolve(root: Mapping[str, Any], ref: str) -> Any:
    """Follow a local ``#/...`` reference inside the root schema."""
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node.get(part, {}) if is_mapping(node) else {}
    return node


def tool_arguments(parameters: Any) -> str:
    """JSON arguments for a tool call: its required parameters with placeholder values, else ``{}``."""
    if not is_mapping(parameters) or not is_array(parameters.get("required")):
        return "{}"
    return json.dumps(fill_schema(parameters))


def embedding(text: str, dims: int) -> list[float]:
    """A deterministic unit-range vector of float32-exact values derived from a hash of the input."""
    raw = b""
    counter = 0
    while len(raw) < dims * 2:
        raw += hashlib.sha256(f"{counter}|{text}".encode()).digest()
        counter += 1
    values = [int.from_bytes(raw[i * 2 : i * 2 + 2], "little") / 32767.5 - 1.0 for i in range(dims)]
    return list(struct.unpack(f"<{dims}f", struct.pack(f"<{dims}f", *values)))


def embedding_base64(vector: list[float]) -> str:
    """Little-endian float32 bytes, base64-encoded, as the openai SDK expects."""
    return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
