"""Where the project and its bundled sample are, for tests that read them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "microsoft-certificates.curriculum.json"
