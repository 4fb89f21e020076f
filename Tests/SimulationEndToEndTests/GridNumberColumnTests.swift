import Foundation
import GRDB
import Testing

/// The sweep database keeps each grid value as written and as an exact number (schema v2), so cells can be
/// selected by value; a v1 database stays readable and gets its numbers when it is next opened for writing.
@Suite(.serialized) struct GridNumberColumnTests {
    static func sweep(_ db: String) throws {
        let r = try CLI.run([
            "sweep", CLI.fixture, "--grid", "policy.sme.deduction=10%..20% step 2.5%", "--grid",
            "policy.evaluation.method=lowest-price", "--replications", "3", "--db", db, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
    }

    static func parameters(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT path || '|' || value || '|' || ifnull(exact, 'NULL') || '|' || ifnull(number, 'NULL')
                    FROM cell_parameters ORDER BY cell_id, position
                    """
            )
        }
    }

    @Test func gridValuesAreStoredAsExactNumbers() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path
        try Self.sweep(db)
        let rows = try Self.parameters(db)
        // 10%, 12.5%, 15%, 17.5%, 20% are 0.1, 0.125, 0.15, 0.175, 0.2; a method is not a number.
        #expect(rows.count == 10)
        #expect(rows[0] == "policy.sme.deduction|10%|0.1|0.1")
        #expect(rows[1] == "policy.evaluation.method|lowest-price|NULL|NULL")
        #expect(rows[2] == "policy.sme.deduction|12.5%|0.125|0.125")
        #expect(rows[8] == "policy.sme.deduction|20%|0.2|0.2")
        let queue = try DatabaseQueue(path: db)
        let above = try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT value FROM cell_parameters
                    WHERE path = 'policy.sme.deduction' AND number > 0.15 ORDER BY number
                    """
            )
        }
        #expect(above == ["17.5%", "20%"])
    }

    @Test func aVersion1DatabaseIsReadAndUpgraded() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = dir.appendingPathComponent("old.sqlite").path
        try Self.sweep(old)
        // Make it a v1 database: without the number columns and without the v2 migration.
        let queue = try DatabaseQueue(path: old)
        try queue.write { db in
            try db.execute(
                sql: """
                    ALTER TABLE cell_parameters DROP COLUMN exact;
                    ALTER TABLE cell_parameters DROP COLUMN number;
                    DELETE FROM grdb_migrations WHERE identifier = 'v2';
                    """
            )
        }
        try queue.close()
        // Reading a report does not change it, and works.
        let html = dir.appendingPathComponent("r.html").path
        let report = try CLI.run(["report", old, "--html", html])
        #expect(report.status == 0, "\(report.stderr)")
        let columns = try DatabaseQueue(path: old).read { db in try db.columns(in: "cell_parameters").map(\.name) }
        #expect(columns == ["cell_id", "position", "path", "value"])
        // Merged into a new database, its values arrive with their numbers (the source is upgraded first).
        let merged = dir.appendingPathComponent("new.sqlite").path
        let merge = try CLI.run(["merge", merged, old])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Self.parameters(merged)[2] == "policy.sme.deduction|12.5%|0.125|0.125")
        #expect(try Self.parameters(old)[4] == "policy.sme.deduction|15%|0.15|0.15")
    }
}
