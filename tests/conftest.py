"""Shared test set-up: Qt runs headless, and the bundled sample is at hand."""

import os
from pathlib import Path

import pytest
from project import SAMPLE

# Set before any test imports Qt; subprocesses started by tests inherit it.
os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture
def every_step(monkeypatch):
    """Long computations report their progress at every step rather than every few
    hundredths of a second (designer.progress)."""
    from designer import progress

    monkeypatch.setattr(progress, "REPORT_EVERY", 0)


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample():
    from designer.storage import load

    return load(SAMPLE)


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's settings or recovery file."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("CURRICULUM_DESIGNER_CONFIG", str(folder))
    return folder
