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
/// (``Ranking``), a lot's criterion points, and the settlement's per-line slots, line awards and per-kind outcomes
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
    /// Lists for a lot's criterion points, and the lists lent since the replication began: the bids' scores
    /// share them (``CriterionScores``), so they come back only once the result is given back.
    @exclusivity(unchecked) var pointLists: [[Exact]] = []
    @exclusivity(unchecked) var lentPointLists: [[Exact]] = []

    public init() {}

    /// Takes back the lists of a replication's result once it has been read (its metrics recorded, its report
    /// written), for the next replication to fill. A list the result shares with another value is copied when
    /// the scratch empties it, so the other value keeps its elements. An outcome's lists are kept only while the
    /// scratch holds fewer than this result has outcomes and purchases, and a lot's criterion points only while
    /// fewer than this replication lent: what the scratch keeps is bounded by its largest replication.
    public func recycle(_ result: consuming RunResult) {
        var result = result
        var outcomes = Self.moveOut(&result.outcomes)
        var purchases = Self.moveOut(&result.projectPurchases)
        let limit = outcomes.count + purchases.count
        for index in outcomes.indices { keepLists(of: &outcomes[index], limit: limit) }
        for index in purchases.indices where purchases[index].outcome != nil {
            keepLists(of: &purchases[index].outcome!, limit: limit)
        }
        Self.giveBack(&outcomes, to: &self.outcomes)
        Self.giveBack(&purchases, to: &self.purchases)
        var lotMetrics = Self.moveOut(&result.lotMetrics)
        Self.giveBack(&lotMetrics, to: &self.lotMetrics)
        // The evaluations are gone: the points lists they shared are the scratch's alone again.
        var lent = Self.moveOut(&lentPointLists)
        // As many as this replication lent (a lot held again lends one more).
        let pointLimit = max(limit, lent.count)
        while var list = lent.popLast() {
            guard pointLists.count < pointLimit else { break }
            Self.empty(&list)
            pointLists.append(list)
        }
        Self.giveBack(&lent, to: &lentPointLists)
    }

    /// A replication begins: the points lists lent to a result not given back stay with it.
    func beginReplication() {
        Self.empty(&lentPointLists)
    }

    /// Keeps an outcome's evaluations and candidates, emptied, while fewer than `limit` are kept.
    private func keepLists(of outcome: inout LotOutcome, limit: Int) {
        // A list without storage (a failed lot's candidates) is not worth keeping: the next lot would grow it.
        if evaluationLists.count < limit && outcome.evaluations.capacity > 0 {
            var evaluations = Self.moveOut(&outcome.evaluations)
            Self.empty(&evaluations)
            evaluationLists.append(evaluations)
        }
        if candidateLists.count < limit && outcome.candidates.capacity > 0 {
            var candidates = Self.moveOut(&outcome.candidates)
            Self.empty(&candidates)
            candidateLists.append(candidates)
        }
    }

    /// Keeps the lists of an outcome no result holds (a first round the failure policy replaced), for the
    /// lots evaluated after it, while the scratch holds fewer than ``keptOutsideResults`` of each kind.
    func keepLists(of outcome: consuming LotOutcome) {
        var outcome = outcome
        keepLists(of: &outcome, limit: Self.keptOutsideResults)
    }

    /// The most evaluation (or candidate) lists kept from outcomes that no result holds.
    static let keptOutsideResults = 64

    /// Empties `list` keeping its storage; an empty list is left as it is (emptying the shared empty list
    /// would allocate a list of its own).
    @inline(__always)
    static func empty<Element>(_ list: inout [Element]) {
        if !list.isEmpty { list.removeAll(keepingCapacity: true) }
    }

    /// Moves `list` out, leaving an empty list in its place, with its elements.
    @inline(__always)
    static func moveOut<Element>(_ list: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &list)
        return taken
    }

    /// Takes `list` out of the scratch, empty (it is given back emptied; emptied again here, so that no step
    /// ever sees another's elements), leaving an empty list in its place: the taker holds the only reference
    /// and appends in place.
    @inline(__always)
    static func take<Element>(_ list: inout [Element]) -> [Element] {
        var taken = moveOut(&list)
        empty(&taken)
        return taken
    }

    /// A list from `pool` (one the scratch keeps several of: evaluations, candidates, criterion points), empty
    /// with its storage; a new empty list when the pool has none.
    @inline(__always)
    static func pop<Element>(_ pool: inout [[Element]]) -> [Element] {
        var list = pool.popLast() ?? []
        empty(&list)
        return list
    }

    /// Empties `list` in place, keeping its capacity, and puts it back in the scratch; `list` is left empty
    /// (with no storage), so that the scratch holds the only reference.
    @inline(__always)
    static func giveBack<Element>(_ list: inout [Element], to slot: inout [Element]) {
        Self.empty(&list)
        // A list the step did not take from the scratch (entered bids, a single-source bid) is kept only if it
        // is larger than the one the scratch holds.
        if list.capacity >= slot.capacity { swap(&list, &slot) }
        list = []
    }
}
