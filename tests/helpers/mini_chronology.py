"""A small chronology written to a temporary folder, for tests that edit it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

ARTICLE = (
    "Leaders agree a defence plan\n\n"
    "The council met in Brussels on Thursday and agreed a plan for joint defence "
    "projects, officials said. The plan follows the 1999 goal of a rapid force.\n\n"
    "It will be reviewed in March, a spokesman added. The plan follows the 1999 goal.\n"
)


def write_mini(root: Path, events: list[dict[str, Any]] | None = None) -> tuple[Path, Path]:
    """Write seeds/ and resources/ under ``root``; returns (resources, seeds)."""
    seeds = root / "seeds"
    resources = root / "resources"
    seeds.mkdir(parents=True, exist_ok=True)
    resources.mkdir(parents=True, exist_ok=True)
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (resources / "sources.json").write_text(
        json.dumps(
            {
                "format": 1,
                "sources": [
                    {
                        "file": "a.txt",
                        "sha256": hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest(),
                        "title": "Leaders agree a defence plan",
                        "outlet": "Test Wire",
                        "published": "2025-03-07",
                        "language": "en",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    if events is None:
        events = default_events()
    (resources / "chronology.json").write_text(
        json.dumps({"format": 1, "events": events}), encoding="utf-8"
    )
    return resources, seeds


def default_events() -> list[dict[str, Any]]:
    return [
        {
            "id": "goal-1999",
            "title": "A goal is set",
            "start": "1999-12",
            "end": None,
            "precision": "month",
            "category": "EU",
            "actors": ["Council"],
            "summary": "The goal of a rapid force.",
            "confidence": "high",
            "references": ["Test Wire"],
            "excerpts": [
                {"source": "a.txt", "quote": "The plan follows the 1999 goal of a rapid force."}
            ],
        },
        {
            "id": "plan-agreed",
            "title": "Council agrees a plan",
            "start": "2025-03-06",
            "end": None,
            "precision": "day",
            "category": "EU",
            "actors": ["Council"],
            "summary": "Joint projects agreed.",
            "confidence": "medium",
            "references": ["Test Wire"],
            "excerpts": [
                {"source": "a.txt", "quote": "agreed a plan for joint defence projects"},
                {"source": "a.txt", "quote": "The plan follows the 1999 goal", "occurrence": 2},
            ],
        },
    ]
