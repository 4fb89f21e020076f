import ExactNumbers
import TenderModel

/// Numbers for the category ids and attribute names a scenario's evaluation reads, so that the reviews and
/// the scoring look facts up by position rather than by comparing or hashing text once per bid.
///
/// Categories: those of the catalogue, then any other id a supplier registers a product or a capacity for.
/// Attributes: those a green clause limits or a criterion scores, and `delivery-days`.
/// Brands: those of the registered products, in supplier order (Art 31 compares bids' brands by number).
struct FactIndex: Sendable {
    let categories: [String: Int]
    let attributes: [String: Int]
    let brands: [String: Int]

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
        var brands: [String: Int] = [:]
        for supplier in scenario.suppliers {
            for id in supplier.products.keys.sorted() where brands[supplier.products[id]!.brand] == nil {
                brands[supplier.products[id]!.brand] = brands.count
            }
        }
        self.categories = categories
        self.attributes = attributes
        self.brands = brands
    }
}

/// A product as the reviews read it: the product itself, the values of the indexed attributes by number,
/// its brand's number, and which green clauses of its category it fails.
///
/// The clauses are checked once, when the facts are built: a registered product's once per scenario, since
/// the clauses and the bid date are the scenario's (``EvaluationContext``).
final class ProductFacts: Sendable {
    let product: Product
    /// Per attribute number (``FactIndex/attributes``): the declared value, nil when not declared.
    let values: [Exact?]
    /// The brand's number (``FactIndex/brands``), nil for a brand no registered product has, and for a brand
    /// starting with `?`, which the same-brand rule compares as text (``SameBrand/Key``).
    let brandNumber: Int?
    /// The positions, in the category's clause list, of the clauses the product fails on the bid date; empty
    /// when it meets them all or the category has none.
    let failedClauses: [Int]
    /// Per failed clause, aligned with ``failedClauses``: the rejection a bid offering the product receives,
    /// whose detail is `<clause id>: <why>` (``ConformityReview/greenClauseRejection(_:)``), written once with
    /// the facts instead of once per bid; a bid whose first rejections these are shares the list.
    let failureRejections: [Rejection]
    /// Per criterion of the policy, in order: the points a bid offering this product alone earns on it, when
    /// they depend on the product only (a star or attribute band); nil when they depend on the bid.
    let criterionPoints: [Exact?]

    /// The facts of `product`, offered for a category whose green clauses are `clauses` (nil when the
    /// category is not in the catalogue), checked and scored on `day`.
    init(_ product: Product, index: FactIndex, clauses: [ClauseCheck]?, criteria: [ScoringCriterion], on day: Day) {
        self.product = product
        brandNumber = product.brand.hasPrefix("?") ? nil : index.brands[product.brand]
        var values = [Exact?](repeating: nil, count: index.attributes.count)
        for (name, value) in product.attributes {
            if let number = index.attributes[name] { values[number] = value }
        }
        self.values = values
        let failedClauses = (clauses ?? []).indices.filter { !clauses![$0].isMet(by: product, values: values, on: day) }
        self.failedClauses = failedClauses
        failureRejections = failedClauses.map { index in
            let clause = clauses![index].clause
            return ConformityReview.greenClauseRejection(
                "\(clause.id): \(ConformityReview.check(clause, product: product, on: day) ?? "not met")"
            )
        }
        criterionPoints = criteria.map { criterion in
            switch criterion.measure {
            case .expertMarks, .deliveryDays: nil
            case .star: criterion.points(for: Exact(PriceScoring.validStar(of: product, on: day)))
            case .attribute(let attribute): values[attribute].map { criterion.points(for: $0) } ?? .zero
            }
        }
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

    /// Whether `product`, whose indexed attribute values are `values`, meets the clause on `day`.
    func isMet(by product: Product, values: [Exact?], on day: Day) -> Bool {
        if let star = clause.minimumStar {
            let certificateOK = product.certificate.map { $0.isValid(on: day) && $0.star >= star } ?? false
            if !certificateOK && !(clause.acceptsTestReport && product.hasValidTestReport(on: day)) { return false }
        }
        for index in limits.indices {
            guard let offered = values[limits[index].attribute] else { return false }
            switch limits[index].comparison {
            case .atLeast: if offered < limits[index].value { return false }
            case .atMost: if limits[index].value < offered { return false }
            }
        }
        return true
    }
}
