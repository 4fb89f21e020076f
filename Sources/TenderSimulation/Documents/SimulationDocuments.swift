import ExactNumbers
import JSONOutput
import TenderEngine

// The documents of `tender simulate`, `compare` and `sweep` (schema in `Docs/simulation.md`), each defined once:
// built from the statistics (``SimulationSummary``, ``ComparisonSummary``, ``CellResult``) or decoded from JSON
// (`tender report` and `tender export`), and read from a results database (ResultsStore). Each type's
// `CodingKeys` is its one list of keys: `json` writes them (sorted, numbers in `Double`'s shortest round-trip form,
// NaN and the infinities as `null`) and `init(from:)` reads them.

/// The schema version written in every simulation document.
package enum SimulationDocumentSchema {
    package static let version = 1
}

/// The statistics of one metric over the replications of a simulation. Statistics are floating point (nil
/// where undefined: `null` in JSON, NULL in SQLite); `total` is exact.
package struct MetricStatistics: Sendable, Equatable, Decodable {
    /// The metric: its name (`contract`, `lot[concrete].contract`), kind and description.
    package var definition: MetricDefinition
    /// Replications where the metric was defined, and where it was not.
    package var n: Int
    package var undefined: Int
    package var mean: Double?
    package var sd: Double?
    package var se: Double?
    /// The 95% confidence interval of the mean (`ci95` in JSON: `[low, high]`).
    package var ciLow: Double?
    package var ciHigh: Double?
    package var p5: Double?
    package var p50: Double?
    package var p95: Double?
    package var min: Double?
    package var max: Double?
    /// `exact` or `p2` (absent from documents of other writers).
    package var quantiles: String?
    /// The exact sum over the replications (amounts, counts, indicators).
    package var total: Exact?

    package var name: String { definition.name }
    package var kind: MetricKind { definition.kind }

    enum CodingKeys: String, CodingKey {
        case name, kind, description, n, undefined, mean, sd, se, ci95, p5, p50, p95, min, max, quantiles, total
    }

    package init(_ m: MetricSummary) {
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

    package init(from decoder: any Decoder) throws {
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
package struct SimulationDocument: Sendable, Equatable, Decodable {
    /// The scenario file as given on the command line.
    package var file: String?
    package var scenario: String
    /// The variant, or nil for the scenario as written.
    package var variant: String?
    package var digest: String?
    package var seed: UInt64
    /// Replications requested (all shards together).
    package var replications: Int
    /// Replications folded into these statistics (a shard's part of `replications`).
    package var replicationsFolded: Int?
    /// Override path → value, for a sweep cell.
    package var parameters: [String: String]
    package var lots: [String]
    package var metrics: [MetricStatistics]
    /// The shard, on a shard's own output.
    package var shard: Shard?
    package var toolVersion: String?

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion, toolVersion, file, scenario, variant, digest, seed, replications
        case replicationsFolded, parameters, lots, metrics, shard
    }

    /// The document of a simulation's statistics; `shard` is written only for a part of a sharded simulation.
    package init(_ summary: SimulationSummary, shard: Shard = .whole, toolVersion: String = ToolVersion.current) {
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

    package init(from decoder: any Decoder) throws {
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
    package var rendered: String { json.rendered(lineSeparators: .literal) }

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
package struct ComparisonDocument: Sendable, Equatable, Decodable {
    /// A paired difference of one run metric between a variant and the reference.
    package struct MetricDifference: Sendable, Equatable, Decodable {
        package var name: String
        package var kind: MetricKind
        /// `relative` (a ratio − 1), `points` (a difference of shares) or `absolute`.
        package var scale: DifferenceScale
        /// Replications where the metric was defined under both.
        package var n: Int
        package var meanReference: Double?
        package var meanVariant: Double?
        package var difference: Double?
        package var se: Double?
        /// The 95% confidence interval of the difference (`ci95` in JSON).
        package var ciLow: Double?
        package var ciHigh: Double?

        enum CodingKeys: String, CodingKey {
            case name, kind, scale, n, meanReference, meanVariant, difference, se, ci95
        }

        package init(_ d: DifferenceSummary) {
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

        package init(from decoder: any Decoder) throws {
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
    package struct VariantDifferences: Sendable, Equatable, Decodable {
        package var variant: String
        package var reference: String
        package var metrics: [MetricDifference]
        /// True when every replication gave exactly the reference's figures (every metric, run and lot): the
        /// variant had no effect. Absent in documents written before it was added.
        package var sameOutcome: Bool?

        enum CodingKeys: String, CodingKey {
            case variant, reference, metrics, sameOutcome
        }

        package init(variant: String, reference: String, metrics: [MetricDifference], sameOutcome: Bool? = nil) {
            self.variant = variant
            self.reference = reference
            self.metrics = metrics
            self.sameOutcome = sameOutcome
        }

        package var json: JSONValue {
            object(
                CodingKeys.self,
                [
                    .variant: .string(variant),
                    .reference: .string(reference),
                    .metrics: .array(metrics.map(\.json)),
                    .sameOutcome: sameOutcome.map(JSONValue.bool),
                ]
            )
        }
    }

    /// Variant names as given (`base` for the scenario as written).
    package var variants: [String]
    /// Each variant's description from the scenario, "" where it has none (absent in documents written before
    /// descriptions were added).
    package var descriptions: [String]?
    package var simulations: [SimulationDocument]
    package var differences: [VariantDifferences]
    package var toolVersion: String?
    /// The variant that is the no-pooling counterfactual (`--against decentralised`), absent otherwise.
    package var decentralised: String?

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion, toolVersion, variants, descriptions, decentralised, simulations, differences
    }

    package init(_ comparison: ComparisonSummary, toolVersion: String = ToolVersion.current) {
        variants = comparison.names
        descriptions = comparison.descriptions.count == comparison.names.count ? comparison.descriptions : nil
        simulations = comparison.summaries.map { SimulationDocument($0, toolVersion: toolVersion) }
        differences = comparison.differences.enumerated().map { i, row in
            VariantDifferences(
                variant: comparison.names[i + 1],
                reference: comparison.names[0],
                metrics: row.map(MetricDifference.init),
                sameOutcome: i < comparison.sameOutcome.count ? comparison.sameOutcome[i] : nil
            )
        }
        self.toolVersion = toolVersion
        decentralised = comparison.decentralised
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        toolVersion = try c.decodeIfPresent(String.self, forKey: .toolVersion)
        variants = try c.decode([String].self, forKey: .variants)
        decentralised = try c.decodeIfPresent(String.self, forKey: .decentralised)
        descriptions = try c.decodeIfPresent([String].self, forKey: .descriptions)
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
                .descriptions: descriptions.map { .array($0.map(JSONValue.string)) },
                .decentralised: decentralised.map(JSONValue.string),
                .simulations: .array(simulations.map(\.json)),
                .differences: .array(differences.map(\.json)),
            ]
        )
    }

    /// The document as `tender compare --format json` prints it.
    package var rendered: String { json.rendered(lineSeparators: .literal) }
}

/// A `tender-sweep` document (or the cells of a sweep read from a results database): one simulation per grid
/// cell, in grid order.
package struct SweepDocument: Sendable, Equatable, Decodable {
    package struct Cell: Sendable, Equatable, Decodable {
        /// The cell's position in the grid.
        package var index: Int
        package var simulation: SimulationDocument

        enum CodingKeys: String, CodingKey {
            case index, simulation
        }

        package init(index: Int, simulation: SimulationDocument) {
            self.index = index
            self.simulation = simulation
        }

        package var json: JSONValue { object(CodingKeys.self, [.index: .number(index), .simulation: simulation.json]) }
    }

    package var cells: [Cell]
    /// The grid's axes in order, when the source knows them (a database does; the JSON sorts its keys, so this
    /// is not written).
    package var axes: [String]?
    package var toolVersion: String?

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion, toolVersion, cells
    }

    package init(cells: [Cell], axes: [String]? = nil, toolVersion: String? = ToolVersion.current) {
        self.cells = cells
        self.axes = axes
        self.toolVersion = toolVersion
    }

    /// Finished sweep cells, in grid order.
    package init(_ cells: [CellResult], toolVersion: String = ToolVersion.current) {
        self.init(
            cells: cells.map {
                Cell(index: $0.index, simulation: SimulationDocument($0.summary, toolVersion: toolVersion))
            },
            toolVersion: toolVersion
        )
    }

    package init(from decoder: any Decoder) throws {
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
    package var rendered: String { json.rendered(lineSeparators: .literal) }

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
