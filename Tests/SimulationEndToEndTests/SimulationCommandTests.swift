import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The simulation commands through the real binary.
@Suite(.serialized) struct SimulationCommandTests {
    @Test func jobsOneAndTwoAreByteIdentical() throws {
        let one = try CLI.run([
            "simulate", CLI.fixture, "--replications", "300", "--jobs", "1", "--format", "json", "--quiet",
        ])
        let two = try CLI.run([
            "simulate", CLI.fixture, "--replications", "300", "--jobs", "2", "--format", "json", "--quiet",
        ])
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.contains("\"schema\": \"tender-simulation\""))
        let text = try CLI.run(["simulate", CLI.fixture, "--replications", "300", "--jobs", "2", "--quiet"])
        #expect(text.stdout.contains("contract (yuan)"))
        #expect(text.stdout.contains("percentiles: exact"))
    }

    /// Four shards run separately, merged, equal the unsharded run byte for byte.
    @Test func fourShardsMergeToTheUnshardedRun() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var shards: [String] = []
        for i in 0..<4 {
            let db = dir.appendingPathComponent("shard-\(i).sqlite").path
            let r = try CLI.run([
                "simulate", CLI.fixture, "--replications", "250", "--shard", "\(i)/4", "--db", db, "--quiet",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("shard \(i)/4"))
            shards.append(db)
        }
        let out = dir.appendingPathComponent("merged.sqlite").path
        let partial = try CLI.run(["merge", out] + shards.prefix(3))
        #expect(partial.status == 0)
        #expect(partial.stderr.contains("waiting for shards 3/4"))
        let merge = try CLI.run(["merge", out] + shards)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stderr.contains("1 simulations completed"))
        #expect(CLI.count(out, "replication_records") == 250)
        let again = try CLI.run(["merge", out] + shards)
        #expect(again.stderr.contains("0 replication records added, 0 simulations completed"))

        let merged = try CLI.run(["simulate", CLI.fixture, "--replications", "250", "--db", out, "--format", "json"])
        #expect(merged.stderr.contains("not recomputed"))
        let whole = try CLI.run(["simulate", CLI.fixture, "--replications", "250", "--format", "json", "--quiet"])
        #expect(merged.stdout == whole.stdout)
    }

    /// A sweep killed with SIGKILL after its first cell committed, then run again, leaves the same table as
    /// an uninterrupted sweep: nothing lost, nothing duplicated.
    @Test func sweepResumesAfterKill9() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let killed = dir.appendingPathComponent("killed.sqlite").path
        let clean = dir.appendingPathComponent("clean.sqlite").path
        let arguments = [
            "sweep", CLI.fixture, "--grid", "suppliers[S05].participation=0%..100% step 25%",
            "--grid", "policy.evaluation.abnormally-low.threshold=10%,100%", "--replications", "300", "--jobs", "1",
        ]
        let (process, _, _) = CLI.process(arguments + ["--db", killed])
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while CLI.count(killed, "cells") < 1 && process.isRunning && Date() < deadline { usleep(5_000) }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let committed = CLI.count(killed, "cells")
        #expect(committed >= 1)
        if wasRunning { #expect(committed < 10, "the sweep finished before it could be killed") }

        let resumed = try CLI.run(arguments + ["--db", killed])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("already in"))
        let uninterrupted = try CLI.run(arguments + ["--db", clean])
        #expect(uninterrupted.status == 0)
        #expect(CLI.count(killed, "cells") == 10)
        #expect(try CLI.cellTable(killed) == CLI.cellTable(clean))
        #expect(resumed.stdout == uninterrupted.stdout)
        // A third run recomputes nothing.
        let third = try CLI.run(arguments + ["--db", killed])
        #expect(third.stderr.contains("10 of 10 cells were already in"))
    }

    @Test func shardedSweepMergesToTheSameTable() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let grid = ["--grid", "suppliers[S05].participation=0,1", "--grid", "suppliers[S04].participation=0,0.5,1"]
        let common = ["sweep", CLI.fixture] + grid + ["--replications", "50", "--quiet"]
        let whole = dir.appendingPathComponent("whole.sqlite").path
        #expect(try CLI.run(common + ["--db", whole]).status == 0)
        var parts: [String] = []
        for i in 0..<2 {
            let db = dir.appendingPathComponent("part-\(i).sqlite").path
            #expect(try CLI.run(common + ["--db", db, "--shard", "\(i)/2"]).status == 0)
            parts.append(db)
        }
        let out = dir.appendingPathComponent("out.sqlite").path
        let merge = try CLI.run(["merge", out] + parts)
        #expect(merge.stderr.contains("6 cells added"))
        #expect(try CLI.cellTable(out) == CLI.cellTable(whole))
    }

    @Test func unknownGridPathSuggestsTheRealOne() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run([
            "sweep", CLI.fixture, "--grid", "policy.price.points=30,40", "--replications", "10", "--db",
            dir.appendingPathComponent("x.sqlite").path,
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("did you mean 'policy.evaluation.price-points'?"))
        let usage = try CLI.run(["sweep", CLI.fixture, "--grid", "policy.sme.deduction=10%..20%", "--db", "x"])
        #expect(usage.status == 64)
        let shard = try CLI.run(["simulate", CLI.fixture, "--shard", "4/4", "--db", "x"])
        #expect(shard.status == 64)
        #expect(shard.stderr.contains("counts from 0"))
    }

    @Test func theSweepHelpExamplesRunAndChangeTheResult() throws {
        let help = try CLI.run(["sweep", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        let examples = help.components(separatedBy: "'policy.").dropFirst().compactMap { rest in
            rest.split(separator: "'", maxSplits: 1).first.map { "policy." + $0 }
        }
        #expect(examples.count == 2, "\(examples) in \(help)")
        for city in ["daqing-2023", "yinchuan-2023", "changchun-2024"] {
            let scenario = CLI.root.appendingPathComponent("Scenarios/\(city).yaml").path
            // The deduction re-ranks only where small firms are close to the top (Daqing): generated bidders do
            // not react to it. The lot strategy changes every city's result.
            for example in examples where example.hasPrefix("policy.lotting") || city == "daqing-2023" {
                let db = try CLI.scratch().appendingPathComponent("help.sqlite").path
                let r = try CLI.run([
                    "sweep", scenario, "--grid", example, "--replications", "3", "--db", db, "--quiet", "--format",
                    "json",
                ])
                #expect(r.status == 0, "\(city) \(example): \(r.stderr)")
                let json = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
                let cells = try #require(json["cells"] as? [[String: Any]])
                let means = cells.compactMap { cell -> Double? in
                    let metrics = (cell["simulation"] as? [String: Any])?["metrics"] as? [[String: Any]]
                    return metrics?.first { $0["name"] as? String == "contract" }?["mean"] as? Double
                }
                #expect(Set(means).count > 1, "\(city) \(example): every cell has the same mean contract")
            }
        }
    }

    @Test func compareSaysWhenAVariantHasNoEffect() throws {
        // A framework agreement's term cannot matter to a scenario without framework-agreement lots.
        var yaml = try String(contentsOfFile: CLI.fixture, encoding: .utf8)
        yaml += """
              longer-term:
                description: a framework term no lot uses
                set:
                  policy.framework.term-months: 6

            """
        let file = try CLI.scratch().appendingPathComponent("inert.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run([
            "compare", file.path, "--variants", "base,longer-term,two-bidders", "--replications", "50", "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("longer-term: no effect: every replication gave exactly the figures of base"))
        #expect(r.stdout.contains("two-bidders: savings rate "))
        let json = try CLI.run([
            "compare", file.path, "--variants", "base,longer-term,two-bidders", "--replications", "50", "--quiet",
            "--format", "json",
        ])
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let differences = try #require(document["differences"] as? [[String: Any]])
        #expect(differences.map { $0["sameOutcome"] as? Bool } == [true, false])
    }

    @Test func sweepSaysWhenTheGridChangesNothing() throws {
        let scratch = try CLI.scratch()
        let inert = try CLI.run([
            "sweep", CLI.fixture, "--grid", "policy.framework.term-months=6,12", "--replications", "20", "--quiet",
            "--db", scratch.appendingPathComponent("inert.sqlite").path,
        ])
        #expect(inert.status == 0, "\(inert.stderr)")
        #expect(inert.stdout.contains("\nno effect: every cell gave the same statistics for every metric"))
        let live = try CLI.run([
            "sweep", CLI.fixture, "--grid", "suppliers[S05].participation=0,1", "--replications", "20", "--quiet",
            "--db", scratch.appendingPathComponent("live.sqlite").path,
        ])
        #expect(live.status == 0, "\(live.stderr)")
        #expect(!live.stdout.contains("no effect"))
    }

    @Test func compareWarnsWhenTheVariantsBuyDifferentLots() throws {
        // Cutting Daqing's demand by category and region leaves lines to the projects and fails other lots:
        // its contract amount does not compare like for like with the base plan's.
        let daqing = CLI.root.appendingPathComponent("Scenarios/daqing-2023.yaml").path
        let r = try CLI.run([
            "compare", daqing, "--variants", "base,category-region", "--replications", "20", "--quiet", "--jobs", "2",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("category-region: 按品类×区划分包，便于本地中小企业就近投标\n"))
        #expect(r.stdout.contains("category-region: savings rate "))
        #expect(r.stdout.contains(" — not like for like: its awarded ceiling is "))
        #expect(!r.stdout.contains("for the same awarded ceilings"))
    }

    @Test func compareSaysItInWords() throws {
        let r = try CLI.run([
            "compare", CLI.fixture, "--variants", "base,two-bidders", "--replications", "400", "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("two-bidders: only S01 and S02 take part\n"))
        #expect(r.stdout.contains("two-bidders: savings rate "))
        #expect(r.stdout.contains("more than base for the same awarded ceilings"))
        let json = try CLI.run([
            "compare", CLI.fixture, "--variants", "base,two-bidders", "--replications", "400", "--quiet", "--format",
            "json", "--jobs", "2",
        ])
        #expect(json.stdout.contains("\"schema\": \"tender-comparison\""))
        let unknown = try CLI.run(["compare", CLI.fixture, "--variants", "base,two-bidder", "--replications", "5"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("did you mean 'two-bidders'?"))
    }
}
