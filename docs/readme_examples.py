"""Run the README's console examples in a scratch copy of the tree and compare their output.

    python docs/readme_examples.py            # print a unified diff per drifted command, exit 1
    python docs/readme_examples.py --write    # rewrite the README's outputs in place

Every ```console block of the README is a list of `$ ` commands, each followed by its output.
The commands run in order, all blocks sharing one scratch directory (a copy of the tracked and
untracked-but-not-ignored working files, with `../shared` beside it), so nothing is written in
the checkout. `paperkg ...` runs as `python -m paperkg ...` on the copy; other lines run in bash.
What legitimately varies (durations, the served port, the scratch paths) is normalised: see
docs/testing.md, "The README's console examples".
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 100  # the terminal width the README's tables are drawn at
FENCE = "```console"
PROMPT = "$ "
# first words a README command may start with (anything else is refused, not run)
ALLOWED = frozenset({"paperkg", "cat", "ls", "head", "tail", "wc", "grep", "sort", "curl",
                     "zcat", "echo", "du"})
SERVE = re.compile(r"^paperkg\s+serve\b")
PORT_OPTION = re.compile(r"\s(?:--port|-p)[ =](\d+)")
DEFAULT_PORT = 8000  # `paperkg serve`'s default (cli/serve.py)
# compared as equal when only these differ (the README keeps its own text for them)
VARIES = (
    (re.compile(r"\b\d+\.\d+ (m?s)\b"), r"<t> \1"),         # durations: "in 0.12 s", "rdf 0.9 s"
    (re.compile(r'"ms": ?\d+(?:\.\d+)?'), '"ms":<t>'),   # the search API's own timing
)


@dataclass
class Command:
    """One `$ ` command of a console block, with the output the README shows for it."""

    line: int                 # index of its `$ ` line in the README's lines
    text: str                 # the command (continuation lines joined), without the prompt
    output: list[str]         # the README's output lines
    span: int = 1             # README lines the command itself takes (continuations)


@dataclass
class Block:
    """A ```console block: its fence lines and its commands."""

    start: int                # index of the opening fence
    end: int                  # index of the closing fence
    commands: list[Command] = field(default_factory=list)


def parse(text: str) -> list[Block]:
    """The console blocks of a Markdown text, each with its commands and their outputs."""
    lines = text.split("\n")
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != FENCE:
            i += 1
            continue
        block = Block(start=i, end=-1)
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            line = lines[j]
            if line.startswith(PROMPT):
                first, span, cmd = j, 1, line[len(PROMPT):]
                while cmd.endswith("\\") and j + 1 < len(lines):
                    j += 1
                    span += 1
                    cmd = cmd[:-1] + "\n" + lines[j]
                block.commands.append(Command(line=first, text=cmd, output=[], span=span))
            elif block.commands:
                block.commands[-1].output.append(line)
            else:
                raise ValueError(f"line {j + 1}: console block output before any `$ ` command")
            j += 1
        if j >= len(lines):
            raise ValueError(f"line {i + 1}: console block never closed")
        block.end = j
        blocks.append(block)
        i = j + 1
    return blocks


def commands(blocks: list[Block]) -> list[Command]:
    """Every command of the blocks, in README order."""
    return [c for b in blocks for c in b.commands]


def render(text: str, outputs: dict[int, list[str]]) -> str:
    """The text with the output of each command (by its line) replaced."""
    lines = text.split("\n")
    for cmd in sorted(commands(parse(text)), key=lambda c: c.line, reverse=True):
        if cmd.line in outputs:
            first = cmd.line + cmd.span
            lines[first:first + len(cmd.output)] = outputs[cmd.line]
    return "\n".join(lines)


def normalise(lines: list[str]) -> list[str]:
    """Lines with what legitimately varies (durations, timings) replaced by a marker."""
    out = []
    for line in lines:
        for pattern, repl in VARIES:
            line = pattern.sub(repl, line)
        out.append(line.rstrip())
    return out


def fail(message: str) -> NoReturn:
    """Stop with a set-up error (exit 2, as a bad README does; 1 is kept for drift)."""
    print(f"readme_examples: {message}", file=sys.stderr)
    raise SystemExit(2)


def first_word(cmd: str) -> str:
    """The program a command line starts with."""
    return cmd.split(None, 1)[0] if cmd.strip() else ""


def check(blocks: list[Block]) -> None:
    """Refuse a README whose commands start with a program not in ALLOWED."""
    for cmd in commands(blocks):
        if first_word(cmd.text) not in ALLOWED:
            raise ValueError(f"line {cmd.line + 1}: `{first_word(cmd.text)}` is not one of "
                             f"{sorted(ALLOWED)}")


def python_for(repo: Path) -> str:
    """The interpreter to run paperkg with: this one if it has spaCy, else the repo's venv."""
    if importlib.util.find_spec("spacy") is not None:
        return sys.executable
    venv = repo / ".venv" / "bin" / "python"
    if venv.exists():
        return str(venv)
    fail("this Python has no spaCy and there is no .venv: give --python")


def copy_tree(repo: Path, dest: Path) -> None:
    """Copy the working files git tracks or would track (not ignored) into dest."""
    try:
        listed = subprocess.run(
            ["git", "-C", str(repo), "ls-files", "-z", "--cached", "--others",
             "--exclude-standard"], check=True, capture_output=True).stdout
        names = [n for n in listed.decode().split("\0") if n]
    except (OSError, subprocess.CalledProcessError):
        names = None
    if names is None:  # not a git checkout: the files as they are, without caches and stores
        shutil.copytree(repo, dest, symlinks=True, ignore=shutil.ignore_patterns(
            ".git", ".venv", "__pycache__", "*.lbug", "*.lbug.wal"))
        return
    for name in names:
        src = repo / name
        if not src.exists() and not src.is_symlink():  # deleted in the working tree
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / name, follow_symlinks=False)


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Runner:
    """Runs commands in the scratch copy, in order, with one environment."""

    def __init__(self, scratch: Path, python: str, shared: Path, timeout: float) -> None:
        self.home = scratch / "paperkg"
        self.timeout = timeout
        self.server: subprocess.Popen | None = None
        self.ports: tuple[int, int] | None = None  # (the README's, the one really served on)
        bin_dir = scratch / "bin"
        bin_dir.mkdir()
        wrapper = bin_dir / "paperkg"
        wrapper.write_text(f'#!/bin/sh\nexec "{python}" -m paperkg "$@"\n')
        wrapper.chmod(0o755)
        keep = {k: v for k, v in os.environ.items()
                if not k.startswith(("PAPERKG_", "_PAPERKG", "NEO4J_", "PYTEST", "FORCE_COLOR",
                                     "CLICOLOR", "PYTHON", "COLUMNS", "LINES"))}
        self.env = {**keep, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
                    "PYTHONPATH": str(scratch), "PYTHONHASHSEED": "0", "PYTHONUNBUFFERED": "1",
                    "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8",
                    "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": str(WIDTH), "LINES": "50",
                    "LC_ALL": "C.UTF-8", "TZ": "UTC", "PAPERKG_CACHE": str(scratch / "cache")}
        # how the scratch paths read from the repository root (longest first)
        self.paths = [(str(self.home) + "/", ""), (str(scratch / "shared"), "../shared"),
                      (str(shared.resolve()), "../shared"), (str(self.home), "."),
                      (str(scratch), "..")]
        found = subprocess.run([python, "-c", "import paperkg; print(paperkg.__file__)"],
                               env=self.env, cwd=self.home, capture_output=True, text=True)
        if not found.stdout.strip().startswith(str(self.home) + "/"):
            fail(f"paperkg does not import from the copy: "
                 f"{found.stdout.strip() or found.stderr.strip()}")

    def tidy(self, out: bytes) -> list[str]:
        """Captured output as lines, scratch paths and the served port as the README has them."""
        text = out.decode("utf-8", errors="replace")
        for long, short in self.paths:
            text = text.replace(long, short)
        if self.ports:
            text = re.sub(rf"(127\.0\.0\.1|localhost|\[::1\]):{self.ports[1]}\b",
                          rf"\1:{self.ports[0]}", text)
        if text.endswith("\n"):
            text = text[:-1]
        return [line.rstrip() for line in text.split("\n")] if text else []

    def run(self, cmd: str) -> list[str]:
        """Run one command and return its output (stdout and stderr as they interleave)."""
        if SERVE.match(cmd):
            return self.serve(cmd)
        if self.ports:
            cmd = re.sub(rf"(127\.0\.0\.1|localhost|\[::1\]):{self.ports[0]}\b",
                         rf"\1:{self.ports[1]}", cmd)
        try:
            done = subprocess.run(["bash", "-c", cmd], cwd=self.home, env=self.env,
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, timeout=self.timeout)
        except subprocess.TimeoutExpired as exc:
            return self.tidy(exc.output or b"") + [f"<timed out after {self.timeout:.0f} s>"]
        return self.tidy(done.stdout)

    def serve(self, cmd: str) -> list[str]:
        """Start a server in the background on a free port; its output up to 'serving on'."""
        self.stop()
        asked = PORT_OPTION.search(" " + cmd)
        port = free_port()
        self.ports = (int(asked.group(1)) if asked else DEFAULT_PORT, port)
        real = (PORT_OPTION.sub(f" --port {port}", " " + cmd).lstrip() if asked
                else f"{cmd} --port {port}")
        self.server = subprocess.Popen(["bash", "-c", f"exec {real}"], cwd=self.home,
                                       env=self.env, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        out = b""
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            line = self.server.stdout.readline()  # the server prints its lines, then waits
            if not line:
                break
            out += line
            if line.startswith(b"serving on "):
                break
        else:
            out += b"<no 'serving on' line in time>\n"
        return self.tidy(out)

    def stop(self) -> None:
        """Stop the background server like Ctrl-C would; say if it printed more."""
        if self.server is None:
            return
        server, self.server = self.server, None
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
        try:
            rest, _ = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            rest, _ = server.communicate()
        rest = rest.replace(b"paperkg: interrupted\n", b"")  # what Ctrl-C prints
        if rest.strip():
            print(f"readme_examples: the server printed after its start (not compared):\n"
                  f"{rest.decode('utf-8', 'replace')}", file=sys.stderr)
        self.ports = None


def main(argv: list[str] | None = None) -> int:
    """Run the examples; print the drifts; exit 1 on drift unless --write rewrote them."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="rewrite the README's outputs in place")
    ap.add_argument("--readme", type=Path, default=ROOT / "README.md", help="the Markdown file")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="what ../shared links to in the scratch copy (default: ../shared)")
    ap.add_argument("--python", help="interpreter with paperkg's dependencies "
                                     "(default: this one, or .venv/bin/python)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds a command may take")
    ap.add_argument("--keep", action="store_true", help="keep the scratch directory")
    args = ap.parse_args(argv)

    text = args.readme.read_text(encoding="utf-8")
    try:
        blocks = parse(text)
        check(blocks)
    except ValueError as exc:
        print(f"readme_examples: {args.readme}: {exc}", file=sys.stderr)
        return 2
    if not args.shared.exists():
        print(f"readme_examples: {args.shared} does not exist (--shared)", file=sys.stderr)
        return 2
    python = args.python or python_for(ROOT)
    scratch = Path(tempfile.mkdtemp(prefix="paperkg-readme-"))
    started, cpu0 = time.monotonic(), os.times()
    drifted: dict[int, list[str]] = {}
    try:
        (scratch / "paperkg").mkdir()
        copy_tree(ROOT, scratch / "paperkg")
        (scratch / "shared").symlink_to(args.shared.resolve())
        runner = Runner(scratch, python, args.shared, args.timeout)
        todo = commands(blocks)
        done = 0
        try:
            for block in blocks:
                for cmd in block.commands:
                    t0 = time.monotonic()
                    got = runner.run(cmd.text)
                    same = normalise(got) == normalise(cmd.output)
                    done += 1
                    print(f"[{done}/{len(todo)}] {'ok   ' if same else 'DRIFT'} "
                          f"{time.monotonic() - t0:5.1f} s  $ {cmd.text[:80]}", file=sys.stderr)
                    if not same:
                        drifted[cmd.line] = got
                        sys.stdout.writelines(d + "\n" for d in difflib.unified_diff(
                            cmd.output, got, f"{args.readme.name}:{cmd.line + 1} $ {cmd.text}",
                            "now", lineterm=""))
                runner.stop()  # a server lives to the end of its block
        finally:
            runner.stop()
    finally:
        if args.keep:
            print(f"readme_examples: kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    cpu = os.times()
    used = (cpu.children_user - cpu0.children_user) + (cpu.children_system - cpu0.children_system)
    print(f"readme_examples: {len(todo)} commands in {len(blocks)} blocks, {len(drifted)} "
          f"drifted ({time.monotonic() - started:.1f} s, {used:.1f} CPU s in commands)",
          file=sys.stderr)
    if drifted and args.write:
        args.readme.write_text(render(text, drifted), encoding="utf-8")
        print(f"readme_examples: rewrote {len(drifted)} outputs in {args.readme}",
              file=sys.stderr)
        return 0
    return 1 if drifted else 0


if __name__ == "__main__":
    sys.exit(main())
