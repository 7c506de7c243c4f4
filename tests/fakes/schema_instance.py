"""Build a JSON value that satisfies a (strict) JSON schema, the way a cooperative model would answer.

Generic except for one convention of this project: an object with `verbatim_id` and `text` properties is a
quote, filled with an exact excerpt of one of the verbatims the request carried in its `<verbatims>` block.
"""

import json
import re
from collections.abc import Iterator
from typing import Any

_DATA_BLOCK = re.compile(r"<verbatims>\s*(\[.*?\])\s*</verbatims>", re.DOTALL)


def verbatims_in(request: dict[str, Any]) -> list[dict[str, Any]]:
    """The quoted data items of a chat request (every message's `<verbatims>` block, in order)."""
    items: list[dict[str, Any]] = []
    for message in request.get("messages", []):
        content = message.get("content")
        if isinstance(content, str):
            for block in _DATA_BLOCK.findall(content):
                items.extend(json.loads(block))
    return items


def excerpt(text: str, words: int = 12) -> str:
    """A leading excerpt of whole words: an exact substring of the text."""
    match = re.match(rf"\s*(?:\S+\s+){{0,{words - 1}}}\S+", text)
    return match.group(0).strip() if match else text


class _Filler:
    def __init__(self, schema: dict[str, Any], request: dict[str, Any]) -> None:
        self.root = schema
        self.quotes: Iterator[dict[str, Any]] = iter(verbatims_in(request))
        self.counter = 0

    def value(self, schema: dict[str, Any], name: str) -> Any:
        if "$ref" in schema:
            return self.value(self._resolve(schema["$ref"]), name)
        if "anyOf" in schema:
            options = [s for s in schema["anyOf"] if s.get("type") != "null"] or schema["anyOf"]
            return self.value(options[0], name)
        if "enum" in schema:
            self.counter += 1
            return schema["enum"][self.counter % len(schema["enum"])]
        kind = schema.get("type")
        if kind == "object":
            props = schema.get("properties", {})
            if {"verbatim_id", "text"} <= props.keys():
                return self._quote(props)
            return {key: self.value(sub, key) for key, sub in props.items()}
        if kind == "array":
            items = [self.value(schema.get("items", {}), name) for _ in range(3)]
            return [item for item in items if item is not None]
        if kind == "string":
            return f"Fake {name.replace('_', ' ')}"
        if kind == "integer":
            return 1
        if kind == "number":
            return 0.5
        if kind == "boolean":
            return False
        return None

    def _quote(self, props: dict[str, Any]) -> dict[str, Any] | None:
        item = next(self.quotes, None)
        if item is None:
            return None
        quote = {key: self.value(sub, key) for key, sub in props.items()}
        quote |= {"verbatim_id": item["id"], "text": excerpt(item["text"])}
        return quote

    def _resolve(self, ref: str) -> dict[str, Any]:
        node: Any = self.root
        for part in ref.lstrip("#/").split("/"):
            node = node[part]
        return node


def instance_for(schema: dict[str, Any], request: dict[str, Any]) -> Any:
    return _Filler(schema, request).value(schema, "root")
