"""What an authenticator set-up page shows: the QR code and the same key for typing by hand.

Clinicians' and people's set-up pages both use :func:`setup_display` and the template
``follicle/accounts/authenticator_key.html``, so the key is shown one way everywhere.
"""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import segno
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

#: Characters per group of the key for typing by hand (apps ignore the spaces).
KEY_GROUP = 4


def key_for_typing(device: TOTPDevice) -> str:
    """The device's secret in base32, what authenticator apps accept typed by hand (and what the
    QR code carries), in groups of four separated by spaces for reading."""
    key = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[n : n + KEY_GROUP] for n in range(0, len(key), KEY_GROUP))


def qr_code(device: TOTPDevice) -> SafeString:
    """The ``otpauth://`` address as an inline SVG QR code."""
    qr = segno.make(device.config_url, error="m")
    return mark_safe(qr.svg_inline(scale=4, title="QR code for your authenticator app"))  # noqa: S308 - generated SVG


def setup_display(device: TOTPDevice) -> dict[str, Any]:
    """The template context for ``authenticator_key.html``."""
    return {"qr": qr_code(device), "secret": key_for_typing(device)}
