#!/usr/bin/env python3
"""Browser tests of `tender serve` (Docs/serve.md): Playwright for Python driving the system Chromium.

Usage: python3 Tests/Browser/serve_test.py [path/to/tender]   (default .build/debug/tender)

Starts the server on a free port over a copy of Scenarios/, then in a real browser: opens the bundled
worked-examples scenario, enters worked example B of Docs/rules.md §10 and reads the scores back to the cent,
triggers a rejection (example A's uncertified bidder E) and a field error, prints the 评标报告 to PDF, uploads a
broken scenario and reads the positioned error, saves the rehearsal and checks that `tender run SAVED --format
json` equals the page's JSON download byte for byte. Exits non-zero on the first failure.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TENDER = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/tender"))
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok -", message)


def wait_for_server(url, process):
    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError("tender serve exited with %s" % process.returncode)
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("tender serve did not answer at " + url)


def evaluated(page, before):
    """Waits until the page script has shown the evaluation of the form as it is now (no change waiting, the
    last request answered), newer than `before`."""
    page.wait_for_function(
        """(b) => { const d = document.body.dataset;
                    return !d.dirty && Number(d.evaluated || 0) > b && d.evaluated === d.requested; }""",
        arg=before, timeout=30000)
    return int(page.evaluate("document.body.dataset.evaluated"))


def fill_row(page, lot, index, bidder, price, declaration="", more="marks: {technical: [60, 60, 60]}"):
    table = page.locator("table.bids[data-lot='%s']" % lot)
    rows = table.locator("tr[data-row]")
    while rows.count() <= index:
        page.locator("button.add-row[data-lot='%s']" % lot).click()
    row = rows.nth(index)
    row.locator("input[name$='.bidder']").fill(bidder)
    row.locator("input[name$='.price']").fill(price)
    if declaration:
        row.locator("input[name$='.declaration']").fill(declaration)
    row.locator("input[name$='.more']").fill(more)


def report_text(page, lot):
    frame = page.frame_locator("iframe[data-lot='%s']" % lot)
    return frame.locator("body").inner_text(timeout=30000)


def main():
    work = tempfile.mkdtemp(prefix="tender-serve-test-")
    folder = os.path.join(work, "Scenarios")
    shutil.copytree(os.path.join(ROOT, "Scenarios"), folder)
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    server = subprocess.Popen([TENDER, "serve", "--port", str(port), "--scenarios", folder], stderr=subprocess.PIPE)
    try:
        wait_for_server(base + "/", server)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(accept_downloads=True)

            # The folder's scenarios; open the worked examples.
            page.goto(base + "/")
            page.click("text=rehearsal-worked-examples.yaml")
            check("Lot example-b" in page.content(), "the scenario page lists lot example-b")
            check("150.00" in page.inner_text("#lot-example-b"), "lot example-b shows its ceiling 150.00")
            page.click("text=Rehearse (enter bids)")

            # Worked example B (Docs/rules.md §10, d = 10 %): A 100 → 29.16; B small 108 → 97.20 (the base) →
            # 30.00; C micro 120 → 108.00 → 27.00; D medium 99 → 29.45. Each + 60 technical points.
            stamp = 0
            fill_row(page, "example-b", 0, "A", "100")
            fill_row(page, "example-b", 1, "B", "108", "small-micro")
            fill_row(page, "example-b", 2, "C", "120", "small-micro")
            fill_row(page, "example-b", 3, "D", "99")
            stamp = evaluated(page, stamp)
            page.wait_for_selector("iframe[data-lot='example-b']")
            text = report_text(page, "example-b")
            for total in ["89.16", "90.00", "87.00", "89.45", "97.20", "108.00"]:
                check(total in text, "example B: %s in the evaluation" % total)

            # A rejection: example A's E, lowest at 90.00 but uncertified, fails clause A-1.
            fill_row(page, "example-a", 0, "A", "100.00")
            fill_row(page, "example-a", 1, "D", "112.50")
            fill_row(page, "example-a", 2, "F", "96.00")
            fill_row(page, "example-a", 3, "E", "90.00")
            stamp = evaluated(page, stamp)
            page.wait_for_selector("iframe[data-lot='example-a']")
            text = report_text(page, "example-a")
            check("A-1" in text, "example A: E rejected on clause A-1")
            for total in ["88.80", "85.60", "90.00"]:
                check(total in text, "example A: %s in the evaluation" % total)

            # A wrong field is a message next to it, with the field's name.
            row = page.locator("table.bids[data-lot='example-a'] tr[data-row]").nth(1)
            row.locator("input[name$='.price']").fill("12x")
            stamp = evaluated(page, stamp)
            message = row.locator(".msg").first.inner_text() + row.locator("span.msg").nth(1).inner_text()
            check("bids[1].price" in message, "a wrong price is shown at its field: " + message.strip())
            row.locator("input[name$='.price']").fill("112.50")
            stamp = evaluated(page, stamp)

            # Save the rehearsal; `tender run SAVED --format json` equals the page's JSON download.
            page.fill("input[name=name]", "browser-rehearsal.yaml")
            page.click("#save")
            page.wait_for_selector("text=Saved as browser-rehearsal.yaml")
            with page.expect_download() as info:
                page.click("#download-json")
            downloaded = open(info.value.path(), "rb").read()
            saved = os.path.join(folder, "browser-rehearsal.yaml")
            run = subprocess.run([TENDER, "run", saved, "--format", "json"], capture_output=True, check=True).stdout
            check(run == downloaded, "tender run SAVED --format json equals the page's download (%d bytes)" % len(run))

            # Reopen the saved rehearsal: the entered bids are back.
            page.goto(base + "/rehearse?file=browser-rehearsal.yaml")
            check(page.locator("input[value='112.50']").count() == 1, "the reopened rehearsal shows D's 112.50")

            # Worked example C under the scenario's variant deduction-20 (d = 20 %): B small 118 → 94.40 (the base);
            # A 94.4 / 100 × 30 = 28.32 → 88.32; B 90.00; G 94.4 / 130 × 30 = 21.7846… → 21.78 → 81.78.
            page.goto(base + "/rehearse?file=rehearsal-worked-examples.yaml")
            with page.expect_navigation():
                page.select_option("#variant", "deduction-20")
            fill_row(page, "example-c", 0, "A", "100")
            fill_row(page, "example-c", 1, "B", "118", "small-micro")
            fill_row(page, "example-c", 2, "G", "130.00")
            evaluated(page, 0)
            page.wait_for_selector("iframe[data-lot='example-c']")
            text = report_text(page, "example-c")
            for total in ["88.32", "90.00", "81.78", "94.40"]:
                check(total in text, "example C under deduction-20: %s in the evaluation" % total)
            page.fill("input[name=name]", "variant-rehearsal.yaml")
            page.click("#save")
            page.wait_for_selector("text=--variant deduction-20 gives this evaluation")
            with page.expect_download() as info:
                page.click("#download-json")
            downloaded = open(info.value.path(), "rb").read()
            saved = os.path.join(folder, "variant-rehearsal.yaml")
            run = subprocess.run([TENDER, "run", saved, "--variant", "deduction-20", "--format", "json"],
                                 capture_output=True, check=True).stdout
            check(run == downloaded, "tender run SAVED --variant deduction-20 --format json equals the page's download")

            # The printable 评标报告 of lot example-b, printed to PDF.
            with page.context.expect_page() as popup:
                page.locator("#lot-example-b button[formaction^='/rehearse/report']").click()
            report = popup.value
            report.wait_for_load_state()
            check("评标报告" in report.content(), "the lot's 评标报告 opens")
            pdf = os.path.join(work, "report.pdf")
            report.pdf(path=pdf, format="A4")
            check(open(pdf, "rb").read(5) == b"%PDF-" and os.path.getsize(pdf) > 10000, "the report prints to PDF")

            # Upload a broken scenario: the positioned error under its line.
            page.goto(base + "/")
            broken = open(os.path.join(ROOT, "Scenarios/rehearsal-worked-examples.yaml"), encoding="utf-8").read()
            broken = broken.replace("fiscal-year: 2023", "fiscal-year: twenty", 1)
            line = broken[: broken.index("fiscal-year: twenty")].count("\n") + 1
            page.fill("#upload-text", broken)
            page.click("#upload button[type=submit]")
            check("Invalid" in page.inner_text("#verdict"), "the broken upload is invalid")
            bad = page.locator("#L%d" % line)
            check(bad.get_attribute("class") == "bad", "line %d is marked" % line)
            check("uploaded.yaml:%d:16: error: meta.fiscal-year" % line in page.inner_text("#source"),
                  "the error is positioned at line %d column 16" % line)

            # A bidder named <script> is shown, not run.
            page.goto(base + "/rehearse?file=rehearsal-worked-examples.yaml")
            page.evaluate("window.ran = false")
            fill_row(page, "example-c", 0, "<script>window.ran=true</script>", "100")
            evaluated(page, 0)
            message = page.locator("#m%s-bidder" % page.locator("table.bids[data-lot='example-c'] tr[data-row]").first.get_attribute("data-row")).inner_text()
            check("<script>" in message and page.evaluate("window.ran") is False, "a bidder named <script> is shown as text: " + message)
            # A simulation with its progress bar, then its report.
            page.goto(base + "/simulate?file=changchun-2024.yaml")
            page.fill("input[name=replications]", "12")
            page.click("#simulate button[type=submit]")
            page.wait_for_url("**/simulation/report?id=*", timeout=120000)
            check("12" in page.content() and "<svg" in page.content(), "the simulation's report opens with its charts")
            page.goto(base + "/simulate?file=changchun-2024.yaml")
            page.fill("input[name=replications]", "10001")
            page.click("#simulate button[type=submit]")
            check("from 1 to 10000" in page.inner_text("#message"), "10,001 replications are refused with a message")

            # Symbolic links out of the folder are refused (and not listed).
            os.symlink("/etc/hostname", os.path.join(folder, "leak.yaml"))
            page.goto(base + "/")
            check("leak.yaml" not in page.inner_text("#scenarios"), "a link out of the folder is not listed")
            response = page.goto(base + "/scenario?file=leak.yaml")
            check(response.status == 400 and "leads out of the served folder" in page.inner_text("#error"),
                  "a link out of the folder is refused")
            response = page.goto(base + "/scenario?file=..%2Fetc%2Fpasswd.yaml")
            check(response.status == 400, "'..' is refused")
            browser.close()
        print("all browser tests passed")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
