import ExactNumbers
import TenderModel

/// What the reviews and the deduction read of a registered supplier, built once per scenario
/// (``EvaluationContext``).
///
/// A class, so that a bid's review holds one reference to it instead of copying its strings, arrays and
/// dictionaries; it never changes once built.
final class SupplierFacts: Sendable {
    /// The supplier's number: its position among the registered ids sorted as strings (what
    /// ``LotFacts/qualification`` is indexed by).
    let number: Int
    let qualification: Qualification
    let size: EnterpriseSize
    let specialStatus: SpecialStatus?
    /// The registered consortium agreement (联合体协议), whose small/micro share the deduction reads.
    let consortium: Consortium?
    /// Per category number (``FactIndex/categories``): the quantity it can deliver, nil when unlimited.
    let capacityByCategory: [Exact?]
    /// Per category number: the product it registered, nil when none.
    let productsByCategory: [ProductFacts?]

    /// The facts of `supplier`; its products are checked against `clauses` (per category number, nil when
    /// the category is not in the catalogue) and scored on `criteria` on the bid date `day`.
    init(
        _ supplier: Supplier,
        number: Int,
        index: FactIndex,
        clauses: [[ClauseCheck]?],
        criteria: [ScoringCriterion],
        on day: Day
    ) {
        self.number = number
        qualification = supplier.qualification
        size = supplier.size
        specialStatus = supplier.specialStatus
        consortium = supplier.consortium
        var capacityByCategory = [Exact?](repeating: nil, count: index.categories.count)
        for (category, quantity) in supplier.capacity { capacityByCategory[index.categories[category]!] = quantity }
        var productsByCategory = [ProductFacts?](repeating: nil, count: index.categories.count)
        for (category, product) in supplier.products {
            let number = index.categories[category]!
            productsByCategory[number] = ProductFacts(
                product,
                index: index,
                clauses: clauses[number],
                criteria: criteria,
                on: day
            )
        }
        self.capacityByCategory = capacityByCategory
        self.productsByCategory = productsByCategory
    }

    /// Small or micro for the price deduction: by size, or by special status (``Supplier/isSmallOrMicro``).
    var isSmallOrMicro: Bool { size == .small || size == .micro || specialStatus != nil }
}

extension EvaluationContext {
    /// The facts of the registered supplier `id`, nil when there is none.
    func supplierFacts(_ id: String) -> SupplierFacts? {
        supplierIndex[id]
    }
}
