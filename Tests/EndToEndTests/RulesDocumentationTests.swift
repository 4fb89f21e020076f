import ExactNumbers
import Foundation
import TenderEngine
import TenderModel
import Testing

/// The worked-example table of Docs/rules.md §10 is run: every row is checked against the engine on
/// Scenarios/rehearsal-worked-examples.yaml, so the rule book cannot drift from what the engine computes.
@Suite("Docs/rules.md worked examples")
struct RulesDocumentationTests {
    static let doc: String = {
        let url = Fixtures.root.appendingPathComponent("Docs/rules.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// One row of the table, by column name.
    struct Row: CustomStringConvertible {
        let cells: [String: String]

        subscript(_ column: String) -> String { cells[column] ?? "" }

        var description: String { "example \(self["example"]), bidder \(self["bidder"])" }
    }

    /// The rows of the table whose header starts with `| example | variant |`.
    static func rows() -> [Row] {
        let lines = doc.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("| example | variant |") }) else { return [] }
        func cells(_ line: String) -> [String] {
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let header = cells(lines[start])
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            Row(cells: Dictionary(zip(header, cells(line)), uniquingKeysWith: { first, _ in first }))
        }
    }

    /// `—` for no value, else the exact value of the text (`96.00`, `10%`, `324/11`).
    func value(_ text: String) throws -> Exact? {
        text == "—" ? nil : try Exact(parsing: text)
    }

    @Test func tableCoversEveryBidOfTheFourLots() throws {
        let rows = Self.rows()
        #expect(rows.count == 14, "the worked-example table of Docs/rules.md has \(rows.count) rows")
        for variant in Set(rows.map { $0["variant"] }) {
            let result = TenderRun.run(try Fixtures.load(variant: variant))
            for lot in Set(rows.filter { $0["variant"] == variant }.map { $0["lot"] }) {
                let outcome = try #require(result.outcomes.first { $0.lot.id == lot }, "no lot \(lot)")
                let documented = rows.filter { $0["variant"] == variant && $0["lot"] == lot }.map { $0["bidder"] }
                #expect(documented.sorted() == outcome.evaluations.map(\.bid.bidder).sorted(), "lot \(lot)")
            }
        }
    }

    @Test(arguments: rows().map(\.description))
    func row(_ name: String) throws {
        let row = try #require(Self.rows().first { $0.description == name })
        let scenario = try Fixtures.load(variant: row["variant"])
        let result = TenderRun.run(scenario)
        let outcome = try #require(result.outcomes.first { $0.lot.id == row["lot"] }, "no lot \(row["lot"])")
        let e = try #require(outcome.evaluations.first { $0.bid.bidder == row["bidder"] }, "no bid")

        #expect(scenario.suppliers.first { $0.id == row["bidder"] }?.size.rawValue == row["size"], "size")
        #expect(e.bid.price == (try value(row["quoted"])), "quoted price")
        #expect(e.deduction == (try value(row["d"])), "deduction")
        #expect(e.evaluatedPrice == (try value(row["evaluated"])), "evaluated price")
        #expect(e.priceScore == (try value(row["price score, exact"])), "exact price score")
        #expect((e.priceScore?.rounded(places: 2, mode: .halfUp).formatted(places: 2) ?? "—") == row["price score"])
        #expect((e.recordedTotal?.formatted(places: 2) ?? "—") == row["total"], "total")
        #expect((e.rank.map(String.init) ?? "—") == row["rank"], "rank")

        let outcomeText = row["outcome"]
        if outcomeText.hasPrefix("awarded at ") {
            #expect(outcome.winner == row["bidder"], "winner")
            #expect(outcome.contractPrice == (try value(String(outcomeText.dropFirst("awarded at ".count)))))
        } else if outcomeText.hasPrefix("rejected: ") {
            #expect(!e.isValid)
            #expect(e.rejections.map(\.reason.rawValue) == [String(outcomeText.dropFirst("rejected: ".count))])
        } else {
            #expect(e.isValid && outcome.winner != row["bidder"])
            #expect(outcome.candidates.contains(row["bidder"]) == (outcomeText == "candidate"), "candidate")
            #expect(["candidate", "valid"].contains(outcomeText), "unknown outcome '\(outcomeText)'")
        }
    }
}

extension Fixtures {
    /// The worked-example scenario under `variant` (`base`: none).
    fileprivate static func load(variant: String) throws -> Scenario {
        try load("rehearsal-worked-examples.yaml", variant: variant == "base" ? nil : variant)
    }
}
