import ExactNumbers
import ScenarioFormat
import TenderModel
import Testing

/// `policy.equilibrium` and a supplier's `preparation-cost` (Docs/scenario-format.md, Docs/behaviour.md).
@Suite struct EquilibriumKeysTests {
    typealias L = LoaderFixtures

    func load(_ text: String, variant: String? = nil) -> LoadResult {
        MemoryFiles(["/s/main.yaml": text]).load(variant: variant)
    }

    static func withPolicy(_ line: String) -> String {
        L.valid.replacingOccurrences(of: "policy:\n", with: "policy:\n  \(line)\n")
    }

    /// Without the keys: the formula, grid 61, tolerance 2 %, no preparation cost.
    @Test func theDefaultsAreTheFormulaAndNoPreparationCost() throws {
        let scenario = try #require(load(L.valid).scenario)
        #expect(scenario.policy.equilibrium == EquilibriumPolicy())
        #expect(scenario.policy.equilibrium.method == .formula)
        #expect(scenario.policy.equilibrium.bidders == .declared)
        #expect(scenario.policy.equilibrium.grid == 61)
        #expect(scenario.policy.equilibrium.tolerance == .percent(2))
        #expect(scenario.policy.equilibrium.preparationCost == .zero)
        #expect(scenario.suppliers.allSatisfy { $0.preparationCost == nil })
    }

    @Test func theKeysAreRead() throws {
        let text = Self.withPolicy(
            "equilibrium: {method: solved, bidders: all, grid: 41, tolerance: 5%, preparation-cost: 20000}"
        ).replacingOccurrences(of: "participation: 90%\n", with: "participation: 90%\n    preparation-cost: 1500.5\n")
        let result = load(text)
        #expect(result.diagnostics.isEmpty, "\(L.lines(result))")
        let scenario = try #require(result.scenario)
        #expect(scenario.policy.equilibrium.method == .solved)
        #expect(scenario.policy.equilibrium.bidders == .all)
        #expect(scenario.policy.equilibrium.grid == 41)
        #expect(scenario.policy.equilibrium.tolerance == .percent(5))
        #expect(scenario.policy.equilibrium.preparationCost == 20000)
        #expect(scenario.suppliers.contains { $0.preparationCost == Exact("1500.5") })
    }

    /// Each bad value is reported at its place, all in one pass.
    @Test func badValuesArePositionedErrors() throws {
        let text = Self.withPolicy(
            "equilibrium: {method: solve, bidders: al, grid: 20, tolerance: 0%, preparation-cost: -5}"
        ).replacingOccurrences(of: "participation: 90%\n", with: "participation: 90%\n    preparation-cost: x\n")
        let lines = L.lines(load(text))
        #expect(lines.count == 6, "\(lines)")
        // The bidders' error at the value's line and column.
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(rows.firstIndex { $0.contains("bidders: al,") })
        let column = try #require(rows[row].range(of: "al,")).lowerBound.utf16Offset(in: rows[row]) + 1
        #expect(
            lines.contains(
                "main.yaml:\(row + 1):\(column): error: policy.equilibrium.bidders: expected one of declared, all, "
                    + "found 'al'; did you mean 'all'?"
            ),
            "\(lines)"
        )
        let expected = [
            "error: policy.equilibrium.method: expected one of formula, solved, found 'solve'; did you mean 'solved'?",
            "error: policy.equilibrium.grid: expected a whole number from 41 to 401, found 20",
            "error: policy.equilibrium.tolerance: expected a share of expected profit above 0% and below 100%, found 0%",
            "error: policy.equilibrium.preparation-cost: expected an amount in yuan ≥ 0, found -5",
            "error: suppliers[S01].preparation-cost: not a number",
        ]
        for fragment in expected {
            #expect(lines.contains { $0.contains(fragment) && $0.hasPrefix("main.yaml:") }, "\(fragment) in \(lines)")
        }
    }

    /// The keys are override paths: a variant (and `--set`, a sweep's `--grid`) can switch the method.
    @Test func aVariantCanSwitchTheMethod() throws {
        let text =
            L.valid + "\n  solved:\n    set:\n      policy.equilibrium.method: solved\n"
            + "      suppliers[S01].preparation-cost: 100\n      policy.equilibrium.bidders: all\n"
        let scenario = try #require(load(text, variant: "solved").scenario)
        #expect(scenario.policy.equilibrium.method == .solved)
        #expect(scenario.policy.equilibrium.bidders == .all)
        #expect(scenario.suppliers.first { $0.id == "S01" }?.preparationCost == 100)
        #expect(ScenarioPaths.fixed.contains("policy.equilibrium.preparation-cost"))
    }
}
