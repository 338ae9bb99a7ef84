"""The certificate supplement of a program: its facts, the HTML and PDF document, and exports.

supplement_facts() gathers what the supplement states; supplement_html(), write_supplement()
and the credentials module turn it into a page, a file, an Open Badges 3.0 Achievement or a
European Learning Model specification. Only the PDF writer (designer.supplement.pdf) uses Qt.
"""

from designer.supplement.credentials import elm_specification, open_badge
from designer.supplement.elements import Element
from designer.supplement.export import FORMATS, write_supplement
from designer.supplement.facts import (
    MissingFacts,
    Supplement,
    missing_facts,
    require_complete,
    supplement_facts,
)
from designer.supplement.html import supplement_html
from designer.supplement.stacking import StackingLine

__all__ = [
    "FORMATS",
    "Element",
    "MissingFacts",
    "StackingLine",
    "Supplement",
    "elm_specification",
    "missing_facts",
    "open_badge",
    "require_complete",
    "supplement_facts",
    "supplement_html",
    "write_supplement",
]
