import Foundation
import Testing

/// Hostile and unlucky input (issue 18): never a crash, a leak or a silent truncation. Each case runs the built
/// binary and expects the documented exit status and a message naming the place.
@Suite struct HostileInputTests {
    /// The run JSON of the worked examples, changed by `edit`, written to `directory/NAME.json`.
    static func editedRun(_ name: String, in directory: URL, _ edit: (inout [String: Any]) -> Void) throws -> String {
        let (path, _) = try ExportFixtures.runJSON("rehearsal-worked-examples.yaml", in: directory)
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        )
        edit(&json)
        let edited = directory.appendingPathComponent("\(name).json").path
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: edited))
        return edited
    }

    /// A certificate star that is not a canonical non-negative integer is refused when the document is read.
    @Test(arguments: ["+1", "01", "-1", "1.0", " 1", ""])
    func nonCanonicalStarKeyExits65(key: String) throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try Self.editedRun("star", in: directory) { json in
            var totals = json["totals"] as? [String: Any] ?? [:]
            var byStar = totals["contractByStar"] as? [String: Any] ?? [:]
            byStar[key] = "1"
            totals["contractByStar"] = byStar
            json["totals"] = totals
        }
        let html = directory.appendingPathComponent("r.html").path
        let r = try Fixtures.tender(["report", input, "--html", html])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(
            r.stderr.contains("\(input): error: not a valid result: totals.contractByStar: key '\(key)': expected"),
            "\(r.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: html))
    }

    /// Two lots with the same id are refused when the document is read, by every command that reads it.
    @Test func duplicateLotIdExits65() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try Self.editedRun("dup", in: directory) { json in
            var lots = json["lots"] as? [[String: Any]] ?? []
            var copy = lots[0]
            copy["bids"] = Array((copy["bids"] as? [Any] ?? []).prefix(1))
            lots.append(copy)
            json["lots"] = lots
        }
        let ocds = directory.appendingPathComponent("o.json").path
        for arguments in [["export", input, "--ocds", ocds], ["report", input, "--html", ocds]] {
            let r = try Fixtures.tender(arguments)
            #expect(r.status == 65, "\(arguments): \(r.stderr)")
            #expect(
                r.stderr.contains("\(input): error: not a valid result: lots[5].id: 'example-a' repeats lots[0].id"),
                "\(r.stderr)"
            )
            #expect(!FileManager.default.fileExists(atPath: ocds))
        }
    }
}

/// Scenario files that attack the loader.
@Suite struct HostileScenarioTests {
    /// A chain of 8,000 nested includes (which overflowed the stack) stops at the include depth limit.
    @Test func deepIncludeChainExits65AtTheInclude() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = 8_000
        for index in 1...count {
            let text = index == count ? "catalogue: []\n" : "includes:\n  - c\(index + 1).yaml\n"
            try text.write(to: directory.appendingPathComponent("c\(index).yaml"), atomically: false, encoding: .utf8)
        }
        let main = directory.appendingPathComponent("main.yaml").path
        let meta = "meta:\n  name: deep\n  fiscal-year: 2023\n  bid-date: 2023-06-30\n"
        try (meta + "includes:\n  - c1.yaml\n").write(toFile: main, atomically: false, encoding: .utf8)
        let r = try Fixtures.tender(["validate", main])
        #expect(r.status == 65, "\(r.stderr.prefix(2_000))")
        let file = directory.appendingPathComponent("c32.yaml").path
        #expect(
            r.stderr.contains("\(file):2:5: error: includes[0]: includes nested more than 32 files deep"),
            "\(r.stderr.prefix(2_000))"
        )
    }
    /// `includes: [/etc/passwd]` is refused at the include without reading the file, unless allowed.
    @Test func includeOutsideTheTreeIsRefusedWithoutEchoingIt() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let main = directory.appendingPathComponent("main.yaml").path
        let meta = "meta:\n  name: leak\n  fiscal-year: 2023\n  bid-date: 2023-06-30\n"
        try (meta + "includes: [/etc/passwd]\n").write(toFile: main, atomically: false, encoding: .utf8)
        let r = try Fixtures.tender(["validate", main])
        #expect(r.status == 65)
        #expect(
            r.stderr.contains(
                "\(main):5:12: error: includes[0]: include '/etc/passwd' leads out of the directory of the scenario"
            ),
            "\(r.stderr)"
        )
        #expect(!r.stderr.contains("root:"), "\(r.stderr)")
        let allowed = try Fixtures.tender(["validate", "--allow-includes-outside", main])
        #expect(allowed.status == 65)
        #expect(allowed.stderr.contains("/etc/passwd:1:1: error: expected an included file"), "\(allowed.stderr)")
    }
}

/// Results on standard output are written whole or the command exits 74 with the reason.
@Suite struct StandardOutputTests {
    /// Runs `tender` with standard output sent to `output`; returns the exit status (a signal as 128 + it) and
    /// standard error.
    static func tender(_ arguments: [String], output: Any) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = arguments
        process.environment = ["NO_COLOR": "1", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
        let err = Pipe()
        process.standardOutput = output
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, String(decoding: errData, as: UTF8.self))
    }

    static let commands: [[String]] = [
        ["run", Fixtures.scenario("changchun-2024.yaml"), "--format", "json"],
        ["simulate", Fixtures.scenario("changchun-2024.yaml"), "--format", "json", "--replications", "2"],
        ["export", Fixtures.scenario("changchun-2024.yaml"), "--ocds", "-"],
    ]

    @Test(arguments: commands)
    func fullDeviceExits74(arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let r = try Self.tender(arguments, output: full)
        #expect(r.status == 74, "\(r.stderr)")
        #expect(r.stderr.contains("error: cannot write to standard output: No space left on device"), "\(r.stderr)")
    }

    @Test(arguments: commands)
    func closedPipeExits74(arguments: [String]) throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let r = try Self.tender(arguments, output: pipe)
        #expect(r.status == 74, "\(r.stderr)")
        #expect(r.stderr.contains("error: cannot write to standard output: Broken pipe"), "\(r.stderr)")
    }
}

/// Names from a scenario cannot inject markup, formulas or terminal control into the outputs.
@Suite struct OutputEscapingTests {
    static let hostileName =
        #""A <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) \\|\n# forged\e[2J\a""#

    /// The worked examples with supplier A's name replaced by `hostileName`.
    static func hostileScenario(in directory: URL, name: String = hostileName) throws -> String {
        let text = try String(contentsOfFile: Fixtures.scenario("rehearsal-worked-examples.yaml"), encoding: .utf8)
        let path = directory.appendingPathComponent("hostile.yaml").path
        try text.replacingOccurrences(of: "name: A 大型企业 (large)", with: "name: \(name)")
            .write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func markdownReportEscapesNames() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try Self.hostileScenario(in: directory)
        let out = directory.appendingPathComponent("out").path
        let r = try Fixtures.tender(["run", scenario, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let markdown = try String(contentsOfFile: out + "/evaluation-example-a.md", encoding: .utf8)
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("\u{1B}"))
        #expect(!markdown.split(separator: "\n").contains { $0.hasPrefix("# forged") })
        #expect(
            markdown.contains(
                "| A | A &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1)) "
                    + "\\\\\\|\\n# forged\\u{1B}\\[2J\\u{7} |"
            ),
            "\(markdown)"
        )
    }

    /// ESC, BEL and other control characters from names reach the terminal as escapes, not as controls.
    @Test func terminalTextShowsControlCharactersAsEscapes() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Fixtures.tender(["run", try Self.hostileScenario(in: directory, name: #""A\e[2J\a\rB""#)])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\r" })
        #expect(run.stdout.contains(" A A\\u{1B}[2J\\…"), "\(run.stdout)")
        let text = try String(contentsOfFile: Fixtures.scenario("changchun-2024.yaml"), encoding: .utf8)
        let city = directory.appendingPathComponent("city.yaml").path
        try text.replacingOccurrences(of: "name: 长春市绿色建材批量集中采购", with: "name: \"\\e]0;owned\\a 长春\" #")
            .write(toFile: city, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("shared").path,
            withDestinationPath: Fixtures.root.appendingPathComponent("Scenarios/shared").path
        )
        let simulate = try Fixtures.tender([
            "simulate", city, "--replications", "1", "--quiet", "--allow-includes-outside",
        ])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        #expect(simulate.stdout.hasPrefix("\\u{1B}]0;owned\\u{7} "), "\(simulate.stdout.prefix(200))")
    }
}

/// Inputs that gave a wrong answer, or no answer, without an error.
@Suite struct WrongAnswerTests {
    /// `--replications` has the limit of `meta.replications` (10^8): beyond it is a usage error, before any work.
    @Test(arguments: ["simulate", "compare", "sweep"])
    func replicationsBeyondTheLimitAreRefused(command: String) throws {
        var arguments = [command, "/nonexistent/scenario.yaml", "--replications", "100000001"]
        if command == "compare" { arguments += ["--variants", "base,x"] }
        if command == "sweep" { arguments += ["--grid", "policy.sme.deduction=10%,20%", "--db", "/nonexistent/s.db"] }
        let r = try Fixtures.tender(arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("--replications must be from 1 to 100000000"), "\(r.stderr)")
        let limit = try Fixtures.tender(
            Array(arguments.prefix(2)) + ["--replications", "100000000"] + arguments.dropFirst(4)
        )
        #expect(limit.status == 65, "\(limit.stderr)")
    }
}
