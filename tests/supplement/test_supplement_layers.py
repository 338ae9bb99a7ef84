"""The supplement's facts, HTML and exports work without Qt; only the PDF loads it."""

from project import run_python


def test_everything_but_the_pdf_runs_without_qt(sample_path, tmp_path):
    code = f"""
        import sys, argparse, contextlib, io
        import designer.supplement
        from designer.supplement.commands import add_commands
        parser = argparse.ArgumentParser()
        add_commands(parser.add_subparsers(required=True))
        with contextlib.redirect_stderr(io.StringIO()):
            for fmt in ("html", "badge", "elm"):
                args = parser.parse_args(["supplement", {str(sample_path)!r}, "--program",
                                          "front-end", "--format", fmt,
                                          "-o", {str(tmp_path)!r} + "/out." + fmt])
                assert args.run(args) == 0
        print(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))))
    """
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.badge", "out.elm", "out.html"]


def test_the_pdf_is_written_in_a_process_without_a_display(sample_path, tmp_path):
    # As on a server: no DISPLAY, and no QT_QPA_PLATFORM chosen beforehand.
    code = f"""
        import argparse, contextlib, io
        from designer.supplement.commands import add_commands
        parser = argparse.ArgumentParser()
        add_commands(parser.add_subparsers(required=True))
        args = parser.parse_args(["supplement", {str(sample_path)!r}, "--program", "back-end",
                                  "--format", "pdf", "-o", {str(tmp_path / "out.pdf")!r}])
        with contextlib.redirect_stderr(io.StringIO()):
            assert args.run(args) == 0
    """
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")
