import ExactNumbers
import ScenarioFormat
import TenderEngine
import TenderModel
import Testing

/// Economies of scale in a supplier's unit cost (`offers.<category>.scale`, Docs/planning.md).
@Suite struct ScaleEconomyTests {
    static func withScale(_ scale: String, policy: String) -> String {
        ProcedureTests.scenario(policy: policy).replacingOccurrences(
            of: "        cost: {fixed: 400}\n",
            with: "        cost: {fixed: 400}\n        scale: \(scale)\n"
        )
    }

    /// S01's unit cost 400 at a reference quantity of 1,000, elasticity −0.1, in a lot of 5,000 m³:
    /// 400 × 5^−0.1 = 400 × 0.851340… = 340.536… → 340.54 a unit, 1,702,700 in all. Single source with the
    /// purchaser's share 50 % of the surplus up to the ceiling 2,400,000: 1,702,700 + ½ × 697,300 = 2,051,350
    /// (2,200,000 without the scale).
    @Test func aLargerLotLowersTheUnitCost() throws {
        let policy = "  method-below-threshold: single-source\n  single-source: {suppliers: {concrete: S01}}"
        let result = MemoryFiles([
            "/s/main.yaml": Self.withScale("{elasticity: -0.1, reference-quantity: 1000}", policy: policy)
        ]).load()
        #expect(result.diagnostics.isEmpty, "\(LoaderFixtures.lines(result))")
        let scenario = try #require(result.scenario)
        #expect(
            scenario.suppliers[0].scale["concrete"]
                == ScaleEconomy(elasticity: Exact("-0.1")!, referenceQuantity: 1000)
        )
        let outcome = try #require(TenderRun.run(scenario).outcomes.first)
        #expect(outcome.contractPrice == 2_051_350)
        // At the reference quantity the cost model holds as written.
        let atReference = try #require(
            MemoryFiles([
                "/s/main.yaml": Self.withScale("{elasticity: -0.1, reference-quantity: 5000}", policy: policy)
            ]).load().scenario
        )
        #expect(TenderRun.run(atReference).outcomes.first?.contractPrice == 2_200_000)
    }

    @Test func anElasticityOutsideMinusOneToOneIsAnError() {
        let result = MemoryFiles([
            "/s/main.yaml": Self.withScale("{elasticity: 2, reference-quantity: 1000}", policy: "")
        ]).load()
        #expect(result.scenario == nil)
        #expect(
            LoaderFixtures.lines(result).contains {
                $0.contains(
                    "error: suppliers[S01].offers.concrete.scale.elasticity: expected an elasticity ≤ 1, found 2"
                )
            },
            "\(LoaderFixtures.lines(result))"
        )
    }
}
