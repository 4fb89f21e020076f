import ExactNumbers
import Synchronization
import TenderModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The equilibrium bids already computed, shared by the worker contexts of one simulation
/// (``EvaluationContext/init(_:equilibria:measuresResponse:keepsDetail:bidMemos:)``), so that a bid computed by
/// one worker is not computed again by another. Its memos are found by cost model, number of bidders and
/// reserve, which decide the bid function: suppliers with the same cost model share one.
public final class EquilibriumBidMemos: Sendable {
    private let memos = Mutex<[EquilibriumTables.Key: EquilibriumBidMemo]>([:])

    public init() {}

    func memo(for key: EquilibriumTables.Key, make: () -> EquilibriumBidMemo) -> EquilibriumBidMemo {
        memos.withLock { memos in
            if let known = memos[key] { return known }
            let memo = make()
            memos[key] = memo
            return memo
        }
    }
}

/// The equilibrium unit bids of one (cost model, bidders, reserve), in whole cents, by unit cost in
/// whole cents, over the costs the model draws below the reserve with more than negligible probability.
///
/// Each slot is filled the first time a replication (of any worker) draws that cost, with what
/// ``EquilibriumBid`` computes, and read after. Once the costs computed one by one have taken as many
/// evaluations of the integrand as the whole table takes (``budget``), the worker whose computation reaches it
/// fills every other slot at once (``tabulate()``): one sweep down the costs, four evaluations per cent,
/// instead of an integral per cost (6 to 330 evaluations for models like the bundled scenarios', up to a few thousand
/// for wide ones). A run that draws few costs never pays for a table; one that draws many pays about
/// twice what it would have paid knowing in advance, at most.
/// A slot holds the computed bid itself, so a bid is the same whether it was computed, tabulated or read back,
/// and whichever worker filled it. Slots are atomic: two workers that fill a slot at once write the same
/// value. At most ``capacity`` costs are kept (8 bytes each, from zeroed pages the system maps when first
/// written); a cost outside is computed each time.
final class EquilibriumBidMemo: @unchecked Sendable {
    static let capacity = 1 << 18
    /// The first cost kept, in cents; `count` costs from it (0: none).
    let first: Int64
    let count: Int
    /// Per cost: the bid in cents plus one; 0 while not computed.
    let slots: UnsafeMutablePointer<Atomic<Int64>>?
    /// The evaluations of the integrand the table takes, 4 per cent: computing costs one by one beyond it
    /// would cost more than the table.
    let budget: Int
    /// The evaluations the costs computed one by one have taken.
    private let spent = Atomic<Int>(0)
    private let distribution: CostDistribution
    private let bidders: Int
    private let reserve: Double

    init(model: CostModel, distribution: CostDistribution, bidders: Int, reserve: Double) {
        self.distribution = distribution
        self.bidders = bidders
        self.reserve = reserve
        // Costs below the reserve (and the top of the support) are bid above cost; the others bid their cost.
        // A lognormal's support runs from 0 to +∞, far beyond the costs it draws: the memo keeps the costs
        // a draw falls below, or above, with probability at least 10⁻¹². A cost outside is computed each time.
        let low = max(DoubleMath.double(model.support.low), distribution.negligiblyLow)
        let high = min(reserve, distribution.top, distribution.negligiblyHigh)
        guard low.isFinite, high.isFinite, high > low,
            let firstCent = Int64(exactly: (max(low, 0) * 100).rounded(.down)),
            let lastCent = Int64(exactly: (high * 100).rounded(.up)),
            lastCent - firstCent < Self.capacity
        else {
            (first, count, slots, budget) = (0, 0, nil, 0)
            return
        }
        first = firstCent
        count = Int(lastCent - firstCent + 1)
        budget = 4 * count
        // calloc: the zeroed pages are mapped as they are first written.
        let raw = calloc(count, MemoryLayout<Int64>.stride)
        slots = raw?.bindMemory(to: Atomic<Int64>.self, capacity: count)
    }

    deinit { free(slots) }

    /// The bid at `cents` when computed, nil when not yet (or outside the memo).
    func bid(at cents: Int64) -> Int64? {
        guard let slots, cents >= first, cents - first < Int64(count) else { return nil }
        let stored = slots[Int(cents - first)].load(ordering: .relaxed)
        return stored == 0 ? nil : stored - 1
    }

    /// Keeps the bid computed at `cents`, which took `evaluations` of the integrand; the computation that
    /// brings the evaluations spent to the ``budget`` fills the table.
    func store(_ bid: Int64, at cents: Int64, evaluations: Int) {
        guard let slots, cents >= first, cents - first < Int64(count) else { return }
        slots[Int(cents - first)].store(bid + 1, ordering: .relaxed)
        let before = spent.wrappingAdd(evaluations, ordering: .relaxed).oldValue
        if before < budget && before + evaluations >= budget { tabulate() }
    }

    /// The evaluations the costs computed one by one have taken so far.
    var evaluationsSpent: Int { spent.load(ordering: .relaxed) }

    /// Fills the slots still empty from ``EquilibriumTail``: each one it decides; the others stay empty and
    /// are computed one by one when drawn.
    func tabulate() {
        guard let slots else { return }
        EquilibriumTail.sweep(
            distribution: distribution,
            bidders: bidders,
            reserve: reserve,
            first: first,
            count: count
        ) { k, bid in
            if slots[k].load(ordering: .relaxed) == 0 { slots[k].store(bid + 1, ordering: .relaxed) }
        }
    }
}

/// The equilibrium unit bids of one (cost model, bidders, reserve) as a worker reads them: through the
/// shared ``EquilibriumBidMemo``, computed by ``EquilibriumBid`` where it has no value.
final class EquilibriumTable: Sendable {
    let distribution: CostDistribution
    let bidders: Int
    let reserve: Double
    private let memo: EquilibriumBidMemo

    init(distribution: CostDistribution, bidders: Int, reserve: Double, memo: EquilibriumBidMemo) {
        self.distribution = distribution
        self.bidders = bidders
        self.reserve = reserve
        self.memo = memo
    }

    func unitBid(cost: Exact) -> Exact {
        // A drawn cost is whole cents (a fixed one is rounded to the cent): the key is the cost in cents.
        var evaluations = 0
        guard let (n, d) = cost.machineFraction, d <= 100, 100 % d == 0 else { return compute(cost, &evaluations) }
        let cents = n * (100 / d)
        if let known = memo.bid(at: cents) { return DoubleMath.exactCents(known) }
        let bid = compute(cost, &evaluations)
        // The bid is whole cents too: the larger of the rounded integral and the cost.
        if let (bn, bd) = bid.machineFraction, bd <= 100, 100 % bd == 0 {
            memo.store(bn * (100 / bd), at: cents, evaluations: evaluations)
        }
        return bid
    }

    private func compute(_ cost: Exact, _ evaluations: inout Int) -> Exact {
        BidGenerator.equilibriumUnitBid(
            cost: cost,
            distribution: distribution,
            bidders: bidders,
            reserve: reserve,
            &evaluations
        )
    }
}
