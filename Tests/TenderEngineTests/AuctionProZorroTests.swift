import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// The ProZorro-style auction: a sealed round, then open rounds in which bidders move worst-first.
@Suite struct AuctionProZorroTests {
    static func x(_ text: String) -> Exact { Exact(text)! }

    static func bidder(_ id: String, sealed: Exact, floor: Exact, _ strategy: AuctionStrategy = .dropOutAtCost)
        -> AuctionBidder
    {
        AuctionBidder(id: id, floor: floor, sealedPrice: sealed, strategy: strategy)
    }

    static let share = AuctionStep.share(AuctionStep.defaultShare)

    @Test func theSealedRoundThenWorstFirstOpenRounds() {
        let record = ProZorroAuction.simulate(
            [
                Self.bidder("A", sealed: 9000, floor: 8000), Self.bidder("B", sealed: 9500, floor: 8500),
                Self.bidder("C", sealed: 9800, floor: 9300), Self.bidder("D", sealed: 10_100, floor: 1),
            ],
            settings: AuctionSettings(ceiling: 10_000, step: Self.share, rounds: 3)
        )
        #expect(record.rounds.map(\.label) == ["sealed", "round 1", "round 2", "round 3"])
        #expect(record.rounds[0].moves.map(\.rejection) == [nil, nil, nil, "above the ceiling 10000.00"])
        // Round 1, worst first: C (9,800) cannot reach 9,000 less a step above its floor and stops; then B;
        // then A answers B.
        #expect(record.rounds[1].droppedOut == ["C"])
        #expect(record.rounds[1].moves.map(\.bidder) == ["B", "A"])
        #expect(record.rounds[1].moves[0].price == 8955)
        #expect(record.rounds[2].moves.map(\.bidder) == ["B", "A"])
        // C's sealed bid still stands: a bidder that stops keeps its last bid.
        #expect(record.standings.map(\.bidder) == ["A", "B", "C"])
        #expect(record.moves.filter(\.accepted).allSatisfy { $0.price <= 10_000 })
    }

    /// With enough open rounds the drop-out-at-cost bidders end where the English auction does: the lowest
    /// cost wins within one step of the second-lowest cost.
    @Test func manyOpenRoundsEndWithinOneStepOfTheSecondLowestCost() {
        let record = ProZorroAuction.simulate(
            [
                Self.bidder("A", sealed: 9900, floor: 7000), Self.bidder("B", sealed: 9700, floor: 8000),
                Self.bidder("C", sealed: 9600, floor: 8800),
            ],
            settings: AuctionSettings(ceiling: 10_000, step: Self.share, rounds: 200)
        )
        let winner = record.standings[0]
        #expect(winner.bidder == "A")
        #expect(winner.price - Self.share.required(below: winner.price) < 8000)
        #expect(winner.price >= 8000 - 40 - Self.x("0.01"))
    }

    @Test func aReplayChecksTheOwnStepAndTheStandingBid() {
        let moves = [
            ScheduledMove(bidder: "A", price: 9000, round: 0),
            ScheduledMove(bidder: "B", price: 9500, round: 0),
            ScheduledMove(bidder: "B", price: Self.x("9452.51"), round: 1),
            ScheduledMove(bidder: "B", price: Self.x("9452.50"), round: 1),
            ScheduledMove(bidder: "C", price: 8000, round: 1),
            ScheduledMove(bidder: "A", price: 8900, round: 2),
            ScheduledMove(bidder: "A", price: 8000, round: 4),
        ]
        let record = ProZorroAuction.replay(
            moves,
            settings: AuctionSettings(ceiling: 10_000, step: Self.share, rounds: 3)
        )
        #expect(
            record.moves.map(\.rejection) == [
                nil, nil, "lowers its own bid 9500.00 by 47.49; at least 47.50 required", nil, "no standing sealed bid",
                nil, "after the last open round (3)",
            ]
        )
        #expect(record.standings.map(\.price) == [8900, Self.x("9452.50")])
    }
}
