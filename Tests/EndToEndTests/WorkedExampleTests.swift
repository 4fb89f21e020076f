import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// Docs/rules.md §10 examples A–D, entered as bids in Scenarios/rehearsal-worked-examples.yaml and run
/// through the whole engine. Each bidder has 60 technical points, so total = price score + 60.
@Suite struct WorkedExampleTests {
    func outcome(_ lot: String, variant: String? = nil) throws -> LotOutcome {
        let scenario = try Fixtures.load("rehearsal-worked-examples.yaml", variant: variant)
        let result = TenderRun.run(scenario)
        return try #require(result.outcomes.first { $0.lot.id == lot })
    }

    func priceScores(_ outcome: LotOutcome) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: outcome.evaluations.compactMap { e in
                e.priceScore.map { (e.bid.bidder, $0.rounded(places: 2).formatted(places: 2)) }
            }
        )
    }

    func e(_ outcome: LotOutcome, _ bidder: String) throws -> BidEvaluation {
        try #require(outcome.evaluations.first { $0.bid.bidder == bidder })
    }

    @Test func exampleA() throws {
        let o = try outcome("example-a")
        #expect(priceScores(o) == ["A": "28.80", "D": "25.60", "F": "30.00"])
        #expect(try e(o, "F").recordedTotal == Exact("90.00"))
        // The uncertified lowest bid is rejected with the clause named, and never scored.
        let rejected = try e(o, "E")
        #expect(rejected.rejections.map(\.reason) == [.greenClause])
        #expect(rejected.rejections.first?.detail.hasPrefix("A-1: no green building material certificate") == true)
        #expect(rejected.priceScore == nil)
        #expect(o.winner == "F")
        #expect(o.contractPrice == Exact("96.00"))
        #expect(o.candidates == ["F", "A", "D"])
    }

    @Test func exampleB() throws {
        let o = try outcome("example-b")
        #expect(try e(o, "B").evaluatedPrice == Exact("97.20"))
        #expect(try e(o, "C").evaluatedPrice == Exact("108.00"))
        #expect(priceScores(o) == ["A": "29.16", "B": "30.00", "C": "27.00", "D": "29.45"])
        #expect(try e(o, "D").priceScore?.description == "324/11")  // 29.4545…
        #expect(o.winner == "B")
        #expect(o.contractPrice == Exact(108))  // the contract stays at the quoted price
    }

    @Test func exampleC() throws {
        let o = try outcome("example-c", variant: "deduction-20")
        #expect(try e(o, "B").evaluatedPrice == Exact("94.40"))
        #expect(priceScores(o)["A"] == "28.32")
        #expect(priceScores(o)["B"] == "30.00")
        #expect(o.winner == "B")
    }

    @Test func exampleD() throws {
        let o = try outcome("example-d", variant: "deduction-20")
        #expect(try e(o, "J").evaluatedPrice == Exact("98.88"))
        #expect(try e(o, "S").evaluatedPrice == Exact("92.00"))
        #expect(priceScores(o) == ["A": "27.60", "J": "27.91", "S": "30.00"])
        #expect(try e(o, "J").priceScore?.formatted(places: 4, mode: .towardZero) == "27.9126")
        #expect(o.winner == "S")
        #expect(o.contractPrice == Exact(115))
    }
}
