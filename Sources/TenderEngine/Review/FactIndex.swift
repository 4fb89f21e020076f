import ExactNumbers
import TenderModel

/// Numbers for the category ids and attribute names a scenario's evaluation reads, so that the reviews and
/// the scoring look facts up by position rather than by comparing or hashing text once per bid.
///
/// Categories: those of the catalogue, then any other id a supplier registers a product or a capacity for.
/// Attributes: those a green clause limits or a criterion scores, and `delivery-days`.
struct FactIndex: Sendable {
    let categories: [String: Int]
    let attributes: [String: Int]

    init(_ scenario: Scenario) {
        var categories: [String: Int] = [:]
        func addCategory(_ id: String) { if categories[id] == nil { categories[id] = categories.count } }
        for category in scenario.catalogue { addCategory(category.id) }
        for supplier in scenario.suppliers {
            for id in supplier.products.keys.sorted() { addCategory(id) }
            for id in supplier.capacity.keys.sorted() { addCategory(id) }
        }
        var attributes: [String: Int] = [:]
        func addAttribute(_ name: String) { if attributes[name] == nil { attributes[name] = attributes.count } }
        addAttribute("delivery-days")
        for category in scenario.catalogue {
            for clause in category.clauses { for limit in clause.limits { addAttribute(limit.attribute) } }
        }
        for criterion in scenario.policy.evaluation.criteria {
            if case .bands(let attribute, _) = criterion.source { addAttribute(attribute) }
        }
        self.categories = categories
        self.attributes = attributes
    }
}

/// A product as the reviews read it: the product itself, and the values of the indexed attributes by number.
final class ProductFacts: Sendable {
    let product: Product
    /// Per attribute number (``FactIndex/attributes``): the declared value, nil when not declared.
    let values: [Exact?]

    init(_ product: Product, index: FactIndex) {
        self.product = product
        var values = [Exact?](repeating: nil, count: index.attributes.count)
        for (name, value) in product.attributes {
            if let number = index.attributes[name] { values[number] = value }
        }
        self.values = values
    }
}

/// A green clause as the conformity review checks it: its attribute limits by attribute number.
///
/// A class, so that checking a bid against it copies no string or array of the clause.
final class ClauseCheck: Sendable {
    let clause: GreenClause
    /// Per limit of the clause, in order: the attribute number, the comparison and the limit value.
    let limits: [(attribute: Int, comparison: AttributeLimit.Comparison, value: Exact)]

    init(_ clause: GreenClause, index: FactIndex) {
        self.clause = clause
        // Every limited attribute is indexed (``FactIndex``).
        limits = clause.limits.map { (index.attributes[$0.attribute]!, $0.comparison, $0.value) }
    }

    /// Whether `product` meets the clause on `day`.
    func isMet(by product: ProductFacts, on day: Day) -> Bool {
        if let star = clause.minimumStar {
            let certificateOK = product.product.certificate.map { $0.isValid(on: day) && $0.star >= star } ?? false
            if !certificateOK && !(clause.acceptsTestReport && product.product.testReport) { return false }
        }
        for index in limits.indices {
            guard let offered = product.values[limits[index].attribute] else { return false }
            switch limits[index].comparison {
            case .atLeast: if offered < limits[index].value { return false }
            case .atMost: if limits[index].value < offered { return false }
            }
        }
        return true
    }
}
