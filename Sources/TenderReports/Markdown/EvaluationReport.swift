import ExactNumbers
import TenderEngine
import TenderModel

/// 评标报告: the committee's record of one lot, with the contents Order 87 Art 44 requires.
package enum EvaluationReport {
    package static func markdown(_ outcome: LotOutcome, scenario: Scenario) -> String {
        let lot = outcome.lot
        let evaluation = scenario.policy.evaluation.applied(to: lot.method)
        var out: [String] = []
        out.append("# 评标报告 Evaluation report — lot \(lot.id)")
        out.append("")
        out.append(
            "Scenario: \(MarkdownText.inline(scenario.meta.name))\(scenario.variant.map { " (variant \(MarkdownText.inline($0)))" } ?? ""). Bid opening: \(scenario.meta.bidDate)."
        )
        out.append("")
        out.append("## 1. Method and criteria (评标方法和标准)")
        out.append("")
        out.append("- Procurement method: \(lot.method.rawValue); evaluation: \(evaluation.method.rawValue).")
        out.append("- Ceiling price (最高限价): \(TextLayout.amount(lot.ceiling)) yuan.")
        if evaluation.method == .comprehensive {
            out.append("- Price score: \(priceRule(evaluation)), \(evaluation.pricePoints) points.")
            for c in evaluation.criteria {
                out.append("- \(MarkdownText.inline(c.name)) (\(c.id)): \(c.points) points.")
            }
        }
        out.append(
            "- Rounding: \(evaluation.rounding.mode.rawValue) to \(evaluation.rounding.places) places at "
                + "\(evaluation.rounding.stage.rawValue). Small/micro deduction \(scenario.policy.sme.deduction.percentText)"
                + (lot.reservedForSME ? " (not applied: lot reserved for SMEs)." : ".")
        )
        out.append("")
        out.append("## 2. Bidders and opening record (投标人名单和开标记录)")
        out.append("")
        out.append("| Bidder | Name | Size | Quoted price | SME declaration | Submitted |")
        out.append("|---|---|---|---:|---|---|")
        for e in outcome.evaluations {
            let s = scenario.supplier(e.bid.bidder)
            out.append(
                "| \(e.bid.bidder) | \(cell(s?.name ?? "")) | \(s?.size.rawValue ?? "") | \(TextLayout.amount(e.bid.price)) | "
                    + "\(declaration(e.bid.declaration)) | \(cell(e.bid.submittedAt)) |"
            )
        }
        out.append("")
        out.append("## 3. Invalid bids and reasons (无效投标及原因)")
        out.append("")
        let invalid = outcome.evaluations.filter { !$0.isValid }
        if invalid.isEmpty { out.append("None.") }
        for e in invalid {
            for r in e.rejections {
                out.append("- \(e.bid.bidder): \(r.reason.rawValue) — \(cell(r.detail)) (\(cell(r.ground)))")
            }
        }
        out.append("")
        out.append("## 4. Scores (评审得分)")
        out.append("")
        if outcome.failure != nil && !outcome.evaluations.contains(where: { $0.total != nil }) {
            out.append("Not scored: the lot failed.")
        } else {
            out.append("| Rank | Bidder | Evaluated price | Price score (exact) | Other points | Total |")
            out.append("|---:|---|---:|---:|---:|---:|")
            for e in TextReport.order(outcome) where e.isValid {
                out.append(
                    "| \(e.rank.map(String.init) ?? "-") | \(e.bid.bidder) | \(TextLayout.amount(e.evaluatedPrice)) | "
                        + "\(e.priceScore.map { $0.description } ?? "-") | "
                        + "\(e.criterionScores.isEmpty ? "-" : e.criterionScores.total.description) | "
                        + "\(e.recordedTotal.map { $0.formatted(places: evaluation.rounding.places) } ?? "-") |"
                )
            }
        }
        out.append("")
        out.append("## 5. Recommended candidates (推荐的中标候选人)")
        out.append("")
        if let failure = outcome.failure {
            out.append("The lot failed (废标): \(MarkdownText.inline(failure.description)).")
        } else {
            for (i, c) in outcome.candidates.enumerated() { out.append("\(i + 1). \(c)") }
            if let w = outcome.winner, let p = outcome.contractPrice {
                out.append("")
                if outcome.auction?.framework != nil {
                    out.append("Orders worth \(TextLayout.amount(p)) yuan placed under the agreement (below).")
                } else {
                    let at = outcome.auction == nil ? "the quoted price " : ""
                    out.append("Awarded to \(w) at \(at)\(TextLayout.amount(p)) yuan.")
                }
            }
        }
        if let auction = outcome.auction { out += [""] + AuctionMarkdown.section(auction) }
        if !outcome.audit.isEmpty {
            out.append("")
            out.append("## 6. Other matters (其他需要说明的情况)")
            out.append("")
            for note in outcome.audit { out.append("- \(cell(note))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func priceRule(_ e: Evaluation) -> String {
        switch e.priceFormula {
        case .lowPriceFirst:
            return "low-price-first, base = lowest evaluated price, score = base / evaluated price × points"
        case .deviationFromAverage(let above, let below):
            return "deviation from the mean of valid bids (−\(above) per % above, −\(below) per % below)"
        }
    }

    static func declaration(_ d: SMEDeclaration) -> String {
        switch d {
        case .none: return "none"
        case .smallMicro: return "small/micro"
        case .consortium(let share): return "consortium \(share.percentText)"
        }
    }

    static func cell(_ text: String) -> String { MarkdownText.cell(text) }
}

extension Exact {
    var percentText: String { (self * .hundred).description + "%" }
}
