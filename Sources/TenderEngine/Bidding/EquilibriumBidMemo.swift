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
        guard let (n, d) = cost.machineFraction, d <= 100, 100 % d == 0 else { return compute(cost) }
        let cents = n * (100 / d)
        if let known = memo.bid(at: cents) { return DoubleMath.exactCents(known) }
        var evaluations = 0
        let bid = BidGenerator.equilibriumUnitBid(
            cost: cost,
            distribution: distribution,
            bidders: bidders,
            reserve: reserve,
            &evaluations
        )
        // The bid is whole cents too: the larger of the rounded integral and the cost.
        if let (bn, bd) = bid.machineFraction, bd <= 100, 100 % bd == 0 {
            memo.store(bn * (100 / bd), at: cents, evaluations: evaluations)
        }
        return bid
    }

    private func compute(_ cost: Exact) -> Exact {
        BidGenerator.equilibriumUnitBid(cost: cost, distribution: distribution, bidders: bidders, reserve: reserve)
    }
}

/// The equilibrium bids of a bid function at every cent of a range, from one sweep down the costs: with
/// f = S^(n−1), S = 1 − F and r = min(R, top of the support),
///
///     b(c) = c + J(c) / f(c),    J(c) = ∫_c^r f(t) dt,
///
/// and J(c) = J(c + 1 cent) + the integral over that cent. Each cent's integral is taken by Simpson's rule on
/// two panels, split at a kink of S (the triangular model's mode), and its error estimated as the difference
/// from Simpson's rule on one panel (fifteen times Richardson's estimate: a wide margin); J at the top of the
/// range is ``EquilibriumBid``'s integral. Summed from the top, J carries the sum of the estimates, plus the
/// rounding of the additions (at most one unit in the last place of J per addition, as every term is
/// positive); divided by f(c), that bounds the error of b(c).
///
/// A cent's bid is given only where b(c), that far either way, rounds to the same cent with another
/// ``margin`` to spare, or ten times the per-cost integral's accuracy over [c, r] if more
/// (``EquilibriumBid/accuracy(range:)``: far inside the margin but over a range of tens of millions of yuan):
/// then it is the cent the per-cost integral gives. Elsewhere — near a half cent, where f underflows, for
/// discrete models, whose S jumps — the cent is left to the per-cost integral.
enum EquilibriumTail {
    /// In yuan: a hundredth of a cent.
    static let margin = 1e-4
    /// The smallest f divided by.
    static let smallestDivisor = 1e-200

    /// Calls `decided(k, bid)` for the costs `first + k` cents (0 ≤ k < `count`) whose bid it decides, with the
    /// bid in cents: `max(round half away from zero(b(c) × 100), c × 100)`, as ``BidGenerator`` rounds it.
    static func sweep(
        distribution: CostDistribution,
        bidders: Int,
        reserve: Double,
        first: Int64,
        count: Int,
        decided: (Int, Int64) -> Void
    ) {
        let r = min(reserve, distribution.top)
        guard bidders > 1, distribution.values == nil, r.isFinite, count > 0 else { return }
        let power = Double(bidders - 1)
        func f(_ t: Double) -> Double { pow(distribution.survival(t), power) }
        func cost(_ k: Int) -> Double { Double(first + Int64(k)) / 100 }
        // The highest cost below r whose f can be divided by (f rises as the cost falls).
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if cost(mid) < r && f(cost(mid)) >= smallestDivisor { low = mid + 1 } else { high = mid }
        }
        let top = low - 1
        guard top >= 0 else { return }
        var x = cost(top)
        var fx = f(x)
        // J at the top: the per-cost integral of f / f(x), times f(x).
        var tail = EquilibriumBid.unitBid(cost: x, distribution: distribution, bidders: bidders, reserve: r) - x
        tail *= fx
        var error = EquilibriumBid.accuracy(range: r - x) * fx
        var additions = 1.0
        let kink = distribution.kink
        for k in stride(from: top, through: 0, by: -1) {
            if k < top {
                let a = cost(k)
                let fa = f(a)
                let piece: (value: Double, error: Double)
                if let kink, a < kink, kink < x {
                    let lower = panels(f, a, kink, fa, f(kink))
                    let upper = panels(f, kink, x, f(kink), fx)
                    piece = (lower.value + upper.value, lower.error + upper.error)
                } else {
                    piece = panels(f, a, x, fa, fx)
                }
                tail += piece.value
                error += piece.error
                additions += 1
                (x, fx) = (a, fa)
            }
            guard fx >= smallestDivisor else { continue }
            let bid = x + tail / fx
            let bound = (error + tail * additions * Double.ulpOfOne) / fx + bid * Double.ulpOfOne
            guard bid.isFinite, bid >= 0, bid < DoubleMath.largestAmount, bound.isFinite else { continue }
            let scaled = bid * 100
            let fromHalf = abs(scaled - scaled.rounded(.down) - 0.5) / 100
            let perCost = EquilibriumBid.accuracy(range: r - x)
            guard fromHalf > bound + max(margin, 10 * perCost) else { continue }
            let cents = Int64(scaled.rounded(.toNearestOrAwayFromZero))
            decided(k, max(cents, first + Int64(k)))
        }
    }

    /// ∫_a^b f by Simpson's rule on two panels, and its error estimate: the difference from one panel.
    private static func panels(
        _ f: (Double) -> Double,
        _ a: Double,
        _ b: Double,
        _ fa: Double,
        _ fb: Double
    ) -> (value: Double, error: Double) {
        let h = b - a
        let fm = f(a + h / 2)
        let two = h / 12 * (fa + 4 * f(a + h / 4) + 2 * fm + 4 * f(a + 3 * h / 4) + fb)
        let one = h / 6 * (fa + 4 * fm + fb)
        return (two, abs(two - one))
    }
}
