"""Event encoding: orjson on the way in, typed decoding on the way out.

eventsourcing's default JSON transcoder loses types (a tuple comes back as a list, a ``date`` or an
``Enum`` is refused). Here the stored bytes are plain orjson, and decoding is driven by the event
class's own annotations through a pydantic ``TypeAdapter`` per class, so ``date``, ``datetime``,
``UUID``, enums, tuples and value objects round-trip exactly. Snapshots decode with the annotations
of the aggregate class they snapshot.
"""

from __future__ import annotations

import functools
import typing
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.domain import Snapshot
from eventsourcing.persistence import (
    Mapper,
    MapperDeserialisationError,
    StoredEvent,
    Transcoder,
)
from eventsourcing.utils import get_topic, resolve_topic
from pydantic import TypeAdapter
from typing_extensions import TypedDict

_ENCODE_OPTIONS = orjson.OPT_NON_STR_KEYS
_ZERO = timedelta(0)
_NOT_STATE = frozenset({"originator_id", "originator_version"})
_AGGREGATE_BASE_STATE: dict[str, Any] = {"_created_on": datetime, "_modified_on": datetime}


class OrjsonTranscoder(Transcoder):
    """Plain orjson; used where the mapper's typed decoding is not wanted (e.g. snapshots' dicts)."""

    def encode(self, obj: Any) -> bytes:
        return orjson.dumps(obj, option=_ENCODE_OPTIONS)

    def decode(self, data: bytes) -> Any:
        return orjson.loads(data)


@functools.cache
def _event_adapter(cls: type) -> TypeAdapter[dict[str, Any]]:
    hints = {
        name: hint
        for name, hint in typing.get_type_hints(cls).items()
        if name not in _NOT_STATE and not _is_classvar(hint)
    }
    hints["class_version"] = int
    return TypeAdapter(TypedDict(f"{cls.__qualname__}.State", hints, total=False))  # type: ignore[operator]


@functools.cache
def _aggregate_state_adapter(cls: type) -> TypeAdapter[dict[str, Any]]:
    hints: dict[str, Any] = dict(_AGGREGATE_BASE_STATE)
    hints.update(
        (name, hint)
        for name, hint in typing.get_type_hints(cls).items()
        if not name.startswith("__") and not _is_classvar(hint)
    )
    hints["class_version"] = int
    return TypeAdapter(TypedDict(f"{cls.__qualname__}.State", hints, total=False))  # type: ignore[operator]


def _is_classvar(hint: Any) -> bool:
    return hint is typing.ClassVar or typing.get_origin(hint) is typing.ClassVar


class TypedOrjsonMapper(Mapper[UUID]):
    """Maps domain events to stored events with orjson, and back with exact types."""

    def __init__(self, transcoder: Transcoder | None = None, **kwargs: Any) -> None:
        super().__init__(transcoder or OrjsonTranscoder(), **kwargs)

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        cls = type(domain_event)
        state = dict(vars(domain_event))
        originator_id = state.pop("originator_id")
        originator_version = state.pop("originator_version")
        class_version = getattr(cls, "class_version", 1)
        if class_version > 1:
            state["class_version"] = class_version
        data = orjson.dumps(state, option=_ENCODE_OPTIONS)
        if self.compressor:
            data = self.compressor.compress(data)
        if self.cipher:
            data = self.cipher.encrypt(data)
        return StoredEvent(
            originator_id=originator_id,
            originator_version=originator_version,
            topic=get_topic(cls),
            state=data,
        )

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        cls = resolve_topic(stored_event.topic)
        data = stored_event.state
        try:
            if self.cipher:
                data = self.cipher.decrypt(data)
            if self.compressor:
                data = self.compressor.decompress(data)
            if issubclass(cls, Snapshot):
                raw = orjson.loads(data)
                state = _event_adapter(cls).validate_python(raw)
                aggregate_cls = resolve_topic(state["topic"])
                state["state"] = _aggregate_state_adapter(aggregate_cls).validate_python(raw["state"])
            else:
                # pydantic parses the JSON itself, without the dicts and lists orjson would build
                # first: the same values, a fifth faster on a month's payroll replay.
                state = _event_adapter(cls).validate_json(data)
        except Exception as error:
            msg = (
                f"Failed to decode stored event {stored_event.topic} "
                f"{stored_event.originator_id} v{stored_event.originator_version}: {error}"
            )
            raise MapperDeserialisationError(msg) from error
        timestamp = state.get("timestamp")
        if timestamp is not None and timestamp.utcoffset() == _ZERO:
            # pydantic gives its own UTC tzinfo; keep the library's, so values compare identical.
            state["timestamp"] = timestamp.replace(tzinfo=UTC)
        originator_id = stored_event.originator_id
        state["originator_id"] = (
            originator_id if isinstance(originator_id, UUID) else UUID(str(originator_id))
        )
        state["originator_version"] = stored_event.originator_version
        from_version = state.pop("class_version", 1)
        class_version = getattr(cls, "class_version", 1)
        while from_version < class_version:
            getattr(cls, f"upcast_v{from_version}_v{from_version + 1}")(state)
            from_version += 1
        domain_event = object.__new__(cls)
        object.__setattr__(domain_event, "__dict__", state)
        return domain_event
