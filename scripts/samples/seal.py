"""Round red seal (圆形印章) drawn as SVG.

Everything is computed from the arguments, so the output is deterministic.
"""

import math

RED = "#d9261c"


def _star(cx, cy, r_outer, r_inner, rotate_deg=0.0):
    pts = []
    for i in range(10):
        r = r_outer if i % 2 == 0 else r_inner
        a = math.radians(rotate_deg + i * 36)
        pts.append(f"{cx + r * math.sin(a):.2f},{cy - r * math.cos(a):.2f}")
    return " ".join(pts)


def seal_svg(
    arc_text,
    bottom_text=None,
    code=None,
    *,
    uid="s",
    size=220,
    color=RED,
    font="Noto Serif CJK SC",
    star=True,
    star_dx=0.0,
    star_dy=0.0,
    star_scale=1.0,
    span=None,
    spacing_jitter=None,
    radius_jitter=None,
    ring_width=5.0,
    inner_ring=False,
    ink_seed=7,
    ink=True,
):
    """Return an <svg> string for a round seal.

    arc_text      characters along the top arc, clockwise, tops facing outward
    bottom_text   horizontal text under the star (e.g. 诊断证明专用章)
    code          small digits along the bottom inner arc (企业公章的编码)
    spacing_jitter / radius_jitter: per-character offsets (degrees / units)
                  used to draw a sloppy, forged-looking seal
    """
    c = 100.0
    n = len(arc_text)
    if span is None:
        span = min(240.0 if code else 262.0, max(170.0, n * (24.0 if bottom_text else 25.5)))
    step = span / (n - 1) if n > 1 else 0
    if n <= 9:
        fs, sx = 25.0, 1.0
    elif n <= 12:
        fs, sx = 22.0, 0.9
    else:
        fs, sx = 20.5, 0.82
    r_text = 94 - ring_width / 2 - 4 - fs / 2
    parts = []
    parts.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 200 200">'
    )
    if ink:
        parts.append(
            f'<defs><filter id="ink-{uid}" x="-5%" y="-5%" width="110%" height="110%">'
            f'<feTurbulence type="fractalNoise" baseFrequency="0.75" numOctaves="2" '
            f'seed="{ink_seed}" result="noise"/>'
            f'<feDisplacementMap in="SourceGraphic" in2="noise" scale="1.6" '
            f'xChannelSelector="R" yChannelSelector="G" result="rough"/>'
            f'<feColorMatrix in="noise" type="matrix" '
            f'values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  3.2 0 0 0 -0.75" result="mask"/>'
            f'<feComposite in="rough" in2="mask" operator="in"/>'
            f"</filter></defs>"
        )
        parts.append(f'<g filter="url(#ink-{uid})" fill="{color}">')
    else:
        parts.append(f'<g fill="{color}">')
    parts.append(
        f'<circle cx="{c}" cy="{c}" r="{94 - ring_width / 2:.2f}" fill="none" '
        f'stroke="{color}" stroke-width="{ring_width}"/>'
    )
    if inner_ring:
        parts.append(
            f'<circle cx="{c}" cy="{c}" r="{94 - ring_width - 3:.2f}" fill="none" '
            f'stroke="{color}" stroke-width="1"/>'
        )
    for i, ch in enumerate(arc_text):
        a = -span / 2 + i * step
        if spacing_jitter:
            a += spacing_jitter[i % len(spacing_jitter)]
        r = r_text + (radius_jitter[i % len(radius_jitter)] if radius_jitter else 0)
        x = c + r * math.sin(math.radians(a))
        y = c - r * math.cos(math.radians(a))
        parts.append(
            f'<text transform="translate({x:.2f} {y:.2f}) rotate({a:.2f}) scale({sx} 1)" '
            f'font-family="{font}" font-weight="700" font-size="{fs}" '
            f'text-anchor="middle" dominant-baseline="central">{ch}</text>'
        )
    sy = c - (6 if bottom_text else 0) + star_dy
    if star:
        ro = 27 * star_scale
        parts.append(
            f'<polygon points="{_star(c + star_dx, sy, ro, ro * 0.382)}"/>'
        )
    if bottom_text:
        bfs = 14 if len(bottom_text) <= 7 else 12.5
        parts.append(
            f'<text x="{c}" y="{c + 47}" font-family="{font}" font-weight="700" '
            f'font-size="{bfs}" text-anchor="middle" dominant-baseline="central" '
            f'letter-spacing="0.5">{bottom_text}</text>'
        )
    if code:
        m = len(code)
        cspan = min(84.0, m * 6.4)
        cstep = cspan / (m - 1) if m > 1 else 0
        rc = 94 - ring_width - 8
        for i, ch in enumerate(code):
            a = 180 + cspan / 2 - i * cstep
            x = c + rc * math.sin(math.radians(a))
            y = c - rc * math.cos(math.radians(a))
            parts.append(
                f'<text transform="translate({x:.2f} {y:.2f}) rotate({a - 180:.2f})" '
                f'font-family="Noto Sans CJK SC" font-size="8.5" text-anchor="middle" '
                f'dominant-baseline="central">{ch}</text>'
            )
    parts.append("</g></svg>")
    return "".join(parts)
