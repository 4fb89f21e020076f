import ExactNumbers
import TenderEngine
import TenderModel

/// The auction record of an evaluation report: every move, the second-price payment, or a framework
/// agreement's shortlist and orders (Docs/auctions.md).
enum AuctionMarkdown {
    static func section(_ record: AuctionRecord) -> [String] {
        var out: [String] = []
        switch record.format {
        case .eMall, .prozorro:
            let name = record.format == .eMall ? "e-mall reverse auction (电子卖场反向竞价)" : "ProZorro-style auction"
            out += [
                "## Auction record (竞价记录)", "", "Format: \(name); start at the ceiling \(amount(record.ceiling)).", "",
            ]
            out += moves(record.rounds)
        case .secondPrice:
            out += ["## Payment (成交价格)", ""]
        case .frameworkAgreement:
            out += ["## Framework agreement (框架协议, 财政部令第110号)", ""]
            if let f = record.framework {
                out.append(
                    "Stage 1 by \(f.priority.rawValue) priority: \(f.validOffers) valid offers; shortlist "
                        + "\(f.shortlist.joined(separator: ", ")); eliminated "
                        + "\(f.eliminated.isEmpty ? "none" : f.eliminated.joined(separator: ", ")). Term "
                        + "\(f.termMonths) months, to \(f.termEnd). Orders: \(f.orderMode.rawValue)."
                )
                out += ["", "| Order | Lines | Ceiling | Supplier | Price | Agreement price | Note |"]
                out.append("|---|---|---:|---|---:|---:|---|")
                for o in f.orders {
                    out.append(
                        "| \(o.id) | \(o.lines.joined(separator: ", ")) | \(amount(o.ceiling)) | \(o.supplier ?? "-") | "
                            + "\(o.price.map(amount) ?? "-") | \(o.agreementPrice.map(amount) ?? "-") | \(MarkdownText.cell(o.note)) |"
                    )
                }
                out.append("")
                out.append(
                    "Placed \(f.placed.count) of \(f.orders.count) orders for \(amount(f.total)) yuan against their "
                        + "ceilings \(amount(f.placedCeiling))."
                )
            }
        }
        for note in record.notes { out += ["", "- \(MarkdownText.inline(note))"] }
        return out
    }

    static func moves(_ rounds: [AuctionRound]) -> [String] {
        var out = [
            "| Round | # | Bidder | Price | Evaluated price | Submitted | Result |", "|---|---:|---|---:|---:|---|---|",
        ]
        for round in rounds {
            for m in round.moves {
                out.append(
                    "| \(round.label) | \(m.sequence) | \(m.bidder) | \(amount(m.price)) | \(amount(m.evaluatedPrice)) | "
                        + "\(m.submittedAt) | \(m.rejection.map { "rejected: \(MarkdownText.cell($0))" } ?? "accepted") |"
                )
            }
            for bidder in round.droppedOut { out.append("| \(round.label) | | \(bidder) | | | | dropped out |") }
        }
        return out
    }

    static func amount(_ value: Exact) -> String { TextLayout.amount(value) }
}
