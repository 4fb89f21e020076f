import ExactNumbers
import Testing

/// Docs/rules.md §10: goods, 30 price points, lowest-price-first, half-up to 2 places at the end.
///
/// `price score = base / evaluated price × 30`, base = the lowest evaluated price, and
/// `evaluated price = price × (1 − d)` for a small or micro firm's deduction `d`.
@Suite("Worked examples of Docs/rules.md §10")
struct DomainExampleTests {
    /// A bid: its quoted price and the deduction its firm is entitled to.
    struct Bid {
        let bidder: String
        let price: Exact
        let deduction: Exact

        init(_ bidder: String, _ price: String, deduction: String = "0") throws {
            self.bidder = bidder
            self.price = try Exact(parsing: price)
            self.deduction = try Exact(parsing: deduction)
        }

        var evaluatedPrice: Exact { price * (Exact.one - deduction) }
    }

    static let pricePoints = Exact(30)

    /// The exact, unrounded price scores, keyed by bidder.
    static func exactScores(_ bids: [Bid]) throws -> [String: Exact] {
        let base = try #require(bids.map(\.evaluatedPrice).min())
        var scores: [String: Exact] = [:]
        for bid in bids {
            scores[bid.bidder] = try base / bid.evaluatedPrice * pricePoints
        }
        return scores
    }

    /// The published scores: half-up to 2 places, printed with 2 decimals.
    static func publishedScores(_ bids: [Bid]) throws -> [String: String] {
        try exactScores(bids).mapValues { $0.rounded(places: 2, mode: .halfUp).formatted(places: 2) }
    }

    @Test("A: bids 100.00 / 112.50 / 96.00 score 28.80 / 25.60 / 30.00")
    func exampleA() throws {
        let bids = try [Bid("A", "100.00"), Bid("B", "112.50"), Bid("C", "96.00")]
        #expect(bids.map(\.evaluatedPrice).min() == Exact(96))
        let exact = try Self.exactScores(bids)
        #expect(exact.mapValues(\.description) == ["A": "28.8", "B": "25.6", "C": "30"])
        #expect(try Self.publishedScores(bids) == ["A": "28.80", "B": "25.60", "C": "30.00"])
    }

    @Test("B: 10% deduction; A 29.16, B 30.00 (base 97.20), C 27.00, D 29.45 = 324/11 rounded")
    func exampleB() throws {
        let bids = try [
            Bid("A", "100"), Bid("B", "108", deduction: "10%"), Bid("C", "120", deduction: "10%"), Bid("D", "99"),
        ]
        #expect(bids.map { $0.evaluatedPrice.formatted(places: 2) } == ["100.00", "97.20", "108.00", "99.00"])
        let exact = try Self.exactScores(bids)
        #expect(exact.mapValues(\.description) == ["A": "29.16", "B": "30", "C": "27", "D": "324/11"])
        // 30 × 97.2 / 99 = 29.4545…: exact, not a float near it.
        #expect(try exact["D"] == Exact(30) * Exact(parsing: "97.2") / Exact(99))
        #expect(try exact["D"] == Exact(numerator: 324, denominator: 11))
        #expect(exact["D"]?.formatted(places: 6) == "29.454545")
        #expect(exact["D"]?.terminatingPlaces == nil)
        #expect(try Self.publishedScores(bids) == ["A": "29.16", "B": "30.00", "C": "27.00", "D": "29.45"])
        // The deduction scores the bid; the contract price stays the quote.
        #expect(bids[1].price == Exact(108))
        #expect(bids[1].evaluatedPrice == (try Exact(parsing: "97.2")))
    }

    @Test("C: 20% deduction; A 28.32, B 30.00 (base 94.40)")
    func exampleC() throws {
        let bids = try [Bid("A", "100"), Bid("B", "118", deduction: "20%")]
        #expect(bids[1].evaluatedPrice.description == "94.4")
        let exact = try Self.exactScores(bids)
        #expect(exact.mapValues(\.description) == ["A": "28.32", "B": "30"])
        #expect(try Self.publishedScores(bids) == ["A": "28.32", "B": "30.00"])
    }

    @Test("D: consortium 4%, small 20%; A 27.60, J 27.91 = 2875/103 rounded, S 30.00 (base 92.00)")
    func exampleD() throws {
        let bids = try [Bid("A", "100"), Bid("J", "103", deduction: "4%"), Bid("S", "115", deduction: "20%")]
        #expect(bids.map(\.evaluatedPrice.description) == ["100", "98.88", "92"])
        let exact = try Self.exactScores(bids)
        #expect(exact.mapValues(\.description) == ["A": "27.6", "J": "2875/103", "S": "30"])
        #expect(exact["J"]?.formatted(places: 4) == "27.9126")
        #expect(try Self.publishedScores(bids) == ["A": "27.60", "J": "27.91", "S": "30.00"])
    }

    @Test("The same scores when every amount is held in GMP")
    func examplesOnTheGMPPath() throws {
        let bids = try [
            Bid("A", "100"), Bid("J", "103", deduction: "4%"), Bid("S", "115", deduction: "20%"), Bid("D", "99"),
        ]
        let base = try #require(bids.map(\.evaluatedPrice).min()).forcingGMP()
        for bid in bids {
            let fast = try #require(try Self.exactScores(bids)[bid.bidder])
            let slow = try base / bid.evaluatedPrice.forcingGMP() * Self.pricePoints.forcingGMP()
            #expect(slow == fast)
            #expect(slow.description == fast.description)
            #expect(slow.rounded(places: 2).formatted(places: 2) == fast.rounded(places: 2).formatted(places: 2))
        }
    }

    @Test("Rounding only at the end: rounding the evaluated price first changes a published score")
    func roundingOnlyAtTheEnd() throws {
        let evaluated = try Exact(parsing: "99.59") * (Exact.one - Exact(parsing: "6.5%"))
        #expect(evaluated.description == "93.11665")
        let base = Exact(90)
        let exact = try base / evaluated * 30
        #expect(exact.formatted(places: 6) == "28.995888")
        #expect(exact.rounded(places: 2).description == "29")
        let early = try base / evaluated.rounded(places: 2) * 30
        #expect(early.rounded(places: 2).description == "28.99")
    }
}
