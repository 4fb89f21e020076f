import ExactNumbers
import TenderModel
import Testing

@testable import TenderEngine

private typealias F = PlanAndBidFixtures

/// The detection model for generated cover-bidding rings (`policy.evaluation.collusion-detection`).
@Suite struct CollusionDetectionTests {
    /// Ring R: W the designated winner, C1 and C2 covers; T and U bid truthfully. Lot: concrete, 4,000 units at a
    /// ceiling of 500; costs 400–480, so 480 × 1.02 × 1.01 = 494.49… stays below it.
    static func scenario(detection: Exact) -> Scenario {
        let ring = { (winner: Bool) in
            Behaviour.ring(id: "R", designatedWinner: winner, markup: .percent(2), cover: .percent(1))
        }
        var scenario = F.bidding([
            F.supplier("W", behaviour: ring(true)), F.supplier("C1", behaviour: ring(false)),
            F.supplier("C2", behaviour: ring(false)), F.supplier("T"), F.supplier("U"),
        ])
        scenario.policy.evaluation.collusionDetection = detection
        scenario.policy.evaluation.criteria = []
        return scenario
    }

    func outcome(_ detection: Exact, replication: Int = 0) -> LotOutcome {
        let scenario = Self.scenario(detection: detection)
        let bids = BidGenerator.bids(for: F.concreteLot, scenario: scenario, replication: replication).map(\.bid)
        return LotEvaluator.evaluate(F.concreteLot, bids: bids, context: EvaluationContext(scenario))
    }

    @Test func certainDetectionRejectsEveryRingMemberAndNoOneElse() {
        let found = outcome(1)
        for member in ["W", "C1", "C2"] {
            let e = found.evaluations.first { $0.bid.bidder == member }
            #expect(e?.rejections.map(\.reason) == [.collusion], "\(member)")
            #expect(e?.rejections.first?.ground == "Order 87 Art 37(1)")
        }
        #expect(found.evaluations.filter(\.isValid).map(\.bid.bidder).sorted() == ["T", "U"])
    }

    @Test func withoutDetectionTheRingGoesUnnoticed() {
        let unnoticed = outcome(0)
        #expect(unnoticed.evaluations.allSatisfy { $0.bid.evidence.isEmpty && $0.isValid })
    }

    @Test func aDetectionRateBetweenFindsTheRingInSomeReplicationsOnly() {
        // With p = 50% each member is traced with probability 1/2: the ring is caught (2 or more of 3 traced)
        // with probability 3 × 1/8 + 1/8 = 1/2. Over 200 replications both outcomes occur, and a traced
        // member is rejected only when another member is traced too.
        var caught = 0
        for replication in 0..<200 {
            let o = outcome(.percent(50), replication: replication)
            let traced = o.evaluations.filter { !$0.bid.evidence.isEmpty }
            let rejected = o.evaluations.filter { $0.rejections.contains { $0.reason == .collusion } }
            #expect(rejected.count == (traced.count >= 2 ? traced.count : 0))
            if traced.count >= 2 { caught += 1 }
        }
        #expect((60...140).contains(caught), "caught in \(caught) of 200")
    }
}
