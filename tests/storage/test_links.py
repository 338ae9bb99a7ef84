"""A file written through a symbolic link replaces the file the link names; the link stays."""

import os
from pathlib import Path

import openpyxl

from designer.excel import export_workbook
from designer.model import Totals
from designer.roadmap.svg import write_svg_text
from designer.storage import dumps, load, save
from designer.supplement import supplement_facts, write_supplement

SAMPLE = Path(__file__).parents[2] / "samples" / "microsoft-certificates.curriculum.json"


def linked(tmp_path, name, old=b"old"):
    """A file in a folder of versions, and a link to it beside where the designer works."""
    versions = tmp_path / "versions"
    versions.mkdir(exist_ok=True)
    real = versions / name
    real.write_bytes(old)
    link = tmp_path / name
    link.symlink_to(real)
    return link, real


def assert_link_kept(link, real):
    assert link.is_symlink() and link.resolve() == real
    assert not [p.name for p in real.parent.iterdir() if p.name.startswith(".")]  # temporaries


def test_every_writer_replaces_the_file_a_link_names(tmp_path):
    """Each of them put a file in the link's place: the link was gone and the file it named
    left as it was."""
    catalog = load(SAMPLE)
    link, real = linked(tmp_path, "portfolio.curriculum.json")
    save(catalog, link)
    assert_link_kept(link, real)
    assert real.read_bytes() == dumps(catalog)

    link, real = linked(tmp_path, "portfolio.xlsx")
    assert export_workbook(catalog, link)
    assert_link_kept(link, real)
    assert "Overview" in openpyxl.load_workbook(real).sheetnames

    link, real = linked(tmp_path, "full-stack supplement.html")
    write_supplement(supplement_facts(catalog, Totals(catalog), "full-stack"), link, "html")
    assert_link_kept(link, real)
    assert "Full Stack" in real.read_text(encoding="utf-8")

    link, real = linked(tmp_path, "roadmap.svg")
    write_svg_text('<?xml version="1.0"?><svg/>', link)
    assert_link_kept(link, real)
    assert real.read_text(encoding="utf-8").startswith("<?xml")


def test_a_link_to_no_file_yet_makes_the_file_it_names(tmp_path):
    real = tmp_path / "versions" / "new.curriculum.json"
    real.parent.mkdir()
    link = tmp_path / "new.curriculum.json"
    link.symlink_to(real)
    catalog = load(SAMPLE)
    save(catalog, link)
    assert link.is_symlink() and real.read_bytes() == dumps(catalog)
    assert os.readlink(link) == str(real)
