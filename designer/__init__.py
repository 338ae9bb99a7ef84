"""Curriculum Designer: design stackable online certificates."""

__version__ = "0.1.0"
