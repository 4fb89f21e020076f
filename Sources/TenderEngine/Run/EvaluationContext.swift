import ExactNumbers
import TenderModel

/// What every lot's evaluation looks up, indexed once per scenario.
public struct EvaluationContext: Sendable {
    public let scenario: Scenario
    public let suppliers: [String: Supplier]
    public let categories: [String: Category]
    /// The scenario's policy, taken out once: reading it through `scenario` copies it.
    public let policy: Policy
    /// Numbers for the category ids and attribute names the reviews read.
    let index: FactIndex
    /// Per category number: its green clauses as the conformity review checks them, nil when the category is
    /// not in the catalogue.
    let clauseChecks: [[ClauseCheck]?]
    /// What the reviews and the deduction read of each registered supplier, by id.
    let supplierFactsByID: [String: SupplierFacts]
    /// The policy's criteria as the scoring reads them, in policy order.
    let scoringCriteria: [ScoringCriterion]
    /// The policy's criterion ids, in policy order (shared by every bid's ``CriterionScores``).
    let criterionIDs: [String]

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        policy = scenario.policy
        suppliers = Dictionary(scenario.suppliers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        categories = Dictionary(scenario.catalogue.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let index = FactIndex(scenario)
        self.index = index
        var clauseChecks = [[ClauseCheck]?](repeating: nil, count: index.categories.count)
        for (id, category) in categories {
            clauseChecks[index.categories[id]!] = category.clauses.map { ClauseCheck($0, index: index) }
        }
        self.clauseChecks = clauseChecks
        supplierFactsByID = suppliers.mapValues { SupplierFacts($0, index: index) }
        scoringCriteria = policy.evaluation.criteria.map { ScoringCriterion($0, index: index) }
        criterionIDs = policy.evaluation.criteria.map(\.id)
    }

    /// The product a bid offers for a category: its own, else the supplier's registered one.
    func product(of bid: Bid, category: String) -> Product? {
        bid.products[category] ?? suppliers[bid.bidder]?.products[category]
    }
}
