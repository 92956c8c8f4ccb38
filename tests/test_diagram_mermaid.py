"""Mermaid erDiagram text: its shape without node, and Mermaid's own parser on real schemas (needs_node)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import relviz
from relviz.erd import diagram
from relviz.erd.mermaid import attribute_line, entity_ref
from relviz.erd.scene import Column, Table

FIXTURES = Path(__file__).parent / "fixtures"
NODE_DIR = Path(__file__).parent / "node"
DATA = Path(__file__).parent.parent / "data"


def test_course_relations_have_crows_foot_marks():
    text = diagram(relviz.load(DATA / "course.prisma")).mermaid()
    assert text.startswith("erDiagram\n")
    assert '  Post }o--|| User : "PostToUser"' in text
    assert '  Profile |o--|| User : "ProfileToUser"' in text
    assert '  Account }o--o{ User : "AccountToUser"' in text


def test_the_dark_theme_is_a_mermaid_directive():
    text = diagram(relviz.load(DATA / "course.prisma"), theme="dark").mermaid()
    assert text.startswith('%%{init: {"theme": "dark"}}%%\nerDiagram\n')


def test_optional_fields_and_defaults_go_to_the_comment():
    line = attribute_line(Column(port="name", name="name", type="String?", default='"x"'))
    assert line == '    String name "optional, default: #quot;x#quot;"'


def test_list_types_keep_their_brackets_and_keys_use_mermaid_words():
    line = attribute_line(Column(port="ids", name="ids", type="Int[]", markers=("PK", "FK", "U1")))
    assert line == "    Int[] ids PK, FK, UK"


def test_a_name_mermaid_cannot_take_becomes_an_alias():
    table = Table(id="User", name='us"ers <x>', kind="model")
    assert entity_ref(table) == 'User["us#quot;ers #lt;x#gt;"]'


def _mermaid_ready():
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are needed")
    if not (NODE_DIR / "node_modules" / "mermaid").is_dir():
        command = ["npm", "ci"] if (NODE_DIR / "package-lock.json").exists() else ["npm", "install"]
        done = subprocess.run([*command, "--prefix", str(NODE_DIR), "--no-audit", "--no-fund"], capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"could not install mermaid: {done.stderr[-300:]}")


CASES = [
    ("course", DATA / "course.prisma", {}),
    ("course-physical", DATA / "course.prisma", {"join_tables": "physical", "theme": "dark", "direction": "TB"}),
    ("course-explicit", DATA / "course-explicit.prisma", {"enums": True}),
    ("hostile", FIXTURES / "diagram" / "hostile.prisma", {"enums": True}),
    ("hostile-db-names", FIXTURES / "diagram" / "hostile.prisma", {"enums": True, "db_names": True, "detail": "all"}),
    ("calcom", FIXTURES / "real" / "calcom.prisma", {"enums": True}),
    ("civitai", FIXTURES / "real" / "civitai.prisma", {"detail": "keys"}),
    ("dub-db-names", FIXTURES / "real" / "dub.prisma", {"db_names": True}),
    ("mongodb", FIXTURES / "real" / "nextauth-adapter-prisma-mongodb.prisma", {}),
]


@pytest.mark.needs_node
def test_mermaids_own_parser_accepts_what_we_write(tmp_path):
    _mermaid_ready()
    expected = {}
    for name, path, options in CASES:
        figure = diagram(relviz.load(path), **options)
        (tmp_path / f"{name}.mmd").write_text(figure.mermaid(), encoding="utf-8")
        expected[name] = (len(figure.scene.tables), len(figure.scene.links))
    files = [str(tmp_path / f"{name}.mmd") for name, _, _ in CASES]
    done = subprocess.run(["node", str(NODE_DIR / "check_mermaid.mjs"), *files], capture_output=True, text=True, cwd=NODE_DIR)
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r for r in results if not r["ok"]] == [], done.stderr
    for result in results:
        name = Path(result["file"]).stem
        assert (result["entities"], result["relationships"]) == expected[name], name


PAGE = """<!doctype html><html><head><meta charset="utf-8"></head><body>
<pre class="mermaid">{text}</pre>
<script src="{script}"></script>
<script>mermaid.initialize({{startOnLoad: true}});</script></body></html>"""


@pytest.mark.browser
@pytest.mark.needs_node
def test_hostile_names_render_as_written_in_a_browser(tmp_path, chromium_path):
    """Mermaid's entity codes come back as the characters they stand for, drawn as text."""
    import html

    from playwright.sync_api import sync_playwright

    _mermaid_ready()
    text = diagram(relviz.load(FIXTURES / "diagram" / "hostile.prisma"), enums=True, db_names=True).mermaid()
    script = (NODE_DIR / "node_modules" / "mermaid" / "dist" / "mermaid.min.js").as_uri()
    page_file = tmp_path / "erd.html"
    page_file.write_text(PAGE.format(text=html.escape(text), script=script), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=["--no-sandbox", "--allow-file-access-from-files"])
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            page.wait_for_selector("pre.mermaid svg", timeout=30_000)
            shown = page.eval_on_selector("pre.mermaid svg", "s => s.textContent")
        finally:
            browser.close()
    for expected in ('us"ers<>&', "posts & <more>", "ro%%le (enum)", 'we<i>rd " & | %% rel', "sec\\ond", "ta<g>s \\N"):
        assert expected in shown
