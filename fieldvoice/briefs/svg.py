"""Charts as inline SVG strings: no JavaScript, no network, printable. Every label is escaped."""

from collections.abc import Callable, Sequence
from html import escape

from fieldvoice.briefs.figures import NpsRow

# Okabe-Ito: distinguishable with the common colour-vision deficiencies, and in greyscale print by the markers.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'style="max-width:{width}px" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def nps_chart(rows: Sequence[NpsRow], label: Callable[[str], str], title: str) -> str:
    """Horizontal NPS bars on a −100..100 axis, with the 95% confidence interval as a whisker."""
    left, right, top, row_h = 170, 560, 24, 24
    width, height = 700, top + row_h * max(len(rows), 1) + 12

    def x(value: float) -> float:
        return left + (max(-100.0, min(100.0, value)) + 100) / 200 * (right - left)

    body = [f'<text x="{left}" y="14" {_FONT} fill="#555">−100</text>']
    body += [f'<text x="{x(0) - 4:.1f}" y="14" {_FONT} fill="#555">0</text>']
    body += [f'<text x="{right - 24}" y="14" {_FONT} fill="#555">+100</text>']
    for i, row in enumerate(rows):
        y = top + i * row_h
        colour = "#009E73" if row.nps >= 0 else "#D55E00"
        start, end = sorted((x(0), x(row.nps)))
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" {_FONT}>{escape(label(row.key))}</text>')
        body.append(
            f'<rect x="{start:.1f}" y="{y + 4}" width="{max(end - start, 1):.1f}" height="14" fill="{colour}"/>'
        )
        if row.ci_low is not None and row.ci_high is not None:
            lo, hi, mid = x(row.ci_low), x(row.ci_high), y + 11
            body.append(
                f'<path d="M{lo:.1f} {mid}H{hi:.1f}M{lo:.1f} {mid - 5}v10M{hi:.1f} {mid - 5}v10" stroke="#222"/>'
            )
        value = round(row.nps)
        shown = f"{value:+d}".replace("-", "−") if value else "0"
        body.append(f'<text x="{right + 10}" y="{y + 15}" {_FONT}>{shown} (n={row.n:,})</text>')
    axis_bottom = top + row_h * len(rows)
    body.append(f'<line x1="{x(0):.1f}" y1="{top - 4}" x2="{x(0):.1f}" y2="{axis_bottom}" stroke="#888"/>')
    return _svg(width, height, title, body)


def trend_chart(series: Sequence[tuple[str, Sequence[tuple[str, int]]]], title: str) -> str:
    """One line per theme: weekly mentions, weeks on x. A legend row per theme below the plot."""
    weeks = sorted({week for _, points in series for week, _ in points})
    peak = max((n for _, points in series for _, n in points), default=0) or 1
    left, right, top, bottom = 48, 660, 16, 216
    width, height = 680, bottom + 36 + 18 * len(series)

    def x(week: str) -> float:
        return left + (weeks.index(week) / max(len(weeks) - 1, 1)) * (right - left)

    def y(n: int) -> float:
        return bottom - n / peak * (bottom - top)

    body = [f'<path d="M{left} {top}V{bottom}H{right}" stroke="#888" fill="none"/>']
    body.append(f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" {_FONT}>{peak:,}</text>')
    body.append(f'<text x="{left - 6}" y="{bottom}" text-anchor="end" {_FONT}>0</text>')
    if weeks:
        body.append(f'<text x="{left}" y="{bottom + 16}" {_FONT}>{escape(weeks[0])}</text>')
        body.append(f'<text x="{right}" y="{bottom + 16}" text-anchor="end" {_FONT}>{escape(weeks[-1])}</text>')
    for i, (name, points) in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        coords = " ".join(f"{x(w):.1f},{y(n):.1f}" for w, n in sorted(points))
        body.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>')
        body += [f'<circle cx="{x(w):.1f}" cy="{y(n):.1f}" r="2.5" fill="{colour}"/>' for w, n in points]
        ly = bottom + 34 + 18 * i
        body.append(f'<rect x="{left}" y="{ly - 10}" width="12" height="12" fill="{colour}"/>')
        body.append(f'<text x="{left + 18}" y="{ly}" {_FONT}>{escape(name)}</text>')
    return _svg(width, height, title, body)


def sparkline(points: Sequence[tuple[str, int]], title: str) -> str:
    """A small weekly-mentions line for a brief page."""
    width, height, pad = 320, 60, 6
    peak = max((n for _, n in points), default=0) or 1
    step = (width - 2 * pad) / max(len(points) - 1, 1)
    coords = " ".join(
        f"{pad + i * step:.1f},{height - pad - n / peak * (height - 2 * pad):.1f}" for i, (_, n) in enumerate(points)
    )
    body = [f'<polyline points="{coords}" fill="none" stroke="{PALETTE[0]}" stroke-width="2"/>'] if points else []
    return _svg(width, height, title, body)
