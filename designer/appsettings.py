"""The user's settings between runs (recent files, window layout), in the config folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from designer.storage.save import write_atomically

CONFIG_ENV = "CURRICULUM_DESIGNER_CONFIG"  # tests point this at a temporary folder
MAX_RECENT = 10


class AppSettings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: int = 1
    recent_files: list[str] = []
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()

    def add_recent(self, path: str | Path) -> None:
        """Put path first; a name that is not UTF-8 (one from an old archive) is left out,
        since the settings file cannot hold it."""
        text = str(Path(path).resolve())
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return
        self.recent_files = [text, *(p for p in self.recent_files if p != text)][:MAX_RECENT]


def config_dir() -> Path:
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "curriculum-designer"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def recovery_path(token: str) -> Path:
    """Where a window keeps its unsaved work while it is open, to offer after a crash.

    Each window has its own token (see designer.ui.recovery), so its copy is its own.
    """
    return config_dir() / f"recovery-{token}.curriculum.json"


def recovery_copies() -> list[Path]:
    """Every window's recovery copy in the config folder, the newest first (with the
    single recovery.curriculum.json of earlier versions)."""
    try:
        copies = list(config_dir().glob("recovery*.curriculum.json"))
        return sorted(copies, key=lambda path: path.stat().st_mtime, reverse=True)
    except OSError:
        return []


def load_settings() -> AppSettings:
    """The saved settings; unreadable settings give the defaults, never an error. Of damaged
    ones, only what is wrong is left out: one recent file that is not a name lost them all,
    with the window's layout."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return AppSettings()
    if not isinstance(data, dict):
        return AppSettings()
    if isinstance(data.get("recent_files"), list):
        data["recent_files"] = [p for p in data["recent_files"] if isinstance(p, str)]
    try:
        return AppSettings.model_validate(data)
    except ValidationError as error:
        wrong = {str(detail["loc"][0]) for detail in error.errors() if detail["loc"]}
        kept = {name: value for name, value in data.items() if name not in wrong}
        try:
            return AppSettings.model_validate(kept)
        except ValidationError:
            return AppSettings()


def save_settings(settings: AppSettings) -> str | None:
    """Write the settings; None when written, else why not (the work goes on without them)."""
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, (settings.model_dump_json(indent=2) + "\n").encode("utf-8"))
    except OSError as error:
        return f"{path}: {error.strerror or error}"
    return None
