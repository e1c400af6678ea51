"""Pytest plugin: a real Neo4j 5.26 Community server (embedded, Bolt on 127.0.0.1) per session.

The jars come from Maven Central through `mvn` (tests/neo4j/pom.xml) into ~/.cache/paperkg, the
launcher tests/neo4j/PaperkgNeo4j.java is compiled there with `javac` (a folder per launcher
source); both are reused between runs. Java 17 and Maven are installed with apt-get when missing
(CI runs on a clean machine). Tests that need the server take the `neo4j_server` (or
`neo4j_settings`, or `neo4j_seeds`: the seeds graph loaded, for tests that only read it) fixture
and are marked `neo4j`; `neo4j_server.serve(home)` serves another Neo4j home (an imported one)
from the same JVM, on a port of its own.
"""

from __future__ import annotations

import hashlib
import os
import re
import select
import shutil
import socket
import subprocess
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from paperkg.core.config import cache_dir

HERE = Path(__file__).resolve().parent / "neo4j"
POM = HERE / "pom.xml"
LAUNCHER = HERE / "PaperkgNeo4j.java"
NEO4J_VERSION = "5.26.0"
CACHE = cache_dir()  # $PAPERKG_CACHE, as for enrich
PASSWORD = "paperkg-test-pw"
START_TIMEOUT = 240.0


@dataclass
class Neo4jServer:
    """A running test server: where it listens and how to log in."""

    uri: str
    user: str
    password: str
    port: int
    home: Path
    process: subprocess.Popen
    parent: Neo4jServer | None = None  # the server whose JVM serves this home too (serve)

    def discard(self) -> None:
        """Kill the server and remove its files (a test server's data is thrown away, so no
        clean shutdown is waited for); a home served by another server's JVM is stopped there,
        its files left."""
        if self.parent is not None:
            if self.process.poll() is None:
                self.parent.command(f"STOP {self.port}", "STOPPED")
            return
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.home, ignore_errors=True)

    def command(self, line: str, expect: str) -> str:
        """Send the launcher one command line (tests/neo4j/PaperkgNeo4j.java) and return its
        answer, which must start with expect (RuntimeError otherwise). Its answer is read line
        by line, skipping anything else the JVM prints (a hung JVM is pytest-timeout's)."""
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        while answer := self.process.stdout.readline():
            if answer.startswith(expect):
                return answer.strip()
            if answer.startswith("FAILED"):
                raise RuntimeError(f"{line!r}: {answer.strip()}")
        raise RuntimeError(f"the Neo4j launcher ended before answering {line!r}")

    def serve(self, home: Path, page_cache_mb: int = 64) -> Neo4jServer:
        """Serve another Neo4j home (e.g. one `neo4j-admin database import` wrote) from this
        server's JVM, on a port of its own with the same login: a warm JVM starts it in a
        fraction of a new server's CPU. `discard()` of what it returns stops that one only,
        and leaves the home's files."""
        port = free_port()
        self.command(f"SERVE {port} {page_cache_mb} {home}", "SERVING")
        return Neo4jServer(f"bolt://127.0.0.1:{port}", self.user, self.password, port, home,
                           self.process, parent=self)

    def stop(self) -> None:
        """Stop the server: close its stdin, then terminate if it lingers."""
        if self.process.poll() is not None:
            return
        try:
            if self.process.stdin:
                self.process.stdin.close()
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _apt_install(*packages: str) -> None:
    """Install Debian packages (the test set-up runs as root on CI)."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages],
                   check=True, env=env, capture_output=True)


def _ensure_tools() -> None:
    """Java 17 (javac) and Maven on PATH, installed with apt-get when missing."""
    missing = [pkg for tool, pkg in (("javac", "openjdk-17-jdk-headless"), ("mvn", "maven"))
               if shutil.which(tool) is None]
    if missing:
        _apt_install(*missing)


def build_launcher(version: str = NEO4J_VERSION) -> Path:
    """Fetch the Neo4j jars (once) and compile the launcher (when its source changed)."""
    from tests.conftest import machine_lock

    with machine_lock():  # one process at a time fetches, compiles or installs the tools
        return _build_launcher(version)


def launcher_classes(home: Path) -> Path:
    """The folder of the launcher compiled from this tree's source, in the install folder home:
    one folder per source, so that checkouts of different launchers sharing the cache (a
    branch and main, run one after the other) do not compile it again each time."""
    digest = hashlib.sha256(LAUNCHER.read_bytes() + POM.read_bytes()).hexdigest()
    return home / f"classes-{digest[:16]}"


def _build_launcher(version: str) -> Path:
    home = CACHE / f"neo4j-{version}"
    lib, classes = home / "lib", launcher_classes(home)
    jars = [lib / f"neo4j-{version}.jar", lib / f"neo4j-bolt-{version}.jar"]
    if not all(jar.exists() for jar in jars):
        _ensure_tools()
        tmp = home / "lib.partial"
        shutil.rmtree(tmp, ignore_errors=True)
        subprocess.run(
            ["mvn", "-q", "-B", "-f", str(POM), f"-Dneo4j.version={version}",
             "dependency:copy-dependencies", f"-DoutputDirectory={tmp}", "-DincludeScope=runtime"],
            check=True, capture_output=True, text=True,
        )
        shutil.rmtree(lib, ignore_errors=True)
        tmp.rename(lib)
    if not (classes / "PaperkgNeo4j.class").exists():
        _ensure_tools()
        tmp = classes.with_name(classes.name + ".partial")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        subprocess.run(["javac", "-cp", f"{lib}/*", "-d", str(tmp), str(LAUNCHER)],
                       check=True, capture_output=True, text=True)
        shutil.rmtree(classes, ignore_errors=True)
        tmp.rename(classes)
    return home


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(heap: str = "1g", password: str = PASSWORD, quick_jit: bool = True,
                 page_cache_mb: int = 512, config: dict[str, str] | None = None,
                 home: Path | None = None) -> Neo4jServer:
    """Start the launcher on a free port and wait until it says READY (config: further server
    settings by name, e.g. {"db.tx_state.memory_allocation": "OFF_HEAP"}, for benchmarks;
    home: an existing Neo4j home to serve, e.g. one `neo4j-admin database import` wrote; its
    files are left where they are). quick_jit (the tests' servers): C1 only and the serial
    collector, which start in less CPU (docs/testing.md); the benches' servers
    (quick_jit=False) keep the full JIT and the parallel collector."""
    install = build_launcher()
    data = Path(tempfile.mkdtemp(prefix="paperkg-neo4j-"))
    port = free_port()
    extra = []
    if config:
        conf = data / "extra.conf"
        conf.write_text("".join(f"{k}={v}\n" for k, v in config.items()), encoding="utf-8")
        extra = [str(conf)]
    log = open(data / "launcher.log", "w")  # noqa: SIM115 - lives as long as the server
    java = shutil.which("java") or "java"
    proc = subprocess.Popen(
        [java, f"-Xmx{heap}",
         *(["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"] if quick_jit
           else ["-XX:+UseParallelGC"]), "-cp",
         f"{install / 'lib'}/*:{launcher_classes(install)}", "PaperkgNeo4j",
         str(home or data / "home"), str(port), password, str(page_cache_mb), *extra],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
    )
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if proc.poll() is not None:
            log.close()
            raise RuntimeError(f"Neo4j launcher exited with {proc.returncode}: "
                               f"{(data / 'launcher.log').read_text()[-2000:]}")
        left = deadline - time.monotonic()
        if left <= 0:
            proc.kill()
            raise RuntimeError(f"Neo4j did not start in {START_TIMEOUT:.0f}s")
        ready, _, _ = select.select([proc.stdout], [], [], min(left, 1.0))
        if ready and proc.stdout.readline().startswith("READY"):
            break
    return Neo4jServer(f"bolt://127.0.0.1:{port}", "neo4j", password, port, data, proc)


_early: list[Future] = []  # the server started in the background at collection
_running: list[Neo4jServer] = []  # the session server, once a test took it
_last_user: list[str] = []  # the node id of the session's last test that needs the server
_seeds_loaded: list = []  # the seeds graph's load report, while the server holds just that graph


def _needs_server(item: pytest.Item) -> bool:
    return "neo4j_server" in getattr(item, "fixturenames", ())


def _xdist_worker(config) -> str | None:
    """The id of this pytest-xdist worker (`pytest -n N`: gw0, gw1, ...), None outside one."""
    return getattr(config, "workerinput", {}).get("workerid")


def _reads_seeds(item: pytest.Item) -> bool:
    return "neo4j_seeds" in getattr(item, "fixturenames", ())


def _seeds_order(item: pytest.Item) -> int:
    """0 for a test that only reads the loaded seeds graph, 1 for one that changes it, else 2."""
    names = getattr(item, "fixturenames", ())
    return 2 if "neo4j_seeds" not in names else int("neo4j_seeds_changed" in names)


def pytest_collection_modifyitems(session, config, items):
    """Run the modules that use the Neo4j server last (module order otherwise kept), so that the
    server's start-up in the background overlaps the other tests; among them, the tests that
    only read the loaded seeds graph (`neo4j_seeds`) first, one after another, then those that
    change it (`neo4j_seeds_changed`), so that they share one load of it."""
    late = {getattr(item, "module", None) for item in items if _needs_server(item)}
    items.sort(key=lambda item: (getattr(item, "module", None) in late, _seeds_order(item)))


def pytest_collection_finish(session):
    """Start the server in a background thread as soon as a collected test needs it (under
    `pytest -n N` only in worker gw0, which the scheduler below gives the Neo4j modules)."""
    users = [item.nodeid for item in session.items if _needs_server(item)]
    _last_user[:] = users[-1:]
    if session.config.option.collectonly or _xdist_worker(session.config) not in (None, "gw0"):
        return
    if not _early and any(_needs_server(item) for item in session.items):
        pool = ThreadPoolExecutor(1, thread_name_prefix="neo4j-start")
        _early.append(pool.submit(start_server))
        pool.shutdown(wait=False)


def pytest_runtest_setup(item):
    """A test that takes the server but not `neo4j_seeds` may write to it: the seeds graph
    loaded for the readers is no longer trusted (the next reader loads it again)."""
    if _needs_server(item) and not _reads_seeds(item):
        _seeds_loaded.clear()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """Stop the session server after the last test that needs it (the Neo4j modules run as one
    unit, early on gw0 under `pytest -n N`), not at the session's end: it idles meanwhile."""
    if _running and _last_user and item.nodeid == _last_user[0] and (
            nextitem is None or not _needs_server(nextitem)):
        _running.pop().discard()


def pytest_sessionfinish(session):
    """Stop a background-started server that no test took (e.g. after -x stopped early)."""
    while _early:
        future = _early.pop()
        if future.exception() is None:  # waits for a start still under way
            future.result().discard()


NEO4J_UNIT = "neo4j"  # the xdist unit of work that holds every module using the server
_NEO4J_SOURCE = re.compile(r"\bneo4j_(?:server|settings|seeds(?:_changed)?)\b|\bmark\.neo4j\b")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`pytest -n N` (pytest-xdist): each test module is one unit of work for one worker (its
    module fixtures are made once), all the modules that use Neo4j are one unit, which goes to
    worker gw0 (the one that starts the server at collection) after its first module, and the
    larger modules (by source size) go first so that no large one is left for the end."""
    if config.getoption("dist") not in ("load", "loadfile", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    root = config.rootpath
    sizes: dict[str, int] = {}

    def module_size(path: str) -> int:
        if path not in sizes:
            try:
                sizes[path] = len((root / path).read_bytes())
            except OSError:
                sizes[path] = 0
        return sizes[path]

    class ByModule(LoadScopeScheduling):
        """Units of whole modules (the Neo4j ones together), larger first, Neo4j on gw0."""

        _ordered = False
        _neo4j_modules: dict[str, bool] = {}

        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            if path not in self._neo4j_modules:  # read from the source: no fixtures here
                try:
                    text = (root / path).read_text(encoding="utf-8", errors="replace")
                except OSError:
                    text = ""
                self._neo4j_modules[path] = bool(_NEO4J_SOURCE.search(text))
            return NEO4J_UNIT if self._neo4j_modules[path] else path

        def _cost(self, scope: str) -> int:
            if scope == NEO4J_UNIT:
                return sum(module_size(p) for p, yes in self._neo4j_modules.items() if yes)
            return module_size(scope)

        def _assign_work_unit(self, node) -> None:
            if not self._ordered:
                for scope in sorted(self.workqueue, key=self._cost):
                    self.workqueue.move_to_end(scope, last=False)
                self._ordered = True
            mine = getattr(node, "workerinput", {}).get("workerid") == "gw0"
            others = [s for s in self.workqueue if s != NEO4J_UNIT]
            if NEO4J_UNIT in self.workqueue and (
                    not others or (mine and self.assigned_work.get(node))):
                self.workqueue.move_to_end(NEO4J_UNIT, last=False)
            elif others:
                self.workqueue.move_to_end(others[0], last=False)
            super()._assign_work_unit(node)

    return ByModule(config, log)


@pytest.fixture(scope="session")
def neo4j_server():
    """One real Neo4j 5 server for the whole test session (started at collection, see above)."""
    server = _early.pop().result() if _early else start_server()
    _running.append(server)
    try:
        yield server
    finally:
        server.discard()
        _running.clear()


@pytest.fixture()
def neo4j_settings(neo4j_server):
    """Settings for the session server, with its default database emptied first."""
    from paperkg.graph.neo4j_store import Neo4jSettings, clear

    settings = Neo4jSettings(neo4j_server.uri, neo4j_server.user, neo4j_server.password, "neo4j")
    clear(settings)
    return settings


@pytest.fixture()
def neo4j_seeds(neo4j_server, seeds_graph):
    """Settings for the session server holding exactly the seeds graph, as `load_neo4j` stores it
    in an emptied database; loaded once for the tests that take this fixture, which run one
    after another and only read it (a test that takes the server without it, or node and
    relationship counts that differ from the graph's, make the next reader load it again)."""
    from paperkg.graph.neo4j_store import Neo4jSettings, clear, load_neo4j, run_cypher

    settings = Neo4jSettings(neo4j_server.uri, neo4j_server.user, neo4j_server.password, "neo4j")
    want = [seeds_graph.number_of_nodes(), seeds_graph.number_of_edges()]
    if _seeds_loaded:
        _, rows = run_cypher("RETURN COUNT { MATCH (n) }, COUNT { MATCH ()-[r]->() }", {},
                             settings)
        if [list(r) for r in rows] != [want]:
            _seeds_loaded.clear()
    if not _seeds_loaded:
        clear(settings)
        report = load_neo4j(seeds_graph, settings)
        assert [report.nodes_created, report.relationships_created] == want
        _seeds_loaded.append(report)
    return settings


@pytest.fixture()
def neo4j_seeds_report(neo4j_seeds):
    """(settings, report): `neo4j_seeds`, and the report of the `load_neo4j` that put the seeds
    graph into the emptied database it holds now (made for an earlier reader, or for this one)."""
    return neo4j_seeds, _seeds_loaded[0]


@pytest.fixture()
def neo4j_seeds_changed(neo4j_seeds):
    """`neo4j_seeds` for a test that changes the loaded graph (run after the readers): the next
    test that takes `neo4j_seeds` loads it again."""
    yield neo4j_seeds
    _seeds_loaded.clear()


@pytest.fixture(scope="session")
def seeds_graph(seeds_built):
    """The graph of the real seed listings: the run's seeds build (conftest.seeds_built, made
    once per run) read back from this worker's copy of its store. A built store reads back as
    exactly the graph build_graph_from_paths makes of the same listings (every node, edge and
    property: test_graph_build.py checks it on the examples), so the seeds are extracted once
    per run, not twice."""
    from paperkg.graph.ladybug_store import load_graph

    return load_graph(seeds_built[0])


@pytest.fixture(scope="session")
def seeds_store(seeds_graph, tmp_path_factory):
    """The seeds graph written to an embedded store file (this worker's own copy)."""
    from paperkg.graph.ladybug_store import write_graph
    from tests.conftest import made_once

    made = made_once(tmp_path_factory, "seeds-store-once",
                     lambda folder: write_graph(seeds_graph, folder / "seeds.lbug"))
    path = tmp_path_factory.mktemp("seeds-store") / "seeds.lbug"
    shutil.copyfile(made / "seeds.lbug", path)  # the workers never open the same store
    return path
