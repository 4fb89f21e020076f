import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// Qualification and conformity review: each rejection names its ground and the clause or fact.
@Suite struct ReviewTests {
    typealias F = EvaluationFixtures

    @Test func qualificationGrounds() {
        let suppliers = [
            F.supplier("A"), F.supplier("B"), F.supplier("C"),
            F.supplier("X", qualification: Qualification(debarred: true)),
            F.supplier("Y", qualification: Qualification(negativeList: true)),
            F.supplier("Z", qualification: Qualification(licensed: false)),
            F.supplier("K", capacity: "999.5"),
        ]
        let o = F.evaluate(
            [
                F.bid("A", "400000", bond: false), F.bid("B", "410000", signed: false), F.bid("C", "420000"),
                F.bid("X", "430000"), F.bid("Y", "440000"), F.bid("Z", "450000"), F.bid("K", "460000"),
            ],
            F.context(suppliers)
        )
        #expect(o.of("A").rejections.map(\.ground) == ["Order 87 Art 63(1)"])
        #expect(o.of("B").rejections.map(\.ground) == ["Order 87 Art 63(2)"])
        #expect(o.of("X").rejections.map(\.reason) == [.debarred])
        #expect(o.of("Y").rejections.map(\.reason) == [.negativeList])
        #expect(o.of("Z").rejections.map(\.reason) == [.notLicensed])
        #expect(o.of("K").rejections.first?.detail == "capacity 999.5 for concrete below the lot's 1000")
        #expect(o.of("C").isValid)
        #expect(
            o.failure
                == LotFailure(.tooFewValidBids, "1 valid bid after review, 3 required (GPL Art 36; Order 87 Art 65)")
        )
        #expect(o.winner == nil)
    }

    @Test func everyRegisteredSupplierIsFoundAndNoOtherIs() {
        // Enough suppliers that the lookup table's probe chains are long, with short, long (over 15 bytes,
        // stored out of line) and Chinese ids; bidders that differ from a registered id by one character are
        // not registered.
        let ids =
            (1...300).map { "S\($0)" } + (1...40).map { "supplier-with-a-long-id-\($0)" }
            + (1...40).map { "供应商\($0)号" }
        let context = F.context(ids.map { F.supplier($0) })
        let strangers = ["S0", "S301", "s1", "supplier-with-a-long-id-41", "供应商41号", ""]
        let outcome = F.evaluate((ids + strangers).map { F.bid($0, "400000") }, context)
        for id in ids {
            #expect(outcome.of(id).rejections.isEmpty, "\(id)")
        }
        for id in strangers {
            #expect(outcome.of(id).rejections.first?.detail == "bidder '\(id)' is not a registered supplier")
        }
    }

    @Test func aBidderIdSpelledInAnotherUnicodeFormIsTheSameSupplier() {
        // Ids compare as Swift strings do, by canonical equivalence: é precomposed or as e + U+0301, and the
        // Kelvin sign (U+212A) for K, each way round.
        let registered = ["Caf\u{E9}", "Cafe\u{301}-2", "K1", "\u{212A}2"]
        let bidders = ["Cafe\u{301}", "Caf\u{E9}-2", "\u{212A}1", "K2"]
        let context = F.context(registered.map { F.supplier($0) })
        let outcome = F.evaluate(bidders.enumerated().map { F.bid($0.element, "\(400000 + $0.offset)") }, context)
        for evaluation in outcome.evaluations {
            #expect(evaluation.rejections.isEmpty, "\(evaluation.bid.bidder.unicodeScalars.map(\.value))")
        }
    }

    @Test func greenClausesAreCheckedOnTheBidDate() {
        let suppliers = [
            F.supplier("A"),
            F.supplier("E", product: F.product("e", until: "2023-06-29")),
            F.supplier("L", product: F.product("l", star: 1)),
            F.supplier("N", product: F.product("n", star: nil)),
            F.supplier("R", product: F.product("r", recycled: "9.99%")),
            F.supplier("M", product: F.product("m", recycled: nil)),
            F.supplier("V", product: F.product("v", until: "2023-06-30")),
        ]
        let bids = ["A", "E", "L", "N", "R", "M", "V"].map { F.bid($0, "450000") }
        let o = F.evaluate(bids, F.context(suppliers))
        func detail(_ id: String) -> [String] { o.of(id).rejections.map(\.detail) }
        #expect(detail("E") == ["C-1: certificate expired on 2023-06-29, before the bid date 2023-06-30"])
        #expect(detail("L") == ["C-1: certificate of 1 star, at least 2 required"])
        #expect(detail("N") == ["C-1: no green building material certificate (at least 2 star required)"])
        #expect(detail("R") == ["C-2: recycled-content 0.0999, at-least 0.1 required"])
        #expect(detail("M") == ["C-2: recycled-content not declared (at-least 0.1 required)"])
        #expect(o.of("V").isValid)  // valid through its last day
        #expect(o.of("E").rejections.first?.ground == "Order 87 Art 63(6); 需求标准")
        #expect(o.of("E").priceScore == nil)
    }

    @Test func aTestReportStandsInWhereTheClauseAcceptsOne() {
        var context = F.context([
            F.supplier("T", product: Product(brand: "t", testReport: true, attributes: ["recycled-content": 1]))
        ])
        #expect(F.evaluate([F.bid("T", "1")], context).of("T").rejections.count == 1)
        var scenario = context.scenario
        scenario.catalogue[0].clauses[0].acceptsTestReport = true
        context = EvaluationContext(scenario)
        #expect(F.evaluate([F.bid("T", "1")], context).of("T").isValid)
    }

    @Test func priceAboveTheCeilingIsInvalidExactlyToTheCent() {
        let suppliers = ["A", "B"].map { F.supplier($0) }
        let o = F.evaluate([F.bid("A", "500000.00"), F.bid("B", "500000.01")], F.context(suppliers))
        #expect(o.of("A").isValid)
        #expect(o.of("B").rejections.map(\.reason) == [.aboveCeiling])
        #expect(o.of("B").rejections.first?.detail == "price 500000.01 above the ceiling 500000.00")
    }

    @Test func reservedLotsRefuseLargeFirmsAndGiveNoDeduction() {
        var lot = F.lot
        lot.reservedForSME = true
        let suppliers = [
            F.supplier("L", .large), F.supplier("S", .small), F.supplier("M", .medium), F.supplier("U", .micro),
        ]
        let bids = [
            F.bid("L", "400000"), F.bid("S", "410000", declaration: .smallMicro), F.bid("M", "420000"),
            F.bid("U", "430000"),
        ]
        let o = LotEvaluator.evaluate(lot, bids: bids, context: F.context(suppliers))
        #expect(o.of("L").rejections.map(\.reason) == [.notSME])
        #expect(o.of("S").deduction == .zero)
        #expect(o.winner == "S")
    }

    /// The evaluator moves each bid into its evaluation (it never copies one): the evaluations still hold every
    /// bid as received, in the order received, whatever their prices and validity.
    @Test func evaluationsHoldTheBidsInTheOrderReceived() {
        let suppliers = ["C", "A", "D", "B"].map { F.supplier($0) }
        let bids = [
            F.bid("C", "430000"), F.bid("A", "500000.01"), F.bid("D", "410000"),
            F.bid("B", "420000"),
        ]
        let o = F.evaluate(bids, F.context(suppliers))
        #expect(o.evaluations.map(\.bid) == bids)
        #expect(o.evaluations.map { $0.rank } == [3, nil, 1, 2])
    }
}
