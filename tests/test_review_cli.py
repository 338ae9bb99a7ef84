"""The command line under misuse: each command's --help (its usage and a working example), a
mistyped command, Ctrl+C, output cut short by a closed pipe, a terminal that is not UTF-8,
an output path that is the file being read or in a folder that does not exist, and a PNG
too wide to draw. Run as test_cli.py runs the commands: in a subprocess where the process
matters (signals, pipes, encodings), else through designer.cli.main.
"""

import json
import os
import select
import shlex
import signal
import subprocess
import sys

import pytest

from designer import cli
from designer.cli import COMMANDS, main


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "designer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def without(*names: str) -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key not in names}


def catalog_with_errors_and_foreign_titles(sample_path, tmp_path):
    """The sample with a Hebrew, an Arabic and a Chinese title, and one program without its
    issuer country (an error for `check`)."""
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    data["programs"][0]["title"] = "תעודת מפתח Full Stack"
    data["programs"][1]["title"] = "شهادة مطور الواجهة الخلفية"
    data["programs"][2]["title"] = "Développeur Front-End — 前端开发证书"
    data["programs"][3]["issuer_country"] = None
    data.pop("silenced")  # the sample's own silenced findings name the retitled programs
    path = tmp_path / "foreign.curriculum.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_shows_its_own_usage_and_examples_that_parse(command, capsys):
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: curriculum-designer {command} [-h]")
    examples = out.split("\nexample", 1)[1].splitlines()[1:]
    assert examples and all(
        line.startswith(f"  curriculum-designer {command} ") for line in examples
    )
    for line in examples:
        words = shlex.split(line.split(" > ")[0].split(" < ")[0])
        args = cli._parser().parse_args(words[1:])  # exits on an option it does not know
        assert args.run is not None


def test_the_main_help_lists_the_exit_statuses(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "exit status: 0 done; 1 check found errors; 2 bad usage" in out
    assert "130 interrupted" in out


def test_a_mistyped_command_is_named_with_the_closest_command_and_no_window_opens(sample_path):
    result = run("totls", str(sample_path))
    assert result.returncode == 2
    assert "'totls' is neither a command nor a file; did you mean 'totals'?" in result.stderr
    assert "usage: curriculum-designer" in result.stderr and result.stdout == ""


def test_a_mistyped_command_alone_is_named_too(monkeypatch, capsys):
    opened = []
    monkeypatch.setattr("designer.ui.app.run", lambda argv: opened.append(argv) or 0)
    with pytest.raises(SystemExit) as exited:
        main(["chek"])
    assert exited.value.code == 2
    assert "did you mean 'check'?" in capsys.readouterr().err
    assert opened == []
    assert main(["not-yet-saved.curriculum.json"]) == 0  # a FILE still opens the window
    assert opened == [["not-yet-saved.curriculum.json"]]


@pytest.mark.parametrize(
    ("command", "long_step"),
    [
        ("check", "designer.checks.commands.run_checks"),
        ("overlaps", "designer.cli.find_duplicates"),
    ],
)
def test_ctrl_c_in_a_long_command_says_interrupted_and_exits_130(
    command, long_step, sample_path, monkeypatch, capsys
):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(long_step, interrupted)
    try:
        status = main([command, str(sample_path)])
    except KeyboardInterrupt:  # would stop the whole test run
        pytest.fail("Ctrl+C reached the user as a traceback")
    assert status == 130
    captured = capsys.readouterr()
    assert captured.err == f"\ncurriculum-designer {command}: interrupted\n"
    assert captured.out == ""


def test_ctrl_c_while_bloom_reads_outcomes_typed_in_exits_130_without_a_traceback():
    # Started as from a terminal, where Ctrl+C is not ignored: a test run started in the
    # background (`... &` in a script) ignores SIGINT, and a command it starts inherits
    # that, so it never saw the signal (it read to the end and exited 0, or, its input
    # open, waited for more).
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        bloom = subprocess.Popen(
            [sys.executable, "-m", "designer", "bloom"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    finally:
        signal.signal(signal.SIGINT, before)
    with bloom:  # its pipes closed at the end
        try:
            bloom.stdin.write("Design a REST API for a small online shop\n")
            bloom.stdin.flush()
            # Each line is answered as it is typed, not once the input ends.
            answered, _, _ = select.select([bloom.stdout], [], [], 30)
            assert answered, "no answer to the line typed"
            assert bloom.stdout.readline().startswith("create ")
            bloom.send_signal(signal.SIGINT)
            # Its input left open, as a terminal's is.
            bloom.wait(timeout=30)
            err = bloom.stderr.read()
        finally:
            bloom.kill()
    assert bloom.returncode == 130
    assert "curriculum-designer bloom: interrupted" in err and "Traceback" not in err


@pytest.mark.parametrize(("command", "wanted"), [("totals", 141), ("check", 141)])
def test_output_cut_short_by_a_closed_pipe_exits_141_without_a_message(
    command, wanted, sample_path, tmp_path
):
    """`check` must not exit 0 then, as if the catalog had no errors: a CI job running
    `check FILE | head` with pipefail would pass a catalog that has some."""
    catalog = catalog_with_errors_and_foreign_titles(sample_path, tmp_path)
    reading, writing = os.pipe()
    os.close(reading)  # the reader has gone, as `head` does once it has its lines
    try:
        result = subprocess.run(
            [sys.executable, "-m", "designer", command, str(catalog)],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            env=without("PYTHONUNBUFFERED"),  # stdout buffered, as in a user's shell
            timeout=60,
        )
    finally:
        os.close(writing)
    assert result.returncode == wanted
    assert result.stderr == ""


def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_traceback(sample_path, tmp_path):
    catalog = catalog_with_errors_and_foreign_titles(sample_path, tmp_path)
    env = without("PYTHONIOENCODING", "LANG", "LC_ALL", "LC_CTYPE")
    ascii_terminal = {**env, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}

    table = run("totals", str(sample_path), env=ascii_terminal)
    assert table.returncode == 0, table.stderr
    assert (
        "422 h = 16 ECTS (16.88 rounded down) \\u00b7 43 weeks \\u00b7 12 courses" in table.stdout
    )

    checked = run("check", str(catalog), env=ascii_terminal)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "\\u05ea\\u05e2\\u05d5\\u05d3\\u05ea" in checked.stdout  # the Hebrew title

    utf8 = run("totals", str(catalog), "--json", env={**env, "PYTHONIOENCODING": "utf-8"})
    escaped = run("totals", str(catalog), "--json", env=ascii_terminal)
    assert escaped.returncode == 0, escaped.stderr
    assert json.loads(escaped.stdout) == json.loads(utf8.stdout)
    assert json.loads(escaped.stdout)["programs"][0]["title"] == "תעודת מפתח Full Stack"


def test_export_refuses_to_write_the_workbook_over_the_catalog_it_reads(
    tmp_path, sample_path, capsys
):
    catalog = tmp_path / "catalog.curriculum.json"
    catalog.write_bytes(sample_path.read_bytes())
    assert main(["export", str(catalog), "--xlsx", str(catalog)]) == 2
    err = capsys.readouterr().err
    assert f"{catalog}: that is the catalog being read; write the workbook to another file" in err
    assert catalog.read_bytes() == sample_path.read_bytes()


def test_supplement_refuses_to_write_over_the_catalog_it_reads(tmp_path, sample_path, capsys):
    catalog = tmp_path / "catalog.json"
    catalog.write_bytes(sample_path.read_bytes())
    arguments = ["supplement", str(catalog), "--program", "MS-FSD", "--format", "badge"]
    assert main([*arguments, "-o", str(catalog)]) == 2
    err = capsys.readouterr().err
    assert f"{catalog}: that is the catalog being read; write the supplement to another file" in err
    assert catalog.read_bytes() == sample_path.read_bytes()


def test_import_refuses_to_write_the_catalog_over_the_workbook_it_reads_even_with_force(
    tmp_path, sample_path, capsys
):
    workbook = tmp_path / "syllabi.xlsx"
    assert main(["export", str(sample_path), "--xlsx", str(workbook)]) == 0
    exported = workbook.read_bytes()
    assert main(["import-xlsx", str(workbook), "-o", str(workbook), "--force"]) == 2
    err = capsys.readouterr().err
    assert f"{workbook}: that is the workbook being read; write the catalog to another file" in err
    assert workbook.read_bytes() == exported


def test_export_and_import_into_a_missing_folder_name_the_folder(tmp_path, sample_path, capsys):
    missing = tmp_path / "missing"
    assert main(["export", str(sample_path), "--xlsx", str(missing / "out.xlsx")]) == 2
    err = capsys.readouterr().err
    assert f"out.xlsx: cannot write the workbook: there is no folder {missing}" in err
    workbook = tmp_path / "syllabi.xlsx"
    assert main(["export", str(sample_path), "--xlsx", str(workbook)]) == 0
    capsys.readouterr()
    assert main(["import-xlsx", str(workbook), "-o", str(missing / "back.curriculum.json")]) == 2
    err = capsys.readouterr().err
    assert f"back.curriculum.json: cannot write the catalog: there is no folder {missing}" in err
    assert not missing.exists()


def test_a_png_wider_than_the_limit_is_refused_before_anything_is_drawn(
    tmp_path, sample_path, capsys
):
    out = tmp_path / "roadmap.png"
    arguments = ["roadmap", str(sample_path), "--unit", "full-stack", "-o", str(out)]
    assert main([*arguments, "--width", "100000"]) == 2
    err = capsys.readouterr().err
    assert err == "--width must be a number of pixels from 1 to 10,000, not 100,000\n"
    assert not out.exists()
