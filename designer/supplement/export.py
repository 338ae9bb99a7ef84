"""Writing a supplement to a file in one of its formats; Qt is loaded only for a PDF."""

from __future__ import annotations

import errno
import json
from pathlib import Path

from designer.storage.save import atomic_file, replaced_file
from designer.supplement.credentials import elm_specification, open_badge
from designer.supplement.facts import Supplement, require_complete
from designer.supplement.html import roadmap_pictures, supplement_html

# The roadmap's pages in the PDF, in the drawing's units: A4 landscape within the margins is
# about 261 x 172 mm, so at 1100 units across its smallest text (10.5) prints at 7 pt.
ROADMAP_PAGE = (1100.0, 725.0)

# Each format and the file name ending a save dialog suggests for it.
FORMATS = {
    "pdf": ".pdf",
    "html": ".html",
    "badge": ".badge.json",
    "elm": ".elm.jsonld",
}


def supplement_bytes(supplement: Supplement, fmt: str, draft: bool = False) -> bytes:
    """The HTML page or a JSON document, as written to a file (not for "pdf")."""
    if fmt == "html":
        return supplement_html(supplement, draft).encode("utf-8")
    if fmt == "badge":
        return _json(open_badge(supplement, draft))
    if fmt == "elm":
        return _json(elm_specification(supplement, draft))
    raise ValueError(f"unknown supplement format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_supplement(
    supplement: Supplement, path: str | Path, fmt: str, draft: bool = False
) -> None:
    """Write the supplement; a file already there is replaced only once the new one is whole.

    Raises MissingFacts when a required fact is missing, unless `draft`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown supplement format {fmt!r}; use one of {', '.join(FORMATS)}")
    if not draft:
        require_complete(supplement)
    path = Path(path)
    if not replaced_file(path).parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"there is no folder {path.parent}", str(path))
    temporary = ""
    try:
        with atomic_file(path) as file:
            temporary = file.temporary
            if fmt == "pdf":
                _write_pdf(supplement, file.temporary_path(), draft)
            else:
                file.write(supplement_bytes(supplement, fmt, draft))
    except OSError as error:
        raise _named(error, temporary, path) from error


def _named(error: OSError, temporary: str, path: Path) -> OSError:
    """The error, naming the file asked for rather than the temporary one beside it."""
    if error.errno is not None:
        return OSError(error.errno, error.strerror, str(path))
    if temporary:
        return OSError(str(error).replace(temporary, str(path)))
    return error


def _write_pdf(supplement: Supplement, path: Path, draft: bool) -> None:
    from designer.supplement.pdf import write_pdf  # Qt only when a PDF is asked for

    html = supplement_html(supplement, draft, roadmap_inline=False)
    name = supplement.title or supplement.program_id
    code = f" ({supplement.code})" if supplement.code else ""
    is_draft = _is_draft(supplement, draft)
    kind = "Draft certificate supplement" if is_draft else "Certificate supplement"
    # Each page of the roadmap carries its own title.
    pages = roadmap_pictures(supplement, ROADMAP_PAGE, diagnostics=is_draft)
    drawings = [("", svg) for svg in pages]
    write_pdf(
        html,
        path,
        title=f"{kind}: {name}",
        footer=f"{kind} · {name}{code}",
        drawings=drawings,
    )


def _is_draft(supplement: Supplement, draft: bool) -> bool:
    return draft and any(element.missing for element in supplement.elements)


def _json(document: dict[str, object]) -> bytes:
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
