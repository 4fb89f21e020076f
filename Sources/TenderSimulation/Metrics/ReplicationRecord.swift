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

    /// As ``init(_:catalog:reusing:)`` with lists of its own.
    package init(_ result: borrowing RunResult, catalog: MetricCatalog) {
        var none: ReplicationRecord? = nil
        self.init(result, catalog: catalog, reusing: &none)
    }

    /// Reads the metrics of one run into the catalogue's slots, as its registry reads them: each metric by
    /// its slot, straight into the record's two buffers (no text, no per-slot closure of the caller's). The
    /// result is borrowed; the run's figures and each lot's are taken once for all their metrics.
    ///
    /// `reusing`: a record already folded, whose two lists this record takes over (every slot written again)
    /// instead of allocating its own; left nil.
    package init(_ result: borrowing RunResult, catalog: MetricCatalog, reusing spent: inout ReplicationRecord?) {
        replication = result.replication
        // The slots the registry reads: its run metrics, then its lot metrics for each lot.
        let runReaders = catalog.runReaders
        let lotReaders = catalog.lotReaders
        let count = runReaders.count + catalog.lots.count * lotReaders.count
        var values: [Double] = []
        var exact: [Exact?] = []
        if var spent = spent.take(), spent.values.count == count, spent.exact.count == count {
            swap(&values, &spent.values)
            swap(&exact, &spent.exact)
            for slot in 0..<count {
                values[slot] = .nan
                exact[slot] = nil
            }
        } else {
            values = [Double](repeating: .nan, count: count)
            exact = [Exact?](repeating: nil, count: count)
        }
        // By index: iterating the readers would copy each (its closure) every replication.
        var slot = 0
        // The run's figures bound once: each reader called on `result.metrics` itself copied them into a temporary.
        let metrics = result.metrics
        for i in runReaders.indices {
            if let value = runReaders[i].read?(metrics) {
                values[slot] = value.nearestDouble
                if runReaders[i].keepsExactTotal { exact[slot] = value }
            }
            slot += 1
        }
        result.lotMetrics.withUnsafeBufferPointer { measured in
            for (position, lot) in catalog.lots.enumerated() {
                // The result's lots are the plan's, in plan order: found by position, else searched.
                var index: Int? = position < measured.count && measured[position].lot == lot ? position : nil
                if index == nil {
                    for k in measured.indices where measured[k].lot == lot {
                        index = k
                        break
                    }
                }
                guard let index else {
                    slot += lotReaders.count
                    continue
                }
                // The lot's figures taken once for its metrics (a per-metric read copied them for each).
                let figures = measured[index]
                for i in lotReaders.indices {
                    if let value = lotReaders[i].read?(figures) {
                        values[slot] = value.nearestDouble
                        if lotReaders[i].keepsExactTotal { exact[slot] = value }
                    }
                    slot += 1
                }
            }
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
