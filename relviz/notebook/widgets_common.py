"""Small pieces the playground and the explorer share: the stylesheet, panels, guarded callbacks."""

from __future__ import annotations

import html
import traceback
from importlib import resources

import ipywidgets as widgets

from relviz.notebook.errorview import notice_html
from relviz.notebook.panels import Unavailable

__all__ = ["StaticFallback", "guarded_html", "panel", "problem_html", "stylesheet"]

# Diagrams larger than this stay out of the static copy (a notebook file should stay readable).
STATIC_SVG_LIMIT = 400_000


def stylesheet() -> widgets.HTML:
    """An HTML widget holding ``playground.css`` in a ``<style>`` element (it shows nothing)."""
    css = resources.files("relviz.notebook").joinpath("playground.css").read_text(encoding="utf-8")
    return widgets.HTML(f"<style>{css}</style>", layout=widgets.Layout(height="0px", margin="0"))


def panel(css_class: str, **layout) -> widgets.HTML:
    """An empty HTML widget with a CSS class (for styles and for the browser test to find it)."""
    w = widgets.HTML(layout=widgets.Layout(**layout))
    w.add_class(css_class)
    return w


def problem_html(error: BaseException, doing: str) -> str:
    """What went wrong while ``doing`` something, with the details folded away."""
    if isinstance(error, Unavailable):
        return notice_html(str(error), kind="warning")
    details = html.escape("".join(traceback.format_exception(error)))
    summary = html.escape(f"{type(error).__name__}: {error}")
    body = (
        f"Could not {html.escape(doing)}: {summary}"
        f"<details><summary>details</summary><pre style='font-size: 11px'>{details}</pre></details>"
    )
    return notice_html(body, kind="error", html_text=True)


def guarded_html(target: widgets.HTML, doing: str, make_html) -> bool:
    """``target.value = make_html()``, or the problem in ``target`` if it raises; True on success."""
    try:
        target.value = make_html()
        return True
    except Exception as e:  # shown in the widget: a callback must never break the kernel
        target.value = problem_html(e, doing)
        return False


class StaticFallback:
    """Mixin for widgets: a static HTML copy next to the live view, for where widgets cannot run.

    JupyterLab shows the live widget (its renderer ranks first); GitHub, nbviewer, an untrusted
    notebook or an exported HTML page show the ``text/html`` copy instead of a bare
    ``Playground(children=...)``. Subclasses give ``_static_parts()`` and ``_summary_text()``.
    """

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if not bundle:
            return bundle
        try:
            bundle["text/plain"] = self._summary_text()
            parts = [p for p in self._static_parts() if p and len(p) <= STATIC_SVG_LIMIT]
            bundle["text/html"] = f'<div class="relviz-static">{"".join(parts)}</div>'
        except Exception:  # the live widget matters more than its copy
            pass
        return bundle
