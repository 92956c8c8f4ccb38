"""Turn DOT source into SVG, PNG or PDF bytes with Graphviz, and write files atomically."""

import os
import re
import tempfile
from pathlib import Path

from relviz.errors import RelvizError

from .options import DiagramOptionError

__all__ = [
    "FORMATS",
    "IMAGE_FORMATS",
    "EXTENSIONS",
    "GraphvizMissing",
    "format_for_path",
    "check_format",
    "run_dot",
    "write_atomic",
]

IMAGE_FORMATS = ("svg", "png", "pdf")
FORMATS = IMAGE_FORMATS + ("dot", "mermaid", "md")
EXTENSIONS = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".md": "md",
    ".markdown": "md",
}
INSTALL_HINT = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"

# cairo stamps PDFs with the time of rendering; the same schema must give the same bytes.
_PDF_DATES = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)(\d{14})")


class GraphvizMissing(RelvizError, RuntimeError):
    """Graphviz's `dot` program (or the `graphviz` Python package) is not installed."""


def check_format(format):
    """Return the format, or raise ValueError listing the valid ones."""
    if format not in FORMATS:
        raise DiagramOptionError(f"unknown format: {format!r} (must be one of {list(FORMATS)})")
    return format


def format_for_path(path):
    """The output format that a file name's extension asks for."""
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        known = ", ".join(sorted(EXTENSIONS))
        raise DiagramOptionError(f"cannot tell the format from {str(path)!r} (use one of {known} or give a format)")
    return EXTENSIONS[suffix]


def run_dot(source, *, format, dpi=None):
    """Lay out DOT source with `dot` and return the image bytes."""
    if format not in IMAGE_FORMATS:
        raise DiagramOptionError(f"unknown image format: {format!r} (must be one of {list(IMAGE_FORMATS)})")
    try:
        import graphviz
    except ImportError:
        raise GraphvizMissing("the graphviz Python package is missing: pip install graphviz") from None
    if dpi is not None:
        source = source.replace("  graph [", f"  graph [dpi={float(dpi):g}, ", 1)
    try:
        data = graphviz.pipe("dot", format, source.encode("utf-8"), quiet=True)
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing(f"Graphviz's `dot` program was not found: {INSTALL_HINT}") from None
    except graphviz.CalledProcessError as failed:
        message = (failed.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise RelvizError(f"Graphviz's `dot` failed: {message[-1] if message else failed}") from None
    if format == "pdf":
        data = _PDF_DATES.sub(lambda m: m.group(1) + b"19700101000000", data)
    return data


def _file_mode(path):
    """The mode a plain `open(path, "w")` would give: the old file's, else 0o666 less the umask."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path, data):
    """Write bytes or text to path via a temporary file and a rename: never a half-written file."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, _file_mode(path))
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    return path
