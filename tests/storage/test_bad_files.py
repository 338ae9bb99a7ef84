"""Every problem in a bad file is reported at once, with where and what; the file is untouched."""

import copy
import json

import pytest

from designer.errors import CatalogError
from designer.storage import dumps, fileformat, load
from designer.storage.load import _sound_catalog


@pytest.fixture
def sample_data(sample_path):
    return json.loads(sample_path.read_text(encoding="utf-8"))


def problems_of(tmp_path, content) -> list[str]:
    path = tmp_path / "bad.curriculum.json"
    raw = content if isinstance(content, bytes) else json.dumps(content, indent=2).encode()
    path.write_bytes(raw)
    before = path.stat()
    with pytest.raises(CatalogError) as raised:
        load(path)
    after = path.stat()
    assert _sound_catalog(raw) is None  # the fast way refuses what the careful way reports
    assert path.read_bytes() == raw and after.st_mtime_ns == before.st_mtime_ns  # never modified
    assert str(path) in str(raised.value)
    return [str(p) for p in raised.value.problems]


def test_malformed_json_names_line_and_column(tmp_path):
    found = problems_of(
        tmp_path, b'{\n  "format": "curriculum-designer",\n  "version": 1\n  "x": 2}'
    )
    assert found == ["line 4, column 3: not valid JSON: Expecting ',' delimiter"]


def test_not_a_catalog(tmp_path):
    assert "not a Curriculum Designer catalog" in problems_of(tmp_path, [1, 2])[0]
    assert "not UTF-8" in problems_of(tmp_path, b"\xff\xfe{}")[0]


def test_nan_and_infinity_are_refused_where_they_are(tmp_path):
    nan = b'{"format": "curriculum-designer", "version": 1, "settings": {"weekly_hours": NaN}}'
    assert problems_of(tmp_path, nan) == [
        "settings.weekly_hours: must be a finite number (got NaN)"
    ]
    infinite = nan.replace(b"NaN", b"-Infinity")
    assert problems_of(tmp_path, infinite) == [
        "settings.weekly_hours: must be a finite number (got -Infinity)"
    ]


def test_json_nested_too_deeply_is_refused_where_it_goes_too_deep(tmp_path):
    head = b'{"format": "curriculum-designer", "version": 3, "programs": '
    for depth in (1_000, 100_000):
        found = problems_of(tmp_path, head + b"[" * depth + b"]" * depth + b"}")
        where = f"line 1, column {len(head) + 100}"  # the outer { is a level
        assert found == [f"{where}: nested too deeply: more than 100 levels of [ ] and {{ }}"]


def test_a_number_too_long_to_read_is_refused_where_it_is(tmp_path, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    version = text.replace('"version": 3', '"version": ' + "9" * 5000, 1)
    assert problems_of(tmp_path, version.encode()) == [
        "line 3, column 14: a number of more than 4300 digits, too long to read"
    ]
    # A negative number in an item, first in the file, an unknown field after it.
    minutes = text.replace('"minutes": 15.0', '"minutes": -' + "1" * 4301 + ', "x": 1', 1)
    assert problems_of(tmp_path, minutes.encode()) == [
        "line 503, column 22: a number of more than 4300 digits, too long to read"
    ]


def test_a_value_in_place_of_a_unit_and_a_malformed_id_are_worded_plainly(tmp_path, sample_data):
    sample_data["settings"] = 25
    module = sample_data["modules"][0]
    module["outcomes"][1] = "Declare variables"
    module["items"][1] = None
    sample_data["modules"][1]["id"] = "week 2!"
    found = problems_of(tmp_path, sample_data)
    week1 = 'module "Week 1: C# fundamentals: syntax, types and variables"'
    assert found[:4] == [
        'settings: must be the settings, written {"field": value, ...} (got 25)',
        f"modules[0].outcomes[1] ({week1}): must be an outcome, written "
        '{"field": value, ...} (got "Declare variables")',
        f'modules[0].items[1] ({week1}): must be an item, written {{"field": value, ...}} '
        "(got null)",
        'modules[1].id (module "Week 2: Control flow and methods"): an id starts with a letter '
        "or a digit and holds only letters, digits, '.', '_' and '-', at most 100 characters "
        '(got "week 2!")',
    ]


def test_a_newer_format_version_names_both_versions(tmp_path, sample_data):
    sample_data["version"] = 7
    [problem] = problems_of(tmp_path, sample_data)
    assert "format version 7" in problem and "versions up to 3" in problem


def test_wrong_types_unknown_fields_and_absurd_durations_all_reported_together(
    tmp_path, sample_data
):
    sample_data["courses"][1]["hours"] = "30"
    sample_data["programs"][0]["colour"] = "blue"
    module = sample_data["modules"][0]
    module["items"][2]["minutes"] = -45
    module["items"][3]["minutes"] = 100000
    module["items"][4]["kind"] = "podcast"
    module["items"][5]["colour"] = "green"  # an item: a dataclass, where the above are models
    sample_data["programs"][2]["eqf_level"] = "6-5"
    sample_data["programs"][3]["issuer_country"] = "USA"
    found = problems_of(tmp_path, sample_data)
    csharp = 'course "Introduction to Programming With C#"'
    week1 = 'item "Variables and data types"'
    assert found == [
        'programs[0].colour (program "Microsoft Full Stack Developer Professional Certificate"):'
        " unknown field 'colour'",
        'programs[2].eqf_level (program "Microsoft Front-End Developer Professional Certificate"):'
        ' EQF range 6-5 must go from the lower level to the higher (got "6-5")',
        'programs[3].issuer_country (program "Microsoft Public Relations and Communications '
        "Associate Professional Certificate\"): 'USA' is not an ISO 3166 two-letter country code"
        ' (such as US) (got "USA")',
        f'courses[1].hours ({csharp}): must be a number (got "30")',
        f"modules[0].items[2].minutes ({week1}): must not be negative (got -45)",
        'modules[0].items[3].minutes (item "Your first console program"): 100000 minutes is not'
        " a plausible duration here (at most 6000)",
        "modules[0].items[4].kind (item \"Types and variables\"): must be one of 'video',"
        " 'reading', 'practice_quiz', 'graded_quiz', 'in_video_quiz', 'lab',"
        " 'programming_assignment', 'peer_review', 'self_review', 'plugin', 'discussion_prompt'"
        " or 'project' (got \"podcast\")",
        "modules[0].items[5].colour (item \"Temperature converter\"): unknown field 'colour'",
    ]


def test_missing_and_duplicate_ids_and_broken_references(tmp_path, sample_data):
    courses = sample_data["courses"]
    del courses[0]["id"]
    courses[2]["id"] = courses[1]["id"]  # two courses, one id
    sample_data["programs"][3]["course_ids"].append("no-such-course")
    sample_data["programs"][2]["course_ids"].append("csharp-w1")  # a module where a course goes
    sample_data["programs"][1]["course_ids"].append("back-end")  # the program itself
    sample_data["programs"][0]["course_ids"].append(sample_data["programs"][0]["course_ids"][1])
    sample_data["modules"][0]["outcomes"][0]["supports"] = ["gone-outcome"]
    found = problems_of(tmp_path, sample_data)
    assert (
        "courses[0].id (course \"Foundations of Coding Full-Stack\"): missing field 'id'" in found
    )
    assert any(
        p.startswith(
            'courses[2].id (course "Introduction to Web Development"): '
            "duplicate id 'introduction-to-programming-with-csharp': already used"
            " at courses[1]"
        )
        for p in found
    )
    assert any("programs[3].course_ids[5]" in p and "no course with that id" in p for p in found)
    assert any(
        "programs[2].course_ids[6]" in p and "which is a module, not a course" in p for p in found
    )
    assert any(
        "programs[1].course_ids[8]" in p and "the program contains itself" in p for p in found
    )
    assert any("programs[0].course_ids[12]" in p and "listed more than once" in p for p in found)
    assert any(
        "modules[0].outcomes[0].supports[0]" in p and "no outcome with that id" in p for p in found
    )
    # Programs that referred to the course whose id was lost or renamed are told so too.
    lost = [
        p
        for p in found
        if "refers to 'foundations-of-coding-full-stack'" in p
        or "refers to 'introduction-to-web-development'" in p
    ]
    assert len(lost) == 3
    assert len(found) == 10


def test_half_a_character_pair_is_refused_where_it_is(tmp_path, sample_data):
    # JSON can write half of a UTF-16 pair alone (\\ud800); json reads it, but it is no
    # character, and the catalog could never be saved again.
    sample_data["programs"][0]["title"] = "Data \ud800 Analyst"
    sample_data["modules"][2]["items"][1]["n\udc00tes"] = "x"
    found = problems_of(tmp_path, sample_data)  # written with ensure_ascii: as escapes
    title = 'programs[0].title (program "Data \\ud800 Analyst"): the text holds \\ud800'
    assert found[0].startswith(title)
    assert found[1].startswith("modules[2].items[1] (item ")
    assert 'the field name "n\\udc00tes" holds \\udc00, half of a character pair' in found[1]
    assert len(found) == 2
    assert "\n".join(found).encode("utf-8")  # every message can be printed and shown


def test_a_whole_character_pair_written_as_escapes_loads_and_saves(tmp_path, sample_data):
    sample_data["programs"][0]["title"] = "Data Analyst \U0001f4ca"
    path = tmp_path / "pair.curriculum.json"
    path.write_text(json.dumps(sample_data), encoding="ascii")  # "\\ud83d\\udcca"
    assert b"\\ud83d\\udcca" in path.read_bytes()
    catalog = load(path)
    assert catalog.programs[0].title == "Data Analyst \U0001f4ca"
    assert "Data Analyst \U0001f4ca" in dumps(catalog).decode("utf-8")


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CatalogError, match="cannot read the file: No such file"):
        load(tmp_path / "nowhere.curriculum.json")


def test_older_versions_are_migrated_on_load(tmp_path, sample_data, monkeypatch):
    # A made-up next version that renamed the settings' "pace_hours" to "weekly_hours".
    def rename_pace(data):
        data = copy.deepcopy(data)
        data["settings"]["weekly_hours"] = data["settings"].pop("pace_hours")
        return data

    current = fileformat.FORMAT_VERSION
    monkeypatch.setattr(fileformat, "FORMAT_VERSION", current + 1)
    monkeypatch.setattr(fileformat, "MIGRATIONS", {**fileformat.MIGRATIONS, current: rename_pace})
    sample_data["settings"]["pace_hours"] = sample_data["settings"].pop("weekly_hours") + 2
    sample_data["version"] = 1  # migrated twice: 1 -> 2 -> the made-up 3
    path = tmp_path / "old.curriculum.json"
    path.write_text(json.dumps(sample_data), encoding="utf-8")
    assert load(path).settings.weekly_hours == 12
    sample_data["version"] = 0
    path.write_text(json.dumps(sample_data), encoding="utf-8")
    with pytest.raises(CatalogError, match="format version 0 is not one"):
        load(path)


def test_a_version_1_file_loads_and_saves_as_the_current_version(tmp_path, sample_data):
    sample_data["version"] = 1
    path = tmp_path / "old.curriculum.json"
    path.write_text(json.dumps(sample_data), encoding="utf-8")
    catalog = load(path)
    assert catalog.ignored_duplicates == []
    assert json.loads(dumps(catalog))["version"] == fileformat.FORMAT_VERSION == 3


def _first_module_with_graded_item(data):
    return next(m for m in data["modules"] if any(i.get("outcome_ids") for i in m["items"]))


def _repeat_an_outcome(data):
    item = next(i for i in _first_module_with_graded_item(data)["items"] if i.get("outcome_ids"))
    item["outcome_ids"].append(item["outcome_ids"][0])


def _outcome_supports_itself(data):
    outcome = data["modules"][0]["outcomes"][0]
    outcome["supports"] = [outcome["id"]]


def _item_names_a_course(data):
    item = _first_module_with_graded_item(data)["items"][0]
    item["outcome_ids"] = [data["courses"][0]["id"]]


def _item_takes_an_outcome_id(data):
    module = _first_module_with_graded_item(data)
    module["items"][0]["id"] = module["outcomes"][0]["id"]


def _course_lists_a_module_twice(data):
    course = next(c for c in data["courses"] if c["module_ids"])
    course["module_ids"].append(course["module_ids"][0])


@pytest.mark.parametrize(
    ("defect", "expected"),
    [
        (_repeat_an_outcome, "is listed more than once"),
        (_outcome_supports_itself, "the outcome contains itself"),
        (_item_names_a_course, "which is a course, not an outcome"),
        (_item_takes_an_outcome_id, "duplicate id"),
        (_course_lists_a_module_twice, "is listed more than once"),
    ],
)
def test_each_reference_defect_alone_is_reported(tmp_path, sample_data, defect, expected):
    # One defect in an otherwise sound file of the current version: the fast way of
    # loading, which checks references in bulk, must refuse it too (problems_of asserts).
    defect(sample_data)
    found = problems_of(tmp_path, sample_data)
    assert len(found) == 1 and expected in found[0], found


def test_a_file_with_a_byte_order_mark_names_the_bytes_and_lines_as_an_editor_counts_them(
    tmp_path,
):
    mark = b"\xef\xbb\xbf"
    assert problems_of(tmp_path, mark + b'{"format": "x", \xff}') == [
        "byte 19: the file is not UTF-8 text"  # counted from the file's first byte, the mark's
    ]
    malformed = b'{\n  "format": "curriculum-designer",\n  "version": 1\n  "x": 2}'
    assert problems_of(tmp_path, mark + malformed) == problems_of(tmp_path, malformed)


def test_a_field_written_twice_is_named_when_the_file_is_refused(tmp_path, sample_path):
    # "programs" again at the end, empty: every reference to the programs' outcomes
    # dangled, and none of the problems said why.
    text = sample_path.read_text(encoding="utf-8")
    assert text.endswith("\n}\n")
    twice = text.removesuffix("\n}\n") + ',\n  "programs": []\n}\n'
    hours = '"hours": 26.0,'
    assert text.count(hours) == 1
    twice = twice.replace(hours, f'{hours} "hours": 999,', 1)
    found = problems_of(tmp_path, twice.encode("utf-8"))
    assert found[:2] == [
        '$: the field "programs" is written twice: only the last is read',
        'courses[16] (course "Introduction to Public Relations"): the field "hours" is '
        "written twice: only the last is read",
    ]


@pytest.mark.parametrize("pair", [["full-stack"], ["full-stack", "back-end", "front-end"], []])
def test_a_pair_of_ids_that_is_no_pair_says_what_a_pair_is(tmp_path, sample_data, pair):
    # pydantic said "missing field 1", or "Tuple should have at most 2 items after
    # validation, not 3".
    sample_data["ignored_duplicates"] = [pair]
    shown = json.dumps(pair, ensure_ascii=False)
    assert problems_of(tmp_path, sample_data) == [
        f'ignored_duplicates[0]: must be a pair of unit ids, written ["id", "other-id"] '
        f"(got {shown})"
    ]
