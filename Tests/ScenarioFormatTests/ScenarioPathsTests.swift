import Foundation
import ScenarioFormat
import TenderModel
import Testing

/// The override paths come from the readers' key tables: each is one the loader accepts, and every key the
/// format documentation lists is one of them.
@Suite struct ScenarioPathsTests {
    static func loadValid(overrides: [(String, String)] = []) -> LoadResult {
        let loader = ScenarioLoader { path in
            guard path == "/s/main.yaml" else { throw CocoaError(.fileNoSuchFile) }
            return Array(LoaderFixtures.valid.utf8)
        }
        return loader.load("/s/main.yaml", overrides: overrides)
    }

    /// What the loader says when a path does not exist in the scenario's format.
    static let noSuchPath = ["unknown key", "is not a mapping", "no item with id", "not a list of items"]

    @Test func everyPathIsOneTheLoaderAccepts() throws {
        let scenario = try #require(Self.loadValid().scenario)
        let paths = ScenarioPaths.all(in: scenario)
        #expect(Set(paths).count == paths.count)
        for path in paths {
            let messages = Self.loadValid(overrides: [(path, "1")]).diagnostics.map(\.message)
            let refused = messages.filter { message in Self.noSuchPath.contains { message.contains($0) } }
            #expect(refused.isEmpty, "\(path): \(refused)")
        }
        // The check can fail: a key no reader knows is refused.
        let wrong = Self.loadValid(overrides: [("policy.sme.deductions", "1")]).diagnostics.map(\.message)
        #expect(wrong.contains { $0.contains("unknown key 'deductions'") })
    }

    /// The three keys the hand-kept list had missed are among them.
    @Test func thePathsOnceMissedAreThere() {
        for path in ["policy.framework.orders", "policy.framework.minimum-suppliers", "policy.auction.strategy"] {
            #expect(ScenarioPaths.fixed.contains(path), "\(path)")
        }
    }

    /// Where each key table of Docs/scenario-format.md lives: its section heading and position → the path of
    /// its keys in the fixture (items named by the fixture's ids), or nil with the reason it has no paths.
    static let tablePrefixes: [String: [(prefix: String?, reason: String)]] = [
        "meta": [("meta", "")],
        "catalogue": [("catalogue[concrete]", ""), ("catalogue[concrete].clauses[C-1]", "")],
        "projects": [("projects[P01]", ""), ("projects[P01].demands[D1]", "")],
        "suppliers": [("suppliers[S01]", ""), ("suppliers[S01].offers.concrete", "")],
        "bids": [(nil, "bids are a list without ids (rehearsal data): no path names one")],
        "policy.thresholds": [("policy.thresholds", ""), ("policy", "")],
        "policy.lotting": [("policy.lotting", "")],
        "policy.sme": [("policy.sme", "")],
        "policy.evaluation": [("policy.evaluation", ""), ("policy.evaluation.criteria[star]", "")],
        "policy.auction, policy.pricing, policy.framework": [("policy.auction", ""), ("policy.framework", "")],
        "policy.equilibrium": [("policy.equilibrium", "")],
        "policy: the green rule and failures": [("policy", "")],
    ]

    /// The keys of each `| key | …` table, by section heading, in order.
    static func documentedTables() throws -> [(heading: String, index: Int, keys: [String])] {
        let doc = BundledScenarioTests.root.appendingPathComponent("Docs/scenario-format.md")
        let lines = try String(contentsOf: doc, encoding: .utf8).components(separatedBy: "\n")
        var tables: [(heading: String, index: Int, keys: [String])] = []
        var heading = ""
        var inTable = false
        for line in lines {
            if line.hasPrefix("#") {
                heading = String(line.drop { $0 == "#" || $0 == " " })
                inTable = false
            } else if line.hasPrefix("| key |") {
                let index = tables.filter { $0.heading == heading }.count
                tables.append((heading, index, []))
                inTable = true
            } else if inTable && line.hasPrefix("|") {
                guard !line.hasPrefix("|---") else { continue }
                let cell = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
                let parts = cell.split(separator: "`", omittingEmptySubsequences: false)
                if parts.count >= 3 { tables[tables.count - 1].keys.append(String(parts[1])) }
            } else {
                inTable = false
            }
        }
        return tables
    }

    @Test func everyDocumentedKeyIsAPath() throws {
        let scenario = try #require(Self.loadValid().scenario)
        let paths = Set(ScenarioPaths.all(in: scenario))
        let tables = try Self.documentedTables()
        #expect(tables.count >= 16)
        var checked = 0
        for table in tables {
            let places = try #require(Self.tablePrefixes[table.heading], "a key table under '\(table.heading)'")
            try #require(table.index < places.count, "table \(table.index + 1) under '\(table.heading)'")
            guard let prefix = places[table.index].prefix else { continue }
            #expect(!table.keys.isEmpty)
            // An item's id names it: paths enter items by id, the id itself is not a parameter.
            for key in table.keys where key != "id" {
                let known = paths.contains("\(prefix).\(key)")
                #expect(known, "documented '\(key)' under '\(table.heading)' is not \(prefix).\(key)")
                checked += 1
            }
        }
        // Written in the text rather than in a table.
        for path in ["policy.method-below-threshold", "policy.pricing"] {
            #expect(paths.contains(path))
        }
        #expect(checked > 80)
    }
}
