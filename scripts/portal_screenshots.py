"""Screenshots of the public portal, as a desktop and as a phone shows it.

    .venv/bin/python scripts/portal_screenshots.py http://127.0.0.1:8000 [--out docs/screenshots]

Opens each path of :data:`PATHS` on the portal at ``BASE_URL`` at 1280 CSS pixels wide and at 375
(a phone: a mobile viewport, so the pages' ``<meta name="viewport">`` applies) and writes a PNG of
the whole page for each, named for a README to embed: ``<name>-desktop.png`` and
``<name>-phone.png``, the name from :data:`NAMES` (``/orgs/6110000/2026`` is ``dashboard``) or
else made from the path (``/tables/contracts`` gives ``tables-contracts``). A picture of more
than :data:`MAX_BYTES` is taken again of the page's first :data:`CLIP_HEIGHT` pixels only.

The paths are the medium demo's (``cleanledger demo --scale medium``, which docs/screenshots/
pictures): the line history's id is that of a programme of the city's 2026 in that data set.

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

from playwright.sync_api import Browser, FloatRect, Playwright, sync_playwright

#: The city, the year and a programme of the medium demo (cleanledger.synthetic).
_YEAR = "/orgs/6110000/2026"
_LINE = f"{_YEAR}/lines/70f8fc54-d1cd-5da8-8687-6e5aa3893958"  # 작은도서관 운영 지원, the most paid

#: The pages to picture, as paths on the portal. Extend it as pages are added.
PATHS: tuple[str, ...] = (
    "/",
    "/?lang=en",
    _YEAR,
    f"{_YEAR}/programs",
    f"{_YEAR}/contracts",
    _LINE,
    "/districts/3030000/2026",
    "/institutions/6119001",
    "/compare/2026",
    "/verification",
    "/tables/contracts",
    "/orgs/6110000/statements",
    "/orgs/6119001/personnel",
    "/certificates",
)

#: Names of the pictures of some paths (the others are named by :func:`file_name`).
NAMES: Mapping[str, str] = {
    "/?lang=en": "home-english",
    _YEAR: "dashboard",
    f"{_YEAR}/programs": "programmes",
    f"{_YEAR}/contracts": "contracts",
    _LINE: "line-history",
    "/districts/3030000/2026": "district",
    "/institutions/6119001": "institution",
    "/compare/2026": "compare",
    "/orgs/6110000/statements": "statements",
    "/orgs/6119001/personnel": "personnel",
}

#: Width in CSS pixels -> height of the window (the picture is of the whole page, however long).
WIDTHS: Mapping[int, int] = {1280: 800, 375: 812}
#: What the command line calls each width in the files' names.
DEVICES: Mapping[int, str] = {1280: "desktop", 375: "phone"}
PHONE_BELOW = 600
#: A picture larger than this is taken again of the page's top :data:`CLIP_HEIGHT` pixels only.
MAX_BYTES = 600_000
CLIP_HEIGHT = 2400

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
    names: Mapping[str, str] = NAMES,
    devices: Mapping[int, str] | None = None,
) -> tuple[list[Path], list[str]]:
    """Each path at each width into ``out`` as ``<name>-<device>.png`` (the name from ``names``
    or :func:`file_name`, the device from ``devices`` or else the width): the files written, and
    the pages that answered an error status (or none at all)."""
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
                device = (devices or {}).get(width, str(width))
                target = out / f"{names.get(path) or file_name(path)}-{device}.png"
                picture = page.screenshot(full_page=True)
                if len(picture) > MAX_BYTES:
                    tall = float(page.evaluate("document.documentElement.scrollHeight"))
                    clip: FloatRect = {"x": 0, "y": 0, "width": width, "height": min(tall, CLIP_HEIGHT)}
                    picture = page.screenshot(full_page=True, clip=clip)
                target.write_bytes(picture)
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
            written, failed = take_screenshots(browser, args.base_url, args.out, devices=DEVICES)
        finally:
            browser.close()
    for target in written:
        print(target)
    for problem in failed:
        print(f"error status: {problem}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
