"""Every package of the project is installed, resources included."""

import tomllib

from project import ROOT


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "designer").rglob("__init__.py")
    }
    assert folders | {"designer.resources"} == listed


def test_resources_are_importable_as_package_data():
    from importlib.resources import files

    assert files("designer.resources").joinpath("__init__.py").is_file()
