import Foundation
import JSONOutput
import TenderEngine
import TenderModel

/// `tender equilibrium`: the solved bid functions per lot and supplier class, entry, and the convergence
/// figures, as text (Docs/behaviour.md); the JSON is ``EquilibriumDocument``.
public enum EquilibriumReport {
    /// Rows of the bid table printed per class: every grid point would be 61 rows; 11 evenly spaced ones
    /// (first and last included) show the shape.
    static let tableRows = 11

    static func rows(_ solution: EquilibriumSolution.ClassSolution) -> [Int] { rows(count: solution.costs.count) }

    /// The grid points shown of `n`: all up to ``tableRows``, else that many evenly spaced, ends included.
    static func rows(count n: Int) -> [Int] {
        guard n > tableRows else { return Array(0..<n) }
        return (0..<tableRows).map { $0 * (n - 1) / (tableRows - 1) }
    }

    static func money(_ value: Double) -> String { String(format: "%.2f", value) }
    static func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
    /// Technical points with the decimals they need (at most 2): `0`, `8`, `7.5`.
    static func points(_ value: Double) -> String {
        guard let exact = StatisticText.exact(value) else { return "–" }
        return NumberFormat.trimmed(exact, places: 2)
    }

    /// What defines a class besides its cost model, in words: the document's
    /// ``EquilibriumDocument/Class/definition(preparationCost:)``.
    static func definition(_ c: EquilibriumSolution.ClassSolution) -> String {
        EquilibriumDocument.Class(c).definition()
    }

    /// The text report.
    public static func text(_ results: [Result<EquilibriumSolution, LotEquilibrium.Refusal>], preparationCost: Double)
        -> String
    {
        var out = "Equilibrium bids (preparation cost \(money(preparationCost)) yuan per bid)\n"
        for result in results {
            switch result {
            case .failure(let refusal):
                out += "\n\(refusal)\n"
            case .success(let solution):
                let rivals = solution.classes.filter { !$0.isStrategic }.count
                out += "\nLot \(solution.lot): \(solution.classes.count) classes"
                if rivals > 0 { out += " (\(rivals) bidding by their declared behaviour)" }
                out += ", expected bidders "
                out += String(format: "%.2f", solution.expectedBidders)
                out += ", \(solution.method), \(solution.approach), \(solution.iterations) iterations, "
                out += solution.converged ? "converged" : "not converged"
                out += "; largest gain from a deviation \(money(solution.largestGain)) yuan ("
                out += percent(solution.largestGainShare) + " of expected profit)\n"
                for c in solution.classes {
                    out += "  Class \(c.id) (\(c.members.joined(separator: ", "))): "
                    if c.isStrategic {
                        out += Self.definition(c) + "\n    entry "
                        out += String(format: "%.3f", c.entry) + ", expected profit \(money(c.expectedProfit)), win "
                        out += String(format: "%.3f", c.winProbability) + ", largest gain \(money(c.largestGain)) ("
                        out += percent(c.largestGainShare) + ")\n"
                        out += "    cost              bid               markup\n"
                    } else {
                        // A rival the solve takes as given: its mean price at each cost.
                        out += Self.definition(c) + "\n    not solved (bids by its declared behaviour); expected "
                        out += "profit \(money(c.expectedProfit)), win " + String(format: "%.3f", c.winProbability)
                        out += "\n    cost              mean bid          markup\n"
                    }
                    for i in rows(c) {
                        let cost = c.costs[i]
                        let bid = c.bids[i]
                        let markup = cost > 0 ? percent(bid / cost - 1) : "-"
                        out += "    " + money(cost).padding(toLength: 18, withPad: " ", startingAt: 0)
                        out += money(bid).padding(toLength: 18, withPad: " ", startingAt: 0) + markup + "\n"
                    }
                }
            }
        }
        return out
    }
}
