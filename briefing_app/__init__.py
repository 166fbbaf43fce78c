"""Briefing Chronology: a desktop chronology of European defence for policy briefers."""

__version__ = "0.1.0"
"""Shown in Help › About; the same as pyproject.toml's version (a test checks)."""
