"""Full-page screenshots of the public portal, as a desktop and as a phone shows it.

    .venv/bin/python scripts/portal_screenshots.py http://127.0.0.1:8000 [--out docs/screenshots]

Opens each path of :data:`PATHS` on the portal at ``BASE_URL`` at 1280 CSS pixels wide and at 375
(a phone: a mobile viewport, so the pages' ``<meta name="viewport">`` applies) and writes a PNG of
the whole page for each: ``<name>-1280.png`` and ``<name>-375.png``, the name made from the path
(``/orgs/6110000/statements`` gives ``orgs-6110000-statements``).

The browser is Debian's Chromium (``/usr/bin/chromium``, apt package ``chromium``), driven by
Playwright (the ``test`` extra); Playwright never downloads a browser of its own here. Korean
text needs a font with Hangul (Debian: ``fonts-noto-cjk``), or the pictures show empty boxes.
The browser tests (tests/e2e) launch Chromium with :func:`launch_chromium` too.

A page that answers an error status is still taken (what it shows may be the point), and named
on standard error; the exit code is then 1.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import Browser, Playwright, sync_playwright

#: The pages to picture, as paths on the portal. Extend it as pages are added.
PATHS: tuple[str, ...] = (
    "/",
    "/?lang=en",
    "/tables/contracts",
    "/orgs/6110000/statements",
    "/orgs/6119001/personnel",
    "/certificates",
)

#: Width in CSS pixels -> height of the window (the picture is of the whole page, however long).
WIDTHS: Mapping[int, int] = {1280: 800, 375: 812}
PHONE_BELOW = 600

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "screenshots"

#: Debian's Chromium: Playwright drives it and fetches no browser of its own.
CHROMIUM = Path("/usr/bin/chromium")
#: What Chromium needs here: headless as root (no sandbox), no GPU, and nothing of its own on the
#: network (no QUIC, updates, sync or background fetches: the machine's network is closed, and a
#: browser test must see only the requests the page makes). Playwright gives it a fresh profile.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def launch_chromium(playwright: Playwright) -> Browser:
    """Headless Chromium from :data:`CHROMIUM`, with :data:`CHROMIUM_ARGS`."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, chromium_sandbox=False, args=list(CHROMIUM_ARGS)
    )


def file_name(path: str) -> str:
    """A file name for a page's path: ``/`` is ``home``, ``/?lang=en`` is ``home-lang-en``."""
    name = re.sub(r"\W+", "-", path).strip("-")
    if not name or path.startswith(("/?", "?")):
        name = "home" + (f"-{name}" if name else "")
    return name


def take_screenshots(
    browser: Browser,
    base_url: str,
    out: Path,
    paths: Iterable[str] = PATHS,
    widths: Mapping[int, int] = WIDTHS,
) -> tuple[list[Path], list[str]]:
    """Each path at each width into ``out``: the files written, and the pages that answered an
    error status (or none at all)."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    failed: list[str] = []
    for width, height in widths.items():
        phone = width < PHONE_BELOW
        context = browser.new_context(
            viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
        )
        try:
            page = context.new_page()
            for path in paths:
                url = urljoin(base_url.rstrip("/") + "/", path.lstrip("/"))
                response = page.goto(url, wait_until="networkidle")
                if response is None or not response.ok:
                    failed.append(f"{url}: {response.status if response else 'no answer'}")
                target = out / f"{file_name(path)}-{width}.png"
                page.screenshot(path=target, full_page=True)
                written.append(target)
        finally:
            context.close()
    return written, failed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("base_url", help="where the portal answers, e.g. http://127.0.0.1:8000")
    parser.add_argument(
        "--out", type=Path, default=OUTPUT, help=f"folder for the PNG files (default {OUTPUT})"
    )
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            written, failed = take_screenshots(browser, args.base_url, args.out)
        finally:
            browser.close()
    for target in written:
        print(target)
    for problem in failed:
        print(f"error status: {problem}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
