import ExactNumbers
import TenderModel
import Testing

@testable import TenderEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The equilibrium markup integral, per cost and tabulated, against results computed independently: closed
/// forms in exact rationals, a hand-computed discrete case, and a fine fixed-step integral where the markup
/// has no closed form.
@Suite("Equilibrium integral")
struct EquilibriumIntegralTests {
    private static func x(_ text: String) -> Exact { Exact(text)! }

    /// The bid in cents the engine rounds to (half away from zero, never below the cost), from the exact bid;
    /// nil where the exact bid lies within 10⁻⁶ yuan of a half cent, closer than the integral's accuracy.
    private static func cents(ofExact bid: Exact, cost: Int) -> Int? {
        let scaled = bid * .hundred
        let down = scaled.rounded(places: 0, mode: .floor)
        guard ((scaled - down) - Exact.percent(50)).magnitude > Self.x("0.0001") else { return nil }
        let rounded = scaled.rounded(places: 0, mode: .halfUp)
        return max(Int(rounded.description)!, cost)
    }

    /// The engine's per-cost bid at `cents`, in cents.
    private static func perCost(_ cents: Int, _ model: CostModel, bidders: Int, reserve: Exact) -> Int {
        let bid = BidGenerator.equilibriumUnitBid(
            cost: Exact(cents) * .percent(1),
            model: model,
            bidders: bidders,
            reserve: reserve
        )
        return Int((bid * .hundred).description)!
    }

    /// The bids the tabulation decides over a memo's range, by cost in cents.
    private static func tabulated(_ model: CostModel, bidders: Int, reserve: Double) -> (
        first: Int, count: Int, bids: [Int: Int]
    ) {
        let distribution = CostDistribution(model)
        let memo = EquilibriumBidMemo(model: model, distribution: distribution, bidders: bidders, reserve: reserve)
        var bids: [Int: Int] = [:]
        EquilibriumTail.sweep(
            distribution: distribution,
            bidders: bidders,
            reserve: reserve,
            first: memo.first,
            count: memo.count
        ) { k, bid in bids[Int(memo.first) + k] = Int(bid) }
        return (Int(memo.first), memo.count, bids)
    }

    @Test(
        "uniform costs on [80, 120], 5 bidders, ceiling 200: every tabulated cent, and every 13th per cost, bids c + (120 − c)/5"
    )
    func uniformClosedForm() {
        let model = CostModel.uniform(low: 80, high: 120)
        let table = Self.tabulated(model, bidders: 5, reserve: 200)
        #expect(table.first == 8_000 && table.count == 4_001)
        var decided = 0
        for c in 8_000..<12_000 {
            // b = (4c + 12,000) / 5 cents: never a half cent, so the cent is decided.
            let expected = (2 * (4 * c + 12_000) + 5) / 10
            if c % 13 == 0 { #expect(Self.perCost(c, model, bidders: 5, reserve: 200) == expected, "c = \(c)") }
            if let bid = table.bids[c] {
                #expect(bid == expected, "tabulated, c = \(c)")
                decided += 1
            }
        }
        // Only the costs whose bid lies within a hundredth of a cent of a half cent are left to the integral.
        #expect(decided >= 3_900, "\(decided) of 4,000 tabulated")
    }

    @Test(
        "triangular costs (0, 60.005, 100), 2 bidders: every tabulated cent, and every 17th per cost, is the exact rational bid"
    )
    func triangularClosedForm() {
        // The mode inside a cent: the tabulation splits that cent's integral where 1 − F has its kink.
        let (mode, high) = (Self.x("60.005"), Exact(100))
        let model = CostModel.triangular(low: 0, mode: mode, high: high)
        let table = Self.tabulated(model, bidders: 2, reserve: 100)
        var compared = 0
        for c in stride(from: 1, to: 10_000, by: 1) {
            let cost = Exact(c) * .percent(1)
            // 1 − F(t) = 1 − t²/(100 M) up to the mode M, (100 − t)²/(100 (100 − M)) above;
            // b = c + ∫_c^100 (1 − F) / (1 − F(c)).
            let survival: Exact
            let integral: Exact
            if cost >= mode {
                let rest = high - cost
                survival = try! rest * rest / (high * (high - mode))
                integral = try! rest * rest * rest / (3 * high * (high - mode))
            } else {
                survival = try! .one - cost * cost / (high * mode)
                integral =
                    try! (mode - cost) - (mode * mode * mode - cost * cost * cost) / (3 * high * mode)
                    + (high - mode) * (high - mode) / (3 * high)
            }
            guard let expected = Self.cents(ofExact: try! cost + integral / survival, cost: c) else { continue }
            if c % 17 == 0 { #expect(Self.perCost(c, model, bidders: 2, reserve: 100) == expected, "c = \(c)") }
            if let bid = table.bids[c] {
                #expect(bid == expected, "tabulated, c = \(c)")
                compared += 1
            }
        }
        #expect(compared >= 9_700, "\(compared) tabulated")
    }

    @Test("the table leaves a bid on a half cent to the per-cost integral: uniform [80, 120], 2 bidders")
    func halfCentsLeftToTheIntegral() {
        // b = (c + 120) / 2: a half cent for every odd cost in cents, which a double may put on either side.
        let table = Self.tabulated(.uniform(low: 80, high: 120), bidders: 2, reserve: 120)
        for c in 8_000..<12_000 {
            if c % 2 == 1 {
                #expect(table.bids[c] == nil, "c = \(c)")
            } else {
                #expect(table.bids[c] == (c + 12_000) / 2, "c = \(c)")
            }
        }
    }

    @Test("an empirical model's markup is the exact step sum: values 1, 2, 3, 4, 2 bidders, ceiling 4")
    func empiricalSteps() {
        let model = CostModel.empirical([1, 2, 3, 4])
        // From 1: 1 − F is 3/4 on [1, 2), 2/4 on [2, 3), 1/4 on [3, 4): 1 + 2/3 + 1/3 = 2 above the cost.
        #expect(BidGenerator.equilibriumUnitBid(cost: 1, model: model, bidders: 2, reserve: 4) == 3)
        // From 1.5: 0.5 + 2/3 + 1/3.
        #expect(BidGenerator.equilibriumUnitBid(cost: Self.x("1.5"), model: model, bidders: 2, reserve: 4) == 3)
        // From 2.5 (1 − F = 1/2): 0.5 + 1 × (1/4)/(1/2).
        #expect(
            BidGenerator.equilibriumUnitBid(cost: Self.x("2.5"), model: model, bidders: 2, reserve: 4) == Self.x("3.5")
        )
        // Three bidders from 2: ((2/4)/(2/4))² on [2, 3), ((1/4)/(2/4))² on [3, 4): 1 + 1/4.
        #expect(BidGenerator.equilibriumUnitBid(cost: 2, model: model, bidders: 3, reserve: 4) == Self.x("3.25"))
        // A ceiling inside the steps: from 1 to 2.6 under a ceiling of 2.6: 1 + 0.6 × 2/3.
        #expect(
            BidGenerator.equilibriumUnitBid(cost: 1, model: model, bidders: 2, reserve: Self.x("2.6")) == Self.x("2.4")
        )
    }

    @Test("a narrow lognormal under a ceiling far above it: bids equal a fine fixed-step integral")
    func narrowLognormal() {
        // Costs about 100 (σ = 4 %), ceiling 1,000: (1 − F)^4 falls to nothing within a few yuan above the cost,
        // a small part of [c, 1,000] (where 256 even steps over [c, R] were off by up to a cent).
        let mu = log(100.0)
        let sigma = 0.04
        let model = CostModel.lognormal(mu: Self.x("4.605170185988091"), sigma: Self.x("0.04"))
        let distribution = CostDistribution(model)
        #expect(abs(DoubleMath.double(Self.x("4.605170185988091")) - mu) < 1e-12)
        func survival(_ t: Double) -> Double { DoubleMath.normalSurvival((log(t) - mu) / sigma) }
        let table = Self.tabulated(model, bidders: 5, reserve: 1_000)
        var compared = 0
        for c in stride(from: 8_600, through: 11_600, by: 75) {
            let cost = Double(c) / 100
            // Simpson on 20,000 steps up to where 1 − F is below 10⁻¹⁹ (9 σ above the median), not to R.
            let top = exp(mu + 9 * sigma)
            let steps = 20_000
            let h = (top - cost) / Double(steps)
            let sc = survival(cost)
            func g(_ t: Double) -> Double { pow(survival(t) / sc, 4) }
            var sum = g(cost) + g(top)
            for i in 1..<steps { sum += Double(i % 2 == 1 ? 4 : 2) * g(cost + Double(i) * h) }
            let bid = cost + sum * h / 3
            let scaled = bid * 100
            guard abs(scaled - scaled.rounded(.down) - 0.5) > 1e-4 else { continue }
            let expected = max(Int(scaled.rounded(.toNearestOrAwayFromZero)), c)
            #expect(Self.perCost(c, model, bidders: 5, reserve: 1_000) == expected, "c = \(c)")
            #expect(
                abs(EquilibriumBid.unitBid(cost: cost, distribution: distribution, bidders: 5, reserve: 1_000) - bid)
                    < 1e-5
            )
            if let tabulated = table.bids[c] { #expect(tabulated == expected, "tabulated, c = \(c)") }
            compared += 1
        }
        #expect(compared >= 38)
    }

    @Test("a wide lognormal (σ = 1) under a ceiling of 500,000: bids equal an integral over the log of the cost")
    func wideLognormal() {
        // Costs spread over decades (median 323.8): (1 − F)^4 falls over hundreds of yuan above a cost, a tiny part
        // of [c, 500,000], where 256 even steps of about 2,000 yuan put the bids far too high (the mean contract
        // of five such bidders came out 776 instead of 230).
        let (mu, sigma) = (5.78, 1.0)
        let distribution = CostDistribution(.lognormal(mu: Self.x("5.78"), sigma: 1))
        for cost in [50.0, 150.0, 323.84, 1_000.0, 5_000.0] {
            let sc = distribution.survival(cost)
            // t = e^u: ∫ g(t) dt = ∫ g(e^u) e^u du, smooth in u; Simpson on 20,000 steps of u up to 12 σ above
            // the median, past which (1 − F)^4 is below 10⁻¹²⁰.
            let (low, high) = (log(cost), mu + 12 * sigma)
            let steps = 20_000
            let h = (high - low) / Double(steps)
            func g(_ u: Double) -> Double { pow(distribution.survival(exp(u)) / sc, 4) * exp(u) }
            var sum = g(low) + g(high)
            for i in 1..<steps { sum += Double(i % 2 == 1 ? 4 : 2) * g(low + Double(i) * h) }
            let reference = cost + sum * h / 3
            let bid = EquilibriumBid.unitBid(cost: cost, distribution: distribution, bidders: 5, reserve: 500_000)
            #expect(abs(bid - reference) < 1e-5, "c = \(cost): \(bid) against \(reference)")
        }
    }

    @Test("a cost model that is a step in all but name (σ of 10⁻¹³ around 10,000): the quadrature ends")
    func nearStepEnds() {
        // 1 − F falls from 1/2 to nothing within a few units in the last place of the cost: the search for where
        // the integrand is negligible halves towards the cost until the halving no longer moves.
        let distribution = CostDistribution(
            .truncatedNormal(mean: 10_000, sd: Self.x("0.0000000000001"), low: 0, high: 20_000)
        )
        for cost in [10_000.0, 10_000.0.nextDown, 10_000.0.nextUp, 9_999.99] {
            var evaluations = 0
            let bid = EquilibriumBid.unitBid(
                cost: cost,
                distribution: distribution,
                bidders: 5,
                reserve: 20_000,
                &evaluations
            )
            #expect(bid >= cost && bid < 10_000.01, "c = \(cost): \(bid)")
            #expect(evaluations < 5_000, "c = \(cost): \(evaluations) evaluations")
        }
    }

    @Test(
        "large costs: the quadrature stops at the rounding of g, not at the deepest level",
        arguments: [(7.0, 1e8, 1e7), (8.0, 1e9, 5e7), (10.0, 1e11, 5e9), (12.0, 1e13, 1e12)]
    )
    func largeCostsStayBounded(exponent: Double, reserve: Double, cost: Double) {
        // A lognormal around 10^exponent yuan (σ = 0.5), 5 bidders: asked to 10⁻⁶ yuan over a range of 10¹⁰ or
        // more, below what g's rounding allows, the halving would go on to the deepest level, 2⁴⁰ pieces.
        let distribution = CostDistribution(
            .lognormal(mu: Exact(Int(exponent)) * Exact("2.302585092994046")!, sigma: Exact("0.5")!)
        )
        var evaluations = 0
        let bid = EquilibriumBid.unitBid(
            cost: cost,
            distribution: distribution,
            bidders: 5,
            reserve: reserve,
            &evaluations
        )
        #expect(evaluations < 20_000, "\(evaluations) evaluations")
        #expect(bid > cost && bid < reserve)
        // The same bid as a composite Simpson's rule of 400,000 steps, within its accuracy over the range.
        let sc = distribution.survival(cost)
        let top = min(reserve, cost * 40)
        let steps = 400_000
        let h = (top - cost) / Double(steps)
        func g(_ t: Double) -> Double { pow(distribution.survival(t) / sc, 4) }
        var sum = g(cost) + g(top)
        for i in 1..<steps { sum += Double(i % 2 == 1 ? 4 : 2) * g(cost + Double(i) * h) }
        #expect(abs(bid - (cost + sum * h / 3)) < 1e-12 * reserve + 1e-3, "\(bid) against \(cost + sum * h / 3)")
    }

    @Test(
        "tabulated bids equal per-cost bids (every 11th cent), and the table decides nearly every cent",
        arguments: [
            (CostModel.uniform(low: 400, high: 480), 40, 450.0),
            (CostModel.truncatedNormal(mean: 100, sd: 10, low: 70, high: 140), 4, 130.0),
            (CostModel.lognormal(mu: Exact("5.78")!, sigma: Exact("0.03")!), 3, 400.0),
            (CostModel.lognormal(mu: 3, sigma: Exact("0.5")!), 8, 100.0),
            (CostModel.triangular(low: 300, mode: 310, high: 420), 6, 400.0),
        ]
    )
    func tabulatedEqualsPerCost(model: CostModel, bidders: Int, reserve: Double) {
        let table = Self.tabulated(model, bidders: bidders, reserve: reserve)
        let exactReserve = Exact(Int(reserve))
        var checked = 0
        for (c, bid) in table.bids where c % 11 == 0 {
            #expect(bid == Self.perCost(c, model, bidders: bidders, reserve: exactReserve), "c = \(c)")
            checked += 1
        }
        #expect(checked > 0)
        // The costs below the reserve that it leaves to the per-cost integral: near a half cent, or where
        // (1 − F)^(n−1) is too small to divide by.
        let below = min(table.count, max(0, Int((reserve * 100).rounded(.up)) - table.first))
        #expect(Double(table.bids.count) >= 0.9 * Double(below), "\(table.bids.count) of \(below)")
    }

    @Test("a memo fills its table when the costs computed one by one have taken the table's evaluations")
    func memoTabulatesAtItsBudget() {
        let model = CostModel.uniform(low: 80, high: 120)
        let distribution = CostDistribution(model)
        let memo = EquilibriumBidMemo(model: model, distribution: distribution, bidders: 5, reserve: 200)
        let table = EquilibriumTable(distribution: distribution, bidders: 5, reserve: 200, memo: memo)
        // Four evaluations for each of the 4,001 cents.
        #expect(memo.budget == 16_004)
        let filled = { (0..<memo.count).count { memo.bid(at: memo.first + Int64($0)) != nil } }
        var computed = 0
        // Costs one by one, each its own integral, until the evaluations spent reach the budget.
        while memo.evaluationsSpent < memo.budget {
            #expect(filled() == computed)
            _ = table.unitBid(cost: Exact(8_000 + 7 * computed) * .percent(1))
            computed += 1
        }
        // The computation that reached it filled the table: every cost whose bid it decides.
        #expect(computed > 16 && computed < 1_000, "\(computed) costs computed one by one")
        #expect(filled() >= 3_900)
        for c in stride(from: 8_000, to: 12_000, by: 37) {
            let bid = memo.bid(at: Int64(c)).map(Int.init) ?? Self.perCost(c, model, bidders: 5, reserve: 200)
            #expect(bid == (2 * (4 * c + 12_000) + 5) / 10, "c = \(c)")
        }
    }
}
