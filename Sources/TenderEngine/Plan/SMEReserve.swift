import ExactNumbers
import TenderModel

/// The SME reserve (预留份额, 财库〔2020〕46号 Art 5, 7, 8; 财库〔2022〕19号) applied to a lot plan.
///
/// Goods lots and works lots are reserved separately, each against its own parameters, by the policy's
/// ``ReserveRule``:
/// - `sme-supply`: a lot is suitable (适宜由中小企业提供) when it is not a framework agreement (Art 5(4)) and at
///   least `minimumValidBids` SMEs could supply it (Art 5(3): the reserve must still ensure sufficient supply
///   and competition) — registered suppliers that are small, micro or medium (or of a status that counts as
///   small), licensed, neither debarred nor on the negative list, offering a product of every category of the
///   lot, with the capacity for its quantity of each. Suitable lots at or below `wholeReserveGoods` (works:
///   `wholeReserveWorks`) are reserved wholly (Art 7); then, while the reserved ceilings are below
///   `reserveShareGoods` (works: `reserveShareWorks`) of the suitable lots' total ceiling (Art 8), the
///   suitable lot with the most small and micro suppliers is reserved (equal: the smaller ceiling, then the
///   earlier lot in plan order) — the reserve must go 60 % to small and micro firms.
/// - `smallest-first`: every lot is suitable; wholly at or below the whole-reserve amount, then the smallest
///   unreserved lot (equal ceilings: the earlier lot) until the share of all lots' total is reached.
///
/// The requirement that at least `smallMicroShareOfReserve` (60%) of the reserve go to small and micro firms
/// depends on who wins: it is measured and checked on the run (``ReserveCheck``).
public enum SMEReserve {
    /// What the plan knows of a lot for the reserve.
    public struct Candidate: Sendable {
        public var ceiling: Exact
        public var isWorks: Bool
        /// Framework agreements are never suitable (Art 5(4)).
        public var isFramework: Bool
        /// The SMEs (and, of them, the small and micro firms) able to supply the lot.
        public var smeSuppliers: Int
        public var smallMicroSuppliers: Int

        public init(ceiling: Exact, isWorks: Bool, isFramework: Bool, smeSuppliers: Int, smallMicroSuppliers: Int) {
            self.ceiling = ceiling
            self.isWorks = isWorks
            self.isFramework = isFramework
            self.smeSuppliers = smeSuppliers
            self.smallMicroSuppliers = smallMicroSuppliers
        }
    }

    /// Whether each lot of `lots` is reserved, under `scenario`'s suppliers and policy.
    public static func reserved(_ lots: [Lot], scenario: Scenario) -> [Bool] {
        let policy = scenario.policy
        let candidates = lots.map { lot in
            let (sme, smallMicro) = suppliers(able: lot, scenario: scenario)
            return Candidate(
                ceiling: lot.ceiling,
                isWorks: lot.isWorks,
                isFramework: lot.method == .frameworkAgreement,
                smeSuppliers: sme,
                smallMicroSuppliers: smallMicro
            )
        }
        return reserved(candidates, policy: policy.sme, minimumSuppliers: policy.evaluation.minimumValidBids)
    }

    /// The SMEs, and of them the small and micro firms, that could supply `lot` (within their delivery radius).
    static func suppliers(able lot: Lot, scenario: Scenario) -> (sme: Int, smallMicro: Int) {
        let quantities = lot.quantities
        let reach = DeliveryReach(scenario)
        var sme = 0
        var smallMicro = 0
        for supplier in scenario.suppliers {
            guard supplier.size.isSME || supplier.specialStatus != nil else { continue }
            let q = supplier.qualification
            guard q.licensed, !q.debarred, !q.negativeList else { continue }
            let able = lot.categories.allSatisfy { category in
                guard supplier.products[category] != nil else { return false }
                guard let capacity = supplier.capacity[category] else { return true }
                return capacity >= (quantities[category] ?? .zero)
            }
            guard able, reach.reaches(supplier, lot) else { continue }
            sme += 1
            if supplier.isSmallOrMicro { smallMicro += 1 }
        }
        return (sme, smallMicro)
    }

    /// Whether each candidate is reserved under `policy`; `minimumSuppliers` SMEs make a lot suitable under
    /// `sme-supply`.
    ///
    /// - Complexity: O(n log n) in the number of lots.
    public static func reserved(_ lots: [Candidate], policy: SMEPolicy, minimumSuppliers: Int) -> [Bool] {
        var reserved = [Bool](repeating: false, count: lots.count)
        for works in [false, true] {
            let members = lots.indices.filter { lots[$0].isWorks == works }
            let suitable: [Int]
            switch policy.reserveRule {
            case .smeSupply:
                suitable = members.filter { !lots[$0].isFramework && lots[$0].smeSuppliers >= minimumSuppliers }
            case .smallestFirst:
                suitable = members
            }
            guard !suitable.isEmpty else { continue }
            let whole = works ? policy.wholeReserveWorks : policy.wholeReserveGoods
            let share = works ? policy.reserveShareWorks : policy.reserveShareGoods
            let target = suitable.map { lots[$0].ceiling }.sum() * share
            var reservedTotal = Exact.zero
            for i in suitable where lots[i].ceiling <= whole {
                reserved[i] = true
                reservedTotal += lots[i].ceiling
            }
            let rest = suitable.filter { !reserved[$0] }.sorted { a, b in
                switch policy.reserveRule {
                case .smeSupply:
                    if lots[a].smallMicroSuppliers != lots[b].smallMicroSuppliers {
                        return lots[a].smallMicroSuppliers > lots[b].smallMicroSuppliers
                    }
                case .smallestFirst:
                    break
                }
                return lots[a].ceiling != lots[b].ceiling ? lots[a].ceiling < lots[b].ceiling : a < b
            }
            for i in rest {
                if reservedTotal >= target { break }
                reserved[i] = true
                reservedTotal += lots[i].ceiling
            }
        }
        return reserved
    }
}
