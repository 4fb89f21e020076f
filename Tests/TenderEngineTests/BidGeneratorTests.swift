import ExactNumbers
import TenderEngine
import TenderModel
import Testing

private typealias F = PlanAndBidFixtures

@Suite("Bid generator")
struct BidGeneratorTests {
    private let lot = F.concreteLot

    private func isWholeCents(_ value: Exact) -> Bool { (value * .hundred).isInteger }

    // MARK: Equilibrium

    @Test(
        "equilibrium for uniform costs on [a, b] with R = b is c + (b − c)/n, within a cent",
        arguments: [2, 3, 5, 10, 25]
    )
    func equilibriumClosedForm(n: Int) {
        let a = F.x("400")
        let b = F.x("480")
        for c in ["400", "401.37", "420", "440", "455.55", "470", "479.99", "480"].map(F.x) {
            let bid = BidGenerator.equilibriumUnitBid(cost: c, model: .uniform(low: a, high: b), bidders: n, reserve: b)
            let exact = c + (try! (b - c) / Exact(n))
            #expect((bid - exact).magnitude <= F.x("0.01"), "c = \(c), n = \(n): \(bid) vs \(exact)")
            #expect(isWholeCents(bid))
            #expect(bid >= c)
        }
    }

    @Test("equilibrium: a lone bidder asks the reserve; R is capped at the top of the support")
    func equilibriumReserve() {
        let model = CostModel.uniform(low: 400, high: 480)
        #expect(BidGenerator.equilibriumUnitBid(cost: 420, model: model, bidders: 1, reserve: 500) == 480)
        #expect(BidGenerator.equilibriumUnitBid(cost: 420, model: model, bidders: 1, reserve: 450) == 450)
        // R = 450 below the top: b(c) = c + (450 − c)·((480 − t)/(480 − c))… integrated numerically; it stays in
        // [c, R].
        let capped = BidGenerator.equilibriumUnitBid(cost: 420, model: model, bidders: 3, reserve: 450)
        #expect(capped > 420 && capped < 450)
        // At or above R the bidder bids its cost.
        #expect(BidGenerator.equilibriumUnitBid(cost: 460, model: model, bidders: 3, reserve: 450) == 460)
    }

    @Test("equilibrium bids of a lot: n = eligible suppliers, unit bids between cost and the ceiling")
    func equilibriumBids() throws {
        let suppliers = (1...4).map { F.supplier("S\($0)", behaviour: .equilibrium) }
        let bids = BidGenerator.bids(for: lot, scenario: F.bidding(suppliers), replication: 0)
        #expect(bids.count == 4)
        for generated in bids {
            let unitCost = try #require(generated.unitCosts["concrete"])
            let unitBid = try #require(generated.unitPrices["concrete"])
            // Ceiling 500 is above the support's top 480, so R = 480 and the closed form applies with n = 4.
            let expected = unitCost + (try! (F.x("480") - unitCost) / 4)
            #expect((unitBid - expected).magnitude <= F.x("0.01"))
            #expect(generated.bid.price == unitBid * 4000)
            #expect(generated.cost == unitCost * 4000)
        }
    }

    // MARK: Behaviours

    @Test("truthful bids equal costs; costs are whole cents drawn within the support")
    func truthful() throws {
        let suppliers = (1...6).map { F.supplier("S\($0)") }
        let bids = BidGenerator.bids(for: lot, scenario: F.bidding(suppliers), replication: 3)
        #expect(bids.map(\.bid.bidder) == suppliers.map(\.id))
        for generated in bids {
            let unit = try #require(generated.unitCosts["concrete"])
            #expect(unit >= 400 && unit <= 480)
            #expect(isWholeCents(unit))
            #expect(generated.cost == unit * 4000)
            #expect(generated.bid.price == generated.cost)
            #expect(generated.realisedMarkup == .zero)
            #expect(generated.bid.lot == "concrete")
            #expect(generated.bid.bondPaid && generated.bid.signed)
            // It offers the registered product: the evaluation looks it up, so the bid carries no copy.
            #expect(generated.bid.products.isEmpty)
            #expect(generated.bid.submittedAt.hasPrefix("2024-06-30T08:"))
            #expect(generated.bid.deliveryDays == nil)
        }
    }

    @Test("markup bids: m drawn within [low, high] to 4 places; price = cost × (1 + m) to the cent")
    func markupBounds() throws {
        let low = F.x("0.05")
        let high = F.x("0.15")
        let suppliers = (1...5).map { F.supplier("S\($0)", behaviour: .markup(low: low, high: high)) }
        for replication in 0..<40 {
            for generated in BidGenerator.bids(for: lot, scenario: F.bidding(suppliers), replication: replication) {
                let m = try #require(generated.markup)
                let cost = try #require(generated.cost)
                #expect(m >= low && m <= high)
                #expect((m * 10_000).isInteger)
                #expect(generated.bid.price == (cost * (.one + m)).rounded(places: 2, mode: .halfUp))
                #expect(generated.bid.price >= cost * (.one + low) && generated.bid.price <= cost * (.one + high))
            }
        }
    }

    @Test("fixed prices: Σ quantity × listed unit price, whatever the cost")
    func fixedPrices() {
        let supplier = F.supplier("S1", behaviour: .fixedPrices(["concrete": F.x("455.55")]))
        let bids = BidGenerator.bids(for: lot, scenario: F.bidding([supplier]), replication: 0)
        #expect(bids.map(\.bid.price) == [F.x("1822200")])
        #expect(bids.first?.unitPrices == ["concrete": F.x("455.55")])
    }

    @Test("a ring's cover bids are above the designated winner's")
    func ring() throws {
        let suppliers = [
            F.supplier(
                "W",
                behaviour: .ring(id: "R", designatedWinner: true, markup: .percent(20), cover: .percent(5))
            ),
            F.supplier(
                "C1",
                behaviour: .ring(id: "R", designatedWinner: false, markup: .percent(20), cover: .percent(5))
            ),
            F.supplier(
                "C2",
                behaviour: .ring(id: "R", designatedWinner: false, markup: .percent(20), cover: .percent(3))
            ),
            F.supplier("T"),
        ]
        for replication in 0..<10 {
            let bids = BidGenerator.bids(for: lot, scenario: F.bidding(suppliers), replication: replication)
            #expect(bids.map(\.bid.bidder) == ["W", "C1", "C2", "T"])
            let winner = try #require(bids.first)
            let cost = try #require(winner.cost)
            #expect(winner.bid.price == (cost * F.x("1.2")).rounded(places: 2))
            #expect(bids[1].bid.price == (winner.bid.price * F.x("1.05")).rounded(places: 2))
            #expect(bids[2].bid.price == (winner.bid.price * F.x("1.03")).rounded(places: 2))
            #expect(bids[1].bid.price > winner.bid.price && bids[2].bid.price > winner.bid.price)
        }
        // Without its designated winner, a member bids its own cost × (1 + markup).
        let alone = BidGenerator.bids(for: lot, scenario: F.bidding([suppliers[1]]), replication: 0)
        let cost = try #require(alone.first?.cost)
        #expect(alone.first?.bid.price == (cost * F.x("1.2")).rounded(places: 2))
    }

    // MARK: Streams

    @Test("draws are reproducible for the same (seed, replication) and differ across replications")
    func reproducible() {
        let suppliers = (1...5).map { F.supplier("S\($0)", behaviour: .markup(low: 0, high: .percent(10))) }
        let scenario = F.bidding(suppliers)
        let first = BidGenerator.bids(for: lot, scenario: scenario, replication: 1)
        #expect(BidGenerator.bids(for: lot, scenario: scenario, replication: 1) == first)
        // The order of the suppliers does not change a supplier's draws.
        let reversed = BidGenerator.bids(for: lot, scenario: F.bidding(Array(suppliers.reversed())), replication: 1)
        #expect(Array(reversed.reversed()) == first)
        let second = BidGenerator.bids(for: lot, scenario: scenario, replication: 2)
        #expect(first.map(\.unitCosts) != second.map(\.unitCosts))
        #expect(first.map(\.bid.price) != second.map(\.bid.price))
        let otherSeed = BidGenerator.bids(for: lot, scenario: F.bidding(suppliers, seed: 99), replication: 1)
        #expect(first.map(\.bid.price) != otherSeed.map(\.bid.price))
    }

    @Test("participation: 0 never bids, 1 always, 0.5 about half the time")
    func participation() {
        let never = F.supplier("S0", participation: .zero)
        let always = F.supplier("S1", participation: .one)
        let half = F.supplier("S2", participation: .percent(50))
        let scenario = F.bidding([never, always, half])
        var halfCount = 0
        for replication in 0..<2_000 {
            let round = BidGenerator.round(for: lot, scenario: scenario, replication: replication)
            #expect(round.eligible == ["S0", "S1", "S2"])
            #expect(!round.bids.contains { $0.bid.bidder == "S0" })
            #expect(round.bids.contains { $0.bid.bidder == "S1" })
            if round.bids.contains(where: { $0.bid.bidder == "S2" }) { halfCount += 1 }
        }
        // 2,000 draws: standard error 0.0112; allow 4.
        #expect(abs(Double(halfCount) / 2_000 - 0.5) < 0.045)
        #expect(BidGenerator.bids(for: lot, scenario: F.bidding([never]), replication: 0).isEmpty)
    }

    @Test("a lot reserved for SMEs: large firms do not bid")
    func reserved() {
        let suppliers = [
            F.supplier("L", size: .large), F.supplier("M", size: .medium), F.supplier("S", size: .small),
        ]
        var reservedLot = lot
        #expect(BidGenerator.bids(for: reservedLot, scenario: F.bidding(suppliers), replication: 0).count == 3)
        reservedLot.reservedForSME = true
        let round = BidGenerator.round(for: reservedLot, scenario: F.bidding(suppliers), replication: 0)
        #expect(round.eligible == ["M", "S"])
        #expect(round.bids.map(\.bid.bidder) == ["M", "S"])
    }

    @Test("eligibility: every category of the lot; an offer without a cost model participates but cannot price")
    func eligibility() {
        let bundle = Lot(
            id: "bundle",
            categories: ["membrane", "gypsum"],
            lines: [
                F.line("D1", "P1", "membrane", quantity: "100", price: "40"),
                F.line("D2", "P1", "gypsum", quantity: "200", price: "30"),
            ],
            method: .inquiry
        )
        let both = F.supplier("B", categories: ["membrane", "gypsum"], cost: .fixed(F.x("20.004")))
        let one = F.supplier("O", categories: ["membrane"])
        var noCost = F.supplier("N", categories: ["membrane", "gypsum"])
        noCost.costs["gypsum"] = nil
        let round = BidGenerator.round(for: bundle, scenario: F.bidding([both, one, noCost]), replication: 0)
        #expect(round.eligible == ["B", "N"])
        #expect(round.participating == ["B", "N"])
        #expect(round.bids.map(\.bid.bidder) == ["B"])
        // Fixed costs are rounded exactly to the cent: 20.004 → 20.00; 100 × 20 + 200 × 20.
        #expect(round.bids.first?.unitCosts == ["membrane": 20, "gypsum": 20])
        #expect(round.bids.first?.bid.price == 6000)
        #expect(round.bids.first?.bid.products.isEmpty == true)
    }

    @Test("SME declarations: small/micro with every item small-made; consortium above the minimum share")
    func declarations() {
        let suppliers = [
            F.supplier("A", size: .small, madeBySmallOrMicro: true),
            F.supplier("B", size: .small, madeBySmallOrMicro: false),
            F.supplier("C", size: .large, consortium: Consortium(id: "K", smallMicroShare: .percent(30))),
            F.supplier("D", size: .large, consortium: Consortium(id: "K2", smallMicroShare: .percent(29))),
            F.supplier("E", size: .medium, madeBySmallOrMicro: true),
        ]
        let bids = BidGenerator.bids(for: lot, scenario: F.bidding(suppliers), replication: 0)
        #expect(bids.map(\.bid.declaration) == [.smallMicro, .none, .consortium(share: .percent(30)), .none, .none])
    }

    // MARK: Cost models

    @Test("the mean of 20,000 uniform[80, 120] draws is within 4 standard errors of 100")
    func uniformMean() {
        var stream = RandomStream(seed: 11, replication: 0, label: "test/uniform")
        let n = 20_000
        let draws = (0..<n).map { _ in BidGenerator.drawUnitCost(.uniform(low: 80, high: 120), stream: &stream) }
        let mean = draws.map { Double($0.formatted(places: 2))! }.reduce(0, +) / Double(n)
        let standardError = 40 / Double(12).squareRoot() / Double(n).squareRoot()
        #expect(abs(mean - 100) < 4 * standardError)
        #expect(draws.allSatisfy { $0 >= 80 && $0 <= 120 && isWholeCents($0) })
    }

    @Test("every cost model draws within its support, in whole cents, with the expected mean")
    func costModels() {
        // Triangular variance (a² + b² + c² − ab − ac − bc) / 18 = 2100 / 18.
        let triangularSD = (2100.0 / 18).squareRoot()
        let cases: [(CostModel, mean: Double, sd: Double)] = [
            (.fixed(F.x("99.99")), 99.99, 0),
            (.triangular(low: 80, mode: 90, high: 130), 100, triangularSD),
            (.empirical([F.x("90"), F.x("100"), F.x("110")]), 100, (200.0 / 3).squareRoot()),
            // Symmetric truncation keeps the mean.
            (.truncatedNormal(mean: 100, sd: 15, low: 85, high: 115), 100, 15),
            // exp(μ + σ²/2) with μ = ln 100 − 0.02, σ = 0.2: mean 100.
            (.lognormal(mu: F.x("4.585170185988091"), sigma: F.x("0.2")), 100, 20.2),
        ]
        for (model, mean, sd) in cases {
            var stream = RandomStream(seed: 5, replication: 0, label: "test/\(model)")
            let n = 20_000
            let draws = (0..<n).map { _ in BidGenerator.drawUnitCost(model, stream: &stream) }
            let support = model.support
            let high = support.high
            #expect(draws.allSatisfy { draw in draw >= support.low && (high.map { draw <= $0 } ?? true) })
            #expect(draws.allSatisfy(isWholeCents))
            let sample = draws.map { Double($0.formatted(places: 2))! }.reduce(0, +) / Double(n)
            #expect(abs(sample - mean) <= 4 * sd / Double(n).squareRoot() + 0.01, "\(model): \(sample)")
        }
        // A truncation in the upper tail (α = 6) draws through the survival function: mean 130.4009, sd 0.2782.
        var stream = RandomStream(seed: 5)
        let tail = (0..<10_000).map { _ in
            BidGenerator.drawUnitCost(.truncatedNormal(mean: 100, sd: 5, low: 130, high: 131), stream: &stream)
        }
        #expect(tail.allSatisfy { $0 >= 130 && $0 <= 131 })
        let tailMean = tail.map { Double($0.formatted(places: 2))! }.reduce(0, +) / 10_000
        #expect(abs(tailMean - 130.4009) < 4 * 0.2782 / 100 + 0.005)
        // Beyond the reach of Double (α = 40) it falls back to the nearest bound.
        #expect(
            BidGenerator.drawUnitCost(.truncatedNormal(mean: 100, sd: 1, low: 140, high: 141), stream: &stream) == 140
        )
    }
}
