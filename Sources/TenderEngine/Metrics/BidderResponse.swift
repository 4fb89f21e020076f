import ExactNumbers
import TenderModel

/// How the bidders responded to the tender in one run (Docs/simulation.md): who of the potential bidders took
/// part, and the markups of the generated bids, by firm size. Measured when the context asks
/// (``EvaluationContext/measuresResponse``: under the solved equilibrium), from the draws of the round that
/// decided each lot (the same streams as the run, drawn again).
///
/// - Potential bidders: the lot's eligible suppliers (``BidGenerator/eligibleSuppliers(for:scenario:)``).
/// - Entrants: those that took part (participation, and under the solved equilibrium the entry draw).
/// - Markup of a bid: (price − cost) / cost, exact, with the sealed price (whole cents) and the drawn lot cost,
///   before any final quote; bids without a cost or at a cost of 0 are left out.
public struct BidderResponse: Sendable, Equatable {
    public var lots = 0
    public var potentialBidders = 0
    public var entrants = 0
    /// Σ markup and the number of bids of small and micro firms (``Supplier/isSmallOrMicro``).
    public var smallMicroMarkup: Exact = .zero
    public var smallMicroBids = 0
    /// Σ markup and the number of bids of large firms.
    public var largeMarkup: Exact = .zero
    public var largeBids = 0

    public init() {}

    /// Entrants / potential bidders.
    public var entryRate: Exact? {
        potentialBidders == 0 ? nil : try? Exact(numerator: entrants, denominator: potentialBidders)
    }
    /// Entrants per lot.
    public var biddersPerLot: Exact? { lots == 0 ? nil : try? Exact(numerator: entrants, denominator: lots) }
    /// The mean markup of small and micro firms' bids.
    public var smallMicroMeanMarkup: Exact? {
        smallMicroBids == 0 ? nil : try? smallMicroMarkup / Exact(smallMicroBids)
    }
    /// The mean markup of large firms' bids.
    public var largeMeanMarkup: Exact? { largeBids == 0 ? nil : try? largeMarkup / Exact(largeBids) }

    static func + (a: BidderResponse, b: BidderResponse) -> BidderResponse {
        var sum = a
        sum.lots += b.lots
        sum.potentialBidders += b.potentialBidders
        sum.entrants += b.entrants
        sum.smallMicroMarkup += b.smallMicroMarkup
        sum.smallMicroBids += b.smallMicroBids
        sum.largeMarkup += b.largeMarkup
        sum.largeBids += b.largeBids
        return sum
    }

    /// The response on the lot of `outcome` in replication `replication`; nil for entered bids (a rehearsal).
    static func measure(_ outcome: LotOutcome, context: EvaluationContext, replication: Int) -> BidderResponse? {
        guard context.scenario.bids.isEmpty else { return nil }
        let lot = context.plan.lots.first { $0.id == outcome.lot.id } ?? outcome.lot
        let bidding = context.bidding(for: lot)
        var response = BidderResponse()
        response.lots = 1
        response.potentialBidders = bidding.bidders.count
        let streams = TenderRun.streams(replication, round: outcome.round)
        BidGenerator.generate(bidding, replication: streams, participant: { _ in response.entrants += 1 }) {
            bidder,
            priced in
            guard let cost = priced.cost, cost > .zero, let supplier = context.suppliers[bidder.id] else { return }
            let price = priced.price.rounded(places: 2, mode: .halfUp)
            guard let markup = try? (price - cost) / cost else { return }
            if supplier.isSmallOrMicro {
                response.smallMicroMarkup += markup
                response.smallMicroBids += 1
            } else if supplier.size == .large {
                response.largeMarkup += markup
                response.largeBids += 1
            }
        }
        return response
    }
}
