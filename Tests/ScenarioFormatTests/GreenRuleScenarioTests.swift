import ExactNumbers
import ScenarioFormat
import TenderEngine
import TenderModel
import Testing

/// `--variant rule-2025` changes the Yinchuan result (Docs/rules.md §5 explains why).
@Suite struct GreenRuleScenarioTests {
    @Test func rule2025ChangesYinchuan() throws {
        let base = try BundledScenarioTests.load("yinchuan-2023.yaml")
        let rule2025 = try BundledScenarioTests.load("yinchuan-2023.yaml", variant: "rule-2025")
        let basePlan = LotPlanner.plan(base)
        let plan = LotPlanner.plan(rule2025)
        // Base (2022): every kind green, the coatings lot carries all 7 projects' coatings.
        #expect(basePlan.excluded.allSatisfy { $0.greenClauses })
        let coatings = try #require(basePlan.lots.first { $0.id == "coatings" })
        #expect(coatings.lines.count == 7)
        // 2025, cheapest: P03 keeps pipes (11,250) rather than coatings (31,800); its coatings leave the lot and,
        // at 169,600 below the decentralised limit, are bought by P03 without the green clauses.
        let coatings2025 = try #require(plan.lots.first { $0.id == "coatings" })
        #expect(!coatings2025.lines.contains { $0.reference == "P03/D6" })
        #expect(coatings2025.ceiling == 1_699_200)
        let p03 = try #require(plan.excluded.first { $0.line.reference == "P03/D6" })
        #expect(!p03.greenClauses)
        // Tiles (the largest premium, 11 yuan/m²) are conventional in every project that uses them.
        let tiles = plan.excluded.filter { $0.line.category == "tiles" }
        #expect(tiles.count == 7)
        #expect(tiles.allSatisfy { !$0.greenClauses })
        #expect(
            plan.green.map { $0.plannedShare.map { ($0 * 100).rounded(places: 0) } } == [
                67, 67, 50, 67, 50, 67, 50, 67,
            ]
        )
        // The runs differ: the coatings award and the projects' green premium.
        let a = TenderRun.run(base)
        let b = TenderRun.run(rule2025)
        #expect(a.metrics.contract != b.metrics.contract)
        #expect(a.metrics.greenPremium != b.metrics.greenPremium)
        #expect(b.settlements.allSatisfy { $0.compliance.passes })
    }
}
