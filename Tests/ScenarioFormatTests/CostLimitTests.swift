import ScenarioFormat
import Testing

/// Costs are drawn in floating point and were capped at 10^13 yuan without a word: a cost model that reaches
/// beyond is refused where it is written.
@Suite struct CostLimitTests {
    static func load(cost: String) -> [String] {
        let text = LoaderFixtures.valid.replacingOccurrences(
            of: "cost: { uniform: { low: 380, high: 440 } }",
            with: "cost: \(cost)"
        )
        return LoaderFixtures.lines(MemoryFiles(["/s/main.yaml": text]).load())
    }

    @Test(arguments: [
        "{ uniform: { low: 380, high: 20000000000000 } }",
        "{ fixed: 10000000000000.01 }",
        "{ empirical: [1, 99999999999999999999] }",
        "{ truncated-normal: { mean: 400, sd: 10, low: 1, high: 100000000000000000000 } }",
    ])
    func costsBeyondTheLimitAreRefused(cost: String) {
        let lines = Self.load(cost: cost)
        #expect(
            lines.contains {
                $0.contains("error: suppliers[S01].offers.concrete.cost: unit costs are limited to 10000000000000 yuan")
            },
            "\(lines)"
        )
    }

    @Test func lognormalReachingBeyondTheLimitIsRefused() {
        let lines = Self.load(cost: "{ lognormal: { mu: 28, sigma: 0.5 } }")
        #expect(lines.contains { $0.contains("a lognormal with mu + 6 × sigma above 29.9336") }, "\(lines)")
        #expect(Self.load(cost: "{ lognormal: { mu: 6, sigma: 0.3 } }").allSatisfy { $0.contains("warning") })
        #expect(
            Self.load(cost: "{ uniform: { low: 380, high: 10000000000000 } }").allSatisfy { $0.contains("warning") }
        )
    }
}
