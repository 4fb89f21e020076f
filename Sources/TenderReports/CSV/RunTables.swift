import ExactNumbers

/// The CSV exports of a run: `lots.csv`, `bids.csv`, `awards.csv` and `lines.csv` (the lot plan).
///
/// Amounts have 2 decimals rounded half-up, as the engine prints them, without thousands separators; rates
/// are fractions of 1 with 4 decimals (`0.3600`); exact columns (`*_exact`, quantities) hold the exact value,
/// a decimal or a fraction `a/b`. See Docs/reports-and-exports.md for every column.
package enum RunTables {
    /// File name → table, in the order the files are listed in the docs.
    package static func tables(_ view: RunView) -> [(name: String, table: CSVTable)] {
        [
            ("lots.csv", lots(view)), ("bids.csv", bids(view)), ("awards.csv", awards(view)),
            ("lines.csv", lines(view)),
            ("projects.csv", projects(view)), ("settlement.csv", settlement(view)),
        ]
    }

    package static func lots(_ view: RunView) -> CSVTable {
        var table = CSVTable(header: [
            "lot", "materials", "categories", "method", "reserved_for_sme", "lines", "ceiling", "bids", "valid_bids",
            "status", "winner", "winner_name", "contract_price", "savings_rate", "failure", "red_flags", "savings",
        ])
        for lot in view.document.lots {
            let plan = view.planEntry(lot.id)
            table.append([
                lot.id,
                view.materials(of: lot.id),
                (plan?.categories ?? []).joined(separator: ";"),
                lot.method.code,
                plan.map { String($0.reservedForSME) } ?? "",
                plan.map { String($0.lines.count) } ?? "",
                amount(lot.ceiling),
                String(lot.bids.count),
                String(lot.bids.filter(\.valid).count),
                lot.winner == nil ? "failed" : "awarded",
                lot.winner ?? "",
                lot.winner.map(view.supplierName) ?? "",
                amount(lot.contractPrice),
                rate(lot.savingsRate),
                lot.failure ?? "",
                lot.redFlags.map(\.code).joined(separator: ";"),
                amount(lot.savings),
            ])
        }
        return table
    }

    package static func bids(_ view: RunView) -> CSVTable {
        var table = CSVTable(header: [
            "lot", "bidder", "bidder_name", "size", "declaration", "quoted_price", "deduction", "evaluated_price",
            "price_score_exact", "price_score", "other_points", "total_exact", "recorded_total", "rank", "status",
            "rejection_reasons", "rejection_details", "flags",
        ])
        for lot in view.document.lots {
            for bid in view.orderedBids(lot) {
                let details = bid.rejections.map { r -> String in "\(r.reason.code) [\(r.ground)]: \(r.detail)" }
                table.append([
                    lot.id,
                    bid.bidder,
                    view.supplierName(bid.bidder),
                    view.supplier(bid.bidder)?.size.code ?? "",
                    bid.declaration?.code ?? "",
                    amount(bid.price),
                    rate(bid.deduction),
                    amount(bid.evaluatedPrice),
                    bid.priceScore?.description ?? "",
                    bid.priceScore?.formatted(places: 2) ?? "",
                    view.otherPoints(bid)?.description ?? "",
                    bid.total?.description ?? "",
                    bid.recordedTotal?.formatted(places: view.scorePlaces) ?? "",
                    bid.rank.map(String.init) ?? "",
                    view.status(of: bid, in: lot).code,
                    bid.rejections.map(\.reason.code).joined(separator: ";"),
                    details.joined(separator: "\n"),
                    bid.flags.joined(separator: "\n"),
                ])
            }
        }
        return table
    }

    package static func awards(_ view: RunView) -> CSVTable {
        var table = CSVTable(header: [
            "lot", "materials", "winner", "winner_name", "size", "contract_price", "ceiling", "savings_rate",
            "candidates",
        ])
        for lot in view.document.lots {
            guard let winner = lot.winner else { continue }
            table.append([
                lot.id,
                view.materials(of: lot.id),
                winner,
                view.supplierName(winner),
                view.supplier(winner)?.size.code ?? "",
                amount(lot.contractPrice),
                amount(lot.ceiling),
                rate(lot.savingsRate),
                lot.candidates.joined(separator: ";"),
            ])
        }
        return table
    }

    package static func lines(_ view: RunView) -> CSVTable {
        var table = CSVTable(header: [
            "reference", "project", "project_name", "category", "category_name", "spec", "quantity", "unit",
            "ceiling_unit_price", "ceiling_amount", "delivery_from", "delivery_to", "lot", "excluded_reason",
        ])
        for lot in view.document.plan.lots {
            for line in lot.lines {
                let project = view.projectID(of: line)
                table.append([
                    line.reference, project, view.project(project)?.name ?? "", line.category,
                    view.categoryName(line.category), line.spec, line.quantity.description, line.unit,
                    amount(line.ceilingUnitPrice), amount(line.ceilingAmount), line.deliveryFrom ?? "",
                    line.deliveryTo ?? "", lot.id, "",
                ])
            }
        }
        for excluded in view.document.plan.excluded {
            let project =
                excluded.project ?? String(excluded.reference.split(separator: "/", maxSplits: 1).first ?? "")
            let category = excluded.category ?? ""
            table.append([
                excluded.reference, project, view.project(project)?.name ?? "", category,
                category.isEmpty ? "" : view.categoryName(category), excluded.spec ?? "",
                excluded.quantity?.description ?? "", excluded.unit ?? "", amount(excluded.ceilingUnitPrice),
                amount(excluded.ceilingAmount), excluded.deliveryFrom ?? "", excluded.deliveryTo ?? "", "",
                excluded.reason.code,
            ])
        }
        return table
    }

    /// One row per project: budget, ceilings, payable, savings and their rates, green premium and compliance.
    package static func projects(_ view: RunView) -> CSVTable {
        var table = CSVTable(header: [
            "project", "project_name", "budget", "ceiling", "bought_ceiling", "payable", "savings", "savings_rate",
            "savings_rate_budget", "payable_share_budget", "green_premium", "green_rule", "optional_kinds",
            "optional_share", "green_pass", "green_shortfalls", "target_star",
        ])
        for p in view.document.projects ?? [] {
            table.append([
                p.project, view.project(p.project)?.name ?? "", amount(p.budget), amount(p.ceiling),
                amount(p.boughtCeiling), amount(p.payable), amount(p.savings), rate(p.savingsRate),
                rate(p.savingsRateOfBudget), rate(p.payableShareOfBudget), amount(p.greenPremium), p.green.rule.code,
                p.green.choice?.code ?? "", rate(p.green.share), String(p.green.passes),
                p.green.shortfalls.joined(separator: ";"), String(p.green.targetStar),
            ])
        }
        return table
    }

    /// One row per demand line: where it was bought, by whom, and what its project pays.
    package static func settlement(_ view: RunView) -> CSVTable {
        var table = CSVTable(header: [
            "reference", "project", "category", "lot", "excluded_reason", "green_clauses", "quantity", "unit",
            "ceiling_amount", "winner", "amount", "unit_price", "savings", "basis",
        ])
        for p in view.document.projects ?? [] {
            for line in p.lines {
                table.append([
                    line.reference, p.project, line.category, line.lot, line.leftToProject?.code ?? "",
                    String(line.greenClauses), line.quantity.description, line.unit, amount(line.ceiling),
                    line.supplier ?? "", amount(line.amount), amount(line.unitPrice), amount(line.savings),
                    line.basis.code,
                ])
            }
        }
        return table
    }

    /// 2 decimals, half-up, no grouping; empty for nil.
    static func amount(_ value: Exact?) -> String { value?.formatted(places: 2) ?? "" }

    /// A fraction of 1 with 4 decimals, half-up; empty for nil.
    static func rate(_ value: Exact?) -> String { value?.formatted(places: 4) ?? "" }
}
