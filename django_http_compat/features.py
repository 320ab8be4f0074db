"""The registry: every legacy ``django.http`` API, declared once.

Flags, warnings, system checks, the docs' feature table and the audit all read
from here, so a feature's versions, replacement and warning text exist in one
place only.  This module is pure data and imports nothing from Django.
"""

from __future__ import annotations

from dataclasses import dataclass

from .versions import Version, format_version, parse_version


@dataclass(frozen=True)
class Feature:
    #: Stable id used in settings, warnings, checks, docs anchors and the audit.
    id: str
    #: What old code writes, e.g. ``request.REQUEST``.
    api: str
    #: ``"request"`` or ``"response"``.
    area: str
    #: One sentence: what the old contract did.
    summary: str
    #: First Django release whose ``django.http`` had it ("0.96" for pre-1.0).
    added: str
    #: First release without it (removed, or its behaviour changed).
    removed: str
    #: The modern code that replaces it.
    replacement: str
    #: Entries of the contract catalogue and the reference documents describing it.
    reference: str
    #: Release that started warning about it, if any did.
    deprecated: str | None = None
    #: True when the old behaviour cannot coexist with modern behaviour; such a
    #: feature is on only when ``HTTP_COMPAT_VERSION`` selects it explicitly.
    conflict: bool = False

    @property
    def added_version(self) -> Version:
        return parse_version(self.added)

    @property
    def removed_version(self) -> Version:
        return parse_version(self.removed)

    def available_in(self, version: Version) -> bool:
        """Did Django ``version`` have this API?"""
        return self.added_version <= version < self.removed_version

    @property
    def category_name(self) -> str:
        """Warning class name, after Django's own ``RemovedInDjangoXYWarning``."""
        major, minor = self.removed_version
        return f"RemovedInDjango{major}{minor}Warning"

    @property
    def warning_message(self) -> str:
        verb = "changed" if self.conflict else "was removed"
        return (
            f"{self.api} {verb} in Django {format_version(self.removed_version)}; "
            f"use {self.replacement} [{self.id}]"
        )


FEATURES: tuple[Feature, ...] = (
    Feature(
        id="request_REQUEST",
        api="request.REQUEST",
        area="request",
        summary="A merged, read-only view of POST and GET; POST is searched first.",
        added="0.96",
        deprecated="1.7",
        removed="1.9",
        replacement="request.POST or request.GET explicitly (look in POST first to keep the old precedence)",
        reference="RQ-03, QD-15, C-10; seeds 003, 001, 000",
    ),
    Feature(
        id="request_is_ajax",
        api="request.is_ajax()",
        area="request",
        summary="True when the X-Requested-With header is exactly 'XMLHttpRequest'.",
        added="1.0",
        deprecated="3.1",
        removed="4.0",
        replacement='request.headers.get("x-requested-with") == "XMLHttpRequest"',
        reference="RQ-12; seeds 001, 000, 004",
    ),
    Feature(
        id="request_xreadlines",
        api="request.xreadlines()",
        area="request",
        summary="A generator over the request body's lines, read as a stream.",
        added="1.3",
        deprecated="2.0",
        removed="3.0",
        replacement="iteration over the request (for line in request)",
        reference="RQ-13; seeds 001, 000, 004",
    ),
    Feature(
        id="response_mimetype",
        api="the mimetype= argument of response classes",
        area="response",
        summary="Sets Content-Type; when both are given, a non-empty mimetype wins over content_type.",
        added="0.96",
        deprecated="1.5",
        removed="1.7",
        replacement="content_type=",
        reference="RS-02; seeds 003, 001, 000",
    ),
    Feature(
        id="response_positional_order",
        api="positional HttpResponse(content, mimetype, status, content_type) arguments",
        area="response",
        summary=(
            "Positional arguments after content follow the era's order: "
            "(mimetype, status, content_type) up to 1.4, (content_type, status, mimetype) in 1.5, "
            "(content_type, status, reason, mimetype) in 1.6."
        ),
        added="1.0",
        deprecated="1.5",
        removed="1.7",
        replacement="keyword arguments (content_type=, status=, reason=)",
        reference="RS-01, C-04; seeds 001, 000",
        conflict=True,
    ),
)

FEATURES_BY_ID: dict[str, Feature] = {feature.id: feature for feature in FEATURES}


def default_features() -> frozenset[str]:
    """Active with no version set: every legacy API that cannot break modern code."""
    return frozenset(f.id for f in FEATURES if not f.conflict)


def features_for(version: Version | None) -> frozenset[str]:
    """The features the given Django release had (the default set if None)."""
    if version is None:
        return default_features()
    return frozenset(f.id for f in FEATURES if f.available_in(version))
