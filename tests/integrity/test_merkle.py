"""The Merkle tree of readmodels.merkle against RFC 9162 §2.1 itself.

The roots and proofs are checked against a reference written here straight from the RFC's recursive
definitions (§2.1.1 MTH, §2.1.3.1 PATH, §2.1.4.1 PROOF), and the proofs are verified both by the
module and by the RFC's verification algorithms (§2.1.3.2, §2.1.4.2) reimplemented here, so that a
mistake shared by the prover and the verifier in readmodels.merkle cannot pass unnoticed. The
known-answer values are Certificate Transparency's (google/certificate-transparency test vectors).
"""

from __future__ import annotations

import functools
import hashlib
import random
from collections.abc import Callable, Mapping, Sequence

import pytest

from readmodels import merkle
from readmodels.merkle import EMPTY_ROOT, Frontier, Node, ProofError

# --- the reference: RFC 9162 §2.1 written out, sharing no code with readmodels.merkle ------------


def ref_leaf(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def ref_node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def ref_split(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


class Reference:
    """MTH, PATH and PROOF of RFC 9162 §2.1 over one list of leaf hashes, by the RFC's recursion
    (MTH memoised by range, so that big trees stay cheap)."""

    def __init__(self, leaves: list[bytes]) -> None:
        self.leaves = leaves
        self.memo: dict[tuple[int, int], bytes] = {}

    def mth(self, start: int, end: int) -> bytes:
        n = end - start
        if n == 0:
            return hashlib.sha256(b"").digest()
        if n == 1:
            return self.leaves[start]
        if (start, end) not in self.memo:
            k = ref_split(n)
            self.memo[start, end] = ref_node(self.mth(start, start + k), self.mth(start + k, end))
        return self.memo[start, end]

    def path(self, m: int, start: int, end: int) -> list[bytes]:
        """PATH(m, D[start:end]), §2.1.3.1."""
        n = end - start
        if n == 1:
            return []
        k = ref_split(n)
        if m < k:
            return [*self.path(m, start, start + k), self.mth(start + k, end)]
        return [*self.path(m - k, start + k, end), self.mth(start, start + k)]

    def subproof(self, m: int, start: int, end: int, b: bool = True) -> list[bytes]:
        """SUBPROOF(m, D[start:end], b), §2.1.4.1."""
        n = end - start
        if m == n:
            return [] if b else [self.mth(start, end)]
        k = ref_split(n)
        if m <= k:
            return [*self.subproof(m, start, start + k, b), self.mth(start + k, end)]
        return [*self.subproof(m - k, start + k, end, False), self.mth(start, start + k)]


def rfc_verify_inclusion(leaf: bytes, index: int, size: int, path: Sequence[bytes], root: bytes) -> bool:
    """RFC 9162 §2.1.3.2, step by step."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            r = ref_node(p, r)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn, sn = fn // 2, sn // 2
        else:
            r = ref_node(r, p)
        fn, sn = fn // 2, sn // 2
    return sn == 0 and r == root


def rfc_verify_consistency(
    first: int, second: int, first_hash: bytes, second_hash: bytes, path: Sequence[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2, step by step (for 0 < first < second; equal sizes need an empty proof)."""
    if first == second:
        return not path and first_hash == second_hash
    if not path:
        return False
    path = list(path)
    if first & (first - 1) == 0:
        path = [first_hash, *path]
    fn, sn = first - 1, second - 1
    while fn % 2 == 1:
        fn, sn = fn // 2, sn // 2
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            fr, sr = ref_node(c, fr), ref_node(c, sr)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn, sn = fn // 2, sn // 2
        else:
            sr = ref_node(sr, c)
        fn, sn = fn // 2, sn // 2
    return fr == first_hash and sr == second_hash and sn == 0


# --- one log of leaves, its stored nodes, and a recording reader --------------------------------

LEAF_COUNT = 5000
LEAVES = [ref_leaf(f"event {i}".encode()) for i in range(LEAF_COUNT)]
REF = Reference(LEAVES)


@functools.cache
def built() -> tuple[dict[Node, bytes], list[bytes]]:
    """Every node stored while appending LEAVES, and the frontier's root after each append."""
    store: dict[Node, bytes] = {}
    roots = [Frontier().root()]
    frontier = Frontier()
    for leaf in LEAVES:
        for level, index, digest in frontier.append(leaf):
            assert (level, index) not in store, "a node was completed twice"
            store[level, index] = digest
        roots.append(frontier.root())
    return store, roots


class Reader:
    """The ``read`` of a tree of ``size`` leaves: answers from the stored nodes, records every call,
    and fails on a node that would not exist yet in a tree that size."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.calls: list[list[Node]] = []

    def __call__(self, nodes: Sequence[Node]) -> Mapping[Node, bytes]:
        self.calls.append(list(nodes))
        for level, index in nodes:
            assert (index + 1) << level <= self.size, f"node {(level, index)} is beyond leaf {self.size}"
        store, _ = built()
        return {node: store[node] for node in nodes}


def flip(digest: bytes, bit: int) -> bytes:
    changed = bytearray(digest)
    changed[bit // 8] ^= 1 << (bit % 8)
    return bytes(changed)


Verifier = Callable[..., bool]
INCLUSION_VERIFIERS: list[Verifier] = [rfc_verify_inclusion, merkle.verify_inclusion]
CONSISTENCY_VERIFIERS: list[Verifier] = [rfc_verify_consistency, merkle.verify_consistency]


def mangled(proof: list[bytes]) -> list[list[bytes]]:
    """Every hash with one bit flipped (a different bit each time), the proof cut short at either end,
    and the proof with an extra hash at either end."""
    variants = [[*proof[:i], flip(h, i * 37 % 256), *proof[i + 1 :]] for i, h in enumerate(proof)]
    if proof:
        variants += [proof[:-1], proof[1:]]
    variants += [[*proof, LEAVES[0]], [LEAVES[0], *proof], [*proof, EMPTY_ROOT]]
    return variants


# --- known answers -------------------------------------------------------------------------------

# The leaves and roots of google/certificate-transparency's test vectors (RFC 6962, same tree hash).
CT_LEAVES = [
    bytes.fromhex(h)
    for h in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
CT_CONSISTENCY = {
    (1, 8): [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    (6, 8): [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
    (2, 5): [
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
}
# A real CT log's audit path (same test suite): leaf 848049 of a tree of 3630887 entries.
CT_AUDIT_LEAF = bytes.fromhex("7a395c866d5ecdb0cccb623e011dbc392cd348d1d1d72776174e127a24b09c78")
CT_AUDIT_INDEX, CT_AUDIT_SIZE = 848049, 3630887
CT_AUDIT_ROOT = bytes.fromhex("78316a05c9bcf14a3a4548f5b854a9adfcd46a4c034401b3ce7eb7ac2f1d0ecb")
CT_AUDIT_PATH = [
    bytes.fromhex(h)
    for h in (
        "1a208aeebcd1b39fe2de247ee8db9454e1e93a312d206b87f6ca9cc6ec6f1ddd",
        "0a1b78b383f580856f433c01a5741e160d451c185910027f6cc9f828687a40c4",
        "3d1745789bc63f2da15850de1c12a5bf46ed81e1cc90f086148b1662e79aab3d",
        "9095b61e14d8990acf390905621e62b1714fb8e399fbb71de5510e0aef45affe",
        "0a332b91b8fab564e6afd1dd452449e04619b18accc0ff9aa8393cd4928451f2",
        "2336f0181d264aed6d8f3a6507ca14a8d3b3c3a23791ac263e845d208c1ee330",
        "b4ce56e300590500360c146c6452edbede25d4ed83919278749ee5dbe178e048",
        "933f6ddc848ea562e4f9c5cfb5f176941301dad0c6fdb9d1fbbe34fac1be6966",
        "b95a6222958a86f74c030be27c44f57dbe313e5e7c7f4ffb98bcbd3a03bb52f2",
        "daeeb3ce5923defd0faeb8e0c210b753b85b809445d7d3d3cd537a9aabaa9c45",
        "7fadd0a13e9138a2aa6c3fdec4e2275af233b94812784f66bcca9aa8e989f2bc",
        "1864e6ba3e32878610546539734fb5eeae2529991f130c575c73a7e25a2a7c56",
        "12842d1202b1dc6828a17ab253c02e7ce9409b5192430feba44189f39cc02d66",
        "29af64b16fa3053c13d02ac63aa75b23aa468506e44c3a2315edc85d2dc22b11",
        "b527b99934a0bd9edd154e449b0502e2c499bba783f3bc3dfe23364b6b532009",
        "4584db8ae8e351ace08e01f306378a92bfd43611714814f3d834a2842d69faa8",
        "86a9a41573b0d6e4292f01e93243d6cc65b30f06606fc6fa57390e7e90ed580f",
        "a88b98fbe84d4c6aae8db9d1605dfac059d9f03fe0fcb0d5dff1295dacba09e6",
        "06326dc617a6d1f7021dc536026dbfd5fffc6f7c5531d48ef6ccd1ed1569f2a1",
        "f41fe8fdc3a2e4e8345e30216e7ebecffee26ff266eeced208a6c2a3cf08f960",
        "40cf5bde8abb76983f3e98ba97aa36240402975674e120f234b3448911090f8d",
        "b3222dc8658538079883d980d7fdc2bef9285344ea34338968f736b04aeb387a",
    )
]


def test_hashes_match_the_known_answers() -> None:
    assert EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert merkle.leaf_hash(b"").hex() == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
    assert (
        merkle.leaf_hash(bytes.fromhex("101112131415161718191a1b1c1d1e1f")).hex()
        == "3bfb960453ebaebf33727da7a1f4db38acc051d381b6da20d6d4e88f0eabfd7a"
    )
    left, right = bytes(range(32)), bytes(range(32, 64))
    assert (
        merkle.node_hash(left, right).hex()
        == "1a378704c17da31e2d05b6d121c2bb2c7d76f6ee6fa8f983e596c2d034963c57"
    )


def test_the_ct_tree_has_the_published_roots_and_proofs() -> None:
    store: dict[Node, bytes] = {}
    frontier = Frontier()
    for size, data in enumerate(CT_LEAVES, 1):
        for level, index, digest in frontier.append(merkle.leaf_hash(data)):
            store[level, index] = digest
        assert frontier.root().hex() == CT_ROOTS[size - 1]
        assert merkle.tree_root(size, lambda nodes: {n: store[n] for n in nodes}).hex() == CT_ROOTS[size - 1]

    def read(nodes: Sequence[Node]) -> Mapping[Node, bytes]:
        return {n: store[n] for n in nodes}

    roots = [bytes.fromhex(h) for h in CT_ROOTS]
    for (first, second), expected in CT_CONSISTENCY.items():
        proof = merkle.consistency_proof(first, second, read)
        assert [h.hex() for h in proof] == expected
        assert merkle.verify_consistency(first, second, roots[first - 1], roots[second - 1], proof)
    # PROOF(1, D[n]) is PATH(0, D[n]) by the definitions (SUBPROOF(1, D[1], true) is empty), so the
    # published consistency proof 1 → 8 is also leaf 0's inclusion proof in the 8-leaf tree.
    assert [h.hex() for h in merkle.inclusion_proof(0, 8, read)] == CT_CONSISTENCY[1, 8]


def test_a_real_ct_audit_path_verifies_and_a_changed_one_does_not() -> None:
    for verify in INCLUSION_VERIFIERS:
        assert verify(CT_AUDIT_LEAF, CT_AUDIT_INDEX, CT_AUDIT_SIZE, CT_AUDIT_PATH, CT_AUDIT_ROOT)
        for path in mangled(CT_AUDIT_PATH):
            assert not verify(CT_AUDIT_LEAF, CT_AUDIT_INDEX, CT_AUDIT_SIZE, path, CT_AUDIT_ROOT)
        assert not verify(CT_AUDIT_LEAF, CT_AUDIT_INDEX + 1, CT_AUDIT_SIZE, CT_AUDIT_PATH, CT_AUDIT_ROOT)


# --- roots and the frontier ----------------------------------------------------------------------

ROOT_SIZES = [*range(71), 1000, 1025, 4096, LEAF_COUNT]


@pytest.mark.parametrize("size", ROOT_SIZES)
def test_roots_match_the_rfc_recursion(size: int) -> None:
    _, roots = built()
    expected = REF.mth(0, size)
    assert roots[size] == expected
    reader = Reader(size)
    assert merkle.tree_root(size, reader) == expected
    assert len(reader.calls) == (1 if size else 0)
    if size:
        assert len(reader.calls[0]) == size.bit_count()  # one stored node per set bit


def test_append_returns_exactly_the_nodes_it_completes() -> None:
    frontier = Frontier()
    for size in range(130):
        completed = frontier.append(LEAVES[size])
        # Leaf `size` completes the aligned perfect subtree of 2**level leaves ending at it,
        # for each level whose width divides the new count.
        count = size + 1
        expected = [
            (level, count // 2**level - 1, REF.mth(count - 2**level, count))
            for level in range(count.bit_length())
            if count % 2**level == 0
        ]
        assert completed == expected
        assert frontier.size == count
        assert len(frontier.roots) == count.bit_count()
    store, _ = built()
    # every perfect subtree of the whole log was stored exactly once
    assert len(store) == sum(LEAF_COUNT >> level for level in range(LEAF_COUNT.bit_length()))


@pytest.mark.parametrize("size", ROOT_SIZES)
def test_a_frontier_rebuilt_from_stored_nodes_carries_on(size: int) -> None:
    reader = Reader(size)
    frontier = Frontier.of(size, reader)
    assert frontier.size == size
    assert frontier.root() == REF.mth(0, size)
    assert len(reader.calls) == (1 if size else 0)
    assert all(len(call) == size.bit_count() for call in reader.calls)
    for more in range(size, min(size + 3, LEAF_COUNT)):
        frontier.append(LEAVES[more])
        assert frontier.root() == REF.mth(0, more + 1)


def test_a_frontier_refuses_what_cannot_be_a_tree() -> None:
    leaf = LEAVES[0]
    with pytest.raises(ValueError, match="a tree of 3 leaves is made of 2 perfect subtrees, not 1"):
        Frontier(3, [leaf])
    with pytest.raises(ValueError, match="cannot have -1 leaves"):
        Frontier(-1)
    with pytest.raises(ValueError, match="32 bytes"):
        Frontier(1, [b"short"])
    with pytest.raises(ValueError, match="32 bytes"):
        Frontier().append(b"not a hash")
    assert Frontier(3, [REF.mth(0, 2), LEAVES[2]]).root() == REF.mth(0, 3)


def test_a_frontier_says_which_stored_node_is_missing() -> None:
    with pytest.raises(ProofError, match="no hash for 1 of the 2 nodes asked for"):
        Frontier.of(3, lambda nodes: {(1, 0): LEAVES[0]})


# --- ranges --------------------------------------------------------------------------------------


def test_perfect_subtrees_split_as_the_rfc_recursion_does() -> None:
    assert merkle.perfect_subtrees(0, 0) == []
    assert merkle.perfect_subtrees(0, 13) == [(3, 0), (2, 2), (0, 12)]
    assert merkle.perfect_subtrees(8, 11) == [(1, 4), (0, 10)]
    assert merkle.perfect_subtrees(4, 8) == [(2, 1)]
    assert merkle.perfect_subtrees(2, 6) == [(1, 1), (1, 2)]  # length 4, aligned to 2 only
    for start in range(41):
        for end in range(start, 41):
            try:
                nodes = merkle.perfect_subtrees(start, end)
            except ValueError:
                # refused exactly when the RFC's first split would cut an unaligned subtree
                n = end - start
                assert n > 1 and start % ref_split(n) != 0 and not (n & (n - 1) == 0 and start % n == 0)
                continue
            # contiguous aligned perfect subtrees covering [start, end), whose fold is the MTH
            covered = start
            for level, index in nodes:
                assert index << level == covered
                covered += 1 << level
            assert covered == end
            assert merkle.range_root([REF.mth(i << lv, (i + 1) << lv) for lv, i in nodes]) == REF.mth(
                start, end
            )


def test_perfect_subtrees_refuses_ranges_no_stored_node_can_make() -> None:
    with pytest.raises(ValueError, match="1 is not a multiple of 2"):
        merkle.perfect_subtrees(1, 4)
    with pytest.raises(ValueError, match="not a range of leaves"):
        merkle.perfect_subtrees(5, 4)
    with pytest.raises(ValueError, match="not a range of leaves"):
        merkle.perfect_subtrees(-1, 4)


def test_proof_ranges_in_proof_order() -> None:
    assert merkle.inclusion_ranges(0, 1) == []
    assert merkle.inclusion_ranges(0, 8) == [(1, 2), (2, 4), (4, 8)]
    assert merkle.inclusion_ranges(5, 8) == [(4, 5), (6, 8), (0, 4)]
    assert merkle.inclusion_ranges(6, 7) == [(4, 6), (0, 4)]
    assert merkle.consistency_ranges(4, 4) == []
    assert merkle.consistency_ranges(6, 8) == [(4, 6), (6, 8), (0, 4)]
    assert merkle.consistency_ranges(2, 5) == [(2, 4), (4, 5)]
    assert merkle.consistency_ranges(4, 8) == [(4, 8)]  # the first tree's root is the verifier's own


def test_nodes_for_dedupes_in_first_seen_order() -> None:
    assert merkle.nodes_for([(0, 4), (4, 6), (0, 4), (4, 5), (6, 7)]) == [(2, 0), (1, 2), (0, 4), (0, 6)]
    assert merkle.nodes_for([]) == []


def test_resolve_reads_once_and_names_a_missing_node() -> None:
    reader = Reader(13)
    ranges = [(0, 8), (8, 13), (12, 13)]
    assert merkle.resolve(ranges, reader) == [REF.mth(0, 8), REF.mth(8, 13), REF.mth(12, 13)]
    assert reader.calls == [[(3, 0), (2, 2), (0, 12)]]
    with pytest.raises(
        ProofError, match=r"no hash for 1 of the 3 nodes asked for \(first: level 0, index 12\)"
    ):
        merkle.resolve(ranges, lambda nodes: {n: LEAVES[0] for n in nodes if n != (0, 12)})


# --- proofs against the reference and both verifiers ---------------------------------------------

SMALL = 40


def check_inclusion(index: int, size: int, tamper: bool = True) -> None:
    reader = Reader(size)
    proof = merkle.inclusion_proof(index, size, reader)
    assert proof == REF.path(index, 0, size)
    assert len(reader.calls) == (1 if proof else 0)
    leaf, root = LEAVES[index], REF.mth(0, size)
    for verify in INCLUSION_VERIFIERS:
        assert verify(leaf, index, size, proof, root)
        if not tamper:
            continue
        for changed in mangled(proof):
            assert not verify(leaf, index, size, changed, root)
        for other in (index - 1, index + 1):
            if 0 <= other < size:
                assert not verify(leaf, other, size, proof, root)
                assert not verify(LEAVES[other], other, size, proof, root)
        # a proof for this size is no proof in a tree of another size (with that tree's root)
        for other in (size - 1, size + 1):
            if other > index:
                assert not verify(leaf, index, other, proof, REF.mth(0, other))
        assert not verify(leaf, index, size, proof, flip(root, 0))
        assert not verify(LEAVES[(index + 1) % LEAF_COUNT], index, size, proof, root)


def check_consistency(first: int, second: int, tamper: bool = True) -> None:
    reader = Reader(second)
    proof = merkle.consistency_proof(first, second, reader)
    assert proof == REF.subproof(first, 0, second)
    assert len(reader.calls) == (1 if proof else 0)
    old, new = REF.mth(0, first), REF.mth(0, second)
    for verify in CONSISTENCY_VERIFIERS:
        assert verify(first, second, old, new, proof)
        if not tamper:
            continue
        for changed in mangled(proof):
            assert not verify(first, second, old, new, changed)
        for other in (first - 1, first + 1):
            if 1 <= other <= second:
                assert not verify(other, second, REF.mth(0, other), new, proof)
        for other in (second - 1, second + 1):
            if other >= first:
                assert not verify(first, other, old, REF.mth(0, other), proof)
        assert not verify(first, second, flip(old, 0), new, proof)
        assert not verify(first, second, old, flip(new, 255), proof)


def test_every_inclusion_proof_of_the_small_trees() -> None:
    for size in range(1, SMALL + 1):
        for index in range(size):
            check_inclusion(index, size)


def test_every_consistency_proof_of_the_small_trees() -> None:
    for second in range(1, SMALL + 1):
        for first in range(1, second + 1):
            check_consistency(first, second)


def test_proofs_in_big_trees() -> None:
    rng = random.Random(9162)
    for _ in range(40):
        size = rng.randrange(SMALL, LEAF_COUNT)  # one leaf to spare for the size+1 checks
        check_inclusion(rng.randrange(size), size)
        check_consistency(rng.randrange(1, size + 1), size)
    for size in (1024, 1025, 4095, 4096, LEAF_COUNT):  # the edges: perfect trees and one past
        for index in (0, 1, size // 2, size - 2, size - 1):
            check_inclusion(index, size, tamper=False)
        for first in (1, 2, size // 2, size - 1, size):
            check_consistency(first, size, tamper=False)


def test_inclusion_binds_the_size_only_through_the_root() -> None:
    # RFC 9162 behaviour, not ours: leaf 0's path in a tree of 3 ([h1, h2]) has the same shape as in a
    # tree of 4, so it "verifies" against the 3-leaf root claimed as a 4-leaf tree. Hence size and
    # root must come from one signed tree head, as tree_head.TreeHead keeps them.
    proof = REF.path(0, 0, 3)
    for verify in INCLUSION_VERIFIERS:
        assert verify(LEAVES[0], 0, 4, proof, REF.mth(0, 3))
        assert not verify(LEAVES[0], 0, 4, proof, REF.mth(0, 4))


def test_verifiers_refuse_impossible_arguments() -> None:
    leaf, root = LEAVES[0], REF.mth(0, 4)
    proof = REF.path(0, 0, 4)
    assert not merkle.verify_inclusion(leaf, 4, 4, proof, root)
    assert not merkle.verify_inclusion(leaf, -1, 4, proof, root)
    assert not merkle.verify_inclusion(leaf, 0, 0, [], EMPTY_ROOT)
    assert not merkle.verify_inclusion(leaf[:31], 0, 4, proof, root)  # hashes are 32 bytes
    assert not merkle.verify_inclusion(leaf, 0, 4, [proof[0], proof[1] + b"\x00"], root)
    assert merkle.verify_inclusion(leaf, 0, 1, [], leaf)  # a one-leaf tree's root is its leaf
    assert not merkle.verify_consistency(4, 3, root, REF.mth(0, 3), [])
    assert not merkle.verify_consistency(-1, 3, root, REF.mth(0, 3), [])
    assert not merkle.verify_consistency(2, 4, REF.mth(0, 2), root, [])
    assert merkle.verify_consistency(4, 4, root, root, [])
    assert not merkle.verify_consistency(4, 4, root, REF.mth(0, 3), [])
    assert not merkle.verify_consistency(4, 4, root, root, [LEAVES[1]])


def test_the_empty_tree_is_consistent_with_every_tree_without_a_proof() -> None:
    root = REF.mth(0, 5)
    assert merkle.verify_consistency(0, 5, EMPTY_ROOT, root, [])
    assert merkle.verify_consistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])
    assert not merkle.verify_consistency(0, 5, EMPTY_ROOT, root, [LEAVES[0]])
    assert not merkle.verify_consistency(0, 5, LEAVES[0], root, [])
    assert not merkle.verify_consistency(0, 0, EMPTY_ROOT, LEAVES[0], [])


# --- what cannot be proved -----------------------------------------------------------------------


def test_proofs_of_what_does_not_exist_say_why() -> None:
    reader = Reader(10)
    with pytest.raises(ProofError, match=r"^no leaf 12 in a tree of 10 leaves \(its last leaf is 9\)$"):
        merkle.inclusion_proof(12, 10, reader)
    with pytest.raises(ProofError, match="no leaf 10 in a tree of 10 leaves"):
        merkle.inclusion_proof(10, 10, reader)
    with pytest.raises(ProofError, match=r"no leaf 0 in a tree of 0 leaves \(it is empty\)"):
        merkle.inclusion_proof(0, 0, reader)
    with pytest.raises(ProofError, match="no leaf -1: leaves are numbered from 0"):
        merkle.inclusion_proof(-1, 10, reader)
    with pytest.raises(ProofError, match="a tree cannot have -3 leaves"):
        merkle.inclusion_ranges(0, -3)
    with pytest.raises(ProofError, match="a tree of 5 leaves cannot extend one of 8"):
        merkle.consistency_proof(8, 5, reader)
    with pytest.raises(ProofError, match=r"no consistency proof starts from the empty tree"):
        merkle.consistency_proof(0, 5, reader)
    with pytest.raises(ProofError, match="a tree cannot have -1 leaves"):
        merkle.consistency_ranges(-1, 5)
    with pytest.raises(ProofError, match="a tree cannot have -1 leaves"):
        merkle.tree_root(-1, reader)
    with pytest.raises(ProofError, match="a tree cannot have -2 leaves"):
        Frontier.of(-2, reader)
    assert reader.calls == []  # refused before reading anything
    assert merkle.consistency_proof(10, 10, reader) == [] and reader.calls == []
    assert merkle.inclusion_proof(0, 1, reader) == [] and reader.calls == []
