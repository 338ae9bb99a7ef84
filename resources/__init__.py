"""Data shipped with Curriculum Designer, installed as designer.resources."""
