"""Django release numbers: parsing ``HTTP_COMPAT_VERSION`` and naming the valid choices."""

from __future__ import annotations

Version = tuple[int, int]

#: Every Django feature release whose ``django.http`` contract can be selected.
RELEASES: tuple[str, ...] = (
    "0.96",
    *(f"1.{minor}" for minor in range(12)),
    "2.0", "2.1", "2.2",
    "3.0", "3.1", "3.2",
    "4.0", "4.1", "4.2",
    "5.0", "5.1", "5.2",
    "6.0", "6.1",
)  # fmt: skip


class InvalidVersion(ValueError):
    """``HTTP_COMPAT_VERSION`` names no Django feature release."""


def parse_version(raw: object) -> Version:
    """``"1.6"`` or ``"1.6.11"`` -> ``(1, 6)``; anything else raises InvalidVersion."""
    if isinstance(raw, str):
        parts = raw.strip().split(".")
        valid = len(parts) in (2, 3) and all(p.isdigit() for p in parts)
        if valid and f"{parts[0]}.{parts[1]}" in RELEASES:
            return (int(parts[0]), int(parts[1]))
    raise InvalidVersion(
        f"HTTP_COMPAT_VERSION={raw!r} is not a Django feature release. "
        f"Choose one of: {', '.join(RELEASES)} (a patch suffix such as '1.6.11' is accepted)."
    )


def format_version(version: Version) -> str:
    return f"{version[0]}.{version[1]}"


#: Release name -> ``(major, minor)``, for the era checks (``Config.before("1.4")``).
VERSION_OF: dict[str, Version] = {name: parse_version(name) for name in RELEASES}
