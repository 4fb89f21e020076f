import ExactNumbers
import TenderEngine
import TenderModel
import TenderSimulation

/// `tender plan --search --html`: the search as a self-contained page — the front as a chart, every simulated plan
/// with its four measures, the recommended plan's lots and its variant, the pruned candidates.
package enum PlanSearchPage {
    package static func html(_ report: PlanSearchReport) -> String {
        let best = report.recommended
        var figures: [(label: Label, value: String, detail: String)] = [
            (
                Label("候选方案", "candidate settings"), "\(report.considered)",
                "\(report.outcomes.count + report.missing) plans simulated, \(report.pruned.count) pruned"
            )
        ]
        if let best {
            let cost = best.summary.metric(PlanObjective.totalCost.rawValue)
            let spread = cost.map { ($0.confidenceHigh - $0.confidenceLow) / 2 } ?? 0
            figures.append(
                (
                    Label("推荐方案总成本", "recommended plan's total cost"),
                    NumberFormat.value(best.mean(.totalCost), .amount),
                    "± \(NumberFormat.value(spread, .amount)) (95% CI), plan #\(best.candidate.index)"
                )
            )
            figures.append(
                (
                    Label("废标率", "failed-lot rate"), NumberFormat.value(best.mean(.failedLotRate), .share),
                    "\(NumberFormat.trimmed(StatisticText.exact(best.mean(.procurements)) ?? .zero, places: 2)) procurements"
                )
            )
        }
        var sections: [ReportPage.Section] = []
        let chart = FrontChart(report.outcomes, recommended: best?.candidate.index).svg()
        sections.append(
            ReportPage.Section(
                id: "front",
                title: Label("帕累托前沿", "The front"),
                html: "<figure><figcaption>总成本与废标率 Total cost and failed-lot rate of each plan"
                    + "<small>A plan is on the front when no other plan is at least as good on total cost, failed-lot "
                    + "rate, SME share and procurements and better on one. Constraints: "
                    + HTML.escape(report.constraints.map(\.description).joined(separator: ", "))
                    + ".</small></figcaption>\(chart)</figure>\n"
            )
        )
        sections.append(
            ReportPage.Section(
                id: "plans",
                title: Label("模拟的方案", "The simulated plans"),
                html: plansTable(report, best)
            )
        )
        if let best {
            var html = lotsTable(best)
            html += "<p>As a variant, to paste under <code>variants:</code> and run with "
            html += "<code>--variant plan-recommended</code>:</p>"
            html += "<pre>\(HTML.escape(PlanSearch.variantText(best, objective: report.objective)))</pre>\n"
            sections.append(
                ReportPage.Section(id: "recommended", title: Label("推荐方案", "The recommended plan"), html: html)
            )
        } else {
            let text =
                report.missing > 0
                ? "\(report.missing) plans have no result yet (other shards)."
                : "No plan meets the constraints."
            sections.append(
                ReportPage.Section(
                    id: "recommended",
                    title: Label("推荐方案", "The recommended plan"),
                    html: "<p>\(HTML.escape(text))</p>\n"
                )
            )
        }
        if !report.pruned.isEmpty {
            let rows = report.pruned.map { candidate, reason in
                [HTML.Cell.number("#\(candidate.index)"), HTML.Cell(candidate.settings), HTML.Cell(reason.text)]
            }
            sections.append(
                ReportPage.Section(
                    id: "pruned",
                    title: Label("模拟前剔除", "Pruned before simulating"),
                    html: HTML.table(
                        [
                            HTML.Column("方案", "plan", numeric: true), HTML.Column("设置", "settings"),
                            HTML.Column("原因", "reason"),
                        ],
                        rows
                    )
                )
            )
        }
        let provenance = Provenance(
            toolVersion: ToolVersion.current,
            scenario: report.scenario,
            digest: report.digest,
            seed: String(report.seed),
            variants: [report.variant ?? "base"],
            replications: report.replications,
            cells: report.outcomes.count + report.missing
        )
        return ReportPage(
            kicker: Label("分包方案搜索", "Lot-plan search"),
            title: report.scenario,
            facts: [
                "seed \(report.seed)", "\(report.replications) replications per plan", "common random numbers",
                "objective \(report.objective.rawValue)",
            ],
            figures: figures,
            sections: sections,
            footer: [provenance.footer]
        ).rendered()
    }

    static func plansTable(_ report: PlanSearchReport, _ best: PlanOutcome?) -> String {
        var columns = [HTML.Column("方案", "plan", numeric: true), HTML.Column("状态", "status")]
        columns += PlanObjective.allCases.map { objective in
            let label = StatisticText.metricLabel(objective.rawValue)
            return HTML.Column(label.zh, label.en, numeric: true)
        }
        columns += [HTML.Column("包数", "lots", numeric: true), HTML.Column("设置", "settings")]
        let rows: [[HTML.Cell]] = report.outcomes.map { outcome in
            var status: [String] = []
            if outcome.candidate.index == best?.candidate.index { status.append("recommended") }
            if outcome.onFront { status.append("front") }
            if !outcome.feasible {
                status.append("breaks " + outcome.violated.map(\.description).joined(separator: ", "))
            }
            var row = [HTML.Cell.number("#\(outcome.candidate.index)"), HTML.Cell(status.joined(separator: "; "))]
            for objective in PlanObjective.allCases {
                let kind = PlanSearchText.kind(objective)
                let metric = outcome.summary.metric(objective.rawValue)
                let spread = metric.map { NumberFormat.spread(($0.confidenceHigh - $0.confidenceLow) / 2, kind) }
                row.append(
                    .number(NumberFormat.value(outcome.mean(objective), kind) + (spread.map { " ± \($0)" } ?? ""))
                )
            }
            row += [
                .number("\(outcome.candidate.plan.lots.count)"), HTML.Cell(PlanSearchText.compact(outcome.candidate)),
            ]
            return row
        }
        return HTML.table(columns, rows)
    }

    static func lotsTable(_ best: PlanOutcome) -> String {
        let rows: [[HTML.Cell]] = best.candidate.plan.lots.map { lot in
            [
                HTML.Cell(lot.id), HTML.Cell(lot.categories.joined(separator: ", ")), .number("\(lot.lines.count)"),
                .number(TextLayout.amount(lot.ceiling, places: 2)), HTML.Cell(lot.method.rawValue),
                HTML.Cell(lot.reservedForSME ? "SME" : ""),
            ]
        }
        var html = HTML.table(
            [
                HTML.Column("包", "lot"), HTML.Column("品目", "categories"), HTML.Column("需求行", "lines", numeric: true),
                HTML.Column("最高限价", "ceiling", numeric: true), HTML.Column("采购方式", "method"),
                HTML.Column("预留", "reserve"),
            ],
            rows
        )
        let excluded = best.candidate.plan.excluded.count
        if excluded > 0 {
            html += "<p>\(excluded) demand lines below the decentralised limit are left to their projects.</p>\n"
        }
        return html
    }
}
