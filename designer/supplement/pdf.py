"""HTML to an A4 PDF with Qt's own rich-text document and PDF writer; the only Qt module here."""

from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Sequence
from html import unescape
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

from designer.display import offscreen_without_display

MARGINS_MM = QMarginsF(18, 16, 18, 12)
RESOLUTION = 600  # dots per inch of the PDF's coordinates; text and vector art stay vector
SVG_SCALE = 3  # embedded drawings are rasterised at three times their size on the page
FOOTER_POINTS = 7.5
CAPTION_POINTS = 11.5
_SVG_SOURCE = re.compile(r'src="(data:image/svg\+xml;base64,[A-Za-z0-9+/=]+)"([^>]*)>')
_AUTO_DIRECTION = re.compile(r'<(\w+)\b[^>]*\bdir="auto"[^>]*>')
_TAG = re.compile(r"<[^>]*>")

_app: QGuiApplication | None = None  # kept alive here when this module had to create it


def write_pdf(
    html: str,
    path: str | Path,
    *,
    title: str = "",
    footer: str = "",
    drawings: Sequence[tuple[str, str]] = (),
) -> None:
    """Lay `html` out on A4 pages and write them to `path`, each with a footer and its number.

    `drawings` are (caption, SVG text) pairs, each drawn after the text on a page of its own
    (under its caption, unless that is empty),
    in landscape when it is wider than tall, as vector graphics that stay sharp when zoomed.
    Needs a QGuiApplication; one is created when none runs (offscreen without a display).
    """
    folder = Path(path).parent
    if not folder.is_dir():
        raise OSError(f"{path}: cannot write the PDF there: no folder {folder}")
    _ensure_app()
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("Curriculum Designer")
    document = QTextDocument()
    font = document.defaultFont()
    # Without ligatures the PDF's text searches and copies as typed ("fi", not "ﬁ").
    font.setFeature(QFont.Tag("liga"), 0)
    document.setDefaultFont(font)
    document.documentLayout().setPaintDevice(writer)
    _add_drawings(document, html)
    document.setHtml(resolved_directions(html))

    footer_font = QFont(document.defaultFont())
    footer_font.setPointSizeF(FOOTER_POINTS)
    metrics = QFontMetricsF(footer_font, writer)
    paint = writer.pageLayout().paintRectPixels(writer.resolution())
    body = QSizeF(paint.width(), paint.height() - 3 * metrics.height())
    document.setPageSize(body)
    renderers: list[tuple[str, QSvgRenderer]] = []
    for caption, svg in drawings:
        renderer = _renderer(svg)
        if renderer is not None:
            renderers.append((caption, renderer))
    text_pages = document.pageCount()
    pages = text_pages + len(renderers)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path}: cannot write the PDF there")
    try:
        for index in range(text_pages):
            if index:
                writer.newPage()
            _draw_page(painter, document, body, index)
            _draw_footer(painter, footer_font, metrics, body, footer, index + 1, pages)
        for number, (caption, renderer) in enumerate(renderers, text_pages + 1):
            box = renderer.viewBoxF()
            landscape = box.width() > box.height()
            writer.setPageOrientation(
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            )
            writer.newPage()
            paint = writer.pageLayout().paintRectPixels(writer.resolution())
            area = QSizeF(paint.width(), paint.height() - 3 * metrics.height())
            _draw_drawing(painter, renderer, caption, document.defaultFont(), area)
            _draw_footer(painter, footer_font, metrics, area, footer, number, pages)
    finally:
        painter.end()


def resolved_directions(html: str) -> str:
    """The page with each block's dir="auto" made "rtl" or "ltr", as a browser resolves it:
    by the first character of its text that has a direction of its own.

    In a whole document (<html>...) Qt's rich text lays every block out left to right
    unless told "rtl": it takes no "auto", and an Arabic title read from the left would
    put its full stop and its figures on the wrong side. An inline element (<span>) keeps
    "auto": Qt would take a direction given to it for its whole paragraph.
    """

    def resolve(match: re.Match[str]) -> str:
        if match.group(1).lower() == "span":
            return match.group(0)
        end = html.find("</", match.end())
        text = unescape(_TAG.sub("", html[match.end() : end if end >= 0 else None]))
        return match.group(0).replace('dir="auto"', f'dir="{_direction(text)}"')

    return _AUTO_DIRECTION.sub(resolve, html)


def _direction(text: str) -> str:
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "ltr"


def _ensure_app() -> None:
    global _app
    running = QCoreApplication.instance()
    if running is not None:
        if not isinstance(running, QGuiApplication):
            raise RuntimeError("writing a PDF needs a QGuiApplication, not a QCoreApplication")
        return
    offscreen_without_display()
    _app = QGuiApplication(["curriculum-designer"])


def _draw_page(painter: QPainter, document: QTextDocument, body: QSizeF, index: int) -> None:
    top = index * body.height()
    painter.save()
    painter.translate(0, -top)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, top, body.width(), body.height())
    painter.setClipRect(context.clip)
    document.documentLayout().draw(painter, context)
    painter.restore()


def _renderer(svg: str) -> QSvgRenderer | None:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    box = renderer.viewBoxF()
    if not renderer.isValid() or box.width() <= 0 or box.height() <= 0:
        return None
    return renderer


def _draw_drawing(
    painter: QPainter, renderer: QSvgRenderer, caption: str, font: QFont, area: QSizeF
) -> None:
    """The caption, if any, then the drawing as large as fits below it, its proportions kept."""
    painter.save()
    top = 0.0
    if caption:
        heading = QFont(font)
        heading.setPointSizeF(CAPTION_POINTS)
        heading.setBold(True)
        painter.setFont(heading)
        painter.setPen(QColor("#1f3a5f"))
        line = QFontMetricsF(heading, painter.device()).height()
        flags = int(Qt.AlignmentFlag.AlignLeft)
        painter.drawText(QRectF(0, 0, area.width(), line), flags, caption)
        top = 1.8 * line
    # The drawing's text takes its font from the painter's: without ligatures, as the pages.
    painter.setFont(font)
    box = renderer.viewBoxF()
    scale = min(area.width() / box.width(), (area.height() - top) / box.height())
    target = QRectF(0, top, box.width() * scale, box.height() * scale)
    renderer.render(painter, target)
    painter.restore()


def _draw_footer(
    painter: QPainter,
    font: QFont,
    metrics: QFontMetricsF,
    body: QSizeF,
    text: str,
    number: int,
    pages: int,
) -> None:
    painter.save()
    painter.setFont(font)
    rule = body.height() + 1.2 * metrics.height()
    painter.setPen(QPen(QColor("#c9d1dc"), RESOLUTION / 96))
    painter.drawLine(QPointF(0, rule), QPointF(body.width(), rule))
    painter.setPen(QColor("#6b7682"))
    line = QRectF(0, rule + 0.4 * metrics.height(), body.width(), 1.3 * metrics.height())
    page = f"Page {number} of {pages}"
    room = body.width() - metrics.horizontalAdvance(page) - 4 * metrics.height()
    left = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
    painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), page)
    painter.restore()


def _add_drawings(document: QTextDocument, html: str) -> None:
    """Give each embedded SVG to the document as a sharp image of SVG_SCALE times its size.

    Qt would otherwise rasterise it at its size in pixels, which prints blurred.
    """
    for match in _SVG_SOURCE.finditer(html):
        source, attributes = match.group(1), match.group(2)
        svg = QByteArray(base64.b64decode(source.split(",", 1)[1]))
        renderer = QSvgRenderer(svg)
        if not renderer.isValid():
            continue
        size = renderer.defaultSize()
        width = _attribute(attributes, "width") or size.width()
        height = _attribute(attributes, "height") or size.height()
        if width <= 0 or height <= 0:
            continue
        image = QImage(
            round(width * SVG_SCALE), round(height * SVG_SCALE), QImage.Format.Format_ARGB32
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(source), image)


def _attribute(attributes: str, name: str) -> float:
    match = re.search(rf'\b{name}="([0-9.]+)"', attributes)
    return float(match.group(1)) if match else 0.0
