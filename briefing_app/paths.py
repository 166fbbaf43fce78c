"""Where the project's shipped files live."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
RESOURCES_DIR = PROJECT_ROOT / "resources"
DEFAULT_DB = PROJECT_ROOT / "data.sqlite"
