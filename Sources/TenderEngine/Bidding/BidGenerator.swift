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
        round(LotBidding(lot: lot, scenario: scenario), replication: replication)
    }

    /// The eligible suppliers, who participates, and the bids, from a lot's prepared bidding.
    static func round(_ bidding: LotBidding, replication: Int) -> BiddingRound {
        let lot = bidding.lot
        var participating: [String] = []
        var bids: [GeneratedBid] = []
        generate(bidding, replication: replication, participant: { participating.append($0.id) }) {
            bids.append(bidding.generated($0, $1, replication: replication))
        }
        return BiddingRound(lot: lot.id, eligible: bidding.bidders.map(\.id), participating: participating, bids: bids)
    }

    /// The generated bids on a lot of the context's plan: as ``bids(for:scenario:replication:)``, from what the
    /// context prepared for the lot (``LotBidding``) instead of preparing it again.
    static func bids(for lot: Lot, context: EvaluationContext, replication: Int) -> [GeneratedBid] {
        let bidding = context.bidding(for: lot)
        var bids: [GeneratedBid] = []
        generate(bidding, replication: replication) { bids.append(bidding.generated($0, $1, replication: replication)) }
        return bids
    }

    /// The sealed bids alone (what a sealed evaluation reads), from what the context prepared for the lot, in
    /// the list lent by `scratch` (``ReplicationScratch``; the caller gives it back).
    static func sealedBids(
        for lot: Lot,
        context: EvaluationContext,
        replication: Int,
        scratch: ReplicationScratch
    ) -> [Bid] {
        let bidding = context.bidding(for: lot)
        var bids = ReplicationScratch.take(&scratch.bids)
        bids.reserveCapacity(bidding.bidders.count)
        generate(bidding, replication: replication) {
            bids.append(bidding.makeBid($0, price: $1.price, replication: replication))
        }
        return bids
    }

    /// The sealed bids with the cost behind each (what final quotes read), from what the context prepared for the
    /// lot: the bids and costs of ``bids(for:context:replication:)`` without the per-category detail, and the
    /// hashed labels of the bidders' final-quote streams; in the lists lent by `scratch` (the caller gives them
    /// back).
    static func sealedBidsWithCosts(
        for lot: Lot,
        context: EvaluationContext,
        replication: Int,
        scratch: ReplicationScratch
    ) -> (bids: [Bid], costs: [Exact?], finalQuoteLabels: [UInt64]) {
        let bidding = context.bidding(for: lot)
        var bids = ReplicationScratch.take(&scratch.bids)
        var costs = ReplicationScratch.take(&scratch.costs)
        var labels = ReplicationScratch.take(&scratch.labels)
        bids.reserveCapacity(bidding.bidders.count)
        costs.reserveCapacity(bidding.bidders.count)
        labels.reserveCapacity(bidding.bidders.count)
        generate(bidding, replication: replication) {
            bids.append(bidding.makeBid($0, price: $1.price, replication: replication))
            costs.append($1.cost)
            labels.append($0.finalQuoteLabel)
        }
        return (bids, costs, labels)
    }

    /// Draws who participates and prices their bids; calls `emit` with each bid in scenario order of the
    /// suppliers (a ring's cover bids priced after its designated winners').
    static func generate(
        _ bidding: LotBidding,
        replication: Int,
        participant: (LotBidding.Bidder) -> Void = { _ in },
        emit: (LotBidding.Bidder, LotBidding.Priced) -> Void
    ) {
        if !bidding.hasRing {
            // No ring: every bid is priced on its own, so each is emitted as soon as it is priced.
            for bidder in bidding.bidders where bidding.participates(bidder, replication: replication) {
                participant(bidder)
                guard let bid = bidding.price(of: bidder, replication: replication) else { continue }
                emit(bidder, bid)
            }
            return
        }
        var priced: [LotBidding.Priced?] = []
        var participants: [Int] = []
        var winnerPrices: [String: Exact] = [:]
        var covers: [(position: Int, ring: String, markup: Exact, cover: Exact)] = []
        for (index, bidder) in bidding.bidders.enumerated() where bidding.participates(bidder, replication: replication)
        {
            participant(bidder)
            participants.append(index)
            priced.append(nil)
            if case .ring(let ring, false, let markup, let cover) = bidder.behaviour {
                covers.append((priced.count - 1, ring, markup, cover))
                continue
            }
            guard let bid = bidding.price(of: bidder, replication: replication) else { continue }
            priced[priced.count - 1] = bid
            if case .ring(let ring, true, _, _) = bidder.behaviour {
                let price = bid.price.rounded(places: 2, mode: .halfUp)
                winnerPrices[ring] = min(winnerPrices[ring] ?? price, price)
            }
        }
        for member in covers {
            priced[member.position] = bidding.coverPrice(
                of: bidding.bidders[participants[member.position]],
                winnerPrice: winnerPrices[member.ring],
                markup: member.markup,
                cover: member.cover,
                replication: replication
            )
        }
        for (position, bid) in priced.enumerated() {
            guard let bid else { continue }
            emit(bidding.bidders[participants[position]], bid)
        }
    }

    /// Suppliers offering every category of `lot` (a product or a cost model) and delivering every line of it
    /// within their delivery radius (``Delivery``), without large firms when the lot is reserved for SMEs; in
    /// scenario order.
    public static func eligibleSuppliers(for lot: Lot, scenario: Scenario) -> [Supplier] {
        let reach = DeliveryReach(scenario)
        return scenario.suppliers.filter { supplier in
            if lot.reservedForSME && !supplier.size.isSME { return false }
            guard lot.categories.allSatisfy({ supplier.products[$0] != nil || supplier.costs[$0] != nil }) else {
                return false
            }
            return reach.reaches(supplier, lot)
        }
    }

    /// The equilibrium unit bid (see ``EquilibriumBid``) for a unit cost, in whole cents.
    /// - Parameters:
    ///   - bidders: n, the number of potential bidders.
    ///   - reserve: the ceiling unit price R; the top of the model's support is used if lower.
    public static func equilibriumUnitBid(cost: Exact, model: CostModel, bidders: Int, reserve: Exact) -> Exact {
        equilibriumUnitBid(
            cost: cost,
            distribution: CostDistribution(model),
            bidders: bidders,
            reserve: DoubleMath.double(reserve)
        )
    }

    /// As ``equilibriumUnitBid(cost:model:bidders:reserve:)``, with the model ready to sample and the reserve
    /// as a double.
    static func equilibriumUnitBid(cost: Exact, distribution: CostDistribution, bidders: Int, reserve: Double) -> Exact
    {
        var evaluations = 0
        return equilibriumUnitBid(
            cost: cost,
            distribution: distribution,
            bidders: bidders,
            reserve: reserve,
            &evaluations
        )
    }

    /// As above, adding to `evaluations` the evaluations of the integrand it took.
    static func equilibriumUnitBid(
        cost: Exact,
        distribution: CostDistribution,
        bidders: Int,
        reserve: Double,
        _ evaluations: inout Int
    ) -> Exact {
        let unit = EquilibriumBid.unitBid(
            cost: DoubleMath.double(cost),
            distribution: distribution,
            bidders: bidders,
            reserve: reserve,
            &evaluations
        )
        return max(DoubleMath.cents(unit), cost)
    }

    static func equilibriumUnitBid(cost: Exact, distribution: CostDistribution, bidders: Int, reserve: Exact) -> Exact {
        equilibriumUnitBid(
            cost: cost,
            distribution: distribution,
            bidders: bidders,
            reserve: DoubleMath.double(reserve)
        )
    }

    /// One unit cost drawn from `model` with `stream`, in whole cents (fixed costs are rounded exactly).
    public static func drawUnitCost(_ model: CostModel, stream: inout RandomStream) -> Exact {
        if case .fixed(let value) = model { return max(value, .zero).rounded(places: 2, mode: .halfUp) }
        return DoubleMath.cents(CostDistribution(model).draw(&stream))
    }
}
