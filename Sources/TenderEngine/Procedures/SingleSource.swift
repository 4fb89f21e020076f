import ExactNumbers
import TenderModel

/// Single-source procurement (单一来源, 财政部令第74号 chapter 4): the purchaser negotiates with the one supplier
/// the policy names for the lot's categories (`policy.single-source.suppliers`) a price not above the ceiling.
///
/// - Entered bids (rehearsal): the lot's one bid is the negotiated price, reviewed as any bid (a price above
///   the ceiling is rejected).
/// - Generated: the supplier's cost C is drawn as for any bid (stream `cost/<lot>/<supplier>/<category>`) and
///   the negotiation ends at the split of the surplus between C and the ceiling R that the purchaser's share s
///   (`policy.single-source.purchaser-share`) gives: price = C + (1 − s) × (R − C), rounded half-up to the
///   cent. A supplier whose cost is above the ceiling agrees no price, and the lot fails.
enum SingleSource {
    /// The supplier the policy names for `lot`: the one named for its first category (the scenario checks
    /// that a lot's categories name one supplier).
    static func supplier(of lot: Lot, policy: Policy) -> String? {
        lot.categories.lazy.compactMap { policy.singleSource.suppliers[$0] }.first
    }

    /// The negotiated bid of a generated single-source lot, or the reason none was agreed.
    static func negotiated(
        _ lot: Lot,
        context: EvaluationContext,
        streamReplication: Int
    ) -> (bid: Bid?, audit: String) {
        guard let id = supplier(of: lot, policy: context.policy) else {
            return (nil, "single source: no supplier named for the lot's categories (policy.single-source.suppliers)")
        }
        let bidding = context.bidding(for: lot)
        guard let bidder = bidding.bidders.first(where: { $0.id == id }) else {
            return (nil, "single source: \(id) cannot supply every category of the lot; no price agreed")
        }
        guard let cost = bidding.costs(of: bidder, replication: streamReplication).total else {
            return (nil, "single source: \(id) has no cost model for every category of the lot; no price agreed")
        }
        guard cost <= lot.ceiling else {
            return (
                nil,
                "single source: \(id)'s cost \(cost.formatted(places: 2)) is above the ceiling "
                    + "\(lot.ceiling.formatted(places: 2)); no price agreed (财政部令第74号 ch. 4)"
            )
        }
        let share = context.policy.singleSource.purchaserShare
        let price = (cost + (.one - share) * (lot.ceiling - cost)).rounded(places: 2, mode: .halfUp)
        return (
            bidding.makeBid(bidder, price: price, replication: streamReplication),
            "single source: negotiated with \(id), cost \(cost.formatted(places: 2)), ceiling "
                + "\(lot.ceiling.formatted(places: 2)), purchaser's share of the surplus \((share * .hundred).description)%: price "
                + "\(price.formatted(places: 2))"
        )
    }
}
