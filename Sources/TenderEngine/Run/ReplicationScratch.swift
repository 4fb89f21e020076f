import ExactNumbers
import TenderModel

/// The working lists a replication fills and empties, lent to it by whoever runs the replications: one per
/// simulation worker, so that a replication reuses the lists the one before it grew instead of allocating its own.
///
/// Each list is taken for the span of one step (``take(_:)``) and given back empty with its capacity
/// (``giveBack(_:to:)``); while a step holds it, the scratch holds an empty list, so a step that takes a list
/// already taken (never the case today) gets an empty list of its own: lending decides where memory comes
/// from, never what a replication computes. A scratch belongs to one thread at a time (it is not `Sendable`).
///
/// What is lent: a lot's generated bids and the cost and stream label behind each (``BidGenerator``), the
/// products of the bid under review and the bids' brand keys (``BidReviewer``), the ranking of the valid bids
/// (``Ranking``), and the settlement's per-line slots, line awards and per-kind outcomes
/// (``Settlement/totals(context:outcomes:purchases:scratch:)``); and, once a result is given back
/// (``recycle(_:)``), the lists it was made of: its outcomes, lot figures and purchases, each outcome's
/// evaluations and candidates.
public final class ReplicationScratch {
    // Its lists are never accessed by two steps at once (a step takes a list by swapping it out, in one access):
    // the runtime's exclusivity checks on every access are left out.
    @exclusivity(unchecked) var bids: [Bid] = []
    @exclusivity(unchecked) var costs: [Exact?] = []
    @exclusivity(unchecked) var labels: [UInt64] = []
    @exclusivity(unchecked) var products: [ProductFacts?] = []
    @exclusivity(unchecked) var brandKeys: [SameBrand.Key] = []
    @exclusivity(unchecked) var order: [Int] = []
    @exclusivity(unchecked) var lineAwards: [LineAward] = []
    @exclusivity(unchecked) var settledLines: [SettledLine?] = []
    @exclusivity(unchecked) var kindOutcomes: [KindOutcome] = []
    /// The lists of the last result given back (``recycle(_:)``): its lots' outcomes, their figures and the
    /// projects' purchases, and the evaluations and candidates of each outcome, emptied.
    @exclusivity(unchecked) var outcomes: [LotOutcome] = []
    @exclusivity(unchecked) var lotMetrics: [LotMetrics] = []
    @exclusivity(unchecked) var purchases: [ProjectPurchase] = []
    @exclusivity(unchecked) var evaluationLists: [[BidEvaluation]] = []
    @exclusivity(unchecked) var candidateLists: [[String]] = []

    public init() {}

    /// Takes back the lists of a replication's result once it has been read (its metrics recorded, its report
    /// written), for the next replication to fill. A list the result shares with another value is left to it.
    /// The scratch keeps at most as many evaluation and candidate lists as this result had outcomes.
    public func recycle(_ result: consuming RunResult) {
        var result = result
        var outcomes = Self.take(&result.outcomes)
        var purchases = Self.take(&result.projectPurchases)
        let limit = outcomes.count + purchases.count
        for index in outcomes.indices { keepLists(of: &outcomes[index], limit: limit) }
        for index in purchases.indices where purchases[index].outcome != nil {
            keepLists(of: &purchases[index].outcome!, limit: limit)
        }
        Self.giveBack(&outcomes, to: &self.outcomes)
        Self.giveBack(&purchases, to: &self.purchases)
        var lotMetrics = Self.take(&result.lotMetrics)
        Self.giveBack(&lotMetrics, to: &self.lotMetrics)
    }

    /// Keeps an outcome's evaluations and candidates, emptied, while fewer than `limit` are kept.
    private func keepLists(of outcome: inout LotOutcome, limit: Int) {
        if evaluationLists.count < limit {
            var evaluations = Self.take(&outcome.evaluations)
            evaluations.removeAll(keepingCapacity: true)
            evaluationLists.append(evaluations)
        }
        if candidateLists.count < limit {
            var candidates = Self.take(&outcome.candidates)
            candidates.removeAll(keepingCapacity: true)
            candidateLists.append(candidates)
        }
    }

    /// Takes `list` out of the scratch, empty (it is given back emptied; emptied again here, so that no step
    /// ever sees another's elements), leaving an empty list in its place: the taker holds the only reference
    /// and appends in place.
    @inline(__always)
    static func take<Element>(_ list: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &list)
        taken.removeAll(keepingCapacity: true)
        return taken
    }

    /// Empties `list` in place, keeping its capacity, and puts it back in the scratch; `list` is left empty
    /// (with no storage), so that the scratch holds the only reference.
    @inline(__always)
    static func giveBack<Element>(_ list: inout [Element], to slot: inout [Element]) {
        list.removeAll(keepingCapacity: true)
        swap(&list, &slot)
        list = []
    }
}
