"""File > Open refuses JSON nested too deeply or a number too long to read, with the place,
in the window and in the background load of a large file, and keeps the open catalog."""

import pytest
from window_actions import answer_problems

from designer.ui import files

HEAD = b'{"format": "curriculum-designer", "version": '
DEEP = HEAD + b'3, "programs": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
LONG = HEAD + b"9" * 5000 + b"}"


@pytest.mark.parametrize("large", [False, True], ids=["small", "large"])
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (DEEP, "line 1, column 160: nested too deeply: more than 100 levels of [ ] and { }"),
        (LONG, "line 1, column 46: a number of more than 4300 digits, too long to read"),
    ],
    ids=["deep", "long"],
)
def test_the_file_is_refused_with_its_place_and_the_open_catalog_stays(
    window, tmp_path, content, problem, large
):
    document = window.document
    path = tmp_path / "odd.curriculum.json"
    padding = b" " * files.LARGE_FILE if large else b""  # JSON may end in spaces
    path.write_bytes(content + padding)
    shown = []
    answer_problems(shown)
    assert not window.files.open_file(path, asked=True)
    assert len(shown) == 1
    assert "“odd.curriculum.json” cannot be opened" in shown[0] and problem in shown[0]
    assert window.document is document and len(document.catalog.programs) == 4
