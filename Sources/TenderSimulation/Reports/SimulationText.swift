import TenderEngine

/// The text tables of `tender simulate`, `compare` and `sweep`: fit 100 columns.
public enum SimulationText {
    static let nameWidth = 26
    static let columnWidth = 12

    /// One simulation: a header, the run metrics, then each lot's.
    public static func render(_ summary: SimulationSummary, shard: Shard = .whole) -> String {
        let id = summary.identity
        var out = "\(id.scenario.escapingControlCharacters)\(id.variant.map { " — variant \($0)" } ?? "")\n"
        let part = shard == .whole ? "" : ", shard \(shard): \(summary.replications) of them"
        out += "\(summary.replications == id.replications || shard != .whole ? "" : "partial: ")"
        out += "\(id.replications) replications\(part), seed \(id.seed), scenario digest \(id.digest.prefix(12))…"
        out += ", tender \(ToolVersion.current)\n"
        if !id.parameters.isEmpty { out += "parameters: \(id.parameterText)\n" }
        out += "\n"
        out += header("run")
        for m in summary.metrics where !m.definition.name.hasPrefix("lot[") {
            out += row(m, label: label(m.definition.name, m.definition.kind))
        }
        for lot in summary.lots {
            out += "\nlot \(lot)\n"
            let prefix = "lot[\(lot)]."
            for m in summary.metrics where m.definition.name.hasPrefix(prefix) {
                out += row(m, label: label(String(m.definition.name.dropFirst(prefix.count)), m.definition.kind))
            }
        }
        out += "\n"
        out += notes(summary)
        return out
    }

    static func label(_ name: String, _ kind: MetricKind) -> String {
        kind == .amount ? name + " (yuan)" : name
    }

    static func header(_ title: String) -> String {
        let columns = ["mean", "±95% CI", "sd", "p5", "p50", "p95"]
        return NumberFormat.left(title, nameWidth) + columns.map { NumberFormat.right($0, columnWidth) }.joined() + "\n"
    }

    static func row(_ m: MetricSummary, label: String) -> String {
        let kind = m.definition.kind
        let half = m.confidenceHigh - m.mean
        let cells = [
            NumberFormat.value(m.mean, kind), "±" + NumberFormat.spread(half, kind),
            NumberFormat.spread(m.standardDeviation, kind), NumberFormat.value(m.p5, kind),
            NumberFormat.value(m.p50, kind), NumberFormat.value(m.p95, kind),
        ]
        let name = NumberFormat.left("  " + label, nameWidth)
        let line = name + cells.map { NumberFormat.right($0, columnWidth) }.joined()
        return line + "\n"
    }

    static func notes(_ summary: SimulationSummary) -> String {
        var out = ""
        if let failed = summary.metric("failed-lot-rate") {
            out +=
                "failed lots: \(NumberFormat.value(failed.mean, .share)) of lots"
                + " (95% CI \(NumberFormat.value(failed.confidenceLow, .share))–"
                + "\(NumberFormat.value(failed.confidenceHigh, .share)))\n"
        }
        if let contract = summary.metric("contract"), let total = contract.total {
            out += "contract amount over all replications (exact): \(total) yuan\n"
        }
        let undefined = summary.metrics.filter { $0.undefined > 0 }
        if !undefined.isEmpty {
            out += "undefined in some replications (statistics over the others):"
            out += undefined.prefix(6).map { " \($0.definition.name) (\($0.undefined))" }.joined(separator: ",")
            out += undefined.count > 6 ? ", and \(undefined.count - 6) more\n" : "\n"
        }
        let exact = summary.metrics.allSatisfy(\.quantilesExact)
        out +=
            exact
            ? "percentiles: exact (type 7); CI: mean ± t(0.975, n−1) × se\n"
            : "percentiles: P² estimates (more than \(QuantileSketch.exactLimit) replications); CI: mean ± t × se\n"
        return out
    }

    /// A comparison: one line per variant in words, then a table of the run metrics.
    public static func render(_ comparison: ComparisonSummary) -> String {
        let reference = comparison.names[0]
        let first = comparison.summaries[0].identity
        var out =
            "\(first.scenario.escapingControlCharacters): \(first.replications) replications per variant, seed \(first.seed)"
        out += ", common random numbers; reference: \(reference)\n\n"
        for (i, row) in comparison.differences.enumerated() {
            out += sentence(name: comparison.names[i + 1], reference: reference, row) + "\n"
        }
        for (i, row) in comparison.differences.enumerated() {
            let name = comparison.names[i + 1]
            out += "\n" + NumberFormat.left("\(name) vs \(reference)", 26)
            out +=
                [reference, name, "difference", "±95% CI"].map { NumberFormat.right(String($0.prefix(15)), 16) }
                .joined() + "\n"
            for d in row {
                let kind = d.definition.kind
                let line =
                    NumberFormat.left("  " + label(d.definition.name, kind), 26)
                    + NumberFormat.right(NumberFormat.value(d.meanReference, kind), 16)
                    + NumberFormat.right(NumberFormat.value(d.meanVariant, kind), 16)
                    + NumberFormat.right(signed(d.difference, d.scale, kind), 16)
                    + NumberFormat.right("±" + unsigned(d.halfWidth, d.scale, kind), 16)
                out += line + "\n"
            }
        }
        out += "\namounts: ratio of means − 1 (delta-method CI); shares: paired difference in percentage points (pp)\n"
        return out
    }

    /// "B costs 1.8% ± 0.3% more, SME share +12.0 pp ± 2.0 pp, failed lots +0.4 pp ± 0.2 pp".
    public static func sentence(name: String, reference: String, _ row: [DifferenceSummary]) -> String {
        func find(_ metric: String) -> DifferenceSummary? { row.first { $0.definition.name == metric } }
        var parts: [String] = []
        if let c = find("contract"), c.difference.isFinite {
            let more = c.difference >= 0 ? "more" : "less"
            parts.append(
                "costs \(percent(abs(c.difference))) ± \(percent(c.halfWidth)) \(more) than \(reference)"
            )
        }
        if let s = find("sme-share"), s.difference.isFinite {
            parts.append(
                "SME share \(signed(s.difference, .points, .share)) ± \(unsigned(s.halfWidth, .points, .share))"
            )
        }
        if let f = find("failed-lot-rate"), f.difference.isFinite {
            parts.append(
                "failed lots \(signed(f.difference, .points, .share)) ± \(unsigned(f.halfWidth, .points, .share))"
            )
        }
        if let s = find("savings-rate"), s.difference.isFinite {
            parts.append(
                "savings rate \(signed(s.difference, .points, .share)) ± \(unsigned(s.halfWidth, .points, .share))"
            )
        }
        return "\(name): " + (parts.isEmpty ? "no paired replications" : parts.joined(separator: ", "))
    }

    /// A fraction as a percentage: one decimal from 1% up, two below (0.04%, not 0.0%).
    static func percent(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return String(format: abs(x) < 0.01 ? "%.2f%%" : "%.1f%%", x * 100)
    }

    static func signed(_ x: Double, _ scale: DifferenceScale, _ kind: MetricKind) -> String {
        guard x.isFinite else { return "–" }
        let sign = x > 0 ? "+" : (x < 0 ? "−" : "±")
        return sign + unsigned(abs(x), scale, kind)
    }

    static func unsigned(_ x: Double, _ scale: DifferenceScale, _ kind: MetricKind) -> String {
        guard x.isFinite else { return "–" }
        switch scale {
        case .relative: return String(format: "%.2f%%", x * 100)
        case .points: return String(format: abs(x) < 0.01 ? "%.2f pp" : "%.1f pp", x * 100)
        case .absolute: return abs(x) < 1000 ? NumberFormat.trimmed(x, places: 2) : NumberFormat.value(x, kind)
        }
    }

    /// A sweep's cells: parameters, then headline means with their CI half-widths.
    public static func render(cells: [CellResult]) -> String {
        guard let first = cells.first else { return "no cells\n" }
        let id = first.summary.identity
        var out =
            "\(id.scenario.escapingControlCharacters)\(id.variant.map { " — variant \($0)" } ?? ""): \(cells.count) cells"
        out += ", \(id.replications) replications each, seed \(id.seed)\n\n"
        let paths = id.parameters.map(\.path)
        let metrics = ["contract", "savings-rate", "sme-share", "failed-lot-rate"]
        out += "parameters: " + paths.joined(separator: ", ") + "\n"
        let valueTexts = cells.map { $0.summary.identity.parameters.map(\.value).joined(separator: ", ") }
        let width = max(10, valueTexts.map(NumberFormat.displayWidth).max() ?? 0) + 2
        out += NumberFormat.left("cell  values", width + 6)
        out += metrics.map { NumberFormat.right($0, 20) }.joined() + "\n"
        for cell in cells {
            let values = cell.summary.identity.parameters.map(\.value).joined(separator: ", ")
            var line = NumberFormat.left(NumberFormat.right(String(cell.index), 4) + "  " + values, width + 6)
            for name in metrics {
                guard let m = cell.summary.metric(name) else {
                    line += NumberFormat.right("–", 20)
                    continue
                }
                let half = m.confidenceHigh - m.mean
                let text =
                    NumberFormat.value(m.mean, m.definition.kind) + " ±" + NumberFormat.spread(half, m.definition.kind)
                line += NumberFormat.right(text, 20)
            }
            out += line + "\n"
        }
        return out
    }
}
