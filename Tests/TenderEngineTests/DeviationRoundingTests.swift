import ExactNumbers
import Foundation
import TenderModel
import Testing

@testable import TenderEngine

/// The deviation-from-average formula with the deviation rate rounded first (`rounding.stage: rate`), on the
/// worked example of Docs/rules.md §7, whose table is read and checked cell by cell.
@Suite struct DeviationRoundingTests {
    typealias F = EvaluationFixtures

    /// Works-tender style: 60 price points, 1 point lost per percent above the mean, 0.5 per percent below;
    /// technical points 30 for every bidder (of 40).
    static func context(_ stage: RoundingStage) -> EvaluationContext {
        F.context(["A", "B", "C", "D"].map { F.supplier($0) }) { p in
            p.evaluation.pricePoints = 60
            p.evaluation.criteria = [Criterion(id: "tech", name: "技术", points: 40, source: .expertMarks)]
            p.evaluation.priceFormula = .deviationFromAverage(above: 1, below: F.x("0.5"))
            p.evaluation.rounding.stage = stage
        }
    }

    static let bids = [
        ("A", "468350"), ("B", "472910"), ("C", "455180"), ("D", "481230"),
    ].map { F.bid($0.0, $0.1, marks: ["tech": [30]]) }

    @Test func rateFirstRoundsTheDeviationRateBeforeThePoints() throws {
        // Mean = (468350 + 472910 + 455180 + 481230) / 4 = 1877670 / 4 = 469417.5.
        // C: (455180 − 469417.5) / 469417.5 × 100 = −3.03301432…% → −3.03% (half-up, 2 places).
        //   rate first: 60 − 3.03 × 0.5 = 58.485, total 88.485 → 88.49;
        //   final score: 60 − 3.03301432… × 0.5 = 58.48349283…, total 88.48349… → 88.48.
        // D: +2.51641662…% → 2.52%; rate first 60 − 2.52 = 57.48, total 87.48 (final score: 87.4835… → 87.48).
        let rate = F.evaluate(Self.bids, Self.context(.rate))
        #expect(rate.of("C").priceScore == F.x("58.485"))
        #expect(rate.of("C").recordedTotal == F.x("88.49"))
        #expect(rate.of("D").priceScore == F.x("57.48"))
        let final = F.evaluate(Self.bids, Self.context(.finalScore))
        #expect(final.of("C").recordedTotal == F.x("88.48"))
        // Exact: C's deviation is −14237.5 / 469417.5 = −28475 / 938835; 60 − 0.5 × 100 × 28475/938835.
        #expect(final.of("C").priceScore == 60 - (try Exact(28475 * 50) / 938_835))
        // Under price-score the score itself is rounded: 58.4834… → 58.48.
        let priceFirst = F.evaluate(Self.bids, Self.context(.priceScore))
        #expect(priceFirst.of("C").priceScore == F.x("58.48"))
    }

    /// One row of the table of Docs/rules.md whose header starts with `| deviation example |`.
    static func rows() throws -> [[String: String]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/rules.md")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("| deviation example |") }) else { return [] }
        func cells(_ line: String) -> [String] {
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let header = cells(lines[start])
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            Dictionary(zip(header, cells(line)), uniquingKeysWith: { first, _ in first })
        }
    }

    @Test func theDocumentedExampleIsWhatTheEngineComputes() throws {
        let rows = try Self.rows()
        #expect(rows.count == 8, "Docs/rules.md deviation example has \(rows.count) rows")
        for row in rows {
            let stage = try #require(RoundingStage(rawValue: row["stage"] ?? ""), "stage")
            let outcome = F.evaluate(Self.bids, Self.context(stage))
            let e = outcome.of(row["bidder"] ?? "")
            #expect(e.bid.price == Exact(row["quoted"] ?? ""), "\(row)")
            let percent = try #require(
                e.priceScore.map { _ in
                    (try? (e.evaluatedPrice - F.x("469417.5")) / F.x("469417.5")) ?? .zero
                }
            )
            let rounded = (percent * .hundred).rounded(places: 2, mode: .halfUp)
            #expect(rounded.formatted(places: 2) == row["deviation %"], "\(row)")
            #expect(e.priceScore?.formatted(places: 3) == row["price score"], "\(row)")
            #expect(e.recordedTotal?.formatted(places: 2) == row["total"], "\(row)")
            #expect(e.rank.map(String.init) == row["rank"], "\(row)")
        }
    }
}
