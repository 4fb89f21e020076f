import ExactNumbers
import Foundation
import GRDB
import TenderEngine
import TenderSimulation

/// A problem with a results database, said so that a user can act on it.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package let description: String
    /// The database's content is wrong (not a database, corrupt, a record out of place): the command's input
    /// is invalid (exit 65). Otherwise the file could not be opened, read or written (exit 74).
    package let isInvalidData: Bool

    init(_ description: String, invalidData: Bool = true) {
        self.description = description
        self.isInvalidData = invalidData
    }

    static func wrap<T>(_ path: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            let invalid = [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT, .SQLITE_MISMATCH].contains(error.resultCode)
            throw StoreError("\(path): \(error.message ?? error.description)", invalidData: invalid)
        } catch {
            throw StoreError("\(path): \(error)", invalidData: false)
        }
    }
}

/// The SQLite file of sweeps and sharded simulations. Every write is one transaction: a process killed at
/// any moment leaves whole cells and whole record batches, never half of one.
package final class ResultsDatabase: SweepStore, ShardStore {
    package let path: String
    let queue: DatabaseQueue

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    package init(path: String) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        queue = try StoreError.wrap(path) {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try Schema.migrator().migrate(queue)
            return queue
        }
    }

    // MARK: Sweep cells

    package func hasCell(_ key: CellKey) throws -> Bool {
        try StoreError.wrap(path) {
            try queue.read { db in try cellID(db, key, schema: "main") != nil }
        }
    }

    package func commit(_ cell: CellResult) throws {
        try StoreError.wrap(path) {
            try queue.write { db in
                let id = cell.summary.identity
                let key = CellKey(id)
                guard try cellID(db, key, schema: "main") == nil else { return }
                try db.execute(
                    sql: """
                        INSERT INTO cells (digest, variant, parameters, seed, replications, shard, cell_index, file,
                                           scenario, lots, tool_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        key.digest, key.variant, key.parameters, String(key.seed), key.replications,
                        cell.shard.description, cell.index, id.file, id.scenario, Self.joinLots(cell.summary.lots),
                        ToolVersion.current,
                    ]
                )
                let rowID = db.lastInsertedRowID
                for (position, parameter) in id.parameters.enumerated() {
                    let number = parameter.number
                    try db.execute(
                        sql: """
                            INSERT INTO cell_parameters (cell_id, position, path, value, exact, number)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            rowID, position, parameter.path, parameter.value, number?.description,
                            number.map(ExactConversion.double),
                        ]
                    )
                }
                try Self.insertMetrics(db, table: "cell_metrics", owner: "cell_id", id: rowID, cell.summary.metrics)
            }
        }
    }

    /// The stored cells with the sweep's digest, variant, seed and replications, in grid order.
    package func cells(digest: String, variant: String?, seed: UInt64, replications: Int) throws -> [CellResult] {
        try StoreError.wrap(path) {
            try queue.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM cells WHERE digest = ? AND variant = ? AND seed = ? AND replications = ?
                        ORDER BY cell_index, id
                        """,
                    arguments: [digest, variant ?? "", String(seed), replications]
                )
                return try rows.map { row in
                    let rowID: Int64 = row["id"]
                    let parameters = try Row.fetchAll(
                        db,
                        sql: "SELECT path, value FROM cell_parameters WHERE cell_id = ? ORDER BY position",
                        arguments: [rowID]
                    ).map { GridValue(path: $0["path"], value: $0["value"]) }
                    let identity = Self.identity(row, parameters: parameters)
                    let metrics = try Self.metrics(db, table: "cell_metrics", owner: "cell_id", id: rowID)
                    let summary = SimulationSummary(
                        identity: identity,
                        lots: Self.splitLots(row["lots"]),
                        replications: identity.replications,
                        metrics: metrics
                    )
                    let shard = (try? Shard(parsing: row["shard"] as String)) ?? .whole
                    return CellResult(index: row["cell_index"], shard: shard, summary: summary)
                }
            }
        }
    }

    static func cellIDQuery(_ schema: String) -> String {
        """
        SELECT id FROM \(schema).cells
        WHERE digest = ? AND variant = ? AND parameters = ? AND seed = ? AND replications = ?
        """
    }

    func cellID(_ db: Database, _ key: CellKey, schema: String) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: Self.cellIDQuery(schema),
            arguments: [key.digest, key.variant, key.parameters, String(key.seed), key.replications]
        )
    }

    // MARK: Simulations

    /// A finished simulation's stored statistics (from an unsharded run, or computed when its shards were
    /// merged), or nil.
    package func storedSummary(_ identity: SimulationIdentity) throws -> SimulationSummary? {
        try StoreError.wrap(path) {
            try queue.read { db in
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.* FROM simulations s
                        WHERE digest = ? AND variant = ? AND seed = ? AND replications = ?
                          AND EXISTS (SELECT 1 FROM simulation_metrics m WHERE m.simulation_id = s.id)
                        ORDER BY shards, id LIMIT 1
                        """,
                    arguments: [identity.digest, identity.variant ?? "", String(identity.seed), identity.replications]
                )
                guard let row else { return nil }
                return try Self.summary(db, row, file: identity.file)
            }
        }
    }

    /// Stores the statistics of an unsharded simulation.
    package func storeSummary(_ summary: SimulationSummary) throws {
        try StoreError.wrap(path) {
            try queue.write { db in
                let simulation = try Self.simulationRow(
                    db,
                    summary.identity,
                    names: summary.metrics.map(\.definition),
                    lots: summary.lots,
                    shards: 1
                )
                try db.execute(
                    sql: "INSERT OR IGNORE INTO simulation_shards (simulation_id, shard, complete) VALUES (?, 0, 1)",
                    arguments: [simulation]
                )
                try db.execute(sql: "DELETE FROM simulation_metrics WHERE simulation_id = ?", arguments: [simulation])
                try Self.insertMetrics(
                    db,
                    table: "simulation_metrics",
                    owner: "simulation_id",
                    id: simulation,
                    summary.metrics
                )
            }
        }
    }

    /// The simulation row for a shard (created if needed), and whether that shard is already complete.
    package func beginShard(
        _ identity: SimulationIdentity,
        catalog: MetricCatalog,
        shard: Shard
    ) throws -> (simulation: Int64, complete: Bool) {
        try StoreError.wrap(path) {
            try queue.write { db in
                let simulation = try Self.simulationRow(
                    db,
                    identity,
                    names: catalog.definitions,
                    lots: catalog.lots,
                    shards: shard.count
                )
                try db.execute(
                    sql: "INSERT OR IGNORE INTO simulation_shards (simulation_id, shard, complete) VALUES (?, ?, 0)",
                    arguments: [simulation, shard.index]
                )
                let complete =
                    try Bool.fetchOne(
                        db,
                        sql: "SELECT complete FROM simulation_shards WHERE simulation_id = ? AND shard = ?",
                        arguments: [simulation, shard.index]
                    ) ?? false
                return (simulation, complete)
            }
        }
    }

    /// Stores a batch of records in one transaction (a rerun replaces what an interrupted one left).
    package func appendRecords(_ records: [ReplicationRecord], simulation: Int64) throws {
        try StoreError.wrap(path) {
            try queue.write { db in
                for record in records {
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO replication_records (simulation_id, replication, value_bits, exact)
                            VALUES (?, ?, ?, ?)
                            """,
                        arguments: [
                            simulation, record.replication, RecordCoding.bits(record.values),
                            RecordCoding.text(record.exact),
                        ]
                    )
                }
            }
        }
    }

    /// Marks a shard complete once all its records are stored.
    package func completeShard(simulation: Int64, shard: Shard) throws {
        try StoreError.wrap(path) {
            try queue.write { db in
                try db.execute(
                    sql: "UPDATE simulation_shards SET complete = 1 WHERE simulation_id = ? AND shard = ?",
                    arguments: [simulation, shard.index]
                )
            }
        }
    }

    /// The statistics of a shard's stored records, folded in replication order.
    package func shardSummary(simulation: Int64, shard: Shard, identity: SimulationIdentity) throws -> SimulationSummary
    {
        try StoreError.wrap(path) {
            try queue.read { db in
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: "SELECT * FROM simulations WHERE id = ?",
                        arguments: [simulation]
                    )
                else {
                    throw StoreError("\(path): simulation \(simulation) is missing")
                }
                let catalog = try Self.catalog(row)
                let cursor = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT replication, value_bits, exact FROM replication_records
                        WHERE simulation_id = ? AND replication % ? = ? ORDER BY replication
                        """,
                    arguments: [simulation, shard.count, shard.index]
                )
                return try Self.fold(cursor, catalog: catalog, identity: identity)
            }
        }
    }

    // MARK: Merging

    /// What a merge did.
    package struct MergeReport: Sendable {
        package var cellsAdded = 0
        package var cellsAlreadyPresent = 0
        package var recordsAdded = 0
        /// Sharded simulations whose shards are now all present: their statistics were computed and stored.
        package var completed: [SimulationSummary] = []
        /// Sharded simulations still missing shards: (scenario, missing shard indices).
        package var incomplete: [(scenario: String, missing: [Int], shards: Int)] = []

        package init() {}
    }

    /// Copies the cells, simulations, shards and records of the database at `source` into this one; what is
    /// already here (same key) is kept, so merging the same file twice changes nothing.
    package func merge(from source: String, into report: inout MergeReport) throws {
        guard FileManager.default.fileExists(atPath: source) else { throw StoreError("\(source): no such file") }
        // Bring the source's schema up to date (and check it is a results database) before attaching it.
        _ = try ResultsDatabase(path: source)
        let path = self.path
        report = try StoreError.wrap(path) {
            var report = report
            try queue.inDatabase { db in
                try db.execute(sql: "ATTACH DATABASE ? AS src", arguments: [source])
                defer { try? db.execute(sql: "DETACH DATABASE src") }
                try db.inTransaction {
                    let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.cells") ?? 0
                    let offered = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM src.cells") ?? 0
                    try db.execute(
                        sql: """
                            INSERT INTO main.cells (digest, variant, parameters, seed, replications, shard, cell_index, file,
                                                    scenario, lots, tool_version)
                            SELECT digest, variant, parameters, seed, replications, shard, cell_index, file, scenario, lots,
                                   tool_version
                            FROM src.cells ORDER BY id
                            ON CONFLICT DO NOTHING
                            """
                    )
                    let join = """
                        FROM src.cells s JOIN main.cells m ON m.digest = s.digest AND m.variant = s.variant
                            AND m.parameters = s.parameters AND m.seed = s.seed AND m.replications = s.replications
                        """
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO main.cell_parameters (cell_id, position, path, value, exact, number)
                            SELECT m.id, p.position, p.path, p.value, p.exact, p.number
                            \(join) JOIN src.cell_parameters p ON p.cell_id = s.id
                            """
                    )
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO main.cell_metrics
                            SELECT m.id, x.position, x.metric, x.kind, x.description, x.n, x.undefined, x.mean, x.sd, x.se,
                                   x.ci_low, x.ci_high, x.p5, x.p50, x.p95, x.min, x.max, x.total, x.quantiles
                            \(join) JOIN src.cell_metrics x ON x.cell_id = s.id
                            """
                    )
                    let after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.cells") ?? 0
                    report.cellsAdded += after - before
                    report.cellsAlreadyPresent += offered - (after - before)

                    try db.execute(
                        sql: """
                            INSERT INTO main.simulations (digest, variant, seed, replications, shards, file, scenario, lots,
                                                          metric_names, tool_version)
                            SELECT digest, variant, seed, replications, shards, file, scenario, lots, metric_names,
                                   tool_version
                            FROM src.simulations ORDER BY id
                            ON CONFLICT DO NOTHING
                            """
                    )
                    let simulations = """
                        FROM src.simulations s JOIN main.simulations m ON m.digest = s.digest AND m.variant = s.variant
                            AND m.seed = s.seed AND m.replications = s.replications AND m.shards = s.shards
                        """
                    try db.execute(
                        sql: """
                            INSERT INTO main.simulation_shards (simulation_id, shard, complete)
                            SELECT m.id, x.shard, x.complete \(simulations) JOIN src.simulation_shards x ON x.simulation_id = s.id
                            WHERE true
                            ON CONFLICT (simulation_id, shard) DO UPDATE SET complete = max(complete, excluded.complete)
                            """
                    )
                    let records = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.replication_records") ?? 0
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO main.replication_records (simulation_id, replication, value_bits, exact)
                            SELECT m.id, x.replication, x.value_bits, x.exact
                            \(simulations) JOIN src.replication_records x ON x.simulation_id = s.id
                            """
                    )
                    report.recordsAdded +=
                        (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.replication_records") ?? 0) - records
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO main.simulation_metrics
                            SELECT m.id, x.position, x.metric, x.kind, x.description, x.n, x.undefined, x.mean, x.sd, x.se,
                                   x.ci_low, x.ci_high, x.p5, x.p50, x.p95, x.min, x.max, x.total, x.quantiles
                            \(simulations) JOIN src.simulation_metrics x ON x.simulation_id = s.id
                            """
                    )
                    return .commit
                }
            }
            return report
        }
    }

    /// Computes and stores the statistics of every sharded simulation whose shards are all complete and that
    /// has none yet (folding its records in replication order); lists those still missing shards.
    package func finishMergedSimulations(into report: inout MergeReport) throws {
        let path = self.path
        report = try StoreError.wrap(path) {
            var report = report
            let rows = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM simulations WHERE shards > 1 ORDER BY id")
            }
            for row in rows {
                let id: Int64 = row["id"]
                let shards: Int = row["shards"]
                let complete = try queue.read { db in
                    try Int.fetchAll(
                        db,
                        sql: "SELECT shard FROM simulation_shards WHERE simulation_id = ? AND complete = 1",
                        arguments: [id]
                    )
                }
                let missing = (0..<shards).filter { !complete.contains($0) }
                guard missing.isEmpty else {
                    report.incomplete.append((row["scenario"], missing, shards))
                    continue
                }
                let hasSummary = try queue.read { db in
                    try Bool.fetchOne(
                        db,
                        sql: "SELECT EXISTS (SELECT 1 FROM simulation_metrics WHERE simulation_id = ?)",
                        arguments: [id]
                    ) ?? false
                }
                if hasSummary { continue }
                let identity = Self.identity(row, parameters: [])
                let summary = try queue.read { db -> SimulationSummary in
                    let count =
                        try Int.fetchOne(
                            db,
                            sql: "SELECT COUNT(*) FROM replication_records WHERE simulation_id = ?",
                            arguments: [id]
                        ) ?? 0
                    guard count == identity.replications else {
                        throw StoreError(
                            "\(path): \(identity.scenario): \(count) of \(identity.replications) replication records present although every shard is marked complete"
                        )
                    }
                    let cursor = try Row.fetchCursor(
                        db,
                        sql:
                            "SELECT replication, value_bits, exact FROM replication_records WHERE simulation_id = ? ORDER BY replication",
                        arguments: [id]
                    )
                    return try Self.fold(cursor, catalog: try Self.catalog(row), identity: identity)
                }
                try queue.write { db in
                    try Self.insertMetrics(
                        db,
                        table: "simulation_metrics",
                        owner: "simulation_id",
                        id: id,
                        summary.metrics
                    )
                }
                report.completed.append(summary)
            }
            return report
        }
    }

    // MARK: Rows

    static func simulationRow(
        _ db: Database,
        _ identity: SimulationIdentity,
        names: [MetricDefinition],
        lots: [String],
        shards: Int
    ) throws -> Int64 {
        let key: StatementArguments = [
            identity.digest, identity.variant ?? "", String(identity.seed), identity.replications, shards,
        ]
        let query =
            "SELECT id FROM simulations WHERE digest = ? AND variant = ? AND seed = ? AND replications = ? AND shards = ?"
        if let id = try Int64.fetchOne(db, sql: query, arguments: key) { return id }
        try db.execute(
            sql: """
                INSERT INTO simulations (digest, variant, seed, replications, shards, file, scenario, lots, metric_names,
                                         tool_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                identity.digest, identity.variant ?? "", String(identity.seed), identity.replications, shards,
                identity.file,
                identity.scenario, joinLots(lots),
                names.map { "\($0.name)\t\($0.kind.rawValue)\t\($0.summary)" }.joined(separator: "\n"),
                ToolVersion.current,
            ]
        )
        return db.lastInsertedRowID
    }

    static func catalog(_ row: Row) throws -> MetricCatalog {
        let text: String = row["metric_names"]
        let definitions = try text.split(separator: "\n").map { line -> MetricDefinition in
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let kind = MetricKind(rawValue: parts[1]) else {
                throw StoreError("unreadable metric definition '\(line)'")
            }
            return MetricDefinition(name: parts[0], kind: kind, summary: parts[2])
        }
        return MetricCatalog(definitions: definitions)
    }

    static func fold(_ cursor: RowCursor, catalog: MetricCatalog, identity: SimulationIdentity) throws
        -> SimulationSummary
    {
        var statistics = StatisticsAccumulator(catalog: catalog)
        while let row = try cursor.next() {
            let record = ReplicationRecord(
                replication: row["replication"],
                values: RecordCoding.values(row["value_bits"]),
                exact: RecordCoding.exact(row["exact"])
            )
            guard (0..<identity.replications).contains(record.replication) else {
                throw StoreError(
                    "\(identity.scenario): replication record \(record.replication): expected a replication index "
                        + "from 0 to \(identity.replications - 1)"
                )
            }
            guard record.values.count == catalog.count, record.exact.count == catalog.count else {
                throw StoreError("replication \(record.replication): the record does not match the metric list")
            }
            statistics.add(record)
        }
        return SimulationSummary(
            identity: identity,
            lots: catalog.lots,
            replications: statistics.replications,
            metrics: statistics.summaries
        )
    }

    static func summary(_ db: Database, _ row: Row, file: String) throws -> SimulationSummary {
        let id: Int64 = row["id"]
        var identity = identity(row, parameters: [])
        identity.file = file
        return SimulationSummary(
            identity: identity,
            lots: splitLots(row["lots"]),
            replications: identity.replications,
            metrics: try metrics(db, table: "simulation_metrics", owner: "simulation_id", id: id)
        )
    }

    static func identity(_ row: Row, parameters: [GridValue]) -> SimulationIdentity {
        let variant: String = row["variant"]
        let seed: String = row["seed"]
        return SimulationIdentity(
            file: row["file"],
            scenario: row["scenario"],
            variant: variant.isEmpty ? nil : variant,
            digest: row["digest"],
            seed: UInt64(seed) ?? 0,
            replications: row["replications"],
            parameters: parameters
        )
    }

    static func joinLots(_ lots: [String]) -> String { lots.joined(separator: "\n") }
    static func splitLots(_ text: String) -> [String] { text.isEmpty ? [] : text.components(separatedBy: "\n") }

    static func insertMetrics(_ db: Database, table: String, owner: String, id: Int64, _ metrics: [MetricSummary])
        throws
    {
        for (position, m) in metrics.enumerated() {
            func real(_ x: Double) -> Double? { x.isNaN ? nil : x }
            try db.execute(
                sql: """
                    INSERT INTO \(table) (\(owner), position, metric, kind, description, n, undefined, mean, sd, se, ci_low,
                                         ci_high, p5, p50, p95, min, max, total, quantiles)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, position, m.definition.name, m.definition.kind.rawValue, m.definition.summary, m.count,
                    m.undefined,
                    real(m.mean), real(m.standardDeviation), real(m.standardError), real(m.confidenceLow),
                    real(m.confidenceHigh), real(m.p5), real(m.p50), real(m.p95), real(m.minimum), real(m.maximum),
                    m.total?.description, m.quantilesExact ? "exact" : "p2",
                ]
            )
        }
    }

    static func metrics(_ db: Database, table: String, owner: String, id: Int64) throws -> [MetricSummary] {
        try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE \(owner) = ? ORDER BY position", arguments: [id]).map {
            row in
            func real(_ column: String) -> Double { (row[column] as Double?) ?? .nan }
            let kindText: String = row["kind"]
            guard let kind = MetricKind(rawValue: kindText) else {
                throw StoreError("unknown metric kind '\(kindText)'")
            }
            let total: String? = row["total"]
            let quantiles: String = row["quantiles"]
            return MetricSummary(
                definition: MetricDefinition(name: row["metric"], kind: kind, summary: row["description"]),
                count: row["n"],
                undefined: row["undefined"],
                mean: real("mean"),
                standardDeviation: real("sd"),
                standardError: real("se"),
                confidenceLow: real("ci_low"),
                confidenceHigh: real("ci_high"),
                p5: real("p5"),
                p50: real("p50"),
                p95: real("p95"),
                minimum: real("min"),
                maximum: real("max"),
                total: total.flatMap { Exact($0) },
                quantilesExact: quantiles == "exact"
            )
        }
    }
}

/// How a replication record is stored: the values as little-endian IEEE 754 bit patterns (exact round
/// trip), the exact values as their decimal or fraction text separated by spaces (`-` where there is none).
enum RecordCoding {
    static func bits(_ values: [Double]) -> Data {
        var data = Data(capacity: values.count * 8)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func values(_ data: Data) -> [Double] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - bytes.count % 8, by: 8).map { start in
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(bytes[start + i]) << (8 * UInt64(i)) }
            return Double(bitPattern: bits)
        }
    }

    static func text(_ exact: [Exact?]) -> String {
        exact.map { $0?.description ?? "-" }.joined(separator: " ")
    }

    static func exact(_ text: String) -> [Exact?] {
        text.split(separator: " ", omittingEmptySubsequences: false).map { $0 == "-" ? nil : Exact(String($0)) }
    }
}
