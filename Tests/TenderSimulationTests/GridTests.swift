import ScenarioFormat
import Testing

@testable import TenderSimulation

@Suite struct GridTests {
    @Test func exactPercentRange() throws {
        let axis = try GridAxis(parsing: "policy.sme.deduction=10%..20% step 2%")
        #expect(axis.path == "policy.sme.deduction")
        #expect(axis.values == ["10%", "12%", "14%", "16%", "18%", "20%"])
    }

    @Test func decimalRangesAreExact() throws {
        // 0.1 + 0.1 + 0.1 is 0.3 exactly: no 0.30000000000000004, and the end is reached.
        #expect(try GridAxis(parsing: "p=0.1..0.3 step 0.1").values == ["0.1", "0.2", "0.3"])
        #expect(try GridAxis(parsing: "p=1..2 step 0.4").values == ["1", "1.4", "1.8"])
        #expect(try GridAxis(parsing: "p=5%..6% step 0.25%").values == ["5%", "5.25%", "5.5%", "5.75%", "6%"])
    }

    @Test func listsKeepTheirText() throws {
        let axis = try GridAxis(parsing: "policy.evaluation.price-points=30, 40,50,60")
        #expect(axis.values == ["30", "40", "50", "60"])
    }

    @Test func mistakesAreExplained() {
        func message(_ text: String) -> String {
            do {
                _ = try GridAxis(parsing: text)
                return ""
            } catch { return error.description }
        }
        #expect(message("policy.sme.deduction").contains("expected PATH=VALUES"))
        #expect(message("policy.sme.deduction=10%..20%").contains("START..END step STEP"))
        #expect(message("policy.sme.deduction=10%..20 step 2%").contains("'%'"))
        #expect(message("p=1..2 step 0").contains("positive"))
        #expect(message("p=3..2 step 1").contains("starts after it ends"))
        #expect(message("p=1e3..2e3 step 1").contains("not an exact decimal"))
        #expect(message("p=1,,2").contains("empty value"))
        #expect(message("policy..x=1").contains("not a scenario path"))
    }

    @Test func cartesianOrderLastAxisFastest() throws {
        let grid = try Grid([
            GridAxis(path: "a", values: ["1", "2"]),
            GridAxis(path: "b", values: ["x", "y", "z"]),
        ])
        #expect(grid.count == 6)
        #expect(grid.cell(0).map(\.description) == ["a=1", "b=x"])
        #expect(grid.cell(4).map(\.description) == ["a=2", "b=y"])
        #expect(throws: GridError.self) {
            try Grid([GridAxis(path: "a", values: ["1"]), GridAxis(path: "a", values: ["2"])])
        }
    }

    @Test func didYouMeanForUnknownPaths() {
        let known = ScenarioPaths.fixed
        #expect(ScenarioPaths.suggestion(for: "policy.price.points", among: known) == "policy.evaluation.price-points")
        #expect(ScenarioPaths.suggestion(for: "policy.sme.deductoin", among: known) == "policy.sme.deduction")
        #expect(ScenarioPaths.suggestion(for: "policy.sme.deduction", among: known) == nil)
    }

    /// Without a containing candidate: the nearest path by edit distance, case-sensitive, within a third of
    /// the mistyped path's length (the scenario's own did-you-mean allows a third of the shorter word).
    @Test func didYouMeanFallsBackToEditDistance() {
        let known = ScenarioPaths.fixed
        // 4 edits from `meta.seed`: a third of 13 characters, though more than a third of 9.
        #expect(ScenarioPaths.suggestion(for: "meta.seed.val", among: known) == "meta.seed")
        #expect(ScenarioPaths.suggestion(for: "meta.seed.value", among: known) == nil)
        #expect(ScenarioPaths.suggestion(for: "meta.Seeds", among: known) == "meta.seed")
        #expect(ScenarioPaths.suggestion(for: "META.SEED", among: known) == nil)
        #expect(ScenarioPaths.suggestion(for: "policy.x", among: []) == nil)
    }

    @Test func shards() throws {
        let shard = try Shard(parsing: "1/4")
        #expect(shard.size(of: 10) == 3)  // 1, 5, 9
        #expect((0..<3).map(shard.item(at:)) == [1, 5, 9])
        #expect(Shard.whole.size(of: 10) == 10)
        #expect(throws: ShardError.self) { try Shard(parsing: "4/4") }
        #expect(throws: ShardError.self) { try Shard(parsing: "a/b") }
        #expect(throws: ShardError.self) { try Shard(parsing: "0/0") }
        let parts = (0..<4).map { try! Shard(parsing: "\($0)/4") }
        #expect(parts.map { $0.size(of: 10) }.reduce(0, +) == 10)
    }
}
