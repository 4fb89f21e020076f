import Foundation
import TenderEngine
import TenderSimulation

/// The CSV exports of simulation results: `metrics.csv` for a simulation (one row per metric), for a
/// comparison (one row per variant and metric) and `differences.csv`, and for a sweep `cells.csv` (one row per
/// cell and metric, with a column per grid axis).
///
/// Statistics are written in their shortest round-trip decimal form, as in the JSON (empty when undefined);
/// `total` is the exact decimal. Shares are fractions of 1. The last two columns label the metric in Chinese
/// and English as the metric registry does (empty for a metric it does not know).
package struct SimulationTables {
    let registry: MetricRegistry

    package init(registry: MetricRegistry = .standard) { self.registry = registry }

    static let statisticColumns = [
        "metric", "kind", "n", "undefined", "mean", "sd", "se", "ci_low", "ci_high", "p5", "p50", "p95", "min", "max",
        "total", "quantiles", "label_zh", "label_en",
    ]

    func metrics(_ simulations: [(variant: String?, simulation: SimulationDocument)]) -> CSVTable {
        let withVariant = simulations.contains { $0.variant != nil }
        var table = CSVTable(header: (withVariant ? ["variant"] : []) + Self.statisticColumns)
        for (variant, simulation) in simulations {
            for m in simulation.metrics {
                table.append((withVariant ? [variant ?? ""] : []) + row(m))
            }
        }
        return table
    }

    func differences(_ c: ComparisonDocument) -> CSVTable {
        var table = CSVTable(header: [
            "variant", "reference", "metric", "kind", "scale", "n", "mean_reference", "mean_variant", "difference",
            "se", "ci_low", "ci_high",
        ])
        for d in c.differences {
            for m in d.metrics {
                table.append([
                    d.variant, d.reference, m.name, m.kind.rawValue, m.scale.rawValue, String(m.n),
                    Self.number(m.meanReference), Self.number(m.meanVariant), Self.number(m.difference),
                    Self.number(m.se), Self.number(m.ciLow),
                    Self.number(m.ciHigh),
                ])
            }
        }
        return table
    }

    func cells(_ sweep: SweepDocument) -> CSVTable {
        let axes = sweep.orderedAxes
        var table = CSVTable(header: ["cell"] + axes + Self.statisticColumns)
        for cell in sweep.cells {
            let values = axes.map { cell.simulation.parameters[$0] ?? "" }
            for m in cell.simulation.metrics {
                table.append([String(cell.index)] + values + row(m))
            }
        }
        return table
    }

    func row(_ m: MetricStatistics) -> [String] {
        let label = registry.label(of: m.name)
        return [
            m.name, m.kind.rawValue, String(m.n), String(m.undefined), Self.number(m.mean), Self.number(m.sd),
            Self.number(m.se),
            Self.number(m.ciLow), Self.number(m.ciHigh), Self.number(m.p5), Self.number(m.p50), Self.number(m.p95),
            Self.number(m.min),
            Self.number(m.max), m.total?.description ?? "", m.quantiles ?? "", label?.zh ?? "", label?.en ?? "",
        ]
    }

    /// The shortest round-trip decimal (`86.66666666666667`, `1e-05`), integral values without `.0`; empty for
    /// nil or NaN.
    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}

extension ResultDocument {
    /// The CSV files of this result: file name → table (Docs/reports-and-exports.md lists the columns), with
    /// metrics labelled as `registry` labels them.
    /// The last, `about.csv`, says what made them (``Provenance``).
    package func csvTables(registry: MetricRegistry = .standard) -> [(name: String, table: CSVTable)] {
        let tables = SimulationTables(registry: registry)
        let about = ("about.csv", Provenance(self).table)
        switch self {
        case .run(let view): return RunTables.tables(view) + [about]
        case .simulation(let s): return [("metrics.csv", tables.metrics([(nil, s)])), about]
        case .comparison(let c):
            return [
                ("metrics.csv", tables.metrics(zip(c.variants, c.simulations).map { ($0, $1) })),
                ("differences.csv", tables.differences(c)),
                about,
            ]
        case .sweep(let sweep): return [("cells.csv", tables.cells(sweep)), about]
        case .equilibrium(let e):
            return [
                ("classes.csv", EquilibriumTables.classes(e)), ("bid-functions.csv", EquilibriumTables.bidFunctions(e)),
                about,
            ]
        }
    }

    /// The HTML report of this result, with metrics labelled as `registry` labels them.
    package func html(registry: MetricRegistry = .standard) -> String {
        let report = SimulationReport(registry: registry)
        switch self {
        case .run(let view): return RunReport.html(view)
        case .simulation(let s): return report.html(s)
        case .comparison(let c): return report.html(c)
        case .sweep(let sweep): return report.html(sweep)
        case .equilibrium(let e): return EquilibriumPage.html(e)
        }
    }

    /// One line for the terminal: what the report or export covers.
    package var summary: String {
        switch self {
        case .run(let view): return "run of \(view.document.scenario), \(view.document.lots.count) lots"
        case .simulation(let s):
            return "simulation of \(s.scenario), \(s.replicationsFolded ?? s.replications) replications"
        case .comparison(let c): return "comparison of \(c.variants.joined(separator: ", "))"
        case .sweep(let sweep): return "sweep of \(sweep.cells.count) cells"
        case .equilibrium(let e):
            return "equilibrium of \(e.scenario), \(e.solved.count) of \(e.lots.count) lots solved"
        }
    }
}
