"""`paperkg export --format neo4j-import`: files Neo4j's offline loader takes, checked by reading
them back against the graph, and by the real `neo4j-admin database import full` (the Neo4j 5.26
jars of tests/neo4j_server.py)."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from paperkg.core.errors import UserError
from paperkg.graph import schema as S
from paperkg.graph.export import export
from paperkg.graph.neo4j_import import (
    ARRAY_DELIMITER,
    IMPORT_TYPE,
    file_members,
    file_of,
    node_header,
    rel_header,
    write_import_files,
)
from tests.conftest import run_cli

_HEADER = re.compile(
    r"^(?:[a-z_]+(?::(?:long|double|boolean|string\[\]))?|:ID|:START_ID|:END_ID|:LABEL|:TYPE)$")


def neo4j_admin_import(folder: Path, home: Path,
                       install: Path | None = None) -> subprocess.CompletedProcess:
    """Run the folder's import.sh, as a user runs it, into a new Neo4j home: its
    `bin/neo4j-admin` starts Neo4j's own launcher (which starts the import in a JVM of its own)
    from the jars of tests/neo4j_server.py (install: `build_launcher()`'s folder, fetched here
    when not given), as the distribution's script does."""
    from tests.neo4j_server import build_launcher

    install = install or build_launcher()
    for sub in ("conf", "plugins", "bin"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "lib").symlink_to(install / "lib")
    java = shutil.which("java") or "java"
    admin = home / "bin" / "neo4j-admin"
    admin.write_text('#!/bin/sh\nexec "$JAVA" -cp "$NEO4J_HOME/lib/*" -Dbasedir="$NEO4J_HOME" '
                     'org.neo4j.server.startup.Neo4jAdminCommand "$@"\n', encoding="utf-8")
    admin.chmod(0o755)
    return subprocess.run(
        ["sh", str(folder / "import.sh")],
        env={"NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf"), "JAVA": java,
             "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def awkward(seeds_graph) -> nx.MultiDiGraph:
    return _awkward_graph(seeds_graph)


@pytest.fixture(scope="module")
def exported(awkward, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("neo4j-import") / "kg-import"
    result = export("neo4j-import", folder, graph=awkward)
    assert result.nodes == awkward.number_of_nodes()
    assert result.edges == awkward.number_of_edges()
    return folder


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def test_headers_come_from_the_schema(exported):
    for f in (exported / "nodes").rglob("*.csv"):
        header, _ = _read(f)
        members = f.stem.split("-")
        assert header == ([":LABEL"] if len(members) > 1 else []) + node_header(members[0])
        assert all(_HEADER.match(h) for h in header), header
        assert header[-len(node_header(members[0])):][:2] == [":ID", "id"]
    for f in (exported / "relationships").rglob("*.csv"):
        members = f.stem.split("-")
        header, _ = _read(f)
        assert header == ([":TYPE"] if len(members) > 1 else []) + rel_header(members[0], "", "")
        assert all(_HEADER.match(h) for h in header), header
    assert set(IMPORT_TYPE) >= {p.type for nt in S.NODE_TYPES.values() for p in nt.props}


def test_labels_and_types_with_the_same_columns_share_a_file():
    """The loader samples the first MiB of every file on one thread before it imports, so
    labels (types) whose columns are the same share one file, named by them in schema order;
    every other label (type) has a file of its own."""
    for kind, names, header in (("nodes", S.NODE_TYPES, node_header),
                                ("relationships", S.REL_TYPES, lambda r: rel_header(r, "", ""))):
        members = file_members(kind)
        assert set(members) == set(names)
        for name in names:
            assert name in members[name] and list(members[name]) == \
                [n for n in names if header(n) == header(name)]
            path, _ = file_of(kind, name)
            assert path == f"{kind}/{'-'.join(members[name])}.csv"
    assert len(file_members("nodes")[S.METHOD]) > 1 and file_members("nodes")[S.PAPER] == (S.PAPER,)
    assert file_of("relationships", S.CITES) == ("relationships/CITES.csv",
                                                 rel_header(S.CITES, "", ""))


def test_files_hold_the_whole_graph_and_every_end_exists(exported, awkward):
    ids: dict[str, set[str]] = {}
    numbers: dict[str, str] = {}  # node number -> node key
    for f in sorted((exported / "nodes").rglob("*.csv")):
        header, rows = _read(f)
        shared = header[0] == ":LABEL"  # a file of several labels: each row names its own
        for r in rows:
            label, r = (r[0], r[1:]) if shared else (f.stem, r)
            assert label in f.stem.split("-")
            assert r[1] not in ids.setdefault(label, set())  # one row per node
            ids[label].add(r[1])
            numbers[r[0]] = S.node_key(label, r[1])
    labels = Counter(d["label"] for _, d in awkward.nodes(data=True))
    assert {k: len(v) for k, v in ids.items()} == {k: n for k, n in labels.items() if n}
    assert sorted(map(int, numbers)) == list(range(awkward.number_of_nodes()))
    ends: Counter = Counter()
    for f in (exported / "relationships").rglob("*.csv"):
        header, rows = _read(f)
        for r in rows:
            rel, r = (r[0], r[1:]) if header[0] == ":TYPE" else (f.stem, r)
            assert rel in f.stem.split("-")
            u, v = numbers[r[0]], numbers[r[1]]
            assert (S.split_key(u)[0], S.split_key(v)[0]) in S.REL_TYPES[rel].pairs, f.name
            ends[(u, v, rel)] += 1
    assert ends == Counter((u, v, d["type"]) for u, v, d in awkward.edges(data=True))
    # rows with a line break are in files of their own, which alone are parsed as multi-line
    assert sorted(f.relative_to(exported).as_posix() for f in exported.rglob("multiline/*")) \
        == ["nodes/multiline/Paper.csv", "relationships/multiline/CITES.csv"]
    assert "--multiline-fields=nodes/multiline/Paper.csv,relationships/multiline/CITES.csv" \
        in (exported / "import.sh").read_text()


def test_values_are_typed_and_lists_split(exported, seeds_graph):
    header, rows = _read(exported / file_of("nodes", S.METHOD)[0])
    col = header.index("aliases:string[]")
    row = dict(zip(header, next(r for r in rows if r[0] == S.METHOD and ARRAY_DELIMITER in r[col]),
                   strict=True))
    node = seeds_graph.nodes[S.node_key(S.METHOD, row["id"])]
    assert row["aliases:string[]"].split(ARRAY_DELIMITER) == node["aliases"]
    assert row["paper_count:long"] == str(node["paper_count"])
    script = (exported / "import.sh").read_text()
    assert "database import full" in script and "--nodes=Paper=nodes/Paper.csv" in script
    assert f"--nodes={file_of('nodes', S.METHOD)[0]} " in script  # the rows name their labels
    assert "--id-type=actual" in script
    assert "CREATE CONSTRAINT paper_id_unique" in (exported / "schema.cypher").read_text()


def test_refuses_an_existing_folder_and_stdout(exported, seeds_graph, tmp_path):
    with pytest.raises(UserError, match="already exists"):
        export("neo4j-import", exported, graph=seeds_graph)
    ran = run_cli("export", "--format", "neo4j-import", "-o", "-", "--db", tmp_path / "x.lbug")
    assert ran.returncode != 0 and "folder" in ran.stderr


def _awkward_graph(seeds_graph) -> nx.MultiDiGraph:
    """The seeds graph plus values CSV makes hard: line breaks, quotes, delimiters, empty text
    and lists, a formula-looking title, small and large floats."""
    G = seeds_graph.copy()
    a, b = S.node_key(S.PAPER, "awkward-a"), S.node_key(S.PAPER, "awkward-b")
    G.add_node(a, label=S.PAPER, id="awkward-a", title='line one\nline "two", and\r\nthree',
               abstract="", authors=3, author_names=["Doe; J.", 'O"Brien', "x\ny"])
    G.add_node(b, label=S.PAPER, id="awkward-b", title="=SUM(A1) ; Über ∑", author_names=[])
    m = S.node_key(S.METHOD, "awk;ward")
    G.add_node(m, label=S.METHOD, id="awk;ward", name="Awk, \"ward\"", aliases=["a;b", ""],
               paper_count=1)
    G.add_edge(a, b, key=f"{S.CITES}|inferred", type=S.CITES, source="inferred",
               evidence="cites\nacross lines", confidence=1e-7, temporal_conflict=True)
    G.add_edge(a, m, key=S.USES, type=S.USES, evidence="", confidence=123456789.125,
               char_start=0, char_end=5)
    return G


@pytest.mark.neo4j
def test_imported_database_holds_exactly_the_graph(exported, awkward, neo4j_server, tmp_path):
    """The files imported by the real neo4j-admin, then served by Neo4j (the session server's
    JVM serves the imported home too, on a port of its own: Community serves one user database
    per server): every node, relationship and property as the graph has it (as the UNWIND
    loader stores it), except that an empty list is not stored (the importer cannot store an
    empty array)."""
    from paperkg.graph.neo4j_store import Neo4jSettings
    from tests.test_neo4j import _contents, _expected

    G = awkward
    done = neo4j_admin_import(exported, tmp_path / "home")
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert f"{G.number_of_nodes()} nodes" in done.stdout
    assert f"{G.number_of_edges()} relationships" in done.stdout
    server = neo4j_server.serve(tmp_path / "home")
    assert server.uri != neo4j_server.uri
    try:
        got = _contents(Neo4jSettings(server.uri, server.user, server.password, "neo4j"))
    finally:
        server.discard()
    want_nodes, want_rels = _expected(G)
    for node in want_nodes.values():
        node.update({k: None for k, v in node.items() if v == []})
    assert got[0] == want_nodes
    assert got[1] == want_rels


def test_files_from_a_store_are_the_files_of_its_graph(seeds_store, tmp_path):
    """`paperkg export --format neo4j-import --db` reads the store's columns without building
    the graph: the same files, byte for byte, as from the graph the store reads back."""
    from paperkg.graph.ladybug_store import load_graph

    db = seeds_store
    export("neo4j-import", tmp_path / "from-store", db=db)
    write_import_files(load_graph(db), tmp_path / "from-graph")
    listing = sorted(f.relative_to(tmp_path / "from-graph")
                     for f in (tmp_path / "from-graph").rglob("*") if f.is_file())
    assert listing == sorted(f.relative_to(tmp_path / "from-store")
                             for f in (tmp_path / "from-store").rglob("*") if f.is_file())
    assert len(listing) > 10
    for f in listing:
        assert (tmp_path / "from-store" / f).read_bytes() == \
            (tmp_path / "from-graph" / f).read_bytes(), f


def test_a_large_multiline_file_makes_every_file_multiline():
    """Neo4j 5.26's per-file (v2) multi-line parser fails past its 4 MiB read buffer: above
    MULTILINE_V2_BYTES import.sh asks for the old whole-import multi-line parsing instead."""
    from paperkg.graph.neo4j_import import MULTILINE_V2_BYTES, ImportFiles, _command

    files = ImportFiles("kg", {"nodes/Paper.csv": 2, "nodes/multiline/Paper.csv": 1}, {},
                        ["nodes/multiline/Paper.csv"], 1000)
    assert "--multiline-fields-format=v2 --multiline-fields=nodes/multiline/Paper.csv" \
        in _command(files, "neo4j")
    files.multiline_bytes = MULTILINE_V2_BYTES + 1
    script = _command(files, "neo4j")
    assert "--multiline-fields=true" in script and "v2" not in script
    assert script.count("--nodes=Paper=") == 2


def test_the_small_read_buffer_only_when_every_row_and_multiline_file_fits():
    """import.sh asks for the 1 MiB read buffer (the loader's estimate before the import parses
    less) only while the longest row and the multi-line files fit in it with room to spare;
    otherwise the loader's default, and v2 multi-line parsing up to that default's limit."""
    from paperkg.graph.neo4j_import import (
        MULTILINE_V2_BYTES,
        SMALL_BUFFER_MULTILINE_BYTES,
        SMALL_BUFFER_ROW_BYTES,
        SMALL_READ_BUFFER,
        ImportFiles,
        _command,
    )

    small = f"--read-buffer-size={SMALL_READ_BUFFER}"
    files = ImportFiles("kg", {"nodes/Paper.csv": 2, "nodes/multiline/Paper.csv": 1}, {},
                        ["nodes/multiline/Paper.csv"], 1000, row_bytes=5000)
    assert small in _command(files, "neo4j")
    files.row_bytes = SMALL_BUFFER_ROW_BYTES + 1
    assert "--read-buffer-size" not in _command(files, "neo4j")
    files.row_bytes, files.multiline_bytes = 5000, SMALL_BUFFER_MULTILINE_BYTES + 1
    script = _command(files, "neo4j")
    assert "--read-buffer-size" not in script and "--multiline-fields-format=v2" in script
    assert SMALL_BUFFER_MULTILINE_BYTES < SMALL_READ_BUFFER < MULTILINE_V2_BYTES


def test_the_row_bound_holds_every_written_row(awkward, tmp_path):
    """files.row_bytes is at least the bytes of every line written (quotes doubled, long text),
    and the files of a small graph take the small read buffer."""
    from paperkg.graph.neo4j_import import SMALL_READ_BUFFER

    G = awkward.copy()
    key = S.node_key(S.PAPER, "long-quoted")
    G.add_node(key, label=S.PAPER, id="long-quoted", title='"' * 3000, abstract="ab " * 20000)
    files = write_import_files(G, tmp_path / "kg")
    longest = max(len(line) for f in (tmp_path / "kg").rglob("*.csv")
                  for line in f.read_bytes().splitlines())
    assert 60000 < longest <= files.row_bytes
    assert f"--read-buffer-size={SMALL_READ_BUFFER}" in (tmp_path / "kg" / "import.sh").read_text()


def test_tables_read_ahead_in_order_with_errors_and_early_stops():
    """`_read_ahead` yields the tables in their order, raises the reader's error in the
    caller, and closes the source when the caller stops early."""
    from paperkg.graph.neo4j_import import _read_ahead

    assert list(_read_ahead(iter(range(5)))) == [0, 1, 2, 3, 4]

    def failing():
        yield 1
        raise UserError("store went away")

    got = []
    with pytest.raises(UserError, match="went away"):
        for item in _read_ahead(failing()):
            got.append(item)
    assert got == [1]
    closed = []

    def endless():
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.append(True)

    ahead = _read_ahead(endless())
    assert next(ahead) == 0 and next(ahead) == 1
    ahead.close()
    assert closed == [True]


def test_the_quick_line_break_test_sees_every_slice_of_a_column():
    """`_any_break` scans a text column's bytes a slice at a time: a break in the last slice of
    a later chunk counts, a column without one does not."""
    import pyarrow as pa

    from paperkg.graph.neo4j_import import _SCAN_BYTES, _any_break

    long_text = "x" * (_SCAN_BYTES + 17)
    clean = pa.chunked_array([pa.array(["a", long_text]), pa.array([long_text, "b", None])])
    assert not _any_break(clean)
    for brk in ("\n", "\r"):
        late = pa.chunked_array([pa.array(["a"]), pa.array([long_text, long_text + brk])])
        assert _any_break(late)


def test_files_are_written_with_jemalloc_and_the_default_pool_comes_back(
        awkward, tmp_path, monkeypatch):
    """While the files are written, Arrow allocates from jemalloc (where pyarrow has it and the
    user chose no pool with ARROW_DEFAULT_MEMORY_POOL); the default pool is back afterwards,
    also after an error, and the bytes are those written with the user's pool."""
    import pyarrow as pa

    from paperkg.graph.neo4j_import import _files_pool, _write_folder

    try:
        pa.jemalloc_memory_pool()
    except NotImplementedError:
        pytest.skip("this pyarrow has no jemalloc")
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    default = pa.default_memory_pool().backend_name
    seen = []

    def tables():
        seen.append(pa.default_memory_pool().backend_name)
        columns = len(S.NODE_TYPES[S.SOURCE].props)
        yield (S.SOURCE,), pa.table({f"c{i}": ["x"] for i in range(columns)})
        raise RuntimeError("a read failed")

    with pytest.raises(RuntimeError, match="a read failed"):
        _write_folder(tmp_path / "failed", "neo4j", tables())
    assert seen == ["jemalloc"] and pa.default_memory_pool().backend_name == default
    assert not (tmp_path / "failed").exists()
    write_import_files(awkward, tmp_path / "jemalloc")
    assert pa.default_memory_pool().backend_name == default
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
    assert _files_pool() is None
    write_import_files(awkward, tmp_path / "users")
    listing = sorted(f.relative_to(tmp_path / "users")
                     for f in (tmp_path / "users").rglob("*") if f.is_file())
    for f in listing:
        assert (tmp_path / "jemalloc" / f).read_bytes() == (tmp_path / "users" / f).read_bytes()
