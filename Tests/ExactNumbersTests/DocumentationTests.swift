import ExactNumbers
import Foundation
import Testing

/// The tables of Docs/exact-numbers.md are run: each row's claim is checked against the type.
@Suite("Docs/exact-numbers.md")
struct DocumentationTests {
    static let doc: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/exact-numbers.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// Rows of the table whose header starts with `header`, as cells without backticks.
    func rows(after header: String) -> [[String]] {
        let lines = Self.doc.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(header) }) else { return [] }
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            line.split(separator: "|").map {
                $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")
            }
        }
    }

    @Test func roundingTable() throws {
        let rows = rows(after: "| mode (scenario spelling)")
        #expect(rows.count == 6)
        for row in rows {
            let spelling = String(row[0].split(separator: " ")[0])
            let mode = try #require(RoundingMode(rawValue: spelling), "unknown mode \(spelling)")
            for (input, expected) in zip(["2.675", "-0.005", "0.125"], row[2...4]) {
                let value = try Exact(parsing: input).rounded(places: 2, mode: mode)
                #expect(
                    value == (try Exact(parsing: expected.replacingOccurrences(of: "−", with: "-"))),
                    "\(spelling) \(input)"
                )
            }
        }
    }

    @Test func rejectionTable() throws {
        let rows = rows(after: "| text | message |")
        #expect(rows.count >= 10)
        for row in rows where row[0] != "empty" {
            for text in row[0].components(separatedBy: ", ") {
                var message = ""
                do {
                    _ = try Exact(parsing: text)
                } catch {
                    message = error.message
                }
                #expect(message == row[1], "\(text)")
            }
        }
    }

    @Test func acceptedForms() throws {
        #expect(try Exact(parsing: "12.5%") == Exact(parsing: "0.125"))
        #expect(try Exact(parsing: "15%") == Exact(parsing: "0.15"))
        #expect(try (Exact(324) / Exact(11)).description == "324/11")
    }
}
