"""The browser tests' fixtures: the demo store served by ``cleanledger serve``, headless Chromium,
pages that watch the console and the network, and axe-core.

What they need from the machine, beside the venv:

- Debian's Chromium at ``/usr/bin/chromium`` (apt package ``chromium``), which Playwright drives;
  Playwright never downloads a browser of its own here.
- axe-core in ``tests/e2e/node_modules``: ``npm ci --prefix tests/e2e`` installs the version
  ``package-lock.json`` pins.

Locally a missing one skips the tests; with ``CI=true`` it fails them (tests/machine.py), since
.ci/run installs both.

Once per run, :func:`demo_store` builds the data set with the project's own command line, in a
folder of the run's temporary directory: ``cleanledger demo --scale $CLEANLEDGER_E2E_SCALE``
(default ``medium``, what the acceptance asks for: about 4 minutes on a quiet machine; ``small``
takes seconds, for development) into a SQLite file, the read models brought up to date
(``cleanledger project``), and an HR user whose key issues the certificate the certificate check
looks up. On SQLite the ledger keeps the master key that seals personal data in a file beside the
database (``<db>.master-key``), made on first use. xdist's workers share the one build (a lock on
a file); each serves a copy of its own (:func:`portal`): ``cleanledger serve`` on a free port in a
subprocess, the projections in-process as on SQLite by default, waited for until
``/api/v1/status`` shows every projection caught up, and stopped by its pid at the end.

Every page a test opens through :class:`Site` is watched: a console error, an uncaught exception,
a document answered with an error status the test did not expect, or a request to a host other
than the app's (the page must load nothing from a CDN: such requests are also refused) fails the
test once its body has run (:func:`pytest_runtest_call`).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    Route,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

from cleanledger.synthetic import SCALES
from projections.registry import code_versions
from scripts.portal_screenshots import CHROMIUM, launch_chromium
from tests.machine import missing

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
SCALE = os.environ.get("CLEANLEDGER_E2E_SCALE", "medium")
#: The institution (서울문화재단, in the demo at every scale) whose HR issues a certificate.
HR_ORG = "6119001"
HR_USER = "e2e-hr"
#: The ledger's days are Korea's (UTC+9, no summer time).
KST = timezone(timedelta(hours=9))

#: Bounds of the set-up: the demo at medium scale takes about 4 minutes on a quiet machine, and
#: CI runs it beside the rest of the suite on the same 2 cores.
BUILD_SECONDS = 1800.0
SERVE_SECONDS = 180.0

#: How long a page's action (a click, a wait for a URL) may take before it fails the test.
TIMEOUT_MS = 15_000

#: Where axe-core's script is served from (by the browser context, never by the app): a path of
#: the app's own origin that the app does not have.
AXE_PATH = "/__e2e__/axe.min.js"
#: WCAG 2.1 levels A and AA, as axe-core tags them.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
#: Impacts that fail a test; minor and moderate ones are listed in the failure message only.
AXE_FAILING = frozenset({"serious", "critical"})


# --- the data set, built once per run -------------------------------------------------------------


@dataclass(frozen=True)
class DemoStore:
    """The demo data set, projected, in a SQLite file of a folder shared by the run's workers."""

    database: Path
    scale: str
    #: The API key of :data:`HR_USER` (hr_clerk and hr_auditor of :data:`HR_ORG`).
    hr_key: str
    #: How long each step of the build took, in seconds.
    seconds: Mapping[str, float]

    def copy_to(self, folder: Path) -> Path:
        """The database and the files beside it (its master key) copied into ``folder``."""
        for found in self.database.parent.glob(self.database.name + "*"):
            shutil.copy2(found, folder / found.name)
        return folder / self.database.name


def _cli_env(database: Path) -> dict[str, str]:
    """The environment of the command line: the store named, no other setting of the developer's
    (a read database, a master key) taken along. It runs outside the repository (no ``.env``), on
    the repository's code."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("CLEANLEDGER_")}
    env["CLEANLEDGER_DATABASE_URL"] = f"sqlite:///{database}"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _cleanledger(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleanledger.cli", *args]


def _run_cli(database: Path, *args: str, timeout: float = BUILD_SECONDS) -> str:
    """``cleanledger ARGS`` on ``database``; its standard output. It failing fails the test."""
    try:
        done = subprocess.run(
            _cleanledger(*args),
            cwd=database.parent,
            env=_cli_env(database),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"cleanledger {' '.join(args)} took more than {timeout:.0f} s")
    if done.returncode != 0:
        pytest.fail(f"cleanledger {' '.join(args)} exited with {done.returncode}:\n{done.stderr[-4000:]}")
    return done.stdout


def _build(folder: Path) -> dict[str, Any]:
    database = folder / "demo.db"
    seconds: dict[str, float] = {}
    started = time.monotonic()
    summary = _run_cli(database, "demo", "--scale", SCALE, "--quiet").strip()
    seconds["demo"] = time.monotonic() - started
    started = time.monotonic()
    _run_cli(database, "project", "--quiet")
    seconds["project"] = time.monotonic() - started
    grants = ("--grant", f"hr_clerk@{HR_ORG}", "--grant", f"hr_auditor@{HR_ORG}")
    key = _run_cli(database, "users", "create", HR_USER, *grants).strip().splitlines()[-1]
    return {"database": database.name, "scale": SCALE, "hr_key": key, "seconds": seconds, "demo": summary}


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's temporary folder, the same for every xdist worker of the run."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


#: What this process learnt of the set-up, for the terminal summary.
TIMINGS: dict[str, float] = {}


@pytest.fixture(scope="session")
def browser_tools() -> Path:
    """Chromium and axe-core are there (checked before the long build); axe-core's script."""
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is not installed (Debian: apt-get install chromium)")
    if not AXE.exists():
        missing(f"axe-core is not installed in {AXE.parents[2]}: npm ci --prefix tests/e2e")
    return AXE


@pytest.fixture(scope="session")
def demo_store(browser_tools: Path, tmp_path_factory: pytest.TempPathFactory) -> DemoStore:
    if SCALE not in SCALES:
        pytest.fail(f"CLEANLEDGER_E2E_SCALE={SCALE!r}: it must be one of {', '.join(sorted(SCALES))}")
    folder = _run_folder(tmp_path_factory) / f"e2e-demo-{SCALE}"
    folder.mkdir(exist_ok=True)
    ready, failed = folder / "ready.json", folder / "failed.txt"
    with (folder / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other workers wait here until the build is done
        if failed.exists():
            pytest.fail(f"the demo store could not be built (by another worker):\n{failed.read_text()}")
        if not ready.exists():
            try:
                built = _build(folder)
            except BaseException as error:
                failed.write_text(str(error))
                raise
            ready.write_text(json.dumps(built, ensure_ascii=False, indent=1))
            TIMINGS.update({f"demo store: {step}": s for step, s in built["seconds"].items()})
        found = json.loads(ready.read_text())
    return DemoStore(
        database=folder / found["database"],
        scale=found["scale"],
        hr_key=found["hr_key"],
        seconds=found["seconds"],
    )


# --- the server -----------------------------------------------------------------------------------


@dataclass
class Portal:
    """``cleanledger serve`` on a copy of the demo store."""

    base_url: str
    store: DemoStore
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def netloc(self) -> str:
        return urlsplit(self.base_url).netloc

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path)

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else "(no log)"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class _Projection(TypedDict):
    name: str
    lag: int
    fault: object


def _caught_up(status: Mapping[str, Any]) -> bool:
    """Every projection the code has is at the head of the log, and none is stopped."""
    projections: list[_Projection] = status["projections"]
    done = {p["name"] for p in projections if p["lag"] == 0 and p["fault"] is None}
    return status["head"] > 0 and not status["faulted"] and set(code_versions()) <= done


def _wait_until_ready(portal: Portal) -> bool:
    """True once the server answers with its projections caught up; False if it could not start
    (its port taken). Anything else fails the test."""
    deadline = time.monotonic() + SERVE_SECONDS
    status: Any = None
    while time.monotonic() < deadline:
        code = portal.process.poll()
        if code == 3:  # uvicorn could not bind: another process took the port
            return False
        if code is not None:
            pytest.fail(f"cleanledger serve exited with {code}:\n{portal.log_tail()}")
        try:
            answer = httpx.get(portal.url("/api/v1/status"), timeout=5)
        except httpx.TransportError:
            time.sleep(0.2)
            continue
        if answer.status_code == 200:
            status = answer.json()
            if status["faulted"]:
                pytest.fail(f"a projection is stopped by a fault: {status}")
            if _caught_up(status):
                return True
        time.sleep(0.2)
    pytest.fail(f"the server was not caught up after {SERVE_SECONDS:.0f} s: {status}\n{portal.log_tail()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()  # SIGTERM to its pid: uvicorn stops gracefully
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


@pytest.fixture(scope="session")
def portal(demo_store: DemoStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    """The app serving this worker's copy of the demo store, caught up."""
    folder = tmp_path_factory.mktemp("e2e-serve")
    database = demo_store.copy_to(folder)
    env = _cli_env(database)
    started = time.monotonic()
    for _ in range(3):
        port = _free_port()
        log = folder / f"serve-{port}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                _cleanledger("serve", "--host", "127.0.0.1", "--port", str(port), "--quiet"),
                cwd=folder,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        served = Portal(base_url=f"http://127.0.0.1:{port}/", store=demo_store, log=log, process=process)
        try:
            if _wait_until_ready(served):
                break
        except BaseException:
            _stop(process)
            raise
    else:
        pytest.fail("cleanledger serve found no free port in 3 tries")
    TIMINGS["server start and catch-up"] = time.monotonic() - started
    try:
        yield served
    finally:
        _stop(served.process)


@pytest.fixture(scope="session")
def certificate_number(portal: Portal) -> str:
    """The verification number of an employment certificate issued over the API by HR."""
    hr = f"/api/v1/orgs/{HR_ORG}/personnel"
    today = datetime.now(KST).date()
    headers = {"Authorization": f"Bearer {portal.store.hr_key}"}
    with httpx.Client(base_url=portal.base_url, headers=headers, timeout=30) as client:
        employees = client.get(f"{hr}/employees", params={"status": "employed", "limit": 1})
        assert employees.status_code == 200, employees.text
        employee_id = employees.json()["items"][0]["employee_id"]
        issued = client.post(
            f"{hr}/employees/{employee_id}/certificates",
            json={
                "kind": "employment",
                "purpose": "브라우저 시험 제출용",
                "effective_date": today.isoformat(),
            },
        )
        assert issued.status_code == 201, issued.text
        certificate = client.get(f"{hr}/certificates/{issued.json()['aggregate_id']}")
        assert certificate.status_code == 200, certificate.text
        number: str = certificate.json()["number"]
        return number


# --- the browser and its pages --------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(browser_tools: Path) -> Iterator[Browser]:
    """Headless Chromium, for the module (Playwright's sync API keeps an event loop of its own,
    which no other module's tests should meet)."""
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class PageWatch:
    """What one page did that fails a test: console errors, uncaught exceptions, error statuses
    of its documents, requests to other hosts."""

    netloc: str
    console_errors: list[tuple[str, str]] = field(default_factory=list)  # (text, the URL it names)
    page_errors: list[str] = field(default_factory=list)
    documents: list[tuple[str, int]] = field(default_factory=list)  # (URL, status)
    foreign: list[str] = field(default_factory=list)
    #: Statuses of documents the test expects (a form refusing a malformed value).
    expected_statuses: set[int] = field(default_factory=set)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append((message.text, message.location.get("url", "")))

    def on_page_error(self, error: PlaywrightError) -> None:
        self.page_errors.append(f"{error.name}: {error.message}\n{error.stack or ''}".strip())

    def on_response(self, response: Response) -> None:
        request = response.request
        if request.resource_type == "document" and request.frame.parent_frame is None:
            self.documents.append((response.url, response.status))

    def problems(self) -> list[str]:
        found: list[str] = []
        failed_documents = {url: status for url, status in self.documents if status >= 400}
        for url, status in failed_documents.items():
            if status not in self.expected_statuses:
                found.append(f"the page {url} answered {status}")
        for text, url in self.console_errors:
            if url in failed_documents and text.startswith("Failed to load resource"):
                continue  # the document's own status, judged above
            found.append(f"console error: {text}" + (f" (at {url})" if url else ""))
        found += [f"uncaught exception: {error}" for error in self.page_errors]
        found += [f"request to another host: {url}" for url in self.foreign]
        return found


WATCHES = pytest.StashKey[list[PageWatch]]()


def _is_foreign(url: str, netloc: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != netloc


@dataclass
class Site:
    """Opens the portal's pages in a fresh browser context for the test, each page watched."""

    browser: Browser
    portal: Portal
    axe: Path
    watches: list[PageWatch]
    contexts: dict[BrowserContext, PageWatch] = field(default_factory=dict)

    def open(
        self, path: str, *, status: int = 200, width: int = 1280, height: int = 800, phone: bool = False
    ) -> Page:
        """A new page at ``path``, which must answer ``status``."""
        context = self.browser.new_context(
            viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone, locale="ko-KR"
        )
        watch = PageWatch(netloc=self.portal.netloc)
        if status >= 400:
            watch.expected_statuses.add(status)
        self.contexts[context] = watch
        self.watches.append(watch)
        netloc = self.portal.netloc

        def record(request: Request) -> None:
            if _is_foreign(request.url, netloc):
                watch.foreign.append(request.url)

        def refuse(route: Route) -> None:
            route.abort("blockedbyclient")

        def serve_axe(route: Route) -> None:
            route.fulfill(path=self.axe, content_type="text/javascript; charset=utf-8")

        context.on("request", record)
        context.route(lambda url: _is_foreign(url, netloc), refuse)
        context.route(self.portal.url(AXE_PATH), serve_axe)
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        page.on("console", watch.on_console)
        page.on("pageerror", watch.on_page_error)
        page.on("response", watch.on_response)
        response = page.goto(self.portal.url(path))
        assert response is not None, f"no answer for {path}"
        assert response.status == status, f"{path} answered {response.status}, not {status}"
        return page

    def expect_status(self, page: Page, status: int) -> None:
        """A document of ``page`` may answer ``status`` (a form that refuses what was typed)."""
        self.contexts[page.context].expected_statuses.add(status)

    def axe_violations(self, page: Page) -> list[dict[str, Any]]:
        """axe-core's WCAG 2.1 A/AA violations on the page as it is now.

        ``add_script_tag(path=...)`` would inject the script inline, which the portal's
        Content-Security-Policy (``default-src 'self'``) refuses, and ``bypass_csp`` would hide
        the page's own breaches of its policy, which these tests must see. So the script is
        loaded by URL from the app's origin, and the browser context answers that one URL
        from node_modules (:data:`AXE_PATH`): the policy allows it as 'self', and nothing
        is fetched from another host.
        """
        page.add_script_tag(url=self.portal.url(AXE_PATH))
        violations: list[dict[str, Any]] = page.evaluate(
            """async (tags) => {
                const result = await axe.run(document, {
                    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
                });
                return result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    targets: v.nodes.map(n => n.target.join(' ')),
                }));
            }""",
            list(AXE_TAGS),
        )
        return violations

    def check_axe(self, page: Page) -> None:
        """No serious or critical WCAG 2.1 A/AA violation on the page, as axe-core finds them."""
        violations = self.axe_violations(page)
        failing = [v for v in violations if v["impact"] in AXE_FAILING]
        if failing:
            pytest.fail(axe_report(page.url, failing, violations), pytrace=False)

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def axe_report(url: str, failing: list[dict[str, Any]], violations: list[dict[str, Any]]) -> str:
    lines = [f"axe-core: {len(failing)} serious or critical WCAG 2.1 A/AA violation(s) on {url}:"]
    for violation in failing:
        lines.append(
            f"  {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"
        )
        targets: list[str] = violation["targets"]
        lines += [f"    {target}" for target in targets[:10]]
        if len(targets) > 10:
            lines.append(f"    … and {len(targets) - 10} more")
    lesser = [f"{v['id']} ({v['impact']})" for v in violations if v not in failing]
    if lesser:
        lines.append(f"  (also, not failing: {', '.join(lesser)})")
    return "\n".join(lines)


@pytest.fixture
def site(
    browser_tools: Path, portal: Portal, browser: Browser, request: pytest.FixtureRequest
) -> Iterator[Site]:
    watches = request.node.stash.setdefault(WATCHES, [])
    opened = Site(browser=browser, portal=portal, axe=browser_tools, watches=watches)
    try:
        yield opened
    finally:
        opened.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Once the test's body has run, what its pages did wrong fails it (in the call, so an
    ``xfail`` mark covers it)."""
    try:
        result = yield
    except BaseException:
        _note_problems(item)
        raise
    problems = _page_problems(item)
    if problems:
        pytest.fail("the portal's pages misbehaved:\n  " + "\n  ".join(problems), pytrace=False)
    return result


def _page_problems(item: pytest.Item) -> list[str]:
    return [problem for watch in item.stash.get(WATCHES, []) for problem in watch.problems()]


def _note_problems(item: pytest.Item) -> None:
    problems = _page_problems(item)
    if problems:
        item.add_report_section("call", "pages", "\n".join(problems))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TIMINGS:
        terminalreporter.write_line(
            f"browser tests (scale {SCALE}): "
            + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in TIMINGS.items())
        )
