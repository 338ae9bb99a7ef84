"""The outcome roadmap: a course's or a program's outcomes across its weeks or courses."""

from designer.roadmap.layout import Cell, Column, Gap, Roadmap, Row, UnknownUnit, roadmap
from designer.roadmap.svg import roadmap_svg, svg_text, write_svg

__all__ = [
    "Cell",
    "Column",
    "Gap",
    "Roadmap",
    "Row",
    "UnknownUnit",
    "roadmap",
    "roadmap_svg",
    "svg_text",
    "write_svg",
]
