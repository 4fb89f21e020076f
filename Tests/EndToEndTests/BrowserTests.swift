import Foundation
import Testing

/// The HTML report of every bundled scenario, and of a simulation, a comparison and a sweep, opens in headless
/// Chromium with no console message (the page has no scripts and a Content-Security-Policy that forbids
/// fetching: any message means something tried to run or load), and the page the browser built says what
/// `tender run` says.
@Suite(.serialized) struct BrowserTests {
    /// `$CHROMIUM`, or chromium / chromium-browser / google-chrome on `PATH`.
    static let chromium: String? =
        ProcessInfo.processInfo.environment["CHROMIUM"]
        ?? ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(ExportFixtures.which).first

    static let skipped =
        "chromium is not installed (apt-get install -y chromium fonts-noto-cjk); the browser check is skipped"

    @Test(.enabled(if: chromium != nil, Comment(rawValue: skipped)), arguments: ExportFixtures.bundled)
    func runReportOpensWithoutConsoleErrors(scenario: String) throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (json, lots) = try ExportFixtures.runJSON(scenario, in: directory)
        let html = directory.appendingPathComponent("report.html")
        #expect(try Fixtures.tender(["report", json, "--html", html.path]).status == 0)
        let dom = try open(html, in: directory)
        try ExportFixtures.expectSummaryAgrees(dom, with: lots, "\(scenario) in Chromium")
    }

    @Test(.enabled(if: chromium != nil, Comment(rawValue: skipped)))
    func simulationReportsOpenWithoutConsoleErrors() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = Fixtures.scenario("yinchuan-2023.yaml")
        let commands: [(String, [String])] = [
            ("simulate", ["simulate", scenario, "--replications", "20"]),
            ("compare", ["compare", scenario, "--variants", "base,deduction-20", "--replications", "10"]),
            (
                "sweep",
                [
                    "sweep", scenario, "--grid", "policy.lotting.strategy=per-category,category-region",
                    "--replications", "5", "--db",
                    directory.appendingPathComponent("sweep.sqlite").path,
                ]
            ),
        ]
        for (name, arguments) in commands {
            let r = try Fixtures.tender(arguments + ["--quiet", "--format", "json"])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            let json = directory.appendingPathComponent("\(name).json")
            try r.stdout.write(to: json, atomically: true, encoding: .utf8)
            let html = directory.appendingPathComponent("\(name).html")
            #expect(try Fixtures.tender(["report", json.path, "--html", html.path]).status == 0)
            let dom = try open(html, in: directory)
            #expect(dom.contains("<svg class=\"chart\""), "\(name): no chart in the DOM")
        }
    }

    /// Opens `html` in headless Chromium (and takes a screenshot); returns the DOM it built. Fails on any console
    /// message, a non-zero exit or an empty screenshot.
    func open(_ html: URL, in directory: URL) throws -> String {
        let shot = directory.appendingPathComponent("\(html.lastPathComponent).png")
        let r = try ExportFixtures.run(
            Self.chromium!,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
                "--screenshot=\(shot.path)", "--window-size=1280,2000", "--dump-dom", html.absoluteString,
            ]
        )
        #expect(r.status == 0, "chromium exited \(r.status): \(String(r.stderr.suffix(2000)))")
        let console = r.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "\(html.lastPathComponent): console messages:\n\(console.joined(separator: "\n"))")
        #expect(r.stdout.contains("<h1>"), "\(html.lastPathComponent): no DOM dumped")
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "\(html.lastPathComponent): the screenshot is (nearly) empty")
        return r.stdout
    }
}
