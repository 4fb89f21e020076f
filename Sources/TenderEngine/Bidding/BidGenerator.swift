import ExactNumbers
import TenderModel

/// Bids generated from the supplier models: who bids on a lot, at what cost, at what price.
///
/// - **Eligible**: suppliers offering every category of the lot (a product or a cost model for it), in
///   scenario order; on a lot reserved for SMEs, large firms are not eligible. Missing certificates, capacity
///   below the lot's quantity, debarment and the like do not stop a bid: the reviews reject it later.
/// - **Participation**: each eligible supplier bids with probability `participation`, drawn from the stream
///   `participation/<lot>/<supplier>`.
/// - **Costs**: one unit cost per category from its ``CostModel`` (stream `cost/<lot>/<supplier>/<category>`),
///   computed in `Double` and rounded half away from zero to the cent: `Exact(cents) / 100`. From there on
///   everything is exact. Total cost = Σ quantity × unit cost.
/// - **Price** by behaviour, always rounded half-up to the cent:
///   truthful = cost; markup: m ~ uniform[low, high] (stream `markup/<lot>/<supplier>`) rounded to 4
///   decimals, price = cost × (1 + m); equilibrium: per category the unit bid of ``EquilibriumBid`` (n = the
///   number of eligible suppliers, R = the lot's quantity-weighted ceiling unit price for the category),
///   rounded to the cent, price = Σ quantity × unit bid; fixed prices: Σ quantity × listed unit price (a
///   category without a listed price is bid at cost); ring: the designated winner bids cost × (1 + markup),
///   every other member the designated winner's price × (1 + cover) — the lowest such price if several
///   designated winners bid, or, if none bids on the lot, its own cost × (1 + markup).
/// - A supplier that must price a category from a cost model it lacks participates but submits no bid.
/// - The bid offers the supplier's registered products (it carries no copy of them); declares `.smallMicro` when the
///   supplier is small or micro and offers a product made by a small or micro firm for every category,
///   else `.consortium(share:)` when its consortium's small/micro share is at least
///   `policy.sme.consortiumMinimumShare`, else `.none`. The bond is paid and the bid signed; `submittedAt` is
///   `<bid date>T08:MM:SS`, the second drawn from the stream `submission/<lot>/<supplier>`; no delivery days.
///
/// Each purpose has its own stream, so a result does not depend on the order of the work.
public enum BidGenerator {
    /// The bids of replication `replication` on `lot`, in scenario order of the suppliers.
    public static func bids(for lot: Lot, scenario: Scenario, replication: Int) -> [GeneratedBid] {
        round(for: lot, scenario: scenario, replication: replication).bids
    }

    /// The eligible suppliers of `lot`, who participates, and the bids.
    public static func round(for lot: Lot, scenario: Scenario, replication: Int) -> BiddingRound {
        let eligible = eligibleSuppliers(for: lot, scenario: scenario)
        let context = LotContext(lot: lot, scenario: scenario, replication: replication, bidders: eligible.count)
        let participating = eligible.filter { context.participates($0) }

        var priced: [Int: GeneratedBid] = [:]
        var winnerPrices: [String: Exact] = [:]
        var covers: [(index: Int, supplier: Supplier, ring: String, markup: Exact, cover: Exact)] = []
        for (index, supplier) in participating.enumerated() {
            if case .ring(let ring, false, let markup, let cover) = supplier.behaviour {
                covers.append((index, supplier, ring, markup, cover))
                continue
            }
            guard let generated = context.bid(of: supplier) else { continue }
            priced[index] = generated
            if case .ring(let ring, true, _, _) = supplier.behaviour {
                winnerPrices[ring] = min(winnerPrices[ring] ?? generated.bid.price, generated.bid.price)
            }
        }
        for member in covers {
            priced[member.index] = context.coverBid(
                of: member.supplier,
                winnerPrice: winnerPrices[member.ring],
                markup: member.markup,
                cover: member.cover
            )
        }
        var bids = participating.indices.compactMap { priced[$0] }
        CollusionDetection.trace(&bids, context: context, probability: scenario.policy.evaluation.collusionDetection)
        return BiddingRound(
            lot: lot.id,
            eligible: eligible.map(\.id),
            participating: participating.map(\.id),
            bids: bids
        )
    }

    /// Suppliers offering every category of `lot` (a product or a cost model), without large firms when the
    /// lot is reserved for SMEs; in scenario order.
    public static func eligibleSuppliers(for lot: Lot, scenario: Scenario) -> [Supplier] {
        scenario.suppliers.filter { supplier in
            if lot.reservedForSME && !supplier.size.isSME { return false }
            return lot.categories.allSatisfy { supplier.products[$0] != nil || supplier.costs[$0] != nil }
        }
    }

    /// The equilibrium unit bid (see ``EquilibriumBid``) for a unit cost, in whole cents.
    /// - Parameters:
    ///   - bidders: n, the number of potential bidders.
    ///   - reserve: the ceiling unit price R; the top of the model's support is used if lower.
    public static func equilibriumUnitBid(cost: Exact, model: CostModel, bidders: Int, reserve: Exact) -> Exact {
        let c = DoubleMath.double(cost)
        let unit = EquilibriumBid.unitBid(
            cost: c,
            distribution: CostDistribution(model),
            bidders: bidders,
            reserve: DoubleMath.double(reserve)
        )
        return max(DoubleMath.cents(unit), cost)
    }

    /// One unit cost drawn from `model` with `stream`, in whole cents (fixed costs are rounded exactly).
    public static func drawUnitCost(_ model: CostModel, stream: inout RandomStream) -> Exact {
        if case .fixed(let value) = model { return max(value, .zero).rounded(places: 2, mode: .halfUp) }
        return DoubleMath.cents(CostDistribution(model).draw(&stream))
    }
}
