import ExactNumbers
import TenderEngine
import TenderModel

/// The run as a person reads it at 100 columns: the lot plan, one table per lot, then the totals.
package enum TextReport {
    package static func render(_ result: RunResult, scenario: Scenario) -> String {
        var out: [String] = []
        let variant = result.variant.map { " — variant \($0)" } ?? ""
        out.append("\(result.scenario)\(variant)")
        out.append("seed \(result.seed), replication \(result.replication), bid date \(scenario.meta.bidDate)")
        out.append("")
        out.append(plan(result.plan, scenario: scenario))
        for (outcome, metrics) in zip(result.outcomes, result.lotMetrics) {
            out.append("")
            out.append(lot(outcome, metrics: metrics, scenario: scenario))
        }
        out.append("")
        out.append(totals(result.metrics))
        out.append("")
        out.append(
            SettlementText.render(
                result.settlements,
                purchases: result.projectPurchases,
                metrics: result.metrics,
                scenario: scenario
            )
        )
        return terminalSafe(out.joined(separator: "\n")) + "\n"
    }

    /// Text for a terminal: every control character from a name or a note (ESC, BEL, CR, …) shown as an
    /// escape (`\u{1B}`), line by line; the report's own line breaks stay.
    package static func terminalSafe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapingControlCharacters }
            .joined(separator: "\n")
    }

    static func categoryName(_ id: String, _ scenario: Scenario) -> String {
        (scenario.category(id)?.name ?? id).escapingControlCharacters
    }

    static func plan(_ plan: LotPlan, scenario: Scenario) -> String {
        var out = ["Lot plan (\(plan.lots.count) lots)"]
        let rows = plan.lots.map { lot -> [String] in
            [
                lot.id,
                TextLayout.truncate(lot.categories.map { categoryName($0, scenario) }.joined(separator: " + "), 24),
                String(lot.lines.count), TextLayout.amount(lot.ceiling), lot.method.rawValue,
                lot.reservedForSME ? "SME" : "",
            ]
        }
        out.append(
            TextLayout.table(["Lot", "Material", "Lines", "Ceiling", "Method", "Reserve"], rows, rightAligned: [2, 3])
        )
        for lot in plan.lots {
            let lines = lot.lines.map { "\($0.reference) \($0.quantity) \($0.unit)" }.joined(separator: ", ")
            out.append(wrap("  \(lot.id): \(lines)", indent: "    "))
        }
        if !plan.excluded.isEmpty {
            out.append("Left to the projects (\(plan.excluded.count) lines):")
            for excluded in plan.excluded {
                let clauses = excluded.greenClauses ? "" : " (non-green)"
                out.append(
                    "  \(excluded.line.reference) \(excluded.line.category)\(clauses): \(excluded.reason.rawValue)"
                )
            }
        }
        for flag in plan.splittingFlags {
            out.append(
                "WARNING splitting (化整为零): \(flag.category) bought in lots \(flag.lots.joined(separator: ", ")) by "
                    + "non-open methods, total \(TextLayout.amount(flag.total)) ≥ threshold \(TextLayout.amount(flag.threshold))"
            )
        }
        return out.joined(separator: "\n")
    }

    static func lot(_ outcome: LotOutcome, metrics: LotMetrics, scenario: Scenario) -> String {
        let lot = outcome.lot
        let names = lot.categories.map { categoryName($0, scenario) }.joined(separator: " + ")
        var out = ["Lot \(lot.id) — \(names) — \(lot.method.rawValue), ceiling \(TextLayout.amount(lot.ceiling))"]
        let scored = outcome.evaluations.contains { $0.total != nil }
        let rows = order(outcome).map { e -> [String] in
            let name = (scenario.supplier(e.bid.bidder)?.name ?? e.bid.bidder).escapingControlCharacters
            let status: String
            if !e.isValid {
                status = "rejected"
            } else if e.bid.bidder == outcome.winner {
                status = "awarded"
            } else if e.sameBrandShadowed {
                status = "same brand"
            } else if let i = outcome.candidates.firstIndex(of: e.bid.bidder) {
                status = "candidate \(i + 1)"
            } else {
                status = "valid"
            }
            let other = e.criterionScores.isEmpty ? "" : TextLayout.exact(e.criterionScores.total, places: 2)
            return [
                e.rank.map(String.init) ?? "-",
                TextLayout.truncate(
                    name == e.bid.bidder || name.hasPrefix(e.bid.bidder + " ") ? name : "\(e.bid.bidder) \(name)",
                    14
                ),
                TextLayout.amount(e.bid.price),
                e.deduction.isZero ? "" : TextLayout.percent(e.deduction, places: 0),
                TextLayout.amount(e.evaluatedPrice),
                e.priceScore.map { TextLayout.exact($0) } ?? "",
                e.priceScore.map { $0.formatted(places: 2) } ?? "",
                other,
                e.recordedTotal.map { $0.formatted(places: scenario.policy.evaluation.rounding.places) } ?? "",
                status,
            ]
        }
        let header = ["Rk", "Bidder", "Quoted", "Ded", "Evaluated", "Exact", "Price", "Other", "Total", "Status"]
        out.append(
            TextLayout.table(
                scored ? header : Array(header[0..<5]) + ["Status"],
                scored ? rows : rows.map { Array($0[0..<5]) + [$0[9]] },
                rightAligned: [0, 2, 3, 4, 5, 6, 7, 8]
            )
        )
        for e in outcome.evaluations where !e.isValid {
            for r in e.rejections {
                out.append(
                    wrap("  ✗ \(e.bid.bidder): \(r.reason.rawValue) [\(r.ground)]: \(r.detail)", indent: "      ")
                )
            }
        }
        for e in outcome.evaluations {
            for flag in e.flags { out.append(wrap("  ! \(e.bid.bidder): \(flag)", indent: "      ")) }
        }
        for note in outcome.audit { out.append(wrap("  · \(note)", indent: "      ")) }
        if let auction = outcome.auction { out.append(contentsOf: AuctionText.lines(auction)) }
        if let failure = outcome.failure {
            out.append("  Lot FAILED (废标): \(failure)")
        } else if outcome.auction?.framework == nil, let winner = outcome.winner, let price = outcome.contractPrice {
            let saving =
                "\(metrics.savings.map { TextLayout.amount($0) } ?? "-"), \(TextLayout.percent(metrics.savingsRate))"
            out.append(
                "  Awarded to \(winner) at \(TextLayout.amount(price)) (savings \(saving)); candidates: "
                    + outcome.candidates.joined(separator: ", ")
            )
        }
        if !metrics.redFlags.isEmpty {
            out.append("  Red flags: " + metrics.redFlags.map(\.rawValue).joined(separator: ", "))
        }
        return out.joined(separator: "\n")
    }

    /// Ranked bids first, then the others in the order received.
    static func order(_ outcome: LotOutcome) -> [BidEvaluation] {
        let ranked = outcome.evaluations.filter { $0.rank != nil }.sorted { $0.rank! < $1.rank! }
        return ranked + outcome.evaluations.filter { $0.rank == nil }
    }

    static func totals(_ m: RunMetrics) -> String {
        var out = ["Totals"]
        let stars = m.amountByStar.keys.sorted(by: >).map { star in
            "\(star == 0 ? "uncertified" : "\(star)★") \(TextLayout.percent(m.contract.isZero ? nil : try? m.amountByStar[star]! / m.contract))"
        }
        let rejections = m.rejections.keys.sorted(by: Rejection.Reason.byCode).map { "\($0) \(m.rejections[$0])" }
            .joined(separator: ", ")
        let flags = m.redFlags.keys.sorted(by: RedFlag.byCode).map { "\($0) \(m.redFlags[$0]!)" }.joined(
            separator: ", "
        )
        var rows: [[String]] = [
            ["Lots", "\(m.lots) (\(m.failedLots) failed)"],
            ["Ceiling", TextLayout.amount(m.ceiling)],
            ["Contract", TextLayout.amount(m.contract)],
            ["Awarded ceiling", TextLayout.amount(m.awardedCeiling) + " (the ceilings of the awarded lots)"],
            ["Savings (节约资金)", TextLayout.amount(m.savings) + " (awarded ceiling − contract)"],
            [
                "Savings rate",
                "\(TextLayout.percent(m.savingsRate)) of the awarded ceilings, "
                    + "\(TextLayout.percent(m.savingsRateOfAllCeilings)) of all ceilings",
            ],
            ["Bids", "\(m.bids) (\(m.validBids) valid)"],
            ["Rejections", rejections.isEmpty ? "none" : rejections],
            ["Green share by star", stars.isEmpty ? "-" : stars.joined(separator: ", ")],
            ["Cost increment", TextLayout.percent(m.costIncrementRate)],
            ["SME share", TextLayout.percent(m.smeShare)],
            ["Small/micro share", TextLayout.percent(m.smallMicroShare)],
            ["HHI", m.hhi.formatted(places: 0)],
            ["Red flags", flags.isEmpty ? "none" : flags],
        ]
        if let reserve = m.reserve { rows.insert(["SME reserve", reserveLine(reserve)], at: rows.count - 2) }
        out.append(contentsOf: rows.map { "  " + TextLayout.pad($0[0], 20) + $0[1] })
        return out.joined(separator: "\n")
    }

    /// `2 lots; small/micro 45.00% of the reserved contract, below the required 60% (财库〔2020〕46号 Art 8)`.
    static func reserveLine(_ reserve: ReserveCheck) -> String {
        let lots = "\(reserve.reservedLots) lot\(reserve.reservedLots == 1 ? "" : "s")"
        guard let share = reserve.smallMicroShare else { return lots + "; no reserved lot awarded" }
        let verdict = share < reserve.required ? "below" : "meets"
        return "\(lots); small/micro \(TextLayout.percent(share)) of the reserved contract, \(verdict) the required "
            + "\(TextLayout.percent(reserve.required)) (财库〔2020〕46号 Art 8)"
    }

    /// Wraps a long note at 100 columns.
    static func wrap(_ text: String, indent: String, columns: Int = 100) -> String {
        guard TextLayout.width(text) > columns else { return text }
        var lines: [String] = []
        let lead = String(text.prefix { $0 == " " })
        var current = lead
        for word in text.dropFirst(lead.count).split(separator: " ") {
            let candidate = current == lead ? current + word : current + " " + word
            if TextLayout.width(candidate) > columns && current != lead {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        if current != lead { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
