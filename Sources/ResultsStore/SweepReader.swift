import GRDB
import TenderModel
import TenderSimulation

extension ResultsDatabase {
    /// The cells of the most recently stored sweep in the results database at `path` (`tender sweep --db`), as
    /// the document `tender sweep --format json` writes, with the grid's axes in order; and how many other
    /// sweeps (another scenario version, variant, seed or number of replications) the database holds.
    ///
    /// The file is opened read-only: reading a report never changes the database.
    package static func latestSweep(at path: String) throws(StoreError) -> (sweep: SweepDocument, otherSweeps: Int) {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                guard try db.tableExists("cells"), try db.tableExists("cell_metrics") else {
                    throw StoreError("not a tender results database (no cells table)")
                }
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM cells ORDER BY id")
                guard let latest = rows.last else { throw StoreError(try noCellsMessage(db, path: path)) }
                /// A sweep: the cells of one digest, variant, seed and number of replications (whatever their
                /// parameters).
                func key(_ row: Row) -> CellKey { CellKey(identity(row, parameters: [])) }
                let others = Set(rows.map(key)).count - 1
                var axes: [String] = []
                let cells = try rows.filter { key($0) == key(latest) }
                    .sorted {
                        ($0["cell_index"] as Int, $0["id"] as Int64) < ($1["cell_index"] as Int, $1["id"] as Int64)
                    }
                    .map { row -> SweepDocument.Cell in
                        let id: Int64 = row["id"]
                        let parameters = try Row.fetchAll(
                            db,
                            sql: "SELECT path, value FROM cell_parameters WHERE cell_id = ? ORDER BY position",
                            arguments: [id]
                        ).map { GridValue(path: $0["path"], value: $0["value"]) }
                        for parameter in parameters where !axes.contains(parameter.path) { axes.append(parameter.path) }
                        let identity = identity(row, parameters: parameters)
                        let summary = SimulationSummary(
                            identity: identity,
                            lots: splitLots(row["lots"]),
                            replications: identity.replications,
                            metrics: try metrics(db, table: "cell_metrics", owner: "cell_id", id: id)
                        )
                        return SweepDocument.Cell(
                            index: row["cell_index"],
                            simulation: SimulationDocument(summary, toolVersion: row["tool_version"])
                        )
                    }
                return (SweepDocument(cells: cells, axes: axes, toolVersion: latest["tool_version"]), others)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot read the results database: \(error)")
        }
    }

    /// Why a database without sweep cells cannot be reported, and what it holds instead: the simulations
    /// stored by `tender simulate --db` (whole or sharded and merged) are read by `tender simulate`, not by
    /// `tender report`.
    static func noCellsMessage(_ db: Database, path: String) throws -> String {
        let head =
            "the results database holds no sweep cells ('tender report DB' reads the cells of 'tender sweep --db')"
        guard try db.tableExists("simulations") else { return head }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.file, s.scenario, s.variant, s.seed, s.replications, s.shards,
                       EXISTS (SELECT 1 FROM simulation_metrics m WHERE m.simulation_id = s.id) AS finished
                FROM simulations s ORDER BY s.id
                """
        )
        guard let first = rows.first else { return head }
        let listed = rows.prefix(3).map { row -> String in
            let variant: String = row["variant"]
            let shards: Int = row["shards"]
            let finished: Bool = row["finished"]
            let scenario: String = row["scenario"]
            let replications: Int = row["replications"]
            let seed: String = row["seed"]
            return "'\(scenario.shownInMessage())', variant \(variant.isEmpty ? "base" : variant.shownInMessage()), "
                + "seed \(seed), \(replications) replications"
                + (shards > 1 ? " in \(shards) shards" : "")
                + (finished ? "" : " (statistics not computed yet: shards missing)")
        }
        let more = rows.count > 3 ? "; and \(rows.count - 3) more" : ""
        let variant: String = first["variant"]
        let seed: String = first["seed"]
        let replications: Int = first["replications"]
        let file: String = first["file"]
        let command =
            "tender simulate \(file.shownInMessage(limit: 300))"
            + (variant.isEmpty ? "" : " --variant \(variant.shownInMessage())")
            + " --seed \(seed) --replications \(replications) --db \(path.escapingControlCharacters)"
        return head + "; it holds \(rows.count == 1 ? "a simulation" : "\(rows.count) simulations"): "
            + listed.joined(separator: "; ") + more
            + ". A simulation's statistics are read by 'tender simulate' on the scenario it was run on, "
            + "e.g. '\(command)' (add '--format json > sim.json', then 'tender report sim.json --html FILE' "
            + "for the HTML report)"
    }
}

extension String {
    /// Text from a database shown in a message: control characters escaped, at most `limit` characters.
    fileprivate func shownInMessage(limit: Int = 60) -> String {
        let escaped = escapingControlCharacters
        return escaped.count > limit ? String(escaped.prefix(limit)) + "…" : escaped
    }
}
