"""Group commit: saves that arrive during a write go out together, each with its own outcome."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

import pytest

from commands.group_commit import GroupCommit


class Writer:
    """A batch writer that records its batches; the first write can be held open."""

    def __init__(self, outcome: Callable[[str], object] = lambda item: item.upper()) -> None:
        self.batches: list[list[str]] = []
        self.outcome = outcome
        self.hold_first = threading.Event()
        self.hold_first.set()
        self.first_started = threading.Event()

    def __call__(self, items: Sequence[str]) -> list[object]:
        self.batches.append(list(items))
        if len(self.batches) == 1:
            self.first_started.set()
            self.hold_first.wait(10)
        return [self.outcome(item) for item in items]


def submit_all(group: GroupCommit[str, object], items: Sequence[str]) -> dict[str, object]:
    """Submit each item from its own thread; the outcome (result or exception) of each."""
    outcomes: dict[str, object] = {}

    def submit(item: str) -> None:
        try:
            outcomes[item] = group.submit(item)
        except BaseException as error:
            outcomes[item] = error

    threads = [threading.Thread(target=submit, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def queue_behind_a_held_write(
    writer: Writer, group: GroupCommit[str, object], items: Sequence[str]
) -> tuple[threading.Thread, dict[str, object]]:
    """Hold a first write ("first") open, queue ``items`` behind it, then let it finish."""
    writer.hold_first.clear()
    first: dict[str, object] = {}
    leader = threading.Thread(target=lambda: first.update(first=group.submit("first")))
    leader.start()
    assert writer.first_started.wait(10)
    queued: dict[str, object] = {}
    submitter = threading.Thread(target=lambda: queued.update(submit_all(group, items)))
    submitter.start()
    deadline = time.monotonic() + 10
    while group.queued < len(items):  # every thread is queued behind the held write
        assert time.monotonic() < deadline, f"only {group.queued} of {len(items)} queued"
        time.sleep(0.001)
    writer.hold_first.set()
    leader.join(10)
    submitter.join(10)
    return leader, {**first, **queued}


def test_a_save_alone_is_written_at_once_in_a_batch_of_one() -> None:
    writer = Writer()
    group: GroupCommit[str, object] = GroupCommit(writer)
    assert group.submit("a") == "A"
    assert group.submit("b") == "B"
    assert writer.batches == [["a"], ["b"]]


def test_saves_arriving_during_a_write_go_out_together_each_with_its_own_result() -> None:
    writer = Writer()
    group: GroupCommit[str, object] = GroupCommit(writer)
    items = [f"s{n}" for n in range(12)]
    _, outcomes = queue_behind_a_held_write(writer, group, items)
    assert outcomes == {"first": "FIRST", **{item: item.upper() for item in items}}
    assert writer.batches[0] == ["first"]
    assert sorted(writer.batches[1]) == sorted(items)  # one write for all twelve
    assert len(writer.batches) == 2


def test_no_batch_is_larger_than_max_batch_and_every_save_is_written_once() -> None:
    writer = Writer()
    group: GroupCommit[str, object] = GroupCommit(writer, max_batch=5)
    items = [f"s{n}" for n in range(13)]
    _, outcomes = queue_behind_a_held_write(writer, group, items)
    assert all(outcomes[item] == item.upper() for item in items)
    assert [len(batch) for batch in writer.batches] == [1, 5, 5, 3]
    written = [item for batch in writer.batches[1:] for item in batch]
    assert sorted(written) == sorted(items)


def test_a_refused_save_raises_in_its_own_thread_only() -> None:
    refusal = ValueError("version taken")
    writer = Writer(lambda item: refusal if item == "s3" else item.upper())
    group: GroupCommit[str, object] = GroupCommit(writer)
    items = [f"s{n}" for n in range(6)]
    _, outcomes = queue_behind_a_held_write(writer, group, items)
    assert outcomes.pop("s3") is refusal
    assert outcomes == {"first": "FIRST", **{i: i.upper() for i in items if i != "s3"}}


def test_a_failed_batch_fails_every_save_in_it_and_the_next_batch_is_written() -> None:
    lost = ConnectionError("server closed the connection")
    batches: list[list[str]] = []

    def write(items: Sequence[str]) -> list[object]:
        batches.append(list(items))
        if len(batches) == 1:
            raise lost
        return [item.upper() for item in items]

    group: GroupCommit[str, object] = GroupCommit(write)
    with pytest.raises(ConnectionError) as failed:
        group.submit("a")
    assert failed.value is lost
    assert group.submit("b") == "B"  # the group is not stuck in "writing"


def test_a_writer_answering_for_the_wrong_number_of_saves_fails_them_all() -> None:
    group: GroupCommit[str, object] = GroupCommit(lambda items: [])
    with pytest.raises(RuntimeError, match="0 outcomes for 1 items"):
        group.submit("a")


def test_many_threads_each_get_exactly_their_own_result() -> None:
    writer = Writer()
    group: GroupCommit[str, object] = GroupCommit(writer, max_batch=8)
    items = [f"s{n}" for n in range(200)]
    outcomes = submit_all(group, items)
    assert outcomes == {item: item.upper() for item in items}
    written = [item for batch in writer.batches for item in batch]
    assert sorted(written) == sorted(items)  # each written once
    assert all(len(batch) <= 8 for batch in writer.batches)


@pytest.mark.parametrize("size", [0, -1])
def test_a_batch_size_under_one_is_refused(size: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        GroupCommit(list, max_batch=size)
