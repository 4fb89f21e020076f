import ExactNumbers
import TenderEngine

/// The metrics of one replication, in the slots of a ``MetricCatalog``.
///
/// `values` are the metrics as `Double` for the statistics (`nan` where a metric is undefined in this
/// replication, such as the contract of a failed lot); `exact` holds the exact value of the metrics whose
/// totals are kept exactly (amounts, counts, indicators), nil elsewhere and where undefined.
package struct ReplicationRecord: Sendable, Equatable {
    package var replication: Int
    package var values: [Double]
    package var exact: [Exact?]

    package init(replication: Int, values: [Double], exact: [Exact?]) {
        self.replication = replication
        self.values = values
        self.exact = exact
    }

    /// Reads the metrics of one run into the catalogue's slots, as its registry reads them.
    package init(_ result: RunResult, catalog: MetricCatalog) {
        replication = result.replication
        var values: [Double] = []
        var exact: [Exact?] = []
        values.reserveCapacity(catalog.count)
        exact.reserveCapacity(catalog.count)
        catalog.registry.values(of: result, lots: catalog.lots) { metric, _, value in
            values.append(value.map(ExactConversion.double) ?? .nan)
            exact.append(metric.kind.keepsExactTotal ? value : nil)
        }
        self.values = values
        self.exact = exact
    }
}

/// Exact values become `Double` only for statistics.
package enum ExactConversion {
    /// The nearest `Double` to the value rounded to 12 decimal places (integers convert exactly up to 2⁵³);
    /// computed on machine integers, not through text (``Exact/nearestDouble``).
    package static func double(_ value: Exact) -> Double { value.nearestDouble }
}
