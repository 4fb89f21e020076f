import Foundation
import GRDB
import TenderExport

/// Reads the cells of a sweep from a results database (`tender sweep --db`), by the tables Docs/simulation.md
/// documents, into the document `tender sweep --format json` writes.
///
/// A database may hold several sweeps (another scenario version, variant, seed or number of replications): the
/// most recently stored one is read, and the others are counted.
enum SweepDatabaseReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The latest sweep in the database, and how many other sweeps it holds.
    static func read(_ path: String) throws -> (sweep: SweepDocument, otherSweeps: Int) {
        var configuration = Configuration()
        configuration.readonly = true
        let rows: [Row]
        let parameters: [Row]
        let metrics: [Row]
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            (rows, parameters, metrics) = try queue.read { db in
                guard try db.tableExists("cells"), try db.tableExists("cell_metrics") else {
                    throw Failure(description: "not a tender results database (no cells table)")
                }
                return (
                    try Row.fetchAll(db, sql: "SELECT * FROM cells ORDER BY id"),
                    try Row.fetchAll(db, sql: "SELECT * FROM cell_parameters ORDER BY cell_id, position"),
                    try Row.fetchAll(db, sql: "SELECT * FROM cell_metrics ORDER BY cell_id, position")
                )
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot read the results database: \(error)")
        }
        func key(_ row: Row) -> String {
            [
                row["digest"] as String? ?? "", row["variant"] as String? ?? "", row["seed"] as String? ?? "",
                String(row["replications"] as Int? ?? 0),
            ].joined(separator: "\u{1F}")
        }
        guard let latest = rows.last else { throw Failure(description: "the results database holds no sweep cells") }
        let groups = Set(rows.map(key))
        let cells = rows.filter { key($0) == key(latest) }
            .sorted {
                ($0["cell_index"] as Int? ?? 0, $0["id"] as Int64) < ($1["cell_index"] as Int? ?? 0, $1["id"] as Int64)
            }
        let ids = Set(cells.map { $0["id"] as Int64 })
        var parametersByCell: [Int64: [(String, String)]] = [:]
        var axes: [String] = []
        for row in parameters where ids.contains(row["cell_id"]) {
            let path: String = row["path"]
            parametersByCell[row["cell_id"], default: []].append((path, row["value"]))
            if !axes.contains(path) { axes.append(path) }
        }
        var metricsByCell: [Int64: [[String: Any]]] = [:]
        for row in metrics where ids.contains(row["cell_id"]) {
            func real(_ column: String) -> Any { (row[column] as Double?).map { $0 as Any } ?? NSNull() }
            var metric: [String: Any] = [
                "name": row["metric"] as String, "kind": row["kind"] as String,
                "description": row["description"] as String? ?? "", "n": row["n"] as Int,
                "undefined": row["undefined"] as Int, "mean": real("mean"), "sd": real("sd"), "se": real("se"),
                "ci95": [real("ci_low"), real("ci_high")], "p5": real("p5"), "p50": real("p50"), "p95": real("p95"),
                "min": real("min"), "max": real("max"), "quantiles": row["quantiles"] as String? ?? "",
            ]
            if let total = row["total"] as String? { metric["total"] = total }
            metricsByCell[row["cell_id"], default: []].append(metric)
        }
        let document: [String: Any] = [
            "schema": "tender-sweep",
            "cells": cells.map { cell -> [String: Any] in
                let id: Int64 = cell["id"]
                let variant = cell["variant"] as String? ?? ""
                let lots = cell["lots"] as String? ?? ""
                return [
                    "index": cell["cell_index"] as Int? ?? 0,
                    "simulation": [
                        "schema": "tender-simulation", "file": cell["file"] as String? ?? "",
                        "scenario": cell["scenario"] as String? ?? "", "variant": variant.isEmpty ? NSNull() : variant,
                        "digest": cell["digest"] as String? ?? "", "seed": cell["seed"] as String? ?? "",
                        "replications": cell["replications"] as Int? ?? 0,
                        "parameters": Dictionary(parametersByCell[id] ?? [], uniquingKeysWith: { a, _ in a }),
                        "lots": lots.isEmpty ? [] : lots.components(separatedBy: "\n"),
                        "metrics": metricsByCell[id] ?? [],
                    ] as [String: Any],
                ]
            },
        ]
        do {
            var sweep = try JSONDecoder().decode(
                SweepDocument.self,
                from: try JSONSerialization.data(withJSONObject: document)
            )
            sweep.axes = axes
            return (sweep, groups.count - 1)
        } catch {
            throw Failure(description: "the results database's cells do not read as a sweep: \(error)")
        }
    }
}
