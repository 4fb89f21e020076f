import ExactNumbers
import TenderModel

/// What the reviews of a lot's bids look up about the lot, resolved once per evaluation instead of once per
/// bid: its ceiling, its quantities and the green clauses of its categories.
struct LotFacts {
    /// The lot's ceiling price (Σ quantity × ceiling unit price).
    let ceiling: Exact
    /// Total quantity per category, ordered by category id (the order the capacity check reports in).
    let quantities: [CategoryQuantity]
    /// The lot's category ids, in lot order.
    let categories: [String]
    /// Per category of the lot: its green clauses, nil when the category is not in the catalogue.
    let clauses: [[GreenClause]?]
    /// The bid-opening date, on which certificates must be valid.
    let bidDate: Day

    init(_ lot: Lot, context: EvaluationContext) {
        ceiling = lot.ceiling
        quantities = CategoryQuantity.totals(of: lot.lines)
        categories = lot.categories
        clauses = lot.categories.map { context.categories[$0]?.clauses }
        bidDate = context.scenario.meta.bidDate
    }

    /// The products `bid` offers, one per category in lot order (the bid's own, else the registered one),
    /// written into `products` (emptied first).
    func products(of bid: borrowing Bid, supplier: SupplierFacts?, into products: inout [Product?]) {
        products.removeAll(keepingCapacity: true)
        for category in categories {
            products.append(
                bid.products.value(scanningFor: category) ?? supplier?.products.value(scanningFor: category)
            )
        }
    }
}

/// A category's total quantity in a lot.
struct CategoryQuantity {
    let category: String
    var quantity: Exact

    /// ``Lot/quantities`` as a list ordered by category id. A lot has a category or a few, so a line finds
    /// its category's entry by comparing ids rather than hashing one; the sums are the same, line by line.
    static func totals(of lines: [DemandLine]) -> [CategoryQuantity] {
        var totals: [CategoryQuantity] = []
        for line in lines.indices {
            let category = lines[line].category
            if let index = totals.firstIndex(where: { $0.category == category }) {
                totals[index].quantity += lines[line].quantity
            } else {
                totals.append(CategoryQuantity(category: category, quantity: .zero + lines[line].quantity))
            }
        }
        return totals.sorted { $0.category < $1.category }
    }
}
