import ExactNumbers
import TenderEngine
import TenderModel

/// The projects' settlement and green compliance in `tender run`'s text: one block per project.
enum SettlementText {
    static func render(
        _ settlements: [ProjectSettlement],
        purchases: [ProjectPurchase],
        metrics m: RunMetrics,
        scenario: Scenario
    ) -> String {
        var out = ["Projects: what each pays (settlement) and the green rule"]
        if !purchases.isEmpty {
            out.append("")
            out.append(ownPurchases(purchases, scenario: scenario))
        }
        for settlement in settlements {
            out.append("")
            out.append(project(settlement, scenario: scenario))
        }
        out.append("")
        out.append("Projects in total")
        let rows: [[String]] = [
            ["Ceilings", TextLayout.amount(m.projectCeiling) + " (every demand line)"],
            ["Payable", TextLayout.amount(m.payable) + " (batch lots and the projects' own purchases)"],
            ["Budgets", TextLayout.amount(m.budgets)],
            [
                "Savings (节约资金)",
                TextLayout.amount(m.projectSavings) + ": \(TextLayout.percent(m.projectSavingsRate)) of the bought "
                    + "lines' ceilings, \(TextLayout.percent(m.budgetSavingsRate)) of the budgets",
            ],
            ["Green premium", m.greenPremium.map { TextLayout.amount($0) } ?? "-"],
            ["Green rule", "\(m.compliantProjects) of \(m.projects) projects pass"],
        ]
        out.append(contentsOf: rows.map { TextReport.wrap("  " + TextLayout.pad($0[0], 20) + $0[1], indent: "    ") })
        if m.assumedLines > 0 {
            out.append(
                TextReport.wrap(
                    "  ASSUMPTION: \(m.assumedLines) line(s) left to the projects were not bought by the engine; "
                        + "their payable amount is their ceiling",
                    indent: "    "
                )
            )
        }
        return out.joined(separator: "\n")
    }

    /// The lines left to the projects, each bought by its project at the line's own scale.
    static func ownPurchases(_ purchases: [ProjectPurchase], scenario: Scenario) -> String {
        var out = ["Bought by the projects themselves (\(purchases.count) lines left to the projects)"]
        let rows = purchases.map { purchase -> [String] in
            let line = purchase.excluded.line
            let outcome = purchase.outcome
            let result: String
            if let outcome {
                result = outcome.winner.map { "awarded to \($0)" } ?? "failed: payable assumed = ceiling"
            } else {
                result = "not run (rehearsal): payable assumed = ceiling"
            }
            return [
                line.reference,
                TextLayout.truncate(TextReport.categoryName(line.category, scenario), 10),
                purchase.excluded.greenClauses ? "green" : "non-green",
                TextLayout.amount(line.ceilingAmount),
                outcome.map { TextLayout.truncate($0.lot.method.rawValue, 14) } ?? "-",
                outcome.map { "\($0.evaluations.count) (\($0.validCount))" } ?? "-",
                TextLayout.truncate(result, 34),
            ]
        }
        let table = TextLayout.table(
            ["Line", "Material", "Clauses", "Ceiling", "Method", "Bids (valid)", "Outcome"],
            rows,
            rightAligned: [3]
        )
        out.append(contentsOf: table.split(separator: "\n").map { "  " + $0 })
        return out.joined(separator: "\n")
    }

    static func project(_ s: ProjectSettlement, scenario: Scenario) -> String {
        let name = scenario.projects.first { $0.id == s.project }?.name ?? ""
        let plan = s.compliance.plan
        let star =
            "target \(plan.targetStar)★, "
            + (plan.meetsTwoStar ? "two-star requirement met" : "BELOW the two-star requirement (二星级)")
        var out = ["\(s.project) \(name.escapingControlCharacters) (\(star))"]
        out.append("  " + green(s.compliance))
        let rows = s.lines.map { line -> [String] in
            let mark: String
            switch line.basis {
            case .ceilingShare, .frameworkOrder, .notBought: mark = ""
            case .unitPrice: mark = " u"
            case .assumedCeiling: mark = " *"
            }
            return [
                line.line.reference,
                TextLayout.truncate(TextReport.categoryName(line.line.category, scenario), 10),
                line.leftToProject == nil
                    ? TextLayout.truncate(line.lot, 20) : (line.greenClauses ? "own purchase" : "own, non-green"),
                line.supplier ?? "",
                TextLayout.amount(line.ceiling),
                (line.amount.map { TextLayout.amount($0) } ?? "not bought") + mark,
                line.unitPrice.map { TextLayout.amount($0) } ?? "-",
                line.savings.map { TextLayout.amount($0) } ?? "-",
            ]
        }
        let table = TextLayout.table(
            ["Line", "Material", "Bought in", "Supplier", "Ceiling", "Payable", "Unit price", "Savings"],
            rows,
            rightAligned: [4, 5, 6, 7]
        )
        var notes: [String] = []
        if s.lines.contains(where: { $0.basis == .unitPrice }) { notes.append("u: unit price × quantity") }
        if s.lines.contains(where: { $0.basis == .assumedCeiling }) {
            notes.append("*: ASSUMPTION: left to the project, not bought by the engine; payable = ceiling")
        }
        let lines = table.split(separator: "\n").map { "  " + $0 }
        out.append(
            "  Total: ceilings \(TextLayout.amount(s.ceiling)), payable \(TextLayout.amount(s.payable)) "
                + "(\(TextLayout.percent(s.payableShareOfBudget)) of the budget \(TextLayout.amount(s.budget))); "
                + "savings \(TextLayout.amount(s.savings)): \(TextLayout.percent(s.savingsRate)) of the bought "
                + "lines' ceilings, \(TextLayout.percent(s.savingsRateOfBudget)) of the budget; green premium "
                + (s.greenPremium.map { TextLayout.amount($0) } ?? "-")
        )
        if s.unbought > 0 { out.append("  \(s.unbought) line(s) not bought: their lots failed") }
        out = out.map { TextReport.wrap($0, indent: "    ") }
        out.insert(contentsOf: lines, at: 2)
        out.append(contentsOf: notes.map { "  " + $0 })
        return out.joined(separator: "\n")
    }

    /// `2025 rule: pass — mandatory concrete green, …; optional 2 of 3 green (66.67% ≥ 40%, cheapest set)`.
    static func green(_ c: ProjectCompliance) -> String {
        let plan = c.plan
        let kinds = c.kinds.map { kind -> String in
            let status = plan.rule == .rule2025 ? "\(kind.kind.status.rawValue) " : ""
            return "\(status)\(kind.kind.category) \(kind.outcome.rawValue)"
        }
        var text = "Green rule \(plan.rule.rawValue): \(c.passes ? "pass" : "FAIL")"
        if !c.passes { text += " (\(c.shortfalls.joined(separator: "; ")))" }
        text += " — " + (kinds.isEmpty ? "no covered material" : kinds.joined(separator: ", "))
        if plan.rule == .rule2025, let coverage = plan.coverage {
            let optional = c.kinds.filter { $0.kind.status == .optional }
            let green = optional.filter { $0.outcome == .green }.count
            let choice = plan.choice?.code.rawValue ?? ""
            text +=
                optional.isEmpty
                ? "; no optional kind"
                : "; optional share \(green) of \(optional.count) = \(TextLayout.percent(c.share)) "
                    + "(at least \(TextLayout.percent(coverage)), \(choice))"
        }
        if !plan.uncovered.isEmpty { text += "; no green clause: \(plan.uncovered.joined(separator: ", "))" }
        return text
    }
}
