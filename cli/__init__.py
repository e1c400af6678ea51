"""The `paperkg` command: a lazy click group over one module per verb (the only click code)."""

from __future__ import annotations

import errno
import importlib
import io
import os
import sys

import click

from paperkg import __version__

# The one registry of verbs: name -> ("module:click command", one-line help). Each verb lives in
# its own module of this package (paperkg/cli/<verb>.py); add a verb with one line here.
COMMANDS = {
    "build": ("paperkg.cli.build:build_cmd", "Read listings, extract, and write the graph."),
    "query": ("paperkg.cli.query:query_cmd", "Run a Cypher query on the embedded store."),
    "stats": ("paperkg.cli.stats:stats_cmd", "Count nodes and relationships by type."),
    "extract": ("paperkg.cli.extract:extract_cmd", "Extract entities, print JSONL."),
    "eval": ("paperkg.cli.eval:eval_cmd", "Score extraction against gold."),
    "train": ("paperkg.cli.train:train_cmd", "Train the learned extraction model."),
    "load": ("paperkg.cli.load:load_cmd", "Load the graph into Neo4j over Bolt."),
    "ask": ("paperkg.cli.ask:ask_cmd", "Run a named query from the library."),
    "export": ("paperkg.cli.export:export_cmd", "Export RDF, GraphML or CSV."),
    "sparql": ("paperkg.cli.sparql:sparql_cmd", "Run SPARQL over the graph as RDF."),
    "viz": ("paperkg.cli.viz:viz_cmd", "Draw a subgraph as offline HTML."),
    "enrich": ("paperkg.cli.enrich:enrich_cmd", "Add metadata from OpenAlex/S2."),
    "rank": ("paperkg.cli.rank:rank_cmd", "Rank papers and entities."),
    "leaderboard": ("paperkg.cli.leaderboard:leaderboard_cmd",
                    "Results on a benchmark, best first."),
    "results": ("paperkg.cli.leaderboard:results_cmd", "The results a paper reports."),
    "serve": ("paperkg.cli.serve:serve_cmd", "Browse the graph locally; SPARQL endpoint."),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             **extra):
        """Run and exit with paperkg's codes (see `run`); standalone_mode=False is click's."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        self._main_shell_completion(extra, prog_name or "paperkg", complete_var)  # exits if asked
        sys.exit(run(self, args, prog_name or "paperkg", **extra))

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every verb, in the order of COMMANDS."""
        return list(COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List verbs from the static table, without importing their modules."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, help_) in COMMANDS.items()])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """Import and return the command called name."""
        if name not in COMMANDS:
            return None
        module, _, attr = COMMANDS[name][0].partition(":")
        return getattr(importlib.import_module(module), attr)


EPILOG = """\b
Exit codes: 0 done, 1 error (one line; PAPERKG_DEBUG=1 shows the traceback of
an unexpected one), 2 usage or refused input, 3 nothing to draw, 130 interrupted,
143 stopped by SIGTERM.
Environment: PAPERKG_DB (store), PAPERKG_CACHE (enrich cache), NEO4J_URI,
NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE."""


@click.group(cls=LazyGroup, epilog=EPILOG,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="paperkg")
def cli() -> None:
    """Turn paper listings into a citation and metadata knowledge graph.

    Build a graph from Hugging Face listings, JSON or JSON Lines into the embedded store
    (LadybugDB, ./paperkg.lbug), then query it with Cypher, load it into Neo4j, export RDF,
    and draw focused subgraphs as offline HTML.
    """


def main(argv: list[str] | None = None) -> None:
    """Run the CLI (the `paperkg` entry point); exits with the codes `run` documents. As the
    process's entry point (no argv given) it ends the process without the interpreter's
    teardown (see _end_process)."""
    _stop_on_signals()
    if argv is not None:  # called in-process: exits by SystemExit, as click does
        cli.main(args=argv, prog_name="paperkg")
        return
    from paperkg.core.ending import set_ends_by_exit

    set_ends_by_exit()  # what a step leaves at its end is left to the exit (core/ending.py)
    try:
        cli.main(args=None, prog_name="paperkg")
    except SystemExit as exc:
        _end_process(exc.code)
        raise


def _end_process(code: object) -> None:
    """End the process now with `code` once the exit handlers have run and stdout and stderr
    are flushed, skipping the interpreter's teardown: freeing every module and what they hold
    (spaCy, the engine, a build's caches) took about 0.5 CPU s after adding 500 papers to a
    100,000-paper store, for a process that is ending. Returns (the normal exit follows) when
    a thread other than the main one would still be waited for, or the code is not a number."""
    import atexit
    import threading

    if code is None:
        code = 0
    if not isinstance(code, int) or any(
            t is not threading.main_thread() and not t.daemon and t.is_alive()
            for t in threading.enumerate()):
        return
    atexit._run_exitfuncs()  # what a normal exit runs first: multiprocessing's, temp files'
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            if stream is sys.stdout:
                _silence_stdout()  # the reader went away (`| head`): not an error
    os._exit(code & 0xFF)


def _stop_on_signals() -> None:
    """SIGINT and SIGTERM stop paperkg through its clean-up paths (staged files removed).

    A shell starts background commands with SIGINT ignored, and Python keeps it ignored then;
    an explicit `kill -INT` should still stop a long build or export, so the handler is set.
    """
    import signal

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, terminate)


def run(group: click.Group, args: list[str] | None, prog_name: str, **extra) -> int:
    """Run the group on args; user errors and crashes become one line on stderr and an exit
    code (0 ok, 1 error, 2 usage or refused input, 3 nothing to draw, 130 interrupted)."""
    from paperkg.core.config import debug
    from paperkg.core.errors import UserError

    args = sys.argv[1:] if args is None else list(args)
    try:
        with group.make_context(prog_name, args, **extra) as ctx:
            rv = group.invoke(ctx)
        return rv if isinstance(rv, int) else 0
    except click.exceptions.Exit as exc:  # --help, --version
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("paperkg: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except UserError as exc:
        click.echo(f"paperkg: error: {exc}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("paperkg: interrupted", err=True)
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            return _crash(exc, debug())
        _silence_stdout()  # the reader went away (`| head`): that is not an error
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        return _crash(exc, debug())


def _crash(exc: Exception, debug: bool) -> int:
    """One line for an unexpected error (the traceback with PAPERKG_DEBUG set)."""
    if debug:
        raise exc
    msg = str(exc).splitlines()[0] if str(exc) else ""
    click.echo(f"paperkg: error: {type(exc).__name__}: {msg} (set PAPERKG_DEBUG=1 for a "
               "traceback)", err=True)
    return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass
