import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// The e-mall reverse auction from first principles: the English auction's price, the strategies, the
/// deadline, ties and rehearsal replays.
@Suite struct AuctionReverseTests {
    static func x(_ text: String) -> Exact { Exact(text)! }
    static let cent = x("0.01")

    static func bidder(
        _ id: String,
        cost: Exact,
        _ strategy: AuctionStrategy = .dropOutAtCost,
        deduction: Exact = .zero
    ) -> AuctionBidder {
        AuctionBidder(id: id, deduction: deduction, floor: cost, sealedPrice: cost, strategy: strategy)
    }

    static func settings(
        _ ceiling: Exact = 10_000,
        step: AuctionStep = .share(AuctionStep.defaultShare),
        rounds: Int = 500
    )
        -> AuctionSettings
    {
        AuctionSettings(ceiling: ceiling, step: step, rounds: rounds)
    }

    /// A deterministic stream of whole-cent costs in [low, high).
    struct Costs {
        var state: UInt64
        mutating func next(_ low: Int, _ high: Int) -> Exact {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let cents = low * 100 + Int((state >> 33) % UInt64((high - low) * 100))
            return Exact(cents) * Self.cent
        }
        static let cent = AuctionReverseTests.cent
    }

    /// The English reverse auction: with drop-out-at-cost bidders the lowest-cost bidder wins, and the price
    /// ends within one step of the second-lowest cost c₂: the runner-up could not undercut it
    /// (p − step(p) < c₂), and it is one step below a bid that was at least c₂ (p ≥ c₂ − step(c₂), to the cent).
    @Test(arguments: [AuctionStep.share(AuctionStep.defaultShare), .share(.percent(2)), .amount(25)])
    func anEnglishAuctionEndsWithinOneStepOfTheSecondLowestCost(_ step: AuctionStep) {
        var costs = Costs(state: 20_230_815)
        for trial in 0..<60 {
            let n = 2 + trial % 6
            var drawn = (0..<n).map { _ in costs.next(6000, 9900) }
            let sorted = drawn.sorted()
            // Keep the two lowest costs more than two steps apart, so that the lowest must win.
            if sorted[0] > sorted[1] - 2 * step.required(below: sorted[1]) - 1 {
                let index = drawn.firstIndex(of: sorted[0])!
                drawn[index] = sorted[1] - 2 * step.required(below: sorted[1]) - 1
            }
            let bidders = drawn.enumerated().map { Self.bidder("S\($0.offset)", cost: $0.element) }
            let record = ReverseAuction.simulate(bidders, settings: Self.settings(step: step))
            let c = drawn.sorted()
            let winner = record.standings[0]
            #expect(winner.bidder == "S\(drawn.firstIndex(of: c[0])!)", "trial \(trial)")
            let p = winner.price
            #expect(p - step.required(below: p) < c[1], "trial \(trial): \(p) vs c2 \(c[1])")
            #expect(p >= c[1] - step.required(below: c[1]) - Self.cent, "trial \(trial): \(p) vs c2 \(c[1])")
            #expect(p >= c[0], "the winner never bids below its cost")
            // Every accepted move after the first undercuts the best so far by the step.
            var best: Exact?
            for move in record.moves where move.accepted {
                if let b = best { #expect(b - move.evaluatedPrice >= step.required(below: b)) }
                best = move.evaluatedPrice
                #expect(move.price <= 10_000)
            }
        }
    }

    /// Costs 7,000 / 8,000 / 9,000, ceiling 10,000, step 100: the descent by whole steps stops at 8,000 or
    /// just below it, where the 8,000 bidder cannot undercut any further.
    @Test func aWorkedEnglishAuctionWithAnAmountStep() {
        let record = ReverseAuction.simulate(
            [Self.bidder("A", cost: 9000), Self.bidder("B", cost: 8000), Self.bidder("C", cost: 7000)],
            settings: Self.settings(step: .amount(100))
        )
        // A opens at the ceiling, then every move is 100 below the previous one.
        let prices = record.moves.map(\.price)
        #expect(prices.first == 10_000)
        #expect(zip(prices, prices.dropFirst()).allSatisfy { $0 - $1 == 100 })
        #expect(record.standings.map(\.bidder) == ["C", "B", "A"])
        let p = record.standings[0].price
        #expect(p < 8100 && p >= 7900)
        #expect(record.rounds.flatMap(\.droppedOut).sorted() == ["A", "B"])
        #expect(record.moves.allSatisfy { $0.accepted })
    }

    @Test func aJumpBidderUndercutsByItsJumpButNeverBelowItsFloor() {
        let record = ReverseAuction.simulate(
            [Self.bidder("A", cost: 5000), Self.bidder("J", cost: 9000, .jump(.percent(10)))],
            settings: Self.settings()
        )
        // A opens at 10,000; J jumps 10% to 9,000, exactly its floor; A undercuts by the step; J stops.
        #expect(record.moves.prefix(2).map(\.price) == [10_000, 9000])
        #expect(record.moves[2].price == Self.x("8955.00"))
        #expect(record.rounds.flatMap(\.droppedOut) == ["J"])
        #expect(record.standings[0].bidder == "A")
    }

    /// A sniper stays silent until the deadline and then undercuts the best by one step: the bidders who
    /// move before it in the last round cannot answer.
    @Test func aLastMomentBidderMovesOnlyInTheLastRound() {
        let record = ReverseAuction.simulate(
            [
                Self.bidder("A", cost: 9000), Self.bidder("B", cost: 9500),
                Self.bidder("S", cost: 7000, .lastMoment),
            ],
            settings: Self.settings(rounds: 40)
        )
        let sniper = record.moves.filter { $0.bidder == "S" }
        #expect(sniper.count == 1)
        #expect(sniper.first?.round == 40)
        let winner = record.standings[0]
        #expect(winner.bidder == "S")
        // A held the best above its own cost 9,000 when S struck: the sniper pays more than A's cost.
        #expect(winner.price >= 9000 - Exact(45))
        #expect(record.standings[1].bidder == "A")
        #expect(
            record.standings[1].price - winner.price
                >= AuctionStep.share(AuctionStep.defaultShare).required(below: record.standings[1].price)
        )
    }

    /// A deadline that binds leaves the price high: after one round nobody undercuts again.
    @Test func theDeadlineStopsTheDescent() {
        let bidders = [Self.bidder("A", cost: 5000), Self.bidder("B", cost: 6000)]
        let short = ReverseAuction.simulate(bidders, settings: Self.settings(rounds: 2))
        let long = ReverseAuction.simulate(bidders, settings: Self.settings(rounds: 500))
        #expect(short.rounds.count == 2)
        #expect(short.standings[0].price > long.standings[0].price)
        #expect(long.standings[0].price < 6031)
    }

    @Test func aSealedBidderBidsOnceAtItsSealedPrice() {
        let sealed = AuctionBidder(id: "S", floor: 1000, sealedPrice: 9500, strategy: .sealed)
        let record = ReverseAuction.simulate([Self.bidder("A", cost: 9600), sealed], settings: Self.settings())
        #expect(record.moves.filter { $0.bidder == "S" }.map(\.price) == [9500])
        #expect(record.standings[0].bidder == "S")
    }

    @Test func anSMEBidderCompetesAtItsEvaluatedPrice() {
        // B's cost 10% above A's, but with a 10% deduction its evaluated floor is 9,900 × 0.9 = 8,910 < 9,000.
        let record = ReverseAuction.simulate(
            [Self.bidder("A", cost: 9000), Self.bidder("B", cost: 9900, deduction: .percent(10))],
            settings: Self.settings()
        )
        #expect(record.standings[0].bidder == "B")
        #expect(record.standings[0].evaluatedPrice == record.standings[0].price * Self.x("0.9"))
    }

    // MARK: Rehearsal replays

    @Test func aReplayAcceptsOrRejectsEveryMoveAndTheLastCounts() {
        let moves = [
            ScheduledMove(bidder: "A", price: 1000, round: 1, submittedAt: "2023-08-15T09:00:05"),
            ScheduledMove(bidder: "B", price: Self.x("995.01"), round: 1),
            ScheduledMove(bidder: "B", price: 995, round: 1),
            ScheduledMove(bidder: "C", price: Self.x("1000.01"), round: 2),
            ScheduledMove(bidder: "A", price: 980, round: 2),
            ScheduledMove(bidder: "X", price: 900, round: 2),
            ScheduledMove(bidder: "C", price: 900, round: 4),
        ]
        let record = ReverseAuction.replay(
            moves,
            refused: ["X": "debarred"],
            settings: Self.settings(1000, rounds: 3)
        )
        #expect(
            record.moves.map(\.rejection) == [
                nil, "undercuts the best 1000.00 by 4.99; at least 5.00 required", nil, "above the ceiling 1000.00",
                nil,
                "not admitted: debarred", "after the deadline (round 3)",
            ]
        )
        #expect(record.standings.map(\.bidder) == ["A", "B"])
        #expect(record.standings[0].price == 980)
        #expect(record.moves[0].submittedAt == "2023-08-15T09:00:05")
        #expect(record.rounds.map(\.number) == [1, 2, 4])
    }

    /// With a zero step equal bids are accepted, and of equal lowest bids the earliest wins.
    @Test func equalLowestBidsGoToTheEarliest() {
        let record = ReverseAuction.replay(
            [
                ScheduledMove(bidder: "A", price: 950, round: 1),
                ScheduledMove(bidder: "B", price: 900, round: 1),
                ScheduledMove(bidder: "C", price: 900, round: 1),
            ],
            settings: Self.settings(1000, step: .amount(0))
        )
        #expect(record.moves.allSatisfy { $0.accepted })
        #expect(record.standings.map(\.bidder) == ["B", "C", "A"])
    }
}
