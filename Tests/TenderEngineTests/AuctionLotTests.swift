import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// Reverse-auction lots and second-price lots through `TenderRun`: admission by the reviews, the minimum
/// number of valid bidders, rehearsal moves, and the second-price payment.
@Suite struct AuctionLotTests {
    typealias F = AuctionFixtures

    static func auctionPolicy(_ policy: inout Policy) {
        policy.methodBelowThreshold = .reverseAuction
    }

    @Test func aReverseAuctionLotIsWonByTheLowestCostNearTheSecondLowestCost() throws {
        let scenario = F.scenario(
            [
                F.supplier("S1", cost: 470), F.supplier("S2", cost: 440), F.supplier("S3", cost: 455),
                F.supplier("S4", cost: 300, debarred: true),
            ],
            policy: Self.auctionPolicy
        )
        let (outcome, result) = F.run(scenario)
        #expect(outcome.lot.method == .reverseAuction)
        let record = try #require(outcome.auction)
        #expect(record.format == .eMall)
        #expect(record.ceiling == 2_000_000)
        #expect(outcome.winner == "S2")
        let price = try #require(outcome.contractPrice)
        let c2 = Exact(455 * 4000)
        #expect(price - record.step!.required(below: price) < c2)
        #expect(price >= c2 - record.step!.required(below: c2) - F.x("0.01"))
        // The debarred supplier is refused at admission with the review's ground and never bids.
        #expect(outcome.of("S4").rejections.map(\.reason) == [.debarred])
        #expect(!record.moves.contains { $0.bidder == "S4" })
        #expect(outcome.candidates == ["S2", "S3", "S1"])
        #expect(result.lotMetrics[0].contract == price)
        #expect(result.metrics.contract == price)
    }

    @Test func fewerThanThreeValidBiddersFailTheLot() {
        let scenario = F.scenario(
            [F.supplier("S1", cost: 470), F.supplier("S2", cost: 440), F.supplier("S3", cost: 455, debarred: true)],
            policy: Self.auctionPolicy
        )
        let (outcome, result) = F.run(scenario)
        #expect(outcome.winner == nil)
        #expect(
            outcome.failure
                == LotFailure(
                    .tooFewValidBids,
                    "2 valid bidders after the auction, 3 required (反向竞价 rules; GPL Art 36)"
                )
        )
        #expect(outcome.auction != nil)
        #expect(result.metrics.failedLots == 1)
    }

    @Test func aReTenderHoldsTheAuctionAgain() {
        let scenario = F.scenario(
            [F.supplier("S1", cost: 470), F.supplier("S2", cost: 440)],
            policy: {
                Self.auctionPolicy(&$0)
                $0.onFailure = .retender
            }
        )
        let (outcome, _) = F.run(scenario)
        #expect(outcome.failure != nil)
        #expect(outcome.audit.first?.hasPrefix("first reverse auction failed") == true)
    }

    @Test func aProZorroLotUsesTheSealedBidsFirst() throws {
        let scenario = F.scenario(
            [
                F.supplier("S1", cost: 470, behaviour: .markup(low: .percent(5), high: .percent(5))),
                F.supplier("S2", cost: 440, behaviour: .markup(low: .percent(5), high: .percent(5))),
                F.supplier("S3", cost: 455, behaviour: .markup(low: .percent(5), high: .percent(5))),
            ],
            policy: {
                Self.auctionPolicy(&$0)
                $0.auction.format = .prozorro
            }
        )
        let (outcome, _) = F.run(scenario)
        let record = try #require(outcome.auction)
        #expect(record.rounds[0].label == "sealed")
        #expect(record.rounds[0].moves.map(\.price).sorted() == [1_848_000, 1_911_000, 1_974_000])
        #expect(record.roundLimit == 3)
        #expect(outcome.winner == "S2")
    }

    /// A rehearsal takes every entry as a move in submission order; the first entry of a bidder is its
    /// response (offer, declaration), the later ones only prices.
    @Test func aRehearsalReplaysTheEnteredMoves() throws {
        func move(_ bidder: String, _ price: String, round: Int, at time: String) -> Bid {
            Bid(lot: "concrete", bidder: bidder, price: F.x(price), submittedAt: "2024-06-30T10:\(time)", round: round)
        }
        let bids = [
            move("S1", "2000000", round: 1, at: "00:10"), move("S2", "1990000", round: 1, at: "00:20"),
            move("S3", "1980049.99", round: 1, at: "00:30"), move("S3", "1980050.00", round: 1, at: "00:25"),
            move("S1", "1970149.75", round: 2, at: "01:00"), move("S4", "1900000", round: 2, at: "01:30"),
        ]
        let scenario = F.scenario(
            [
                F.supplier("S1", cost: 470), F.supplier("S2", cost: 440), F.supplier("S3", cost: 455),
                F.supplier("S4", cost: 300, debarred: true),
            ],
            bids: bids,
            policy: Self.auctionPolicy
        )
        let (outcome, _) = F.run(scenario)
        let record = try #require(outcome.auction)
        // Submission order: S3's 08:25 entry comes before its 08:30 entry.
        #expect(record.moves.map(\.bidder) == ["S1", "S2", "S3", "S3", "S1", "S4"])
        #expect(
            record.moves.map(\.rejection) == [
                nil, nil, nil, "undercuts the best 1980050.00 by 0.01; at least 9900.25 required", nil,
                "not admitted: debarred (debarred from government procurement)",
            ]
        )
        #expect(outcome.winner == "S1")
        #expect(outcome.contractPrice == F.x("1970149.75"))
        #expect(outcome.of("S3").bid.price == F.x("1980050.00"))
        #expect(outcome.of("S1").bid.submittedAt == "2024-06-30T10:01:00")
    }

    // MARK: Second price

    @Test func secondPriceUnderLowestPricePaysTheSecondLowestValidBid() {
        let context = EvaluationFixtures.context(
            [EvaluationFixtures.supplier("A"), EvaluationFixtures.supplier("B"), EvaluationFixtures.supplier("C")],
            policy: { $0.evaluation.method = .lowestPrice }
        )
        let outcome = EvaluationFixtures.evaluate(
            [
                EvaluationFixtures.bid("A", "450000"), EvaluationFixtures.bid("B", "480000"),
                EvaluationFixtures.bid("C", "470000"),
            ],
            context
        )
        #expect(outcome.winner == "A")
        let payment = SecondPrice.payment(of: "A", in: outcome)
        #expect(payment?.price == 470_000)
        #expect(payment?.note.contains("the lowest rival evaluated price 470000.00 (C)") == true)
    }

    /// B (small, 10% deduction) bids 480,000 → 432,000 and beats A's 440,000; it is paid the highest price whose
    /// evaluated price does not exceed 440,000: 440,000 / 0.9 = 488,888.88…, rounded down to the cent.
    @Test func secondPriceWithADeductionPaysTheCriticalPrice() {
        let context = EvaluationFixtures.context(
            [
                EvaluationFixtures.supplier("A"),
                EvaluationFixtures.supplier("B", .small, product: EvaluationFixtures.smallMade("brand-B")),
                EvaluationFixtures.supplier("C"),
            ],
            policy: { $0.evaluation.method = .lowestPrice }
        )
        let outcome = EvaluationFixtures.evaluate(
            [
                EvaluationFixtures.bid("A", "440000"),
                EvaluationFixtures.bid("B", "480000", declaration: .smallMicro),
                EvaluationFixtures.bid("C", "470000"),
            ],
            context
        )
        #expect(outcome.winner == "B")
        #expect(SecondPrice.payment(of: "B", in: outcome)?.price == F.x("488888.88"))
    }

    /// Under comprehensive scoring the winner need not be the lowest: it is never paid less than its own bid.
    @Test func secondPriceNeverPaysLessThanTheWinnersBid() {
        let context = EvaluationFixtures.context([EvaluationFixtures.supplier("A"), EvaluationFixtures.supplier("B")]) {
            $0.evaluation.minimumValidBids = 1
        }
        let outcome = EvaluationFixtures.evaluate(
            [
                EvaluationFixtures.bid("A", "450000", marks: ["tech": [70]]),
                EvaluationFixtures.bid("B", "440000", marks: ["tech": [10]]),
            ],
            context
        )
        #expect(outcome.winner == "A")
        #expect(SecondPrice.payment(of: "A", in: outcome)?.price == 450_000)
    }

    @Test func aLoneWinnerIsPaidTheCeiling() {
        let context = EvaluationFixtures.context([EvaluationFixtures.supplier("A")]) {
            $0.evaluation.method = .lowestPrice
            $0.evaluation.minimumValidBids = 1
        }
        let outcome = EvaluationFixtures.evaluate([EvaluationFixtures.bid("A", "450000")], context)
        #expect(SecondPrice.payment(of: "A", in: outcome)?.price == 500_000)
    }

    @Test func theSecondPriceRuleRepricesSealedLotsInARun() throws {
        let scenario = F.scenario(
            [F.supplier("S1", cost: 470), F.supplier("S2", cost: 440), F.supplier("S3", cost: 455)],
            policy: { $0.pricing = .secondPrice }
        )
        let (outcome, result) = F.run(scenario)
        #expect(outcome.lot.method == .competitiveConsultation)
        #expect(outcome.winner == "S2")
        #expect(outcome.of("S2").bid.price == 1_760_000)
        #expect(outcome.contractPrice == 1_820_000)
        let record = try #require(outcome.auction)
        #expect(record.format == .secondPrice)
        #expect(record.rounds.first?.moves.count == 3)
        #expect(result.metrics.contract == 1_820_000)
    }
}
