"""The roadmap's PNG, drawn by Qt from the SVG."""

import pytest
from PySide6.QtGui import QImage

from designer.model import Totals
from designer.roadmap import roadmap_svg
from designer.roadmap.png import RenderError, write_png

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def csharp_svg(sample) -> str:
    return roadmap_svg(sample, Totals(sample), "introduction-to-programming-with-csharp")


def view_box(svg: str) -> tuple[float, float]:
    import xml.etree.ElementTree as ET

    _, _, width, height = ET.fromstring(svg).get("viewBox").split()
    return float(width), float(height)


def test_png_is_written_at_the_width_asked_with_the_svgs_proportions(qapp, csharp_svg, tmp_path):
    path = tmp_path / "roadmap.png"
    size = write_png(csharp_svg, path)
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 10_000
    width, height = view_box(csharp_svg)
    image = QImage(str(path))
    assert (image.width(), image.height()) == size == (1600, round(1600 * height / width))


def test_png_shows_the_drawing_not_a_blank_page(qapp, sample, tmp_path):
    path = tmp_path / "roadmap.png"
    write_png(roadmap_svg(sample, Totals(sample), "full-stack"), path, width=800)
    image = QImage(str(path))
    assert image.width() == 800
    colours = {
        image.pixelColor(x, y).name() for x in range(0, 800, 7) for y in range(0, image.height(), 7)
    }
    assert "#0c2c84" in colours  # the Create box of the C# column
    assert len(colours) > 20


@pytest.mark.qt_log_ignore(".*")
def test_an_unreadable_svg_is_an_error(qapp, tmp_path):
    with pytest.raises(RenderError):
        write_png("<svg", tmp_path / "bad.png")
    assert not (tmp_path / "bad.png").exists()


def test_a_png_that_cannot_be_written_is_an_os_error_and_the_old_file_stays(
    qapp, csharp_svg, tmp_path
):
    with pytest.raises(FileNotFoundError):
        write_png(csharp_svg, tmp_path / "missing" / "roadmap.png")
    folder = tmp_path / "roadmap.png"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        write_png(csharp_svg, folder)
    assert folder.is_dir() and [path.name for path in tmp_path.iterdir()] == ["roadmap.png"]
