import ExactNumbers
import ScenarioFormat
import TenderModel
import Testing

/// `policy.auction`, `policy.pricing`, `policy.framework`, `auction-strategy` and bid rounds as read from YAML.
@Suite struct AuctionSectionTests {
    static func load(policy: String, supplier: String = "", bids: String = "") -> LoadResult {
        var text = LoaderFixtures.valid.replacingOccurrences(of: "policy:\n", with: "policy:\n" + policy + "\n")
        text = text.replacingOccurrences(of: "    participation: 90%\n", with: "    participation: 90%\n" + supplier)
        if !bids.isEmpty { text = text.replacingOccurrences(of: "policy:\n", with: bids + "\npolicy:\n") }
        return MemoryFiles(["/s/main.yaml": text]).load()
    }

    @Test func theAuctionKeysAreRead() throws {
        let result = Self.load(
            policy: """
                  method-below-threshold: reverse-auction
                  pricing: second-price
                  auction: {format: prozorro, min-step: {amount: 120.5}, rounds: 4, strategy: {jump: 3%}}
                  framework: {priority: quality, elimination: 25%, term-months: 6, orders: rotation, minimum-suppliers: 3}
                """,
            supplier: "    auction-strategy: last-moment\n"
        )
        #expect(result.diagnostics.isEmpty, "\(LoaderFixtures.lines(result))")
        let scenario = try #require(result.scenario)
        let policy = scenario.policy
        #expect(policy.methodBelowThreshold == .reverseAuction)
        #expect(policy.pricing == .secondPrice)
        #expect(policy.auction.format == .prozorro)
        #expect(policy.auction.minimumStep == .amount(try Exact(parsing: "120.5")))
        #expect(policy.auction.roundLimit == 4)
        #expect(policy.auction.strategy == .jump(.percent(3)))
        #expect(policy.framework.priority == .quality)
        #expect(policy.framework.elimination == .percent(25))
        #expect(policy.framework.termMonths == 6)
        #expect(policy.framework.orders == .rotation)
        #expect(policy.framework.minimumSuppliers == 3)
        #expect(scenario.suppliers[0].auctionStrategy == .lastMoment)
    }

    /// The lot plan is the engine's: a bid naming a lot the plan does not have is an error at its line.
    @Test func bidsMustNameLotsOfThePlan() throws {
        let bids = """
            bids:
              - {lot: concrete, bidder: S01, price: 1000}
              - {lot: rebar, bidder: S01, price: 990}
            """
        let result = Self.load(policy: "", bids: bids)
        #expect(result.scenario == nil)
        #expect(
            LoaderFixtures.lines(result) == [
                "main.yaml:41:11: error: bids[1].lot: unknown lot 'rebar'; the lot plan has: concrete"
            ]
        )
        let known = "bids:\n  - {lot: concrete, bidder: S01, price: 1000}"
        #expect(Self.load(policy: "", bids: known).diagnostics.isEmpty)
    }

    @Test func theDefaultsNeedNoKeys() throws {
        let scenario = try #require(MemoryFiles(["/s/main.yaml": LoaderFixtures.valid]).load().scenario)
        #expect(scenario.policy.auction == AuctionPolicy())
        #expect(scenario.policy.pricing == .firstPrice)
        #expect(scenario.policy.framework == FrameworkPolicy())
        #expect(scenario.suppliers[0].auctionStrategy == nil)
    }

    @Test func outOfRangeValuesAreErrorsOrWarnings() {
        let result = Self.load(
            policy: """
                  auction: {min-step: {share: 150%}, rounds: 0}
                  framework: {elimination: 100%, minimum-suppliers: 1}
                """
        )
        let lines = LoaderFixtures.lines(result)
        #expect(lines.contains { $0.contains("error: policy.auction.min-step.share: expected a share ≤ 1, found 1.5") })
        #expect(lines.contains { $0.contains("error: policy.auction.rounds: expected a whole number from 1 to 1000") })
        #expect(
            lines.contains {
                $0.contains("warning: policy.framework.elimination: eliminating 100% of the offers leaves no shortlist")
            }
        )
        #expect(
            lines.contains {
                $0.contains(
                    "warning: policy.framework.minimum-suppliers: 财政部令第110号 needs at least 2 qualified suppliers"
                )
            }
        )
    }

    /// Several entries of one supplier on a lot are auction moves only when every one carries a round.
    @Test func repeatedBidsNeedARound() {
        let moves = """
            bids:
              - {lot: concrete, bidder: S01, price: 1000, round: 1}
              - {lot: concrete, bidder: S01, price: 990, round: 2}
            """
        #expect(Self.load(policy: "", bids: moves).errors.isEmpty)
        let sealed = """
            bids:
              - {lot: concrete, bidder: S01, price: 1000, round: 1}
              - {lot: concrete, bidder: S01, price: 990}
            """
        let lines = LoaderFixtures.lines(Self.load(policy: "", bids: sealed))
        #expect(
            lines.contains {
                $0.contains(
                    "error: bids[1]: supplier 'S01' already bid on lot 'concrete' in bids[0]; one bid per lot "
                        + "(auction moves carry a 'round')"
                )
            }
        )
    }
}
