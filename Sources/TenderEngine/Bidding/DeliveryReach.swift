import ExactNumbers
import TenderModel

/// Where a supplier delivers and what delivery adds to its unit cost on a lot (``Delivery``; Docs/planning.md).
/// Lots span the districts of the projects whose lines they pool, so both depend on the lot plan: a pooled lot
/// is as far as its farthest line for the radius, and as costly as its quantity-weighted mean distance for
/// transport.
struct DeliveryReach {
    /// Project id → district.
    private let districts: [String: String]

    init(_ scenario: Scenario) {
        let needed = scenario.suppliers.contains { !$0.delivery.isEmpty }
        districts =
            needed ? Dictionary(scenario.projects.map { ($0.id, $0.district) }, uniquingKeysWith: { a, _ in a }) : [:]
    }

    /// Whether `supplier` delivers every line of `lot` whose category has a radius within it. A distance the
    /// scenario does not give (the loader refuses that) counts as out of reach.
    func reaches(_ supplier: Supplier, _ lot: Lot) -> Bool {
        guard !supplier.delivery.isEmpty else { return true }
        for line in lot.lines {
            guard let radius = supplier.delivery[line.category]?.radius else { continue }
            guard let km = distance(supplier, line), km <= radius else { return false }
        }
        return true
    }

    /// The transport cost per unit of `category` on `lot`: the supplier's cost per unit and km times the
    /// quantity-weighted mean distance to the lot's lines of the category, Σ qᵢ dᵢ / Σ qᵢ; nil without a
    /// transport cost.
    func transportCost(_ supplier: Supplier, category: String, on lot: Lot) -> Exact? {
        guard let rate = supplier.delivery[category]?.transportCost else { return nil }
        var quantity = Exact.zero
        var weighted = Exact.zero
        for line in lot.lines where line.category == category {
            quantity += line.quantity
            weighted += line.quantity * (distance(supplier, line) ?? .zero)
        }
        guard quantity > .zero, let mean = try? weighted / quantity else { return nil }
        return rate * mean
    }

    private func distance(_ supplier: Supplier, _ line: DemandLine) -> Exact? {
        supplier.distance(to: districts[line.projectID] ?? "")
    }
}
