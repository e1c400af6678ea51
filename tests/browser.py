"""pytest plugin: a real headless Chromium driven over the DevTools protocol, networking off.

The `browser` session fixture finds /usr/bin/chromium (installing Debian's `chromium` with
apt-get when it is missing) and talks to it through --remote-debugging-pipe: JSON messages
separated by NUL bytes on file descriptors 3 (to the browser) and 4 (from it). The `page`
fixture opens a fresh tab that records dialogs, network requests, console errors and uncaught
exceptions, so a test can assert that nothing ran and nothing was fetched.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
    "--hide-scrollbars",
    # networking off: every host resolves to nothing and every proxy attempt hits a dead port
    "--proxy-server=127.0.0.1:9",
    # ... except the loopback address, where the tests' own servers listen
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    "--remote-debugging-pipe",
    "--window-size=1400,900",
)
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:", "chrome-error:", "devtools:")


def find_chromium(install: bool = True) -> str:
    """Path of the Chromium binary, installing Debian's package when it is missing."""
    for path in CHROMIUM_CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    found = shutil.which("chromium")
    if found:
        return found
    if not install:
        raise RuntimeError("chromium is not installed")
    from tests.conftest import machine_lock

    with machine_lock():  # another test process may be installing it right now
        return _install_chromium()


def _install_chromium() -> str:
    """Install Debian's chromium with apt-get (unless another process just did) and find it."""
    for path in CHROMIUM_CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    if shutil.which("apt-get") is None:
        raise RuntimeError("chromium is missing and apt-get is not available to install it")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    for cmd in (sudo + ["apt-get", "update", "-q"],
                sudo + ["apt-get", "install", "-y", "-q", "chromium"]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise RuntimeError(f"{' '.join(cmd)} failed: {' / '.join(tail)}")
    for path in CHROMIUM_CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    raise RuntimeError("apt-get installed chromium but no binary was found")


class Chromium:
    """One headless Chromium process and its DevTools pipe."""

    def __init__(self, binary: str):
        self.profile = tempfile.mkdtemp(prefix="paperkg-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire_fds() -> None:  # runs in the child: its fds 3 and 4 are the DevTools pipe
            high_r, high_w = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.log = Path(self.profile) / "chromium.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [binary, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                preexec_fn=wire_fds, pass_fds=(3, 4, to_child_r, from_child_w),
            )
        os.close(to_child_r)
        os.close(from_child_w)
        self._next_id = 0
        self._lock = threading.Lock()
        self._waiting: dict[int, queue.Queue] = {}
        self._listeners: dict[str, Page] = {}
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_child, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                for q in list(self._waiting.values()):
                    q.put({"error": {"message": "chromium closed the DevTools pipe"}})
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                self._dispatch(json.loads(raw))

    def _dispatch(self, msg: dict) -> None:
        if "id" in msg:
            q = self._waiting.pop(msg["id"], None)
            if q is not None:
                q.put(msg)
            return
        page = self._listeners.get(msg.get("sessionId", ""))
        if page is not None:
            page._event(msg["method"], msg.get("params", {}))

    def post(self, method: str, params: dict | None = None,
             session: str | None = None) -> tuple[int, queue.Queue]:
        """Send a command; returns its id and the queue its answer will arrive on."""
        answers: queue.Queue = queue.Queue(maxsize=1)
        with self._lock:
            self._next_id += 1
            msg_id = self._next_id
            self._waiting[msg_id] = answers
            msg: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
            if session:
                msg["sessionId"] = session
            os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        return msg_id, answers

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 60.0) -> dict:
        """Send a command and return its result (raise on a protocol error)."""
        msg_id, answers = self.post(method, params, session)
        try:
            answer = answers.get(timeout=timeout)
        except queue.Empty:
            self._waiting.pop(msg_id, None)
            raise TimeoutError(f"{method}: no answer in {timeout} s") from None
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})

    def new_page(self, width: int = 1400, height: int = 900) -> Page:
        """A fresh tab with dialog, request and error recording switched on."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        self._listeners[session] = page
        for method in ("Page.enable", "Runtime.enable", "Network.enable", "Log.enable"):
            page.send(method)
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        return page

    def close(self) -> None:
        """Stop the browser and remove its profile."""
        try:
            self.post("Browser.close")
            self.proc.wait(timeout=10)
        except Exception:  # noqa: BLE001 - the browser may already be gone
            self.proc.kill()
            self.proc.wait(timeout=10)
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


@dataclass
class Page:
    """One tab: navigation, evaluation, screenshots and what the page tried to do."""

    browser: Chromium
    target: str
    session: str
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    # the browser's own errors: Content-Security-Policy violations, failed loads, ...
    log_errors: list[str] = field(default_factory=list)
    loaded: threading.Event = field(default_factory=threading.Event)

    def send(self, method: str, params: dict | None = None, timeout: float = 60.0) -> dict:
        """A command in this tab's session."""
        return self.browser.send(method, params, self.session, timeout)

    def _event(self, method: str, params: dict) -> None:
        if method == "Page.javascriptDialogOpening":
            self.dialogs.append(f"{params.get('type')}: {params.get('message')}")
            self.browser.post("Page.handleJavaScriptDialog", {"accept": False}, self.session)
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text")
            self.exceptions.append(str(text))
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            self.console_errors.append(" ".join(str(a.get("value", a.get("description")))
                                                for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.log_errors.append(f"{entry.get('text')} {entry.get('url') or ''}".strip())
        elif method == "Page.loadEventFired":
            self.loaded.set()

    def goto(self, url: str, timeout: float = 60.0) -> None:
        """Navigate and wait for the load event."""
        self.loaded.clear()
        result = self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise RuntimeError(f"navigation to {url} failed: {result['errorText']}")
        if not self.loaded.wait(timeout):
            raise TimeoutError(f"{url} did not load in {timeout} s")

    def evaluate(self, expression: str, timeout: float = 60.0) -> Any:
        """The JSON value of a JavaScript expression (promises are awaited)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise RuntimeError(details.get("exception", {}).get("description") or details)
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60.0) -> Any:
        """Poll a JavaScript expression until it is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"{expression!r} stayed falsy for {timeout} s")
            time.sleep(0.05)

    def screenshot(self, path: Path) -> Path:
        """Save a PNG of the viewport."""
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def external_requests(self) -> list[str]:
        """Requests that left the machine's files (should be none)."""
        return [u for u in self.requests if not u.startswith(LOCAL_SCHEMES)]

    def close(self) -> None:
        """Close the tab (without waiting for the answer: a busy tab can take 10 s to go)."""
        self.browser._listeners.pop(self.session, None)
        try:
            self.browser.post("Target.closeTarget", {"targetId": self.target})
        except OSError:  # the browser is already gone; closing is best effort
            pass


@pytest.fixture(scope="session")
def chromium_binary() -> str:
    """Path of Debian's chromium, installed by this set-up when missing."""
    if os.environ.get("PAPERKG_SKIP_BROWSER"):
        pytest.skip("PAPERKG_SKIP_BROWSER is set")
    try:
        return find_chromium()
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        pytest.fail(f"headless Chromium is needed for the browser tests: {exc}")


@pytest.fixture(scope="session")
def browser(chromium_binary: str):
    """A headless Chromium for the whole session."""
    chrome = Chromium(chromium_binary)
    try:
        chrome.send("Browser.getVersion", timeout=60)
    except Exception as exc:  # noqa: BLE001 - report why it would not start
        err = chrome.log.read_text(errors="replace") if chrome.log.exists() else ""
        chrome.close()
        pytest.fail(f"chromium did not answer on the DevTools pipe: {exc} {err[-300:]}")
    yield chrome
    chrome.close()


@pytest.fixture()
def page(browser: Chromium):
    """A fresh tab, closed after the test."""
    tab = browser.new_page()
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots meant for people (git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
