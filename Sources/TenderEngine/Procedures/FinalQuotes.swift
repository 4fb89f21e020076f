import ExactNumbers
import TenderModel

/// The final quotes (最后报价) of competitive negotiation (财政部令第74号 Art 33) and competitive consultation
/// (财库〔2014〕214号 Art 21): only the final quote of each bidder is evaluated.
///
/// - Entered bids: a bid's `finalPrice` replaces its price; a bid without one keeps its first price.
/// - Generated bids: a bidder concedes a share κ of its margin over cost, κ drawn uniformly from
///   `policy.final-quote.concession` (stream `final-quote/<lot>/<supplier>`) and rounded half away from zero to
///   4 decimals: final = price − κ × (price − cost), rounded half-up to the cent. A bid at or below its cost,
///   or whose cost is unknown, keeps its price; so does every bid when the concession is 0 to 0.
enum FinalQuotes {
    /// Gives the bids their final quotes, in place; returns one audit line naming every price that changed (nil
    /// if none did).
    /// - Parameters:
    ///   - costs: per bid, the cost behind it; nil for every bid when none is known (entered bids).
    ///   - labels: per bid, `fnv1a("final-quote/<lot>/<supplier>")` when the caller has it (generated bids,
    ///     ``LotBidding``); hashed here otherwise.
    static func apply(
        _ quoted: inout [Bid],
        costs: [Exact?]?,
        labels: [UInt64]? = nil,
        lot: Lot,
        context: EvaluationContext,
        streamReplication: Int
    ) -> String? {
        let policy = context.policy.finalQuote
        var changes: [String] = []
        for index in quoted.indices {
            let first = quoted[index].price
            if let final = quoted[index].finalPrice {
                quoted[index].price = final
            } else if context.scenario.bids.isEmpty, let cost = costs?[index], first > cost,
                policy.concessionHigh > .zero
            {
                var stream = RandomStream(
                    seed: context.scenario.meta.seed,
                    replication: streamReplication,
                    labelHash: labels?[index] ?? RandomStream.fnv1a("final-quote/\(lot.id)/\(quoted[index].bidder)")
                )
                let low = policy.concessionLow
                let drawn = DoubleMath.double(low) + stream.unit() * DoubleMath.double(policy.concessionHigh - low)
                let kappa = min(max(DoubleMath.fourPlaces(drawn), low), policy.concessionHigh)
                quoted[index].price = (first - kappa * (first - cost)).rounded(places: 2, mode: .halfUp)
            }
            // The trail is written only where it is kept (``EvaluationContext/keepsDetail``): it formats amounts.
            if context.keepsDetail && quoted[index].price != first {
                changes.append(
                    "\(quoted[index].bidder) \(first.formatted(places: 2)) → \(quoted[index].price.formatted(places: 2))"
                )
            }
        }
        guard !changes.isEmpty else { return nil }
        return "final quotes (最后报价): " + changes.joined(separator: "; ")
    }
}
