"""Reading and writing catalog files (Qt-free)."""

from designer.storage.fileformat import EXTENSION, FORMAT_VERSION
from designer.storage.load import load, loads
from designer.storage.save import dumps, save

__all__ = ["EXTENSION", "FORMAT_VERSION", "dumps", "load", "loads", "save"]
