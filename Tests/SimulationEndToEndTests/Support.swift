import Foundation
import GRDB

/// The real binary, a scratch directory, and the closed-form fixture.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixture = root.appendingPathComponent("Tests/TenderSimulationTests/Fixtures/uniform-lowest-price.yaml")
        .path

    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tender")
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tender-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func process(_ arguments: [String]) -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ["NO_COLOR": "1", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        return (process, out, err)
    }

    /// Runs `tender`; returns status, stdout and stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let (process, out, err) = process(arguments)
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    /// Every stored cell and its statistics, as comparable text (row ids and shard labels left out).
    static func cellTable(_ path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let db = try DatabaseQueue(path: path, configuration: configuration)
        return try db.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT c.digest || '|' || c.variant || '|' || c.parameters || '|' || c.seed || '|' || c.replications
                        || '|' || c.cell_index || '|' || m.metric || '|' || m.n || '|' || quote(m.mean) || '|' || quote(m.sd)
                        || '|' || quote(m.ci_low) || '|' || quote(m.p5) || '|' || quote(m.p50) || '|' || quote(m.p95)
                        || '|' || ifnull(m.total, '')
                    FROM cells c JOIN cell_metrics m ON m.cell_id = c.id
                    ORDER BY c.cell_index, m.position
                    """
            )
        }
    }

    static func count(_ path: String, _ table: String) -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        guard let db = try? DatabaseQueue(path: path, configuration: configuration) else { return 0 }
        return (try? db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }) ?? 0
    }
}
