"""Every projection of the product, in the order a batch applies them."""

from __future__ import annotations

from projections.attendance import AttendanceProjection
from projections.base import Projection
from projections.disclosure import DisclosureProjection
from projections.erp import BalancesProjection
from projections.general_ledger import GeneralLedgerProjection
from projections.hash_chain import CanonicalLog, CheckpointSigner, HashChainProjection
from projections.line_history import LineHistoryProjection
from projections.merkle_tree import DEFAULT_ORIGIN, MerkleTreeProjection
from projections.organisations import OrganisationsProjection
from projections.payroll import PayrollProjection
from projections.personnel import EmployeesProjection, PersonnelChartProjection, PersonnelRecordsProjection


def all_projections() -> list[Projection]:
    return [
        BalancesProjection(),
        DisclosureProjection(),
        GeneralLedgerProjection(),
        OrganisationsProjection(),
        LineHistoryProjection(),
        PersonnelChartProjection(),
        EmployeesProjection(),
        PersonnelRecordsProjection(),
        AttendanceProjection(),
        PayrollProjection(),
    ]


def integrity_projections(
    log: CanonicalLog, signer: CheckpointSigner | None, every: int, origin: str = DEFAULT_ORIGIN
) -> list[Projection]:
    """The tamper-evidence group, in a group (an engine) of its own: the hash chain and the Merkle
    tree, which share each batch's read of the log (``log``)."""
    return [
        HashChainProjection(log, signer=signer, every=every),
        MerkleTreeProjection(log, signer=signer, origin=origin, every=every),
    ]


def code_versions() -> dict[str, int]:
    """Every projection's name and the version of its code (a state row of another version asks
    for a rebuild), the hash chain's included."""
    versions = {p.name: p.version for p in all_projections()}
    versions[HashChainProjection.name] = HashChainProjection.version
    versions[MerkleTreeProjection.name] = MerkleTreeProjection.version
    return versions
