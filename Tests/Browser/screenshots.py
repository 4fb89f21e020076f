#!/usr/bin/env python3
"""The screenshots of Docs/serve.md: python3 Tests/Browser/screenshots.py [path/to/tender]

Starts `tender serve` over a copy of Scenarios/, drives the system Chromium and writes Docs/images/serve-*.png.
"""
import os
import shutil
import subprocess
import sys
import tempfile

from playwright.sync_api import sync_playwright

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_test as t  # noqa: E402

work = tempfile.mkdtemp(prefix="tender-serve-shots-")
folder = os.path.join(work, "Scenarios")
shutil.copytree(os.path.join(t.ROOT, "Scenarios"), folder)
port = t.free_port()
base = "http://127.0.0.1:%d" % port
images = os.path.join(t.ROOT, "Docs/images")
server = subprocess.Popen([t.TENDER, "serve", "--port", str(port), "--scenarios", folder], stderr=subprocess.DEVNULL)
try:
    t.wait_for_server(base + "/", server)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=t.CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/")
        page.screenshot(path=os.path.join(images, "serve-index.png"))
        page.goto(base + "/scenario?file=rehearsal-worked-examples.yaml")
        page.screenshot(path=os.path.join(images, "serve-scenario.png"))
        page.goto(base + "/rehearse?file=rehearsal-worked-examples.yaml")
        for i, (bidder, price) in enumerate([("A", "100.00"), ("D", "112.50"), ("F", "96.00"), ("E", "90.00")]):
            t.fill_row(page, "example-a", i, bidder, price)
        t.evaluated(page, 0)
        page.locator("iframe[data-lot='example-a']").scroll_into_view_if_needed()
        page.evaluate("document.querySelector('#lot-example-a').scrollIntoView()")
        page.screenshot(path=os.path.join(images, "serve-rehearsal.png"))
        page.evaluate("document.querySelector(\"iframe[data-lot='example-a']\").scrollIntoView()")
        frame = page.locator("iframe[data-lot='example-a']").element_handle().content_frame()
        frame.evaluate("[...document.querySelectorAll('h2')].find(h => h.textContent.startsWith('三')).scrollIntoView()")
        page.screenshot(path=os.path.join(images, "serve-evaluation.png"))
        page.goto(base + "/")
        broken = open(os.path.join(t.ROOT, "Scenarios/rehearsal-worked-examples.yaml"), encoding="utf-8").read()
        page.fill("#upload-text", broken.replace("fiscal-year: 2023", "fiscal-year: twenty", 1))
        page.click("#upload button[type=submit]")
        page.screenshot(path=os.path.join(images, "serve-upload.png"))
        browser.close()
finally:
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)
