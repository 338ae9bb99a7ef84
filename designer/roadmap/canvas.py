"""Writing SVG elements: rectangles, lines, circles and escaped text, in two layers.

The background layer (fills, stripes, rules) is drawn first, so a grid line never crosses a
box or a label drawn later on the foreground, whatever order the drawing code runs in.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

INK = "#1f2933"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Canvas:
    """The SVG elements of one picture, in drawing order."""

    def __init__(self) -> None:
        self.background: list[str] = []
        self.foreground: list[str] = []

    def document(self, width: float, height: float, font: str, title: str, desc: str) -> str:
        """The whole SVG file, on white."""
        size = f'width="{number(width)}" height="{number(height)}"'
        return "\n".join(
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" {size} '
                f'viewBox="0 0 {number(width)} {number(height)}" font-family={quoteattr(font)}>',
                f"<title>{escape_text(title)}</title>",
                f"<desc>{escape_text(desc)}</desc>",
                f'<rect x="0" y="0" {size} fill="#ffffff"/>',
                *self.background,
                *self.foreground,
                "</svg>",
                "",
            ]
        )

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        fill: str = "none",
        stroke: str = "none",
        radius: float = 0,
        dashed: bool = False,
        stroke_width: float = 1,
        stroke_opacity: float = 1,
        behind: bool = False,
    ) -> None:
        attributes = (
            f'x="{number(x)}" y="{number(y)}" width="{number(width)}" height="{number(height)}"'
        )
        if radius:
            attributes += f' rx="{number(radius)}" ry="{number(radius)}"'
        attributes += f' fill="{fill}"'
        if stroke != "none":
            attributes += f' stroke="{stroke}" stroke-width="{number(stroke_width)}"'
            if stroke_opacity != 1:
                attributes += f' stroke-opacity="{number(stroke_opacity)}"'
            if dashed:
                attributes += ' stroke-dasharray="6 4"'
        (self.background if behind else self.foreground).append(f"<rect {attributes}/>")

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str) -> None:
        """A rule, always behind."""
        self.background.append(
            f'<line x1="{number(x1)}" y1="{number(y1)}" x2="{number(x2)}" y2="{number(y2)}" '
            f'stroke="{colour}" stroke-width="1"/>'
        )

    def circle(self, x: float, y: float, radius: float, fill: str, stroke: str) -> None:
        self.foreground.append(
            f'<circle cx="{number(x)}" cy="{number(y)}" r="{number(radius)}" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="1.2"/>'
        )

    def text(
        self,
        x: float,
        baseline: float,
        content: str,
        size: float,
        bold: bool = False,
        colour: str = INK,
        anchor: str = "start",
        italic: bool = False,
    ) -> None:
        attributes = (
            f'x="{number(x)}" y="{number(baseline)}" font-size="{number(size)}" fill="{colour}"'
        )
        if bold:
            attributes += ' font-weight="bold"'
        if italic:
            attributes += ' font-style="italic"'
        if anchor != "start":
            attributes += f' text-anchor="{anchor}"'
        self.foreground.append(f"<text {attributes}>{escape_text(content)}</text>")

    def lines(
        self,
        x: float,
        top: float,
        lines: list[str],
        size: float,
        bold: bool = False,
        colour: str = INK,
        italic: bool = False,
    ) -> float:
        """Lines of text from top, 1.25 times the font size apart; returns the y below them."""
        height = size * 1.25
        for index, line in enumerate(lines):
            baseline = top + index * height + size * 0.95
            self.text(x, baseline, line, size, bold, colour, italic=italic)
        return top + len(lines) * height


def escape_text(text: str) -> str:
    """Text made safe inside an element: markup characters and quotes escaped, and the
    control characters XML does not allow removed."""
    return escape(_NOT_XML.sub("", text), {'"': "&quot;", "'": "&apos;"})


def number(value: float) -> str:
    """A coordinate with at most one decimal, the same on every platform."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
