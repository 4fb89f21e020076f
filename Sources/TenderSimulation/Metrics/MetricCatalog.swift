import TenderEngine
import TenderModel

/// What a metric measures, which decides how it is totalled, printed and compared.
public enum MetricKind: String, Sendable, Codable, CaseIterable {
    /// An amount of money in yuan; its total over replications is kept exactly.
    case amount
    /// A whole number (bids, failed lots); its total is kept exactly.
    case count
    /// A fraction 0–1 (savings rate, SME share); printed as a percentage, compared in percentage points.
    case share
    /// 0 or 1 per replication (a lot failed, an SME won); its mean is a rate, compared in percentage points.
    case indicator
    /// An index such as the HHI (0–10,000).
    case index

    /// Whether the exact total over replications is kept.
    public var keepsExactTotal: Bool { self == .amount || self == .count || self == .indicator }
}

/// One metric: its name (`contract`, `lot[concrete].failed`) and kind.
public struct MetricDefinition: Sendable, Equatable, Codable {
    public let name: String
    public let kind: MetricKind
    /// What it is, for tables and documentation.
    public let summary: String

    public init(name: String, kind: MetricKind, summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }
}

/// The metrics recorded for each replication of a scenario: the run's figures, then per lot of its plan.
///
/// The lot plan does not depend on the random draws, so the catalogue is fixed for a scenario (and
/// variant): every replication fills the same slots.
public struct MetricCatalog: Sendable, Equatable {
    public let definitions: [MetricDefinition]
    /// The lot ids of the plan, in plan order.
    public let lots: [String]

    /// The run-level metrics, in order.
    public static let runMetrics: [MetricDefinition] = [
        .init(name: "contract", kind: .amount, summary: "total contract amount of awarded lots (yuan)"),
        .init(name: "ceiling", kind: .amount, summary: "total ceiling of all lots (yuan)"),
        .init(name: "awarded-ceiling", kind: .amount, summary: "total ceiling of awarded lots (yuan)"),
        .init(name: "savings-rate", kind: .share, summary: "(awarded ceiling − contract) / awarded ceiling"),
        .init(name: "lots", kind: .count, summary: "lots in the plan"),
        .init(name: "failed-lots", kind: .count, summary: "lots that failed (废标) after the failure policy"),
        .init(name: "failed-lot-rate", kind: .share, summary: "failed lots / lots"),
        .init(name: "bids", kind: .count, summary: "bids submitted"),
        .init(name: "valid-bids", kind: .count, summary: "bids that passed both reviews"),
        .init(name: "sme-amount", kind: .amount, summary: "contract amount won by SMEs (yuan)"),
        .init(name: "sme-share", kind: .share, summary: "SME share of the contract amount"),
        .init(name: "small-micro-share", kind: .share, summary: "small and micro share of the contract amount"),
        .init(name: "green-share-1", kind: .share, summary: "contract share certified one star or more"),
        .init(name: "green-share-2", kind: .share, summary: "contract share certified two stars or more"),
        .init(name: "green-share-3", kind: .share, summary: "contract share certified three stars"),
        .init(name: "cost-increment-rate", kind: .share, summary: "contract / conventional reference cost − 1"),
        .init(name: "hhi", kind: .index, summary: "Herfindahl–Hirschman index of contract value, 0–10,000"),
        .init(name: "red-flags", kind: .count, summary: "red flags raised on lots"),
    ]

    /// The per-lot metrics, in order; each is named `lot[<id>].<suffix>`.
    public static let lotMetrics: [(suffix: String, kind: MetricKind, summary: String)] = [
        ("contract", .amount, "contract price (yuan), when awarded"),
        ("savings-rate", .share, "(ceiling − contract) / ceiling, when awarded"),
        ("bids", .count, "bids submitted"),
        ("valid-bids", .count, "bids that passed both reviews"),
        ("failed", .indicator, "1 when the lot failed"),
        ("sme-winner", .indicator, "1 when an SME won, when awarded"),
    ]

    /// The catalogue for lots with these ids.
    public init(lots: [String]) {
        self.lots = lots
        var definitions = Self.runMetrics
        for lot in lots {
            for metric in Self.lotMetrics {
                definitions.append(
                    .init(name: "lot[\(lot)].\(metric.suffix)", kind: metric.kind, summary: metric.summary)
                )
            }
        }
        self.definitions = definitions
    }

    /// The catalogue of a scenario: its lot plan decides the per-lot metrics.
    public init(scenario: Scenario) {
        self.init(lots: LotPlanner.plan(scenario).lots.map(\.id))
    }

    /// Rebuilds a catalogue from stored definitions.
    public init(definitions: [MetricDefinition]) {
        self.definitions = definitions
        var lots: [String] = []
        for d in definitions where d.name.hasPrefix("lot[") && d.name.hasSuffix("].contract") {
            lots.append(String(d.name.dropFirst(4).dropLast(10)))
        }
        self.lots = lots
    }

    public var count: Int { definitions.count }

    /// The position of the metric named `name`.
    public func index(of name: String) -> Int? { definitions.firstIndex { $0.name == name } }
}
