"""Fixtures of the workbook tests."""

import pytest

from designer.excel import export_workbook


@pytest.fixture
def exported(sample, tmp_path):
    """The sample exported to a workbook, to be edited as a designer would."""
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    return path
