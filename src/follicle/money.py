"""How amounts of money are written, everywhere: articles (knowledge), the engine's reasons and
assumptions, the text report and the web pages. Framework-free, so every layer may use it."""

from __future__ import annotations


def dollars(amount: int) -> str:
    """``1500`` -> ``$1,500``."""
    return f"${amount:,}"


def money_range(low: int, high: int) -> str:
    """``$800 to $2,000``, or one amount when both ends are the same."""
    return dollars(low) if low == high else f"{dollars(low)} to {dollars(high)}"
