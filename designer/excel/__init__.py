"""Excel workbooks: export syllabi as live workbooks, read them back, bootstrap catalogs."""

from designer.excel.export import export_workbook
from designer.excel.import_ import import_workbook

__all__ = ["export_workbook", "import_workbook"]
