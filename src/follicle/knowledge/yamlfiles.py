"""Reading YAML strictly: safe types only, and a key given twice is an error, not a silent win."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _StrictLoader(yaml.SafeLoader):
    pass


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _mapping_without_duplicates,
)


class YamlError(Exception):
    """The file is not valid YAML; the message says where."""


def read_yaml_text(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - strict safe loader
    except yaml.YAMLError as error:
        raise YamlError(str(error).replace("\n", " ")) from error


def read_yaml(path: Path) -> Any:
    return read_yaml_text(path.read_text(encoding="utf-8"))
