import ExactNumbers
import TenderEngine
import TenderModel

/// The rounds of an auction, a second-price payment, or a framework agreement's shortlist and orders, at
/// 100 columns.
enum AuctionText {
    /// Rounds shown in full when there are at most this many; else the first and last few.
    static let fullRounds = 10
    static let maximumRejections = 10

    static func lines(_ record: AuctionRecord) -> [String] {
        switch record.format {
        case .eMall, .prozorro: return auction(record)
        case .secondPrice: return record.notes.map { TextReport.wrap("  Payment — \($0)", indent: "    ") }
        case .frameworkAgreement: return framework(record)
        }
    }

    static func amount(_ value: Exact) -> String { TextLayout.amount(value) }

    /// `S01 1,234.00`, `S01 ✗1,234.00` when rejected, with `*` when compared after an SME deduction.
    static func item(_ move: AuctionMove) -> String {
        "\(move.bidder) \(move.accepted ? "" : "✗")\(amount(move.price))\(move.evaluatedPrice != move.price ? "*" : "")"
    }

    /// `prefix` and the items joined by ` · `, broken between items at 100 columns.
    static func wrapItems(_ prefix: String, _ items: [String], indent: String, columns: Int = 100) -> [String] {
        var lines: [String] = []
        var current = prefix
        var empty = true
        for item in items {
            let candidate = empty ? current + item : current + " · " + item
            if TextLayout.width(candidate) > columns && !empty {
                lines.append(current + " ·")
                current = indent + item
            } else {
                current = candidate
            }
            empty = false
        }
        lines.append(current)
        return lines
    }

    static func step(_ step: AuctionStep?, of reference: String) -> String {
        switch step {
        case .share(let share)?: return "min step \(TextLayout.exact(share * .hundred))% of \(reference)"
        case .amount(let value)?: return "min step \(amount(value))"
        case nil: return ""
        }
    }

    static func auction(_ record: AuctionRecord) -> [String] {
        let moves = record.moves
        let rejected = moves.filter { !$0.accepted }
        let dropOuts = record.rounds.map(\.droppedOut.count).reduce(0, +)
        let head: String
        if record.format == .eMall {
            head =
                "Rounds — e-mall reverse auction: start at the ceiling \(amount(record.ceiling)), "
                + "\(step(record.step, of: "the best")), deadline round \(record.roundLimit ?? 0)"
        } else {
            head =
                "Rounds — ProZorro-style auction: a sealed round, then \(record.roundLimit ?? 0) open rounds "
                + "worst-first, \(step(record.step, of: "the own bid"))"
        }
        var summary = "\(moves.count) move\(moves.count == 1 ? "" : "s")"
        if !rejected.isEmpty { summary += " (\(rejected.count) rejected)" }
        if dropOuts > 0 { summary += ", \(dropOuts) drop-out\(dropOuts == 1 ? "" : "s")" }
        var out = [TextReport.wrap("  \(head); \(summary)", indent: "    ")]
        let rounds = record.rounds
        let shown: [AuctionRound?]
        if rounds.count > fullRounds {
            shown = Array(rounds.prefix(3)) + [nil] + Array(rounds.suffix(4))
        } else {
            shown = rounds
        }
        for round in shown {
            guard let round else {
                let hidden = rounds.dropFirst(3).dropLast(4)
                let count = hidden.map(\.moves.count).reduce(0, +)
                let first = hidden.first?.number ?? 0
                let last = hidden.last?.number ?? 0
                out.append("    … rounds \(first)–\(last): \(count) moves")
                continue
            }
            let label = round.number == 0 && record.format == .prozorro ? "sealed" : "r\(round.number)"
            let items = round.moves.map(item) + round.droppedOut.map { "\($0) out" }
            out += wrapItems("    " + TextLayout.pad(label, 7), items, indent: "           ")
        }
        if moves.contains(where: { $0.evaluatedPrice != $0.price }) {
            out.append("    * SME deduction: compared at price × (1 − d), the evaluated price")
        }
        for move in rejected.prefix(maximumRejections) {
            let label = move.round == 0 && record.format == .prozorro ? "sealed" : "r\(move.round)"
            out.append(
                TextReport.wrap(
                    "    ✗ \(label) \(move.bidder) \(amount(move.price)): \(move.rejection ?? "")",
                    indent: "        "
                )
            )
        }
        if rejected.count > maximumRejections {
            out.append("    … \(rejected.count - maximumRejections) more rejected moves")
        }
        out += record.notes.map { TextReport.wrap("    · \($0)", indent: "      ") }
        return out
    }

    static func framework(_ record: AuctionRecord) -> [String] {
        guard let framework = record.framework else {
            // The agreement failed at stage 1: the offers' table and the failure say why.
            return record.notes.map { TextReport.wrap("    · \($0)", indent: "      ") }
        }
        let priority = framework.priority == .price ? "price priority" : "quality priority"
        let mode: String
        switch framework.orderMode {
        case .directSelection: mode = "direct selection"
        case .secondRound: mode = "second-round bidding"
        case .rotation: mode = "rotation"
        }
        let eliminated =
            framework.eliminated.isEmpty ? "" : " (\(framework.eliminated.joined(separator: ", ")))"
        var out = [
            TextReport.wrap(
                "  Framework agreement (财政部令第110号) — stage 1 by \(priority): \(framework.validOffers) valid "
                    + "offers, \(framework.eliminated.count) eliminated\(eliminated); shortlist "
                    + "\(framework.shortlist.joined(separator: ", ")); term \(framework.termMonths) months to "
                    + "\(framework.termEnd); orders by \(mode)",
                indent: "    "
            )
        ]
        let rows = framework.orders.map { order -> [String] in
            [
                order.id, String(order.lines.count), amount(order.ceiling), order.supplier ?? "-",
                order.price.map(amount) ?? "", order.agreementPrice.map(amount) ?? "",
                order.supplier == nil ? "" : TextLayout.percent(order.savingsRate),
            ]
        }
        let table = TextLayout.table(
            ["Order", "Lines", "Ceiling", "Supplier", "Price", "Agreement", "Savings"],
            rows,
            rightAligned: [1, 2, 4, 5, 6]
        )
        out += table.split(separator: "\n").map { "    " + $0 }
        for order in framework.orders where order.supplier == nil {
            out.append(TextReport.wrap("    \(order.id): \(order.note)", indent: "      "))
        }
        for order in framework.orders where !order.rounds.isEmpty {
            // The final standing of each bidder, best first; the JSON has every move.
            let moves = order.rounds.flatMap(\.moves).count
            let rounds = order.rounds.last?.number ?? 0
            out += wrapItems(
                "    second round \(order.id) (\(rounds) round\(rounds == 1 ? "" : "s"), \(moves) moves): ",
                AuctionRecord.standings(of: order.rounds).map(item),
                indent: "      "
            )
        }
        if framework.orders.contains(where: { order in
            order.rounds.contains { $0.moves.contains { $0.price != $0.evaluatedPrice } }
        }) {
            out.append("    * SME deduction: compared at price × (1 − d), the evaluated price")
        }
        let placed = framework.placed.count
        let suppliers = framework.totalBySupplier.count
        out.append(
            TextReport.wrap(
                "  Agreement: \(placed) of \(framework.orders.count) orders placed, \(amount(framework.total)) "
                    + "against their ceilings \(amount(framework.placedCeiling)) (savings "
                    + "\(TextLayout.percent(framework.savingsRate))); \(suppliers) supplier\(suppliers == 1 ? "" : "s"), "
                    + "largest share \(TextLayout.percent(framework.largestShare))",
                indent: "    "
            )
        )
        out += record.notes.map { TextReport.wrap("    · \($0)", indent: "      ") }
        return out
    }
}
