import ExactNumbers
import TenderModel

/// The ProZorro-style auction: a sealed first round (round 0), then `rounds` open rounds.
///
/// In the sealed round every admitted bidder's sealed price stands if it is at most the ceiling. Before each
/// open round the bidders with a standing bid are ordered worst-first (highest evaluated price first; equal:
/// the later bid first), and each moves once in that order, seeing every standing bid. A move must be at
/// most the ceiling and lower the bidder's own standing evaluated price by at least the minimal step (taken
/// of that price); it need not beat the best. The last accepted bid counts; lowest evaluated price wins,
/// equal lowest: the earlier move.
public enum ProZorroAuction {
    /// The auction among `bidders` (in entry order) playing their strategies.
    public static func simulate(_ bidders: [AuctionBidder], settings: AuctionSettings) -> AuctionRecord {
        var counter = MoveCounter()
        var standing: [String: AuctionMove] = [:]
        var sealed = AuctionRound(number: 0, label: "sealed")
        for bidder in bidders {
            let move = counter.move(
                round: 0,
                bidder: bidder.id,
                price: bidder.sealedPrice,
                evaluated: bidder.evaluated(bidder.sealedPrice),
                rejection: AuctionRules.proZorroRejection(
                    price: bidder.sealedPrice,
                    own: nil,
                    ceiling: bidder.ceiling(settings),
                    step: settings.step
                )
            )
            sealed.moves.append(move)
            if move.accepted { standing[bidder.id] = move }
        }
        var rounds = [sealed]
        var active = Set(bidders.map(\.id))
        let byID = Dictionary(bidders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for number in stride(from: 1, through: settings.rounds, by: 1) {
            var current = AuctionRound(number: number, label: "round \(number)")
            let order = standing.values.sorted {
                ($1.evaluatedPrice, $1.sequence) < ($0.evaluatedPrice, $0.sequence)
            }.map(\.bidder)
            for id in order where active.contains(id) {
                guard let bidder = byID[id], let own = standing[id] else { continue }
                switch bidder.strategy {
                case .sealed: continue
                case .lastMoment where number != settings.rounds: continue
                default: break
                }
                guard let best = Self.best(standing), best.bidder != id else { continue }
                guard
                    let quote = AuctionRules.strategicQuote(
                        bidder,
                        best: best.evaluatedPrice,
                        own: own.evaluatedPrice,
                        settings: settings
                    )
                else {
                    active.remove(id)
                    current.droppedOut.append(id)
                    continue
                }
                let move = counter.move(
                    round: number,
                    bidder: id,
                    price: quote,
                    evaluated: bidder.evaluated(quote),
                    rejection: AuctionRules.proZorroRejection(
                        price: quote,
                        deduction: bidder.deduction,
                        own: own.evaluatedPrice,
                        ceiling: bidder.ceiling(settings),
                        step: settings.step
                    )
                )
                current.moves.append(move)
                if move.accepted { standing[id] = move }
            }
            if !current.moves.isEmpty || !current.droppedOut.isEmpty { rounds.append(current) }
        }
        return AuctionRecord(
            format: .prozorro,
            ceiling: settings.ceiling,
            step: settings.step,
            roundLimit: settings.rounds,
            rounds: rounds
        )
    }

    /// A rehearsal: round 0 entries are sealed bids (a later one replaces an earlier one), the others open
    /// moves, all in submission order.
    public static func replay(
        _ moves: [ScheduledMove],
        deductions: [String: Exact] = [:],
        refused: [String: String] = [:],
        settings: AuctionSettings
    ) -> AuctionRecord {
        var counter = MoveCounter()
        var rounds: [AuctionRound] = []
        var standing: [String: Exact] = [:]
        for scheduled in moves {
            let d = deductions[scheduled.bidder] ?? .zero
            let evaluated = scheduled.price * (.one - d)
            let rejection: String?
            if let reason = refused[scheduled.bidder] {
                rejection = "not admitted: \(reason)"
            } else if scheduled.round > settings.rounds {
                rejection = "after the last open round (\(settings.rounds))"
            } else if scheduled.round == 0 {
                rejection = AuctionRules.proZorroRejection(
                    price: scheduled.price,
                    own: nil,
                    ceiling: settings.ceiling,
                    step: settings.step
                )
            } else if let own = standing[scheduled.bidder] {
                rejection = AuctionRules.proZorroRejection(
                    price: scheduled.price,
                    deduction: d,
                    own: own,
                    ceiling: settings.ceiling,
                    step: settings.step
                )
            } else {
                rejection = "no standing sealed bid"
            }
            let move = counter.move(
                round: scheduled.round,
                bidder: scheduled.bidder,
                price: scheduled.price,
                evaluated: evaluated,
                submittedAt: scheduled.submittedAt,
                rejection: rejection
            )
            if move.accepted { standing[scheduled.bidder] = evaluated }
            if rounds.last?.number != scheduled.round {
                let label = scheduled.round == 0 ? "sealed" : "round \(scheduled.round)"
                rounds.append(AuctionRound(number: scheduled.round, label: label))
            }
            rounds[rounds.count - 1].moves.append(move)
        }
        return AuctionRecord(
            format: .prozorro,
            ceiling: settings.ceiling,
            step: settings.step,
            roundLimit: settings.rounds,
            rounds: rounds
        )
    }

    static func best(_ standing: [String: AuctionMove]) -> AuctionMove? {
        standing.values.min { ($0.evaluatedPrice, $0.sequence) < ($1.evaluatedPrice, $1.sequence) }
    }
}
