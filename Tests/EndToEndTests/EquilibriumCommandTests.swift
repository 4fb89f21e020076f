import Foundation
import Testing

/// `tender equilibrium` (Docs/behaviour.md, Docs/commands.md).
@Suite struct EquilibriumCommandTests {
    /// A copy of Benchmarks/Scenarios/one-lot-uniform.yaml in a temporary directory.
    static let scenario: String = {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/Scenarios/one-lot-uniform.yaml")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "equilibrium-\(UUID().uuidString).yaml"
        )
        try? FileManager.default.copyItem(at: source, to: copy)
        return copy.path
    }()

    /// Five alike bidders, unit costs U[80, 120], quantity 1, lowest price, all solved (`--bidders all`: they
    /// are declared truthful): one class of five, everyone enters, and the table's first row is the lowest cost.
    @Test func printsOneClassOfFiveAlikeBidders() throws {
        let result = try Fixtures.tender(["equilibrium", Self.scenario, "--bidders", "all"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Lot concrete: 1 classes, expected bidders 5.00, integration"))
        // What defines the class: five large firms, no deduction, no technical points, no preparation cost.
        #expect(
            result.stdout.contains(
                "Class C1 (S01, S02, S03, S04, S05): large; deduction 0%; technical points 0; preparation cost "
                    + "0.00 yuan\n    entry 1.000"
            ),
            "\(result.stdout)"
        )
        #expect(result.stdout.contains("    80.00 "))
    }

    /// The JSON document names its schema and what was solved, and holds every grid point.
    @Test func jsonHoldsEveryGridPoint() throws {
        let result = try Fixtures.tender([
            "equilibrium", Self.scenario, "--format", "json", "--grid", "41", "--bidders", "all",
        ])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "tender-equilibrium")
        #expect(object?["schemaVersion"] as? Int == 3)
        #expect((object?["digest"] as? String)?.count == 64)
        #expect(object?["grid"] as? Int == 41)
        let lots = object?["lots"] as? [[String: Any]]
        let classes = lots?.first?["classes"] as? [[String: Any]]
        #expect((classes?.first?["costs"] as? [Any])?.count == 41)
        // What defines the class.
        #expect(classes?.first?["sizes"] as? [String] == ["large"])
        #expect(classes?.first?["deduction"] as? Double == 0)
        #expect(classes?.first?["technicalPoints"] as? Double == 0)
        #expect(classes?.first?["bidsBy"] as? String == "equilibrium")
        #expect(classes?.first?["participation"] as? Double == 1)
    }

    /// Under `bidders: declared` (the default) the five truthful suppliers are rivals that bid their cost: one
    /// class, not solved (approach none), shown as what it is, in the text and the JSON.
    @Test func declaredTruthfulSuppliersAreRivals() throws {
        let result = try Fixtures.tender(["equilibrium", Self.scenario])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "Lot concrete: 1 classes (1 bidding by their declared behaviour), expected bidders 5.00, "
                    + "integration, none, 0 iterations, converged"
            ),
            "\(result.stdout)"
        )
        #expect(
            result.stdout.contains(
                "Class C1 (S01, S02, S03, S04, S05): rival bidding truthful; large; deduction 0%; technical points 0\n"
                    + "    not solved (bids by its declared behaviour); expected profit 0.00, win 0.200\n"
                    + "    cost              mean bid          markup\n    80.00             80.00             0.00%"
            ),
            "\(result.stdout)"
        )
        let json = try Fixtures.tender(["equilibrium", Self.scenario, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let classes = (object?["lots"] as? [[String: Any]])?.first?["classes"] as? [[String: Any]]
        #expect(classes?.first?["bidsBy"] as? String == "truthful")
        #expect(classes?.first?["markup"] as? [Double] == [0, 0])
    }

    /// A bad option is a usage error.
    @Test func refusesAGridOutOfRange() throws {
        let result = try Fixtures.tender(["equilibrium", Self.scenario, "--grid", "5"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--grid must be between 41 and 401"))
    }

    /// The commands of Docs/behaviour.md "Reading a solution", run as written (in a temporary directory, on a
    /// copy of the scenario): the HTML page shows the markup chart and each class's bid table with the JSON's
    /// numbers, and the CSV tables hold one row per class and one per grid point.
    @Test func documentedReportAndExportOfASolution() throws {
        let doc = try String(contentsOf: Fixtures.root.appendingPathComponent("Docs/behaviour.md"), encoding: .utf8)
        guard let section = doc.components(separatedBy: "## Reading a solution").dropFirst().first,
            let block = section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```")
                .first
        else {
            Issue.record("Docs/behaviour.md has no sh block under 'Reading a solution'")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eq-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let commands = block.split(separator: "\n").map { String($0) }
        #expect(commands.count == 3)
        for command in commands {
            let words = command.split(separator: " ").map(String.init)
            #expect(words.first == "tender", "\(command)")
            let arguments = words.dropFirst().map { word in
                word == "Benchmarks/Scenarios/one-lot-uniform.yaml"
                    ? Self.scenario
                    : word.hasPrefix("equilibrium.") || word.hasPrefix("equilibrium-")
                        ? directory.appendingPathComponent(word).path : word
            }
            let result = try Fixtures.tender(Array(arguments))
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let json = try Data(contentsOf: directory.appendingPathComponent("equilibrium.json"))
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        let lot = (object?["lots"] as? [[String: Any]])?.first
        let classes = lot?["classes"] as? [[String: Any]] ?? []
        let bids = classes.first?["bids"] as? [Double] ?? []
        let costs = classes.first?["costs"] as? [Double] ?? []
        #expect(classes.count == 1 && bids.count == 61 && costs.count == 61)
        let html = try String(contentsOf: directory.appendingPathComponent("equilibrium.html"), encoding: .utf8)
        #expect(html.contains("markup against cost of each class, lot concrete"))
        #expect(html.contains("S01, S02, S03, S04, S05"))
        // The last row of the bid table is the last grid point, bid and markup to 2 places as the JSON has them.
        if let cost = costs.last, let bid = bids.last {
            let row = String(
                format: "%.2f</td><td class=\"num\">%.2f</td><td class=\"num\">%.2f%%",
                cost,
                bid,
                (bid / cost - 1) * 100
            )
            #expect(html.contains(row), "\(row)")
        }
        let converged = lot?["converged"] as? Bool
        #expect(html.contains(converged == true ? "Converged:" : "Not converged"))
        let tables = directory.appendingPathComponent("equilibrium-tables")
        let functions = try String(contentsOf: tables.appendingPathComponent("bid-functions.csv"), encoding: .utf8)
        #expect(functions.hasPrefix("lot,class,cost,bid,markup\r\n"))
        #expect(functions.components(separatedBy: "\r\n").filter { $0.hasPrefix("concrete,C1,") }.count == 61)
        let classTable = try String(contentsOf: tables.appendingPathComponent("classes.csv"), encoding: .utf8)
        #expect(classTable.contains("\r\nconcrete,C1,S01 S02 S03 S04 S05,,"))
    }

    /// A solution file is untrusted input: one that decodes but breaks what a solve writes is refused by
    /// `tender report` with the field named, exit 65, and no HTML written.
    @Test(arguments: [
        (
            "\"bids\": [2, 2.5, 3]", "\"bids\": [1, 2]",
            "classes[0].bids: 2 values for 3 costs; expected one bid per cost"
        ),
        (
            "\"costs\": [1, 2, 3]", "\"costs\": [3, 2, 1]",
            "classes[0].costs[1]: 2.0 is below the cost before it; expected ascending costs"
        ),
        ("\"entry\": 1,", "\"entry\": 1.5,", "classes[0].entry: expected a probability 0 to 1"),
    ])
    func refusesABrokenSolution(original: String, change: String, message: String) throws {
        let good = """
            {"schema": "tender-equilibrium", "scenario": "s", "seed": 1, "grid": 3, "tolerance": 0.02, "lots": [
            {"lot": "L1", "method": "integration", "iterations": 4, "converged": true, "expectedBidders": 2,
             "largestGain": 0, "largestGainShare": 0, "classes": [
              {"id": "C1", "members": ["A", "B"], "entry": 1, "expectedProfit": 1, "preparationCost": 0,
               "winProbability": 0.5, "largestGain": 0, "largestGainShare": 0, "costs": [1, 2, 3], "bids": [2, 2.5, 3]}
            ]}]}
            """
        #expect(good.contains(original))
        let broken = good.replacingOccurrences(of: original, with: change)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eq-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("bad.json")
        try Data(broken.utf8).write(to: input)
        let html = directory.appendingPathComponent("out.html")
        let okInput = directory.appendingPathComponent("good.json")
        try Data(good.utf8).write(to: okInput)
        #expect(try Fixtures.tender(["report", okInput.path, "--html", html.path]).status == 0)
        try FileManager.default.removeItem(at: html)
        let result = try Fixtures.tender(["report", input.path, "--html", html.path])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("\(input.path): error: not a valid result: lots[0].\(message)"),
            "\(result.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: html.path))
    }
}

/// Version 2 of the solution document describes each class (sizes, deduction, technical points): the report shows
/// the description in the class table and the chart's legend; a damaged description is refused with the field
/// named, and a newer version than this tender reads is refused.
@Suite struct EquilibriumClassDescriptionTests {
    static let good = """
        {"schema": "tender-equilibrium", "schemaVersion": 2, "scenario": "s", "seed": 1, "grid": 3, "tolerance": 0.02,
         "lots": [{"lot": "L1", "method": "integration", "iterations": 4, "converged": true, "expectedBidders": 2,
         "largestGain": 0, "largestGainShare": 0, "classes": [
          {"id": "C1", "members": ["A", "B"], "sizes": ["small", "micro"], "deduction": 0.1, "technicalPoints": 8,
           "entry": 1, "expectedProfit": 1, "preparationCost": 0, "winProbability": 0.5, "largestGain": 0,
           "largestGainShare": 0, "costs": [1, 2, 3], "bids": [2, 2.5, 3]}
        ]}]}
        """

    static func report(_ text: String) throws -> (status: Int32, stderr: String, html: String?) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eq-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("solution.json")
        try Data(text.utf8).write(to: input)
        let html = directory.appendingPathComponent("out.html")
        let result = try Fixtures.tender(["report", input.path, "--html", html.path])
        return (result.status, result.stderr, try? String(contentsOf: html, encoding: .utf8))
    }

    @Test func theReportDescribesEachClass() throws {
        let result = try Self.report(Self.good)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try #require(result.html)
        #expect(html.contains("<td>small, micro; deduction 10%; technical points 8</td>"), "\(html)")
        #expect(html.contains("class C1 (small, micro; −10%; 8 pts)"))
    }

    @Test(arguments: [
        (
            "\"deduction\": 0.1", "\"deduction\": 1.5",
            "lots[0].classes[0].deduction: 1.5; expected a share from 0 up to 1"
        ),
        (
            "\"technicalPoints\": 8", "\"technicalPoints\": -2",
            "lots[0].classes[0].technicalPoints: -2.0; expected 0 or more points"
        ),
        (
            "\"sizes\": [\"small\", \"micro\"], ", "",
            "lots[0].classes[0].sizes: missing; expected it in every class of schema version 2"
        ),
        ("\"sizes\": [\"small\", \"micro\"]", "\"sizes\": [\"small\", 3]", "lots[0].classes[0].sizes[1]: "),
        (
            "\"schemaVersion\": 2", "\"schemaVersion\": 4",
            "schemaVersion: 4; expected 1 to 3 (a newer tender wrote it?)"
        ),
    ])
    func refusesADamagedDescription(original: String, change: String, message: String) throws {
        #expect(Self.good.contains(original))
        let result = try Self.report(Self.good.replacingOccurrences(of: original, with: change))
        #expect(result.status == 65)
        #expect(result.stderr.contains("error: not a valid result: \(message)"), "\(result.stderr)")
        #expect(result.html == nil)
    }

    /// Version 3 says how each class bids: a rival bidding by its declared behaviour is described as such in the
    /// class table, without entry, preparation cost or deviation gain, and left out of the chart; a version-3
    /// class without `bidsBy` or with a participation above 1 is refused.
    @Test func aVersionThreeRivalIsShownAsARival() throws {
        let v3 = Self.good.replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 3")
            .replacingOccurrences(
                of: "\"technicalPoints\": 8,",
                with: "\"technicalPoints\": 8, \"bidsBy\": \"equilibrium\", \"participation\": 1,"
            )
            .replacingOccurrences(
                of: "\"bids\": [2, 2.5, 3]}",
                with: "\"bids\": [2, 2.5, 3]}, {\"id\": \"C2\", \"members\": [\"R\"], \"sizes\": [\"large\"], "
                    + "\"deduction\": 0, \"technicalPoints\": 0, \"bidsBy\": \"markup\", \"participation\": 0.6, "
                    + "\"markup\": [0.05, 0.1], \"entry\": 1, \"expectedProfit\": 0.1, \"preparationCost\": 0, "
                    + "\"winProbability\": 0.25, \"largestGain\": 0, \"largestGainShare\": 0, \"costs\": [1, 3], "
                    + "\"bids\": [1.075, 3.225]}"
            )
        #expect(v3.contains("\"C2\""))
        let result = try Self.report(v3)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try #require(result.html)
        #expect(
            html.contains(
                "<td>rival bidding markup 5%–10%; large; deduction 0%; technical points 0; participation 60%</td>"
            ),
            "\(html)"
        )
        #expect(
            html.contains(
                "<td class=\"num\">–</td><td class=\"num\">0.10</td><td class=\"num\">–</td><td class=\"num\">0.25</td><td class=\"num\">–</td>"
            )
        )
        #expect(html.contains("Bids of class C1") && !html.contains("Bids of class C2"))
        #expect(!html.contains("class C2"))
        let missing = try Self.report(v3.replacingOccurrences(of: "\"bidsBy\": \"markup\", ", with: ""))
        #expect(missing.status == 65)
        #expect(
            missing.stderr.contains(
                "lots[0].classes[1].bidsBy: missing; expected it in every class of schema version 3"
            ),
            "\(missing.stderr)"
        )
        let above = try Self.report(
            v3.replacingOccurrences(of: "\"participation\": 0.6", with: "\"participation\": 1.5")
        )
        #expect(
            above.stderr.contains("lots[0].classes[1].participation: 1.5; expected a probability above 0, at most 1")
        )
    }

    /// A version-1 document (no schemaVersion, classes without a description) still reads.
    @Test func aVersionOneDocumentStillReads() throws {
        var old = Self.good.replacingOccurrences(of: "\"schemaVersion\": 2, ", with: "")
        old = old.replacingOccurrences(
            of: "\"sizes\": [\"small\", \"micro\"], \"deduction\": 0.1, \"technicalPoints\": 8,",
            with: ""
        )
        #expect(!old.contains("sizes") && !old.contains("schemaVersion"))
        let result = try Self.report(old)
        #expect(result.status == 0, "\(result.stderr)")
        // Nothing to say of a version-1 class but its id and members: the definition cell is empty.
        #expect(result.html?.contains("<td>A, B</td><td></td>") == true, "\(result.html ?? "")")
    }
}

/// The solved equilibrium through the commands (Docs/behaviour.md, Docs/commands.md): the example of
/// behaviour.md, `--set`, and `tender equilibrium` reading `policy.equilibrium`.
@Suite struct SolvedEquilibriumCommandTests {
    static let scenario = Fixtures.root.appendingPathComponent("Scenarios/equilibrium-entry.yaml").path

    /// behaviour.md's example (with fewer replications): the comparison reports the small and large firms'
    /// markups and the entry rate with their differences.
    @Test func compareReportsMarkupsAndEntry() throws {
        let result = try Fixtures.tender([
            "compare", Self.scenario, "--variants", "base,deduction-20", "--replications", "40", "--format", "json",
            "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["markup-small-micro", "markup-large", "entry-rate", "bidders-per-lot"] {
            #expect(result.stdout.contains("\"\(name)\""), "\(name)")
        }
        let text = try Fixtures.tender([
            "compare", Self.scenario, "--variants", "base,deduction-20", "--replications", "40", "--quiet",
        ])
        #expect(text.status == 0)
        #expect(text.stdout.contains("markup-small-micro") || text.stdout.contains("small/micro markup"))
    }

    /// `--set` applies to every variant: the formula variant switched back to the solved equilibrium records
    /// the response; a malformed `--set` is a usage error.
    @Test func setOverridesEveryVariant() throws {
        let result = try Fixtures.tender([
            "simulate", Self.scenario, "--variant", "formula", "--set", "policy.equilibrium.method=solved",
            "--replications", "10", "--format", "json", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"entry-rate\""))
        let plain = try Fixtures.tender([
            "simulate", Self.scenario, "--variant", "formula", "--replications", "10", "--format", "json", "--quiet",
        ])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("\"entry-rate\""))
        let bad = try Fixtures.tender(["simulate", Self.scenario, "--set", "policy.equilibrium.method"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--set: expected PATH=VALUE"))
        let unknown = try Fixtures.tender(["simulate", Self.scenario, "--set", "policy.equilibrium.methd=solved"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("did you mean 'method'"))
    }

    /// The README's example of bidders who respond to the rules: its command prints its two markup lines.
    @Test func theREADMEShowsWhatItsEquilibriumComparisonPrints() throws {
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        let command = try #require(readme.range(of: ".build/release/tender compare Scenarios/equilibrium-entry.yaml"))
        let line = readme[command.lowerBound...].prefix { $0 != "\n" }
        let words = line.split(separator: " ").dropFirst().map(String.init)
        #expect(words.contains("--replications"))
        let start = try #require(readme.range(of: "```text\n", range: command.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let lines = readme[start.upperBound..<end.lowerBound].split(separator: "\n")
        #expect(lines.count == 2)
        let result = try Fixtures.tender(
            words.map { $0.hasPrefix("Scenarios/") ? Fixtures.root.appendingPathComponent($0).path : $0 }
        )
        #expect(result.status == 0, "\(result.stderr)")
        for line in lines { #expect(result.stdout.contains(line + "\n"), "README line not in the output: \(line)") }
    }

    /// A bad `policy.equilibrium.bidders` given by `--set` is refused with the path and what is expected.
    @Test func aBadBiddersValueIsRefused() throws {
        let result = try Fixtures.tender(["simulate", Self.scenario, "--set", "policy.equilibrium.bidders=everyone"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("policy.equilibrium.bidders: expected one of declared, all, found 'everyone'"),
            "\(result.stderr)"
        )
    }

    /// `tender equilibrium` takes the grid and the preparation cost from the scenario's policy.equilibrium
    /// (grid 41 here) unless the options say otherwise.
    @Test func equilibriumReadsThePolicy() throws {
        let result = try Fixtures.tender(["equilibrium", Self.scenario, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let lots = object?["lots"] as? [[String: Any]]
        let classes = lots?.first?["classes"] as? [[String: Any]]
        #expect((classes?.first?["costs"] as? [Any])?.count == 41)
        let entry = try Fixtures.tender(["equilibrium", Self.scenario, "--variant", "preparation-cost"])
        #expect(entry.status == 0)
        #expect(entry.stdout.contains("preparation cost 50000.00 yuan per bid"), "\(entry.stdout)")
    }
}
