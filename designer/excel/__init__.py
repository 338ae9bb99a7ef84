"""Excel workbooks: export syllabi as live workbooks, read them back, bootstrap catalogs.

export_workbook and import_workbook are imported when first asked for (PEP 562): openpyxl
takes a quarter of a second to import, which every command paid, Excel or not, since the
command line's Excel commands live in this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from designer.excel.export import export_workbook
    from designer.excel.import_ import import_workbook

__all__ = ["export_workbook", "import_workbook"]


def __getattr__(name: str) -> Any:
    if name == "export_workbook":
        from designer.excel.export import export_workbook

        return export_workbook
    if name == "import_workbook":
        from designer.excel.import_ import import_workbook

        return import_workbook
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
