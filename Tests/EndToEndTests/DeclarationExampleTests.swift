import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// Example E of Docs/rules.md §10: the declarations and evidence of entered bids checked, on lot `example-e`
/// of Scenarios/rehearsal-worked-examples.yaml.
@Suite struct DeclarationExampleTests {
    @Test func exampleEIsWhatTheRuleBookSays() throws {
        let result = TenderRun.run(try Fixtures.load("rehearsal-worked-examples.yaml"))
        let outcome = try #require(result.outcomes.first { $0.lot.id == "example-e" })
        func bid(_ bidder: String) throws -> BidEvaluation {
            try #require(outcome.evaluations.first { $0.bid.bidder == bidder })
        }
        // J: the registered 35% (not the declared 45%) → 4%: 102 × 0.96 = 97.92, the base.
        #expect(try bid("J").evaluatedPrice == Exact("97.92")!)
        // B: declaration refused (product made by a large firm): 104 stays 104; 97.92 / 104 × 30 + 60 = 88.2461…
        #expect(try bid("B").deduction == .zero)
        #expect(try bid("B").recordedTotal == Exact("88.25")!)
        // A: 97.92 / 100 × 30 + 60 = 89.376 → 89.38.
        #expect(try bid("A").recordedTotal == Exact("89.38")!)
        #expect(outcome.winner == "J" && outcome.contractPrice == 102)
        func grounds(_ bidder: String) throws -> [String] {
            try bid(bidder).rejections.map { "\($0.reason.rawValue) \($0.ground)" }
        }
        #expect(try grounds("E") == ["conditions Order 87 Art 63(5)"])
        #expect(try grounds("F") == ["green-clause Order 87 Art 63(6); 需求标准"])
        #expect(try grounds("D") == ["collusion Order 87 Art 37(6)"])
        #expect(try grounds("G") == ["collusion Order 87 Art 37(4)", "collusion Order 87 Art 37(6)"])
        #expect(try grounds("C") == ["collusion Order 87 Art 37(4)"])
        #expect(try grounds("S") == ["collusion Order 87 Art 37(4)"])
        #expect(
            outcome.audit.contains(
                "J: consortium share declared 0.45, the registered agreement K1 says 0.35; the agreement's share is used"
            )
        )
    }
}
