import ExactNumbers
import TenderModel
import Testing

@testable import TenderEngine

/// Scoring, rounding stages, research formulas, ranking and ties.
@Suite struct ScoringTests {
    typealias F = EvaluationFixtures
    let marks: [String: [Exact]] = ["tech": [60]]

    @Test func deductionIsRefusedToALargeFirmDeclaringSmallMicro() {
        // C's product is made by a small firm: its declaration stands (财库〔2020〕46号 Art 4).
        let suppliers = [F.supplier("A"), F.supplier("B"), F.supplier("C", .small, product: F.smallMade("brand-C"))]
        let o = F.evaluate(
            [
                F.bid("A", "400000", declaration: .smallMicro, marks: marks), F.bid("B", "420000", marks: marks),
                F.bid("C", "430000", declaration: .smallMicro, marks: marks),
            ],
            F.context(suppliers)
        )
        #expect(o.of("A").deduction == .zero)
        #expect(o.audit.contains("A: small/micro declaration refused, the bidder is not a small or micro enterprise"))
        #expect(o.of("C").evaluatedPrice == 387_000)
        #expect(o.winner == "C")
        #expect(o.contractPrice == 430_000)
    }

    @Test func roundingStagesGiveTheirOwnRecordedTotals() throws {
        // Price score 30 × 390000/412000 = 28.398058…; expert marks 60.005 on average.
        let suppliers = ["A", "B", "C"].map { F.supplier($0) }
        let bids = [
            F.bid("A", "390000", marks: ["tech": [60]]), F.bid("B", "412000", marks: ["tech": [60, F.x("60.01")]]),
            F.bid("C", "450000", marks: ["tech": [50]]),
        ]
        let final = F.evaluate(bids, F.context(suppliers))
        #expect(final.of("B").total == (try Exact(30 * 390_000) / 412_000) + F.x("60.005"))
        #expect(final.of("B").recordedTotal == F.x("88.40"))  // 88.403058… → 88.40
        let priceFirst = F.evaluate(bids, F.context(suppliers) { $0.evaluation.rounding.stage = .priceScore })
        #expect(priceFirst.of("B").priceScore == F.x("28.40"))
        #expect(priceFirst.of("B").recordedTotal == F.x("88.41"))  // 28.40 + 60.01 (60.005 rounded half-up)
        let rate = F.evaluate(bids, F.context(suppliers) { $0.evaluation.rounding.stage = .rate })
        #expect(rate.of("B").priceScore == F.x("0.9466") * 30)  // 0.946601… → 0.9466
    }

    @Test func deviationFromAverage() {
        let suppliers = ["A", "B", "C"].map { F.supplier($0) }
        let bids = [
            F.bid("A", "360000", marks: marks), F.bid("B", "400000", marks: marks), F.bid("C", "440000", marks: marks),
        ]
        let o = F.evaluate(
            bids,
            F.context(suppliers) { $0.evaluation.priceFormula = .deviationFromAverage(above: 1, below: F.x("0.5")) }
        )
        #expect(o.of("B").priceScore == 30)
        #expect(o.of("C").priceScore == 20)  // 10% above: −10
        #expect(o.of("A").priceScore == 25)  // 10% below: −5
        #expect(o.winner == "B")
    }

    @Test func prozorroRankingAmount() {
        let suppliers = ["A", "B", "C"].map { F.supplier($0) }
        let o = F.evaluate(
            [
                F.bid("A", "400000", marks: ["q": [F.x("0.3")]]), F.bid("B", "380000", marks: ["q": [0]]),
                F.bid("C", "450000"),
            ],
            F.context(suppliers) { p in
                p.evaluation.method = .prozorro
                p.evaluation.criteria = [Criterion(id: "q", name: "quality", points: F.x("0.3"), source: .expertMarks)]
            }
        )
        // 400000 / (1 + 0.3 / 0.7) = 280000
        #expect(o.of("A").total == 280_000)
        #expect(o.of("B").total == 380_000)
        #expect(o.winner == "A")
    }

    @Test func averageBidAwardsTheClosestToTheMean() {
        let suppliers = ["A", "B", "C", "D"].map { F.supplier($0) }
        let bids = [F.bid("A", "300000"), F.bid("B", "390000"), F.bid("C", "420000"), F.bid("D", "450000")]
        let o = F.evaluate(
            bids,
            F.context(suppliers) { p in
                p.evaluation.method = .averageBid
                p.evaluation.criteria = []
                p.evaluation.abnormallyLow.explanationAccepted = true
            }
        )
        #expect(o.winner == "B")  // mean 390000
    }

    @Test func lowestPriceRanksByEvaluatedPrice() {
        let suppliers = [F.supplier("A"), F.supplier("S", .small, product: F.smallMade("brand-S")), F.supplier("C")]
        let bids = [F.bid("A", "400000"), F.bid("S", "440000", declaration: .smallMicro), F.bid("C", "450000")]
        let o = F.evaluate(
            bids,
            F.context(suppliers) {
                $0.evaluation.method = .lowestPrice
                $0.evaluation.criteria = []
            }
        )
        #expect(o.candidates == ["S", "A", "C"])  // 396000 < 400000
        #expect(o.of("S").priceScore == nil)
    }

    @Test func abnormallyLowIsFlaggedOrRejectedAsThePolicySays() {
        let suppliers = ["A", "B", "C", "D"].map { F.supplier($0) }
        let bids = [
            F.bid("A", "300000", marks: marks), F.bid("B", "420000", marks: marks), F.bid("C", "430000", marks: marks),
            F.bid("D", "440000", marks: marks),
        ]
        let context = F.context(suppliers)
        let accepted = F.evaluate(bids, context)
        #expect(accepted.of("A").isValid)
        // The red flag follows the note's kind, not the wording of its text.
        #expect(LotMetrics.measure(accepted, context: context).redFlags == [.abnormallyLow])
        #expect(
            accepted.of("A").flags.first?.kind == .abnormallyLowExplained
                && accepted.of("A").flags.first?.text.hasPrefix(
                    "abnormally low, explanation accepted: price 300000.00 is more than 20% below the mean 430000.00"
                ) == true
        )
        let rejected = F.evaluate(
            bids,
            F.context(suppliers) { $0.evaluation.abnormallyLow.explanationAccepted = false }
        )
        #expect(rejected.of("A").rejections.map(\.ground) == ["Order 87 Art 60"])
        #expect(rejected.winner == "B")
    }

    @Test func sameBrandCountsOnceUnderScoring() {
        let shared = F.product("共享品牌")
        let suppliers = [F.supplier("A", product: shared), F.supplier("B", product: shared), F.supplier("C")]
        let bids = [
            F.bid("A", "400000", marks: marks), F.bid("B", "410000", marks: marks), F.bid("C", "420000", marks: marks),
        ]
        let o = F.evaluate(bids, F.context(suppliers))
        // Two brands only: fewer than 3 valid "suppliers" (Art 31), the lot fails.
        #expect(o.failure?.reason == .tooFewValidBids)
        #expect(o.failure?.detail.hasPrefix("2 valid bids after review, 3 required") == true)
        let lenient = F.evaluate(bids, F.context(suppliers) { $0.evaluation.minimumValidBids = 2 })
        #expect(lenient.of("B").sameBrandShadowed)
        #expect(lenient.candidates == ["A", "C"])
    }

    @Test func sameBrandUnderLowestPriceKeepsOnlyTheLowest() {
        let shared = F.product("共享品牌")
        let suppliers = [
            F.supplier("A", product: shared), F.supplier("B", product: shared), F.supplier("C"), F.supplier("D"),
        ]
        let bids = [F.bid("A", "410000"), F.bid("B", "400000"), F.bid("C", "420000"), F.bid("D", "430000")]
        let o = F.evaluate(
            bids,
            F.context(suppliers) {
                $0.evaluation.method = .lowestPrice
                $0.evaluation.criteria = []
            }
        )
        #expect(o.of("A").rejections.map(\.reason) == [.sameBrand])
        #expect(o.candidates == ["B", "C", "D"])
    }

    @Test func sameBrandGroupsRegisteredAndOwnProductsByBrandName() {
        // A and B register the same brand; C and D offer products of their own, D's of an unregistered brand
        // that E's own product shares, C's of A's registered brand. Art 31 groups by the brand name alone.
        let shared = F.product("共享品牌")
        let suppliers = ["A", "B", "C", "D", "E"].map {
            $0 == "A" || $0 == "B" ? F.supplier($0, product: shared) : F.supplier($0)
        }
        var bids = [
            F.bid("A", "410000"), F.bid("B", "400000"), F.bid("C", "405000"), F.bid("D", "420000"),
            F.bid("E", "415000"),
        ]
        bids[2].products = ["concrete": shared]
        bids[3].products = ["concrete": F.product("自带品牌")]
        bids[4].products = ["concrete": F.product("自带品牌")]
        let o = F.evaluate(bids, lowestPrice(suppliers, minimumValidBids: 2))
        #expect(o.of("A").rejections.map(\.detail) == ["brand 共享品牌 also offered at a lower price"])
        #expect(o.of("C").rejections.map(\.detail) == ["brand 共享品牌 also offered at a lower price"])
        #expect(o.of("D").rejections.map(\.detail) == ["brand 自带品牌 also offered at a lower price"])
        #expect(o.candidates == ["B", "E"])
    }

    @Test func sameBrandRejectionSpellsTheBrandAsTheBidsProductDoes() {
        // One brand registered in two Unicode forms (é precomposed, and e + U+0301) is one brand; the record
        // spells it as the product of the bid that was compared last, as the bids' own texts do.
        let suppliers = [
            F.supplier("A", product: F.product("Caf\u{E9}")), F.supplier("B", product: F.product("Cafe\u{301}")),
            F.supplier("C"),
        ]
        let bids = [F.bid("A", "410000"), F.bid("B", "400000"), F.bid("C", "420000")]
        let o = F.evaluate(bids, lowestPrice(suppliers, minimumValidBids: 2))
        let detail = o.of("A").rejections.first?.detail ?? ""
        #expect(Array(detail.utf8) == Array("brand Cafe\u{301} also offered at a lower price".utf8))
        #expect(o.candidates == ["B", "C"])
    }

    @Test func pricesBeyondMachineIntegersRankExactly() {
        // A's price has 28 decimals, more than 64-bit integers hold: its evaluated price and price score are
        // GMP rationals, so the ranking compares exact values. Its total rounds to B's (60 + marks), and the
        // tie goes to the lower evaluated price, B's, by a margin of 10^-28 yuan.
        let suppliers = ["A", "B", "C"].map { F.supplier($0) }
        let bids = [
            F.bid("A", "300000.0000000000000000000000000001", marks: marks), F.bid("B", "300000", marks: marks),
            F.bid("C", "350000", marks: marks),
        ]
        let o = F.evaluate(bids, F.context(suppliers))
        #expect(o.evaluations.map(\.rank) == [2, 1, 3])
        #expect(o.of("A").recordedTotal == o.of("B").recordedTotal)
        #expect(o.of("A").priceScore! < o.of("B").priceScore!)
        #expect(o.candidates == ["B", "A", "C"])
    }

    @Test func tiesAreBrokenByARecordedReproducibleDrawing() {
        let suppliers = ["A", "B", "C", "D"].map { F.supplier($0) }
        let bids = ["A", "B", "C"].map { F.bid($0, "400000", marks: marks) } + [F.bid("D", "450000", marks: marks)]
        var winners = Set<String>()
        for replication in 0..<40 {
            let o = F.evaluate(bids, F.context(suppliers), replication: replication)
            let again = F.evaluate(bids, F.context(suppliers), replication: replication)
            #expect(o.candidates == again.candidates)
            #expect(
                o.audit.first?.hasPrefix(
                    "tie between A, B, C broken by a drawing of lots (seed 1, replication \(replication)): "
                ) == true
            )
            #expect(o.of("D").rank == 4)
            winners.insert(o.winner!)
        }
        #expect(winners == ["A", "B", "C"])  // every tied bidder can win the drawing
    }

    @Test func tiesByEarliestSubmission() {
        let suppliers = ["A", "B", "C"].map { F.supplier($0) }
        let bids = [
            F.bid("A", "400000", marks: marks, submittedAt: "09:30"),
            F.bid("B", "400000", marks: marks, submittedAt: "09:10"),
            F.bid("C", "400000", marks: marks, submittedAt: "09:20"),
        ]
        let o = F.evaluate(bids, F.context(suppliers) { $0.evaluation.tieBreak = .earliestSubmission })
        #expect(o.candidates == ["B", "C", "A"])
    }

    @Test func equalRoundedScoresRankByEvaluatedPrice() {
        // 30 × 400000/400001 = 29.99992… records as 30.00, tied with A; the lower evaluated price ranks first.
        let suppliers = ["A", "B", "C"].map { F.supplier($0) }
        let bids = [
            F.bid("B", "400001", marks: marks), F.bid("A", "400000", marks: marks), F.bid("C", "480000", marks: marks),
        ]
        let o = F.evaluate(bids, F.context(suppliers))
        #expect(o.of("A").recordedTotal == o.of("B").recordedTotal)
        #expect(o.candidates == ["A", "B", "C"])
        #expect(o.audit.isEmpty)
    }

    /// Lowest-price evaluation without criteria, with at least `minimumValidBids` valid bids.
    private func lowestPrice(_ suppliers: [Supplier], minimumValidBids: Int) -> EvaluationContext {
        F.context(suppliers) {
            $0.evaluation.method = .lowestPrice
            $0.evaluation.criteria = []
            $0.evaluation.minimumValidBids = minimumValidBids
        }
    }
}
