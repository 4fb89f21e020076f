import ExactNumbers
import TenderEngine
import TenderModel

/// One project's settlement and green compliance in the run JSON (`projects[]`; Docs/reports-and-exports.md).
package struct ProjectDocument: Codable, Sendable {
    package struct LineEntry: Codable, Sendable {
        package let reference: String
        package let category: String
        /// The batch lot, or, for a line left to the project, the project's own purchase (its reference).
        package let lot: String
        /// Why the line was left to the project; absent for a line of the batch.
        package let leftToProject: Coded<ExcludedLine.Reason>?
        package let greenClauses: Bool
        package let quantity: Exact
        package let unit: String
        package let ceiling: Exact
        package let supplier: String?
        /// The payable amount, exact; absent when not bought.
        package let amount: Exact?
        /// amount ÷ quantity, half-up to the cent (the amount is the exact figure).
        package let unitPrice: Exact?
        package let savings: Exact?
        package let basis: Coded<SettlementBasis>
    }

    package struct KindEntry: Codable, Sendable {
        package let category: String
        package let status: Coded<CategoryStatus>
        /// Whether the rule made the project buy the kind under the green clauses.
        package let required: Bool
        package let outcome: Coded<KindOutcome>
        /// Σ quantity × (ceiling unit price − reference price) over the kind's lines; absent without a
        /// reference price.
        package let ceilingPremium: Exact?
    }

    package struct GreenEntry: Codable, Sendable {
        package let rule: Coded<GreenRule>
        /// How the optional share is met (2025 rule): all, cheapest or listed; absent under the 2022 rule.
        package let choice: Coded<OptionalKinds.Choice>?
        package let listed: [String]?
        package let coverage: Exact?
        /// Optional kinds bought green / optional kinds used; absent without optional kinds or under 2022.
        package let share: Exact?
        package let passes: Bool
        package let shortfalls: [String]
        package let kinds: [KindEntry]
        /// Categories used that carry no green clause.
        package let uncovered: [String]
        package let targetStar: Int
        package let meetsTwoStar: Bool
    }

    package let project: String
    package let budget: Exact
    package let ceiling: Exact
    package let boughtCeiling: Exact
    package let payable: Exact
    package let savings: Exact
    package let savingsRate: Exact?
    package let savingsRateOfBudget: Exact?
    package let payableShareOfBudget: Exact?
    package let greenPremium: Exact?
    package let green: GreenEntry
    package let lines: [LineEntry]

    init(_ s: ProjectSettlement) {
        project = s.project
        budget = s.budget
        ceiling = s.ceiling
        boughtCeiling = s.boughtCeiling
        payable = s.payable
        savings = s.savings
        savingsRate = s.savingsRate
        savingsRateOfBudget = s.savingsRateOfBudget
        payableShareOfBudget = s.payableShareOfBudget
        greenPremium = s.greenPremium
        let plan = s.compliance.plan
        var listed: [String]?
        if case .listed(let ids)? = plan.choice { listed = ids }
        green = GreenEntry(
            rule: Coded(plan.rule),
            choice: plan.choice.map { Coded($0.code) },
            listed: listed,
            coverage: plan.coverage,
            share: s.compliance.share,
            passes: s.compliance.passes,
            shortfalls: s.compliance.shortfalls,
            kinds: s.compliance.kinds.map {
                KindEntry(
                    category: $0.kind.category,
                    status: Coded($0.kind.status),
                    required: $0.kind.required,
                    outcome: Coded($0.outcome),
                    ceilingPremium: $0.kind.ceilingPremium
                )
            },
            uncovered: plan.uncovered,
            targetStar: plan.targetStar,
            meetsTwoStar: plan.meetsTwoStar
        )
        lines = s.lines.map {
            LineEntry(
                reference: $0.line.reference,
                category: $0.line.category,
                lot: $0.lot,
                leftToProject: $0.leftToProject.map(Coded.init),
                greenClauses: $0.greenClauses,
                quantity: $0.line.quantity,
                unit: $0.line.unit,
                ceiling: $0.ceiling,
                supplier: $0.supplier,
                amount: $0.amount,
                unitPrice: $0.unitPrice?.rounded(places: 2, mode: .halfUp),
                savings: $0.savings,
                basis: Coded($0.basis)
            )
        }
    }
}

/// One line left to its project and bought by the project itself (`projectPurchases[]` of the run JSON).
package struct ProjectPurchaseDocument: Codable, Sendable {
    /// The line's reference, which is also the purchase's lot id.
    package let reference: String
    package let category: String
    package let reason: Coded<ExcludedLine.Reason>
    package let greenClauses: Bool
    package let ceiling: Exact
    /// The method at the line's own value; absent in a rehearsal (no purchase was run).
    package let method: Coded<ProcurementMethod>?
    package let bids: Int
    package let validBids: Int
    package let winner: String?
    package let contractPrice: Exact?
    /// Why the purchase failed, in words; absent when awarded or not run.
    package let failure: String?

    init(_ purchase: ProjectPurchase) {
        let line = purchase.excluded.line
        reference = line.reference
        category = line.category
        reason = Coded(purchase.excluded.reason)
        greenClauses = purchase.excluded.greenClauses
        ceiling = line.ceilingAmount
        method = purchase.outcome.map { Coded($0.lot.method) }
        bids = purchase.outcome?.evaluations.count ?? 0
        validBids = purchase.outcome?.validCount ?? 0
        winner = purchase.outcome?.winner
        contractPrice = purchase.outcome?.contractPrice
        failure = purchase.outcome?.failure?.detail
    }
}
