import ExactNumbers
import TenderModel
import Testing

@testable import TenderEngine

/// The qualification grounds prepared with a lot's facts are those a bid reviewed alone gets, for suppliers
/// with every combination of grounds (licence, debarment, negative list, size, special status, capacity), for
/// a supplier id registered twice (the first registration counts), and for a lot whose id is the prepared
/// lot's but which differs (reserved for SMEs, more quantity): that lot gets no prepared list.
@Suite struct PreparedQualificationEdgeTests {
    typealias F = EvaluationFixtures

    @Test func preparedGroundsAreThoseOfABidReviewedAloneOnEveryCombination() throws {
        var suppliers: [Supplier] = []
        for combination in 0..<64 {
            var supplier = F.supplier(
                "S\(combination)",
                combination & 1 == 0 ? .large : .small,
                capacity: combination & 2 == 0 ? "999" : nil,
                qualification: Qualification(
                    licensed: combination & 4 == 0,
                    debarred: combination & 8 != 0,
                    negativeList: combination & 16 != 0
                )
            )
            supplier.specialStatus = combination & 32 == 0 ? nil : .prison
            suppliers.append(supplier)
        }
        // Registered twice: the first registration (large, short of capacity) is the one reviewed.
        suppliers.append(F.supplier("S0", .small))
        let context = F.context(suppliers)
        let planned = try #require((context.plan.lots + context.projectPurchaseLots).first)
        var reserved = planned
        reserved.reservedForSME = true
        var larger = planned
        larger.lines[0].quantity = 2_000
        #expect(context.lotFacts(for: planned).qualification.count == 64)
        #expect(context.lotFacts(for: reserved).qualification.isEmpty)
        #expect(context.lotFacts(for: larger).qualification.isEmpty)
        var rejected = 0
        for lot in [planned, reserved, larger] {
            let prepared = context.lotFacts(for: lot)
            let alone = LotFacts(lot, context: context)
            for id in suppliers.map(\.id) {
                for (bond, signed) in [(true, true), (false, true), (true, false), (false, false)] {
                    let bid = Bid(lot: lot.id, bidder: id, price: 1, bondPaid: bond, signed: signed)
                    let supplier = context.supplierFacts(id)
                    let fromPrepared = QualificationReview.review(bid, supplier: supplier, lot: lot, facts: prepared)
                    let oneByOne = QualificationReview.review(bid, supplier: supplier, lot: lot, facts: alone)
                    #expect(fromPrepared == oneByOne, "\(lot.id) \(id) \(bond) \(signed)")
                    rejected += fromPrepared.isEmpty ? 0 : 1
                }
            }
        }
        // The reserved lot refuses a large firm without special status; the first S0 is large and short.
        let s0 = Bid(lot: planned.id, bidder: "S0", price: 1)
        #expect(
            QualificationReview.review(s0, lot: reserved, context: context).map(\.reason) == [.notSME, .overCapacity]
        )
        #expect(QualificationReview.review(s0, lot: planned, context: context).map(\.reason) == [.overCapacity])
        #expect(rejected > 500)
    }
}
