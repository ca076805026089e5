"""The README's picture of the web page: start ``kgqa serve`` on 127.0.0.1, ask a question in
headless Chromium (Debian's, through Playwright), open the topic's node, save a PNG.

Usage: python scripts/screenshot_page.py [--out docs/page.png] [--question "..."]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_serve import Server


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="docs/page.png")
    ap.add_argument("--question", default="Which drugs treat gout?")
    ap.add_argument("--node", default="DOID:13189", help="the node to open (its id)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("no Chromium: apt-get install chromium")
    server = Server(workers=1, endpoint=None)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 1120})
            page.goto(f"http://127.0.0.1:{server.port}/")
            page.fill("#question", args.question)
            page.click("#ask-form button[type=submit]")
            page.wait_for_selector("#answer .answers li")
            page.click(f'#graph .node[data-id="{args.node}"] circle')
            page.wait_for_selector("#node-panel h3")
            page.screenshot(path=args.out)
            browser.close()
    finally:
        server.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
