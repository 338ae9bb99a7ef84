"""Any catalog's programs get a supplement and a roadmap that their readers can parse.

Titles and outcome texts may hold anything a designer can type or paste: markup
characters, quotes, control characters, any script. The HTML page must be well formed,
the JSON documents plain JSON carrying the texts as typed, and the roadmap SVG an XML
document (a browser shows nothing of an SVG that is not).
"""

import json
import re
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from strategies import catalogs
from test_supplement_html import _Tags

from designer.model import Totals
from designer.roadmap.svg import roadmap_svg
from designer.supplement import supplement_facts
from designer.supplement.export import supplement_bytes
from designer.supplement.facts import missing_facts

# What XML 1.0 cannot carry at all, even escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs())
def test_every_programs_supplement_and_roadmap_parse(catalog):
    totals = Totals(catalog)
    for program in catalog.programs:
        supplement = supplement_facts(catalog, totals, program.id)
        page = supplement_bytes(supplement, "html", draft=True).decode("utf-8")
        tags = _Tags()
        tags.feed(page)
        tags.close()
        assert not tags.errors and tags.open == [], tags.errors
        badge = json.loads(supplement_bytes(supplement, "badge", draft=True))
        # A draft says so in its name, and a missing title is marked, not the id.
        title = program.title.strip() or "MISSING: title"
        assert badge["name"] == (f"DRAFT: {title}" if missing_facts(supplement) else title)
        json.loads(supplement_bytes(supplement, "elm", draft=True))
    for unit in [*catalog.programs, *catalog.courses.values()]:
        svg = roadmap_svg(catalog, totals, unit.id)
        assert not NOT_XML.search(svg)
        ElementTree.fromstring(svg)
