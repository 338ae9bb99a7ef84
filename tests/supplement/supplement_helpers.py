"""Helpers of the supplement tests: the sample's certificates, a PDF's text and pages."""

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from designer.model import Catalog, Totals
from designer.supplement import Supplement, supplement_facts

PROGRAMS = ["full-stack", "back-end", "front-end", "pr-communications"]
ECTS = {"full-stack": 16, "back-end": 12, "front-end": 8, "pr-communications": 5}
HOURS = {"full-stack": 422, "back-end": 309, "front-end": 212, "pr-communications": 136}


def supplement_of(catalog: Catalog, program_id: str) -> Supplement:
    """The program's supplement, as the catalog stands now."""
    return supplement_facts(catalog, Totals(catalog), program_id)


def without_issuer_country_and_assessment(catalog: Catalog) -> Catalog:
    """The catalog, its Full Stack certificate stripped of two of the six facts."""
    program = catalog.program("full-stack")
    catalog.set_field(program, "issuer_country", None)
    catalog.set_field(program, "assessment", "")
    return catalog


def poppler(tool: str, *arguments: str) -> str:
    """What one of poppler's tools (pdftotext, pdfinfo) prints; the test is skipped where
    poppler-utils is not installed."""
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed: the PDF is not checked")
    result = subprocess.run(
        [tool, *arguments], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout


def pdf_text(path: Path) -> str:
    """The PDF's text in the order it is drawn (cell by cell), lines joined."""
    text = poppler("pdftotext", "-raw", str(path), "-")
    return " ".join(unicodedata.normalize("NFKC", text).split())


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Width and height in points of each page, from pdfinfo."""
    info = poppler("pdfinfo", "-f", "1", "-l", "999", str(path))
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            width, _, height = line.split("size:")[1].split()[:3]
            sizes.append((float(width), float(height)))
    return sizes
