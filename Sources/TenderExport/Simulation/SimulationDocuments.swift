import ExactNumbers

/// The statistics of one metric over the replications of a simulation, as `tender simulate --format json`
/// writes them (Docs/simulation.md). Statistics are floating point (NaN is `null`); `total` is exact.
package struct MetricStatistics: Decodable, Sendable {
    package let name: String
    /// `amount`, `share`, `count`, `indicator` or `index`.
    package let kind: String
    package let description: String?
    package let n: Int
    package let undefined: Int
    package let mean: Double?
    package let sd: Double?
    package let se: Double?
    package let ci95: [Double?]
    package let p5: Double?
    package let p50: Double?
    package let p95: Double?
    package let min: Double?
    package let max: Double?
    /// `exact` or `p2`.
    package let quantiles: String?
    /// The exact sum over the replications (amounts, counts, indicators).
    package let total: String?

    package var ciLow: Double? { ci95.first ?? nil }
    package var ciHigh: Double? { ci95.count > 1 ? ci95[1] : nil }
}

/// A `tender-simulation` document: one scenario (and variant, and grid cell) over N replications.
package struct SimulationDocument: Decodable, Sendable {
    package let file: String?
    package let scenario: String
    package let variant: String?
    package let digest: String?
    package let seed: String
    package let replications: Int
    package let replicationsFolded: Int?
    /// Override path → value, for a sweep cell.
    package let parameters: [String: String]
    package let lots: [String]
    package let metrics: [MetricStatistics]
    /// `i/n` on a shard's own output.
    package let shard: String?
    package let toolVersion: String?

    /// The metric named `name` (`contract`, `lot[concrete].contract`), if present.
    package func metric(_ name: String) -> MetricStatistics? { metrics.first { $0.name == name } }

    /// The metrics of the whole run (not per lot), in document order.
    package var runMetrics: [MetricStatistics] { metrics.filter { !$0.name.hasPrefix("lot[") } }

    /// `lot[<id>].<name>` of each lot, in the plan's order.
    package func lotMetric(_ name: String) -> [(lot: String, statistics: MetricStatistics?)] {
        lots.map { ($0, metric("lot[\($0)].\(name)")) }
    }
}

/// A `tender-comparison` document: the variants' simulations on common random numbers and the paired
/// differences of each variant from the first.
package struct ComparisonDocument: Decodable, Sendable {
    package struct MetricDifference: Decodable, Sendable {
        package let name: String
        package let kind: String
        /// `relative` (a ratio − 1), `points` (a difference of shares) or `absolute`.
        package let scale: String
        package let n: Int
        package let meanReference: Double?
        package let meanVariant: Double?
        package let difference: Double?
        package let se: Double?
        package let ci95: [Double?]

        package var ciLow: Double? { ci95.first ?? nil }
        package var ciHigh: Double? { ci95.count > 1 ? ci95[1] : nil }
    }

    package struct VariantDifferences: Decodable, Sendable {
        package let variant: String
        package let reference: String
        package let metrics: [MetricDifference]
    }

    package let variants: [String]
    package let simulations: [SimulationDocument]
    package let differences: [VariantDifferences]
}

/// A `tender-sweep` document (or the cells of a sweep read from a results database): one simulation per grid
/// cell, in grid order.
package struct SweepDocument: Decodable, Sendable {
    package struct Cell: Decodable, Sendable {
        package let index: Int
        package let simulation: SimulationDocument
    }

    package let cells: [Cell]
    /// The grid's axes in order, when the source knows them (a database does; the JSON sorts its keys).
    package var axes: [String]?

    /// The axes in grid order: as given, or inferred from the cells (the last axis varies fastest).
    package var orderedAxes: [String] {
        if let axes { return axes }
        let paths = Set(cells.flatMap { $0.simulation.parameters.keys })
        guard let first = cells.first?.simulation.parameters else { return paths.sorted() }
        /// The first cell where the axis's value differs from cell 0's: later for slower (earlier) axes.
        func firstChange(_ path: String) -> Int {
            cells.firstIndex { $0.simulation.parameters[path] != first[path] } ?? Int.max
        }
        return paths.sorted { (firstChange($0), $0) > (firstChange($1), $1) }
    }

    /// Each axis's values in the order the grid visits them.
    package func values(of axis: String) -> [String] {
        var seen: [String] = []
        for cell in cells {
            if let value = cell.simulation.parameters[axis], !seen.contains(value) { seen.append(value) }
        }
        return seen
    }
}
