import ExactNumbers
import JSONOutput
import TenderEngine

// The documents of `tender simulate`, `compare` and `sweep` (schema in `Docs/simulation.md`), each defined once:
// built from the statistics (``SimulationSummary``, ``ComparisonSummary``, ``CellResult``) or decoded from JSON
// (`tender report` and `tender export`), and read from a results database (ResultsStore). Each type's
// `CodingKeys` is its one list of keys: `json` writes them (sorted, numbers in `Double`'s shortest round-trip form,
// NaN and the infinities as `null`) and `init(from:)` reads them.

/// The schema version written in every simulation document.
public enum SimulationDocumentSchema {
    public static let version = 1
}

/// The statistics of one metric over the replications of a simulation. Statistics are floating point (nil
/// where undefined: `null` in JSON, NULL in SQLite); `total` is exact.
public struct MetricStatistics: Sendable, Equatable, Decodable {
    /// The metric: its name (`contract`, `lot[concrete].contract`), kind and description.
    public var definition: MetricDefinition
    /// Replications where the metric was defined, and where it was not.
    public var n: Int
    public var undefined: Int
    public var mean: Double?
    public var sd: Double?
    public var se: Double?
    /// The 95% confidence interval of the mean (`ci95` in JSON: `[low, high]`).
    public var ciLow: Double?
    public var ciHigh: Double?
    public var p5: Double?
    public var p50: Double?
    public var p95: Double?
    public var min: Double?
    public var max: Double?
    /// `exact` or `p2` (absent from documents of other writers).
    public var quantiles: String?
    /// The exact sum over the replications (amounts, counts, indicators).
    public var total: Exact?

    public var name: String { definition.name }
    public var kind: MetricKind { definition.kind }

    enum CodingKeys: String, CodingKey {
        case name, kind, description, n, undefined, mean, sd, se, ci95, p5, p50, p95, min, max, quantiles, total
    }

    public init(_ m: MetricSummary) {
        definition = m.definition
        n = m.count
        undefined = m.undefined
        mean = finite(m.mean)
        sd = finite(m.standardDeviation)
        se = finite(m.standardError)
        ciLow = finite(m.confidenceLow)
        ciHigh = finite(m.confidenceHigh)
        p5 = finite(m.p5)
        p50 = finite(m.p50)
        p95 = finite(m.p95)
        min = finite(m.minimum)
        max = finite(m.maximum)
        quantiles = m.quantilesExact ? "exact" : "p2"
        total = m.total
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        definition = MetricDefinition(
            name: try c.decode(String.self, forKey: .name),
            kind: try decodeKind(c, .kind),
            summary: try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        )
        n = try c.decode(Int.self, forKey: .n)
        undefined = try c.decode(Int.self, forKey: .undefined)
        mean = try c.decodeIfPresent(Double.self, forKey: .mean)
        sd = try c.decodeIfPresent(Double.self, forKey: .sd)
        se = try c.decodeIfPresent(Double.self, forKey: .se)
        (ciLow, ciHigh) = try decodeInterval(c, .ci95)
        p5 = try c.decodeIfPresent(Double.self, forKey: .p5)
        p50 = try c.decodeIfPresent(Double.self, forKey: .p50)
        p95 = try c.decodeIfPresent(Double.self, forKey: .p95)
        min = try c.decodeIfPresent(Double.self, forKey: .min)
        max = try c.decodeIfPresent(Double.self, forKey: .max)
        quantiles = try c.decodeIfPresent(String.self, forKey: .quantiles)
        total = try c.decodeIfPresent(Exact.self, forKey: .total)
    }

    package var json: JSONValue {
        object(
            CodingKeys.self,
            [
                .name: .string(definition.name),
                .kind: .string(definition.kind.rawValue),
                .description: .string(definition.summary),
                .n: .number(n),
                .undefined: .number(undefined),
                .mean: number(mean),
                .sd: number(sd),
                .se: number(se),
                .ci95: .array([number(ciLow), number(ciHigh)]),
                .p5: number(p5),
                .p50: number(p50),
                .p95: number(p95),
                .min: number(min),
                .max: number(max),
                .quantiles: quantiles.map(JSONValue.string),
                .total: total.map { .string($0.description) },
            ]
        )
    }
}

/// A `tender-simulation` document: one scenario (and variant, and grid cell) over N replications.
public struct SimulationDocument: Sendable, Equatable, Decodable {
    /// The scenario file as given on the command line.
    public var file: String?
    public var scenario: String
    /// The variant, or nil for the scenario as written.
    public var variant: String?
    public var digest: String?
    public var seed: UInt64
    /// Replications requested (all shards together).
    public var replications: Int
    /// Replications folded into these statistics (a shard's part of `replications`).
    public var replicationsFolded: Int?
    /// Override path → value, for a sweep cell.
    public var parameters: [String: String]
    public var lots: [String]
    public var metrics: [MetricStatistics]
    /// The shard, on a shard's own output.
    public var shard: Shard?
    public var toolVersion: String?

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion, toolVersion, file, scenario, variant, digest, seed, replications
        case replicationsFolded, parameters, lots, metrics, shard
    }

    /// The document of a simulation's statistics; `shard` is written only for a part of a sharded simulation.
    public init(_ summary: SimulationSummary, shard: Shard = .whole, toolVersion: String = ToolVersion.current) {
        let id = summary.identity
        file = id.file
        scenario = id.scenario
        variant = id.variant
        digest = id.digest
        seed = id.seed
        replications = id.replications
        replicationsFolded = summary.replications
        parameters = Dictionary(id.parameters.map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
        lots = summary.lots
        metrics = summary.metrics.map(MetricStatistics.init)
        self.shard = shard == .whole ? nil : shard
        self.toolVersion = toolVersion
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        toolVersion = try c.decodeIfPresent(String.self, forKey: .toolVersion)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        scenario = try c.decode(String.self, forKey: .scenario)
        variant = try c.decodeIfPresent(String.self, forKey: .variant)
        digest = try c.decodeIfPresent(String.self, forKey: .digest)
        let seedText = try c.decode(String.self, forKey: .seed)
        guard let seed = UInt64(seedText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .seed,
                in: c,
                debugDescription: "expected a seed 0…2^64 − 1 as a string, found '\(seedText)'"
            )
        }
        self.seed = seed
        replications = try c.decode(Int.self, forKey: .replications)
        replicationsFolded = try c.decodeIfPresent(Int.self, forKey: .replicationsFolded)
        parameters = try c.decodeIfPresent([String: String].self, forKey: .parameters) ?? [:]
        lots = try c.decode([String].self, forKey: .lots)
        metrics = try c.decode([MetricStatistics].self, forKey: .metrics)
        if let shardText = try c.decodeIfPresent(String.self, forKey: .shard) {
            do {
                shard = try Shard(parsing: shardText)
            } catch {
                throw DecodingError.dataCorruptedError(forKey: .shard, in: c, debugDescription: error.description)
            }
        } else {
            shard = nil
        }
    }

    package var json: JSONValue {
        object(
            CodingKeys.self,
            [
                .schema: .string("tender-simulation"),
                .schemaVersion: .number(SimulationDocumentSchema.version),
                .toolVersion: toolVersion.map(JSONValue.string),
                .file: file.map(JSONValue.string),
                .scenario: .string(scenario),
                .variant: variant.map(JSONValue.string) ?? .null,
                .digest: digest.map(JSONValue.string),
                .seed: .string(String(seed)),
                .replications: .number(replications),
                .replicationsFolded: replicationsFolded.map(JSONValue.number),
                .parameters: .object(sortingKeys: parameters.mapValues(JSONValue.string)),
                .lots: .array(lots.map(JSONValue.string)),
                .metrics: .array(metrics.map(\.json)),
                .shard: shard.map { .string($0.description) },
            ]
        )
    }

    /// The document as `tender simulate --format json` prints it.
    public var rendered: String { json.rendered(lineSeparators: .literal) }

    /// The metric named `name` (`contract`, `lot[concrete].contract`), if present.
    public func metric(_ name: String) -> MetricStatistics? { metrics.first { $0.name == name } }

    /// The metrics of the whole run (not per lot), in document order.
    public var runMetrics: [MetricStatistics] { metrics.filter { !$0.name.hasPrefix("lot[") } }

    /// `lot[<id>].<name>` of each lot, in the plan's order.
    public func lotMetric(_ name: String) -> [(lot: String, statistics: MetricStatistics?)] {
        lots.map { ($0, metric("lot[\($0)].\(name)")) }
    }
}

/// A `tender-comparison` document: the variants' simulations on common random numbers and the paired
/// differences of each variant from the first.
public struct ComparisonDocument: Sendable, Equatable, Decodable {
    /// A paired difference of one run metric between a variant and the reference.
    public struct MetricDifference: Sendable, Equatable, Decodable {
        public var name: String
        public var kind: MetricKind
        /// `relative` (a ratio − 1), `points` (a difference of shares) or `absolute`.
        public var scale: DifferenceScale
        /// Replications where the metric was defined under both.
        public var n: Int
        public var meanReference: Double?
        public var meanVariant: Double?
        public var difference: Double?
        public var se: Double?
        /// The 95% confidence interval of the difference (`ci95` in JSON).
        public var ciLow: Double?
        public var ciHigh: Double?

        enum CodingKeys: String, CodingKey {
            case name, kind, scale, n, meanReference, meanVariant, difference, se, ci95
        }

        public init(_ d: DifferenceSummary) {
            name = d.definition.name
            kind = d.definition.kind
            scale = d.scale
            n = d.count
            meanReference = finite(d.meanReference)
            meanVariant = finite(d.meanVariant)
            difference = finite(d.difference)
            se = finite(d.standardError)
            ciLow = finite(d.confidenceLow)
            ciHigh = finite(d.confidenceHigh)
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            kind = try decodeKind(c, .kind)
            let scaleText = try c.decode(String.self, forKey: .scale)
            guard let scale = DifferenceScale(rawValue: scaleText) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .scale,
                    in: c,
                    debugDescription: "unknown difference scale '\(scaleText)' (relative, points or absolute)"
                )
            }
            self.scale = scale
            n = try c.decode(Int.self, forKey: .n)
            meanReference = try c.decodeIfPresent(Double.self, forKey: .meanReference)
            meanVariant = try c.decodeIfPresent(Double.self, forKey: .meanVariant)
            difference = try c.decodeIfPresent(Double.self, forKey: .difference)
            se = try c.decodeIfPresent(Double.self, forKey: .se)
            (ciLow, ciHigh) = try decodeInterval(c, .ci95)
        }

        package var json: JSONValue {
            object(
                CodingKeys.self,
                [
                    .name: .string(name),
                    .kind: .string(kind.rawValue),
                    .scale: .string(scale.rawValue),
                    .n: .number(n),
                    .meanReference: number(meanReference),
                    .meanVariant: number(meanVariant),
                    .difference: number(difference),
                    .se: number(se),
                    .ci95: .array([number(ciLow), number(ciHigh)]),
                ]
            )
        }
    }

    /// One variant's differences from the reference (the first variant).
    public struct VariantDifferences: Sendable, Equatable, Decodable {
        public var variant: String
        public var reference: String
        public var metrics: [MetricDifference]

        enum CodingKeys: String, CodingKey {
            case variant, reference, metrics
        }

        public init(variant: String, reference: String, metrics: [MetricDifference]) {
            self.variant = variant
            self.reference = reference
            self.metrics = metrics
        }

        package var json: JSONValue {
            object(
                CodingKeys.self,
                [
                    .variant: .string(variant),
                    .reference: .string(reference),
                    .metrics: .array(metrics.map(\.json)),
                ]
            )
        }
    }

    /// Variant names as given (`base` for the scenario as written).
    public var variants: [String]
    public var simulations: [SimulationDocument]
    public var differences: [VariantDifferences]
    public var toolVersion: String?

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion, toolVersion, variants, simulations, differences
    }

    public init(_ comparison: ComparisonSummary, toolVersion: String = ToolVersion.current) {
        variants = comparison.names
        simulations = comparison.summaries.map { SimulationDocument($0, toolVersion: toolVersion) }
        differences = comparison.differences.enumerated().map { i, row in
            VariantDifferences(
                variant: comparison.names[i + 1],
                reference: comparison.names[0],
                metrics: row.map(MetricDifference.init)
            )
        }
        self.toolVersion = toolVersion
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        toolVersion = try c.decodeIfPresent(String.self, forKey: .toolVersion)
        variants = try c.decode([String].self, forKey: .variants)
        simulations = try c.decode([SimulationDocument].self, forKey: .simulations)
        differences = try c.decode([VariantDifferences].self, forKey: .differences)
    }

    package var json: JSONValue {
        object(
            CodingKeys.self,
            [
                .schema: .string("tender-comparison"),
                .schemaVersion: .number(SimulationDocumentSchema.version),
                .toolVersion: toolVersion.map(JSONValue.string),
                .variants: .array(variants.map(JSONValue.string)),
                .simulations: .array(simulations.map(\.json)),
                .differences: .array(differences.map(\.json)),
            ]
        )
    }

    /// The document as `tender compare --format json` prints it.
    public var rendered: String { json.rendered(lineSeparators: .literal) }
}

/// A `tender-sweep` document (or the cells of a sweep read from a results database): one simulation per grid
/// cell, in grid order.
public struct SweepDocument: Sendable, Equatable, Decodable {
    public struct Cell: Sendable, Equatable, Decodable {
        /// The cell's position in the grid.
        public var index: Int
        public var simulation: SimulationDocument

        enum CodingKeys: String, CodingKey {
            case index, simulation
        }

        public init(index: Int, simulation: SimulationDocument) {
            self.index = index
            self.simulation = simulation
        }

        package var json: JSONValue { object(CodingKeys.self, [.index: .number(index), .simulation: simulation.json]) }
    }

    public var cells: [Cell]
    /// The grid's axes in order, when the source knows them (a database does; the JSON sorts its keys, so this
    /// is not written).
    public var axes: [String]?
    public var toolVersion: String?

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion, toolVersion, cells
    }

    public init(cells: [Cell], axes: [String]? = nil, toolVersion: String? = ToolVersion.current) {
        self.cells = cells
        self.axes = axes
        self.toolVersion = toolVersion
    }

    /// Finished sweep cells, in grid order.
    public init(_ cells: [CellResult], toolVersion: String = ToolVersion.current) {
        self.init(
            cells: cells.map {
                Cell(index: $0.index, simulation: SimulationDocument($0.summary, toolVersion: toolVersion))
            },
            toolVersion: toolVersion
        )
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        toolVersion = try c.decodeIfPresent(String.self, forKey: .toolVersion)
        cells = try c.decode([Cell].self, forKey: .cells)
        axes = nil
    }

    package var json: JSONValue {
        object(
            CodingKeys.self,
            [
                .schema: .string("tender-sweep"),
                .schemaVersion: .number(SimulationDocumentSchema.version),
                .toolVersion: toolVersion.map(JSONValue.string),
                .cells: .array(cells.map(\.json)),
            ]
        )
    }

    /// The document as `tender sweep --format json` prints it.
    public var rendered: String { json.rendered(lineSeparators: .literal) }

    /// The axes in grid order: as given, or inferred from the cells (the last axis varies fastest).
    public var orderedAxes: [String] {
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
    public func values(of axis: String) -> [String] {
        var seen: [String] = []
        for cell in cells {
            if let value = cell.simulation.parameters[axis], !seen.contains(value) { seen.append(value) }
        }
        return seen
    }
}

// MARK: Shared pieces of the coding

/// The object of the members that are not nil, keys sorted.
private func object<Key: CodingKey & Hashable>(_: Key.Type, _ members: [Key: JSONValue?]) -> JSONValue {
    .object(
        sortingKeys: Dictionary(
            uniqueKeysWithValues: members.compactMap { key, value in value.map { (key.stringValue, $0) } }
        )
    )
}

/// A statistic: its shortest round-trip form, `null` when undefined.
private func number(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }

/// nil for NaN and the infinities (undefined statistics).
private func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

private func decodeKind<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> MetricKind {
    let text = try c.decode(String.self, forKey: key)
    guard let kind = MetricKind(rawValue: text) else {
        let kinds = MetricKind.allCases.map(\.rawValue).joined(separator: ", ")
        throw DecodingError.dataCorruptedError(
            forKey: key,
            in: c,
            debugDescription: "unknown metric kind '\(text)' (\(kinds))"
        )
    }
    return kind
}

/// `[low, high]`, either of them `null`.
private func decodeInterval<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> (Double?, Double?) {
    let values = try c.decodeIfPresent([Double?].self, forKey: key) ?? []
    return (values.first ?? nil, values.count > 1 ? values[1] : nil)
}
