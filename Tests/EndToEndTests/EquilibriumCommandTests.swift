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
