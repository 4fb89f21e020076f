import TenderEngine
import TenderSimulation

/// The text tables of `tender simulate`, `compare` and `sweep`: fit 100 columns.
package enum SimulationText {
    static let nameWidth = 26
    static let columnWidth = 12

    /// One simulation: a header, the run metrics, then each lot's.
    package static func render(_ summary: SimulationSummary, shard: Shard = .whole) -> String {
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
        if let contract = summary.metric("contract"), contract.p95.isFinite {
            out +=
                "budget: to be 95% sure the budget covers the batch, plan \(NumberFormat.value(contract.p95, .amount))"
                + " yuan (p95 of the contract; median \(NumberFormat.value(contract.p50, .amount)), "
                + "p5 \(NumberFormat.value(contract.p5, .amount)))\n"
        }
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
    package static func render(_ comparison: ComparisonSummary) -> String {
        let reference = comparison.names[0]
        let first = comparison.summaries[0].identity
        var out =
            "\(first.scenario.escapingControlCharacters): \(first.replications) replications per variant, seed \(first.seed)"
        out += ", common random numbers; reference: \(reference)\n\n"
        for (i, name) in comparison.names.enumerated() {
            let description = i < comparison.descriptions.count ? comparison.descriptions[i] : ""
            if !description.isEmpty { out += "\(name): \(description)\n" }
        }
        if comparison.descriptions.contains(where: { !$0.isEmpty }) { out += "\n" }
        for (i, row) in comparison.differences.enumerated() {
            let name = comparison.names[i + 1]
            if i < comparison.sameOutcome.count && comparison.sameOutcome[i] {
                out += "\(name): no effect: every replication gave exactly the figures of \(reference) "
                out += "(every metric, run and lot); check that the variant changes a key this scenario uses\n"
            } else {
                if name == comparison.decentralised, let line = poolingSaving(reference: reference, row) {
                    out += line + "\n"
                }
                out += sentence(name: name, reference: reference, row) + "\n"
            }
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

    /// A variant's differences in words, like for like first: "B: savings rate +0.45 pp ± 0.09 pp, costs 1.8%
    /// ± 0.3% more than base for the same lots, SME share +12.0 pp ± 2.0 pp, failed lots +0.4 pp ± 0.2 pp".
    ///
    /// The contract amount compares like for like only when both variants award the same ceilings (the same
    /// lines, bought by the batch); when the awarded ceiling differs — other lots failed, or lines were left to
    /// the projects — the sentence says so, with the difference, and the savings rate is the comparison to read.
    /// What pooling saves: the no-pooling counterfactual's total cost (payable by the projects, the lines not
    /// bought at their ceilings, and the administrative cost of the procurements) minus the batch's, in yuan and
    /// as a share of the counterfactual's, with the 95% CI (the relative CI of the paired ratio, scaled by the
    /// reference mean).
    package static func poolingSaving(reference: String, _ row: [DifferenceSummary]) -> String? {
        guard let t = row.first(where: { $0.definition.name == "total-cost" }), t.difference.isFinite else {
            return nil
        }
        return PoolingSaving(pooled: t.meanReference, alone: t.meanVariant, halfWidth: t.halfWidth)?.sentence(
            reference: reference
        )
    }

    package static func sentence(name: String, reference: String, _ row: [DifferenceSummary]) -> String {
        func find(_ metric: String) -> DifferenceSummary? { row.first { $0.definition.name == metric } }
        var parts: [String] = []
        if let s = find("savings-rate"), s.difference.isFinite {
            parts.append(
                "savings rate \(signed(s.difference, .points, .share)) ± \(unsigned(s.halfWidth, .points, .share))"
            )
        }
        // Like for like: every demand line is paid for, pooled or left to its project, or still to be bought (at
        // its ceiling, in total-cost).
        if let t = find("total-cost"), t.difference.isFinite {
            let more = t.difference >= 0 ? "more" : "less"
            parts.append(
                "all the projects' lines cost \(percent(abs(t.difference))) ± \(percent(t.halfWidth)) \(more) (lines "
                    + "not bought at their ceilings, administrative cost included)"
            )
        } else if let p = find("payable"), p.difference.isFinite {
            let more = p.difference >= 0 ? "more" : "less"
            parts.append(
                "the projects pay \(percent(abs(p.difference))) ± \(percent(p.halfWidth)) \(more) for all their lines"
            )
        }
        if let c = find("contract"), c.difference.isFinite {
            let more = c.difference >= 0 ? "more" : "less"
            var text = "costs \(percent(abs(c.difference))) ± \(percent(c.halfWidth)) \(more) than \(reference)"
            if let a = find("awarded-ceiling"), a.difference.isFinite, a.difference != 0 || a.halfWidth != 0 {
                let lower = a.difference >= 0 ? "higher" : "lower"
                text +=
                    " — not like for like: its awarded ceiling is \(percent(abs(a.difference))) ± "
                    + "\(percent(a.halfWidth)) \(lower) (other lots awarded or lines left to the projects)"
            } else {
                text += " for the same awarded ceilings"
            }
            parts.append(text)
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
        return "\(name): " + (parts.isEmpty ? "no paired replications" : parts.joined(separator: ", "))
    }

    /// A fraction as a percentage: one decimal from 1% up, two below (0.04%, not 0.0%).
    static func percent(_ x: Double) -> String {
        guard let value = StatisticText.exact(x) else { return "–" }
        return TextLayout.percent(value, places: abs(x) < 0.01 ? 2 : 1)
    }

    static func signed(_ x: Double, _ scale: DifferenceScale, _ kind: MetricKind) -> String {
        guard x.isFinite else { return "–" }
        let sign = x > 0 ? "+" : (x < 0 ? "−" : "±")
        return sign + unsigned(abs(x), scale, kind)
    }

    static func unsigned(_ x: Double, _ scale: DifferenceScale, _ kind: MetricKind) -> String {
        guard let value = StatisticText.exact(x) else { return "–" }
        switch scale {
        case .relative: return TextLayout.percent(value)
        case .points: return (value * .hundred).formatted(places: abs(x) < 0.01 ? 2 : 1) + " pp"
        case .absolute: return abs(x) < 1000 ? NumberFormat.trimmed(value, places: 2) : NumberFormat.value(x, kind)
        }
    }

    /// A sweep's cells: parameters, then headline means with their CI half-widths.
    package static func render(cells: [CellResult]) -> String {
        guard let first = cells.first else { return "no cells\n" }
        let id = first.summary.identity
        var out =
            "\(id.scenario.escapingControlCharacters)\(id.variant.map { " — variant \($0)" } ?? ""): \(cells.count) cells"
        out += ", \(id.replications) replications each, seed \(id.seed)\n\n"
        let paths = id.parameters.map(\.path)
        let metrics = ["contract", "savings-rate", "sme-share", "failed-lot-rate"]
        out += "parameters: " + paths.joined(separator: ", ") + "\n"
        let valueTexts = cells.map { $0.summary.identity.parameters.map(\.value).joined(separator: ", ") }
        let width = max(10, valueTexts.map(TextLayout.width).max() ?? 0) + 2
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
        if cells.count > 1, cells.dropFirst().allSatisfy({ fingerprint($0.summary) == fingerprint(first.summary) }) {
            out += "\nno effect: every cell gave the same statistics for every metric (the cells share their random "
            out += "numbers): the grid's values change nothing this scenario uses\n"
        }
        return out
    }

    /// Every statistic of every metric, bit for bit (NaN equal to NaN), to tell cells that came out the same.
    static func fingerprint(_ summary: SimulationSummary) -> [UInt64] {
        summary.metrics.flatMap { m in
            [UInt64(m.count), UInt64(m.undefined)]
                + [m.mean, m.standardDeviation, m.p5, m.p50, m.p95, m.minimum, m.maximum].map(\.bitPattern)
        }
    }
}

/// What pooling saves, from the paired comparison of total cost (Docs/planning.md): the text and the HTML
/// comparison report say it the same way.
package struct PoolingSaving: Sendable {
    /// Mean total cost pooled (the reference) and alone (the counterfactual).
    package var pooled: Double
    package var alone: Double
    /// S = alone − pooled.
    package var saving: Double { alone - pooled }
    /// The half-width of the 95% CI of S: the relative half-width of the paired ratio times the pooled mean.
    package var band: Double
    /// Whether the CI includes zero.
    package var isNoise: Bool { abs(saving) <= band }

    package init?(pooled: Double?, alone: Double?, halfWidth: Double?) {
        guard let pooled, let alone, let halfWidth, pooled.isFinite, alone.isFinite, halfWidth.isFinite, alone > 0
        else { return nil }
        self.pooled = pooled
        self.alone = alone
        band = halfWidth * pooled
    }

    /// S as a share of what the projects would pay alone.
    package var share: Double { abs(saving) / alone }

    package func sentence(reference: String) -> String {
        let verb = saving >= 0 ? "saves" : "costs"
        let noise = isNoise ? " — the CI includes zero: no difference is shown at this number of replications" : ""
        return "pooling (\(reference)) \(verb) \(NumberFormat.value(abs(saving), .amount)) yuan ± "
            + "\(NumberFormat.value(band, .amount)) (95% CI), \(SimulationText.percent(share)) of what the "
            + "projects would pay buying alone, lines not bought at their ceilings and administrative cost included"
            + noise
    }
}
