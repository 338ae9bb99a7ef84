"""The roadmap as a PNG image: the SVG drawn by Qt's SVG renderer.

The only module of designer.roadmap that imports Qt, and only when a PNG is asked for.
"""

from __future__ import annotations

from pathlib import Path

from designer.display import offscreen_without_display
from designer.storage.save import write_atomically

_APP: object = None  # the QGuiApplication made here, kept alive while the process runs


class RenderError(RuntimeError):
    """The SVG could not be drawn or the image not written."""


def write_png(svg_text: str, path: str | Path, width: int = 1600) -> tuple[int, int]:
    """Draw the SVG at this width (height in proportion) on white; return the image's size.

    A file already at path is replaced only once the new one is whole. Raises RenderError
    when the SVG cannot be drawn, OSError when the file cannot be written.
    """
    if width <= 0:
        raise ValueError("the width must be positive")
    _ensure_gui()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg_text.encode("utf-8")))
    if not renderer.isValid():
        raise RenderError("the roadmap's SVG could not be read")
    box = renderer.viewBoxF()
    if box.width() <= 0 or box.height() <= 0:
        raise RenderError("the roadmap's SVG has no size")
    height = max(1, round(width * box.height() / box.width()))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(round(96 / 0.0254))
    image.setDotsPerMeterY(round(96 / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise RenderError(f"the image could not be made ({writer.errorString()})")
    write_atomically(Path(path), bytes(buffer.data().data()))
    return width, height


def _ensure_gui() -> None:
    """Text needs a QGuiApplication; make one (headless when there is no display) if none is."""
    global _APP
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RenderError("a PNG needs a QGuiApplication, and a plain QCoreApplication runs")
        return
    offscreen_without_display()
    _APP = QGuiApplication(["curriculum-designer"])
