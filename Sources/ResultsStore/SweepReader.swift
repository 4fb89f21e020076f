import GRDB
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
                guard let latest = rows.last else { throw StoreError("the results database holds no sweep cells") }
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
}
