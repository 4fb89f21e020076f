import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// Closed framework agreements (财政部令第110号): the shortlist, the agreement prices, the orders.
@Suite struct AuctionFrameworkTests {
    typealias F = AuctionFixtures

    /// Stage-1 prices (truthful, 4,000 m³): S1 1,600,000 · S2 1,640,000 · S3 1,680,000 · S4 1,720,000 ·
    /// S5 1,760,000.
    static let five = [400, 410, 420, 430, 440].enumerated().map { F.supplier("S\($0.offset + 1)", cost: $0.element) }

    static func framework(_ mode: FrameworkOrderMode, _ configure: @escaping (inout Policy) -> Void = { _ in })
        -> (inout Policy) -> Void
    {
        { policy in
            policy.methodBelowThreshold = .frameworkAgreement
            policy.framework.orders = mode
            configure(&policy)
        }
    }

    static func record(_ outcome: LotOutcome) throws -> FrameworkRecord {
        try #require(outcome.auction?.framework)
    }

    @Test func stageOneEliminatesAtLeastTwentyPercentAndAtLeastOne() throws {
        let (outcome, _) = F.run(F.scenario(Self.five, policy: Self.framework(.directSelection)))
        let framework = try Self.record(outcome)
        #expect(outcome.lot.method == .frameworkAgreement)
        #expect(framework.validOffers == 5)
        #expect(framework.shortlist == ["S1", "S2", "S3", "S4"])
        #expect(framework.eliminated == ["S5"])
        #expect(outcome.candidates == framework.shortlist)
        #expect(outcome.of("S5").flags.first?.kind == .eliminatedAtStageOne)
        #expect(outcome.of("S5").flags.first?.text.hasPrefix("eliminated at stage 1: rank 5 of 5") == true)
        let s5 = outcome.auction?.rounds.first?.moves.first { $0.bidder == "S5" }
        #expect(s5?.rejection == "eliminated (rank 5 of 5)")

        // 50% of 5 is 2.5: three are eliminated.
        let (half, _) = F.run(
            F.scenario(Self.five, policy: Self.framework(.directSelection) { $0.framework.elimination = .percent(50) })
        )
        #expect(try Self.record(half).shortlist == ["S1", "S2"])
        // 2 offers at 20%: still one eliminated.
        let (two, _) = F.run(F.scenario(Array(Self.five.prefix(2)), policy: Self.framework(.directSelection)))
        #expect(try Self.record(two).shortlist == ["S1"])
    }

    @Test func fewerValidOffersThanTheMinimumFailTheAgreement() {
        let suppliers = [F.supplier("S1", cost: 400), F.supplier("S2", cost: 410, debarred: true)]
        let (outcome, result) = F.run(F.scenario(suppliers, policy: Self.framework(.directSelection)))
        #expect(outcome.failure == LotFailure(.tooFewValidBids, "1 valid offer at stage 1, 2 required (财政部令第110号)"))
        #expect(outcome.winner == nil)
        #expect(result.metrics.failedLots == 1)
    }

    /// Direct selection: every order to the best-ranked supplier, at its agreement price = its stage-1 price ×
    /// order ceiling / lot ceiling.
    @Test func directSelectionPlacesEveryOrderWithTheBestRanked() throws {
        let (outcome, result) = F.run(F.scenario(Self.five, policy: Self.framework(.directSelection)))
        let framework = try Self.record(outcome)
        #expect(framework.orders.map(\.id) == ["P1", "P2", "P3"])
        #expect(framework.orders.map(\.supplier) == ["S1", "S1", "S1"])
        #expect(framework.orders.map(\.price) == [400_000, 400_000, 800_000])
        #expect(framework.agreementPrices["S2"] == 1_640_000)
        #expect(outcome.winner == "S1")
        #expect(outcome.contractPrice == 1_600_000)
        #expect(result.metrics.contract == 1_600_000)
        #expect(framework.savingsRate == .percent(20))
        #expect(result.metrics.hhi == 10_000)
    }

    /// Rotation: the orders, by delivery start, go to S1, S2, S3 in turn.
    @Test func rotationGivesTheOrdersInTurn() throws {
        let (outcome, result) = F.run(F.scenario(Self.five, policy: Self.framework(.rotation)))
        let framework = try Self.record(outcome)
        #expect(framework.orders.map(\.supplier) == ["S1", "S2", "S3"])
        #expect(framework.orders.map(\.price) == [400_000, 410_000, 840_000])
        #expect(outcome.contractPrice == 1_650_000)
        // The largest supplier stands for the lot; the metrics count every order's supplier.
        #expect(outcome.winner == "S3")
        let lot = result.lotMetrics[0]
        #expect(lot.contractBySupplier == ["S1": 400_000, "S2": 410_000, "S3": 840_000])
        let shares = try [400, 410, 840].map { try Exact($0) * 100 / 1650 }
        #expect(result.metrics.hhi == shares.map { $0 * $0 }.sum())
        #expect(framework.largestShare == (try Exact(840) / 1650))
    }

    @Test func anOrderGoesToTheNextSupplierWhenCapacityIsUsedUp() throws {
        var suppliers = Self.five
        suppliers[0] = F.supplier("S1", cost: 400, capacity: 1500)
        let (outcome, _) = F.run(F.scenario(suppliers, policy: Self.framework(.directSelection)))
        let framework = try Self.record(outcome)
        // S1's capacity 1,500 m³ is below the lot's 4,000 m³ but stage 1 does not check it: orders do.
        #expect(framework.shortlist.first == "S1")
        #expect(framework.orders.map(\.supplier) == ["S1", "S2", "S2"])
    }

    @Test func ordersAfterTheTermAreNotPlaced() throws {
        let (outcome, result) = F.run(
            F.scenario(Self.five, policy: Self.framework(.directSelection) { $0.framework.termMonths = 1 })
        )
        let framework = try Self.record(outcome)
        #expect(framework.termEnd == Day(year: 2024, month: 7, day: 30))
        #expect(framework.orders.map(\.supplier) == ["S1", nil, nil])
        #expect(framework.orders[1].note == "not placed: delivery starts 2024-08-01, after the term ends 2024-07-30")
        #expect(outcome.contractPrice == 400_000)
        #expect(result.lotMetrics[0].redFlags.contains(.unplacedOrders))
    }

    /// Second-round bidding: S1 (cost 400, fixed price 430) ranks third at stage 1 but undercuts the truthful S2
    /// (cost 420) in every order's round, its agreement price as its ceiling.
    @Test func secondRoundBiddingLetsTheLowestCostWinBelowItsAgreementPrice() throws {
        let suppliers = [
            F.supplier("S1", cost: 400, behaviour: .fixedPrices(["concrete": 430])), F.supplier("S2", cost: 420),
            F.supplier("S3", cost: 425), F.supplier("S4", cost: 450), F.supplier("S5", cost: 460),
        ]
        let (outcome, _) = F.run(F.scenario(suppliers, policy: Self.framework(.secondRound)))
        let framework = try Self.record(outcome)
        #expect(framework.shortlist == ["S2", "S3", "S1", "S4"])
        let first = framework.orders[0]
        #expect(first.supplier == "S1")
        #expect(first.agreementPrice == 430_000)
        // S2 opens at its agreement price 420,000; S1 undercuts it by the 0.5% step.
        #expect(first.price == 417_900)
        #expect(first.rounds.first?.moves.map(\.bidder) == ["S2", "S1"])
        #expect(first.rounds.first?.droppedOut == ["S3", "S4"])
        for order in framework.orders {
            #expect(order.price! <= order.agreementPrice!)
        }
    }

    /// Quality priority ranks by the criteria's points: the fastest delivery shortlists first despite the
    /// highest price.
    @Test func qualityPriorityRanksByQualityPoints() throws {
        var suppliers = Self.five
        suppliers[4] = F.supplier("S5", cost: 440, deliveryDays: 2)
        let (outcome, _) = F.run(
            F.scenario(
                suppliers,
                policy: Self.framework(.directSelection) {
                    $0.framework.priority = .quality
                    $0.evaluation.criteria = [
                        Criterion(
                            id: "delivery",
                            name: "供货响应时间",
                            points: 20,
                            source: .bands(attribute: "delivery-days", bands: [Band(max: 3, points: 20)])
                        )
                    ]
                }
            )
        )
        let framework = try Self.record(outcome)
        #expect(framework.shortlist == ["S5", "S1", "S2", "S3"])
        #expect(outcome.of("S5").recordedTotal == 20)
        #expect(framework.orders.allSatisfy { $0.supplier == "S5" })
    }
}
