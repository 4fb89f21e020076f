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

    /// Five alike bidders, unit costs U[80, 120], quantity 1, lowest price: one class of five, everyone
    /// enters, and the table's first row is the lowest cost.
    @Test func printsOneClassOfFiveAlikeBidders() throws {
        let result = try Fixtures.tender(["equilibrium", Self.scenario])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Lot concrete: 1 classes, expected bidders 5.00, integration"))
        #expect(result.stdout.contains("Class C1 (S01, S02, S03, S04, S05): entry 1.000"))
        #expect(result.stdout.contains("    80.00 "))
    }

    /// The JSON document names its kind and holds every grid point (61 by default).
    @Test func jsonHoldsEveryGridPoint() throws {
        let result = try Fixtures.tender(["equilibrium", Self.scenario, "--format", "json", "--grid", "41"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == "equilibrium")
        let lots = object?["lots"] as? [[String: Any]]
        let classes = lots?.first?["classes"] as? [[String: Any]]
        #expect((classes?.first?["costs"] as? [Any])?.count == 41)
    }

    /// A bad option is a usage error.
    @Test func refusesAGridOutOfRange() throws {
        let result = try Fixtures.tender(["equilibrium", Self.scenario, "--grid", "5"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--grid must be between 41 and 401"))
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
