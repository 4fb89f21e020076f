import ExactNumbers
import TenderEngine
import TenderModel

/// `tender simulate --records FILE.csv`: research data, one row per replication and lot of the plan, in
/// replication order, then plan order (Docs/simulation.md#per-replication-records).
///
/// A row holds what was drawn on the lot (how many suppliers were eligible and took part, each bidder's drawn
/// total cost), what came of it (the round that decided it, the method that evaluated it, the winner and its
/// cost, the failure reason), then the registry's lot metrics of that lot, then the registry's run metrics of
/// the replication (prefixed `run_`, the same on every lot row of a replication). Column names are the
/// metric names with `-` written `_`; a study's own metrics (``MetricRegistry/registering(_:)``) get columns
/// of their own.
///
/// Numbers are exact text: a terminating decimal as it is (`12345.6`), otherwise a fraction `a/b`; never a
/// `Double`. An undefined value (the contract of a failed lot) is empty.
package struct ReplicationRecordsTable: Sendable {
    package let registry: MetricRegistry

    package init(registry: MetricRegistry = .standard) { self.registry = registry }

    /// The columns before the metrics, in order.
    static let drawColumns = [
        "replication", "variant", "lot", "method", "round", "eligible", "participating", "costs", "lowest_cost",
        "lowest_cost_bidder", "winner", "winner_cost", "failure",
    ]

    /// Every column name, in order.
    package var header: [String] {
        Self.drawColumns + registry.lotMetrics.map { Self.columnName($0) }
            + registry.runMetrics.map { Self.columnName($0) }
    }

    /// Every column with its Chinese label and kind: the draw columns from the CSV vocabulary
    /// (``TableColumn``), the metric columns from the registry's labels.
    package var columns: [TableColumn] {
        Self.drawColumns.map { TableColumn.named($0, in: "records.csv") }
            + (registry.lotMetrics + registry.runMetrics).map { TableColumn.metric($0, name: Self.columnName($0)) }
    }

    /// `savings-rate` → `savings_rate` for a lot metric, `run_savings_rate` for a run metric.
    static func columnName(_ metric: Metric) -> String {
        let name = metric.name.replacingAll("-", with: "_")
        return metric.scope == .run ? "run_" + name : name
    }

    /// The header record, ended by CRLF.
    package var headerText: String { header.map(CSVTable.field).joined(separator: ",") + "\r\n" }

    /// The records of one replication: one CSV record (CRLF-ended) per lot of the plan, in plan order. The
    /// draws are generated again from the replication's streams (``TenderRun/biddingRound(of:context:replication:)``).
    package func rows(_ result: RunResult, context: EvaluationContext) -> String {
        var runValues: [String] = []
        var lotValues: [String: [String]] = [:]
        let lots = result.plan.lots.map(\.id)
        registry.values(of: result, lots: lots) { metric, lot, value in
            let text = value?.description ?? ""
            if let lot { lotValues[lot, default: []].append(text) } else { runValues.append(text) }
        }
        var out = ""
        for outcome in result.outcomes {
            let round = TenderRun.biddingRound(of: outcome, context: context, replication: result.replication)
            let costs = round.bids.map { (bidder: $0.bid.bidder, cost: $0.cost) }
            let lowest = costs.compactMap { c in c.cost.map { (c.bidder, $0) } }.min { $0.1 < $1.1 }
            let winnerCost = outcome.winner.flatMap { winner in costs.first { $0.bidder == winner }?.cost }
            var record = [
                String(result.replication),
                result.variant ?? "base",
                outcome.lot.id,
                outcome.lot.method.rawValue,
                String(outcome.round),
                String(round.eligible.count),
                String(round.participating.count),
                costs.map { "\($0.bidder)=\($0.cost?.description ?? "")" }.joined(separator: ";"),
                lowest?.1.description ?? "",
                lowest?.0 ?? "",
                outcome.winner ?? "",
                winnerCost?.description ?? "",
                outcome.failure?.reason.rawValue ?? "",
            ]
            record += lotValues[outcome.lot.id] ?? Array(repeating: "", count: registry.lotMetrics.count)
            record += runValues
            out += record.map(CSVTable.field).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

extension TableColumn {
    /// The column of a metric: its Chinese label from the registry; counts and indicators are whole numbers,
    /// every other kind exact text.
    static func metric(_ metric: Metric, name: String) -> TableColumn {
        let kind: Kind
        switch metric.kind {
        case .count, .indicator: kind = .count
        case .amount, .share, .index: kind = .exact
        }
        let zh = metric.scope == .run ? "全批" + metric.label.zh : metric.label.zh
        return TableColumn(name: name, zh: zh, kind: kind)
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
