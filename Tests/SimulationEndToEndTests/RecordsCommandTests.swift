import Foundation
import Testing

/// `tender simulate --records FILE.csv`: one row per replication and lot, through the real binary.
@Suite(.serialized) struct RecordsCommandTests {
    static let header =
        "replication,variant,lot,method,round,eligible,participating,costs,lowest_cost,lowest_cost_bidder,winner,"
        + "winner_cost,failure,contract,savings_rate,savings,bids,valid_bids,failed,sme_winner,run_contract,"
        + "run_ceiling,run_awarded_ceiling,run_savings_rate,run_savings,run_savings_rate_all,run_lots,"
        + "run_failed_lots,run_failed_lot_rate,run_bids,run_valid_bids,run_sme_amount,run_sme_share,"
        + "run_small_micro_share,run_green_share_1,run_green_share_2,run_green_share_3,run_cost_increment_rate,"
        + "run_hhi,run_red_flags,run_reserved_lots,run_reserve_small_micro_share,run_reserve_small_micro_below,"
        + "run_procurements,run_administrative_cost,run_total_cost,run_unbought_ceiling,run_payable,run_project_savings,"
        + "run_project_savings_rate,run_budget_savings_rate,run_green_premium,"
        + "run_green_compliance_rate"

    /// The records of `arguments` as CSV records (split at CRLF; the fixture has no quoted fields).
    static func records(_ arguments: [String], in dir: URL, name: String) throws -> [[String]] {
        let file = dir.appendingPathComponent(name).path
        let r = try CLI.run(["simulate", CLI.fixture, "--quiet", "--records", file] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasSuffix("\r\n"))
        return text.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func jobsOneAndTwoWriteTheSameBytes() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 300 replications: 19 chunks of 16 on two workers, folded in replication order.
        for (name, jobs) in [("one.csv", "1"), ("two.csv", "2")] {
            let r = try CLI.run([
                "simulate", CLI.fixture, "--replications", "300", "--jobs", jobs, "--quiet", "--records",
                dir.appendingPathComponent(name).path,
            ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let one = try Data(contentsOf: dir.appendingPathComponent("one.csv"))
        let two = try Data(contentsOf: dir.appendingPathComponent("two.csv"))
        #expect(one == two)
        #expect(one.count > 300 * 100)
        // Each beside its sidecar, and no temporary file is left.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
                "one.about.csv", "one.csv", "two.about.csv", "two.csv",
            ]
        )
    }

    /// Five truthful bidders, participation 1, quantity 1, lowest price, ceiling 200: every replication's one
    /// lot has 5 eligible and participating suppliers, the lowest-cost bidder wins at its cost, the savings are
    /// 200 − price, and the run's figures equal the lot's. The records' contracts add up to the exact total of
    /// the simulation's statistics.
    @Test func eachRowIsOneReplicationOfTheLotWithItsDraws() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = try Self.records(["--replications", "50", "--jobs", "2"], in: dir, name: "r.csv")
        #expect(rows.first?.joined(separator: ",") == Self.header)
        let header = rows[0]
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        #expect(rows.count == 51)
        var total = Decimal(0)
        for (k, row) in rows.dropFirst().enumerated() {
            #expect(row.count == header.count)
            #expect(row[try column("replication")] == String(k))
            #expect(row[try column("variant")] == "base")
            #expect(row[try column("lot")] == "concrete")
            #expect(row[try column("round")] == "0")
            #expect(row[try column("eligible")] == "5")
            #expect(row[try column("participating")] == "5")
            let costs = row[try column("costs")].split(separator: ";")
            #expect(costs.map { $0.prefix(4) } == ["S01=", "S02=", "S03=", "S04=", "S05="])
            let lowest = row[try column("lowest_cost")]
            #expect(costs.contains { $0.dropFirst(4) == lowest })
            #expect(row[try column("winner")] == row[try column("lowest_cost_bidder")])
            #expect(row[try column("winner_cost")] == lowest)
            #expect(row[try column("contract")] == lowest)
            #expect(row[try column("failure")] == "")
            #expect(row[try column("failed")] == "0")
            #expect(row[try column("bids")] == "5")
            let contract = try #require(Decimal(string: lowest))
            #expect(Decimal(string: row[try column("savings")]) == 200 - contract)
            #expect(row[try column("run_contract")] == lowest)
            #expect(row[try column("run_lots")] == "1")
            total += contract
        }
        let json = try CLI.run(["simulate", CLI.fixture, "--replications", "50", "--format", "json", "--quiet"])
        #expect(json.stdout.contains("\"total\": \"\(total)\""), "sum of the records' contracts: \(total)")
    }

    @Test func theVariantIsNamedAndItsDrawsDiffer() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = try Self.records(
            ["--replications", "3", "--variant", "two-bidders"],
            in: dir,
            name: "v.csv"
        )
        #expect(rows.count == 4)
        for row in rows.dropFirst() {
            #expect(row[1] == "two-bidders")
            #expect(row[5] == "5")  // eligible: offering the category
            #expect(row[6] == "2")  // participating: S01 and S02
            #expect(row[7].split(separator: ";").map { $0.prefix(3) } == ["S01", "S02"])
        }
        // The sidecar says what made the records: the variant and seed, the digest of the scenario file.
        let about = try String(contentsOf: dir.appendingPathComponent("v.about.csv"), encoding: .utf8)
        let json = try CLI.run([
            "simulate", CLI.fixture, "--replications", "3", "--variant", "two-bidders", "--format", "json", "--quiet",
        ])
        let digest = try #require(
            json.stdout.split(separator: "\n").first { $0.contains("\"digest\"") }?.split(separator: "\"")[3]
        )
        #expect(about.contains("\r\ndigest,\(digest)\r\nseed,20240601\r\nvariant,two-bidders\r\nreplications,3\r\n"))
    }

    @Test func shardsAreRefusedAndAnUnwritablePathExits74() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shard = try CLI.run([
            "simulate", CLI.fixture, "--replications", "4", "--shard", "0/2", "--db",
            dir.appendingPathComponent("s.sqlite").path, "--records", dir.appendingPathComponent("r.csv").path,
        ])
        #expect(shard.status == 64)
        #expect(shard.stderr.contains("--records cannot be combined with --shard"), "\(shard.stderr)")
        let missing = dir.appendingPathComponent("no/such/dir/r.csv").path
        let r = try CLI.run(["simulate", CLI.fixture, "--replications", "4", "--quiet", "--records", missing])
        #expect(r.status == 74)
        #expect(r.stderr.contains("error: cannot write the records to '\(missing)': No such file or directory"))
        #expect(r.stdout.isEmpty)
    }
}
