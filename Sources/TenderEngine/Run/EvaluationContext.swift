import ExactNumbers
import TenderModel

/// What every lot's evaluation looks up, indexed once per scenario.
public struct EvaluationContext: Sendable {
    public let scenario: Scenario
    public let suppliers: [String: Supplier]
    public let categories: [String: Category]

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        suppliers = Dictionary(scenario.suppliers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        categories = Dictionary(scenario.catalogue.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var policy: Policy { scenario.policy }

    /// The product a bid offers for a category: its own, else the supplier's registered one.
    func product(of bid: Bid, category: String) -> Product? {
        bid.products[category] ?? suppliers[bid.bidder]?.products[category]
    }
}
