import ExactNumbers
import JSONOutput
import TenderEngine
import TenderSimulation

/// `tender plan`: the candidate list, the search's table and front, its JSON and CSV.
package enum PlanSearchText {
    /// `tender plan FILE` without `--search`: every candidate with its lots, or why it is pruned.
    package static func candidates(
        considered: Int,
        kept: [PlanCandidate],
        pruned: [(PlanCandidate, PlanPruning)]
    ) -> String {
        var out = "\(considered) candidate settings: \(kept.count) distinct lawful plans to simulate, "
        out += "\(pruned.count) pruned\n\n"
        for candidate in kept {
            let lots = candidate.plan.lots
            out += "#\(candidate.index)  \(candidate.settings)\n"
            out += "    \(lots.count) lots: \(lots.map(\.id).joined(separator: ", "))"
            if !candidate.plan.excluded.isEmpty { out += "; \(candidate.plan.excluded.count) lines left to projects" }
            out += "\n"
        }
        if !pruned.isEmpty { out += "\nPruned:\n" }
        for (candidate, reason) in pruned {
            out += "#\(candidate.index)  \(candidate.settings)\n    \(reason.text)\n"
        }
        out += "\nRun with --search to simulate the plans and get the front and the recommended plan.\n"
        return out
    }

    /// The search's result: the measures of every simulated plan (front marked), the recommended plan and its
    /// variant text.
    package static func render(_ report: PlanSearchReport) -> String {
        var out = "Plan search: \(report.scenario)"
        if let variant = report.variant { out += " (variant \(variant))" }
        out += "\n\(report.considered) candidate settings, \(report.outcomes.count + report.missing) distinct lawful "
        out += "plans simulated on common random numbers (seed \(report.seed), \(report.replications) replications "
        out += "each), \(report.pruned.count) pruned before simulating\n"
        out += "Constraints: \(report.constraints.map(\.description).joined(separator: ", "))\n\n"
        let headers = ["#", "front", "lots"] + PlanObjective.allCases.map(\.rawValue) + ["settings"]
        var rows: [[String]] = []
        for outcome in report.outcomes {
            var row = [
                "\(outcome.candidate.index)",
                outcome.onFront ? (outcome.feasible ? "*" : "* ✗") : (outcome.feasible ? "" : "✗"),
                "\(outcome.candidate.plan.lots.count)",
            ]
            for objective in PlanObjective.allCases {
                let kind = kind(objective)
                let metric = outcome.summary.metric(objective.rawValue)
                let value = NumberFormat.value(outcome.mean(objective), kind)
                let spread = metric.map { ($0.confidenceHigh - $0.confidenceLow) / 2 }
                row.append(spread.map { "\(value) ± \(NumberFormat.spread($0, kind))" } ?? value)
            }
            row.append(compact(outcome.candidate))
            rows.append(row)
        }
        out += table(headers, rows)
        out += "\n* on the Pareto front (no other plan is at least as good on all four measures and better on one); "
        out += "✗ breaks a constraint; ± is the half-width of the 95% CI\n"
        if report.missing > 0 {
            out += "\n\(report.missing) plans have no result yet (other shards); run the search again without "
            out += "--shard on the same --db once they are done\n"
        } else if let best = report.recommended {
            out += "\nRecommended (lowest \(report.objective.rawValue) among the plans that meet the constraints): "
            out += "#\(best.candidate.index), \(best.candidate.settings)\n"
            out +=
                "  lots: \(best.candidate.plan.lots.map { "\($0.id) (\($0.method.rawValue))" }.joined(separator: ", "))\n"
            let close = report.outcomes.filter { other in
                guard other.feasible, other.candidate.index != best.candidate.index,
                    let interval = best.summary.metric(PlanObjective.totalCost.rawValue)
                else { return false }
                let cost = other.mean(.totalCost)
                return cost >= interval.confidenceLow && cost <= interval.confidenceHigh
            }
            if !close.isEmpty {
                out +=
                    "  within its 95% CI of total cost (not distinguishable at \(report.replications) replications): "
                out += close.map { "#\($0.candidate.index)" }.joined(separator: ", ") + "\n"
            }
            out += "As a variant (paste under variants: and run with --variant plan-recommended):\n\n"
            out += PlanSearch.variantText(best, objective: report.objective)
        } else {
            out += "\nNo plan meets the constraints; loosen them (--constraint) or widen the settings (--axis)\n"
        }
        if !report.pruned.isEmpty {
            out += "\nPruned before simulating:\n"
            for (candidate, reason) in report.pruned {
                out += "  #\(candidate.index) \(candidate.settings): \(reason.text)\n"
            }
        }
        return out
    }

    /// The settings without the common `policy.lotting.` prefix, for the table.
    static func compact(_ candidate: PlanCandidate) -> String {
        candidate.values.isEmpty
            ? "as written"
            : candidate.values.map { value in
                let path = value.path.hasPrefix("policy.lotting.") ? String(value.path.dropFirst(15)) : value.path
                return "\(path)=\(value.value)"
            }.joined(separator: "; ")
    }

    static func kind(_ objective: PlanObjective) -> MetricKind {
        MetricRegistry.standard.runMetrics.first { $0.name == objective.rawValue }?.kind ?? .amount
    }

    static func table(_ headers: [String], _ rows: [[String]]) -> String {
        let widths = headers.indices.map { k in
            ([headers[k]] + rows.map { $0[k] }).map(TextLayout.width).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { k in
                k == cells.count - 1
                    ? cells[k]
                    : k == 0 || k == 1
                        ? NumberFormat.left(cells[k], widths[k])
                        : NumberFormat.right(cells[k], widths[k])
            }.joined(separator: "  ")
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// One row per candidate, simulated or pruned: its settings, its lots, and the four measures with their CIs.
    package static func csv(_ report: PlanSearchReport) -> String {
        var header = ["candidate", "settings", "lots", "status", "front", "feasible"]
        for objective in PlanObjective.allCases {
            header += [objective.rawValue, "\(objective.rawValue) ci low", "\(objective.rawValue) ci high"]
        }
        header.append("pruned because")
        var table = CSVTable(header: header)
        let best = report.recommended?.candidate.index
        for outcome in report.outcomes {
            var row = [
                "\(outcome.candidate.index)", outcome.candidate.settings, "\(outcome.candidate.plan.lots.count)",
                outcome.candidate.index == best ? "recommended" : "simulated", outcome.onFront ? "1" : "0",
                outcome.feasible ? "1" : "0",
            ]
            for objective in PlanObjective.allCases {
                let metric = outcome.summary.metric(objective.rawValue)
                row += [metric?.mean, metric?.confidenceLow, metric?.confidenceHigh].map { x in
                    x.flatMap(StatisticText.exact).map(\.description) ?? ""
                }
            }
            row.append("")
            table.append(row)
        }
        for (candidate, reason) in report.pruned {
            var row = ["\(candidate.index)", candidate.settings, "\(candidate.plan.lots.count)", "pruned", "", ""]
            row += Array(repeating: "", count: 3 * PlanObjective.allCases.count)
            row.append(reason.text)
            table.append(row)
        }
        return table.text
    }

    /// The search as JSON: the settings, every simulated plan's measures, the pruned plans, the recommended plan.
    package static func json(_ report: PlanSearchReport) -> String {
        func number(_ x: Double?) -> JSONValue {
            x.flatMap(StatisticText.exact).map { .number($0.description) } ?? .null
        }
        let outcomes: [JSONValue] = report.outcomes.map { outcome in
            let measures: [(String, JSONValue)] = PlanObjective.allCases.map { objective in
                let metric = outcome.summary.metric(objective.rawValue)
                return (
                    objective.rawValue,
                    .object([
                        ("mean", number(metric?.mean)), ("ci-low", number(metric?.confidenceLow)),
                        ("ci-high", number(metric?.confidenceHigh)),
                    ])
                )
            }
            return .object([
                ("candidate", .number(outcome.candidate.index)),
                ("settings", .object(outcome.candidate.values.map { ($0.path, .string($0.value)) })),
                ("lots", .array(outcome.candidate.plan.lots.map { .string($0.id) })),
                ("front", .bool(outcome.onFront)),
                ("feasible", .bool(outcome.feasible)),
                ("violated", .array(outcome.violated.map { .string($0.description) })),
                ("measures", .object(measures)),
            ])
        }
        let pruned: [JSONValue] = report.pruned.map { candidate, reason in
            .object([
                ("candidate", .number(candidate.index)),
                ("settings", .object(candidate.values.map { ($0.path, .string($0.value)) })),
                ("reason", .string(reason.text)),
            ])
        }
        let best = report.recommended
        return JSONValue.object([
            ("document", .string("tender-plan-search")),
            ("scenario", .string(report.scenario)),
            ("variant", report.variant.map(JSONValue.string) ?? .null),
            ("seed", .number(String(report.seed))),
            ("replications", .number(report.replications)),
            ("considered", .number(report.considered)),
            ("objective", .string(report.objective.rawValue)),
            ("constraints", .array(report.constraints.map { .string($0.description) })),
            ("plans", .array(outcomes)),
            ("pruned", .array(pruned)),
            ("missing", .number(report.missing)),
            ("recommended", best.map { .number($0.candidate.index) } ?? .null),
            ("variant-text", best.map { .string(PlanSearch.variantText($0, objective: report.objective)) } ?? .null),
        ]).rendered()
    }
}
