import ExactNumbers
import TenderModel

/// What the reviews of a lot's bids look up about the lot, resolved once per evaluation instead of once per
/// bid: its ceiling, its quantities, the green clauses of its categories, and (prepared with a context) each
/// registered supplier's qualification grounds on it.
///
/// A class, so that a lookup in the context's prepared facts (once per lot evaluated) retains one reference
/// instead of copying every list it holds; it never changes once built.
final class LotFacts: Sendable {
    /// The lot these are the facts of.
    let lot: Lot
    /// The lot's ceiling price (Σ quantity × ceiling unit price).
    let ceiling: Exact
    /// Total quantity per category, ordered by category id (the order the capacity check reports in).
    let quantities: [CategoryQuantity]
    /// The lot's category ids, in lot order.
    let categories: [String]
    /// Per category of the lot: its number (``FactIndex/categories``), nil when no supplier and no catalogue
    /// entry knows it.
    let categoryNumbers: [Int?]
    /// Per category number: its green clauses, nil when the category is not in the catalogue
    /// (``EvaluationContext``'s list, shared).
    private let clauseChecks: [[ClauseCheck]?]
    /// The bid-opening date, on which certificates must be valid.
    let bidDate: Day
    /// The numbers of the scenario's categories and attributes.
    let index: FactIndex
    /// The policy's criteria (a bid's own products are scored on them when their facts are built).
    let criteria: [ScoringCriterion]

    /// The facts of `lot` in `context`: prepared with the context for the lots of its plan and the lines left
    /// to the projects (``EvaluationContext/lotFacts(for:)``), computed now for another lot.
    convenience init(_ lot: Lot, context: EvaluationContext) {
        self.init(
            lot,
            index: context.index,
            criteria: context.scoringCriteria,
            clauseChecks: context.clauseChecks,
            bidDate: context.scenario.meta.bidDate,
            catalogue: context.categories
        )
    }

    /// The facts of `lot` from the parts of a context (its indexes, criteria, clauses, bid date and catalogue), with the
    /// qualification grounds of `suppliers` on it (``qualification``; none: computed bid by bid).
    init(
        _ lot: Lot,
        index: FactIndex,
        criteria: [ScoringCriterion],
        clauseChecks: [[ClauseCheck]?],
        bidDate: Day,
        catalogue: [String: Category],
        suppliers: [SupplierFacts] = []
    ) {
        self.lot = lot
        ceiling = lot.ceiling
        self.index = index
        self.criteria = criteria
        let quantities = CategoryQuantity.totals(of: lot.lines, index: index)
        self.quantities = quantities
        categories = lot.categories
        categoryNumbers = lot.categories.map { index.categories[$0] }
        self.clauseChecks = clauseChecks
        self.bidDate = bidDate
        greenClauses = lot.greenClauses
        metricShares = CategoryShares(lines: lot.lines, ceiling: lot.ceiling, lot: lot, categories: catalogue)
        qualification = suppliers.map { supplier in
            var rejections: [Rejection] = []
            QualificationReview.standing(of: supplier, lot: lot, quantities: quantities, into: &rejections)
            return rejections
        }
    }

    /// Per supplier number (``SupplierFacts/number``): the qualification grounds of the registered supplier on
    /// the lot whatever its bid (``QualificationReview/standing(of:lot:quantities:into:)``), empty for most; the
    /// review of a bid whose bond is paid and which is signed returns its supplier's list. Empty (nothing
    /// prepared) for a lot the context does not prepare: its bids are reviewed one by one.
    let qualification: [[Rejection]]
    /// The categories' shares of the lot's ceiling, their quantities and reference prices: what the metrics of
    /// an award of the whole lot read (``EvaluationContext/metricShares(for:)``).
    let metricShares: CategoryShares

    /// Whether the lot is bought under the green clauses (``Lot/greenClauses``).
    let greenClauses: Bool

    /// The green clauses of the lot's category at `position`, nil when the category is not in the catalogue
    /// or the lot is bought without the green clauses.
    func clauses(at position: Int) -> [ClauseCheck]? {
        guard greenClauses else { return nil }
        return categoryNumbers[position].flatMap { clauseChecks[$0] }
    }

    /// The products `bid` offers, one per category in lot order (the bid's own, else the registered one),
    /// written into `products`, which is resized to the lot's categories when it is not already.
    func products(of bid: borrowing Bid, supplier: SupplierFacts?, into products: inout [ProductFacts?]) {
        while products.count < categories.count { products.append(nil) }
        if products.count > categories.count { products.removeLast(products.count - categories.count) }
        for position in categories.indices {
            if !bid.products.isEmpty, let own = bid.products[categories[position]] {
                products[position] = ProductFacts(
                    own,
                    index: index,
                    clauses: clauses(at: position),
                    criteria: criteria,
                    on: bidDate
                )
            } else if let number = categoryNumbers[position] {
                // Through the optional: binding the supplier would retain it.
                products[position] = supplier?.productsByCategory[number] ?? nil
            } else {
                products[position] = nil
            }
        }
    }
}

/// A category's total quantity in a lot.
struct CategoryQuantity {
    let category: String
    /// The category's number (``FactIndex/categories``), nil when it has none.
    let number: Int?
    var quantity: Exact

    /// ``Lot/quantities`` as a list ordered by category id. A lot has a category or a few, so a line finds
    /// its category's entry by comparing ids rather than hashing one; the sums are the same, line by line.
    static func totals(of lines: [DemandLine], index: FactIndex) -> [CategoryQuantity] {
        var totals: [CategoryQuantity] = []
        for line in lines.indices {
            let category = lines[line].category
            if let position = totals.firstIndex(where: { $0.category == category }) {
                totals[position].quantity += lines[line].quantity
            } else {
                totals.append(
                    CategoryQuantity(
                        category: category,
                        number: index.categories[category],
                        quantity: .zero + lines[line].quantity
                    )
                )
            }
        }
        if totals.count > 1 { totals.sort { $0.category < $1.category } }
        return totals
    }
}
