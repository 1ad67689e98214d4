"""JSON Schema -> Python annotations and class definitions, in two modes.

`model`: lenient pydantic result models (`openai`'s BaseModel: extra fields kept, optional fields default to
None, open enums typed `Literal[...] | str` so unknown values survive). `param`: strict request TypedDicts that
`validate_fields` checks before anything is sent (unknown keys refused unless the schema allows them).
"""

from __future__ import annotations

import keyword
import re
import textwrap
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import config
from spec import pascal, ref_target, resolve

Mode = Literal["model", "param"]

# Names a pydantic field may not take on `openai`'s BaseModel (its methods), renamed with an alias.
_RESERVED_FIELDS = frozenset(
    {"copy", "dict", "json", "schema", "construct", "validate", "fields", "to_dict", "to_json", "parse_obj"}
)


def identifier(name: str) -> str:
    """A Python identifier for a wire name: invalid characters become `_`, keywords get a trailing `_`."""
    ident = re.sub(r"\W", "_", name)
    if not ident or ident[0].isdigit():
        ident = "_" + ident
    if keyword.iskeyword(ident) or keyword.issoftkeyword(ident):
        ident += "_"
    return ident


def clean_text(text: str, limit: int = 300) -> str:
    """Spec prose fit for a docstring: ASCII, one paragraph, first sentences up to `limit` characters."""
    text = unicodedata.normalize("NFKD", str(text))
    text = text.replace("\u2014", "-").replace("\u2013", "-").replace("\u2019", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').encode("ascii", "ignore").decode()
    text = " ".join(text.split()).replace("\\", "\\\\").replace('"""', "'''")
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)  # markdown links -> their text
    if len(text) > limit:
        cut = text[:limit]
        stop = cut.rfind(". ")
        text = cut[: stop + 1] if stop > 40 else cut.rsplit(" ", 1)[0] + "..."
    return text.rstrip().rstrip('"').rstrip() or "-"


def docstring(text: str, indent: int, limit: int = 300) -> list[str]:
    """The lines of a docstring (without indentation of the first) wrapped to 120 columns."""
    width = 120 - indent - 6
    lines = textwrap.wrap(clean_text(text, limit), width=width) or ["-"]
    return lines


@dataclass
class FieldDef:
    """One field of a generated model or TypedDict."""

    name: str
    wire: str
    annotation: str
    required: bool
    doc: list[str]


@dataclass
class ClassDef:
    name: str
    kind: Mode
    doc: list[str]
    fields: list[FieldDef]
    extra_allowed: bool = False

    @property
    def functional(self) -> bool:
        """A TypedDict whose keys are not all identifiers needs the functional syntax."""
        return any(not f.wire.isidentifier() or keyword.iskeyword(f.wire) for f in self.fields)


@dataclass
class AliasDef:
    name: str
    annotation: str


@dataclass
class FallbackDef:
    """The `UnknownVariant` subclass a discriminated union falls back to for a tag value it does not know."""

    name: str
    union: str
    wire: str
    attr: str
    tags: dict[str, str]
    annotation: str = "str | None"


Definition = ClassDef | AliasDef | FallbackDef


@dataclass
class ModuleTypes:
    """The definitions of one generated `types/` module, in an order where each follows what it uses."""

    name: str
    doc: str
    definitions: list[Definition] = field(default_factory=list[Definition])
    names: set[str] = field(default_factory=set[str])
    imports: dict[str, set[str]] = field(default_factory=dict[str, set[str]])  # module -> names
    discriminated: bool = False  # uses `Tag`/`Discriminator` (needs their imports)

    def reserve(self, wanted: str, taken: set[str]) -> str:
        name, n = wanted, 2
        while name in self.names or name in taken:
            name, n = f"{wanted}{n}", n + 1
        self.names.add(name)
        return name

    @property
    def exported(self) -> list[str]:
        return sorted(d.name for d in self.definitions)


class Registry:
    """Renders schemas into modules; a component lives in the one module that uses it, or in `common`."""

    def __init__(self, spec: dict[str, Any], owners: dict[tuple[str, Mode], str], common: str) -> None:
        self.spec = spec
        self.owners = owners
        self.common = common
        self.modules: dict[str, ModuleTypes] = {}
        self.placed: dict[tuple[str, Mode], tuple[str, str]] = {}
        self._plain: dict[str, bool] = {}
        self.tagged: dict[str, list[str]] = {}  # discriminated union annotation -> its member classes
        self.component_names = {
            n for c in spec["components"]["schemas"] for n in (pascal(c), pascal(c) + "Param", pascal(c) + "Params")
        }

    def module(self, name: str, doc: str = "") -> ModuleTypes:
        if name not in self.modules:
            self.modules[name] = ModuleTypes(name=name, doc=doc)
        elif doc and not self.modules[name].doc:
            self.modules[name].doc = doc
        return self.modules[name]

    def defined_in(self, name: str) -> str | None:
        """The module defining `name` (a generated class or alias, or a hand-typed param), if any."""
        for module in self.modules.values():
            if name in module.names or any(d.name == name for d in module.definitions):
                return module.name
        return next((source for source, typed in config.PARAM_TYPES.values() if typed == name), None)

    def use(self, module: str, source: str, name: str) -> str:
        """Record that `module` imports `name` from the sibling module `source` (if it is another module)."""
        if source != module:
            self.module(module).imports.setdefault(source, set()).add(name)
        return name

    # -- components ---------------------------------------------------------------------------------------

    def component(self, comp: str, mode: Mode, module: str) -> str:
        if mode == "param" and comp in config.PARAM_TYPES:
            source, name = config.PARAM_TYPES[comp]
            return self.use(module, source, name)
        if self.plain(comp):
            mode = "model"
        key = (comp, mode)
        if key not in self.placed:
            owner = self.owners.get(key, module)
            target = self.module(owner)
            name = target.reserve(pascal(comp) + ("Param" if mode == "param" else ""), set())
            self.placed[key] = (owner, name)
            schema = self.spec["components"]["schemas"][comp]
            self.define(schema, mode, owner, name)
        owner, name = self.placed[key]
        return self.use(module, owner, name)

    def define(self, schema: dict[str, Any], mode: Mode, module: str, name: str) -> None:
        """Append the definition of `name` (a class when the schema is an object, else an alias)."""
        target = self.module(module)
        merged = self.object_parts(schema)
        if merged is not None:
            props, required, extra = merged
            fields = [self._field(prop, sub, prop in required, mode, module, owner=name) for prop, sub in props.items()]
            doc = docstring(schema.get("description") or name, 4)
            target.definitions.append(ClassDef(name, mode, doc, fields, extra))
        else:
            annotation = self.annotation(schema, mode, module, name)
            target.definitions.append(AliasDef(name, annotation))

    def _field(self, prop: str, sub: Any, required: bool, mode: Mode, module: str, *, owner: str) -> FieldDef:
        annotation = self.annotation(sub, mode, module, owner + pascal(prop))
        name = _attribute(prop) if mode == "model" else identifier(prop)
        resolved = resolve(self.spec, sub) if isinstance(sub, dict) else {}
        description = (sub.get("description") if isinstance(sub, dict) else None) or resolved.get("description")
        doc = docstring(description, 4, 200) if description else []
        return FieldDef(name=name, wire=prop, annotation=annotation, required=required, doc=doc)

    # -- annotations --------------------------------------------------------------------------------------

    def annotation(self, schema: Any, mode: Mode, module: str, hint: str) -> str:
        """The annotation for `schema`, defining inline objects as `hint`-named classes in `module`."""
        if not isinstance(schema, dict):
            return "Any"
        nullable = bool(schema.get("nullable")) or ("$ref" in schema and _null_object(resolve(self.spec, schema)))
        core = self._core(schema, mode, module, hint)
        return _union([core, "None"]) if nullable else core

    def _core(self, schema: dict[str, Any], mode: Mode, module: str, hint: str) -> str:
        if "$ref" in schema:
            return self.component(schema["$ref"].split("/")[-1], mode, module)
        if "allOf" in schema:
            parts = [p for p in schema["allOf"] if _substantial(p)]
            if len(parts) == 1:
                return self.annotation(parts[0], mode, module, hint)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                members = [
                    self.annotation(m, mode, module, f"{hint}{_variant_hint(m, i)}") for i, m in enumerate(schema[key])
                ]
                tagged = self._discriminated(schema, schema[key], members, module, hint) if mode == "model" else None
                return tagged or _union(members)
        if "const" in schema:
            return f"Literal[{schema['const']!r}]"
        if "enum" in schema:
            return self._enum(schema)
        types = schema.get("type")
        if isinstance(types, list):
            rendered = [self._typed(dict(schema, type=t), mode, module, hint) for t in types]
            return _union(rendered)
        return self._typed(schema, mode, module, hint)

    def _discriminated(
        self, schema: dict[str, Any], variants: list[Any], members: list[str], module: str, hint: str
    ) -> str | None:
        """A tagged union (pydantic `Discriminator` + `Tag`, `openai`'s `PropertyInfo`) with an `UnknownVariant`
        fallback, when the spec names a `discriminator` and every member is a class whose property is a literal;
        None otherwise (the plain union then)."""
        wire = (schema.get("discriminator") or {}).get("propertyName")
        if not isinstance(wire, str) or hint in config.PLAIN_UNIONS:
            return None
        tags: dict[str, str] = {}
        parts: list[str] = []
        nullable = "None" in members  # a `type: null` member: the tagged union of the others, or None
        for variant, member in zip(variants, members, strict=True):
            if member == "None":
                continue
            values = self._tag_values(variant, wire)
            if member not in self._models() or not values or set(values) & set(tags):
                return None
            tags.update(dict.fromkeys(values, values[0]))
            parts.append(f"Annotated[{member}, Tag({values[0]!r})]")
        target = self.module(module)
        fallback = target.reserve("Unknown" + hint, self.component_names)
        target.definitions.append(FallbackDef(fallback, hint, wire, _attribute(wire), tags))
        target.discriminated = True
        parts.append(f"Annotated[{fallback}, Tag(UNKNOWN_TAG)]")
        info = f"PropertyInfo(discriminator={_attribute(wire)!r})"
        annotation = f"Annotated[{' | '.join(parts)}, Discriminator({fallback}.discriminate), {info}]"
        self.tagged[annotation] = [m for m in members if m != "None"]
        return _union([annotation, "None"]) if nullable else annotation

    def _models(self) -> set[str]:
        return {
            d.name
            for m in self.modules.values()
            for d in m.definitions
            if isinstance(d, ClassDef) and d.kind == "model"
        }

    def _tag_values(self, variant: Any, wire: str) -> list[str]:
        """The string values a union member's `wire` property may take (a `const` or a closed `enum`), or []."""
        merged = self.object_parts(variant) if isinstance(variant, dict) else None
        if merged is None or not isinstance(merged[0].get(wire), dict):
            return []
        prop = resolve(self.spec, merged[0][wire])
        if "const" in prop:
            values = [prop["const"]]
        elif "enum" in prop and prop.get("x-speakeasy-unknown-values") != "allow":
            values = list(prop["enum"])
        else:
            return []
        return values if values and all(isinstance(v, str) for v in values) else []

    def _enum(self, schema: dict[str, Any]) -> str:
        values = [v for v in schema["enum"] if v is not None]
        parts = [f"Literal[{', '.join(repr(v) for v in values)}]"] if values else []
        if schema.get("x-speakeasy-unknown-values") == "allow":
            kinds = schema.get("type")
            kinds = [k for k in kinds if k != "null"] if isinstance(kinds, list) else [kinds]
            parts += [_scalar(k) for k in kinds] if kinds and kinds[0] else [_scalar(type(values[0]).__name__)]
        if None in schema["enum"] or "null" in (schema.get("type") or []):
            parts.append("None")
        return _union(parts or ["None"])

    def _typed(self, schema: dict[str, Any], mode: Mode, module: str, hint: str) -> str:
        kind = schema.get("type")
        if kind == "null":
            return "None"
        if kind == "array":
            items = self.annotation(schema.get("items", {}), mode, module, hint + "Item")
            return f"list[{items}]"
        if kind == "object" or "properties" in schema or "allOf" in schema:
            merged = self.object_parts(schema)
            if merged is None:
                extra = schema.get("additionalProperties")
                value = self.annotation(extra, mode, module, hint + "Value") if isinstance(extra, dict) else "Any"
                return f"dict[str, {value}]"
            target = self.module(module)
            name = target.reserve(hint, self.component_names)
            self.define(schema, mode, module, name)
            return name
        scalar = _scalar(kind)
        if mode == "param":
            return _constrained(scalar, schema)
        return scalar

    def object_parts(self, schema: dict[str, Any]) -> tuple[dict[str, Any], set[str], bool] | None:
        """Properties, required names and whether extra keys are allowed, when `schema` is an object with
        properties (`allOf` members merged); None for free-form objects and non-objects."""
        props: dict[str, Any] = {}
        required: set[str] = set()
        extra = False
        for part in _flatten(self.spec, schema):
            props.update(part.get("properties") or {})
            required.update(part.get("required") or [])
            extra = extra or bool(part.get("additionalProperties"))
        if not props:
            return None
        return props, required, extra

    def plain(self, comp: str) -> bool:
        """A component without objects inside (an enum, a scalar): one alias serves results and requests."""
        if comp not in self._plain:
            self._plain[comp] = _plain(self.spec["components"]["schemas"][comp])
        return self._plain[comp]

    # -- reachability -------------------------------------------------------------------------------------

    def refs(self, schema: Any, mode: Mode) -> Iterator[tuple[str, Mode]]:
        """Every component reachable from `schema` (transitively), with the mode it is used in."""
        seen: set[str] = set()
        stack = [schema]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str):
                    comp = ref.split("/")[-1]
                    if comp not in seen and not (mode == "param" and comp in config.PARAM_TYPES):
                        seen.add(comp)
                        yield comp, "model" if self.plain(comp) else mode
                        stack.append(ref_target(self.spec, ref))
                    continue
                stack.extend(v for k, v in node.items() if k not in ("example", "examples"))
            elif isinstance(node, list):
                stack.extend(node)


def _attribute(wire: str) -> str:
    """The attribute name of the wire field `wire` on a result model (`openai`'s methods and `_names` renamed)."""
    name = identifier(wire)
    return name.strip("_") + "_" if name in _RESERVED_FIELDS or name.startswith("_") else name


def _null_object(schema: Any) -> bool:
    """A component object that may also be null (`type: [object, "null"]`): its class, referenced, takes None."""
    kinds = schema.get("type") if isinstance(schema, dict) else None
    return isinstance(kinds, list) and "null" in kinds and "object" in kinds


def _plain(schema: Any) -> bool:
    if isinstance(schema, list):
        return all(_plain(item) for item in schema)
    if not isinstance(schema, dict):
        return True
    if "$ref" in schema or "properties" in schema or "additionalProperties" in schema:
        return False
    kinds = schema.get("type")
    if kinds in ("object", "array") or (isinstance(kinds, list) and {"object", "array"} & set(kinds)):
        return False
    return all(_plain(v) for k, v in schema.items() if k in ("anyOf", "oneOf", "allOf"))


def plain_annotation(annotation: str) -> str:
    """`annotation` without the validation bounds (`Annotated[int, Field(ge=0)]` -> `int`), for signatures."""
    return re.sub(r"Annotated\[(\w+), Field\([^()]*\)\]", r"\1", annotation)


def _flatten(spec: dict[str, Any], schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    schema = resolve(spec, schema)
    yield schema
    for part in schema.get("allOf", []):
        yield from _flatten(spec, part)


def _substantial(schema: Any) -> bool:
    """An `allOf` member that adds a type (not just a description or `nullable`)."""
    return isinstance(schema, dict) and bool(set(schema) - {"description", "nullable", "example", "title"})


def _variant_hint(member: Any, index: int) -> str:
    if isinstance(member, dict) and member.get("title"):
        return pascal(str(member["title"]))
    return f"Variant{index + 1}"


def _scalar(kind: Any) -> str:
    names = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "str": "str", "int": "int"}
    return names.get(str(kind), "Any")


def _constrained(scalar: str, schema: dict[str, Any]) -> str:
    """`Annotated[int, Field(ge=0)]` for the bounds the spec declares, so bad values fail before sending."""
    bounds: list[str] = []
    if scalar in ("int", "float"):
        for key, arg in (("minimum", "ge"), ("maximum", "le"), ("exclusiveMinimum", "gt"), ("exclusiveMaximum", "lt")):
            value = schema.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                bounds.append(f"{arg}={value!r}")
    elif scalar == "str":
        for key, arg in (("minLength", "min_length"), ("maxLength", "max_length")):
            if isinstance(schema.get(key), int):
                bounds.append(f"{arg}={schema[key]!r}")
    return f"Annotated[{scalar}, Field({', '.join(bounds)})]" if bounds else scalar


def _union(parts: list[str]) -> str:
    """`A | B | None` without repeats, `None` last, and `Any` absorbing the rest."""
    flat: list[str] = []
    for part in parts:
        for piece in _split_union(part):
            if piece not in flat:
                flat.append(piece)
    if "Any" in flat:
        return "Any"
    if "None" in flat:
        flat = [p for p in flat if p != "None"] + ["None"]
    return " | ".join(flat) if flat else "None"


def _split_union(annotation: str) -> list[str]:
    """Top-level `|` members of an annotation (brackets respected)."""
    depth, start, out = 0, 0, []
    for i, char in enumerate(annotation):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(annotation[start:i].strip())
            start = i + 1
    out.append(annotation[start:].strip())
    return out
