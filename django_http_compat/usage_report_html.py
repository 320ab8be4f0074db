"""The usage report as one self-contained HTML page (``--format html``).

Styles are inline and the bars are plain elements sized in percent: no
script, font, image or stylesheet is fetched, so the file can be mailed,
attached to a ticket or opened offline.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from .usage_report import HIT, NEVER_HIT, NOT_IN_AUDIT, STATUSES, Report, Row

_STATUS_CLASS = {HIT: "hit", NEVER_HIT: "never", NOT_IN_AUDIT: "missed", None: "calls"}
_STATUS_TEXT = {
    HIT: "found by the audit and run",
    NEVER_HIT: "found by the audit, never run",
    NOT_IN_AUDIT: "run, not found by the audit",
}

_STYLE = """
:root { color-scheme: light; --hit: #2f7d4f; --never: #c7792a; --missed: #b8323a; --calls: #3465a4; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2328;
       background: #f6f7f9; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
p.meta { color: #59636e; margin: 0 0 1rem; overflow-wrap: anywhere; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.card { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: .6rem .9rem; min-width: 9rem; }
.card b { display: block; font-size: 1.4rem; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #dde1e6;
        table-layout: fixed; }
th, td { padding: .4rem .6rem; border-bottom: 1px solid #eceef1; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #eef0f3; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
col.name { width: 34%; } col.calls { width: 5rem; } col.status { width: 13rem; }
.replacement { color: #59636e; font-size: .85rem; }
code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.track { display: flex; height: .9rem; margin-top: .2rem; background: #eef0f3; border-radius: 3px;
         overflow: hidden; }
.bar { display: block; height: 100%; }
.bar.hit { background: var(--hit); } .bar.never { background: var(--never); }
.bar.missed { background: var(--missed); } .bar.calls { background: var(--calls); }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; margin: .5rem 0; font-size: .9rem; }
.legend span::before { content: ""; display: inline-block; width: .8rem; height: .8rem; margin-right: .35rem;
                       vertical-align: -.1rem; border-radius: 2px; background: var(--swatch); }
.status { font-size: .85rem; }
@media (max-width: 40rem) {
  main { padding: .75rem; } th, td { padding: .35rem .4rem; }
  col.name { width: 40%; } col.calls { width: 3.8rem; } col.status { width: 6.5rem; }
}
.status.hit { color: var(--hit); } .status.never { color: var(--never); } .status.missed { color: var(--missed); }
"""


def _percent(n: int, largest: int) -> str:
    return f"{100 * n / largest:.2f}%" if largest else "0%"


def _bar(segments: list[tuple[str, int]], largest: int, kind: str) -> str:
    """A track as wide as the table's largest value, with a segment per status."""
    parts = "".join(
        f'<span class="bar {cls}" data-{kind}="{n}" style="width:{_percent(n, largest)}"></span>'
        for cls, n in segments
        if n
    )
    return f'<div class="track" data-{kind}-total="{sum(n for _, n in segments)}">{parts}</div>'


def _site_segments(totals: Mapping[str, int], joined: bool) -> list[tuple[str, int]]:
    if not joined:
        return [("calls", totals["sites"])]
    return [(_STATUS_CLASS[status], totals[status]) for status in STATUSES]


def _totals_table(
    title: str, anchor: str, heading: str, totals: dict[str, dict[str, int]], report: Report
) -> str:
    most_sites = max((entry["sites"] for entry in totals.values()), default=0)
    most_calls = max((entry["calls"] for entry in totals.values()), default=0)
    replacements = {row.feature: row.replacement for row in report.rows}
    lines = [
        f'<section id="{anchor}"><h2>{title}</h2>',
        '<table><colgroup><col class="name"><col><col></colgroup>',
        f"<tr><th>{heading}</th><th>Sites</th><th>Calls</th></tr>",
    ]
    for name, entry in totals.items():
        label = f"<code>{escape(name)}</code>"
        if anchor == "features":
            label += f'<div class="replacement">use {escape(replacements.get(name, ""))}</div>'
        lines.append(
            f'<tr data-name="{escape(name)}"><td>{label}</td>'
            f"<td>{entry['sites']}{_bar(_site_segments(entry, report.joined), most_sites, 'sites')}</td>"
            f"<td>{entry['calls']}{_bar([('calls', entry['calls'])], most_calls, 'calls')}</td></tr>"
        )
    lines.append("</table></section>")
    return "\n".join(lines)


def _site_row(row: Row, joined: bool) -> str:
    status = ""
    if joined:
        cls = _STATUS_CLASS[row.status]
        status = f'<td><span class="status {cls}">{escape(_STATUS_TEXT[row.status or ""])}</span></td>'
    return (
        f'<tr><td class="n">{row.calls}</td><td><code>{escape(row.file)}:{row.line}</code></td>'
        f'<td><code>{escape(row.feature)}</code><div class="replacement">use {escape(row.replacement)}</div>'
        f"</td>{status}</tr>"
    )


def render(report: Report) -> str:
    files = len(report.totals_by_file)
    cards = [
        ("legacy calls", report.calls),
        ("sites", len(report.rows)),
        ("files", files),
        ("features", len(report.totals_by_feature)),
    ]
    legend = ""
    if report.joined:
        cards += [
            (_STATUS_TEXT[status], sum(row.status == status for row in report.rows)) for status in STATUSES
        ]
        legend = (
            '<div class="legend">'
            + "".join(
                f'<span style="--swatch: var(--{_STATUS_CLASS[status]})">{escape(_STATUS_TEXT[status])}</span>'
                for status in STATUSES
            )
            + "</div>"
        )
    source = f"Counts from <code>{escape(report.usage_file)}</code>"
    if report.joined:
        source += f", joined with the audit <code>{escape(report.audit_file or '')}</code>"
    status_heading = "<th>Status</th>" if report.joined else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Legacy django.http calls</title>",
        f"<style>{_STYLE}</style></head><body><main>",
        "<h1>Legacy django.http calls</h1>",
        f'<p class="meta">{source}; paths relative to <code>{escape(report.root)}</code>.</p>',
        '<div class="cards">'
        + "".join(f'<div class="card"><b>{n}</b>{escape(label)}</div>' for label, n in cards)
        + "</div>",
        legend,
        _totals_table("By feature", "features", "Feature", report.totals_by_feature, report),
        _totals_table("By file", "files", "File", report.totals_by_file, report),
        '<section id="sites"><h2>Sites</h2><table><colgroup><col class="calls"><col><col>'
        + ('<col class="status">' if report.joined else "")
        + "</colgroup>",
        f'<tr><th class="n">Calls</th><th>Where</th><th>Feature</th>{status_heading}</tr>',
        *(_site_row(row, report.joined) for row in report.rows),
        "</table></section>",
        "</main></body></html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"
