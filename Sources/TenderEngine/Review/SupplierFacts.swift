import ExactNumbers
import TenderModel

/// What the reviews and the deduction read of a registered supplier.
///
/// Taken out of ``EvaluationContext/suppliers`` field by field, once per bid: binding a whole `Supplier` to a
/// variable copies every one of its strings, arrays and dictionaries.
struct SupplierFacts {
    let qualification: Qualification
    let size: EnterpriseSize
    let specialStatus: SpecialStatus?
    /// Quantity it can deliver per category id; absent = unlimited.
    let capacity: [String: Exact]
    /// The product it registered per category id.
    let products: [String: Product]

    /// Small or micro for the price deduction: by size, or by special status (``Supplier/isSmallOrMicro``).
    var isSmallOrMicro: Bool { size == .small || size == .micro || specialStatus != nil }
}

extension SupplierFacts {
    init(_ supplier: Supplier) {
        self.init(
            qualification: supplier.qualification,
            size: supplier.size,
            specialStatus: supplier.specialStatus,
            capacity: supplier.capacity,
            products: supplier.products
        )
    }
}

extension SupplierFacts {
    /// The facts of the supplier registered as `id` in `suppliers`, nil when there is none.
    static func of(_ id: String, in suppliers: [String: Supplier]) -> SupplierFacts? {
        suppliers[id].map(SupplierFacts.init)
    }
}

extension EvaluationContext {
    /// The facts of the registered supplier `id`, nil when there is none.
    func supplierFacts(_ id: String) -> SupplierFacts? {
        SupplierFacts.of(id, in: suppliers)
    }
}
