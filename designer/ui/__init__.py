"""The Qt user interface; it presents and edits designer.model and holds no domain logic."""
