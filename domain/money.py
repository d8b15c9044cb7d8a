"""Money: whole won (원) as Python ``int``.

Won has no minor unit, so amounts are integers; the store keeps them as ``BIGINT``. Anything that
is not an ``int`` (a ``bool`` is not money), not positive where a positive amount is required, or
that does not fit in a signed 64-bit integer is refused.
"""

from __future__ import annotations

from domain.errors import AmountOutOfRange, InvalidAmount, InvalidState, Number

Won = int
MAX_WON: Won = 2**63 - 1


def positive_won(value: object, *, field: str = "amount") -> Won:
    """Return ``value`` as a positive amount of won, or raise a named refusal."""
    amount = _integral(value, field)
    if amount <= 0:
        raise InvalidAmount(f"{field} must be greater than zero, got {amount}", **{field: amount})
    return amount


def non_negative_won(value: object, *, field: str = "amount") -> Won:
    amount = _integral(value, field)
    if amount < 0:
        raise InvalidAmount(f"{field} must not be negative, got {amount}", **{field: amount})
    return amount


def releasable(value: object, *, held: int, held_as: str) -> Won:
    """A positive amount to give back, refused if more than the ``held`` amount it comes from."""
    amount = positive_won(value)
    if amount > held:
        numbers: dict[str, Number] = {"requested": amount, held_as: held}
        raise InvalidState(f"cannot release {amount} won; {held} won is {held_as}", **numbers)
    return amount


def checked_sum(*amounts: Won, field: str = "total") -> Won:
    """Add amounts, refusing a result beyond the signed 64-bit range of the store."""
    total = sum(amounts)
    if not -MAX_WON - 1 <= total <= MAX_WON:
        numbers: dict[str, Number] = {field: str(total), "maximum": MAX_WON}
        raise AmountOutOfRange(
            f"{field} would be {total} won, beyond the largest amount the ledger holds", **numbers
        )
    return total


def _integral(value: object, field: str) -> Won:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidAmount(f"{field} must be a whole number of won, got {value!r}")
    if not -MAX_WON - 1 <= value <= MAX_WON:
        numbers: dict[str, Number] = {field: str(value), "maximum": MAX_WON}
        raise AmountOutOfRange(f"{field} {value} does not fit in a signed 64-bit integer", **numbers)
    return value
