import Foundation
import GRDB
import Testing

/// Shard and sweep databases are untrusted input: a record out of place or a corrupt file is invalid input
/// (exit 65), never a completed simulation with changed statistics, nor an I/O error (74).
@Suite struct HostileDatabaseTests {
    /// Two shards of 10 replications; shard 1's record `from` renumbered to `to`.
    static func shards(in dir: URL, renumber from: Int, to: Int) throws -> [String] {
        var shards: [String] = []
        for i in 0..<2 {
            let db = dir.appendingPathComponent("shard-\(i).sqlite").path
            let r = try CLI.run([
                "simulate", CLI.fixture, "--replications", "10", "--shard", "\(i)/2", "--db", db, "--quiet",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            shards.append(db)
        }
        let queue = try DatabaseQueue(path: shards[1])
        try queue.write { db in
            try db.execute(
                sql: "UPDATE replication_records SET replication = ? WHERE replication = ?",
                arguments: [to, from]
            )
        }
        return shards
    }

    @Test(arguments: [999_999, -5])
    func replicationIndexOutOfRangeIsRefusedOnMerge(index: Int) throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shards = try Self.shards(in: dir, renumber: 9, to: index)
        let out = dir.appendingPathComponent("merged.sqlite").path
        let merge = try CLI.run(["merge", out] + shards)
        #expect(merge.status == 65, "\(merge.stderr)")
        #expect(
            merge.stderr.contains("replication record \(index): expected a replication index from 0 to 9"),
            "\(merge.stderr)"
        )
        #expect(!merge.stderr.contains("simulations completed"), "\(merge.stderr)")
    }

    @Test(arguments: ["garbage", "truncated"])
    func corruptDatabaseExits65(kind: String) throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.sqlite").path
        if kind == "garbage" {
            try Data(repeating: 0x5A, count: 8_192).write(to: URL(fileURLWithPath: bad))
        } else {
            let shards = try Self.shards(in: dir, renumber: 0, to: 0)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: shards[0]))
            var damaged = bytes
            damaged.replaceSubrange(100..<min(bytes.count, 4_096 * 2), with: Data(repeating: 0xFF, count: 8_092))
            try damaged.write(to: URL(fileURLWithPath: bad))
        }
        let out = dir.appendingPathComponent("merged.sqlite").path
        let merge = try CLI.run(["merge", out, bad])
        #expect(merge.status == 65, "\(merge.stderr)")
        #expect(merge.stderr.contains("bad.sqlite"), "\(merge.stderr)")
    }
}
