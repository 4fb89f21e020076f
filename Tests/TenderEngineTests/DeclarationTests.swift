import ExactNumbers
import TenderModel
import Testing

@testable import TenderEngine

/// Declarations and evidence checked on entered bids as on generated ones: the made-by rule of the
/// small/micro deduction, the registered consortium agreement, the test report's validity, attached
/// conditions, and the collusion situations of Order 87 Art 37. Lot: 1,000 m³ of concrete, ceiling 500,000.
@Suite struct DeclarationTests {
    typealias F = EvaluationFixtures
    static let marks: [String: [Exact]] = ["tech": [60]]

    @Test func smallMicroDeductionNeedsEveryItemMadeBySmallOrMicroFirms() {
        // S1 small offers a product of a large maker; S2 small its own small-made product; W a large-sized
        // welfare unit for the disabled (counted as small) with a small-made product.
        var welfare = F.supplier("W", .large, product: F.smallMade("brand-W"))
        welfare.specialStatus = .welfareDisabled
        let suppliers = [
            F.supplier("S1", .small), F.supplier("S2", .small, product: F.smallMade("brand-S2")), welfare,
        ]
        let o = F.evaluate(
            ["S1", "S2", "W"].map { F.bid($0, "400000", declaration: .smallMicro, marks: Self.marks) },
            F.context(suppliers)
        )
        // S1: refused, 400,000 stays 400,000; S2 and W: 400,000 × (1 − 10%) = 360,000.
        #expect(o.of("S1").deduction == .zero && o.of("S1").evaluatedPrice == 400_000)
        #expect(
            o.audit.contains(
                "S1: small/micro declaration refused, the product offered for concrete is not made by a small or "
                    + "micro enterprise (财库〔2020〕46号 Art 4)"
            )
        )
        #expect(o.of("S2").evaluatedPrice == 360_000)
        #expect(o.of("W").evaluatedPrice == 360_000)
        // The bid's own offered product counts, not the registered one: S1 offering a small-made product.
        var own = F.bid("S1", "400000", declaration: .smallMicro, marks: Self.marks)
        own.products = ["concrete": F.smallMade("brand-S1")]
        #expect(F.evaluate([own], F.context(suppliers)).of("S1").evaluatedPrice == 360_000)
    }

    @Test func consortiumShareComesFromTheRegisteredAgreement() {
        var registered = F.supplier("J")
        registered.consortium = Consortium(id: "K1", smallMicroShare: .percent(35))
        var low = F.supplier("L")
        low.consortium = Consortium(id: "K2", smallMicroShare: .percent(25))
        let suppliers = [registered, low, F.supplier("N")]
        let o = F.evaluate(
            ["J", "L", "N"].map {
                F.bid($0, "400000", declaration: .consortium(share: .percent(40)), marks: Self.marks)
            },
            F.context(suppliers)
        )
        // J: the agreement's 35% ≥ 30% → 4%: 400,000 × 0.96 = 384,000, with a note on the declared 40%.
        #expect(o.of("J").evaluatedPrice == 384_000)
        #expect(
            o.audit.contains(
                "J: consortium share declared 0.4, the registered agreement K1 says 0.35; the agreement's share is used"
            )
        )
        // L: the agreement's 25% < 30%, whatever the bid says; N: no agreement at all.
        #expect(o.of("L").deduction == .zero)
        #expect(o.audit.contains("L: consortium small/micro share 0.25 below 0.3, no deduction"))
        #expect(o.of("N").deduction == .zero)
        #expect(
            o.audit.contains(
                "N: consortium declaration refused, no registered consortium agreement (财库〔2020〕46号 Art 9)"
            )
        )
    }

    @Test func aTestReportCountsOnlyUntilItExpires() {
        let clause = GreenClause(id: "R-1", text: "认证或检验报告", minimumStar: 2, acceptsTestReport: true)
        var product = Product(brand: "b", testReport: true)
        // Bid date 2023-06-30: no stated validity, or valid until that very day → met.
        #expect(ConformityReview.check(clause, product: product, on: F.bidDate) == nil)
        product.testReportValidUntil = F.bidDate
        #expect(ConformityReview.check(clause, product: product, on: F.bidDate) == nil)
        // Expired the day before → the clause fails, and the message says why.
        product.testReportValidUntil = Day(year: 2023, month: 6, day: 29)
        #expect(
            ConformityReview.check(clause, product: product, on: F.bidDate)
                == "no green building material certificate (at least 2 star required) and the test report expired on "
                + "2023-06-29, before the bid date 2023-06-30"
        )
    }

    @Test func conditionsAttachedAreRejectedUnlessThePurchaserAcceptsThem() {
        let suppliers = ["A", "B", "C", "D"].map { F.supplier($0) }
        var conditioned = F.bid("A", "380000", marks: Self.marks)
        conditioned.conditions = "payment in full before delivery"
        let bids = [
            conditioned, F.bid("B", "400000", marks: Self.marks), F.bid("C", "420000", marks: Self.marks),
            F.bid("D", "430000", marks: Self.marks),
        ]
        let refused = F.evaluate(bids, F.context(suppliers))
        #expect(refused.of("A").rejections.map(\.reason) == [.conditions])
        #expect(refused.of("A").rejections.first?.ground == "Order 87 Art 63(5)")
        #expect(refused.winner == "B")
        var accepted = bids
        accepted[0].conditionsAccepted = true
        #expect(F.evaluate(accepted, F.context(suppliers)).winner == "A")
    }

    @Test func collusionEvidenceRejectsEveryBidThatSharesIt() {
        let suppliers = ["A", "B", "C", "D"].map { F.supplier($0) }
        var bids = [
            F.bid("A", "400000", marks: Self.marks), F.bid("B", "410000", marks: Self.marks),
            F.bid("C", "420000", marks: Self.marks), F.bid("D", "450000", marks: Self.marks),
        ]
        bids[0].evidence = [.bondAccount: "6222-01"]
        bids[2].evidence = [.bondAccount: "6222-01", .contact: "王五"]
        bids[3].evidence = [.contact: "赵六"]
        let o = F.evaluate(bids, F.context(suppliers))
        // A and C paid their bonds from one account (Art 37(6)); D's contact is his alone.
        #expect(o.of("A").rejections.map(\.reason) == [.collusion])
        #expect(o.of("A").rejections.first?.ground == "Order 87 Art 37(6)")
        #expect(o.of("A").rejections.first?.detail == "bonds from one account: '6222-01' also on the bids of C")
        #expect(o.of("C").rejections.map(\.reason) == [.collusion])
        #expect(o.of("D").isValid && o.of("B").isValid)
        // Two valid bids remain, fewer than 3: the lot fails.
        #expect(o.failure != nil)
    }

    @Test func aPricePatternMustBeInThePrices() {
        // 400,000, 410,000, 420,000: equal steps of 10,000 → a fixed pattern (Art 37(4)).
        #expect(CollusionRule.isFixedPattern([420_000, 400_000, 410_000]))
        // 400,000, 440,000, 484,000: equal ratios of 1.1.
        #expect(CollusionRule.isFixedPattern([400_000, 440_000, 484_000]))
        // 400,000, 410,000, 425,000: neither; two bids are never a pattern.
        #expect(!CollusionRule.isFixedPattern([400_000, 410_000, 425_000]))
        #expect(!CollusionRule.isFixedPattern([400_000, 410_000]))
        let suppliers = ["A", "B", "C", "D"].map { F.supplier($0) }
        func bids(_ third: String) -> [Bid] {
            var list = [
                F.bid("A", "400000", marks: Self.marks), F.bid("B", "410000", marks: Self.marks),
                F.bid("C", third, marks: Self.marks), F.bid("D", "450000", marks: Self.marks),
            ]
            for i in 0..<3 { list[i].evidence = [.pricePattern: "ring-1"] }
            return list
        }
        let pattern = F.evaluate(bids("420000"), F.context(suppliers))
        #expect(["A", "B", "C"].allSatisfy { pattern.of($0).rejections.map(\.reason) == [.collusion] })
        let none = F.evaluate(bids("425000"), F.context(suppliers))
        #expect(["A", "B", "C", "D"].allSatisfy { none.of($0).isValid })
        #expect(
            none.audit.contains(
                "price pattern 'ring-1' recorded on the bids of A, B, C: their prices do not rise by equal steps or "
                    + "equal ratios; not treated as collusion"
            )
        )
    }
}
