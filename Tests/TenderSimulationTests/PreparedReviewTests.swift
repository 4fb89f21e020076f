import ExactNumbers
import Foundation
import ScenarioFormat
import TenderModel
import Testing

@testable import TenderEngine

/// What the context prepares for the reviews must be what a review computes bid by bid.
@Suite struct PreparedReviewTests {
    /// The qualification grounds prepared with a lot's facts (per supplier, ``LotFacts/qualification``) are those
    /// of a bid reviewed on its own, on every lot of every bundled scenario and variant, for every supplier, a
    /// bid with its bond paid and signed, and bids without (which are always reviewed one by one).
    @Test func preparedQualificationGroundsAreThoseOfABidReviewedAlone() throws {
        var grounds = 0
        var lots = 0
        for (file, variant) in MetricOnlyRunTests.cases {
            let scenario = try #require(ScenarioLoader().load(file, variant: variant).scenario)
            let context = EvaluationContext(scenario, equilibria: nil, keepsDetail: false)
            for lot in context.plan.lots + context.projectPurchaseLots {
                let prepared = context.lotFacts(for: lot)
                let alone = LotFacts(lot, context: context)
                #expect(prepared.qualification.count == Set(scenario.suppliers.map(\.id)).count)
                #expect(alone.qualification.isEmpty)
                lots += 1
                for id in scenario.suppliers.map(\.id) + ["unregistered"] {
                    let supplier = context.supplierFacts(id)
                    for (bond, signed) in [(true, true), (false, true), (true, false)] {
                        let bid = Bid(lot: lot.id, bidder: id, price: 1, bondPaid: bond, signed: signed)
                        let fromPrepared = QualificationReview.review(
                            bid,
                            supplier: supplier,
                            lot: lot,
                            facts: prepared
                        )
                        let oneByOne = QualificationReview.review(bid, supplier: supplier, lot: lot, facts: alone)
                        #expect(fromPrepared == oneByOne, "\(file) \(variant ?? "base") \(lot.id) \(id)")
                        if bond && signed && supplier != nil { grounds += fromPrepared.count }
                    }
                }
            }
        }
        // Not vacuous: the bundled scenarios have suppliers short of a lot's quantity, unlicensed and the like.
        #expect(lots > 100)
        #expect(grounds > 20)
    }
}
