"""A two-word description of the browser a session was signed in from ("Firefox on Android"),
for the list of one's own sessions. Only this summary is kept, never the user-agent string.

A few substring checks suffice for two words (a full parser such as ua-parser loads thousands of
rules); the order matters, since Edge and Opera also say "Chrome", and Chrome also says "Safari".
"""

from __future__ import annotations

_BROWSERS = (
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Macintosh", "a Mac"),
    ("Linux", "Linux"),
)


def describe(user_agent: str) -> str:
    """ "Firefox on Android", "Safari on an iPhone" ..., or "An unknown browser"."""
    browser = next((name for mark, name in _BROWSERS if mark in user_agent), None)
    system = next((name for mark, name in _SYSTEMS if mark in user_agent), None)
    if browser is None and system is None:
        return "An unknown browser"
    if system is None:
        return f"{browser}"
    if system in ("iPhone", "iPad"):
        system = f"an {system}"
    return f"{browser or 'A browser'} on {system}"
