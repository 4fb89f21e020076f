import ExactNumbers
import TenderModel

/// A bid generated from a supplier model, with the cost behind it so metrics can report markups.
public struct GeneratedBid: Sendable, Equatable {
    /// The sealed bid, as the reviews and the scoring see it.
    public var bid: Bid
    /// The drawn unit cost per category id, in whole cents. A category without a cost model is absent.
    public var unitCosts: [String: Exact]
    /// Σ over the lot's categories of quantity × unit cost, exact; nil when a category has no cost model.
    public var cost: Exact?
    /// The unit price bid per category id, in whole cents, where the behaviour prices per unit
    /// (equilibrium, fixed prices); empty when the price is a markup on the total cost.
    public var unitPrices: [String: Exact]
    /// The markup the behaviour applied to the cost: the drawn markup, or a ring's markup for its designated
    /// winner (and for members of a ring whose designated winner does not bid); nil otherwise.
    public var markup: Exact?
    /// The behaviour that produced the bid.
    public var behaviour: Behaviour

    public init(
        bid: Bid,
        unitCosts: [String: Exact],
        cost: Exact?,
        unitPrices: [String: Exact] = [:],
        markup: Exact? = nil,
        behaviour: Behaviour
    ) {
        self.bid = bid
        self.unitCosts = unitCosts
        self.cost = cost
        self.unitPrices = unitPrices
        self.markup = markup
        self.behaviour = behaviour
    }

    /// price / cost − 1, when the cost is known and positive.
    public var realisedMarkup: Exact? {
        guard let cost, cost > .zero, let ratio = try? bid.price / cost else { return nil }
        return ratio - .one
    }
}

/// Who could bid on a lot, who chose to, and the bids.
public struct BiddingRound: Sendable, Equatable {
    public var lot: String
    /// Suppliers offering every category of the lot (SMEs only on a reserved lot), in scenario order: the
    /// potential bidders n of the equilibrium.
    public var eligible: [String]
    /// The eligible suppliers whose participation draw came up, in scenario order. One that cannot price a
    /// category (no cost model and no listed price) participates but submits no bid.
    public var participating: [String]
    /// The bids, in scenario order of the suppliers.
    public var bids: [GeneratedBid]

    public init(lot: String, eligible: [String], participating: [String], bids: [GeneratedBid]) {
        self.lot = lot
        self.eligible = eligible
        self.participating = participating
        self.bids = bids
    }
}
