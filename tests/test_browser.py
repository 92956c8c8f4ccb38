"""The playground in a real JupyterLab, driven by headless Chromium: type a model, see it drawn.

Starts JupyterLab on a free port of 127.0.0.1 (a known token, a temporary folder), opens a copy
of notebooks/07-Schema-Playground.ipynb (or, until that exists, a one-cell notebook written
here), runs every cell, types into the first schema editor and waits for the diagram to change.
Screenshots go to tests/artifacts/ (ignored by git).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.needs_dot, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
COURSE_NOTEBOOK = ROOT / "notebooks" / "07-Schema-Playground.ipynb"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TIMEOUT_MS = 60_000
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
NEW_MODEL = "\n\nmodel Badge {\n  id    Int    @id\n  label String\n}\n"
BROKEN = "\nmodel Broken {\n  id Int @id\n  owner Usr\n}\n"

TEST_NOTEBOOK_CELLS = [
    "import relviz.notebook\n",
    f"relviz.notebook.playground(open({str(ROOT / 'data' / 'course.prisma')!r}).read())\n",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_test_notebook(path: Path) -> None:
    cells = [{"cell_type": "code", "execution_count": None, "id": f"cell{i}", "metadata": {}, "outputs": [],
              "source": source} for i, source in enumerate(TEST_NOTEBOOK_CELLS)]
    notebook = {"cells": cells, "nbformat": 4, "nbformat_minor": 5, "metadata": {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}}
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")


def notebook_in(folder: Path) -> str:
    """Copy the course notebook into ``folder`` (or write a small one); its file name."""
    if COURSE_NOTEBOOK.exists():
        shutil.copy(COURSE_NOTEBOOK, folder / COURSE_NOTEBOOK.name)
        (folder.parent / "data").symlink_to(ROOT / "data")  # notebooks read ../data/...: same layout
        return COURSE_NOTEBOOK.name
    write_test_notebook(folder / "playground-test.ipynb")
    return "playground-test.ipynb"


def wait_for_status(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"JupyterLab did not answer {url} within 60 s:\n{log.read_text()[-3000:]}")


# JupyterLab user settings: start the notebook's kernel without asking, keep every cell in the page
# (a long course notebook's playground may be far below the fold), fetch no news.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"autoStartDefaultKernel": True, "windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
}


def write_lab_settings(folder: Path) -> None:
    for name, values in LAB_SETTINGS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


@pytest.fixture
def jupyterlab(tmp_path):
    """A running JupyterLab serving a folder with the notebook: (base url, token, notebook name)."""
    root = tmp_path / "notebooks"
    root.mkdir()
    name = notebook_in(root)
    port, token = free_port(), secrets.token_hex(16)
    write_lab_settings(tmp_path / "settings")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "settings"), JUPYTER_PLATFORM_DIRS="1", PYTHONUNBUFFERED="1")
    log = tmp_path / "jupyterlab.log"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0",
        f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}", "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ] + (["--allow-root"] if os.geteuid() == 0 else [])
    with open(log, "w") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True, preexec_fn=die_with_parent)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_status(f"{base}/api/status?token={token}", process, log)
        yield base, token, name
    finally:
        stop(process)


def die_with_parent() -> None:
    """In the child: ask Linux for SIGTERM when pytest dies, so a killed test run leaves no server behind."""
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to JupyterLab's process group (its kernels too), SIGKILL if it lingers."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


def answer_dialogs(page) -> None:
    """Accept JupyterLab's questions (Select Kernel), should one still appear."""
    from playwright.sync_api import Error

    for button in page.locator(".jp-Dialog .jp-mod-accept").all():
        try:
            button.click(timeout=2000)
        except Error:  # it went away by itself
            pass


KERNEL_IDLE = """() => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const context = panel && panel.sessionContext;
    const kernel = context && context.session && context.session.kernel;
    return Boolean(context && context.isReady && kernel && kernel.status === 'idle');
}"""


def wait_for_kernel(page) -> None:
    """Wait until the notebook's kernel is up and idle, answering dialogs meanwhile."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        answer_dialogs(page)
        if page.evaluate(KERNEL_IDLE):
            return
        page.wait_for_timeout(500)
    raise AssertionError("the notebook's kernel did not start")


def wait_for_editor(page):
    """The first playground's editor once run-all has drawn it, answering dialogs meanwhile."""
    editor = page.locator(".relviz-editor textarea").first
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        answer_dialogs(page)
        if editor.count() and editor.is_visible():
            return editor
        page.wait_for_timeout(500)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").all_inner_texts()
    raise AssertionError("no playground editor appeared after running the notebook's cells"
                         + ("; the cells said:\n" + "\n".join(errors)[-3000:] if errors else ""))


def diagram_names(page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('.relviz-diagram svg text')].map(t => t.textContent.trim())"
    )


def test_typing_a_model_in_the_playground_draws_it(jupyterlab, chromium_path):
    from playwright.sync_api import sync_playwright

    base, token, name = jupyterlab
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(f"{base}/lab/tree/{name}?token={token}")
            page.wait_for_selector(".jp-NotebookPanel .jp-Notebook")
            wait_for_kernel(page)
            # fire and forget: the command's promise waits for every cell (and for any dialog)
            page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
            try:
                editor = wait_for_editor(page)
            finally:
                page.screenshot(path=str(ARTIFACTS / "notebook.png"))
            page.wait_for_selector(".relviz-diagram svg")
            before = diagram_names(page)
            assert "Badge" not in before

            editor.scroll_into_view_if_needed()
            editor.click()
            editor.press("Control+End")
            page.keyboard.type(NEW_MODEL, delay=15)
            page.wait_for_function(
                "() => [...document.querySelectorAll('.relviz-diagram svg text')].some(t => t.textContent.trim() === 'Badge')"
            )
            playground = page.locator(".relviz-playground").first
            playground.scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            playground.screenshot(path=str(ARTIFACTS / "playground.png"))
            after = diagram_names(page)
            assert "Badge" in after and "label" in after
            assert set(before) <= set(after)

            page.keyboard.type(BROKEN, delay=5)
            page.wait_for_function(  # the error of the finished text, not of one typed halfway
                "() => (document.querySelector('.relviz-errors-panel') || {}).innerText?.includes('Type \"Usr\"')"
            )
            page.wait_for_selector(".relviz-errors-panel .relviz-bad-line")
            page.wait_for_selector(".relviz-banner .relviz-warning")
            banner = page.locator(".relviz-banner").first.inner_text()
            assert "showing the last valid schema" in banner
            assert "Usr" in page.locator(".relviz-errors-panel").first.inner_text()
            assert "Badge" in diagram_names(page), "the last valid diagram stays"
            playground.screenshot(path=str(ARTIFACTS / "playground-error.png"))

            # the other tabs are drawn when shown (for the last valid schema, Badge included)
            playground.locator(".lm-TabBar-tab:has-text('Tables')").first.click()
            page.wait_for_selector(".relviz-playground table.relviz-table")
            assert "Badge" in playground.inner_text()
            playground.locator(".lm-TabBar-tab:has-text('Query')").first.click()
            page.wait_for_selector(".relviz-playground .relviz-sql")
            page.wait_for_timeout(300)
            playground.screenshot(path=str(ARTIFACTS / "playground-query.png"))
            assert "JOIN" in playground.inner_text()
        finally:
            browser.close()
