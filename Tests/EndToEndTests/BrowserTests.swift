import Foundation
import Testing

/// The HTML report of every bundled scenario opens in headless Chromium with no console message (the page
/// has no scripts and a Content-Security-Policy that forbids fetching: any message means something tried to
/// run or load), and the page the browser built says what `tender run` says.
@Suite(.serialized) struct BrowserTests {
    /// `$CHROMIUM`, or chromium / chromium-browser / google-chrome on `PATH`.
    static let chromium: String? =
        ProcessInfo.processInfo.environment["CHROMIUM"]
        ?? ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(ExportFixtures.which).first

    @Test(
        .enabled(
            if: chromium != nil,
            "chromium is not installed (apt-get install -y chromium fonts-noto-cjk); the browser check is skipped"
        ),
        arguments: ExportFixtures.bundled
    )
    func reportOpensWithoutConsoleErrors(scenario: String) throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (json, lots) = try ExportFixtures.runJSON(scenario, in: directory)
        let html = directory.appendingPathComponent("report.html")
        #expect(try Fixtures.tender(["report", json, "--html", html.path]).status == 0)
        let r = try ExportFixtures.run(
            Self.chromium!,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
                "--screenshot=\(directory.appendingPathComponent("shot.png").path)", "--window-size=1280,2000",
                "--dump-dom", html.absoluteString,
            ]
        )
        #expect(r.status == 0, "chromium exited \(r.status): \(String(r.stderr.suffix(2000)))")
        let console = r.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "console messages:\n\(console.joined(separator: "\n"))")
        #expect(r.stdout.contains("<h1>"), "no DOM dumped")
        try ExportFixtures.expectSummaryAgrees(r.stdout, with: lots, "\(scenario) in Chromium")
        let shot = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("shot.png").path)
        #expect((shot[.size] as? Int ?? 0) > 10_000, "the screenshot is (nearly) empty")
    }
}
