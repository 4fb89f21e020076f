import ExactNumbers
import TenderModel

/// The second-price payment rule for sealed evaluations (research).
///
/// The bids are evaluated, ranked and awarded exactly as under first price; only the payment changes. The
/// winner is paid the highest whole-cent price at which its evaluated price would still not exceed the
/// lowest evaluated price among the other valid bids (those set aside under the same-brand rule left out):
/// that price ÷ (1 − the winner's deduction), rounded down to the cent — never less than its own bid and
/// never more than the ceiling. Under lowest price without deductions this is the second-lowest valid bid.
/// A winner without a valid rival is paid the ceiling.
public enum SecondPrice {
    /// The payment of `winner` on the evaluated lot, and how it was found.
    public static func payment(of winner: String, in outcome: LotOutcome) -> (price: Exact, note: String)? {
        guard let own = outcome.evaluations.first(where: { $0.bid.bidder == winner && $0.isValid }) else { return nil }
        let ceiling = outcome.lot.ceiling
        let rivals = outcome.evaluations.filter { $0.isValid && !$0.sameBrandShadowed && $0.bid.bidder != winner }
        guard let second = rivals.min(by: { $0.evaluatedPrice < $1.evaluatedPrice }) else {
            return (ceiling, "second price: \(winner) has no valid rival and is paid the ceiling \(shown(ceiling))")
        }
        let critical = AuctionRules.highestQuote(evaluatedAtMost: second.evaluatedPrice, deduction: own.deduction)
        let price = min(ceiling, max(own.bid.price, critical))
        var note =
            "second price: \(winner) bid \(shown(own.bid.price)) and is paid \(shown(price)), the lowest rival "
            + "evaluated price \(shown(second.evaluatedPrice)) (\(second.bid.bidder))"
        if !own.deduction.isZero { note += " ÷ (1 − \(own.deduction.percentText)), rounded down to the cent" }
        if price == ceiling && critical > ceiling { note += ", capped at the ceiling" }
        if price == own.bid.price && critical < own.bid.price { note += "; not below its own bid" }
        return (price, note)
    }

    /// Re-prices every awarded sealed lot (those without an auction record) by the second-price rule and
    /// records the payment.
    static func apply(_ outcomes: inout [LotOutcome]) {
        for index in outcomes.indices where outcomes[index].auction == nil {
            guard let winner = outcomes[index].winner,
                let (price, note) = payment(of: winner, in: outcomes[index])
            else { continue }
            outcomes[index].contractPrice = price
            let moves = outcomes[index].evaluations.enumerated().map { offset, e in
                AuctionMove(
                    sequence: offset + 1,
                    round: 0,
                    bidder: e.bid.bidder,
                    price: e.bid.price,
                    evaluatedPrice: e.evaluatedPrice,
                    submittedAt: e.bid.submittedAt,
                    rejection: e.isValid ? nil : e.rejections.map(\.reason.rawValue).joined(separator: ", ")
                )
            }
            outcomes[index].auction = AuctionRecord(
                format: .secondPrice,
                ceiling: outcomes[index].lot.ceiling,
                rounds: [AuctionRound(number: 0, label: "sealed", moves: moves)],
                notes: [note]
            )
        }
    }

    static func shown(_ value: Exact) -> String { AuctionRules.shown(value) }
}
