"""Rounding of computed amounts (단수 처리), in one place.

Every computed amount is truncated towards zero to its table's unit: to the won for prorated pay
(원 미만 절사), to 10 won for contributions and taxes (원 단위 절사), to 1 000 won for the pension's
monthly base (천원 미만 절사). Inputs are exact (:class:`~fractions.Fraction`), so nothing is
rounded twice.
"""

from __future__ import annotations

from fractions import Fraction

Exact = int | Fraction


def truncate(amount: Exact, unit: int = 1) -> int:
    """``amount`` truncated towards zero to a multiple of ``unit`` won."""
    whole = int(amount)  # int() of a Fraction truncates towards zero
    return whole - (whole % unit if whole >= 0 else -((-whole) % unit))


def percent(rate: str) -> Fraction:
    """A table's percentage (``"4.75"``, ``"200/3"``) as an exact fraction of one (19/400)."""
    return Fraction(rate) / 100


def scaled(amount: int, rate: Fraction, unit: int = 1) -> int:
    """``amount × rate`` truncated to ``unit``, in integers: the same as ``truncate(amount * rate,
    unit)`` without building a fraction (a month computes a few hundred thousand of these)."""
    product = amount * rate.numerator
    whole = product // rate.denominator if product >= 0 else -((-product) // rate.denominator)
    return whole - (whole % unit if whole >= 0 else -((-whole) % unit))
