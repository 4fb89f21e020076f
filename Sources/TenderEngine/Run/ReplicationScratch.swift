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
/// (``Settlement/totals(context:outcomes:purchases:scratch:)``).
public final class ReplicationScratch {
    var bids: [Bid] = []
    var costs: [Exact?] = []
    var labels: [UInt64] = []
    var products: [ProductFacts?] = []
    var brandKeys: [SameBrand.Key] = []
    var order: [Int] = []
    var lineAwards: [LineAward] = []
    var settledLines: [SettledLine?] = []
    var kindOutcomes: [KindOutcome] = []

    public init() {}

    /// Takes `list` out of the scratch, leaving an empty list in its place (so that the taker holds the only
    /// reference and appends in place).
    @inline(__always)
    static func take<Element>(_ list: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &list)
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
