"""The Merkle tree over the event log, in the style of RFC 9162 §2.1 (Certificate Transparency v2).

Leaf ``i`` is the ``i``-th event of the log (0-based, not its log position), hashed with
:func:`leaf_hash`. What each function follows:

- §2.1.1: the Merkle Tree Hash (MTH). ``SHA-256(0x00 ‖ d)`` for a leaf, ``SHA-256(0x01 ‖ left ‖ right)``
  for a node, ``SHA-256("")`` for the empty tree; a tree of ``n > 1`` leaves splits at ``k``, the largest
  power of two smaller than ``n``.
- §2.1.3.1 / §2.1.3.2: inclusion proofs (``PATH``) and how a client verifies one.
- §2.1.4.1 / §2.1.4.2: consistency proofs (``PROOF``) and how a client verifies one.

How the hashes are stored: a writer keeps a :class:`Frontier` and, as each leaf arrives, stores every
node it completes in ``merkle_nodes(level, index, hash)``; node ``(level, index)`` is the perfect
subtree of ``2**level`` leaves starting at leaf ``index * 2**level``. Such nodes never change once
complete. Every hash a proof needs is the MTH of a leaf range, and every range the RFC's recursion
produces splits into a few such nodes (:func:`perfect_subtrees`), so a proof (or a root) costs one read
of O(log n) stored nodes, whatever the tree's size, and old roots stay computable for ever.

``read`` arguments are how callers supply stored hashes: given the nodes wanted, it returns a mapping
holding (at least) each of them. It is called at most once per proof, and not at all when nothing is
needed (a tree of one leaf, equal sizes), so a caller never runs a query with an empty ``IN`` list.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence

LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
HASH_SIZE = 32
#: MTH({}) of RFC 9162 §2.1.1: the hash of the empty string.
EMPTY_ROOT = hashlib.sha256(b"").digest()

#: ``(level, index)``: the perfect subtree of the ``2**level`` leaves from ``index * 2**level`` on.
Node = tuple[int, int]
#: Supplies stored node hashes: given the nodes wanted, a mapping that covers every one of them.
NodeReader = Callable[[Sequence[Node]], Mapping[Node, bytes]]


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


class ProofError(ValueError):
    """A proof was asked for indices/sizes that do not exist, or the store lacks a node it needs."""


def _split(n: int) -> int:
    """``k`` of RFC 9162 §2.1.1: the largest power of two smaller than ``n`` (for ``n > 1``)."""
    return 1 << ((n - 1).bit_length() - 1)


def _is_hash(value: bytes) -> bool:
    return isinstance(value, bytes) and len(value) == HASH_SIZE


def _check_hash(value: bytes, what: str) -> None:
    if not _is_hash(value):
        raise ValueError(f"{what} must be {HASH_SIZE} bytes (a SHA-256 hash), not {value!r:.80}")


# --- ranges and the stored nodes they split into -------------------------------------------------


def perfect_subtrees(start: int, end: int) -> list[Node]:
    """The stored nodes whose hashes make up MTH(D[start:end]), left to right, as RFC 9162 splits it.

    Only ranges the RFC's recursion produces split into aligned perfect subtrees: ``start`` a multiple
    of the largest power of two below ``end - start``, or the whole range one aligned perfect subtree.
    Anything else raises :class:`ValueError` (its MTH exists, but no stored node holds its pieces).
    """
    if start < 0 or end < start:
        raise ValueError(f"[{start}, {end}) is not a range of leaves")
    nodes: list[Node] = []
    while start < end:
        size = end - start
        if size & (size - 1) == 0 and start % size == 0:  # one whole, aligned perfect subtree
            level = size.bit_length() - 1
            nodes.append((level, start >> level))
            break
        k = _split(size)
        if start % k:
            raise ValueError(
                f"leaves [{start}, {end}) do not split into stored subtrees: "
                f"{start} is not a multiple of {k}, the largest power of two below {size}"
            )
        # The left part is perfect and aligned; the rest is shorter than k, so stays aligned.
        level = k.bit_length() - 1
        nodes.append((level, start >> level))
        start += k
    return nodes


def range_root(hashes: Sequence[bytes]) -> bytes:
    """MTH of a range from the hashes of its :func:`perfect_subtrees`, in order.

    The recursion always splits off the largest perfect subtree on the left, so the MTH folds from the
    right: ``node_hash(h0, node_hash(h1, … hk))``.
    """
    if not hashes:
        return EMPTY_ROOT
    root = hashes[-1]
    for left in reversed(hashes[:-1]):
        root = node_hash(left, root)
    return root


def _dedupe(groups: Iterable[Sequence[Node]]) -> list[Node]:
    seen: dict[Node, None] = {}  # a dict keeps first-seen order
    for group in groups:
        for node in group:
            seen.setdefault(node)
    return list(seen)


def nodes_for(ranges: Sequence[tuple[int, int]]) -> list[Node]:
    """Every stored node the ranges need, each once, in the order they are first needed."""
    return _dedupe(perfect_subtrees(start, end) for start, end in ranges)


def _read(nodes: Sequence[Node], read: NodeReader) -> Mapping[Node, bytes]:
    if not nodes:
        return {}
    found = read(nodes)
    missing = [node for node in nodes if node not in found]
    if missing:
        level, index = missing[0]
        raise ProofError(
            f"the node store has no hash for {len(missing)} of the {len(nodes)} nodes asked for "
            f"(first: level {level}, index {index}); has the tree been built that far?"
        )
    return found


def resolve(ranges: Sequence[tuple[int, int]], read: NodeReader) -> list[bytes]:
    """The MTH of each range, from one call to ``read``: the hashes of a proof given as ranges."""
    parts = [perfect_subtrees(start, end) for start, end in ranges]
    found = _read(_dedupe(parts), read)
    return [range_root([bytes(found[node]) for node in part]) for part in parts]


# --- writing: the frontier of perfect subtrees ---------------------------------------------------


class Frontier:
    """The roots of the perfect subtrees that make up a tree of ``size`` leaves, largest first
    (at most one per set bit of size): all a writer needs to extend the tree and compute its root."""

    __slots__ = ("_roots", "_size")

    def __init__(self, size: int = 0, roots: Sequence[bytes] = ()) -> None:
        if size < 0:
            raise ValueError(f"a tree cannot have {size} leaves")
        if len(roots) != size.bit_count():
            raise ValueError(
                f"a tree of {size} leaves is made of {size.bit_count()} perfect subtrees, "
                f"not {len(roots)} (one per set bit of the size)"
            )
        for root in roots:
            _check_hash(root, "a subtree root")
        self._size = size
        self._roots = list(roots)

    @property
    def size(self) -> int:
        return self._size

    @property
    def roots(self) -> tuple[bytes, ...]:
        return tuple(self._roots)

    def __repr__(self) -> str:
        return f"Frontier(size={self._size})"

    def append(self, leaf: bytes) -> list[tuple[int, int, bytes]]:
        """Add one leaf hash; every node it completes as ``(level, index, hash)``, the leaf first."""
        _check_hash(leaf, "a leaf hash")
        position = self._size  # the new leaf's index
        completed = [(0, position, leaf)]
        node, level = leaf, 0
        # Each set low bit of the old size is a perfect subtree of that level just left of the new
        # leaf: it and the new node make a complete subtree one level up.
        while position >> level & 1:
            node = node_hash(self._roots.pop(), node)
            level += 1
            completed.append((level, position >> level, node))
        self._roots.append(node)
        self._size += 1
        return completed

    def root(self) -> bytes:
        """MTH of the tree so far (:data:`EMPTY_ROOT` while it is empty)."""
        return range_root(self._roots)

    @classmethod
    def of(cls, size: int, read: NodeReader) -> Frontier:
        """The frontier of a stored tree of ``size`` leaves, from one call to ``read``."""
        if size < 0:
            raise ProofError(f"a tree cannot have {size} leaves")
        nodes = perfect_subtrees(0, size)
        found = _read(nodes, read)
        return cls(size, [bytes(found[node]) for node in nodes])


# --- proofs as leaf ranges (RFC 9162 §2.1.3.1, §2.1.4.1) -----------------------------------------


def _check_leaf(index: int, size: int) -> None:
    if size < 0:
        raise ProofError(f"a tree cannot have {size} leaves")
    if index < 0:
        raise ProofError(f"no leaf {index}: leaves are numbered from 0")
    if index >= size:
        last = "it is empty" if size == 0 else f"its last leaf is {size - 1}"
        raise ProofError(f"no leaf {index} in a tree of {size} leaves ({last})")


def inclusion_ranges(index: int, size: int) -> list[tuple[int, int]]:
    """PATH(index, D[size]) of RFC 9162 §2.1.3.1 as leaf ranges ``[start, end)``, nearest the leaf first."""
    _check_leaf(index, size)
    ranges: list[tuple[int, int]] = []
    start, end = 0, size
    while end - start > 1:  # PATH(0, {d0}) is empty
        k = _split(end - start)
        if index < start + k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start += k
    ranges.reverse()  # the recursion appends the sibling after the deeper path
    return ranges


def _check_sizes(first: int, second: int) -> None:
    if first < 0 or second < 0:
        raise ProofError(f"a tree cannot have {min(first, second)} leaves")
    if second < first:
        raise ProofError(
            f"a tree of {second} leaves cannot extend one of {first}: "
            "the second size must be at least the first"
        )
    if first == 0:
        raise ProofError(
            "no consistency proof starts from the empty tree (RFC 9162 §2.1.4 needs 0 < first): "
            "it is a prefix of every tree, so there is nothing to prove"
        )


def consistency_ranges(first: int, second: int) -> list[tuple[int, int]]:
    """PROOF(first, D[second]) of RFC 9162 §2.1.4.1 as leaf ranges, in proof order (none for equal sizes)."""
    _check_sizes(first, second)
    ranges: list[tuple[int, int]] = []
    start, end, old = 0, second, first  # old: how many leaves of [start, end) the first tree holds
    whole = True  # SUBPROOF's b: is [start, end) still a prefix of the first tree's own recursion?
    while old != end - start:
        k = _split(end - start)
        if old <= k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start += k
            old -= k
            whole = False
    if not whole:  # SUBPROOF(m, D[m], false) = {MTH(D[m])}: the verifier cannot rebuild it alone
        ranges.append((start, end))
    ranges.reverse()
    return ranges


# --- proofs from stored nodes --------------------------------------------------------------------


def tree_root(size: int, read: NodeReader) -> bytes:
    """MTH(D[0:size]) from the stored nodes (one call to ``read``)."""
    if size < 0:
        raise ProofError(f"a tree cannot have {size} leaves")
    return resolve([(0, size)], read)[0]


def inclusion_proof(index: int, size: int, read: NodeReader) -> list[bytes]:
    return resolve(inclusion_ranges(index, size), read)


def consistency_proof(first: int, second: int, read: NodeReader) -> list[bytes]:
    return resolve(consistency_ranges(first, second), read)


# --- verification (RFC 9162 §2.1.3.2, §2.1.4.2) --------------------------------------------------


def _shift_to_set_bit(fn: int, sn: int) -> tuple[int, int]:
    """Right-shift both until fn's lowest bit is set or fn is 0 (skips levels with no left sibling)."""
    while fn and not fn & 1:
        fn, sn = fn >> 1, sn >> 1
    return fn, sn


def verify_inclusion(leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes) -> bool:
    """Whether ``proof`` shows the leaf hash ``leaf`` is leaf ``index`` of the tree ``(size, root)``.

    Takes the leaf's hash (:func:`leaf_hash` of its data), as :meth:`Frontier.append` does. A proof
    binds the size only through the root, so take both from the same signed tree head.
    """
    if not 0 <= index < size or not all(_is_hash(h) for h in (leaf, root, *proof)):
        return False
    fn, sn = index, size - 1
    r = leaf
    for p in proof:
        if sn == 0:  # the proof is longer than the path
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                fn, sn = _shift_to_set_bit(fn, sn)
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(
    first: int, second: int, first_root: bytes, second_root: bytes, proof: Sequence[bytes]
) -> bool:
    """Whether ``proof`` shows the tree ``(second, second_root)`` extends ``(first, first_root)``.

    Equal sizes need an empty proof and equal roots. The RFC defines no proof from the empty tree,
    which is a prefix of every tree: that holds with an empty proof when ``first_root`` is
    :data:`EMPTY_ROOT`.
    """
    if not 0 <= first <= second or not all(_is_hash(h) for h in (first_root, second_root, *proof)):
        return False
    if first == 0:
        return not proof and first_root == EMPTY_ROOT and (second > 0 or second_root == EMPTY_ROOT)
    if first == second:
        return not proof and first_root == second_root
    if not proof:
        return False
    path = list(proof)
    if first & (first - 1) == 0:  # the first tree is one perfect subtree: its root starts the path
        path.insert(0, first_root)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                fn, sn = _shift_to_set_bit(fn, sn)
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == first_root and sr == second_root and sn == 0
