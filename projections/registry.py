"""Every projection of the product, in the order a batch applies them."""

from __future__ import annotations

from projections.base import Projection
from projections.disclosure import DisclosureProjection
from projections.erp import BalancesProjection
from projections.general_ledger import GeneralLedgerProjection


def all_projections() -> list[Projection]:
    return [BalancesProjection(), DisclosureProjection(), GeneralLedgerProjection()]
