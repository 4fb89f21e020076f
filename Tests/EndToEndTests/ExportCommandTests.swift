import ExactNumbers
import Foundation
import Testing

/// `tender export` as a user runs it: CSV tables and the OCDS package.
@Suite struct ExportCommandTests {
    @Test func csvFilesAreRFC4180AndAgreeWithTheRun() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = "daqing-2023.yaml"
        let (_, lots) = try ExportFixtures.runJSON(scenario, in: directory)
        let csv = directory.appendingPathComponent("csv")
        let r = try Fixtures.tender(["export", Fixtures.scenario(scenario), "--csv", csv.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: csv.path).sorted()
        #expect(
            files == ["about.csv", "awards.csv", "bids.csv", "lines.csv", "lots.csv", "projects.csv", "settlement.csv"]
        )
        for file in files {
            let text = try String(contentsOf: csv.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasSuffix("\r\n"), "\(file)")
            #expect(!text.hasPrefix("\u{FEFF}"), "\(file): no byte-order mark")
            // Every LF outside a quoted field ends a CRLF record.
            var quoted = false
            var previous: Unicode.Scalar = " "
            for scalar in text.unicodeScalars {
                if scalar == "\"" { quoted.toggle() }
                if scalar == "\n" && !quoted { #expect(previous == "\r", "\(file): bare LF") }
                previous = scalar
            }
        }
        let lotsCSV = try String(contentsOf: csv.appendingPathComponent("lots.csv"), encoding: .utf8)
        let records = lotsCSV.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map {
            $0.components(separatedBy: ",")
        }
        let header = try #require(records.first)
        #expect(header.prefix(3) == ["lot", "materials", "categories"])
        let winner = try #require(header.firstIndex(of: "winner"))
        let contract = try #require(header.firstIndex(of: "contract_price"))
        #expect(records.count == lots.count + 1)
        for (record, lot) in zip(records.dropFirst(), lots) {
            #expect(record[0] == lot["id"] as? String)
            #expect(record[winner] == (lot["winner"] as? String ?? ""))
            let price = (lot["contractPrice"] as? String).map { try! Exact(parsing: $0).formatted(places: 2) } ?? ""
            #expect(record[contract] == price)
        }
    }

    @Test func exportsAreByteIdenticalRunAfterRun() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = Fixtures.scenario("yinchuan-2023.yaml")
        var outputs: [[Data]] = []
        for round in 0..<2 {
            let csv = directory.appendingPathComponent("csv\(round)")
            let ocds = directory.appendingPathComponent("ocds\(round).json")
            let r = try Fixtures.tender(["export", scenario, "--csv", csv.path, "--ocds", ocds.path])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(
                try ["lots.csv", "bids.csv", "awards.csv", "lines.csv"].map {
                    try Data(contentsOf: csv.appendingPathComponent($0))
                } + [Data(contentsOf: ocds)]
            )
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func ocdsToStandardOutputFromARunJSON() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (json, _) = try ExportFixtures.runJSON("rehearsal-worked-examples.yaml", in: directory)
        let fromJSON = try Fixtures.tender(["export", json, "--ocds", "-"])
        #expect(fromJSON.status == 0, "\(fromJSON.stderr)")
        let fromScenario = try Fixtures.tender([
            "export", Fixtures.scenario("rehearsal-worked-examples.yaml"), "--ocds", "-",
        ])
        #expect(fromJSON.stdout == fromScenario.stdout)
        let package = try JSONSerialization.jsonObject(with: Data(fromJSON.stdout.utf8)) as? [String: Any]
        #expect(package?["version"] as? String == "1.1")
    }

    @Test func usageErrorsExit64() throws {
        let scenario = Fixtures.scenario("rehearsal-worked-examples.yaml")
        let none = try Fixtures.tender(["export", scenario])
        #expect(none.status == 64)
        #expect(none.stderr.contains("give --csv DIR, --ocds FILE, --xlsx FILE, or several"))
        #expect(try Fixtures.tender(["export", "run.json", "--variant", "x", "--ocds", "-"]).status == 64)
    }

    @Test func unwritableOutputExits74AndLeavesNothing() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("file")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let scenario = Fixtures.scenario("rehearsal-worked-examples.yaml")
        let csvDirectory = blocker.appendingPathComponent("csv").path
        let csv = try Fixtures.tender(["export", scenario, "--csv", csvDirectory])
        #expect(csv.status == 74)
        #expect(csv.stderr == "error: cannot create the directory '\(csvDirectory)': Not a directory\n")
        let ocds = try Fixtures.tender([
            "export", scenario, "--ocds", directory.appendingPathComponent("no/x.json").path,
        ])
        #expect(ocds.status == 74)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["file"])
    }
}
