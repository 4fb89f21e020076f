import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// The platform's acceptance rules, checked exactly to the cent.
@Suite struct AuctionRulesTests {
    static func x(_ text: String) -> Exact { Exact(text)! }

    let share = AuctionStep.share(AuctionStep.defaultShare)

    @Test func theDefaultStepIsHalfAPercent() {
        #expect(AuctionPolicy().minimumStep == .share(Self.x("0.005")))
        #expect(AuctionPolicy().roundLimit == 50)
        var prozorro = AuctionPolicy()
        prozorro.format = .prozorro
        #expect(prozorro.roundLimit == 3)
    }

    /// 0.5% of 1,000.00 is 5.00: undercutting by 4.99 is one cent short, by 5.00 is enough.
    @Test func aShareStepOneCentShortIsRejectedAndExactlyTheStepIsAccepted() {
        let best = Self.x("1000.00")
        let short = AuctionRules.eMallRejection(price: Self.x("995.01"), best: best, ceiling: 1200, step: share)
        #expect(short == "undercuts the best 1000.00 by 4.99; at least 5.00 required")
        #expect(AuctionRules.eMallRejection(price: Self.x("995.00"), best: best, ceiling: 1200, step: share) == nil)
        #expect(AuctionRules.eMallRejection(price: Self.x("994.99"), best: best, ceiling: 1200, step: share) == nil)
    }

    @Test func anAmountStepOneCentShortIsRejectedAndExactlyTheStepIsAccepted() {
        let step = AuctionStep.amount(Self.x("10"))
        let best = Self.x("2500.00")
        #expect(
            AuctionRules.eMallRejection(price: Self.x("2490.01"), best: best, ceiling: 3000, step: step)
                == "undercuts the best 2500.00 by 9.99; at least 10.00 required"
        )
        #expect(AuctionRules.eMallRejection(price: Self.x("2490.00"), best: best, ceiling: 3000, step: step) == nil)
    }

    /// 0.5% of 1,234.57 is 6.17285, never rounded: an undercut of 6.17 falls short, 6.18 is the least whole-cent
    /// undercut that meets it.
    @Test func aStepThatIsNotWholeCentsIsComparedExactly() {
        let best = Self.x("1234.57")
        #expect(
            AuctionRules.eMallRejection(price: Self.x("1228.40"), best: best, ceiling: 2000, step: share)
                == "undercuts the best 1234.57 by 6.17; at least 6.17285 required"
        )
        #expect(AuctionRules.eMallRejection(price: Self.x("1228.39"), best: best, ceiling: 2000, step: share) == nil)
        #expect(
            AuctionRules.highestQuote(evaluatedAtMost: best - share.required(below: best), deduction: .zero)
                == Self.x("1228.39")
        )
    }

    @Test func noBidAboveTheCeilingAndTheFirstBidNeedsNoStep() {
        #expect(
            AuctionRules.eMallRejection(price: Self.x("1000.01"), best: nil, ceiling: 1000, step: share)
                == "above the ceiling 1000.00"
        )
        #expect(AuctionRules.eMallRejection(price: Self.x("1000.00"), best: nil, ceiling: 1000, step: share) == nil)
    }

    /// With a 10% SME deduction the step compares evaluated prices: 1,100.00 × 0.9 = 990.00 undercuts a best of
    /// 995.00 by exactly 5.00 (more than 0.5% of 995 = 4.975).
    @Test func theStepComparesEvaluatedPricesAfterTheDeduction() {
        let d = Exact.percent(10)
        #expect(
            AuctionRules.eMallRejection(price: Self.x("1100.00"), deduction: d, best: 995, ceiling: 1200, step: share)
                == nil
        )
        // 1,100.01 × 0.9 = 990.009: undercut 4.991 ≥ 4.975, accepted; 1,100.03 → 990.027: 4.973 < 4.975.
        #expect(
            AuctionRules.eMallRejection(price: Self.x("1100.03"), deduction: d, best: 995, ceiling: 1200, step: share)
                == "undercuts the best 995.00 by 4.973; at least 4.975 required"
        )
        #expect(AuctionRules.highestQuote(evaluatedAtMost: Self.x("990.00"), deduction: d) == Self.x("1100.00"))
        #expect(AuctionRules.highestQuote(evaluatedAtMost: Self.x("990.01"), deduction: d) == Self.x("1100.01"))
    }

    /// ProZorro: an open-round bid must lower the bidder's own bid by the step; beating the best is not needed.
    @Test func proZorroChecksTheBiddersOwnBid() {
        let own = Self.x("800.00")
        #expect(
            AuctionRules.proZorroRejection(price: Self.x("796.01"), own: own, ceiling: 1000, step: share)
                == "lowers its own bid 800.00 by 3.99; at least 4.00 required"
        )
        #expect(AuctionRules.proZorroRejection(price: Self.x("796.00"), own: own, ceiling: 1000, step: share) == nil)
        #expect(
            AuctionRules.proZorroRejection(price: Self.x("1000.01"), own: nil, ceiling: 1000, step: share)
                == "above the ceiling 1000.00"
        )
    }
}
