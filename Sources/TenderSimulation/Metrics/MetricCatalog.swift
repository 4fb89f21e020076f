import ExactNumbers
import TenderEngine
import TenderModel

/// One metric of a catalogue, as result documents describe it: its full name (`contract`,
/// `lot[concrete].failed`), kind and summary.
package struct MetricDefinition: Sendable, Equatable, Codable {
    package let name: String
    package let kind: MetricKind
    /// What it is, for tables and documentation.
    package let summary: String

    package init(name: String, kind: MetricKind, summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }
}

/// The metrics recorded for each replication of a scenario: the registry's run metrics, then its lot metrics
/// for each lot of the plan.
///
/// The lot plan does not depend on the random draws, so the catalogue is fixed for a scenario (and
/// variant): every replication fills the same slots.
package struct MetricCatalog: Sendable {
    package let registry: MetricRegistry
    package let definitions: [MetricDefinition]
    /// The lot ids of the plan, in plan order.
    package let lots: [String]
    /// The registry's run metrics and lot metrics as a replication is read, slot by slot: each reader and
    /// whether the exact value is kept, taken out of the metrics once. Reading a metric in place still copied
    /// it (its name, label and summary texts) for every read: four retains and releases per slot.
    let runReaders: [RunSlotReader]
    let lotReaders: [LotSlotReader]

    /// The catalogue of `registry`'s metrics for lots with these ids.
    package init(lots: [String], registry: MetricRegistry = .standard) {
        self.registry = registry
        self.lots = lots
        var definitions = registry.runMetrics.map {
            MetricDefinition(name: $0.name, kind: $0.kind, summary: $0.summary)
        }
        for lot in lots {
            for metric in registry.lotMetrics {
                definitions.append(.init(name: metric.name(lot: lot), kind: metric.kind, summary: metric.summary))
            }
        }
        self.definitions = definitions
        (runReaders, lotReaders) = Self.slotReaders(of: registry)
    }

    /// The catalogue of a scenario: its lot plan decides the per-lot metrics; a scenario under the solved
    /// equilibrium also records the bidders' response (``MetricRegistry/bidderResponse``).
    package init(scenario: Scenario, registry: MetricRegistry = .standard) {
        let registry =
            SolvedEquilibria.isAsked(by: scenario) ? registry.including(MetricRegistry.bidderResponse) : registry
        self.init(lots: LotPlanner.plan(scenario).lots.map(\.id), registry: registry)
    }

    /// Rebuilds a catalogue from stored definitions.
    package init(definitions: [MetricDefinition], registry: MetricRegistry = .standard) {
        self.registry = registry
        self.definitions = definitions
        var lots: [String] = []
        let first = registry.lotMetrics.first?.name ?? "contract"
        for d in definitions where d.name.hasPrefix("lot[") && d.name.hasSuffix("].\(first)") {
            lots.append(String(d.name.dropFirst(4).dropLast(first.count + 2)))
        }
        self.lots = lots
        (runReaders, lotReaders) = Self.slotReaders(of: registry)
    }

    private static func slotReaders(of registry: MetricRegistry) -> ([RunSlotReader], [LotSlotReader]) {
        (
            registry.runMetrics.map { RunSlotReader(read: $0.runReader, keepsExactTotal: $0.kind.keepsExactTotal) },
            registry.lotMetrics.map { LotSlotReader(read: $0.lotReader, keepsExactTotal: $0.kind.keepsExactTotal) }
        )
    }

    package var count: Int { definitions.count }

    /// The position of the metric named `name`.
    package func index(of name: String) -> Int? { definitions.firstIndex { $0.name == name } }
}

/// How a run metric's slot of a replication record is filled: the metric's reader, and whether its exact value
/// is kept. Not generic over the figures: a closure stored in a generic type is called through a thunk that
/// copies the figures it is given.
struct RunSlotReader: Sendable {
    let read: (@Sendable (RunMetrics) -> Exact?)?
    let keepsExactTotal: Bool
}

/// How a lot metric's slot is filled, as ``RunSlotReader``.
struct LotSlotReader: Sendable {
    let read: (@Sendable (LotMetrics) -> Exact?)?
    let keepsExactTotal: Bool
}

extension MetricCatalog: Equatable {
    /// Two catalogues are equal when they describe the same slots.
    package static func == (a: MetricCatalog, b: MetricCatalog) -> Bool {
        a.definitions == b.definitions && a.lots == b.lots
    }
}
