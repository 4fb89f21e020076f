import ExactNumbers
import TenderEngine

/// The metrics of one replication, in the slots of a ``MetricCatalog``.
///
/// `values` are the metrics as `Double` for the statistics (`nan` where a metric is undefined in this
/// replication, such as the contract of a failed lot); `exact` holds the exact value of the metrics whose
/// totals are kept exactly (amounts, counts, indicators), nil elsewhere and where undefined.
public struct ReplicationRecord: Sendable, Equatable {
    public var replication: Int
    public var values: [Double]
    public var exact: [Exact?]

    public init(replication: Int, values: [Double], exact: [Exact?]) {
        self.replication = replication
        self.values = values
        self.exact = exact
    }

    /// Reads the metrics of one run into the catalogue's slots.
    public init(_ result: RunResult, catalog: MetricCatalog) {
        replication = result.replication
        values = []
        exact = []
        values.reserveCapacity(catalog.count)
        exact.reserveCapacity(catalog.count)
        let m = result.metrics
        append(m.contract, .amount)
        append(m.ceiling, .amount)
        append(m.awardedCeiling, .amount)
        append(m.savingsRate, .share)
        append(Exact(m.lots), .count)
        append(Exact(m.failedLots), .count)
        append(m.lots == 0 ? nil : try? Exact(numerator: m.failedLots, denominator: m.lots), .share)
        append(Exact(m.bids), .count)
        append(Exact(m.validBids), .count)
        append(m.smeAmount, .amount)
        append(m.smeShare, .share)
        append(m.smallMicroShare, .share)
        append(m.greenShare(atLeast: 1), .share)
        append(m.greenShare(atLeast: 2), .share)
        append(m.greenShare(atLeast: 3), .share)
        append(m.costIncrementRate, .share)
        append(m.contract.isZero ? nil : m.hhi, .index)
        append(Exact(m.redFlags.values.reduce(0, +)), .count)
        let byLot = Dictionary(result.lotMetrics.map { ($0.lot, $0) }, uniquingKeysWith: { first, _ in first })
        for lot in catalog.lots {
            guard let l = byLot[lot] else {
                for metric in MetricCatalog.lotMetrics { append(nil, metric.kind) }
                continue
            }
            append(l.contract, .amount)
            append(l.savingsRate, .share)
            append(Exact(l.bids), .count)
            append(Exact(l.validBids), .count)
            append(l.failed ? .one : .zero, .indicator)
            append(l.contract == nil ? nil : (l.winnerIsSME ? .one : .zero), .indicator)
        }
        precondition(values.count == catalog.count, "a replication record must fill every slot of its catalogue")
    }

    private mutating func append(_ value: Exact?, _ kind: MetricKind) {
        values.append(value.map(ExactConversion.double) ?? .nan)
        exact.append(kind.keepsExactTotal ? value : nil)
    }
}

/// Exact values become `Double` only for statistics.
public enum ExactConversion {
    /// The nearest `Double` to the value rounded to 12 decimal places (integers convert exactly up to 2⁵³).
    public static func double(_ value: Exact) -> Double {
        if value.isInteger, let integer = Int(value.description) { return Double(integer) }
        return Double(value.formatted(places: 12, mode: .halfEven)) ?? .nan
    }
}
