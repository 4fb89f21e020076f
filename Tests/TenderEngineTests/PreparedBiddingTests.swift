import ExactNumbers
import TenderModel
import Testing

@testable import TenderEngine

private typealias F = PlanAndBidFixtures

/// A simulation prepares each lot's bidding once (``LotBidding``) and reuses it in every replication, with
/// the equilibrium bids it has computed kept in tables: the bids must be exactly those of a lot prepared
/// afresh for each replication.
@Suite("Prepared bidding")
struct PreparedBiddingTests {
    private let lot = F.concreteLot

    @Test("bids from one preparation reused for 300 replications equal bids prepared afresh each time")
    func reusedPreparation() {
        // Every behaviour, costs that repeat (an empirical model: its equilibrium bids come from the table
        // after the first draw of each value) and costs that rarely do (a uniform model), half participation.
        let suppliers = [
            F.supplier("S1", behaviour: .equilibrium),
            F.supplier("S2", cost: .empirical([410, F.x("432.5"), 455]), behaviour: .equilibrium),
            F.supplier("S3", cost: .triangular(low: 400, mode: 430, high: 470), behaviour: .equilibrium),
            F.supplier("S4", behaviour: .markup(low: F.x("0.05"), high: F.x("0.15"))),
            F.supplier("S5", participation: F.x("0.5")),
            F.supplier("S6", behaviour: .fixedPrices(["concrete": F.x("455.55")])),
            F.supplier("S7", behaviour: .ring(id: "R", designatedWinner: true, markup: F.x("0.1"), cover: F.x("0.05"))),
            F.supplier(
                "S8",
                behaviour: .ring(id: "R", designatedWinner: false, markup: F.x("0.1"), cover: F.x("0.05"))
            ),
        ]
        let scenario = F.bidding(suppliers)
        let prepared = LotBidding(lot: lot, scenario: scenario)
        var equilibriumBids = 0
        for replication in 0..<300 {
            var reused: [GeneratedBid] = []
            BidGenerator.generate(prepared, replication: replication) {
                reused.append(prepared.generated($0, $1, replication: replication))
            }
            let fresh = BidGenerator.bids(for: lot, scenario: scenario, replication: replication)
            #expect(reused == fresh, "replication \(replication)")
            equilibriumBids += fresh.filter { $0.behaviour == .equilibrium }.count
        }
        #expect(equilibriumBids == 900)
    }

    @Test("the equilibrium table gives the computed bid, for a whole-cent cost and for one that is not")
    func equilibriumTable() {
        let model = CostModel.uniform(low: 400, high: 480)
        let distribution = CostDistribution(model)
        let memo = EquilibriumBidMemo(model: model, distribution: distribution, bidders: 4, reserve: 480)
        // One cent per cost the model can draw, 400.00 to 480.00.
        #expect(memo.first == 40_000 && memo.count == 8_001)
        let table = EquilibriumTable(distribution: distribution, bidders: 4, reserve: 480, memo: memo)
        // A second worker's table over the same memo reads what the first computed.
        let other = EquilibriumTable(distribution: distribution, bidders: 4, reserve: 480, memo: memo)
        for cost in ["400", "420.5", "455.55", "479.99", "480", "420.005", "430.1234"].map(F.x) {
            let computed = BidGenerator.equilibriumUnitBid(cost: cost, model: model, bidders: 4, reserve: 480)
            #expect(table.unitBid(cost: cost) == computed)
            #expect(other.unitBid(cost: cost) == computed, "read back from the memo")
        }
        let bid = BidGenerator.equilibriumUnitBid(cost: F.x("420.5"), model: model, bidders: 4, reserve: 480)
        #expect(memo.bid(at: 42_050).map { DoubleMath.exactCents($0) } == bid)
        // Costs not in the memo: not whole cents, or never drawn yet.
        #expect(memo.bid(at: 42_051) == nil && memo.bid(at: 39_999) == nil && memo.bid(at: 48_001) == nil)
    }

    @Test("a memo keeps the costs a draw reaches below the reserve, up to its capacity; a table computes the others")
    func equilibriumMemoRange() {
        let lognormal = CostModel.lognormal(mu: F.x("5.78"), sigma: F.x("0.03"))
        let distribution = CostDistribution(lognormal)
        // Not from 0, where the lognormal's support starts, but from the cost a draw falls below with
        // probability 10⁻¹², exp(5.78 + 0.03 Φ⁻¹(10⁻¹²)) = 262.16, to the reserve, 400, or, if lower, the cost
        // a draw falls above with probability 10⁻¹², exp(5.78 − 0.03 Φ⁻¹(10⁻¹²)) = 399.83: 13,768 cents.
        let kept = EquilibriumBidMemo(model: lognormal, distribution: distribution, bidders: 3, reserve: 400)
        #expect(kept.first == 26_216 && kept.count == 13_768)
        // Under a reserve of 5,000 the same costs (the lognormal's support has no top).
        let high = EquilibriumBidMemo(model: lognormal, distribution: distribution, bidders: 3, reserve: 5_000)
        #expect(high.first == 26_216 && high.count == 13_768)
        // A cost below, or above, is computed each time, as the integral gives it.
        for cost in ["262.15", "399.84"].map(F.x) {
            #expect(
                EquilibriumTable(distribution: distribution, bidders: 3, reserve: 5_000, memo: high).unitBid(cost: cost)
                    == BidGenerator.equilibriumUnitBid(cost: cost, model: lognormal, bidders: 3, reserve: 5_000)
            )
        }
        #expect(high.bid(at: 26_215) == nil && high.bid(at: 39_984) == nil)
        // σ = 1: from 0.29 to 367,501.92, more than the capacity: nothing kept, every bid computed.
        let wide = CostModel.lognormal(mu: F.x("5.78"), sigma: 1)
        let wideDistribution = CostDistribution(wide)
        let none = EquilibriumBidMemo(model: wide, distribution: wideDistribution, bidders: 3, reserve: 500_000)
        #expect(none.count == 0 && none.slots == nil)
        let table = EquilibriumTable(distribution: wideDistribution, bidders: 3, reserve: 500_000, memo: none)
        let cost = F.x("321.07")
        let computed = BidGenerator.equilibriumUnitBid(cost: cost, model: wide, bidders: 3, reserve: 500_000)
        #expect(table.unitBid(cost: cost) == computed && none.bid(at: 32_107) == nil)
    }
}
