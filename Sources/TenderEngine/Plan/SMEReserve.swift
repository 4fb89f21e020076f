import ExactNumbers
import TenderModel

/// The SME reserve (预留份额, 财库〔2020〕46号, 〔2022〕19号) applied to a lot plan.
///
/// Goods lots and works lots are reserved separately, each against its own parameters:
/// 1. a lot whose ceiling is at or below `wholeReserveGoods` (works: `wholeReserveWorks`) is reserved wholly;
/// 2. then, while the reserved ceilings are below `reserveShareGoods` (works: `reserveShareWorks`) of the
///    total ceiling of the goods (works) lots, the smallest unreserved lot is reserved too (equal ceilings:
///    the earlier lot in plan order).
///
/// The requirement that at least `smallMicroShareOfReserve` (60%) of the reserve go to small and micro firms
/// is not enforced by the plan: it depends on who wins, so it is reported as a metric.
public enum SMEReserve {
    /// Whether each lot, given its ceiling and whether it is works, is reserved for SMEs.
    ///
    /// - Complexity: O(n log n) in the number of lots.
    public static func reserved(ceilings: [Exact], isWorks: [Bool], policy: SMEPolicy) -> [Bool] {
        precondition(ceilings.count == isWorks.count, "one works flag per lot")
        var reserved = [Bool](repeating: false, count: ceilings.count)
        for works in [false, true] {
            let members = ceilings.indices.filter { isWorks[$0] == works }
            guard !members.isEmpty else { continue }
            let whole = works ? policy.wholeReserveWorks : policy.wholeReserveGoods
            let share = works ? policy.reserveShareWorks : policy.reserveShareGoods
            let target = members.map { ceilings[$0] }.sum() * share
            var reservedTotal = Exact.zero
            for i in members where ceilings[i] <= whole {
                reserved[i] = true
                reservedTotal += ceilings[i]
            }
            let rest = members.filter { !reserved[$0] }.sorted { a, b in
                ceilings[a] != ceilings[b] ? ceilings[a] < ceilings[b] : a < b
            }
            for i in rest {
                if reservedTotal >= target { break }
                reserved[i] = true
                reservedTotal += ceilings[i]
            }
        }
        return reserved
    }
}
