"""Model, storage, sharing and command line work without Qt; the pinned Qt survives heavy use."""

from project import run_python


def test_model_storage_sharing_and_command_line_do_not_import_qt(sample_path):
    result = run_python(
        f"""
        import sys, contextlib, io
        import designer.model, designer.storage, designer.cli
        import designer.sharing.overlap, designer.sharing.pathway, designer.sharing.duplicates
        import designer.sharing.merge
        with contextlib.redirect_stdout(io.StringIO()):
            designer.cli.main(["totals", {str(sample_path)!r}])
            designer.cli.main(["validate", {str(sample_path)!r}])
            designer.cli.main(["overlaps", {str(sample_path)!r}, "--json"])
            designer.cli.main(
                ["pathway", {str(sample_path)!r}, "--have", "front-end", "--target", "full stack"]
            )
        loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
        print(loaded)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_commands_that_make_no_workbook_do_not_import_openpyxl(sample_path):
    # Every command paid a quarter of a second to import it: the Excel commands' package
    # imported its export and import at once.
    result = run_python(
        f"""
        import sys, contextlib, io
        import designer.cli
        with contextlib.redirect_stdout(io.StringIO()):
            designer.cli.main(["totals", {str(sample_path)!r}])
            designer.cli.main(["check", {str(sample_path)!r}])
        print("openpyxl" in sys.modules)
        from designer.excel import export_workbook, import_workbook
        print(export_workbook.__module__, import_workbook.__module__)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == [
        "False",
        "designer.excel.export designer.excel.import_",
    ]


def test_qt_survives_fifty_thousand_calls_that_return_nothing():
    # PySide6 6.12.0 on CPython 3.11 drops a reference to None on each such call and
    # aborts with "Fatal Python error: none_dealloc"; pyproject.toml pins around it.
    result = run_python(
        """
        from PySide6.QtCore import QObject
        thing = QObject()
        for number in range(50_000):
            thing.setObjectName(f"object {number}")
        print(thing.objectName())
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "object 49999"
