"""One typed reader for the environment settings, strict enough to fail loudly.

Built on django-environ's ``Env`` with three changes, each a way a setting could be misread
silently:

- a boolean is ``true/false``, ``yes/no`` or ``1/0`` (any case); anything else raises
  ``ImproperlyConfigured`` instead of reading as false (``EMAIL_USE_TLS=True`` once did);
- a number that is not a whole number, or is below its minimum, raises ``ImproperlyConfigured``
  naming the variable (django-environ lets Python's ``ValueError`` through);
- a value starting with ``$`` is taken as it is: django-environ would read ``$NAME`` as the name
  of another variable, and a random secret key may start with ``$``.

An empty value counts as unset (``EMAIL_USE_TLS=`` in an env file means the default). Error
messages name the variable and what it accepts, never the value read (it may be a secret).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = frozenset({"true", "yes", "1"})
FALSE_WORDS = frozenset({"false", "no", "0"})


class StrictEnv(environ.Env):  # type: ignore[misc]  # django-environ ships no types
    """``environ.Env`` that refuses what it cannot read (see the module's docstring)."""

    def get_value(
        self, var: str, cast: Any = None, default: Any = environ.Env.NOTSET, **kwargs: Any
    ) -> Any:
        raw = self.ENVIRON.get(var, "")
        if raw == "":
            if default is self.NOTSET:
                raise ImproperlyConfigured(f"Set the {var} environment variable")
            return default
        if cast is bool:
            word = raw.strip().lower()
            if word not in TRUE_WORDS | FALSE_WORDS:
                raise ImproperlyConfigured(
                    f"{var} must be true or false (also yes/no, 1/0); it was something else"
                )
            return word in TRUE_WORDS
        try:
            return self.parse_value(raw, cast)
        except ValueError as error:
            kind = "a whole number" if cast is int else f"a valid {getattr(cast, '__name__', cast)}"
            raise ImproperlyConfigured(f"{var} must be {kind}") from error


_env = StrictEnv()


def boolean(name: str, default: bool) -> bool:
    """``name`` as true or false; anything but the six words (any case) is an error."""
    value: bool = _env.bool(name, default=default)
    return value


def integer(name: str, default: int, *, minimum: int = 0) -> int:
    """``name`` as a whole number of at least ``minimum``."""
    value: int = _env.int(name, default=default)
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}")
    return value


def text(name: str, default: str | None = None) -> str:
    """``name`` as it is; without a default, an unset variable is an error."""
    value: str = _env.str(name) if default is None else _env.str(name, default=default)
    return value


def choice(name: str, choices: Iterable[str], default: str) -> str:
    """``name`` as one of ``choices`` (exactly as written)."""
    allowed = tuple(choices)
    value = text(name, default)
    if value not in allowed:
        raise ImproperlyConfigured(f"{name} must be one of: {', '.join(allowed)}")
    return value


def items(name: str, default: str = "") -> list[str]:
    """``name`` as a comma-separated list, each item trimmed, empty items dropped."""
    return [part.strip() for part in text(name, default).split(",") if part.strip()]
