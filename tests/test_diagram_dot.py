"""DOT source, read without Graphviz: tables with one PORT per column, edges between the key columns."""

import re
from pathlib import Path

import pytest

import relviz
from relviz.erd import diagram
from relviz.erd.options import DiagramOptionError

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parent.parent / "data"
HEADER = 'datasource db {\n  provider = "postgresql"\n}\n'


@pytest.fixture(scope="module")
def course():
    return relviz.load(DATA / "course.prisma")


def node_label(source, table_id):
    line = next(l for l in source.splitlines() if l.startswith(f'  "{table_id}" [id='))
    return line


def edges(source):
    return re.findall(r'^  ("[^"]+"(?::"[^"]+")?) -> ("[^"]+"(?::"[^"]+")?) \[id="([^"]+)"', source, re.M)


def test_every_column_is_a_port_and_relation_edges_run_between_key_columns(course):
    source = diagram(course).source
    for port in ("id", "email", "name", "createdAt"):
        assert f'PORT="{port}"' in node_label(source, "User")
    assert ('"Post":"authorId"', '"User":"id"', "edge-Post.author") in edges(source)
    assert ('"Profile":"userId"', '"User":"id"', "edge-Profile.user") in edges(source)


def test_columns_show_type_key_markers_and_default(course):
    label = node_label(diagram(course).source, "Profile")
    assert re.search(r"userId(&#160;)+<FONT[^>]*>Int(&#160;)+</FONT><B>FK UQ", label)
    assert "= autoincrement()" in node_label(diagram(course).source, "User")
    assert "String?" in node_label(diagram(course).source, "User")


def test_the_logical_view_draws_one_many_to_many_edge(course):
    source = diagram(course, detail="keys").source
    assert ('"Account":"id"', '"User":"id"', "edge-Account.users") in edges(source)
    assert '"_AccountToUser" [' not in source  # no join table node (the tooltip may name it)


def test_the_physical_view_draws_the_join_table_with_its_a_and_b_columns(course):
    source = diagram(course, join_tables="physical").source
    label = node_label(source, "_AccountToUser")
    assert "implicit join table" in label and 'STYLE="dashed"' in label
    assert 'PORT="A"' in label and 'PORT="B"' in label
    assert ('"_AccountToUser":"A"', '"Account":"id"', "edge-_AccountToUser.A") in edges(source)
    assert ('"_AccountToUser":"B"', '"User":"id"', "edge-_AccountToUser.B") in edges(source)


def test_an_explicit_join_model_is_drawn_as_one():
    source = diagram(relviz.load(DATA / "course-explicit.prisma")).source
    assert "join model" in node_label(source, "UserAccount")


def test_a_compound_foreign_key_draws_a_line_for_each_column_pair():
    schema = relviz.load(FIXTURES / "relations" / "one_to_one_composite_fk.prisma")
    found = edges(diagram(schema).source)
    assert ('"City":"countryCode"', '"Country":"code"', "edge-City.country") in found
    assert ('"City":"countryRegion"', '"Country":"region"', "edge-City.country-2") in found


@pytest.mark.parametrize(
    "detail, shown, hidden",
    [("tables", [], ["email", "userId"]), ("keys", ["id", "email"], ["name", "posts"]), ("all", ["name", "posts"], [])],
)
def test_detail_levels_choose_the_columns(course, detail, shown, hidden):
    label = node_label(diagram(course, detail=detail).source, "User")
    for port in shown:
        assert f'PORT="{port}"' in label
    for port in hidden:
        assert f'PORT="{port}"' not in label


def test_tables_only_edges_join_whole_tables(course):
    assert ('"Post"', '"User"', "edge-Post.author") in edges(diagram(course, detail="tables").source)


MONGO = (
    'datasource db {\n  provider = "mongodb"\n}\n'
    "type Address {\n  street String\n  geo Geo?\n}\n"
    "type Geo {\n  lat Float\n  lng Float\n}\n"
    "enum Status {\n  OPEN\n  CLOSED\n}\n"
    'model Shop {\n  id String @id @map("_id") @db.ObjectId\n  status Status\n  address Address\n}\n'
)


def test_views_and_composite_types_look_different():
    source = diagram(relviz.parse(MONGO)).source
    assert "composite type" in node_label(source, "type:Address")
    assert ('"Shop":"address"', '"type:Address"', "edge-Shop.address") in edges(source)
    assert ('"type:Address":"geo"', '"type:Geo"', "edge-type:Address.geo") in edges(source)
    calcom = diagram(relviz.load(FIXTURES / "real" / "calcom.prisma"), focus="BookingTimeStatus", depth=0).source
    assert "\u00abview\u00bb" in node_label(calcom, "BookingTimeStatus")


@pytest.mark.parametrize("detail", ["tables", "keys", "all"])
def test_every_line_ends_on_a_drawn_table_and_column(detail):
    schemas = [relviz.parse(MONGO), relviz.load(DATA / "course-explicit.prisma"), relviz.load(FIXTURES / "real" / "calcom.prisma")]
    for schema in schemas:
        figure = diagram(schema, detail=detail, enums=True, join_tables="physical")
        ports = {t.id: {c.port for c in t.columns} for t in figure.scene.tables}
        for link in figure.scene.links:
            assert link.tail in ports and link.head in ports, link
            assert set(link.tail_ports) <= ports[link.tail] and set(link.head_ports) <= ports[link.head], link


def test_enums_are_optional_nodes_linked_from_their_fields():
    schema = relviz.load(DATA / "course-explicit.prisma")
    assert "enum:" not in diagram(schema).source
    source = diagram(schema, enums=True).source
    assert "OWNER" in node_label(source, "enum:Role")
    assert any(head == '"enum:Role"' for _, head, _ in edges(source))


def test_docs_become_tooltips(course):
    assert 'tooltip="A person who uses the app."' in node_label(diagram(course).source, "User")


def test_database_names_replace_prisma_names_on_request():
    schema = relviz.load(FIXTURES / "relations" / "mapped_names.prisma") if (FIXTURES / "relations" / "mapped_names.prisma").exists() else None
    schema = schema or relviz.parse(HEADER + 'model User {\n  id Int @id @map("user_id")\n\n  @@map("users")\n}\n')
    user = next(m for m in schema.models if m.db_name)
    prisma = diagram(schema).source
    database = diagram(schema, db_names=True).source
    assert f"<B>{user.name}</B>" in prisma and f"<B>{user.db_name}</B>" in database
    assert f'"{user.name}" [id="node-{user.name}"' in database  # ids stay Prisma names


def test_direction_theme_and_highlight(course):
    source = diagram(course, direction="TB", theme="dark", highlight="Post.author").source
    assert 'rankdir="TB"' in source and 'bgcolor="#0d1117"' in source
    line = next(l for l in source.splitlines() if 'id="edge-Post.author"' in l)
    assert 'penwidth="2.6"' in line and "label=<<B>PostToUser</B>>" in line
    assert diagram(course, highlight="PostToUser").source == diagram(course, highlight=course.relation("PostToUser")).source


def test_the_same_schema_and_options_give_the_same_source(course):
    assert diagram(course).source == diagram(relviz.load(DATA / "course.prisma")).source


@pytest.mark.parametrize(
    "options, message",
    [
        ({"direction": "RL"}, r"unknown direction: 'RL' \(must be one of \['LR', 'TB'\]\)"),
        ({"theme": "blue"}, "must be one of"),
        ({"detail": "some"}, "must be one of"),
        ({"join_tables": "x"}, "must be one of"),
        ({"depth": -1}, "depth"),
        ({"highlight": "PostToUsr"}, "did you mean 'PostToUser'"),
    ],
)
def test_bad_options_say_what_is_valid(course, options, message):
    with pytest.raises(DiagramOptionError, match=message):
        diagram(course, **options)


def test_tables_without_relations_are_packed_into_rows():
    from relviz.erd.dot import island_rows
    from relviz.erd.scene import Table

    tables = [Table(id=f"T{i}", name=f"T{i}", kind="model") for i in range(9)]
    assert island_rows(tables, []) == [["T0", "T1", "T2"], ["T3", "T4", "T5"], ["T6", "T7", "T8"]]
    assert island_rows(tables[:3], []) == []


def test_tables_around_a_hub_are_staggered_over_three_ranks():
    from relviz.erd.dot import degrees, stagger
    from relviz.erd.scene import Link

    links = [Link(id=f"L{i}", kind="relation", tail=f"T{i}", head="Hub") for i in range(12)]
    lengths = stagger(links, degrees(links))
    assert [lengths.get(f"L{i}", 1) for i in range(6)] == [1, 2, 3, 1, 2, 3]


def test_output_does_not_depend_on_python_hash_seeds():
    import os
    import subprocess
    import sys

    code = (
        "import relviz, sys; from relviz.erd import diagram; "
        f"d = diagram(relviz.load({str(FIXTURES / 'real' / 'calcom.prisma')!r}), detail='all', enums=True, join_tables='physical'); "
        "sys.stdout.write(d.source + d.mermaid() + d.markdown())"
    )
    root = str(Path(__file__).resolve().parents[1])
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": root},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
